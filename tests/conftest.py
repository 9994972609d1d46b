"""Fixtures shared by the whole suite: the fixture dossier as a project, and paths."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dossier_gen.rendering.render import DEFAULT_TEMPLATES

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "dossier"
BILINGUAL = ROOT / "tests" / "fixtures" / "bilingual"
"""An invented dossier in English and Simplified Chinese."""
TEMPLATES = DEFAULT_TEMPLATES
"""The page templates that ship with the package."""


def make_fixture_project(where: Path) -> Path:
    """A writable copy of the fixture dossier (data/, docs/, mkdocs.yml) at `where`."""
    shutil.copytree(FIXTURE, where)
    return where


@pytest.fixture
def fixture_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture dossier that builds where it is."""
    return make_fixture_project(tmp_path / "dossier")


@pytest.fixture
def chdir(monkeypatch: pytest.MonkeyPatch):
    """Run in a folder, so problem paths come out relative as an editor sees them."""

    def go(path: Path) -> Path:
        monkeypatch.chdir(path)
        return path

    return go


@pytest.fixture
def root(fixture_copy: Path, chdir) -> Path:
    """A copy of the fixture dossier, as the working folder."""
    return chdir(fixture_copy)


def fill_in_placeholders(project: Path) -> None:
    """Do what a publisher does before publishing `project`: give real details in
    `data/dossier.yml` and drop every paragraph of `docs/` that still holds a placeholder."""
    import re

    import yaml

    from dossier_gen.records.readiness import placeholder_marks

    settings_file = project / "data" / "dossier.yml"
    settings = yaml.safe_load(settings_file.read_text(encoding="utf-8"))
    settings["publisher"] = {
        "name": "Harbour Fact-Check Desk",
        "url": "https://desk.news.test/",
        "contact": "corrections@desk.news.test",
        "funding": "Funded by its readers' subscriptions; owned by a reader cooperative.",
    }
    settings["base_url"] = "https://dossier.desk.news.test/"
    settings_file.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    for page in (project / "docs").rglob("*.md"):
        blocks = re.split(r"\n\s*\n", page.read_text(encoding="utf-8"))
        kept = [block for block in blocks if not placeholder_marks(block)]
        page.write_text("\n\n".join(kept) + "\n", encoding="utf-8")


@pytest.fixture(scope="session")
def distributions(tmp_path_factory) -> tuple[Path, Path]:
    """The source distribution and the wheel, built once per session by `python -m build`."""
    from .newsroom import build_distributions

    return build_distributions(tmp_path_factory.mktemp("dist"))


@pytest.fixture(scope="session")
def new_dossier(distributions, tmp_path_factory):
    """A new dossier made by another newsroom with the wheel alone (see `newsroom.py`)."""
    from .newsroom import make_new_dossier

    return make_new_dossier(distributions[1], tmp_path_factory.mktemp("elsewhere"))

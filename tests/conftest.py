"""Fixtures shared by the whole suite: the fixture dossier as a project, and paths."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "dossier"
TEMPLATES = ROOT / "templates"


def make_fixture_project(where: Path, *, overrides: bool = False) -> Path:
    """A writable copy of the fixture dossier (data/, docs/, mkdocs.yml) at `where`, whose
    mkdocs.yml finds this repository's templates wherever the copy lives; with `overrides`,
    it also uses the repository's theme overrides, as the real site does."""
    shutil.copytree(FIXTURE, where)
    config = where / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace("../../../templates", str(TEMPLATES))
    if overrides:
        text = text.replace(
            "  name: material\n", f"  name: material\n  custom_dir: {ROOT / 'overrides'}\n"
        )
    config.write_text(text, encoding="utf-8")
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

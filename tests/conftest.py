"""Fixtures shared by the whole suite: the fixture dossier as a project, and paths."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dossier_gen.rendering.render import DEFAULT_TEMPLATES

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "dossier"
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

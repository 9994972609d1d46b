from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "dossier"


@pytest.fixture
def fixture_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture dossier (data/, docs/, mkdocs.yml)."""
    target = tmp_path / "dossier"
    shutil.copytree(FIXTURE, target)
    return target


@pytest.fixture
def chdir(monkeypatch: pytest.MonkeyPatch):
    """Run in a folder, so problem paths come out relative as an editor sees them."""
    def go(path: Path) -> Path:
        monkeypatch.chdir(path)
        return path
    return go

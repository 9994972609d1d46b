"""Built sites for the quality gates: the published dossier, and the fixture dossier's
hostile records built with the same theme configuration."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from devtools.web import free_port, missing_tools, serve, with_base_url

from ..conftest import FIXTURE, ROOT


def require(**tools: bool) -> None:
    """Skip when a tool is missing on a developer's machine; in CI (CI set, not 0 or false),
    fail instead."""
    missing = missing_tools(**tools)
    if not missing:
        return
    message = "missing: " + "; ".join(missing)
    if os.environ.get("CI", "").lower() not in ("", "0", "false"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def build(project: Path, site: Path) -> Path:
    result = subprocess.run(
        [sys.executable, "-m", "dossier_gen", "build", "--site-dir", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="session")
def published_site(tmp_path_factory) -> Path:
    """The dossier as published: data/, docs/ and mkdocs.yml of this repository."""
    return build(ROOT, tmp_path_factory.mktemp("published") / "site")


@pytest.fixture(scope="session")
def published_url(tmp_path_factory):
    """The dossier as published, built for the loopback address it is then served at (see
    `devtools.web.with_base_url`); yields that address."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    project = tmp_path_factory.mktemp("at-its-address")
    shutil.copytree(ROOT / "data", project / "data")
    shutil.copytree(ROOT / "docs", project / "docs")
    (project / "mkdocs.yml").write_text(
        with_base_url((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), url), encoding="utf-8"
    )
    site = build(project, project / "site")
    with serve(site, port) as served:
        assert served == url
        yield url


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    """The fixture dossier, whose records hold markup, built with the real site's theme.

    The real hand-written pages link to real records, so each becomes a stub with its
    title (the navigation still finds it), and the home page is the fixture's.
    """
    project = tmp_path_factory.mktemp("hostile")
    shutil.copytree(ROOT / "docs", project / "docs")
    for page in (project / "docs").rglob("*.md"):
        page.write_text(f"# {page.stem.title()}\n", encoding="utf-8")
    # The real dossier's other editions (`docs/zh/`) are not the fixture's.
    for folder in [p for p in (project / "docs").iterdir() if p.is_dir()]:
        shutil.rmtree(folder)
    shutil.copy(FIXTURE / "docs" / "index.md", project / "docs" / "index.md")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(FIXTURE / "data", project / "data")
    return build(project, project / "site")

"""Golden files: the fixture dossier rendered to Markdown, compared with checked-in pages.

After an intended change to templates or rendering, refresh the expected pages with
`make goldens` and review the diff like any other change.
"""

from __future__ import annotations

import os

import pytest

from dossier_gen.load import load_catalog
from dossier_gen.render import render_site

from .conftest import FIXTURE, ROOT

GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("UPDATE_GOLDENS") == "1"


def rendered_pages() -> dict[str, str]:
    os.chdir(FIXTURE)  # problem and edit paths are relative to the working folder
    try:
        catalog = load_catalog("data")
        intro = (FIXTURE / "docs" / "index.md").read_text(encoding="utf-8")
        site = render_site(catalog, [ROOT / "templates"], intro)
    finally:
        os.chdir(ROOT)
    return {path: page.markdown for path, page in site.pages.items()}


PAGES = rendered_pages()

if UPDATE:
    for stale in GOLDEN.rglob("*.md"):
        stale.unlink()
    for path, markdown in PAGES.items():
        (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
        (GOLDEN / path).write_text(markdown, encoding="utf-8")


def test_the_same_pages_exist():
    expected = sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md"))
    assert sorted(PAGES) == expected


@pytest.mark.parametrize("page", sorted(PAGES))
def test_page_matches_golden(page: str):
    golden = GOLDEN / page
    assert PAGES[page] == golden.read_text(encoding="utf-8"), (
        f"{page} differs from tests/golden/{page}; if the change is intended, run"
        " `make goldens` and review the diff"
    )

"""Golden files: the fixture dossier rendered to Markdown, compared with checked-in pages.

After an intended change to templates or rendering, refresh the expected pages with
`make goldens` and review the diff like any other change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dossier_gen import build_site, load_catalog

from .conftest import FIXTURE, ROOT, TEMPLATES

GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("UPDATE_GOLDENS") == "1"


def _golden_pages() -> list[str]:
    return sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md"))


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    """The fixture dossier's pages; with UPDATE_GOLDENS=1, also written as the new goldens."""
    catalog = load_catalog(FIXTURE / "data")
    intro = (FIXTURE / "docs" / "index.md").read_text(encoding="utf-8")
    site = build_site(catalog, [TEMPLATES], intro)
    rendered = {path: page.markdown for path, page in site.pages.items()}
    if UPDATE:
        for stale in GOLDEN.rglob("*.md"):
            stale.unlink()
        for path, markdown in rendered.items():
            target: Path = GOLDEN / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(markdown, encoding="utf-8")
    return rendered


def test_the_same_pages_exist(pages):
    assert sorted(pages) == _golden_pages()


@pytest.mark.parametrize("page", _golden_pages())
def test_page_matches_golden(pages, page: str):
    assert page in pages, f"tests/golden/{page} is no longer rendered; run `make goldens`"
    assert pages[page] == (GOLDEN / page).read_text(encoding="utf-8"), (
        f"{page} differs from tests/golden/{page}; if the change is intended, run"
        " `make goldens` and review the diff"
    )

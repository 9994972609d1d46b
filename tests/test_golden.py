"""Golden files: the fixture dossiers rendered to Markdown, compared with checked-in pages.

`tests/golden/` holds the one-language fixture's pages; `tests/golden-bilingual/` the
two-language fixture's, its first edition at the top and the Chinese edition in `zh/`, as
on the site. After an intended change to templates or rendering, refresh the expected pages
with `make goldens` and review the diff like any other change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dossier_gen import build_site, load_catalog
from dossier_gen.rendering.localize import editions
from dossier_gen.rendering.urls import edition_prefix

from .conftest import BILINGUAL, FIXTURE, ROOT, TEMPLATES

UPDATE = os.environ.get("UPDATE_GOLDENS") == "1"
GOLDENS = {
    "single": (FIXTURE, ROOT / "tests" / "golden"),
    "bilingual": (BILINGUAL, ROOT / "tests" / "golden-bilingual"),
}


def _render(fixture: Path) -> dict[str, str]:
    """Every edition's pages, by path on the site (`zh/claims/x.md` for the Chinese one)."""
    catalog = load_catalog(fixture / "data")
    dossier = catalog.dossier.model
    pages: dict[str, str] = {}
    for edition in editions(dossier):
        prefix = edition_prefix(dossier, edition.language)
        intro_file = fixture / "docs" / prefix / "index.md"
        intro = intro_file.read_text(encoding="utf-8") if intro_file.is_file() else ""
        site = build_site(catalog, [TEMPLATES], intro, language=edition.language)
        pages |= {prefix + path: page.markdown for path, page in site.pages.items()}
    return pages


def _golden_pages(golden: Path) -> list[str]:
    return sorted(p.relative_to(golden).as_posix() for p in golden.rglob("*.md"))


@pytest.fixture(scope="module", params=sorted(GOLDENS))
def rendered(request) -> tuple[dict[str, str], Path]:
    """A fixture dossier's pages; with UPDATE_GOLDENS=1, also written as the new goldens."""
    fixture, golden = GOLDENS[request.param]
    pages = _render(fixture)
    if UPDATE:
        for stale in golden.rglob("*.md"):
            stale.unlink()
        for path, markdown in pages.items():
            target: Path = golden / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(markdown, encoding="utf-8")
    return pages, golden


def test_the_same_pages_exist(rendered):
    pages, golden = rendered
    assert sorted(pages) == _golden_pages(golden)


def test_pages_match_goldens(rendered):
    pages, golden = rendered
    for page in _golden_pages(golden):
        assert page in pages, f"{golden.name}/{page} is no longer rendered; run `make goldens`"
        assert pages[page] == (golden / page).read_text(encoding="utf-8"), (
            f"{page} differs from tests/{golden.name}/{page}; if the change is intended, run"
            " `make goldens` and review the diff"
        )

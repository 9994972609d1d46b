"""A dossier started with `dossier init` from the installed wheel (`tests/newsroom.py`): its
Chinese search works in a browser with nothing set but what `dossier init` wrote."""

from __future__ import annotations

import pytest
import yaml
from playwright.sync_api import expect

from .helpers import search

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_the_example_chinese_name_is_found_by_search(new_dossier, served, page, traffic):
    names = {}
    for path in sorted((new_dossier.project / "data" / "entities").glob("*.yml")):
        entity = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        if entity.get("native_name"):
            names[path.stem] = entity["native_name"]
    assert names, "the example dossier has no Chinese name to search for"
    page.goto(served(new_dossier.site))
    for entity_id, native_name in names.items():
        search(page, native_name)
        expect(
            page.locator(f".md-search-result__item a[href*='entities/{entity_id}/']").first
        ).to_be_visible(timeout=15_000)
    # Guards the search above: a Chinese name the dossier does not hold finds nothing.
    search(page, "王小明")
    expect(page.locator(".md-search-result__meta")).to_contain_text("No matching", timeout=15_000)
    assert traffic.problems() == []

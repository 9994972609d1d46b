"""Actions shared by the browser tests."""

from __future__ import annotations

from playwright.sync_api import Page, expect


def search(page: Page, query: str) -> None:
    """Type a query into the theme's search box the way a reader does.

    The theme searches on key-up, and playwright types characters that are not on the
    keyboard (Chinese) as input events without keys, so a key that changes nothing follows.
    """
    box = page.locator(".md-search__input")
    box.click()
    # Clear an earlier query and its results, so they cannot answer for this one.
    box.fill("")
    box.press("ArrowRight")
    expect(page.locator(".md-search-result__item")).to_have_count(0)
    expect(page.locator(".md-search-result__meta")).not_to_contain_text(
        "Initializing", timeout=20_000
    )
    box.type(query)
    box.press("ArrowRight")


def result_links(page: Page) -> list[str]:
    return page.locator(".md-search-result__item a").evaluate_all("links => links.map(a => a.href)")


def axe_violations(page: Page) -> list[str]:
    """axe-core's violations on the page, one readable line each (empty when clean)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(str(node["target"]) for node in v["nodes"][:5])
        for v in results.response["violations"]
    ]

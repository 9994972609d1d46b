"""A reader arriving from a shared link sees the verdict first, on a phone as on a desktop."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from dossier_gen.rendering.indexes import build_indexes

from .conftest import watched_page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SCREENS = {"phone": (390, 844), "desktop": (1280, 800)}


@pytest.fixture(params=sorted(SCREENS))
def screen(request, browser, traffic):
    width, height = SCREENS[request.param]
    with watched_page(browser, traffic, viewport={"width": width, "height": height}) as page:
        yield page


def _one_claim_per_rating(catalog) -> list[str]:
    by_rating = build_indexes(catalog).claims_by_rating
    return [sorted(ids)[0] for ids in by_rating.values() if ids]


def _inside_first_screen(page: Page, selector: str) -> None:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not shown"
    viewport = page.viewport_size
    assert viewport is not None
    assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"], (
        f"{selector} ends at y={box['y'] + box['height']:.0f}, below the first screen"
        f" ({viewport['height']} px)"
    )
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"] + 1, selector


def test_verdict_claimant_and_review_date_are_in_the_first_screen(sites, screen):
    site = sites("real")
    claims = _one_claim_per_rating(site.catalog)
    assert len(claims) >= 4, "the real dossier uses at least four ratings"
    for claim_id in claims:
        claim = site.catalog.claims[claim_id].model
        screen.goto(site.page_url(f"claims/{claim_id}.md"))
        label = site.catalog.dossier.model.rating(claim.rating).label
        expect(screen.locator(".dossier-verdict__label")).to_have_text(label)
        _inside_first_screen(screen, ".dossier-verdict__label")
        _inside_first_screen(screen, ".dossier-verdict__finding")
        claimant = site.catalog.entities[claim.claimant].model.name
        _inside_first_screen(screen, f".dossier-claim__by a:text-is({claimant!r})")
        reviewed = screen.locator(".dossier-verdict__checked time").first
        expect(reviewed).to_have_attribute("datetime", claim.reviewed_on)
        _inside_first_screen(screen, ".dossier-verdict__checked time")


def test_each_rating_has_its_own_verdict_colour(sites, page):
    site = sites("real")
    colours: dict[str, str] = {}
    for claim_id in _one_claim_per_rating(site.catalog):
        page.goto(site.page_url(f"claims/{claim_id}.md"))
        block = page.locator(".dossier-verdict__rating")
        colour = block.evaluate("e => getComputedStyle(e).backgroundColor")
        assert colour not in ("rgba(0, 0, 0, 0)", "transparent"), claim_id
        colours[site.catalog.claims[claim_id].model.rating] = colour
    assert len(set(colours.values())) == len(colours), colours


def test_the_claims_index_fits_a_phone_with_every_verdict_on_screen(sites, screen):
    site = sites("real")
    screen.goto(site.page_url("claims/index.md"))
    width = screen.viewport_size["width"]
    overflow = screen.evaluate("() => document.documentElement.scrollWidth")
    assert overflow <= width, f"the page is {overflow} px wide in a {width} px screen"
    boxes = screen.locator("table.dossier-claims tbody tr .dossier-badge").evaluate_all(
        "bs => bs.map(b => { const r = b.getBoundingClientRect(); return [r.left, r.right]; })"
    )
    assert len(boxes) == len(site.catalog.claims)
    for left, right in boxes:
        assert left >= 0 and right <= width, (left, right)
    # Each verdict reads as words: a squeezed column once broke "Unsupported" into letters.
    narrowest = min(
        screen.locator("table.dossier-claims tbody .dossier-claims__verdict").evaluate_all(
            "cells => cells.map(c => c.getBoundingClientRect().width)"
        )
    )
    assert narrowest >= 100, f"the verdict column is {narrowest:.0f} px wide"


@pytest.fixture
def phone(browser, traffic):
    with watched_page(browser, traffic, viewport={"width": 390, "height": 844}) as page:
        yield page


def test_no_page_is_wider_than_a_phone(sites, phone):
    screen = phone
    site = sites("real")
    catalog = site.catalog
    index = build_indexes(catalog)
    source = max(sorted(index.source_uses), key=lambda s: len(index.source_uses[s]))
    entity = catalog.claims[sorted(catalog.claims)[0]].model.claimant
    paths = ["index.md", "ratings.md", "timeline.md", "corrections.md", "claims/by-claimant.md"]
    for path in [*paths, f"sources/{source}.md", f"entities/{entity}.md", "tags.md"]:
        screen.goto(site.page_url(path))
        overflow = screen.evaluate("() => document.documentElement.scrollWidth")
        assert overflow <= 390, f"{path} is {overflow} px wide on a phone"


# Bookkeeping a reader must not see: record ids, our copies' line numbers, article numbers,
# schema labels.
BOOKKEEPING = re.compile(
    r"\blines? \d+\b|\barticles? 00\d\b|\bclaim id\b|\bKind: |\bLanguage: [a-z]{2}\b"
    r"|position in the page not recorded|\bDetail\s+Value\b",
    re.IGNORECASE,
)


def test_readers_see_no_ids_line_numbers_or_schema_labels(sites, page):
    site = sites("real")
    catalog = site.catalog
    ids = [i for i in [*catalog.claims, *catalog.entities, *catalog.sources] if i.count("-") >= 2]
    paths = ["index.md", "claims/index.md", "timeline.md", "corrections.md"]
    paths += [f"claims/{cid}.md" for cid in sorted(catalog.claims)]
    paths += [f"sources/{sid}.md" for sid in sorted(catalog.sources)]
    paths += [f"entities/{eid}.md" for eid in sorted(catalog.entities)]
    for path in paths:
        page.goto(site.page_url(path))
        text = page.locator("article").inner_text()
        found = BOOKKEEPING.search(text)
        assert found is None, f"{path} shows {found.group(0)!r}"
        # A permalink is the page's address, for citing: the only place an id may show.
        words = re.sub(r"https?://\S+", "", text)
        shown = [i for i in ids if i in words]
        assert shown == [], f"{path} shows record ids {shown}"


def test_share_links_are_plain_links_and_nothing_leaves_the_site_before_a_click(
    sites, page, traffic
):
    site = sites("real")
    claim_id = sorted(site.catalog.claims)[0]
    page.goto(site.page_url(f"claims/{claim_id}.md"))
    page.wait_for_load_state("networkidle")
    links = page.locator(".dossier-share__links a")
    assert links.count() >= 7  # e-mail, X, Facebook, WhatsApp, Telegram, Weibo, LINE
    for link in links.all():
        href = link.get_attribute("href") or ""
        assert href.startswith(("https://", "mailto:")), href
        assert link.get_attribute("onclick") is None
    assert page.locator("script[src^='http']").count() == 0
    assert page.locator("iframe").count() == 0
    assert traffic.problems() == []

"""The site as a reader uses it, in a real browser: search, the claims table, navigation,
privacy (no request leaves the site) and accessibility (axe-core finds no violations)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from dossier_gen.rendering.indexes import build_indexes
from dossier_gen.rendering.wording import finding, tag_label

from . import pick
from .helpers import axe_violations, result_links, search

pytestmark = [pytest.mark.browser, pytest.mark.slow]


# --- search ------------------------------------------------------------------------------


def test_search_finds_a_claim_by_a_word_of_its_text(choose, page):
    site, (claim_id, word) = choose(pick.a_rare_word)
    page.goto(site.url)
    search(page, word)
    expect(
        page.locator(f".md-search-result__item a[href*='claims/{claim_id}/']").first
    ).to_be_visible(timeout=15_000)


def test_search_finds_a_claim_by_its_id(choose, page):
    site, claim_id = choose(pick.a_claim)
    page.goto(site.url)
    search(page, claim_id)
    expect(
        page.locator(f".md-search-result__item a[href*='claims/{claim_id}/']").first
    ).to_be_visible(timeout=15_000)


def test_search_finds_people_and_organisations_by_their_chinese_names(choose, page):
    # Every one of them, such as 郭文贵 for Guo Wengui: jieba segments the index at build
    # time, and a name it splits (董经纬 as 董 / 经纬) must still be found.
    site, names = choose(pick.chinese_names)
    page.goto(site.url)
    for entity_id, native_name in names:
        search(page, native_name)
        expect(
            page.locator(f".md-search-result__item a[href*='entities/{entity_id}/']").first
        ).to_be_visible(timeout=15_000)
        page.locator(".md-search__input").fill("")


def test_search_for_nonsense_finds_nothing(sites, page):
    # Guards the tests above: the search must be able to come back empty.
    site = sites("real")
    page.goto(site.url)
    search(page, "zzqxjv")
    expect(page.locator(".md-search-result__meta")).to_contain_text("No matching", timeout=15_000)
    assert result_links(page) == []


# --- the claims table --------------------------------------------------------------------


def _visible_rows(page):
    return page.locator(".md-typeset table tbody tr:visible")


def test_claims_table_filters_and_sorts_without_reloading(choose, page):
    site, _ = choose(pick.a_claim)
    catalog = site.catalog
    indexes = build_indexes(catalog)
    page.goto(site.page_url("claims/index.md"))
    marker = page.evaluate("() => (window.__notReloaded = true)")
    assert marker is True
    expect(_visible_rows(page)).to_have_count(len(catalog.claims))
    ratings = {r.id: r.label for r in catalog.dossier.model.ratings}

    rating_id = next(r for r, ids in indexes.claims_by_rating.items() if ids)
    page.get_by_label("Verdict", exact=True).select_option(ratings[rating_id])
    expect(_visible_rows(page)).to_have_count(len(indexes.claims_by_rating[rating_id]))
    expect(page.locator(".dossier-filters__count")).to_contain_text(
        f"{len(indexes.claims_by_rating[rating_id])} of {len(catalog.claims)}"
    )
    # The filter is kept in the address, so a filtered list can be shared.
    assert f"rating={rating_id}" in page.url
    assert page.evaluate("() => window.__notReloaded") is True
    page.goto(page.url)
    expect(_visible_rows(page)).to_have_count(len(indexes.claims_by_rating[rating_id]))
    page.get_by_role("button", name="Show all").click()
    expect(_visible_rows(page)).to_have_count(len(catalog.claims))
    assert "rating=" not in page.url
    page.evaluate("() => (window.__notReloaded = true)")

    claimant, ids = next(iter(indexes.claims_by_claimant.items()))
    page.get_by_label("Claimant", exact=True).select_option(catalog.entities[claimant].model.name)
    expect(_visible_rows(page)).to_have_count(len(ids))
    page.get_by_role("button", name="Show all").click()

    if indexes.claims_by_tag:
        tag, ids = next(iter(indexes.claims_by_tag.items()))
        page.get_by_label("Topic", exact=True).select_option(tag_label(tag))
        expect(_visible_rows(page)).to_have_count(len(ids))
        page.get_by_role("button", name="Show all").click()

    source_id = catalog.claims[next(iter(catalog.claims))].model.appearance_source
    expected = [c for c in catalog.claims.values() if c.model.appearance_source == source_id]
    page.get_by_label("Article", exact=True).select_option(catalog.sources[source_id].model.title)
    expect(_visible_rows(page)).to_have_count(len(expected))
    page.get_by_role("button", name="Show all").click()

    page.get_by_role("button", name="Date").click()
    dates = page.locator(".md-typeset table tbody tr time").evaluate_all(
        "ts => ts.map(t => t.getAttribute('datetime'))"
    )
    assert dates == sorted(c.model.claimed_on for c in catalog.claims.values())
    page.get_by_role("button", name="Date").click()
    expect(page.locator("th[aria-sort='descending']")).to_have_count(1)
    assert page.evaluate("() => window.__notReloaded") is True


def test_claims_table_is_complete_without_javascript(choose, page_without_js):
    site, _ = choose(pick.a_claim)
    page = page_without_js
    page.goto(site.page_url("claims/index.md"))
    rows = page.locator(".md-typeset table tbody tr")
    expect(rows).to_have_count(len(site.catalog.claims))
    for claim_id in site.catalog.claims:
        expect(page.locator(f"tbody a[href$='{claim_id}/']")).to_have_count(1)
    expect(page.locator(".dossier-filters")).to_have_count(0)


# --- navigation --------------------------------------------------------------------------


def test_reader_walks_from_claim_to_person_to_source_and_back(choose, page):
    site, walk = choose(pick.a_walk)
    page.goto(site.page_url(f"claims/{walk.claim}.md"))
    claimant = site.catalog.entities[walk.entity].model.name
    page.locator("article a", has_text=claimant).first.click()
    expect(page).to_have_url(site.page_url(f"entities/{walk.entity}.md"))

    page.locator(f"article a[href$='sources/{walk.source}/']").first.click()
    expect(page).to_have_url(site.page_url(f"sources/{walk.source}.md"))

    page.locator(f"article table a[href$='claims/{walk.back_to}/']").first.click()
    expect(page).to_have_url(site.page_url(f"claims/{walk.back_to}.md"))
    # The first words only: page titles show < > & " ' as look-alike characters.
    title = site.catalog.claims[walk.back_to].model.title
    expect(page.locator("article h1")).to_contain_text(" ".join(title.split()[:3]))


def test_claim_page_shows_what_a_reader_needs(choose, page):
    site, claim_id = choose(pick.a_claim)
    claim = site.catalog.claims[claim_id].model
    rating = site.catalog.dossier.model.rating(claim.rating)
    page.goto(site.page_url(f"claims/{claim_id}.md"))
    verdict = page.locator(".dossier-verdict")
    expect(verdict.locator(".dossier-verdict__label")).to_have_text(rating.label)
    expect(verdict.locator(".dossier-verdict__icon")).to_have_attribute("aria-hidden", "true")
    expect(verdict.locator(".dossier-verdict__finding")).to_have_text(finding(claim, rating))
    expect(verdict.locator(".dossier-verdict__checked")).to_contain_text("reviewed")
    # The rating's definition is one click away, not in the reader's way.
    definition = verdict.locator("details.dossier-verdict__definition")
    expect(definition.locator("p")).to_be_hidden()
    definition.locator("summary").click()
    expect(definition).to_contain_text(rating.definition[:60])
    # The claim as said, once.
    expect(page.locator("article blockquote", has_text=claim.statement.text[:40])).to_have_count(1)
    claimant = site.catalog.entities[claim.claimant].model.name
    expect(page.locator(".dossier-claim__by a", has_text=claimant)).to_be_visible()
    for heading in ("Timeline", "Updates and corrections", "Cite or share", "Report an error"):
        expect(page.locator("article h2", has_text=heading)).to_have_count(1)
    expect(page.locator("a.dossier-share__permalink")).to_have_attribute(
        "href",
        f"{site.url}claims/{claim_id}/",  # built for the address it is served at
    )
    expect(page.locator("a.md-content__button[rel='edit']")).to_have_attribute(
        "href", f"https://github.com/example/dossier/edit/main/data/claims/{claim_id}.yml"
    )
    for item in claim.evidence:
        expect(page.locator("article li", has_text=item.quote[:40]).first).to_be_visible()


# --- privacy and accessibility -----------------------------------------------------------


KINDS = pick.PAGE_KINDS


@pytest.mark.parametrize("kind", KINDS)
def test_axe_finds_no_violations(choose, page, kind):
    site, path = pick.reader_pages(choose)[KINDS.index(kind)]
    page.goto(site.page_url(path))
    page.wait_for_load_state("networkidle")
    violations = axe_violations(page)
    assert violations == [], f"{kind} {path}:\n" + "\n".join(violations)


def test_no_console_errors_and_no_request_leaves_the_site(choose, page, traffic):
    pages = pick.reader_pages(choose)
    for site, path in pages:
        page.goto(site.page_url(path))
        page.wait_for_load_state("networkidle")
    site = pages[0][0]
    page.goto(site.url)
    search(page, "claim")
    page.wait_for_load_state("networkidle")
    requested = page.evaluate("() => performance.getEntriesByType('resource').length")
    assert requested > 0, "the watcher saw no requests at all"
    assert traffic.problems() == []


def test_the_offline_guard_would_catch_an_offsite_request(sites, browser, traffic):
    # Proves the check above can fail: a request to another host is seen and blocked. The
    # site's own policy would stop the request before it is made, so it is bypassed here.
    from .conftest import watched_page

    site = sites("real")
    with watched_page(browser, traffic, bypass_csp=True) as page:
        page.goto(site.url)
        page.evaluate("() => fetch('https://fonts.example.com/x.css').catch(() => null)")
        page.wait_for_timeout(500)
    assert any("fonts.example.com" in url for url in traffic.offsite_requests)

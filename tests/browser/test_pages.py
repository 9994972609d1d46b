"""What the other reader pages show: charts, the scorecard's caveat, the timeline, tags, print."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from dossier_gen.rendering.indexes import build_indexes
from dossier_gen.rendering.timeline import site_timeline
from dossier_gen.rendering.wording import tag_label

from . import pick

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _chart_figures(page, chart_id: str) -> dict[str, str]:
    """Each bar's label → its count, as the chart's text shows them."""
    rows = page.locator(f"#{chart_id} li.dossier-chart__row").evaluate_all(
        "rows => rows.map(r => [r.querySelector('.dossier-chart__label').textContent,"
        " r.querySelector('.dossier-chart__count').textContent])"
    )
    # The label starts with the rating's icon, which screen readers skip.
    return {label.split(" ", 1)[-1].strip(): count for label, count in rows}


def test_home_page_charts_claims_per_verdict_and_lists_recent_updates(sites, page):
    site = sites("real")
    catalog = site.catalog
    indexes = build_indexes(catalog)
    page.goto(site.url)
    chart = page.locator("#claims-per-rating")
    expect(chart.locator("figcaption")).to_have_text("Claims per verdict")
    assert _chart_figures(page, "claims-per-rating") == {
        r.label: str(len(indexes.claims_by_rating[r.id])) for r in catalog.dossier.model.ratings
    }
    # The latest five entries of the corrections log, each linked to its record.
    recent = page.locator("h2#recent-updates + ul > li")
    latest = indexes.corrections_log[:5]
    expect(recent).to_have_count(len(latest))
    for item, entry in zip(recent.all(), latest, strict=True):
        folder = "claims" if entry.kind == "claim" else "entities"
        expect(item.locator(f"a[href$='{folder}/{entry.record_id}/']")).to_have_count(1)


def test_entity_page_has_a_scorecard_and_says_the_claims_were_selected(choose, page):
    site, entity_id = choose(pick.a_claimant)
    made = build_indexes(site.catalog).claims_by_claimant[entity_id]
    page.goto(site.page_url(f"entities/{entity_id}.md"))
    expect(page.locator("article")).to_contain_text("Selected, not sampled")
    expect(page.locator("article")).to_contain_text("says nothing about overall honesty")
    figures = _chart_figures(page, "scorecard")
    assert sum(int(n) for n in figures.values()) == len(made)


def test_timeline_lists_every_event_in_order_each_linked(choose, page):
    site, _ = choose(pick.a_claim)
    events = site_timeline(site.catalog)
    page.goto(site.page_url("timeline.md"))
    # The timeline's entries: the list of the page in other languages is not one of them.
    items = page.locator("article li:not(.dossier-languages li)")
    expect(items).to_have_count(len(events))
    dates = items.locator("time").evaluate_all("ts => ts.map(t => t.getAttribute('datetime'))")
    assert dates == [e.date for e in events] == sorted(dates)
    # Every event links its page (some also link the people or outlet they name).
    expect(items.filter(has=page.locator("a"))).to_have_count(len(events))
    first = events[0].page.removesuffix(".md")
    assert items.first.locator("a").get_attribute("href").rstrip("/").endswith(first)


def test_tags_page_lists_claims_by_tag(choose, page):
    site, tags = choose(lambda c: build_indexes(c).claims_by_tag or None)
    page.goto(site.page_url("tags.md"))
    tag, ids = next(iter(tags.items()))
    section = page.locator(f"article [id='tag:{tag}']")
    expect(section).to_have_count(1)
    page.goto(site.page_url(f"claims/{ids[0]}.md"))
    page.locator(".dossier-topics .md-tag", has_text=tag_label(tag)).first.click()
    expect(page).to_have_url(site.page_url("tags.md") + f"#tag:{tag}")


def test_claim_page_prints_without_navigation_and_with_link_addresses(choose, page):
    site, claim_id = choose(pick.a_claim)
    page.goto(site.page_url(f"claims/{claim_id}.md"))
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".md-content__button"):
        expect(page.locator(chrome).first).to_be_hidden()
    # A print-out says where and when it came from: the site, the permanent address, the
    # verdict and the review date.
    header = page.locator(".dossier-print-header")
    expect(header).to_be_visible()
    site_name = header.evaluate("e => getComputedStyle(e, '::before').content")
    address = header.evaluate("e => getComputedStyle(e, '::after').content")
    assert site_name == f'"{site.catalog.dossier.model.title}"'
    # The site is built for the address it is served at (its base_url), as a reader gets it.
    assert address == f'"{site.url}claims/{claim_id}/"'
    expect(page.locator(".dossier-verdict__label")).to_be_visible()
    expect(page.locator(".dossier-verdict__checked time").first).to_be_visible()
    external = page.locator("article a[href^='http']:not(.dossier-share__permalink)").first
    printed = external.evaluate("a => getComputedStyle(a, '::after').content")
    assert external.get_attribute("href") in printed
    page.emulate_media(media="screen")
    expect(page.locator(".md-header")).to_be_visible()
    assert external.evaluate("a => getComputedStyle(a, '::after').content") == "none"

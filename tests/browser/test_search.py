"""Search as readers use it, in a real browser: the dossier's index, fetched only when a
reader searches, answering mkdocs-material's search box (`publishing.search` and the
worker in `publishing/assets/dossier-search.js`)."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from dossier_gen.publishing.search import SearchDoc, record_docs
from dossier_gen.publishing.search_words import shard_of, terms
from dossier_gen.records.ratings import RatingScale
from dossier_gen.rendering import urls

from . import pick
from .helpers import search

pytestmark = [pytest.mark.browser, pytest.mark.slow]

GOLDEN_RESULTS = Path(__file__).resolve().parents[1] / "golden" / "search-results.json"
UPDATE = os.environ.get("UPDATE_GOLDENS") == "1"

FIXED_QUERIES = [
    "bridge",
    "bridges",
    "finished",
    "Ada Example",
    "艾达",
    "完成",
    "example registry",
    "zzqxjv",
]
"""English (a word, its plural, two words) and Chinese queries on the fixture dossier, whose
results, in order and with their chips, are kept in tests/golden/search-results.json."""


def results(page) -> list[tuple[str, str, str]]:
    """Every result as (address below the site, title, chip), scrolling the list until the
    theme has shown them all (it shows ten, then more as the reader scrolls)."""
    meta = page.locator(".md-search-result__meta")
    expect(meta).not_to_contain_text("Initializing", timeout=20_000)
    page.wait_for_function(
        "() => !document.querySelector('.md-search-result__meta').textContent"
        ".includes('Type to start')"
    )
    text = meta.inner_text()
    wanted = 0 if text.startswith("No matching") else int(text.split()[0].replace(",", ""))
    items = page.locator(".md-search-result__item")
    for _ in range(200):
        if items.count() >= wanted:
            break
        page.locator(".md-search__scrollwrap").evaluate("el => el.scrollTop = el.scrollHeight")
        page.wait_for_timeout(50)
    return items.evaluate_all(
        """els => els.map(e => [
            new URL(e.querySelector('a').href).pathname,
            e.querySelector('h1').textContent,
            (e.querySelector('.md-tag') || {textContent: ''}).textContent])"""
    )


def _search_all(page, site, query: str) -> list[tuple[str, str, str]]:
    search(page, query)
    expect(page.locator(".md-search-result__meta")).not_to_contain_text(
        "Type to start", timeout=15_000
    )
    # The theme searches as each key is typed: on a loaded machine the results of a prefix
    # ("Ada Ex") can still be showing. The answer is the list once it stops changing.
    found, deadline, same = results(page), time.monotonic() + 15, 0
    while same < 2 and time.monotonic() < deadline:
        page.wait_for_timeout(400)
        again = results(page)
        same = same + 1 if again == found else 0
        found = again
    root = urlsplit(site.url).path
    return [(path.removeprefix(root), title, chip) for path, title, chip in found]


def test_reading_a_page_fetches_no_search_index(choose, page):
    site, claim_id = choose(pick.a_claim)
    requested: list[str] = []
    page.on("request", lambda r: requested.append(urlsplit(r.url).path))
    for path in (urls.claim_page(claim_id), urls.HOME, urls.CLAIMS_INDEX):
        page.goto(site.page_url(path))
        page.wait_for_load_state("networkidle")
    assert not [p for p in requested if "/search/" in p], requested
    assert any(p.endswith(urls.SEARCH_WORKER) for p in requested), "the worker should start"
    # Searching fetches the manifest once and the shards of the query's words, no more. The
    # theme searches as each key is typed, so "z" and then "zz…" ask for their own shards.
    query = "zzqxjv"
    search(page, query)
    expect(page.locator(".md-search-result__meta")).to_contain_text("No matching")
    fetched = [p for p in requested if "/search/" in p]
    assert [p for p in fetched if p.endswith("/" + urls.SEARCH_MANIFEST)] == [
        p for p in fetched if p.endswith("/index.json")
    ]
    assert len([p for p in fetched if p.endswith("/index.json")]) == 1, fetched
    manifest = json.loads((site.folder / urls.SEARCH_MANIFEST).read_text(encoding="utf-8"))
    wanted = {
        "/" + urls.search_terms(shard_of(query[:n], manifest["shards"]))
        for n in range(1, len(query) + 1)
    }
    shards = [p for p in fetched if "/terms/" in p]
    assert shards and len(shards) == len(set(shards)), fetched  # each shard fetched once
    assert {p[p.index("/search/") :] for p in shards} <= wanted, fetched
    assert not [p for p in fetched if "/docs/" in p], fetched  # no results, no result rows


def test_fixed_queries_give_the_same_results(sites, page):
    site = sites("fixture")
    page.goto(site.url)
    found = {query: _search_all(page, site, query) for query in FIXED_QUERIES}
    if UPDATE:
        GOLDEN_RESULTS.write_text(
            json.dumps(found, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    expected = json.loads(GOLDEN_RESULTS.read_text(encoding="utf-8"))
    assert {q: [list(r) for r in rs] for q, rs in found.items()} == expected


def _containing(docs: dict[str, SearchDoc], text: str) -> set[str]:
    """Record pages whose indexed text holds `text`."""
    return {
        doc.location
        for doc in docs.values()
        if any(text in field for field, _ in doc.fields) or text in doc.title
    }


def test_chinese_names_find_the_person_first_and_every_record_that_names_them(choose, page):
    # A name inside a longer Chinese run (董经纬 in 国家安全部副部长董经纬) is found as
    # mkdocs-material found it: the query is cut into the index's own words.
    site, names = choose(pick.chinese_names)
    docs = record_docs(site.catalog)
    page.goto(site.url)
    for entity_id, native_name in names:
        found = _search_all(page, site, native_name)
        assert found[0][0] == f"entities/{entity_id}/", (native_name, found[:3])
        missing = _containing(docs, native_name) - {path for path, _, _ in found}
        assert not missing, (native_name, missing)


def test_results_show_verdicts_and_claims_come_before_people_before_sources(choose, page):
    site, claim_id = choose(pick.a_claim)
    catalog = site.catalog
    docs = record_docs(catalog)
    claimant = catalog.entities[catalog.claims[claim_id].model.claimant].model
    word = max(terms(claimant.name), key=len)
    page.goto(site.url)
    found = _search_all(page, site, word)
    kinds = [docs[path].kind for path, _, _ in found if path in docs]
    assert kinds == sorted(kinds), found
    labels = catalog.dossier.model.scale.by_id()
    # Each chip's colours, as the reader sees them (the first ten results are shown).
    painted = page.locator(".md-search-result__item").evaluate_all(
        """els => els.map(e => {
            const chip = e.querySelector('.md-tag');
            return [new URL(e.querySelector('a').href).pathname,
                    chip ? getComputedStyle(chip.firstElementChild || chip).backgroundColor
                         : ''];
        })"""
    )
    root = urlsplit(site.url).path
    colours = {path.removeprefix(root): colour for path, colour in painted}
    claims_shown = 0
    for path, title, chip in found:
        if path.startswith("claims/") and path != "claims/":
            claim = catalog.claims[path.split("/")[1]].model
            assert chip == labels[claim.rating].label
            assert title == docs[urls.claim_page(path.split("/")[1])].title
            if path in colours:
                claims_shown += 1
                # A claim's chip has its verdict's colours, as the badges on its page do.
                assert colours[path] == _rgb(RatingScale.colours(claim.rating).background)
        elif path in colours and colours[path]:
            assert colours[path] not in {
                _rgb(RatingScale.colours(rating.id).background)
                for rating in catalog.dossier.model.ratings
            }, path
    assert claims_shown, found


def _rgb(hex_colour: str) -> str:
    """`#3f4a57` as a browser's computed style gives it: `rgb(63, 74, 87)`."""
    value = hex_colour.lstrip("#")
    red, green, blue = (int(value[n : n + 2], 16) for n in (0, 2, 4))
    return f"rgb({red}, {green}, {blue})"


def test_english_words_are_found_by_their_stem(choose, page):
    # "investigations" is no prefix of "investigation": only stemming finds it.
    site, (claim_id, word) = choose(pick.a_rare_word)
    page.goto(site.url)
    found = _search_all(page, site, word + "s")
    assert f"claims/{claim_id}/" in [path for path, _, _ in found]


def test_a_reader_can_search_with_the_keyboard_alone(choose, page):
    site, claim_id = choose(pick.a_claim)
    title = record_docs(site.catalog)[urls.claim_page(claim_id)].title
    page.goto(site.page_url(urls.CLAIMS_INDEX))
    page.keyboard.press("s")  # the theme's shortcut to the search box
    page.keyboard.type(title)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/claims/{claim_id}/", timeout=15_000)

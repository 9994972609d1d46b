"""The built site's machine-readable parts, read as consumers read them: every JSON-LD block
parsed strictly with `json.loads` (extruct forgives trailing commas) and extracted with
extruct; the feed link in every head; the exports published at their addresses."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import extruct
import pytest
from lxml import html as lxml_html

from dossier_gen import Catalog, load_catalog
from dossier_gen.publishing.claimreview import last_modified
from dossier_gen.publishing.exports import FEED_ENTRIES
from dossier_gen.rendering.urls import edition_prefix

from .conftest import ROOT, make_fixture_project
from .test_claimreview import check_claim_review
from .test_exports import check_atom

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=["fixture", "real"])
def built(request, tmp_path_factory) -> tuple[Path, Catalog]:
    """The fixture dossier's site and the real dossier's, each with its catalog."""
    if request.param == "fixture":
        project = make_fixture_project(tmp_path_factory.mktemp("jsonld") / "project")
        site = project / "site"
        args, cwd = ["build"], project
    else:
        site = tmp_path_factory.mktemp("jsonld-real") / "site"
        args, cwd = ["build", "--site-dir", str(site)], ROOT
    result = subprocess.run(
        [sys.executable, "-m", "dossier_gen", *args], cwd=cwd, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site, load_catalog(cwd / "data")


@pytest.fixture(scope="module")
def site(built) -> Path:
    return built[0]


@pytest.fixture(scope="module")
def catalog(built) -> Catalog:
    return built[1]


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def json_ld_blocks(page: Path) -> list[dict]:
    """Every JSON-LD block, parsed strictly, and checked against extruct's reading."""
    text = page.read_text(encoding="utf-8")
    tree = lxml_html.fromstring(text)
    scripts = tree.xpath('//script[@type="application/ld+json"]')
    strict = [json.loads(s.text) for s in scripts]
    extracted = extruct.extract(text, syntaxes=["json-ld"], uniform=False)["json-ld"]
    assert extracted == strict, page
    return strict


def test_every_claim_page_has_exactly_one_valid_claim_review(site, catalog):
    for claim_id in catalog.claims:
        page = site / "claims" / claim_id / "index.html"
        blocks = json_ld_blocks(page)
        reviews = [b for b in blocks if b.get("@type") == "ClaimReview"]
        assert len(reviews) == 1, claim_id
        check_claim_review(catalog, claim_id, reviews[0])
        canonical = lxml_html.fromstring(page.read_bytes()).xpath('//link[@rel="canonical"]')
        assert canonical[0].get("href") == reviews[0]["url"]


def test_only_claim_pages_carry_a_claim_review(site, catalog):
    editions = [""] + [
        edition_prefix(catalog.dossier.model, lang) for lang in catalog.dossier.model.languages[1:]
    ]
    claim_pages = {
        site / edition / "claims" / cid / "index.html"
        for edition in editions
        for cid in catalog.claims
    }
    for page in pages(site):
        if page not in claim_pages:
            assert all(b.get("@type") != "ClaimReview" for b in json_ld_blocks(page)), page


def test_home_page_describes_the_publisher(site, catalog):
    (org,) = json_ld_blocks(site / "index.html")
    publisher = catalog.dossier.model.publisher
    assert (org["@type"], org["name"], org["url"]) == (
        "Organization",
        publisher.name,
        publisher.url,
    )
    # A policy link for each policy page the site has, and none for a page it lacks.
    base = catalog.dossier.model.base_url
    for prop, page in (
        ("publishingPrinciples", "methodology"),
        ("masthead", "about"),
        ("correctionsPolicy", "corrections"),
    ):
        has_page = (site / page / "index.html").is_file()
        assert org.get(prop) == (f"{base}{page}/" if has_page else None), prop


def test_every_page_links_the_atom_feed(site, catalog):
    feed = site / "feed.atom"
    dossier = catalog.dossier.model
    folders = [edition_prefix(dossier, lang).rstrip("/") for lang in dossier.languages[1:]]
    for page in pages(site):
        links = lxml_html.fromstring(page.read_bytes()).xpath(
            '//head/link[@rel="alternate"][@type="application/atom+xml"]'
        )
        assert len(links) == 1, page
        relative = page.relative_to(site).as_posix()
        target = urljoin(f"http://site.test/{relative}", links[0].get("href"))
        # Each edition's pages link its own feed (`zh/feed.atom`).
        edition = next(
            (f"{folder}/" for folder in folders if relative.startswith(f"{folder}/")), ""
        )
        assert target == f"http://site.test/{edition}feed.atom", page
    claims = {cid: loaded.model for cid, loaded in catalog.claims.items()}
    newest = sorted(claims)
    newest.sort(key=lambda c: last_modified(claims[c]) or claims[c].reviewed_on, reverse=True)
    # The feed holds the latest FEED_ENTRIES claims; the data feed and the CSV hold them all.
    check_atom(feed.read_bytes(), catalog.dossier.model.base_url, newest[:FEED_ENTRIES])


def test_open_data_page_links_every_export(site):
    page = site / "open-data" / "index.html"
    hrefs = lxml_html.fromstring(page.read_bytes()).xpath("//article//a/@href")
    for name in (
        "data/claimreview.json",
        "data/claims.csv",
        "feed.atom",
        "schema/claimreview.schema.json",
        "schema/claim.schema.json",
    ):
        href = next(h for h in hrefs if h.endswith(name.rsplit("/", 1)[-1]))
        target = (page.parent / href).resolve()
        assert target == (site / name).resolve() and target.is_file(), name
    feed = json.loads((site / "data" / "claimreview.json").read_text(encoding="utf-8"))
    on_pages = {}
    # The feed holds every edition's reviews: the original's and each translated one.
    for claim_page in [*site.glob("claims/*/index.html"), *site.glob("*/claims/*/index.html")]:
        for block in json_ld_blocks(claim_page):
            on_pages[block["url"]] = {k: v for k, v in block.items() if k != "@context"}
    assert {e["item"][0]["url"]: e["item"][0] for e in feed["dataFeedElement"]} == on_pages


def test_no_json_ld_block_breaks_out_of_its_script(site):
    for page in pages(site):
        text = page.read_text(encoding="utf-8")
        for body in re.findall(
            r'<script type="application/ld\+json">(.*?)</script>', text, re.DOTALL
        ):
            assert "<" not in body and "\u2028" not in body, page

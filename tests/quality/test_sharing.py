"""Shared links preview well: canonical address, Open Graph and Twitter card metadata whose
description names the rating and gives the verdict summary; plus robots.txt, the sitemap
and the 404 page."""

from __future__ import annotations

import html.parser
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data
from PIL import Image

from dossier_gen.loading.load import load_catalog
from dossier_gen.publishing.site import build_site
from dossier_gen.publishing.write import write_pages
from dossier_gen.rendering import urls
from dossier_gen.rendering.escape import clean, plain_title
from dossier_gen.rendering.sharing import with_front_matter

from ..conftest import FIXTURE, ROOT


class HeadTags(html.parser.HTMLParser):
    """The `<meta>` and `<link>` tags of a page, attribute values decoded as a browser does."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, list[str]] = {}
        self.links: dict[str, list[str]] = {}
        self.elements: list[tuple[str, list[str]]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, [k for k, _ in attrs]))
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and ("property" in a or "name" in a):
            self.meta.setdefault(a.get("property") or a["name"], []).append(a["content"])
        elif tag == "link" and "rel" in a:
            self.links.setdefault(a["rel"], []).append(a["href"])


def head_of(site: Path, page: str) -> HeadTags:
    return HeadTags((site / page / "index.html").read_text(encoding="utf-8"))


def one(tags: HeadTags, key: str) -> str:
    values = tags.meta.get(key, [])
    assert len(values) == 1, f"{key}: {values}"
    return values[0]


def expected_description(rating_label: str, summary: str) -> str:
    return plain_title(f"Rating: {rating_label}. {summary}")


@given(st.text())
def test_front_matter_reads_back_as_the_same_text(text):
    """Whatever the record holds, MkDocs reads the description back unchanged."""
    value = plain_title(text)
    _, meta = get_data(with_front_matter("# Title\n", {"description": value}))
    assert meta == {"description": value}
    assert not set(value) & set("<>&\"'"), "raw HTML-significant characters in the text"


def test_front_matter_joins_the_block_a_template_wrote():
    page = with_front_matter("---\ntags:\n  - a\n---\n\n# T\n", {"description": "D: d"})
    body, meta = get_data(page)
    assert meta == {"description": "D: d", "tags": ["a"]}
    assert body.strip() == "# T"


def test_description_text_has_no_html_and_keeps_the_words():
    assert plain_title("A <b>\"bold\"</b> & 'odd'\nclaim") == "A ‹b›”bold”‹/b› ＆ ‘odd’ claim"


def test_robots_txt_comes_from_base_url(tmp_path):
    rendered = build_site(load_catalog(FIXTURE / "data"))
    robots = rendered.files["robots.txt"].decode("utf-8")
    assert "Sitemap: https://dossier.example.org/sitemap.xml\n" in robots
    write_pages(rendered, tmp_path / "out")
    assert (tmp_path / "out" / "robots.txt").read_text(encoding="utf-8") == robots


@pytest.mark.slow
def test_every_claim_page_previews_its_rating_and_summary(published_site):
    catalog = load_catalog(ROOT / "data")
    assert catalog.claims, "data/ has no claims to check"
    dossier = catalog.dossier.model
    for cid, record in catalog.claims.items():
        claim = record.model
        tags = head_of(published_site, f"claims/{cid}")
        url = f"{dossier.base_url.rstrip('/')}/claims/{cid}/"
        assert tags.links.get("canonical") == [url], cid
        assert one(tags, "og:url") == url
        description = expected_description(dossier.rating(claim.rating).label, claim.summary)
        for key in ("description", "og:description", "twitter:description"):
            assert one(tags, key) == description, (cid, key)
        assert one(tags, "og:title") == one(tags, "twitter:title") == plain_title(claim.title)
        assert one(tags, "og:type") == "website"
        assert one(tags, "og:site_name") == plain_title(dossier.title)
        # A large preview: the claim's card, drawn at build time and published beside it.
        assert one(tags, "twitter:card") == "summary_large_image"
        card = f"{dossier.base_url.rstrip('/')}/{urls.claim_card(cid)}"
        assert one(tags, "og:image") == one(tags, "twitter:image") == card
        assert (one(tags, "og:image:width"), one(tags, "og:image:height")) == ("1200", "630")
        with Image.open(published_site / urls.claim_card(cid)) as image:
            assert image.size == (1200, 630) and image.format == "PNG", cid


@pytest.mark.slow
def test_entity_pages_preview_their_description(published_site):
    catalog = load_catalog(ROOT / "data")
    for eid, record in catalog.entities.items():
        tags = head_of(published_site, f"entities/{eid}")
        assert one(tags, "og:description") == plain_title(record.model.description), eid


@pytest.mark.slow
def test_hostile_record_text_stays_text_in_the_head(hostile_site):
    """The fixture's claim title and summary carry markup; the head shows it as text."""
    catalog = load_catalog(FIXTURE / "data")
    claim = catalog.claims["bridge-finished"].model
    page = (hostile_site / "claims" / "bridge-finished" / "index.html").read_text("utf-8")
    head = page.split("</head>")[0]
    tags = HeadTags(head)
    description = expected_description("Confirmed", claim.summary)
    assert "{: onclick=alert(1) }" in clean(claim.summary)  # the fixture still is hostile
    for key in ("description", "og:description", "twitter:description"):
        assert one(tags, key) == description
    assert one(tags, "og:title") == plain_title(claim.title)
    # The record's markup made no element and no attribute: the head holds only the kinds
    # of element the theme and the overrides write, and no event handler.
    assert {tag for tag, _ in tags.elements} <= {
        "html",
        "head",
        "meta",
        "link",
        "title",
        "script",
        "style",
    }
    assert not [
        (tag, names) for tag, names in tags.elements if any(name.startswith("on") for name in names)
    ]
    assert "<script>alert" not in head


@pytest.mark.slow
def test_robots_txt_points_at_the_sitemap_which_lists_every_record(published_site):
    catalog = load_catalog(ROOT / "data")
    base = catalog.dossier.model.base_url.rstrip("/") + "/"
    robots = (published_site / "robots.txt").read_text(encoding="utf-8")
    assert "User-agent: *" in robots
    assert f"Sitemap: {base}sitemap.xml" in robots.splitlines()
    sitemap = (published_site / "sitemap.xml").read_text(encoding="utf-8")
    listed = set(re.findall(r"<loc>([^<]+)</loc>", sitemap))
    for folder, ids in (
        ("claims", catalog.claims),
        ("entities", catalog.entities),
        ("sources", catalog.sources),
    ):
        for record_id in ids:
            assert f"{base}{folder}/{record_id}/" in listed, f"{folder}/{record_id}"
    assert base in listed


@pytest.mark.slow
def test_the_404_page_works_at_any_address(published_site):
    page = (published_site / "404.html").read_text(encoding="utf-8")
    assert "404 - Not found" in page
    # The server sends it for any missing address, so its links start from the site root,
    # and it names no canonical address of its own.
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page)
    assert stylesheets and all(href.startswith("/") for href in stylesheets), stylesheets
    assert "canonical" not in HeadTags(page).links

"""A whole site's content: the rendered pages, the data files beside them, the JSON-LD heads.

`build_site` is what both faces call: `dossier render` writes its result to a folder, and the
MkDocs plugin hands it to MkDocs. Any engine can build the pages; the data files are copied
as they are; the heads go into each page's `<head>`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..loading.catalog import Catalog
from ..records.models import Dossier
from ..rendering import urls
from ..rendering.render import Page, PageRenderer, render_pages, render_serially
from .claimreview import all_claim_reviews, publisher_jsonld
from .exports import build_exports


@dataclass(frozen=True)
class Site:
    pages: dict[str, Page]
    """Page path such as `claims/x.md` → its page, sorted by path."""
    files: dict[str, bytes] = field(default_factory=dict)
    """Data-file path such as `data/claims.csv` → its content (the open-data exports)."""
    head: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    """Page path → the JSON-LD objects its HTML head carries (ClaimReview, Organization)."""


ASSETS = Path(__file__).parent / "assets"
"""The dossier's own CSS and JavaScript, published at `urls.STYLESHEET` and `urls.SCRIPT`."""


def build_site(
    catalog: Catalog,
    template_dirs: Sequence[Path | str] = (),
    intro: str = "",
    doc_pages: Iterable[str] = (),
    renderer: PageRenderer = render_serially,
    language: str | None = None,
) -> Site:
    """Render every page and build every file one edition of the site publishes.

    `template_dirs` are a site's own template folders, searched before the package's.
    `intro` is the hand-written Markdown of the home page; `doc_pages` are the paths of the
    hand-written pages (`methodology.md`), which the publisher's JSON-LD links to when they
    exist. `renderer` renders the pages (serially, in parallel or from a cache: the same
    pages either way). `language` chooses the edition (by default the dossier's first
    language); paths are the edition's own, which `urls.edition_prefix` places on the site.
    The first edition also publishes robots.txt, which must be at the site's root.
    """
    dossier = catalog.dossier.model
    language = language or dossier.language
    pages = render_pages(catalog, template_dirs, intro, renderer, language)
    reviews = all_claim_reviews(catalog)  # for the feed and the pages' heads: built once
    files = build_exports(catalog, reviews, language)
    if language == dossier.language:
        files[urls.ROBOTS_TXT] = robots_txt(dossier).encode("utf-8")
        own = reviews
    else:
        own = all_claim_reviews(catalog, language)
    files[urls.STYLESHEET] = (ASSETS / "dossier.css").read_bytes()
    files[urls.SCRIPT] = (ASSETS / "dossier.js").read_bytes()
    head = {urls.claim_page(cid): [own[cid]] for cid in catalog.claims}
    head[urls.HOME] = [publisher_jsonld(dossier, set(pages) | set(doc_pages), language)]
    return Site(pages, dict(sorted(files.items())), dict(sorted(head.items())))


def robots_txt(dossier: Dossier) -> str:
    """Every page may be indexed; the sitemaps (which the engine writes, one an edition)
    list them all."""
    sitemaps = "".join(
        f"Sitemap: {urls.site_url(urls.edition_base_url(dossier, language), urls.SITEMAP)}\n"
        for language in dossier.languages
    )
    return (
        "# Every page of this dossier may be indexed and shown in search results.\n"
        "User-agent: *\n"
        "Allow: /\n"
        "\n" + sitemaps
    )

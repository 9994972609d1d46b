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

from ..loading.catalog import Catalog, EachClaim, each_claim
from ..problems import DataError, Problem
from ..records.models import Dossier
from ..records.ratings import RatingScale
from ..rendering import urls
from ..rendering.charts import bar_width_styles
from ..rendering.render import Page, PageRenderer, render_pages, render_serially
from .cards import Drawer, cached_cards, claim_cards, draw_serially
from .claimreview import all_claim_reviews, publisher_jsonld
from .exports import build_exports
from .search import SearchDoc, record_docs


@dataclass(frozen=True)
class Image:
    """A page's link-preview image: where it is published, the file it is, what it shows."""

    path: str
    """Path on the site, such as `cards/x.png`."""
    file: Path
    """The file to publish (in the card cache)."""
    alt: str
    width: int = urls.CARD_SIZE[0]
    height: int = urls.CARD_SIZE[1]


@dataclass(frozen=True)
class Site:
    pages: dict[str, Page]
    """Page path such as `claims/x.md` → its page, sorted by path."""
    files: dict[str, bytes] = field(default_factory=dict)
    """Data-file path such as `data/claims.csv` → its content (the open-data exports)."""
    head: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    """Page path → the JSON-LD objects its HTML head carries (ClaimReview, Organization)."""
    search: dict[str, SearchDoc] = field(default_factory=dict)
    """Page path → what the search index holds of a record's page (`publishing.search`)."""
    images: dict[str, Image] = field(default_factory=dict)
    """Page path → its link-preview image (each claim's card), when cards were drawn."""


ASSETS = Path(__file__).parent / "assets"
"""The dossier's own CSS and JavaScript, published at `urls.STYLESHEET` and `urls.SCRIPT`,
and the search worker, which the MkDocs plugin publishes at `urls.SEARCH_WORKER`."""


def build_site(
    catalog: Catalog,
    template_dirs: Sequence[Path | str] = (),
    intro: str = "",
    doc_pages: Iterable[str] = (),
    renderer: PageRenderer = render_serially,
    language: str | None = None,
    docs: str = "docs",
    share_links: bool = True,
    card_cache: Path | None = None,
    card_drawer: Drawer = draw_serially,
    each: EachClaim = each_claim,
) -> Site:
    """Render every page and build every file one edition of the site publishes.

        `template_dirs` are a site's own template folders, searched before the package's.
        `intro` is the hand-written Markdown of the home page; `doc_pages` are the paths of the
        hand-written pages (`methodology.md`), which the publisher's JSON-LD links to when they
        exist, and which no generated page or file may replace; `docs` names their folder in
        messages. `renderer` renders the pages (serially, in parallel or from a cache: the same
        pages either way); `each` makes what each claim needs (afresh, or kept by a preview: the
    same either way). `language` chooses the edition (by default the dossier's first
        language); paths are the edition's own, which `urls.edition_prefix` places on the site.
        The first edition also publishes robots.txt, which must be at the site's root. Raises
        DataError when two pages or files would share a path.
    """
    dossier = catalog.dossier.model
    language = language or dossier.language
    doc_pages = list(doc_pages)
    problems = urls.page_path_problems(catalog, doc_pages, docs)
    if problems:
        raise DataError(problems)
    pages = render_pages(catalog, template_dirs, intro, renderer, share_links, language, each)
    reviews = all_claim_reviews(catalog, each=each)  # for the feed and the heads: built once
    files = build_exports(catalog, reviews, language, each)
    if language == dossier.language:
        files[urls.ROBOTS_TXT] = robots_txt(dossier).encode("utf-8")
        own = reviews
    else:
        own = all_claim_reviews(catalog, language, each)
    files[urls.STYLESHEET] = (
        (ASSETS / "dossier.css").read_bytes()
        + rating_styles(dossier)
        + bar_width_styles().encode("utf-8")
    )
    files[urls.SCRIPT] = (ASSETS / "dossier.js").read_bytes()
    clashes = (set(pages) | set(files)) & (set(doc_pages) - {urls.HOME})
    if clashes:
        raise DataError(
            [
                Problem(
                    f"{docs}/{path}",
                    1,
                    1,
                    "the dossier generates a page or file at this"
                    " path; rename or remove the hand-written one",
                )
                for path in sorted(clashes)
            ]
        )
    head = {urls.claim_page(cid): [own[cid]] for cid in catalog.claims}
    head[urls.HOME] = [publisher_jsonld(dossier, set(pages) | set(doc_pages), language)]
    images: dict[str, Image] = {}
    if card_cache is not None:
        cards = claim_cards(catalog, language)
        drawn = cached_cards(cards, card_cache, card_drawer)
        for page, card in sorted(cards.items()):
            images[page] = Image(urls.claim_card(Path(page).stem), drawn[page], card.alt())
    return Site(
        pages,
        dict(sorted(files.items())),
        dict(sorted(head.items())),
        record_docs(catalog, language, each),
        images,
    )


def rating_styles(dossier: Dossier) -> bytes:
    """The colours of each rating of `dossier`'s scale, as rules for its `.rating-<id>`
    class (appended to the stylesheet; `records.ratings` is their one home)."""
    lines = ["\n/* Each rating's colours (written by the build from records/ratings.py). */\n"]
    for rating in dossier.ratings:
        colours = RatingScale.colours(rating.id)
        lines.append(
            f".rating-{rating.id} {{ --dossier-rating-bg: {colours.background};"
            f" --dossier-rating-fg: {colours.text}; --dossier-rating-tint: {colours.tint}; }}\n"
        )
    return "".join(lines).encode("utf-8")


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

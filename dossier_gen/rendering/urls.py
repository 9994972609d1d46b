"""Every page path and address of a dossier site, in one place.

A page path is where a page's Markdown goes in the docs folder (`claims/x.md`); an address is
where a reader finds it (`<base_url>claims/x/`). Templates link by page path (the engine
turns those links into addresses); ClaimReview, feeds and sitemaps need full addresses.
Record pages live in their kind's folder (`records.kinds`), named by the record's id.

A dossier in several languages is one edition per language: the first at the site's root,
each other under its own folder (`zh/`), with the same page paths inside. Page paths stay
edition-relative (templates and the engine work within one edition); `edition_prefix` and
the `language` of the address functions put an edition's pages at their place on the site.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..problems import Problem
from ..records.kinds import KINDS

if TYPE_CHECKING:
    from ..loading.catalog import Catalog
    from ..records.models import Dossier

# --- pages the generator writes, besides one page per record ------------------------------
HOME = "index.md"
RATINGS = "ratings.md"
CORRECTIONS = "corrections.md"
CLAIMS_INDEX = "claims/index.md"
CLAIMS_BY_CLAIMANT = "claims/by-claimant.md"
ENTITIES_INDEX = "entities/index.md"
SOURCES_INDEX = "sources/index.md"
TIMELINE = "timeline.md"
TAGS = "tags.md"
OPEN_DATA = "open-data.md"
GENERATED_PAGE_NAMES = {
    HOME: "the home page",
    RATINGS: "the ratings page",
    CORRECTIONS: "the corrections page",
    CLAIMS_INDEX: "the list of all claims",
    CLAIMS_BY_CLAIMANT: "the list of claims by claimant",
    ENTITIES_INDEX: "the list of people and organisations",
    SOURCES_INDEX: "the list of sources",
    TIMELINE: "the timeline",
    TAGS: "the tags page",
    OPEN_DATA: "the open-data page",
}
"""What each page the generator writes is, for messages about a record that would replace it."""
GENERATED_PAGES = frozenset(GENERATED_PAGE_NAMES)
"""Every page the generator writes besides the records' own: a record whose page path is
one of these would replace it."""

# --- hand-written pages (in the site's docs/ folder) that the dossier relies on -----------
METHODOLOGY = "methodology.md"
"""How claims are chosen, researched and rated: the publisher's JSON-LD names it as its
publishing principles and fact-checking policy, and publishing requires it."""
ABOUT = "about.md"
"""Who publishes the dossier (the JSON-LD's masthead); where `dossier init` puts the
corrections policy."""

# --- data files the site publishes (the open-data exports and robots.txt) ----------------
FEED_JSON = "data/claimreview.json"
CLAIMS_CSV = "data/claims.csv"
ATOM_FEED = "feed.atom"
SCHEMA_DIR = "schema/"
CLAIMREVIEW_SCHEMA_FILE = SCHEMA_DIR + "claimreview.schema.json"
ROBOTS_TXT = "robots.txt"
STYLESHEET = "assets/dossier.css"
"""The dossier's own styles (contrast, verdict colours, badges, charts, print)."""
SCRIPT = "assets/dossier.js"
"""The claims list's sorting and filtering (the list works without it)."""
SITEMAP = "sitemap.xml"
"""Written by the engine (MkDocs), linked from robots.txt."""
CARDS_DIR = "cards/"
"""Link-preview images of claim pages (`og:image`), drawn when the site is built."""
CARD_SIZE = (1200, 630)
"""Width and height of a preview card in pixels: the size link previews show whole."""

# --- search (`publishing.search`): fetched by the reader's browser only when they search ----
SEARCH_WORKER = "assets/dossier-search.js"
"""The script that answers queries in the theme's search box (a web worker)."""
SEARCH_DIR = "search/"
SEARCH_MANIFEST = SEARCH_DIR + "index.json"
"""What the worker reads first: how many shards and blocks there are, and their version."""


def search_worker_address() -> str:
    """The worker's address relative to the site's root, telling it where the index is (the
    index's address relative to the worker's)."""
    index = posixpath.relpath(SEARCH_DIR, posixpath.dirname(SEARCH_WORKER))
    return f"{SEARCH_WORKER}?index={index}/"


def search_terms(shard: int) -> str:
    """A shard of the index's words with the documents each is in."""
    return f"{SEARCH_DIR}terms/{shard}.json"


def search_docs(block: int) -> str:
    """A block of what results show (address, title, verdict, snippet)."""
    return f"{SEARCH_DIR}docs/{block}.json"


def record_page(folder: str, record_id: str) -> str:
    """Page path of a record: `record_page("claims", "x")` → `claims/x.md`."""
    return f"{folder}/{record_id}.md"


def claim_page(claim_id: str) -> str:
    return record_page("claims", claim_id)


def entity_page(entity_id: str) -> str:
    return record_page("entities", entity_id)


def source_page(source_id: str) -> str:
    return record_page("sources", source_id)


def claim_card(claim_id: str) -> str:
    """Path of a claim's link-preview card on the site: `cards/x.png`."""
    return f"{CARDS_DIR}{claim_id}.png"


def page_dir(page_path: str) -> str:
    """Where a page is served, relative to the site's root: `claims/x.md` → `claims/x/`,
    `claims/index.md` → `claims/`, `index.md` → `` (directory URLs, as `page_url`)."""
    stem = page_path.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def site_url(base_url: str, path: str = "") -> str:
    """Address of a file on the site, whether or not `base_url` ends in `/`."""
    return base_url.rstrip("/") + "/" + path


def page_url(base_url: str, page_path: str) -> str:
    """Canonical address of a page: `claims/x.md` → `<base>claims/x/` (directory URLs, the
    default of MkDocs and Zensical)."""
    stem = page_path.removesuffix(".md")
    if stem == "index":
        return site_url(base_url)
    return site_url(base_url, stem.removesuffix("/index") + "/")


def edition_folder(language: str, languages: Sequence[str]) -> str:
    """The folder of an edition besides the first: the language's primary subtag in lower
    case (`zh-Hans` → `zh`), or the whole tag in lower case when another of `languages`
    shares it (`zh-Hans` and `zh-Hant` → `zh-hans`, `zh-hant`)."""
    primary = language.split("-")[0].lower()
    shared = [other for other in languages if other.split("-")[0].lower() == primary]
    return primary if len(shared) == 1 else language.lower()


def edition_prefix(dossier: Dossier, language: str | None) -> str:
    """Where an edition's pages start, from the site's root: `""` for the dossier's first
    language (or None), `"zh/"` for `zh-Hans`."""
    if language is None or language == dossier.language:
        return ""
    return edition_folder(language, dossier.languages) + "/"


def edition_base_url(dossier: Dossier, language: str | None) -> str:
    """The address of an edition's home page, ending in `/`."""
    return site_url(dossier.base_url, edition_prefix(dossier, language))


def address_path(page_path: str) -> str:
    """The path of a page's address below its edition's root: `claims/x.md` → `claims/x/`,
    `index.md` → `` (directory URLs)."""
    stem = page_path.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def relative_address(target: str, here: str) -> str:
    """A relative link from the page at address path `here` to address path `target`,
    both from the site's root (`zh/claims/x/` → `claims/x/` is `../../../claims/x/`)."""
    link = posixpath.relpath("/" + target, "/" + here)
    if link == ".":
        return "./"
    directory = target == "" or target.endswith("/")
    return link + "/" if directory else link


def claim_url(dossier: Dossier, claim_id: str, language: str | None = None) -> str:
    """Canonical address of a claim's page (its permalink) in an edition (by default, the
    first language's)."""
    return page_url(edition_base_url(dossier, language), claim_page(claim_id))


def page_path_problems(
    catalog: Catalog, doc_pages: Iterable[str] = (), docs: str = "docs"
) -> list[Problem]:
    """A record whose page would land where another page is: a page the generator writes
    (`claims/by-claimant.md`) or a hand-written page in the docs folder (`docs`, as shown in
    messages). Two pages can never share a path; the later would silently replace the
    earlier."""
    hand_written = {page for page in doc_pages if page != HOME}  # the home page is completed
    problems = []
    for kind in KINDS:
        for record_id, loaded in getattr(catalog, kind.folder).items():
            path = record_page(kind.folder, record_id)
            if path in GENERATED_PAGE_NAMES:
                clash = f"{GENERATED_PAGE_NAMES[path]} ({path})"
            elif path in hand_written:
                clash = f"the hand-written page {docs}/{path}"
            else:
                continue
            problems.append(
                Problem(
                    loaded.display_path,
                    1,
                    1,
                    f"this {kind.name}'s page would be {path}, which is {clash}; rename the file"
                    " (the file name is the id)",
                )
            )
    return problems

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
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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
GENERATED_PAGES = frozenset(
    {
        HOME,
        RATINGS,
        CORRECTIONS,
        CLAIMS_INDEX,
        CLAIMS_BY_CLAIMANT,
        ENTITIES_INDEX,
        SOURCES_INDEX,
        TIMELINE,
        TAGS,
        OPEN_DATA,
    }
)
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


def record_page(folder: str, record_id: str) -> str:
    """Page path of a record: `record_page("claims", "x")` → `claims/x.md`."""
    return f"{folder}/{record_id}.md"


def claim_page(claim_id: str) -> str:
    return record_page("claims", claim_id)


def entity_page(entity_id: str) -> str:
    return record_page("entities", entity_id)


def source_page(source_id: str) -> str:
    return record_page("sources", source_id)


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

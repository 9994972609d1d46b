"""Every page path and address of a dossier site, in one place.

A page path is where a page's Markdown goes in the docs folder (`claims/x.md`); an address is
where a reader finds it (`<base_url>claims/x/`). Templates link by page path (the engine
turns those links into addresses); ClaimReview, feeds and sitemaps need full addresses.
Record pages live in their kind's folder (`records.kinds`), named by the record's id.
"""

from __future__ import annotations

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


def claim_url(dossier: Dossier, claim_id: str) -> str:
    """Canonical address of a claim's page (its permalink)."""
    return page_url(dossier.base_url, claim_page(claim_id))

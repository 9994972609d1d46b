"""The open-data files: every ClaimReview as a DataFeed, claims.csv, an Atom feed, schemas.

Each is built as bytes at a stable path (`rendering.urls`), so `dossier render --out` and the
MkDocs plugin publish the same files. Output depends only on the records, never on the time
of the build, so two builds of the same data give the same bytes.

In a dossier of several languages every edition publishes the same data files, which hold
every language (the feed has each translated claim's review beside the original, and the
CSV a group of columns per language), except the Atom feed, which is in its edition's
language.
"""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, Any

import orjson

from ..loading.catalog import EachClaim, each_claim
from ..records.schema import schema_texts
from ..records.translations import status
from ..rendering.escape import clean
from ..rendering.i18n import gettext_for
from ..rendering.sharing import RATING_LINE
from ..rendering.urls import (
    ATOM_FEED,
    CLAIMREVIEW_SCHEMA_FILE,
    CLAIMS_CSV,
    FEED_JSON,
    SCHEMA_DIR,
    claim_url,
    edition_base_url,
    site_url,
)
from .claimreview import (
    CONTEXT,
    all_claim_reviews,
    last_modified,
    rating_label,
    short_claim,
    translated_reviews,
)
from .jsonld_schema import CLAIMREVIEW_SCHEMA

if TYPE_CHECKING:
    from ..loading.catalog import Catalog

ATOM_NS = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NO_DATE = "1970-01-01"
"""A feed needs an `updated` date; a dossier with no claim yet has published nothing."""

CSV_COLUMNS = (
    "id",
    "url",
    "title",
    "claim_reviewed",
    "statement",
    "statement_form",
    "claimant_id",
    "claimant_name",
    "claimant_kind",
    "relayed_by",
    "claimed_on",
    "appearance_source_id",
    "appearance_url",
    "appearance_archived_url",
    "appearance_locator",
    "appearance_quote",
    "rating_id",
    "rating_label",
    "rating_value",
    "best_rating",
    "worst_rating",
    "summary",
    "reviewed_on",
    "date_modified",
    "tags",
)
"""Columns of claims.csv, one row per claim; lists are joined with `;`."""

TRANSLATION_COLUMNS = (
    "url",
    "title",
    "claim_reviewed",
    "summary",
    "rating_label",
    "translated_on",
    "translation",
)
"""Columns added for each of the dossier's other languages, named `title_zh-Hans` and so
on; `translation` is `current`, `out-of-date` or `missing` (the other columns are then
empty, but for the page's `url`, which shows the claim in the original language)."""


def build_exports(
    catalog: Catalog,
    reviews: dict[str, dict[str, Any]] | None = None,
    language: str | None = None,
    each: EachClaim = each_claim,
) -> dict[str, bytes]:
    """Path → content of every open-data file of the edition in `language` (by default the
    dossier's own); `reviews` are `all_claim_reviews(catalog)` when the caller has them
    already (they are read, not changed). `each` makes what each claim needs."""
    if reviews is None:
        reviews = all_claim_reviews(catalog, each=each)
    files = {
        FEED_JSON: _json_bytes(data_feed(catalog, reviews, translated_reviews(catalog))),
        CLAIMS_CSV: claims_csv(catalog, each),
        ATOM_FEED: atom_feed(catalog, language),
        CLAIMREVIEW_SCHEMA_FILE: _json_bytes(CLAIMREVIEW_SCHEMA),
    }
    for name, text in schema_texts().items():
        files[SCHEMA_DIR + name] = text.encode("utf-8")
    return dict(sorted(files.items()))


def _json_bytes(value: Any) -> bytes:
    # The same bytes as json.dumps(value, ensure_ascii=False, indent=2) + "\n" (a test
    # compares them), 20 times faster: with an indent, json falls back to its pure-Python
    # encoder, which cost a tenth of rendering with the feed of every ClaimReview.
    return orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)


def _updated(catalog: Catalog, claim_id: str) -> str:
    claim = catalog.claims[claim_id].model
    return last_modified(claim) or claim.reviewed_on


def data_feed(
    catalog: Catalog,
    reviews: dict[str, dict[str, Any]],
    translated: list[tuple[str, dict[str, Any]]] | None = None,
) -> dict[str, Any]:
    """Every ClaimReview in a schema.org DataFeed, the shape of Data Commons' feed: the
    original reviews by claim id, then the `translated` ones (each with its language)."""
    dossier = catalog.dossier.model
    items: list[dict[str, Any]] = []
    every = list(reviews.items())
    every += translated or []
    for cid, review in every:
        item = {
            "@type": "DataFeedItem",
            "dateCreated": catalog.claims[cid].model.reviewed_on,
            "dateModified": _updated(catalog, cid),
            "item": [{k: v for k, v in review.items() if k != "@context"}],
        }
        items.append(item)
    return {
        "@context": CONTEXT,
        "@type": "DataFeed",
        "name": f"{dossier.title}: ClaimReview",
        "url": site_url(dossier.base_url, FEED_JSON),
        "dateModified": max((i["dateModified"] for i in items), default=NO_DATE),
        "dataFeedElement": items,
    }


def claims_csv(catalog: Catalog, each: EachClaim = each_claim) -> bytes:
    dossier = catalog.dossier.model
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    others = dossier.other_languages
    writer.writerow(
        [*CSV_COLUMNS, *(f"{c}_{lang}" for lang in others for c in TRANSLATION_COLUMNS)]
    )
    writer.writerows(each(_csv_row, catalog).values())
    # UTF-8 with a BOM: spreadsheet programs otherwise misread non-ASCII names.
    return out.getvalue().encode("utf-8-sig")


def _csv_row(catalog: Catalog, cid: str) -> tuple[str, ...]:
    """A claim's row of the CSV export, its cells defused (`csv_cell`)."""
    dossier = catalog.dossier.model
    top = dossier.scale.top
    claim = catalog.claims[cid].model
    entity = catalog.entities[claim.claimant].model
    # An appearance the report did not give leaves its five columns empty.
    appeared = claim.appeared_in
    source = catalog.sources[appeared.source].model if appeared else None
    rating = dossier.scale[claim.rating]
    on_scale = rating.position is not None
    row: tuple[str, ...] = (
        cid,
        claim_url(dossier, cid),
        claim.title,
        short_claim(claim),
        claim.statement.text,
        claim.statement.form,
        claim.claimant,
        entity.name,
        entity.kind,
        ";".join(claim.relayed_by),
        claim.claimed_on,
        appeared.source if appeared else "",
        (source and source.url) or "",
        (source and source.archived_url) or "",
        appeared.locator if appeared else "",
        appeared.quote if appeared else "",
        rating.id,
        rating.label,
        str(rating.position) if on_scale else "",
        str(top) if on_scale else "",
        "1" if on_scale else "",
        claim.summary,
        claim.reviewed_on,
        last_modified(claim) or "",
        ";".join(claim.tags),
    )
    for language in dossier.other_languages:
        t = claim.translations.get(language)
        row += (
            claim_url(dossier, cid, language),
            t.title if t else "",
            short_claim(claim, language) if t else "",
            t.summary if t else "",
            rating_label(dossier, rating.id, language),
            t.translated_on if t else "",
            status(claim, language),
        )
    return tuple(csv_cell(v) for v in row)


# Spreadsheets run a cell that starts with these as a formula (CSV injection); the full-width
# forms are included because some spreadsheet programs normalise them.
_FORMULA_STARTS = tuple("=+-@\t\r＝＋－＠")


def csv_cell(value: Any) -> str:
    """Record text for a CSV export cell: a leading `'` keeps a spreadsheet from running it.

    Use with Python's `csv` module, which handles quoting; this only defuses formulas.
    """
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _rfc3339(date: str) -> str:
    return f"{date}T00:00:00Z"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", {k: clean(v) for k, v in attrs.items()})
    if text is not None:
        # XML 1.0 cannot carry most control characters, which YAML escapes can produce.
        element.text = clean(text)
    return element


FEED_ENTRIES = 50
"""A feed reader shows what is new; the whole dossier is in the data feed and the CSV."""


def atom_feed(catalog: Catalog, language: str | None = None) -> bytes:
    """RFC 4287 feed of the latest `FEED_ENTRIES` claims, the most recently published or
    updated first, in the edition of `language` (by default the dossier's own): a claim not
    translated into it is an entry in the original language, which its `xml:lang` says."""
    dossier = catalog.dossier.model
    language = language or dossier.language
    home = edition_base_url(dossier, language)
    own = dossier.translations.get(language)
    ids = sorted(catalog.claims)
    ids.sort(key=lambda cid: _updated(catalog, cid), reverse=True)
    del ids[FEED_ENTRIES:]
    ET.register_namespace("", ATOM_NS)
    feed = ET.Element(f"{{{ATOM_NS}}}feed", {XML_LANG: language})
    _sub(feed, "id", home)
    _sub(feed, "title", (own and own.title) or dossier.title)
    _sub(feed, "subtitle", (own and own.description) or dossier.description)
    newest = _updated(catalog, ids[0]) if ids else NO_DATE
    _sub(feed, "updated", _rfc3339(newest))
    author = _sub(feed, "author")
    _sub(author, "name", dossier.publisher.name)
    _sub(author, "uri", dossier.publisher.url)
    _sub(
        feed,
        "link",
        rel="self",
        type="application/atom+xml",
        href=site_url(home, ATOM_FEED),
    )
    _sub(feed, "link", rel="alternate", type="text/html", href=home)
    rating_line = gettext_for(language)(RATING_LINE)
    for cid in ids:
        claim = catalog.claims[cid].model
        t = claim.translations.get(language)
        label = rating_label(dossier, claim.rating, language)
        entry = _sub(feed, "entry")
        if t is None and language != dossier.language:
            entry.set(XML_LANG, dossier.language)
            label = dossier.scale[claim.rating].label
        url = claim_url(dossier, cid, language)
        _sub(entry, "id", url)
        _sub(entry, "title", t.title if t else claim.title)
        _sub(entry, "published", _rfc3339(claim.reviewed_on))
        _sub(entry, "updated", _rfc3339(_updated(catalog, cid)))
        _sub(entry, "link", rel="alternate", type="text/html", href=url)
        _sub(entry, "category", term=claim.rating, label=label)
        line = rating_line if t is not None else RATING_LINE
        summary = t.summary if t else claim.summary
        _sub(entry, "summary", line % {"label": label, "summary": summary})
    ET.indent(feed)
    body: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return body + b"\n"

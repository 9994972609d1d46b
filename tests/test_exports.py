"""The open-data files: the ClaimReview DataFeed, claims.csv, the Atom feed and the schemas."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import xml.etree.ElementTree as ET

import feedparser
import jsonschema
import pytest

from dossier_gen.loading.load import load_catalog
from dossier_gen.publishing.claimreview import all_claim_reviews
from dossier_gen.publishing.exports import (
    ATOM_FEED,
    CLAIMREVIEW_SCHEMA_FILE,
    CLAIMS_CSV,
    CSV_COLUMNS,
    FEED_JSON,
    _json_bytes,
    build_exports,
)
from dossier_gen.publishing.jsonld_schema import CLAIMREVIEW_SCHEMA
from dossier_gen.records.schema import schema_texts

from .conftest import FIXTURE

A = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(FIXTURE / "data")


@pytest.fixture(scope="module")
def exported(catalog):
    return build_exports(catalog)


def test_the_same_data_gives_the_same_bytes(catalog, exported):
    assert build_exports(catalog) == exported


def test_json_files_are_indented_as_python_json_writes_them(catalog, exported):
    # The fast encoder must write what json.dumps(indent=2) would, byte for byte, so the
    # published files keep their shape; tricky text included. (Records hold no floats; the
    # two differ only on exponents: 1e-07 against 1e-7.)
    feed = json.loads(exported[FEED_JSON])
    assert exported[FEED_JSON] == (json.dumps(feed, ensure_ascii=False, indent=2) + "\n").encode(
        "utf-8"
    )
    tricky = {
        "text": "".join(map(chr, range(0x20))) + '\x7f\u2028\u2029 \\ " / ☃ 你好 😀',
        "empty": [[], {}],
        "numbers": [0, -1, 2**53, 1.5, -0.25],
        "flags": [True, None],
        "nested": {"a": [{"b": "c"}]},
    }
    assert _json_bytes(tricky) == (json.dumps(tricky, ensure_ascii=False, indent=2) + "\n").encode(
        "utf-8"
    )


def test_data_feed_holds_every_claim_review(catalog, exported):
    feed = json.loads(exported[FEED_JSON].decode("utf-8"))
    assert feed["@context"] == "https://schema.org" and feed["@type"] == "DataFeed"
    assert feed["url"] == "https://dossier.example.org/data/claimreview.json"
    reviews = all_claim_reviews(catalog)
    items = feed["dataFeedElement"]
    assert [i["@type"] for i in items] == ["DataFeedItem"] * len(reviews)
    schema = json.loads(exported[CLAIMREVIEW_SCHEMA_FILE])
    assert schema == CLAIMREVIEW_SCHEMA
    for element, (claim_id, review) in zip(items, reviews.items(), strict=True):
        (item,) = element["item"]
        assert item == {k: v for k, v in review.items() if k != "@context"}
        jsonschema.validate({"@context": "https://schema.org", **item}, schema)
        assert element["dateCreated"] == catalog.claims[claim_id].model.reviewed_on
    assert feed["dateModified"] == "2026-11-21"


def test_claims_csv_has_one_row_per_claim(catalog, exported):
    text = exported[CLAIMS_CSV].decode("utf-8-sig")
    assert exported[CLAIMS_CSV].startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [r["id"] for r in rows] == sorted(catalog.claims)
    finished = rows[1]
    assert finished["title"] == "The bridge was finished in 2018 <script>alert(1)</script>"
    assert finished["url"] == "https://dossier.example.org/claims/bridge-finished/"
    assert (finished["rating_value"], finished["best_rating"], finished["worst_rating"]) == (
        "2",
        "2",
        "1",
    )
    assert finished["date_modified"] == "2026-11-21"
    assert finished["relayed_by"] == "example-news"
    assert finished["appearance_archived_url"] == "https://archive.example.org/bridge"
    assert (rows[0]["rating_label"], rows[0]["rating_value"]) == ("Not checkable", "")


def test_claims_csv_keeps_formulas_as_text(fixture_copy):
    path = fixture_copy / "data" / "claims" / "bridge-best.yml"
    path.write_text(
        path.read_text().replace(
            "summary: A matter of opinion.", 'summary: "=HYPERLINK(\\"http://x.test\\")"'
        )
    )
    text = build_exports(load_catalog(fixture_copy / "data"))[CLAIMS_CSV].decode("utf-8-sig")
    row = next(csv.DictReader(io.StringIO(text, newline="")))
    assert row["summary"] == '\'=HYPERLINK("http://x.test")'


def check_atom(body: bytes, base_url: str, claim_ids: list[str]) -> None:
    """RFC 4287's rules for a feed and its entries, and what a feed reader makes of it."""
    feed = ET.fromstring(body)
    assert feed.tag == f"{A}feed"
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{A}{name}")) == 1, name
    assert feed.find(f"{A}author/{A}name").text  # a feed author, so entries need none
    links = {
        (link.get("rel"), link.get("type")): link.get("href") for link in feed.findall(f"{A}link")
    }
    assert links[("self", "application/atom+xml")] == base_url + "feed.atom"
    assert links[("alternate", "text/html")] == base_url
    assert RFC3339.match(feed.find(f"{A}updated").text)
    entries = feed.findall(f"{A}entry")
    assert [e.find(f"{A}id").text for e in entries] == [
        f"{base_url}claims/{cid}/" for cid in claim_ids
    ]
    updated = []
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{A}{name}")) == 1, name
        assert entry.find(f"{A}content") is None
        (alternate,) = [x for x in entry.findall(f"{A}link") if x.get("rel") == "alternate"]
        assert alternate.get("href") == entry.find(f"{A}id").text
        for name in ("updated", "published"):
            assert RFC3339.match(entry.find(f"{A}{name}").text)
        updated.append(entry.find(f"{A}updated").text)
    assert updated == sorted(updated, reverse=True), "most recent first"
    if updated:
        assert feed.find(f"{A}updated").text == updated[0]

    parsed = feedparser.parse(body)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert [e.link for e in parsed.entries] == [f"{base_url}claims/{c}/" for c in claim_ids]


def test_atom_feed_is_valid_and_newest_first(catalog, exported):
    check_atom(
        exported[ATOM_FEED], "https://dossier.example.org/", ["bridge-finished", "bridge-best"]
    )
    parsed = feedparser.parse(exported[ATOM_FEED])
    first = parsed.entries[0]
    assert first.title == "The bridge was finished in 2018 <script>alert(1)</script>"
    assert first.summary.startswith("Rating: Confirmed. The registry lists")
    assert [t.term for t in first.tags] == ["confirmed"]


def test_atom_feed_drops_characters_xml_cannot_carry(fixture_copy):
    # The loader refuses control characters in records; the feed must still drop them, so
    # the text is put into the validated model directly.
    catalog = load_catalog(fixture_copy / "data")
    loaded = catalog.claims["bridge-best"]
    catalog.claims["bridge-best"] = dataclasses.replace(
        loaded, model=loaded.model.model_copy(update={"summary": "A matter\x01 of\x0b opinion."})
    )
    body = build_exports(catalog)[ATOM_FEED]
    check_atom(body, "https://dossier.example.org/", ["bridge-finished", "bridge-best"])


def test_a_dossier_with_no_claims_has_valid_empty_exports(tmp_path):
    (tmp_path / "dossier.yml").write_text((FIXTURE / "data" / "dossier.yml").read_text())
    exported = build_exports(load_catalog(tmp_path))
    check_atom(exported[ATOM_FEED], "https://dossier.example.org/", [])
    assert json.loads(exported[FEED_JSON])["dataFeedElement"] == []
    assert exported[CLAIMS_CSV].decode("utf-8-sig") == ",".join(CSV_COLUMNS) + "\r\n"


def test_record_schemas_are_published(exported):
    for name, text in schema_texts().items():
        assert exported[f"schema/{name}"] == text.encode("utf-8")


def test_the_feed_carries_the_latest_claims_only(tmp_path):
    from devtools.synth import write_dossier
    from dossier_gen.publishing.exports import FEED_ENTRIES, _updated, atom_feed

    catalog = load_catalog(write_dossier(tmp_path, FEED_ENTRIES + 20) / "data")
    feed = feedparser.parse(atom_feed(catalog))
    assert len(feed.entries) == FEED_ENTRIES
    newest = sorted(catalog.claims, key=lambda cid: _updated(catalog, cid), reverse=True)
    shown = {entry.id.rstrip("/").rsplit("/", 1)[-1] for entry in feed.entries}
    assert {_updated(catalog, cid) for cid in shown} <= {
        _updated(catalog, cid) for cid in newest[:FEED_ENTRIES]
    }
    assert min(_updated(catalog, cid) for cid in shown) >= _updated(
        catalog, newest[FEED_ENTRIES - 1]
    )

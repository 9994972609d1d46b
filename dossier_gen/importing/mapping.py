"""Turn other fact-checkers' ClaimReview into this dossier's claim, entity and source records.

The mapping (also in README.md):

| ClaimReview | record |
| --- | --- |
| `url` | a source record for the review page; its last path segment names the claim id |
| `author` (or `publisher`) | an organisation entity, publisher of that source |
| `claimReviewed` | claim `title`, and `statement` unless the Claim has `text` (then a quote) |
| `reviewRating.alternateName` (or `name`) | claim `rating`: on the scale, or in `rating_aliases` |
| `reviewRating.ratingExplanation` (or `reviewBody`) | claim `summary` |
| `datePublished` / `dateModified` | claim `reviewed_on` / an `update` entry when later |
| `itemReviewed.author` | the claimant entity: Person → person, Organization → organisation |
| `itemReviewed.datePublished` | claim `claimed_on` (else the first appearance's date) |
| `itemReviewed.firstAppearance` / `appearance` | sources; the first is the claim's `appearance` |
| `keywords` | claim `tags` |

What ClaimReview cannot say is never made up: the appearance's locator says it was not given,
its quote is the claim's wording as the reviewer gives it, and the analysis says where the
record came from and what an editor must check.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from ..loading.catalog import Catalog
from ..problems import Problem
from . import read
from .read import Found

QUOTE_MAX = 300
TITLE_MAX = 120
UNKNOWN_LANGUAGE = "und"
"""BCP 47's tag for an undetermined language, when the markup does not say."""
ORGANIZATION_TYPES = (
    "Organization",
    "NewsMediaOrganization",
    "GovernmentOrganization",
    "Corporation",
    "NGO",
    "PoliticalParty",
    "EducationalOrganization",
)


@dataclass
class Plan:
    """New records by kind and id, and how to find records already planned or on disk."""

    catalog: Catalog
    claims: dict[str, dict[str, Any]] = field(default_factory=dict)
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    origin: dict[tuple[str, str], Found] = field(default_factory=dict)
    """(kind, id) → the ClaimReview a new record came from, for problem reports."""

    def taken(self, kind: str, record_id: str) -> bool:
        on_disk = getattr(self.catalog, kind)
        return (
            record_id in on_disk
            or record_id in getattr(self, kind)
            or ((self.catalog.root / kind / f"{record_id}.yml").exists())
        )


def slugify(value: str, fallback: str) -> str:
    """An id from a name: ASCII letters and digits joined by hyphens, at most 60 characters.
    Names with no Latin letters (郭文贵) get `fallback` and a short hash of the name."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > 60:
        slug = slug[:60].rsplit("-", 1)[0]
    if not slug:
        slug = f"{fallback}-{hashlib.sha1(value.encode()).hexdigest()[:8]}"
    return slug


def _free_id(plan: Plan, kind: str, wanted: str) -> str:
    candidate, n = wanted, 2
    while plan.taken(kind, candidate):
        candidate, n = f"{wanted}-{n}", n + 1
    return candidate


def _cut(value: str, limit: int) -> str:
    if len(value) <= limit:
        return value
    return value[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


# --- entities and sources ----------------------------------------------------------------


def _entity(plan: Plan, found: Found, node: Any, default_kind: str, role: str) -> str | None:
    """The id of an entity named by a Person/Organization node: an existing one of the same
    name, or a new record."""
    node = read.first(node)
    name = read.text(node.get("name") if isinstance(node, dict) else node)
    if not name:
        return None
    if read.is_type(node, "Person"):
        kind = "person"
    elif any(read.is_type(node, t) for t in ORGANIZATION_TYPES):
        kind = "organisation"
    else:
        kind = default_kind
    for eid, loaded in plan.catalog.entities.items():
        if loaded.model.name.casefold() == name.casefold():
            return eid
    for eid, planned in plan.entities.items():
        if planned["name"].casefold() == name.casefold():
            return eid
    eid = _free_id(plan, "entities", slugify(name, "entity"))
    given = (
        read.text(node.get("jobTitle")) or read.text(node.get("description"))
        if isinstance(node, dict)
        else None
    )
    record: dict[str, Any] = {
        "kind": kind,
        "name": name,
        "description": given or f"{role}; no description given.",
    }
    aliases = [
        a
        for a in (
            read.text(v)
            for v in read.as_list(node.get("alternateName") if isinstance(node, dict) else None)
        )
        if a and a != name
    ]
    if aliases:
        record["aliases"] = aliases
    plan.entities[eid] = record
    plan.origin[("entities", eid)] = found
    return eid


def _source(
    plan: Plan,
    found: Found,
    work: dict[str, Any],
    *,
    title: str | None,
    publisher: str | None,
    publisher_entity: str | None,
    note: str,
) -> str | None:
    """The id of a source for a CreativeWork: an existing one with the same address, or a
    new record. Works with neither an address nor a name cannot be cited, and are skipped."""
    address = read.url(work)
    for sid, loaded in plan.catalog.sources.items():
        if address and address in (loaded.model.url, loaded.model.archived_url):
            return sid
    for sid, planned in plan.sources.items():
        if address and planned.get("url") == address:
            return sid
    name = title or read.text(work.get("headline")) or read.text(work.get("name"))
    if not address and not name:
        return None
    host = urlsplit(address).hostname if address else None
    record: dict[str, Any] = {
        "title": name or address,
        "publisher": publisher or _publisher_name(work) or host,
    }
    if publisher_entity:
        record["publisher_entity"] = publisher_entity
    authors = [
        read.text(a.get("name") if isinstance(a, dict) else a)
        for a in read.as_list(work.get("author"))
        if not read.is_type(a, "Organization")
    ]
    if any(authors):
        record["authors"] = [a for a in authors if a]
    published = read.date(work.get("datePublished"))
    if published:
        record["published_on"] = published
    if address:
        record["url"] = address
    archived = read.url(work.get("archivedAt"))
    if archived:
        record["archived_url"] = archived
    if not address:
        record["citation"] = name
    record["language"] = read.text(work.get("inLanguage")) or UNKNOWN_LANGUAGE
    record["kind"] = "other"
    record["notes"] = note
    sid = _free_id(plan, "sources", slugify(name or host or "", "source"))
    plan.sources[sid] = record
    plan.origin[("sources", sid)] = found
    return sid


def _publisher_name(work: dict[str, Any]) -> str | None:
    org = read.first(work.get("publisher"))
    return read.text(org.get("name") if isinstance(org, dict) else org)


# --- the rating --------------------------------------------------------------------------


def _scale_hint(rating: dict[str, Any]) -> str:
    """Where a numeric rating sits, for the editor choosing an alias. Some publishers invert
    bestRating and worstRating; the lower number is taken as the worst either way."""
    value = read.number(rating.get("ratingValue"))
    best, worst = read.number(rating.get("bestRating")), read.number(rating.get("worstRating"))
    if value is None or best is None or worst is None or best == worst:
        return ""
    low, high = min(best, worst), max(best, worst)
    if not low <= value <= high:
        return ""
    return (
        f" (its number, {value:g}, is {(value - low) / (high - low):.0%} of the way from"
        f" {low:g}, the worst, to {high:g}, the best)"
    )


def _rating(
    plan: Plan, found: Found, node: dict[str, Any]
) -> tuple[str | None, str | None, list[Problem]]:
    """(rating id, the label as published, problems)."""
    rating = read.first(node.get("reviewRating"))
    if not isinstance(rating, dict):
        return None, None, [found.problem("reviewRating is missing; a claim needs a rating")]
    label = read.text(rating.get("alternateName")) or read.text(rating.get("name"))
    if not label:
        return (
            None,
            None,
            [
                found.problem(
                    "reviewRating has no alternateName or name, so its verdict cannot be read"
                )
            ],
        )
    scale = plan.catalog.dossier.model.scale
    found_rating = scale.find(label)
    if found_rating is not None:
        return found_rating.id, label, []
    ids = ", ".join(scale.ids)
    return (
        None,
        label,
        [
            found.problem(
                f"rating {label!r} is not on this dossier's scale{_scale_hint(rating)};"
                f" map it under rating_aliases in {plan.catalog.dossier.display_path}, such as"
                f" '{label}: <one of {ids}>'"
            )
        ],
    )


# --- one ClaimReview ---------------------------------------------------------------------


def _appearances(item: dict[str, Any]) -> list[dict[str, Any]]:
    """firstAppearance, then each appearance, as objects; a plain address becomes
    `{"url": ...}`. An itemReviewed typed CreativeWork with an address is itself where the
    claim appeared (Africa Check's markup)."""
    works = []
    for value in (
        *read.as_list(item.get("firstAppearance")),
        *read.as_list(item.get("appearance")),
    ):
        if isinstance(value, str):
            value = {"url": value}
        if isinstance(value, dict):
            works.append(value)
    if not read.is_type(item, "Claim") and read.url(item):
        works.append({"url": read.url(item), "name": read.text(item.get("name"))})
    return works


def import_one(plan: Plan, found: Found) -> list[Problem]:
    """Add the records for one ClaimReview to `plan`, or return why it cannot be imported."""
    node = found.node
    problems: list[Problem] = []
    review_url = read.url(node)
    if not review_url:
        problems.append(
            found.problem(
                "url is missing or not an http(s) address; every"
                " imported claim cites the review it came from"
            )
        )
    item = read.first(node.get("itemReviewed"))
    item = item if isinstance(item, dict) else {}
    summary_text = (
        read.text(node.get("claimReviewed"))
        or read.text(item.get("text"))
        or read.text(node.get("headline"))
    )
    if not summary_text:
        problems.append(found.problem("claimReviewed is missing, so the claim is unknown"))
    reviewed_on = read.date(node.get("datePublished")) or read.date(node.get("dateModified"))
    if not reviewed_on or reviewed_on.count("-") != 2:
        problems.append(
            found.problem(
                "datePublished is missing or not a full date; a claim"
                " record needs the day it was reviewed"
            )
        )
    rating_id, label, bad = _rating(plan, found, node)
    problems += bad
    works = _appearances(item)
    claimed_on = read.date(item.get("datePublished")) or next(
        (d for d in (read.date(w.get("datePublished")) for w in works) if d), None
    )
    if not claimed_on:
        problems.append(
            found.problem(
                "itemReviewed.datePublished (when the claim was made) is"
                " missing, and no appearance is dated"
            )
        )
    if problems:
        return problems
    assert review_url and summary_text and reviewed_on and rating_id and label and claimed_on

    # The publisher is the organisation behind the review; bylines often name people as
    # `author`, who become the review source's authors instead.
    makers = [*read.as_list(node.get("publisher")), *read.as_list(node.get("author"))]
    organisations = [m for m in makers if any(read.is_type(m, t) for t in ORGANIZATION_TYPES)]
    reviewer = (organisations or makers or [None])[0]
    reviewer_id = _entity(
        plan, found, reviewer, "organisation", "Publisher of an imported ClaimReview"
    )
    reviewer_name = plan_name(plan, reviewer_id) or urlsplit(review_url).hostname or review_url
    claimant = _entity(
        plan,
        found,
        item.get("author"),
        "person",
        f"Named as the claimant in a ClaimReview by {reviewer_name}",
    )
    if claimant is None:
        return [
            found.problem(
                "itemReviewed.author (who made the claim) is missing; a claim"
                " record needs its claimant"
            )
        ]
    review_source = _source(
        plan,
        found,
        node,
        title=read.text(node.get("headline")) or read.text(node.get("name")) or summary_text,
        publisher=reviewer_name,
        publisher_entity=reviewer_id,
        note="A fact-check, imported from its ClaimReview markup.",
    )
    appeared_in = [
        _source(
            plan,
            found,
            w,
            title=None,
            publisher=None,
            publisher_entity=None,
            note=f"Where the claim appeared, as given by a ClaimReview by {reviewer_name}.",
        )
        for w in works
    ]
    appearance = next((sid for sid in appeared_in if sid), review_source)
    assert review_source is not None
    wording = read.text(item.get("text"))
    claim_id = slugify(urlsplit(review_url).path.rstrip("/").rsplit("/", 1)[-1], "claim")
    if plan.taken("claims", claim_id) or claim_id in ("index", "claim"):
        claim_id = slugify(summary_text, "claim")
    if plan.taken("claims", claim_id):
        return [
            found.problem(
                f"a claim {claim_id!r} already exists"
                f" ({plan.catalog.root / 'claims' / claim_id}.yml or another input);"
                " the import never overwrites a record"
            )
        ]
    explanation = read.text(
        read.first(node.get("reviewRating")).get("ratingExplanation")
    ) or read.text(node.get("reviewBody"))
    claim: dict[str, Any] = {
        "title": _cut(summary_text, TITLE_MAX),
        "statement": {
            "text": wording or summary_text,
            "form": "quote" if wording else "paraphrase",
        },
        "claimant": claimant,
        "claimed_on": claimed_on,
        "appearance": {
            "source": appearance,
            "locator": "not given in the imported ClaimReview",
            "quote": _cut(wording or summary_text, QUOTE_MAX),
        },
        "rating": rating_id,
        "summary": explanation or f"Rated “{label}” by {reviewer_name}.",
        "analysis": (
            f"Imported from the ClaimReview that {reviewer_name} published at"
            f" {review_url}, which rated the claim “{label}”. To check before"
            " publishing: the appearance's quote is the claim as the reviewer words"
            " it, not the source's own words, and its place in the source is not"
            " given; read the source and replace both."
        ),
        "evidence": [
            {
                "stance": "context",
                "source": review_source,
                "locator": "verdict",
                "quote": _cut(label, QUOTE_MAX),
                "note": f"{reviewer_name} rated the claim “{label}”.",
            }
        ],
        "reviewed_on": reviewed_on,
    }
    tags = [slugify(t, "tag") for t in _keywords(node.get("keywords"))]
    if tags:
        claim["tags"] = list(dict.fromkeys(tags))
    modified = read.date(node.get("dateModified"))
    if modified and modified.count("-") == 2 and modified > reviewed_on:
        claim["updates"] = [
            {
                "date": modified,
                "kind": "update",
                "note": f"{reviewer_name} updated its review (the dateModified"
                " of its ClaimReview).",
            }
        ]
    plan.claims[claim_id] = claim
    plan.origin[("claims", claim_id)] = found
    return []


def plan_name(plan: Plan, entity_id: str | None) -> str | None:
    if entity_id is None:
        return None
    if entity_id in plan.entities:
        return str(plan.entities[entity_id]["name"])
    return plan.catalog.entities[entity_id].model.name


def _keywords(value: Any) -> list[str]:
    words: list[str] = []
    for item in read.as_list(value):
        if isinstance(item, str):
            words += [w.strip() for w in item.split(",") if w.strip()]
    return words

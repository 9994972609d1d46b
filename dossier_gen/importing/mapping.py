"""Turn other fact-checkers' ClaimReview into this dossier's claim, entity and source records.

The mapping (also in README.md):

| ClaimReview | record |
| --- | --- |
| `url` (or `@id`) | a source record for the review page; the claim's `imported_from` |
| `author` (or `publisher`) | an organisation entity, publisher of that source |
| `headline` (or `name`) | that source's title (else the page's `<title>`, else derived) |
| `claimReviewed` | claim `title`, and `statement` unless the Claim has `text` (then a quote) |
| `reviewRating.alternateName` (or `name`) | claim `rating`: the scale, `--map`, `rating_aliases` |
| `reviewRating.ratingExplanation` (or `reviewBody`) | claim `summary`, unless only a number |
| `datePublished` / `dateModified` | claim `reviewed_on` / an `update` entry when later |
| `itemReviewed.author` | the claimant entity: Person → person, Organization → organisation |
| `itemReviewed.datePublished` | claim `claimed_on` (else the first appearance's date) |
| where the claim appeared | sources; the first is the claim's `appearance` |
| `keywords` | claim `tags` |

Where the claim appeared is every address the input gives for it, in this order:
`firstAppearance`, the `url` of `itemReviewed` (of any type; AFP's markup puts the post's
address on a `Claim`), each `appearance` (an object, a list, an address or a description),
and a claimant's `sameAs` or `url` when it is the address of one post. The review's own
address is never taken for one. With none, the claim's appearance says it was not given by
the review (`not_given_by`), and nothing stands in for it.

What ClaimReview cannot say is never made up: the appearance's locator says it was not given,
its quote is the claim's wording as the reviewer gives it, and the analysis says where the
record came from and what an editor must check.

A review imported before (the same `url` or `@id` in a claim's `imported_from`) is not
imported again: it is unchanged, or, when its `dateModified` is later than the one imported,
the claim takes its new rating and verdict with a dated `update` (a `rating-change` when the
rating changed).
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from typing import Any, Literal
from urllib.parse import urlsplit

import yaml

from ..loading.catalog import Catalog
from ..loading.safefiles import RESERVED_IDS
from ..loading.yaml_loader import YamlProblem, parse_values
from ..problems import Problem, display
from ..records.fields import LANGUAGE_PATTERN
from ..records.kinds import BY_FOLDER, RECORD_SUFFIXES
from ..records.models import Claim
from ..records.ratings import code_points, label_key
from ..rendering.urls import GENERATED_PAGES, record_page
from . import read
from .ids import cut, slugify, url_words
from .read import Found

QUOTE_MAX = 300
TITLE_MAX = 120
SUMMARY_MAX = 1_000
"""A `reviewBody` longer than this is the article, not a one-paragraph verdict."""
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
VERDICT_LOCATOR = "verdict"
"""The locator of the evidence item that cites the review's verdict."""

Status = Literal["new", "updated", "unchanged", "refused"]


@dataclass(frozen=True)
class Outcome:
    """What became of one ClaimReview."""

    found: Found
    status: Status
    claim_id: str | None = None
    note: str = ""


@dataclass
class Plan:
    """New and changed records by kind and id, and how to find records already planned or
    on disk."""

    catalog: Catalog
    aliases: dict[str, str] = field(default_factory=dict)
    """Label → rating id for this run only (`--map`), before `rating_aliases`."""
    claims: dict[str, dict[str, Any]] = field(default_factory=dict)
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    updated: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Claims on disk that a later version of their review changes, as their new values."""
    origin: dict[tuple[str, str], Found] = field(default_factory=dict)
    """(folder, id) → the ClaimReview a new or changed record came from, for problems."""
    outcomes: list[Outcome] = field(default_factory=list)
    _imported: dict[str, str] = field(default_factory=dict)
    _names: dict[str, str] = field(default_factory=dict)
    _addresses: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Built once: a feed of a thousand reviews would otherwise scan every record for
        # every review.
        for eid, entity in self.catalog.entities.items():
            for name in (entity.model.name, entity.model.native_name, *entity.model.aliases):
                if name:
                    self._names.setdefault(label_key(name), eid)
        for sid, source in self.catalog.sources.items():
            for address in (source.model.url, source.model.archived_url):
                if address:
                    self._addresses.setdefault(address, sid)
        for cid, claim in self.catalog.claims.items():
            for key in _claim_keys(self.catalog, claim.model):
                self._imported.setdefault(key, cid)

    def taken(self, folder: str, record_id: str) -> bool:
        """Whether an id cannot be given to a new record: used on disk or in this import,
        a reserved name, or the path of a page the generator writes."""
        return (
            record_id in getattr(self.catalog, folder)
            or record_id in getattr(self, folder)
            or record_id in RESERVED_IDS
            or record_page(folder, record_id) in GENERATED_PAGES
            or any(
                (self.catalog.root / folder / f"{record_id}{suffix}").exists()
                for suffix in RECORD_SUFFIXES
            )
        )

    def claim_path(self, claim_id: str) -> str:
        loaded = self.catalog.claims.get(claim_id)
        if loaded is not None:
            return loaded.display_path
        return display(self.catalog.root / "claims" / f"{claim_id}.yml")


def _key(address: str) -> str:
    """A review address as re-imports compare it: a trailing slash does not matter."""
    return address.rstrip("/")


def _claim_keys(catalog: Catalog, claim: Claim) -> list[str]:
    """The review addresses that identify a claim already imported: its `imported_from`;
    for a claim imported before that field existed, the review its verdict evidence cites."""
    if claim.imported_from is not None:
        found = [claim.imported_from.url, claim.imported_from.id]
        return [_key(a) for a in found if a]
    keys = []
    for item in claim.evidence:
        source = catalog.sources.get(item.source)
        if item.locator == VERDICT_LOCATOR and source is not None and source.model.url:
            keys.append(_key(source.model.url))
    return keys


# --- ids ---------------------------------------------------------------------------------


def _free_id(plan: Plan, folder: str, wanted: str, fallback: str) -> str:
    """`wanted`, or with `-2`, `-3`… when taken (on disk, reserved or a generated page)."""
    base = wanted or fallback
    candidate, n = base, 2
    while plan.taken(folder, candidate):
        candidate, n = f"{base}-{n}", n + 1
    return candidate


# --- entities and sources ----------------------------------------------------------------


def _name_of(node: Any) -> str | None:
    return read.text(node.get("name") if isinstance(node, dict) else node)


def _entity(plan: Plan, found: Found, node: Any, default_kind: str, role: str) -> str | None:
    """The id of an entity named by a Person/Organization node or a plain name: an existing
    one of the same name or alias (compared as a person reads them), or a new record."""
    node = read.first(node)
    name = _name_of(node)
    if not name:
        return None
    typed = True
    if read.is_type(node, "Person"):
        kind = "person"
    elif any(read.is_type(node, t) for t in ORGANIZATION_TYPES):
        kind = "organisation"
    else:
        kind, typed = default_kind, False
    existing = plan._names.get(label_key(name))
    if existing is not None:
        return existing
    eid = _free_id(plan, "entities", slugify(name), "entity")
    given = (
        read.text(node.get("jobTitle")) or read.text(node.get("description"))
        if isinstance(node, dict)
        else None
    )
    untyped = (
        "" if typed else "; the review gives a name only, not whether a person or an organisation"
    )
    record: dict[str, Any] = {
        "kind": kind,
        "name": name,
        "description": given or f"{role}; no description given{untyped}.",
    }
    aliases = [
        a
        for a in (
            read.text(v)
            for v in read.as_list(node.get("alternateName") if isinstance(node, dict) else None)
        )
        if a and label_key(a) != label_key(name)
    ]
    if aliases:
        record["aliases"] = list(dict.fromkeys(aliases))
    plan.entities[eid] = record
    plan.origin[("entities", eid)] = found
    for known in (name, *aliases):
        plan._names.setdefault(label_key(known), eid)
    return eid


def _language(value: Any) -> tuple[str, str | None]:
    """A BCP 47 tag from `inLanguage` (text, or a Language with `alternateName`), and a note
    when what was given is not a tag (`English`)."""
    value = read.first(value)
    if isinstance(value, dict) and "@value" not in value:
        value = value.get("alternateName") or value.get("name")
    given = read.text(value)
    if not given:
        return UNKNOWN_LANGUAGE, None
    tag = given.replace("_", "-")
    if re.match(LANGUAGE_PATTERN, tag):
        return tag, None
    return UNKNOWN_LANGUAGE, f"Its language was given as “{given}”, which is not a language tag."


def _source(
    plan: Plan,
    found: Found,
    work: dict[str, Any],
    *,
    title: str | None,
    notes: list[str],
    publisher: str | None,
    publisher_entity: str | None,
) -> str | None:
    """The id of a source for a CreativeWork: an existing one with the same address, or a
    new record. Works with neither an address nor a name cannot be cited, and are skipped."""
    address = read.url(work)
    if address and address in plan._addresses:
        return plan._addresses[address]
    name = title or read.text(work.get("headline")) or read.text(work.get("name"))
    if not address and not name:
        return None
    notes = list(notes)
    if not name:
        notes.append("No title was given; its address stands for it.")
    host = urlsplit(address).hostname if address else None
    record: dict[str, Any] = {
        "title": name or address,
        "publisher": publisher or _publisher_name(work) or host or "not given",
    }
    if publisher_entity:
        record["publisher_entity"] = publisher_entity
    authors = [
        _name_of(a)
        for a in read.as_list(work.get("author"))
        if not any(read.is_type(a, t) for t in ORGANIZATION_TYPES)
    ]
    if any(authors):
        record["authors"] = list(dict.fromkeys(a for a in authors if a))
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
    record["language"], language_note = _language(work.get("inLanguage"))
    if language_note:
        notes.append(language_note)
    record["kind"] = "other"
    record["notes"] = " ".join(notes)
    # Untitled works are named by their address, whose path tells two posts apart.
    wanted = slugify(name) if name else slugify(f"{host} {urlsplit(address or '').path}")
    sid = _free_id(plan, "sources", wanted, "source")
    plan.sources[sid] = record
    plan.origin[("sources", sid)] = found
    if address:
        plan._addresses[address] = sid
    return sid


def _publisher_name(work: dict[str, Any]) -> str | None:
    return _name_of(read.first(work.get("publisher")))


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


def alias_line(label: str) -> str:
    """A `rating_aliases` entry for `label` that is valid YAML whatever the label holds
    (quotes, colons, `#`, leading dashes): the label double-quoted and escaped."""
    quoted = yaml.safe_dump(label, default_style='"', allow_unicode=True, width=1_000_000)
    return f"{quoted.strip()}: RATING"


def _rating(
    plan: Plan, found: Found, node: dict[str, Any]
) -> tuple[str | None, str | None, list[Problem]]:
    """(rating id, the label as published, problems)."""
    rating = read.first(node.get("reviewRating"))
    if not isinstance(rating, dict):
        return (
            None,
            None,
            [found.problem(f"{found.name('reviewRating')} is missing; a claim needs a rating")],
        )
    label = read.text(rating.get("alternateName")) or read.text(rating.get("name"))
    if not label:
        return (
            None,
            None,
            [
                found.problem(
                    f"{found.name('reviewRating')} has no alternateName or name, so its verdict"
                    " cannot be read"
                )
            ],
        )
    scale = plan.catalog.dossier.model.scale
    found_rating = scale.find(label, plan.aliases)
    if found_rating is not None:
        return found_rating.id, label, []
    alike = scale.look_alike(label)
    looks = (
        f"; it looks like {code_points(alike)} but is written {code_points(label)}" if alike else ""
    )
    return (
        None,
        label,
        [
            found.problem(
                f"rating {label!r} is not on this dossier's scale{_scale_hint(rating)}{looks};"
                f" map it under rating_aliases in {plan.catalog.dossier.display_path} with the"
                f" line  {alias_line(label)}  (RATING one of {', '.join(scale.ids)}), or for"
                f" this run only with --map {shlex.quote(label + '=RATING')}"
            )
        ],
    )


_ONLY_A_NUMBER = re.compile(r"[0-9\s.,/%+-]*[0-9][0-9\s.,/%+-]*")


def _summary(node: dict[str, Any], label: str, reviewer: str) -> str:
    """The verdict in a paragraph: `ratingExplanation`, else a short `reviewBody`, else a
    sentence naming the rating. A number alone (several publishers put the score there) or
    a whole article is not a summary."""
    rating = read.first(node.get("reviewRating"))
    for value, limit in (
        (rating.get("ratingExplanation") if isinstance(rating, dict) else None, None),
        (node.get("reviewBody"), SUMMARY_MAX),
    ):
        given = read.text(value)
        if given and not _ONLY_A_NUMBER.fullmatch(given) and (limit is None or len(given) <= limit):
            return given
    return f"Rated “{label}” by {reviewer}."


# --- one ClaimReview ---------------------------------------------------------------------


def _appearances(item: dict[str, Any], review_url: str) -> list[dict[str, Any]]:
    """Every work the input gives for where the claim appeared, first one first, each
    once: `firstAppearance`; `itemReviewed.url` whatever its type (AFP's markup puts the
    post's address on a `Claim`; Africa Check's reviews a `CreativeWork`, whose name and
    date describe it); each `appearance`, given as an object, an address or a description;
    and a claimant's `sameAs` or `url` that is the address of one post. The review's own
    address is not where the claim appeared, and is left out."""
    works: list[dict[str, Any]] = []
    for value in read.as_list(item.get("firstAppearance")):
        works.append(value if isinstance(value, dict) else {"url": value})
    own = read.address(item.get("url"))
    if own:
        works.append(item if not read.is_type(item, "Claim") else {"url": own})
    for value in read.as_list(item.get("appearance")):
        if isinstance(value, dict):
            works.append(value)
        elif read.address(value):
            works.append({"url": value})
        elif read.text(value):
            works.append({"name": value})
    for author in read.as_list(item.get("author")):
        if isinstance(author, dict):
            for value in (*read.as_list(author.get("sameAs")), author.get("url")):
                found = read.address(value)
                if found and read.is_post_address(found):
                    works.append({"url": found})
    seen = {_key(review_url)}
    unique = []
    for work in works:
        address = read.url(work)
        if address is None and read.text(work.get("name")) is None:
            continue
        if address is not None:
            if _key(address) in seen:
                continue
            seen.add(_key(address))
        unique.append(work)
    return unique


def _review_keys(node: dict[str, Any]) -> tuple[str | None, str | None]:
    """The review's address (`url`, else `@id`) and its `@id` when that is another address."""
    review_url = read.url(node)
    identifier = read.address(node.get("@id"))
    if identifier and review_url and _key(identifier) == _key(review_url):
        identifier = None
    return review_url, identifier


def _last_date(node: dict[str, Any]) -> str | None:
    """The review's latest full date: `dateModified` when later than `datePublished`."""
    dates = [read.full_date(node.get("dateModified")), read.full_date(node.get("datePublished"))]
    return max((d for d in dates if d), default=None)


def _reviewer(node: dict[str, Any]) -> Any:
    """The organisation behind a review; bylines often name people as `author`, who become
    the review source's authors instead."""
    makers = [*read.as_list(node.get("publisher")), *read.as_list(node.get("author"))]
    organisations = [m for m in makers if any(read.is_type(m, t) for t in ORGANIZATION_TYPES)]
    return (organisations or makers or [None])[0]


def import_one(plan: Plan, found: Found) -> list[Problem]:
    """Add the records for one ClaimReview to `plan` (or its update of a claim imported
    before), or return why it cannot be imported; either way, record the outcome."""
    problems = _import_one(plan, found)
    if problems:
        plan.outcomes.append(Outcome(found, "refused"))
    return problems


def _import_one(plan: Plan, found: Found) -> list[Problem]:
    node = found.node
    review_url, review_id = _review_keys(node)
    keys = [_key(k) for k in (review_url, review_id) if k]
    known = next((plan._imported[k] for k in keys if k in plan._imported), None)
    if known is not None:
        return _again(plan, found, known)

    problems: list[Problem] = []
    if not review_url:
        problems.append(
            found.problem(
                f"{found.name('url')} is missing or not an http(s) address; every"
                " imported claim cites the review it came from"
            )
        )
    item = read.first(node.get("itemReviewed"))
    item = item if isinstance(item, dict) else {}
    claim_text = (
        read.text(node.get("claimReviewed"))
        or read.text(item.get("text"))
        or read.text(node.get("headline"))
    )
    if not claim_text:
        problems.append(
            found.problem(f"{found.name('claimReviewed')} is missing, so the claim is unknown")
        )
    reviewed_on = read.full_date(node.get("datePublished")) or read.full_date(
        node.get("dateModified")
    )
    if not reviewed_on:
        problems.append(
            found.problem(
                f"{found.name('datePublished')} is missing or not a full date; a claim"
                " record needs the day it was reviewed"
            )
        )
    rating_id, label, bad = _rating(plan, found, node)
    problems += bad
    works = _appearances(item, review_url or "")
    claimed_on = read.date(item.get("datePublished")) or next(
        (d for d in (read.date(w.get("datePublished")) for w in works) if d), None
    )
    if not claimed_on:
        problems.append(
            found.problem(
                f"{found.name('itemReviewed.datePublished')} (when the claim was made) is"
                " missing, and no appearance is dated"
            )
        )
    if not _name_of(read.first(item.get("author"))):
        problems.append(
            found.problem(
                f"{found.name('itemReviewed.author')} (who made the claim) is missing; a claim"
                " record needs its claimant"
            )
        )
    if problems:
        return problems
    assert review_url and claim_text and reviewed_on and rating_id and label and claimed_on

    reviewer_id = _entity(
        plan, found, _reviewer(node), "organisation", "Publisher of an imported ClaimReview"
    )
    reviewer_name = plan_name(plan, reviewer_id) or urlsplit(review_url).hostname or review_url
    claimant = _entity(
        plan,
        found,
        item.get("author"),
        "person",
        f"Named as the claimant in a ClaimReview by {reviewer_name}",
    )
    assert claimant is not None

    headline = read.text(node.get("headline")) or read.text(node.get("name"))
    title_notes = []
    if not headline and found.page_title:
        headline = found.page_title
        title_notes.append("Its ClaimReview gives no headline; the title is the page's <title>.")
    elif not headline:
        headline = f"Fact check by {reviewer_name}, {reviewed_on}"
        title_notes.append(
            "Its ClaimReview gives no headline; this title is derived from its publisher and date."
        )
    review_source = _source(
        plan,
        found,
        node,
        title=headline,
        notes=["A fact-check, imported from its ClaimReview markup.", *title_notes],
        publisher=reviewer_name,
        publisher_entity=reviewer_id,
    )
    assert review_source is not None
    appeared_in = [
        sid
        for sid in (
            _source(
                plan,
                found,
                work,
                title=None,
                notes=[f"Where the claim appeared, as given by a ClaimReview by {reviewer_name}."],
                publisher=None,
                publisher_entity=None,
            )
            for work in works
        )
        if sid
    ]
    appeared_in = list(dict.fromkeys(appeared_in))
    wording = read.text(item.get("text"))
    claim_id = _free_id(
        plan,
        "claims",
        url_words(review_url) or slugify(claim_text) or slugify(headline),
        "claim",
    )
    appearance: dict[str, Any]
    if appeared_in:
        appearance = {
            "source": appeared_in[0],
            "locator": "not given in the imported ClaimReview",
            "quote": cut(wording or claim_text, QUOTE_MAX),
        }
        check = (
            "the appearance's quote is the claim as the reviewer words it, not the"
            " source's own words, and its place in the source is not given; read the source"
            " and replace both."
        )
    else:
        appearance = {"not_given_by": review_source}
        check = (
            "the review does not say where the claim appeared; find where it did and record"
            " it as the appearance, or leave it as not given."
        )
    others = [
        f"{sid} ({plan.sources[sid].get('url') or plan.sources[sid].get('citation')})"
        if sid in plan.sources
        else sid
        for sid in appeared_in[1:]
    ]
    also = (
        f" The review also gives these appearances, kept as sources: {'; '.join(others)}."
        if others
        else ""
    )
    claim: dict[str, Any] = {
        "title": cut(claim_text, TITLE_MAX),
        "statement": {
            "text": wording or claim_text,
            "form": "quote" if wording else "paraphrase",
        },
        "claimant": claimant,
        "claimed_on": claimed_on,
        "appearance": appearance,
        "rating": rating_id,
        "summary": _summary(node, label, reviewer_name),
        "analysis": (
            f"Imported from the ClaimReview that {reviewer_name} published at"
            f" {review_url}, which rated the claim “{label}”.{also} To check before"
            f" publishing: {check}"
        ),
        "evidence": [
            {
                "stance": "context",
                "source": review_source,
                "locator": VERDICT_LOCATOR,
                "quote": cut(label, QUOTE_MAX),
                "note": f"{reviewer_name} rated the claim “{label}”.",
            }
        ],
        "reviewed_on": reviewed_on,
    }
    tags = [slugify(t) for t in _keywords(node.get("keywords"))]
    if any(tags):
        claim["tags"] = list(dict.fromkeys(t for t in tags if t))
    modified = read.full_date(node.get("dateModified"))
    if modified and modified > reviewed_on:
        claim["updates"] = [
            {
                "date": modified,
                "kind": "update",
                "note": f"{reviewer_name} updated its review (the dateModified"
                " of its ClaimReview).",
            }
        ]
    claim["imported_from"] = _provenance(review_url, review_id, _last_date(node) or reviewed_on)
    plan.claims[claim_id] = claim
    plan.origin[("claims", claim_id)] = found
    for key in keys:
        plan._imported[key] = claim_id
    plan.outcomes.append(Outcome(found, "new", claim_id, f"new claim {plan.claim_path(claim_id)}"))
    return []


def _provenance(review_url: str, review_id: str | None, modified_on: str) -> dict[str, str]:
    given = {"url": review_url}
    if review_id:
        given["id"] = review_id
    given["modified_on"] = modified_on
    return given


# --- a review imported before ------------------------------------------------------------


def _current(plan: Plan, claim_id: str) -> dict[str, Any] | None:
    """The claim's values as they stand in this import: planned, or read from its file."""
    if claim_id in plan.claims:
        return plan.claims[claim_id]
    if claim_id in plan.updated:
        return plan.updated[claim_id]
    try:
        values = parse_values(plan.catalog.claims[claim_id].text)
    except YamlProblem:  # the catalog loaded it, so this does not happen
        return None
    return values if isinstance(values, dict) else None


def _again(plan: Plan, found: Found, claim_id: str) -> list[Problem]:
    """A review already imported as `claim_id`: unchanged, or updated when its
    `dateModified` is later than the one imported."""
    node = found.node
    record = _current(plan, claim_id)
    path = plan.claim_path(claim_id)
    if record is None:
        return [found.problem(f"already imported as {path}, which cannot be read")]
    provenance = record.get("imported_from")
    if isinstance(provenance, dict) and isinstance(provenance.get("modified_on"), str):
        last = provenance["modified_on"]
    else:  # imported before claims recorded their review: its latest date
        dates = [record.get("reviewed_on")] + [
            u.get("date") for u in record.get("updates") or [] if isinstance(u, dict)
        ]
        last = max((d for d in dates if isinstance(d, str)), default="")
    modified = _last_date(node)
    if modified is None or modified <= last:
        plan.outcomes.append(
            Outcome(
                found,
                "unchanged",
                claim_id,
                f"already imported as {path}, and not modified since ({last}): unchanged",
            )
        )
        return []
    rating_id, label, problems = _rating(plan, found, node)
    if problems:
        return problems
    assert rating_id and label
    review_url, review_id = _review_keys(node)
    assert review_url
    reviewer = _name_of(_reviewer(node)) or urlsplit(review_url).hostname or review_url
    changed = dict(record)
    previous = changed.get("rating")
    summary = _summary(node, label, reviewer)
    said = f"{reviewer} updated its review (the dateModified of its ClaimReview)"
    update: dict[str, Any]
    if previous != rating_id:
        update = {
            "date": modified,
            "kind": "rating-change",
            "note": f"{said}, and now rates the claim “{label}”.",
            "previous_rating": previous,
        }
    elif changed.get("summary") != summary:
        update = {"date": modified, "kind": "update", "note": f"{said}; its verdict changed."}
    else:
        update = {
            "date": modified,
            "kind": "update",
            "note": f"{said}; its rating and verdict are as before.",
        }
    changed["rating"] = rating_id
    changed["summary"] = summary
    updates = [u for u in changed.get("updates") or [] if isinstance(u, dict)]
    changed["updates"] = sorted([*updates, update], key=lambda u: str(u.get("date", "")))
    review_source = plan._addresses.get(review_url)
    evidence = []
    for entry in changed.get("evidence") or []:
        if (
            isinstance(entry, dict)
            and entry.get("locator") == VERDICT_LOCATOR
            and entry.get("source") == review_source
        ):
            # The analysis the import wrote names the verdict; an editor's own is left be.
            before = f"rated the claim “{entry.get('quote')}”"
            analysis = changed.get("analysis")
            if isinstance(analysis, str) and before in analysis:
                changed["analysis"] = analysis.replace(before, f"rated the claim “{label}”", 1)
            entry = {
                **entry,
                "quote": cut(label, QUOTE_MAX),
                "note": f"{reviewer} rated the claim “{label}”.",
            }
        evidence.append(entry)
    if evidence:
        changed["evidence"] = evidence
    changed["imported_from"] = _provenance(review_url, review_id, modified)
    order = list(Claim.model_fields)
    changed = dict(
        sorted(changed.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99)
    )
    if claim_id in plan.claims:
        plan.claims[claim_id] = changed
    else:
        plan.updated[claim_id] = changed
    plan.origin[("claims", claim_id)] = found
    plan.outcomes.append(Outcome(found, "updated", claim_id, f"updated {path}: {update['note']}"))
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
        given = read.text(item)
        if given:
            words += [w.strip() for w in given.split(",") if w.strip()]
    return words


def kind_name(folder: str) -> str:
    """`entities` → `entity`, as messages say it."""
    return BY_FOLDER[folder].name

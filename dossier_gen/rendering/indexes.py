"""Views across records that pages need: claims by rating, by claimant, uses of a source.

Everything here is derived from the catalog and sorted, so output never depends on the order
in which files were read or on hash seeds.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..loading.catalog import Catalog
    from ..records.models import EntityUpdate, Update


@dataclass(frozen=True)
class SourceUse:
    claim_id: str
    role: str
    """`appearance`, `not-given` (reports the claim without where it appeared), `supports`,
    `contradicts`, `context`, `entity` or `development`."""
    locator: str


@dataclass(frozen=True)
class LogEntry:
    kind: str
    """`claim` or `entity`: the kind of record corrected."""
    record_id: str
    update: Update | EntityUpdate


@dataclass(frozen=True)
class Indexes:
    claims_newest_first: list[str]
    claims_by_rating: dict[str, list[str]]
    claims_by_claimant: dict[str, list[str]]
    claims_by_tag: dict[str, list[str]]
    source_uses: dict[str, list[SourceUse]]
    entity_sources: dict[str, list[str]]
    """Entity id → ids of entities whose records cite a source (for source pages)."""
    corrections_log: list[LogEntry]
    sources_newest_first: list[str]
    """Sources by publication date, newest first; undated sources last."""
    claims_recently_changed: list[str]
    """Claims by their latest review or update, most recent first."""
    claims_relayed_by: dict[str, list[str]]
    """Entity id → claims that reached the reader through them."""
    claims_naming: dict[str, list[str]]
    """Entity id → claims by others whose title or statement names them (name, native name
    or alias); a plain text match, so it finds mentions, not every claim about them."""
    key_findings: list[str]
    """Up to five claims for the home page: the false and contradicted first."""
    articles: list[tuple[str, list[str]]]
    """Each source claims appeared in (the articles checked), oldest first, with its claims
    in the order of the rating scale."""


def build_indexes(catalog: Catalog) -> Indexes:
    claims = catalog.claims
    # Newest claim first; claims of the same date by id (sort is stable).
    newest = sorted(claims)
    newest.sort(key=lambda cid: claims[cid].model.claimed_on, reverse=True)

    by_rating: dict[str, list[str]] = {r.id: [] for r in catalog.dossier.model.ratings}
    by_claimant: dict[str, list[str]] = defaultdict(list)
    by_tag: dict[str, list[str]] = defaultdict(list)
    uses: dict[str, list[SourceUse]] = defaultdict(list)
    log: list[LogEntry] = []
    for cid in newest:
        claim = claims[cid].model
        by_rating[claim.rating].append(cid)
        by_claimant[claim.claimant].append(cid)
        for tag in claim.tags:
            by_tag[tag].append(cid)
        if appeared := claim.appeared_in:
            uses[appeared.source].append(SourceUse(cid, "appearance", appeared.locator))
        else:  # the source reports the claim without saying where it appeared
            uses[claim.appearance_source].append(SourceUse(cid, "not-given", ""))
        for item in claim.evidence:
            uses[item.source].append(SourceUse(cid, item.stance, item.locator))
        log += [LogEntry("claim", cid, update) for update in claim.updates]

    entity_sources: dict[str, list[str]] = defaultdict(list)
    for eid, loaded in catalog.entities.items():
        log += [LogEntry("entity", eid, update) for update in loaded.model.updates]
        cited = {c.source for c in loaded.model.citations}
        cited |= {d.source for d in loaded.model.developments}
        for sid in sorted(cited):
            entity_sources[sid].append(eid)

    log.sort(key=lambda e: (e.update.date, e.kind, e.record_id), reverse=True)
    changed = sorted(claims)
    changed.sort(
        key=lambda cid: max(
            [claims[cid].model.reviewed_on] + [u.date for u in claims[cid].model.updates]
        ),
        reverse=True,
    )
    relayed: dict[str, list[str]] = defaultdict(list)
    for cid in newest:
        for eid in claims[cid].model.relayed_by:
            relayed[eid].append(cid)
    sources = sorted(catalog.sources)
    sources.sort(key=lambda sid: catalog.sources[sid].model.published_on or "", reverse=True)
    return Indexes(
        claims_newest_first=newest,
        claims_by_rating=by_rating,
        claims_by_claimant=dict(sorted(by_claimant.items())),
        claims_by_tag=dict(sorted(by_tag.items())),
        source_uses=dict(uses),
        entity_sources=dict(entity_sources),
        corrections_log=log,
        sources_newest_first=sources,
        claims_recently_changed=changed,
        claims_relayed_by=dict(relayed),
        claims_naming=claims_naming(catalog, newest),
        key_findings=key_findings(catalog),
        articles=articles(catalog),
    )


KEY_FINDINGS = 5


def key_findings(catalog: Catalog) -> list[str]:
    """The claims a reader should see first: those rated in the lower half of the scale
    (false, contradicted), most false first and one from each article before a second from
    any, then by the evidence they rest on; topped up to three from the upper half, best
    supported first, when fewer are rated low. Ratings off the scale are not findings."""
    scale = catalog.dossier.model.scale
    if scale.top is None:
        return []
    rated = []
    for cid in sorted(catalog.claims):
        claim = catalog.claims[cid].model
        position = scale[claim.rating].position
        if position is not None:
            rated.append((position, -len(claim.evidence), cid, claim))
    rated.sort(key=lambda r: r[:3])
    low = [r for r in rated if r[0] * 2 <= scale.top]
    chosen: list[str] = []
    sources: set[str] = set()
    for _, _, cid, claim in low:  # one from each article first
        source = claim.appearance_source
        if source not in sources and len(chosen) < KEY_FINDINGS:
            chosen.append(cid)
            sources.add(source)
    chosen += [r[2] for r in low if r[2] not in chosen][: KEY_FINDINGS - len(chosen)]
    if len(chosen) < 3:
        high = sorted((r for r in rated if r[0] * 2 > scale.top), key=lambda r: (-r[0], r[1], r[2]))
        chosen += [r[2] for r in high][: 3 - len(chosen)]
    order = {cid: n for n, (_, _, cid, _) in enumerate(rated)}
    return sorted(chosen, key=order.__getitem__)


def articles(catalog: Catalog) -> list[tuple[str, list[str]]]:
    """The sources claims appeared in, oldest first, each with its claims by rating."""
    ratings = {rid: n for n, rid in enumerate(catalog.dossier.model.scale.ids)}
    found: dict[str, list[str]] = defaultdict(list)
    for cid in sorted(catalog.claims):
        claim = catalog.claims[cid].model
        if claim.appeared_in:
            found[claim.appeared_in.source].append(cid)
    for ids in found.values():
        ids.sort(key=lambda cid: ratings[catalog.claims[cid].model.rating])
    ordered = sorted(found, key=lambda sid: (catalog.sources[sid].model.published_on or "", sid))
    return [(sid, found[sid]) for sid in ordered]


def claims_naming(catalog: Catalog, claim_ids: list[str]) -> dict[str, list[str]]:
    """Entity id → the claims of `claim_ids` (in that order) by others whose title or
    statement holds one of its names (name, native name or an alias of three or more
    characters, or any non-ASCII one), compared case-folded."""
    texts = {
        cid: " ".join(
            (catalog.claims[cid].model.title, catalog.claims[cid].model.statement.text)
        ).casefold()
        for cid in claim_ids
    }
    names: dict[str, list[str]] = {}
    for eid, loaded in catalog.entities.items():
        entity = loaded.model
        # Names shorter than three characters (initials) would match inside other words.
        names[eid] = [
            n.casefold()
            for n in (entity.name, entity.native_name, *entity.aliases)
            if n and (len(n) >= 3 or not n.isascii())
        ]
    # A name can only be in a text that holds every two characters of it, so each name is
    # looked for in the few texts holding them all. Looking in every text for every name grew
    # as claims times entities: 14 s CPU at 10,000 claims, more than the rest of rendering.
    # (Pairs rather than triples, for the two-character names of Chinese.)
    wanted = {
        name[start : start + 2]
        for entity_names in names.values()
        for name in entity_names
        for start in range(len(name) - 1)
    }
    holding: dict[str, set[str]] = defaultdict(set)
    for cid, text in texts.items():
        for piece in wanted.intersection([text[i : i + 2] for i in range(len(text) - 1)]):
            holding[piece].add(cid)
    order = {cid: position for position, cid in enumerate(claim_ids)}
    naming: dict[str, list[str]] = {}
    for eid, entity_names in names.items():
        candidates: set[str] = set()
        for name in entity_names:
            candidates |= _holding_all(name, holding) if len(name) >= 2 else set(claim_ids)
        found = [
            cid
            for cid in sorted(candidates, key=order.__getitem__)
            if catalog.claims[cid].model.claimant != eid
            and any(name in texts[cid] for name in entity_names)
        ]
        if found:
            naming[eid] = found
    return naming


def _holding_all(name: str, holding: dict[str, set[str]]) -> set[str]:
    """The claims whose text holds every two-character piece of `name`."""
    pieces = sorted(
        (holding.get(name[start : start + 2], set()) for start in range(len(name) - 1)), key=len
    )
    found = set(pieces[0])
    for piece in pieces[1:]:
        found &= piece
    return found

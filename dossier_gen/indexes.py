"""Views across records that pages need: claims by rating, by claimant, uses of a source.

Everything here is derived from the catalog and sorted, so output never depends on the order
in which files were read or on hash seeds.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .load import Catalog
    from .models import Update


@dataclass(frozen=True)
class SourceUse:
    claim_id: str
    role: str
    """`appearance`, `supports`, `contradicts`, `context`, `entity` or `development`."""
    locator: str


@dataclass(frozen=True)
class LogEntry:
    claim_id: str
    update: Update


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
        uses[claim.appearance.source].append(
            SourceUse(cid, "appearance", claim.appearance.locator))
        for item in claim.evidence:
            uses[item.source].append(SourceUse(cid, item.stance, item.locator))
        log += [LogEntry(cid, update) for update in claim.updates]

    entity_sources: dict[str, list[str]] = defaultdict(list)
    for eid, loaded in catalog.entities.items():
        cited = {c.source for c in loaded.model.citations}
        cited |= {d.source for d in loaded.model.developments}
        for sid in sorted(cited):
            entity_sources[sid].append(eid)

    log.sort(key=lambda e: (e.update.date, e.claim_id), reverse=True)
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
    )

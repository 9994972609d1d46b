"""Dated events across the dossier, for the site timeline and each claim's own timeline.

An event is anything a record dates: a claim made, a source published, an entity's later
development, a correction, a review. Dates stay partial (`2017`, `2017-10`, `2017-10-05`);
as strings they sort in calendar order, a year before any day in it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import urls
from .i18n import N_

LAST_REVIEWED = N_("Last reviewed by the dossier")
"""The text of a claim's `reviewed` event (translated where shown)."""

if TYPE_CHECKING:
    from ..loading.catalog import Catalog
    from ..records.models import Claim

# Same-day events read in the order things happen: published, said, developed, corrected.
_KIND_ORDER = {"published": 0, "claim made": 1, "development": 2, "update": 3, "reviewed": 4}


@dataclass(frozen=True)
class Event:
    date: str
    kind: str
    """`published`, `claim made`, `development`, `update` or `reviewed`."""
    text: str
    page: str
    """Path of the page the event belongs to, such as `claims/x.md`."""
    detail: str = ""
    """A second line: the claimant, the update's kind, the development's source."""
    rating: str = ""
    """For a claim made: the claim's rating, which the entry shows beside it."""


def _sorted(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.date, _KIND_ORDER[e.kind], e.page, e.text))


def _published(catalog: Catalog, source_id: str) -> list[Event]:
    source = catalog.sources[source_id].model
    if source.published_on is None:
        return []
    return [
        Event(
            source.published_on,
            "published",
            source.title,
            urls.source_page(source_id),
            source.publisher,
        )
    ]


def _claim_own_events(catalog: Catalog, claim_id: str, claim: Claim) -> list[Event]:
    page = urls.claim_page(claim_id)
    claimant = catalog.entities[claim.claimant].model.name
    events = [Event(claim.claimed_on, "claim made", claim.title, page, claimant, claim.rating)]
    events += [Event(u.date, "update", u.note, page, u.kind) for u in claim.updates]
    return events


def site_timeline(catalog: Catalog) -> list[Event]:
    """Every dated event in the dossier, oldest first; reviews are left to each claim."""
    events: list[Event] = []
    for claim_id, loaded in catalog.claims.items():
        events += _claim_own_events(catalog, claim_id, loaded.model)
    for entity_id, profile in catalog.entities.items():
        entity, page = profile.model, urls.entity_page(entity_id)
        events += [
            Event(d.date, "development", d.text, page, entity.name) for d in entity.developments
        ]
        events += [Event(u.date, "update", u.note, page, u.kind) for u in entity.updates]
    for source_id in catalog.sources:
        events += _published(catalog, source_id)
    return _sorted(events)


def claim_timeline(catalog: Catalog, claim_id: str) -> list[Event]:
    """The dated events of one claim: its sources' publication, the claim, updates, review."""
    claim = catalog.claims[claim_id].model
    events = _claim_own_events(catalog, claim_id, claim)
    cited = {claim.appearance_source} | {item.source for item in claim.evidence}
    for source_id in sorted(cited):
        events += _published(catalog, source_id)
    events.append(Event(claim.reviewed_on, "reviewed", LAST_REVIEWED, urls.claim_page(claim_id)))
    return _sorted(events)

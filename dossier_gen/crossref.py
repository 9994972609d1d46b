"""Check that every id a record names exists: claimants, sources, ratings, related claims."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .problems import Problem
from .textcheck import shown

if TYPE_CHECKING:
    from .load import Loaded


def _missing(
    record: Loaded[Any], loc: tuple[str | int, ...], wanted: str, known: Iterable[str], what: str,
    folder: str,
) -> Problem:
    close = difflib.get_close_matches(wanted, list(known), n=1)
    hint = f"; did you mean {close[0]!r}?" if close else f"; add it in {folder} or fix the id"
    line, col = record.where(*loc)
    return Problem(record.display_path, line, col, f"{what} {shown(wanted)} does not exist{hint}")


def check_references(
    dossier: Loaded[Any],
    claims: Mapping[str, Loaded[Any]],
    entities: Mapping[str, Loaded[Any]],
    sources: Mapping[str, Loaded[Any]],
) -> list[Problem]:
    ratings = {r.id for r in dossier.model.ratings}
    problems: list[Problem] = []

    def need(record: Loaded[Any], loc: tuple[str | int, ...], wanted: str | None,
             known: Mapping[str, Any] | set[str], what: str, folder: str) -> None:
        if wanted is not None and wanted not in known:
            problems.append(_missing(record, loc, wanted, known, what, folder))

    for claim_id, loaded in claims.items():
        claim = loaded.model
        need(loaded, ("claimant",), claim.claimant, entities, "entity", "data/entities/")
        for i, entity_id in enumerate(claim.relayed_by):
            need(loaded, ("relayed_by", i), entity_id, entities, "entity", "data/entities/")
        need(loaded, ("appearance", "source"), claim.appearance.source, sources, "source",
             "data/sources/")
        need(loaded, ("rating",), claim.rating, ratings, "rating", "data/dossier.yml")
        for i, item in enumerate(claim.evidence):
            need(loaded, ("evidence", i, "source"), item.source, sources, "source",
                 "data/sources/")
        for i, other in enumerate(claim.related):
            if other == claim_id:
                line, col = loaded.where("related", i)
                problems.append(Problem(loaded.display_path, line, col,
                                        "a claim cannot be related to itself"))
            else:
                need(loaded, ("related", i), other, claims, "claim", "data/claims/")
        for i, update in enumerate(claim.updates):
            need(loaded, ("updates", i, "previous_rating"), update.previous_rating, ratings,
                 "rating", "data/dossier.yml")

    for loaded in entities.values():
        for field in ("citations", "developments"):
            for i, item in enumerate(getattr(loaded.model, field)):
                need(loaded, (field, i, "source"), item.source, sources, "source",
                     "data/sources/")

    for loaded in sources.values():
        need(loaded, ("publisher_entity",), loaded.model.publisher_entity, entities, "entity",
             "data/entities/")
    return problems

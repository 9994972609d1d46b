"""Check that every id a record names exists: claimants, sources, ratings, related claims."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

from ..problems import Problem, shown
from ..records.kinds import DOSSIER_FILE, KINDS
from .catalog import Loaded

Loc = tuple[str | int, ...]


def check_references(
    dossier: Loaded[Any],
    claims: Mapping[str, Loaded[Any]],
    entities: Mapping[str, Loaded[Any]],
    sources: Mapping[str, Loaded[Any]],
    file_ids: Mapping[str, set[str]],
) -> list[Problem]:
    """Problems for ids that name no record.

    `claims`, `entities` and `sources` are the records that validated; `file_ids` holds the
    ids of every record file by folder, valid or not, so that a reference to a record with
    problems of its own is not also reported as a reference to a missing record.
    """
    known = {kind.name: (file_ids[kind.folder], f"data/{kind.folder}/") for kind in KINDS}
    known["rating"] = (set(dossier.model.scale.ids), f"data/{DOSSIER_FILE}")
    problems: list[Problem] = []

    def need(record: Loaded[Any], loc: Loc, wanted: str | None, what: str) -> None:
        ids, home = known[what]
        if wanted is None or wanted in ids:
            return
        close = difflib.get_close_matches(wanted, sorted(ids), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else f"; add it in {home} or fix the id"
        line, col = record.where(*loc)
        problems.append(
            Problem(record.display_path, line, col, f"{what} {shown(wanted)} does not exist{hint}")
        )

    for claim_id, loaded in claims.items():
        claim = loaded.model
        need(loaded, ("claimant",), claim.claimant, "entity")
        for i, entity_id in enumerate(claim.relayed_by):
            need(loaded, ("relayed_by", i), entity_id, "entity")
        field = "source" if claim.appeared_in else "not_given_by"
        need(loaded, ("appearance", field), claim.appearance_source, "source")
        need(loaded, ("rating",), claim.rating, "rating")
        for i, item in enumerate(claim.evidence):
            need(loaded, ("evidence", i, "source"), item.source, "source")
        for i, other in enumerate(claim.related):
            if other == claim_id:
                line, col = loaded.where("related", i)
                problems.append(
                    Problem(loaded.display_path, line, col, "a claim cannot be related to itself")
                )
            else:
                need(loaded, ("related", i), other, "claim")
        for i, update in enumerate(claim.updates):
            need(loaded, ("updates", i, "previous_rating"), update.previous_rating, "rating")

    for loaded in entities.values():
        for field in ("citations", "developments"):
            for i, item in enumerate(getattr(loaded.model, field)):
                need(loaded, (field, i, "source"), item.source, "source")

    for loaded in sources.values():
        need(loaded, ("publisher_entity",), loaded.model.publisher_entity, "entity")
    return problems

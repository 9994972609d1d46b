"""A loaded dossier: every record validated, with the file and text it came from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

from pydantic import BaseModel

from ..records.models import Claim, Dossier, Entity, Source
from .yaml_loader import parse_record

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Loaded(Generic[M]):
    """A validated record with the file it came from and the text it was read from."""

    model: M
    path: Path
    display_path: str
    text: str
    """Kept to place problems found later (references, diffs): a record's positions are
    re-derived from it when asked, since keeping every value's position took several times
    the memory of the text."""

    def where(self, *loc: str | int, key: bool = False) -> tuple[int, int]:
        """Line and column of the value at `loc` (or of its nearest enclosing value)."""
        return parse_record(self.text)[1].of(tuple(loc), key=key)


@dataclass(frozen=True)
class Catalog:
    """Every record of a dossier, validated and cross-checked. Dicts are sorted by id."""

    root: Path
    dossier: Loaded[Dossier]
    claims: dict[str, Loaded[Claim]]
    entities: dict[str, Loaded[Entity]]
    sources: dict[str, Loaded[Source]]

    def with_base_url(self, base_url: str) -> Catalog:
        """The same records, published at another address (a preview deployment, say)."""
        model = self.dossier.model.model_copy(update={"base_url": base_url})
        dossier = Loaded(model, self.dossier.path, self.dossier.display_path, self.dossier.text)
        return Catalog(self.root, dossier, self.claims, self.entities, self.sources)

    @classmethod
    def of(
        cls, root: Path, dossier: Loaded[Dossier], records: dict[str, dict[str, Loaded[Any]]]
    ) -> Catalog:
        """A catalog from the records of each kind's folder (`claims`, ...), keyed by id."""
        return cls(
            root,
            dossier,
            dict(sorted(records["claims"].items())),
            dict(sorted(records["entities"].items())),
            dict(sorted(records["sources"].items())),
        )


T = TypeVar("T")


class EachClaim(Protocol):
    """Calls `fn(catalog, claim_id, *args)` for every claim: `each_claim` calls it afresh;
    a preview (`speed.cache.ClaimMemo`) keeps results whose records did not change."""

    def __call__(self, fn: Callable[..., T], catalog: Catalog, *args: Any) -> dict[str, T]: ...


def each_claim(fn: Callable[..., T], catalog: Catalog, *args: Any) -> dict[str, T]:
    """`fn(catalog, claim_id, *args)` by claim id, for every claim in id order."""
    return {cid: fn(catalog, cid, *args) for cid in catalog.claims}

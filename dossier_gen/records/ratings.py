"""The rating scale: the one place that answers what a rating id, label or alias means.

Built once per dossier (`Dossier.scale`) from the ratings in `dossier.yml`, in their display
order. Pages, ClaimReview, the exports and the importer all ask it rather than scanning the
list themselves.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Generic, Protocol, TypeVar


class _Rating(Protocol):
    # What the scale reads of a rating (`models.Rating`, which builds the scale).
    @property
    def id(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def position(self) -> int | None: ...


Rating = TypeVar("Rating", bound=_Rating)

ICONS = {
    "confirmed": "✔",
    "partly-confirmed": "◑",
    "unsupported": "?",
    "disputed": "⇄",
    "contradicted": "✘",
    "false": "✖",
    "not-checkable": "∅",
}
"""An icon for each rating of the default scale, so a badge never tells ratings apart by
colour alone."""
OTHER_ICON = "●"
"""The mark of a rating a site adds; its label still says which it is."""


class RatingScale(Generic[Rating]):
    """The ratings by id, in display order, with the top of the true-false scale."""

    def __init__(self, ratings: Sequence[Rating], aliases: Mapping[str, str]) -> None:
        self.ratings = tuple(ratings)
        self._by_id = {rating.id: rating for rating in self.ratings}
        self._aliases: dict[str, str] = {}
        for label, rating_id in aliases.items():  # the first of two that differ in case wins
            self._aliases.setdefault(label.casefold(), rating_id)
        positions = [r.position for r in self.ratings if r.position is not None]
        self.top: int | None = max(positions, default=None)
        """The best position on the scale (1 is the worst), or None with no scale."""

    def __getitem__(self, rating_id: str) -> Rating:
        return self._by_id[rating_id]

    def __contains__(self, rating_id: object) -> bool:
        return rating_id in self._by_id

    def __iter__(self) -> Iterator[Rating]:
        return iter(self.ratings)

    def __len__(self) -> int:
        return len(self.ratings)

    @property
    def ids(self) -> list[str]:
        return [rating.id for rating in self.ratings]

    def by_id(self) -> dict[str, Rating]:
        """Id → rating, in display order (what templates look ratings up in)."""
        return dict(self._by_id)

    def find(self, label: str) -> Rating | None:
        """The rating a published label means: a label or id of this scale (ignoring case),
        else an entry of `rating_aliases`; None when nothing matches."""
        wanted = label.casefold()
        for rating in self.ratings:
            if wanted in (rating.label.casefold(), rating.id):
                return rating
        rating_id = self._aliases.get(wanted)
        return None if rating_id is None else self._by_id[rating_id]

    @staticmethod
    def icon(rating_id: str) -> str:
        return ICONS.get(rating_id, OTHER_ICON)

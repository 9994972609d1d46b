"""The rating scale: the one place that answers what a rating id, label or alias means.

Built once per dossier (`Dossier.scale`) from the ratings in `dossier.yml`, in their display
order. Pages, ClaimReview, the exports and the importer all ask it rather than scanning the
list themselves.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from typing import Generic, NamedTuple, Protocol, TypeVar

from anyascii import anyascii


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


class Colours(NamedTuple):
    """How a rating's verdict block and badges are painted: always beside its icon and
    label, never instead of them."""

    background: str
    text: str
    """Black or white, whichever the background gives 4.5:1 or more (WCAG AA)."""
    tint: str
    """A pale wash of the background, for the text under a verdict (dark text on it)."""


COLOURS = {
    # Okabe and Ito's palette for colour-blind readers, darkened where white text sits on
    # it. Light and dark alternate along the scale, so neighbours differ in lightness as
    # well as hue, which every form of colour blindness still sees.
    "confirmed": Colours("#00684a", "#ffffff", "#dbeae6"),
    "partly-confirmed": Colours("#56b4e9", "#111111", "#e7f4fc"),
    "unsupported": Colours("#f0e442", "#111111", "#fbf6cf"),
    "disputed": Colours("#cc79a7", "#111111", "#f8ecf3"),
    "contradicted": Colours("#e69f00", "#111111", "#fcf2db"),
    "false": Colours("#b3261e", "#ffffff", "#f4e1df"),
    "not-checkable": Colours("#d0d5dc", "#111111", "#eef0f3"),
}
"""The colours of each rating of the default scale (contrast figures in the tests)."""
OTHER_COLOURS = Colours("#3f4a57", "#ffffff", "#e4e6e7")
"""The colours of a rating a site adds: a neutral slate, told apart by its label."""


def label_key(label: str) -> str:
    """A label as a person reads it: Unicode NFKC (so `e` + combining acute is `é`, and a
    full-width or ligature letter is the plain one), case-folded, with spaces collapsed.
    NFKC runs again after folding, since folding can undo it (`ẞ` → `ss` is fine, but some
    folded forms are not NFKC)."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", label).casefold())
    return " ".join(folded.split())


def _skeleton(label: str) -> str:
    # What a label looks like, for spotting look-alikes only: letters from other scripts
    # that resemble Latin ones (Cyrillic а, Greek ο), quotes and invisible characters
    # reduce to the same letters. Never used to match, only to say "this looks like".
    ascii_text = anyascii(label_key(label)).casefold()
    return "".join(c for c in ascii_text if c.isalnum())


def code_points(text: str) -> str:
    """`'Fаlse' (U+0046 U+0430 U+006C U+0073 U+0065)`: a label with what it is made of."""
    return f"{text!r} ({' '.join(f'U+{ord(c):04X}' for c in text)})"


class RatingScale(Generic[Rating]):
    """The ratings by id, in display order, with the top of the true-false scale."""

    def __init__(self, ratings: Sequence[Rating], aliases: Mapping[str, str]) -> None:
        self.ratings = tuple(ratings)
        self._by_id = {rating.id: rating for rating in self.ratings}
        self._aliases: dict[str, str] = {}
        self._alias_labels: dict[str, str] = {}
        for label, rating_id in aliases.items():  # the first of two that read alike wins
            self._aliases.setdefault(label_key(label), rating_id)
            self._alias_labels.setdefault(label_key(label), label)
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

    def find(self, label: str, extra: Mapping[str, str] | None = None) -> Rating | None:
        """The rating a published label means: a label or id of this scale, else an entry of
        `extra` (aliases for one run, such as `--map`), else of `rating_aliases`; None when
        nothing matches. Labels are compared as a person reads them (`label_key`): an alias
        typed on a keyboard matches a label a publisher wrote with combining characters."""
        wanted = label_key(label)
        for rating in self.ratings:
            if wanted in (label_key(rating.label), rating.id):
                return rating
        for key, mapped in (extra or {}).items():
            if label_key(key) == wanted and mapped in self._by_id:
                return self._by_id[mapped]
        rating_id = self._aliases.get(wanted)
        return None if rating_id is None else self._by_id[rating_id]

    def look_alike(self, label: str) -> str | None:
        """A label or alias of this scale that looks like `label` but is not the same text
        (a Cyrillic letter in a Latin word, a curly quote), for the message that refuses it."""
        shape = _skeleton(label)
        if not shape:
            return None
        known = [r.label for r in self.ratings] + list(self._alias_labels.values())
        return next((k for k in known if _skeleton(k) == shape), None)

    @staticmethod
    def icon(rating_id: str) -> str:
        return ICONS.get(rating_id, OTHER_ICON)

    @staticmethod
    def colours(rating_id: str) -> Colours:
        return COLOURS.get(rating_id, OTHER_COLOURS)

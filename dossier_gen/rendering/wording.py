"""The words readers see for what records keep as codes: findings, locators, kinds, languages.

Records hold what editors need (a language tag, a source kind, a locator in the copy they
read); readers need plain words. Everything here turns one into the other, and leaves out
what would only be bookkeeping to a reader, so that no page shows an id, a file's line
number or a field name.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from babel import Locale, UnknownLocaleError

if TYPE_CHECKING:
    from ..records.models import Claim, Rating

# A sentence ends at . ! ? (or a Chinese full stop) before a space and a capital, a digit or
# an opening quote; not after an abbreviation or an initial ("No. 82", "Sept. 6", "J. Smith").
_SENTENCE_END = re.compile(
    r"(?<=[.!?])[\"”’)\]]*\s+(?=[A-Z0-9“\"‘'(\u3400-\u9fff])|(?<=[。！？])[”’」』）]*\s*"
)
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Z]|No|Nos|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Col|Lt|Capt|Gov|Sen|Rep|Rev|Prof|Inc"
    r"|Ltd|Co|Corp|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|etc|approx|cf|e\.g"
    r"|i\.e|U\.S|U\.K|U\.N)\.)$"
)
_SHORTEST_FINDING = 25
"""A first sentence shorter than this ("Confirmed.") takes the next one with it."""


def sentences(text: str) -> list[str]:
    """`text` cut into sentences (a heuristic that errs towards fewer, longer sentences)."""
    found: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        piece = text[start : match.end()].strip()  # with its closing quotes
        if _ABBREVIATION.search(piece.rstrip('"”’)]')):
            continue
        if piece:
            found.append(piece)
        start = match.end()
    rest = text[start:].strip()
    if rest:
        found.append(rest)
    return found


def _without_label(sentence: str, label: str) -> str:
    """`sentence` without a leading restatement of the verdict ("Confirmed: ...")."""
    for mark in (":", ".", ",", " -", " –", " —"):
        prefix = label + mark
        if sentence[: len(prefix)].casefold() == prefix.casefold():
            rest = sentence[len(prefix) :].strip()
            return rest[:1].upper() + rest[1:] if rest else ""
    return sentence


@functools.lru_cache(maxsize=4096)
def _split_summary(summary: str, label: str) -> tuple[str, str]:
    parts = sentences(" ".join(summary.split()))
    if not parts:
        return "", ""
    first = _without_label(parts[0], label)
    taken = 1
    if not first:  # the first sentence was the verdict alone ("Confirmed.")
        if len(parts) == 1:
            return parts[0], ""
        first, taken = parts[1], 2
    while len(first) < _SHORTEST_FINDING and taken < len(parts):
        first = f"{first} {parts[taken]}"
        taken += 1
    return first, " ".join(parts[taken:])


def finding(claim: Claim, rating: Rating) -> str:
    """This claim's finding in a sentence: its `conclusion`, else the summary's first
    sentence, without a repetition of the verdict's label that the verdict block shows."""
    if claim.conclusion:
        return _without_label(claim.conclusion, rating.label) or claim.conclusion
    return _split_summary(claim.summary, rating.label)[0]


def more_findings(claim: Claim, rating: Rating) -> str:
    """What the summary says beyond `finding`: all of it when the claim has a conclusion of
    its own, else the sentences after the first (empty when there are none)."""
    if claim.conclusion:
        return claim.summary
    return _split_summary(claim.summary, rating.label)[1]


# "line 17" counts lines of the copy an editor read, which no reader has; a locator that
# says the place was not recorded is bookkeeping too. Both are left out.
_BOOKKEEPING_LOCATOR = re.compile(
    r"^\s*(?:lines?\s+\d+(?:\s*[-–,]\s*\d+)*|.*\bnot\s+recorded\b.*|.*\bunknown\b.*"
    r"|.*\bnot\s+given\b.*)\s*$",
    re.IGNORECASE,
)


def reader_locator(locator: str) -> str | None:
    """Where in a source, as a reader can find it (`paragraph 3`, `headline`), or None when
    the locator is the editor's own bookkeeping (`line 17`, "position not recorded")."""
    return None if _BOOKKEEPING_LOCATOR.match(locator) else locator


def source_kind(kind: str) -> str:
    """`news-report` → `news report`."""
    return kind.replace("-", " ")


def tag_label(tag: str) -> str:
    """A tag as readers see it: `names-and-titles` → `names and titles`."""
    return tag.replace("-", " ")


@functools.lru_cache(maxsize=256)
def language_name(tag: str) -> str:
    """A BCP 47 tag in English words: `zh-Hant` → `Chinese (Traditional)`; the tag itself
    when no name is known."""
    try:
        return str(Locale.parse(tag, sep="-").get_display_name("en"))
    except (UnknownLocaleError, ValueError):
        primary = tag.split("-")[0].lower()
        name = Locale("en").languages.get(primary)
        return str(name) if name else tag


ENTITY_KINDS = {"person": "person", "organisation": "organisation", "unnamed": "unnamed source"}

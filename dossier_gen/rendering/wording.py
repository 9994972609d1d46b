"""The words readers see for what records keep as codes: findings, locators, kinds, languages.

Records hold what editors need (a language tag, a source kind, a locator in the copy they
read); readers need plain words. Everything here turns one into the other, and leaves out
what would only be bookkeeping to a reader, so that no page shows an id, a file's line
number or a field name.

The words are in the page's language (`language`, a BCP 47 tag; the templates pass their
edition's): kinds and locator words come from the catalogs (`N_()` marks them, `i18n`
translates them), language names from Babel. Words an editor wrote in the dossier's own
language (`original`) that have no translation stay as written, marked with their language
(`escape.Foreign`), as every untranslated field is.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from babel import Locale, UnknownLocaleError

from .escape import Foreign
from .i18n import N_, SOURCE_LANGUAGE, babel_locale, gettext_for

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


def _joined(sentences: list[str]) -> str:
    # Chinese sentences follow each other with no space; others with one.
    text = ""
    for sentence in sentences:
        end = text.rstrip("”’」』）")[-1:]  # the stop, inside any closing quotes
        space = "" if not text or end in "。！？" else " "
        text += space + sentence
    return text


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
        first = _joined([first, parts[taken]])
        taken += 1
    return first, _joined(parts[taken:])


def _cut_from(text: str, whole: str) -> str:
    """`text`, a part of `whole`, in `whole`'s language: a part of an untranslated field
    is marked as untranslated too (string operations drop the mark)."""
    if text and isinstance(whole, Foreign) and whole.lang and not isinstance(text, Foreign):
        return Foreign(text, whole.lang)
    return text


def finding(claim: Claim, rating: Rating) -> str:
    """This claim's finding in a sentence: its `conclusion`, else the summary's first
    sentence, without a repetition of the verdict's label that the verdict block shows."""
    if claim.conclusion:
        found = _without_label(claim.conclusion, rating.label) or claim.conclusion
        return _cut_from(found, claim.conclusion)
    return _cut_from(_split_summary(claim.summary, rating.label)[0], claim.summary)


def more_findings(claim: Claim, rating: Rating) -> str:
    """What the summary says beyond `finding`: all of it when the claim has a conclusion of
    its own, else the sentences after the first (empty when there are none)."""
    if claim.conclusion:
        return claim.summary
    return _cut_from(_split_summary(claim.summary, rating.label)[1], claim.summary)


# "line 17" counts lines of the copy an editor read, which no reader has; a locator that
# says the place was not recorded is bookkeeping too. Both are left out.
_BOOKKEEPING_LOCATOR = re.compile(
    r"^\s*(?:lines?\s+\d+(?:\s*[-–,]\s*\d+)*|.*\bnot\s+recorded\b.*|.*\bunknown\b.*"
    r"|.*\bnot\s+given\b.*)\s*$",
    re.IGNORECASE,
)


def _same_language(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


def _is_english(language: str) -> bool:
    return language.split("-")[0].casefold() == "en"


# Where in a source, in words the catalogs translate: the places editors name in the copy
# they read ("paragraph 3", "headline", "body text, second paragraph"). A locator made of
# these parts is shown in the page's language; any other stays as the editor wrote it.
_PLACES = {
    "headline": N_("headline"),
    "title": N_("title"),
    "standfirst": N_("standfirst"),
    "byline": N_("byline"),
    "credit line": N_("credit line"),
    "dateline": N_("dateline"),
    "caption": N_("caption"),
    "photo caption": N_("photo caption"),
    "page header": N_("page header"),
    "page footer": N_("page footer"),
    "opening statement": N_("opening statement"),
    "closing line": N_("closing line"),
    "body text": N_("body text"),
    "opening paragraph": N_("opening paragraph"),
    "opening paragraphs": N_("opening paragraphs"),
    "last paragraph": N_("last paragraph"),
}
_NUMBERED = {
    "paragraph": N_("paragraph %(number)s"),
    "section": N_("section %(number)s"),
    "entry": N_("entry %(number)s"),
    "bullet point": N_("bullet point %(number)s"),
}
_TWO_PARAGRAPHS = N_("paragraphs %(first)s and %(second)s")
_PARTS = N_("%(place)s, %(detail)s")
"""Two parts of a locator, the wider place first: `body text, paragraph 2`."""
_ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth"
    " thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
)
_ORDINALS = {word: n for n, word in enumerate(_ORDINAL_WORDS.split(), start=1)}
_NUMBERED_PLACE = re.compile(
    r"^(?:(?P<kind>paragraph|section|entry|bullet point)\s+(?P<number>\d+)"
    r"|(?P<ordinal>[a-z]+)\s+(?P<okind>paragraph|section|entry|bullet point))$"
)
_TWO = re.compile(r"^paragraphs\s+(\d+)\s+and\s+(\d+)$")


def _place_words(part: str, translate: Callable[[str], str]) -> str | None:
    """One part of an English locator in the catalog's language, or None if unknown."""
    # (`translate`, not `gettext`: the extraction would take the keys below for messages.)
    part = " ".join(part.split()).casefold()
    if part in _PLACES:
        return translate(_PLACES[part])
    if two := _TWO.match(part):
        return translate(_TWO_PARAGRAPHS) % {"first": two[1], "second": two[2]}
    numbered = _NUMBERED_PLACE.match(part)
    if not numbered:
        return None
    if numbered["kind"]:
        return translate(_NUMBERED[numbered["kind"]]) % {"number": numbered["number"]}
    if numbered["ordinal"] in _ORDINALS:
        number = _ORDINALS[numbered["ordinal"]]
        return translate(_NUMBERED[numbered["okind"]]) % {"number": number}
    return None


@functools.lru_cache(maxsize=4096)  # pages repeat the same few ("paragraph 2")
def _translated_locator(locator: str, language: str) -> str | None:
    translate = gettext_for(language)
    shown: str | None = None
    for part in locator.split(","):
        place = _place_words(part, translate)
        if place is None:
            return None
        shown = place if shown is None else translate(_PARTS) % {"place": shown, "detail": place}
    return shown


def reader_locator(
    locator: str, language: str = SOURCE_LANGUAGE, original: str = SOURCE_LANGUAGE
) -> str | None:
    """Where in a source, as a reader can find it (`paragraph 3`, `headline`), or None when
    the locator is the editor's own bookkeeping (`line 17`, "position not recorded").

    In an edition in another language than the dossier's own (`original`), a locator in
    the words above is translated (`第3段`); any other is shown as written, marked as
    untranslated."""
    if _BOOKKEEPING_LOCATOR.match(locator):
        return None
    if _same_language(language, original):
        return locator
    # The words above are English; a language whose catalog lacks them gives them back as
    # they are, which is then the editor's English, not a translation.
    translated = _translated_locator(locator, language) if _is_english(original) else None
    if translated is None or (translated == locator and not _is_english(language)):
        return Foreign(locator, original)
    return translated


SOURCE_KINDS = {
    "news-report": N_("news report"),
    "opinion-piece": N_("opinion piece"),
    "official-statement": N_("official statement"),
    "social-media-post": N_("social media post"),
    "court-record": N_("court record"),
    "document": N_("document"),
    "reference-work": N_("reference work"),
    "blog-post": N_("blog post"),
    "forum-post": N_("forum post"),
    "newsletter": N_("newsletter"),
    "other": N_("other"),
}
"""What each kind of source is called (`models.SourceKind`), in English."""


def source_kind(kind: str, language: str = SOURCE_LANGUAGE) -> str:
    """`news-report` → `news report` (`新闻报道` in Chinese)."""
    words = SOURCE_KINDS.get(kind)
    return gettext_for(language)(words) if words else kind.replace("-", " ")


def tag_label(tag: str, language: str = SOURCE_LANGUAGE, original: str = SOURCE_LANGUAGE) -> str:
    """A tag as readers see it: `names-and-titles` → `names and titles`. Tags are the
    dossier's own words with no translation: in another language's edition they are shown
    as written, marked as in the dossier's language (`original`)."""
    label = tag.replace("-", " ")
    return label if _same_language(language, original) else Foreign(label, original)


@functools.lru_cache(maxsize=256)
def language_name(tag: str, language: str = SOURCE_LANGUAGE) -> str:
    """A BCP 47 tag in words of `language` (Babel's names): `zh-Hant` → `Chinese
    (Traditional)`, `中文 (繁体)` in Chinese; the tag itself when no name is known."""
    try:
        words = babel_locale(language)
    except ValueError:
        words = Locale("en")
    try:
        return str(Locale.parse(tag, sep="-").get_display_name(words))
    except (UnknownLocaleError, ValueError):
        primary = tag.split("-")[0].lower()
        name = words.languages.get(primary)
        return str(name) if name else tag


ENTITY_KINDS = {
    "person": N_("person"),
    "organisation": N_("organisation"),
    "unnamed": N_("unnamed source"),
}
"""What each kind of entity is called, in English: `entity_kind` gives it in a language."""


def entity_kind(kind: str, language: str = SOURCE_LANGUAGE) -> str:
    words = ENTITY_KINDS.get(kind)
    return gettext_for(language)(words) if words else kind

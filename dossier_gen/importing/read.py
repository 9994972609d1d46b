"""Find ClaimReview objects in JSON files and in HTML pages' JSON-LD, as publishers emit them.

Real markup is untidy: `@graph` wrappers, `@type` as a list, several JSON-LD blocks on a page
(some broken, about something else), DataFeeds, Google's Fact Check Tools API responses,
numbers written as strings, dates with times and zones, HTML entities and tags in text. This
module finds every ClaimReview wherever it sits and offers tolerant readers for its values;
deciding what the values mean for this dossier's records is `mapping.py`'s job.

Inputs are not trusted to be small or sane: the size is checked from the file system before
anything is read, and nesting depth and the length of numbers are checked before JSON is
parsed, so no input reaches Python's parser where it would raise RecursionError or ValueError.
Each refusal names its line and column.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import math
import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from ..problems import Problem, display, position_of

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
INPUT_SUFFIXES = (".json", ".jsonld", *HTML_SUFFIXES)
"""What a folder given as input is searched for."""
MAX_INPUT_BYTES = 20 * 1024 * 1024
"""A fact-check page is well under a megabyte, a feed a few; a larger input is not one."""
MAX_JSON_DEPTH = 64
"""A DataFeed of ClaimReview nests about ten levels; far deeper is not ClaimReview, and
Python's JSON parser fails with RecursionError near a thousand."""
MAX_NUMBER_DIGITS = 100
"""Ratings and years have a few digits; Python refuses to read integers of over 4,300."""


@dataclass(frozen=True)
class Found:
    """One ClaimReview object found in an input, and where."""

    node: dict[str, Any]
    path: str
    line: int
    col: int
    where: str
    """Where inside the input, such as `JSON-LD block 2, @graph[1]`."""
    page_title: str | None = None
    """The `<title>` of the HTML page it was found in."""
    names: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    """ClaimReview property → what the input calls it, for inputs in another shape (the
    Fact Check Tools API says `claimDate` for `itemReviewed.datePublished`)."""

    def problem(self, message: str) -> Problem:
        return Problem(self.path, self.line, self.col, f"{self.where}: {message}")

    def name(self, prop: str) -> str:
        """A property as the input names it, for messages."""
        return self.names.get(prop, prop)


@dataclass
class Input:
    """What one input file holds: its reviews, the problems that refuse it, and warnings
    about parts skipped (a broken JSON-LD block that holds no ClaimReview)."""

    found: list[Found] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


class _PageParts(HTMLParser):
    """The text of every `<script type="application/ld+json">` with its position, and the
    page's `<title>`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.blocks: list[tuple[int, int, str]] = []
        self.title: str | None = None
        self._open: tuple[int, int] | None = None
        self._parts: list[str] = []
        self._title: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title" and self.title is None and self._title is None:
            self._title = []
        if tag != "script":
            return
        kind = (dict(attrs).get("type") or "").split(";")[0].strip().lower()
        if kind == "application/ld+json":
            self._open, self._parts = self.getpos(), []

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._parts.append(data)
        elif self._title is not None:
            self._title.append(data)

    def handle_entityref(self, name: str) -> None:
        if self._title is not None:
            self._title.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        if self._title is not None:
            self._title.append(f"&#{name};")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._open is not None:
            line, col = self._open
            self.blocks.append((line, col + 1, "".join(self._parts)))
            self._open = None
        elif tag == "title" and self._title is not None:
            self.title = clean_text("".join(self._title)) or ""
            self._title = None


def is_type(node: Any, wanted: str) -> bool:
    """Whether `@type` names `wanted`, written as a string or a list, with or without a
    schema.org prefix."""
    if not isinstance(node, dict):
        return False
    types = node.get("@type")
    names = types if isinstance(types, list) else [types]
    return any(
        isinstance(t, str) and t.rsplit("/", 1)[-1].rsplit(":", 1)[-1] == wanted for t in names
    )


# --- Google's Fact Check Tools API ---------------------------------------------------------

FACT_CHECK_TOOLS_NAMES = {
    "url": "claimReview[].url",
    "claimReviewed": "text",
    "headline": "claimReview[].title",
    "datePublished": "claimReview[].reviewDate",
    "reviewRating": "claimReview[].textualRating",
    "reviewRating.alternateName": "claimReview[].textualRating",
    "itemReviewed.author": "claimant",
    "itemReviewed.datePublished": "claimDate",
}
"""ClaimReview property → the `claims:search` field it is read from, for messages."""


def _is_fact_check_tools_claim(value: dict[str, Any]) -> bool:
    reviews = value.get("claimReview")
    return (
        "@type" not in value
        and isinstance(reviews, list)
        and any(isinstance(r, dict) for r in reviews)
    )


def _from_fact_check_tools(claim: dict[str, Any], review: dict[str, Any]) -> dict[str, Any]:
    """One `claims:search` review as the ClaimReview it stands for: `claims[]` holds
    `text`, `claimant`, `claimDate` and `claimReview[]`, each with `publisher{name, site}`,
    `url`, `title`, `reviewDate`, `textualRating` and `languageCode`."""
    publisher = review.get("publisher")
    publisher = publisher if isinstance(publisher, dict) else {}
    name = text(publisher.get("name")) or text(publisher.get("site"))
    node: dict[str, Any] = {
        "@type": "ClaimReview",
        "url": review.get("url"),
        "headline": review.get("title"),
        "claimReviewed": claim.get("text"),
        "datePublished": review.get("reviewDate"),
        "inLanguage": review.get("languageCode"),
        "author": {"@type": "Organization", "name": name} if name else None,
        "reviewRating": {"@type": "Rating", "alternateName": review.get("textualRating")},
        # The API gives the claimant as a name only: whether a person or an organisation
        # is not said, so no @type is made up for it.
        "itemReviewed": {
            "@type": "Claim",
            "author": claim.get("claimant"),
            "datePublished": claim.get("claimDate"),
        },
    }
    return {key: value for key, value in node.items() if value is not None}


def _claim_reviews(value: Any, where: str) -> Iterator[tuple[dict[str, Any], str, dict[str, str]]]:
    """Every ClaimReview in a JSON value, however deep (`@graph`, DataFeed, `mainEntity`,
    a Fact Check Tools response), with where it is and how the input names its fields."""
    if isinstance(value, dict):
        if is_type(value, "ClaimReview"):
            yield value, where, {}
            return
        if _is_fact_check_tools_claim(value):
            for i, review in enumerate(value["claimReview"]):
                if isinstance(review, dict):
                    yield (
                        _from_fact_check_tools(value, review),
                        f"{where}.claimReview[{i}]" if where else f"claimReview[{i}]",
                        FACT_CHECK_TOOLS_NAMES,
                    )
            return
        for key, inner in value.items():
            yield from _claim_reviews(inner, f"{where}.{key}" if where else key)
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from _claim_reviews(inner, f"{where}[{i}]")


# --- parsing JSON safely -----------------------------------------------------------------

_TOKEN = re.compile(r'["\[\]{}]|[0-9]{' + str(MAX_NUMBER_DIGITS + 1) + ",}")
_STRING_REST = re.compile(r'(?:[^"\\]|\\.)*+"', re.DOTALL)


def _beyond_limits(text: str) -> tuple[int, str] | None:
    """(index, message) of the first place where `text` nests deeper than MAX_JSON_DEPTH
    or holds a number longer than MAX_NUMBER_DIGITS, outside strings; else None.

    Linear in the text: each string is skipped in one match, and an unterminated string
    ends the scan (the parser then reports it)."""
    depth = 0
    position = 0
    while match := _TOKEN.search(text, position):
        token = match.group()
        if token == '"':
            rest = _STRING_REST.match(text, match.end())
            if rest is None:
                return None
            position = rest.end()
            continue
        position = match.end()
        if token in "[{":
            depth += 1
            if depth > MAX_JSON_DEPTH:
                return match.start(), (
                    f"nested more than {MAX_JSON_DEPTH} levels deep; ClaimReview needs about"
                    " ten, so this is not read"
                )
        elif token in "]}":
            depth -= 1
        else:
            return match.start(), (
                f"holds a number of {len(token):,} digits; numbers may have at most"
                f" {MAX_NUMBER_DIGITS}"
            )
    return None


def _not_a_number(name: str) -> None:
    # NaN and Infinity are not JSON, though Python's parser accepts them.
    return None


def parse_json(text: str, shown: str, line: int, col: int, label: str) -> tuple[Any, list[Problem]]:
    """The value of JSON `text` that starts at `line`:`col` of the file `shown`, or the
    problem that prevents reading it, placed in the file."""

    def at(index: int) -> tuple[int, int]:
        at_line, at_col = position_of(text, index)
        return line + at_line - 1, at_col + (col - 1 if at_line == 1 else 0)

    beyond = _beyond_limits(text)
    if beyond is not None:
        index, message = beyond
        return None, [Problem(shown, *at(index), f"{label} {message}")]
    try:
        return json.loads(text, parse_constant=_not_a_number), []
    except json.JSONDecodeError as error:
        return None, [Problem(shown, *at(error.pos), f"{label} is not valid JSON: {error.msg}")]
    except (RecursionError, ValueError) as error:  # limits above make these unexpected
        return None, [Problem(shown, line, col, f"{label} cannot be read: {error}")]


# --- reading inputs ----------------------------------------------------------------------


def input_files(paths: Sequence[Path]) -> tuple[list[Path], list[Problem]]:
    """The files to read: each file given, and the JSON and HTML files inside each folder
    given (hidden ones left out), in a stable order, each once."""
    files: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        inside: list[Path] = []
        for folder, dirs, names in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            inside += [
                Path(folder) / name
                for name in names
                if not name.startswith(".") and name.lower().endswith(INPUT_SUFFIXES)
            ]
        if not inside:
            problems.append(
                Problem(
                    display(path),
                    1,
                    1,
                    f"this folder holds no input file (looked for {', '.join(INPUT_SUFFIXES)})",
                )
            )
        files += sorted(inside)
    seen: set[Path] = set()
    unique = []
    for file in files:
        key = file.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(file)
    return unique, problems


def _read_bytes(path: Path, shown: str) -> tuple[bytes | None, Problem | None]:
    """The file's bytes, its size checked on the file system before a byte is read."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            return None, Problem(shown, 1, 1, "this is not a regular file")
        if info.st_size > MAX_INPUT_BYTES:
            return None, Problem(
                shown,
                1,
                1,
                f"the file is {info.st_size:,} bytes; inputs may be at most"
                f" {MAX_INPUT_BYTES:,} bytes",
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)  # a file that grew meanwhile stops here
    except OSError as error:
        return None, Problem(shown, 1, 1, f"cannot read the file: {error.strerror}")
    if len(data) > MAX_INPUT_BYTES:
        return None, Problem(
            shown, 1, 1, f"the file is over {MAX_INPUT_BYTES:,} bytes, the most an input may be"
        )
    return data, None


def read_input(path: Path, shown: str) -> Input:
    """Every ClaimReview in one file, or the problems that prevent reading it."""
    result = Input()
    data, problem = _read_bytes(path, shown)
    if problem is not None or data is None:
        result.problems.append(problem or Problem(shown, 1, 1, "cannot read the file"))
        return result
    try:
        text_ = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, col = position_of(data, error.start)
        result.problems.append(Problem(shown, line, col, "the file is not UTF-8 text"))
        return result
    is_html = path.suffix.lower() in HTML_SUFFIXES or text_.lstrip()[:1] not in ("{", "[")
    if is_html:
        _read_page(text_, shown, result)
    else:
        value, bad = parse_json(text_, shown, 1, 1, "the file")
        result.problems += bad
        result.found += [
            Found(node, shown, 1, 1, where or "top level", names=names)
            for node, where, names in _claim_reviews(value, "")
        ]
    if not result.found and not result.problems:
        result.problems.append(
            Problem(
                shown,
                1,
                1,
                "no ClaimReview found (looked for objects whose @type is ClaimReview, and"
                " Fact Check Tools API claims, in JSON or in JSON-LD script blocks)",
            )
        )
    return result


def _read_page(page: str, shown: str, result: Input) -> None:
    parts = _PageParts()
    parts.feed(page)
    parts.close()
    for n, (line, col, block) in enumerate(parts.blocks, 1):
        label = f"JSON-LD block {n}"
        value, bad = parse_json(block, shown, line, col, label)
        if bad and "ClaimReview" not in block:
            # A page's other blocks (a broken VideoObject, say) are not what is imported:
            # saying so is enough, and the page's reviews are still read.
            result.warnings += [
                Problem(
                    p.path,
                    p.line,
                    p.col,
                    f"warning: {p.message}; it names no ClaimReview, so it is skipped",
                )
                for p in bad
            ]
            continue
        result.problems += bad
        result.found += [
            Found(
                node,
                shown,
                line,
                col,
                f"{label}, {where or 'top level'}",
                page_title=parts.title or None,
                names=names,
            )
            for node, where, names in _claim_reviews(value, "")
        ]


# --- tolerant readers of values ----------------------------------------------------------


def first(value: Any) -> Any:
    """The value, or the first item of a list (publishers use both for single values)."""
    if isinstance(value, list):
        return value[0] if value else None
    return value


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


_DROPPED_ELEMENTS = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_BLOCK_TAG = re.compile(
    r"</?\s*(?:br|p|div|li|ul|ol|h[1-6]|tr|td|th|blockquote|section|article)\b[^<>]*>",
    re.IGNORECASE,
)
_TAG = re.compile(r"</?\s*[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# What no record may hold (see loading/textcheck.py): controls and line separators become
# spaces; bidi controls and lone surrogates are dropped.
_AS_SPACE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_DROPPED = re.compile("[\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def clean_text(value: str) -> str:
    """Text as a reader should see it: HTML tags stripped (a block-level tag leaves a
    space), entities decoded (`&#039;` → `'`, twice, for text encoded twice), characters no
    record may hold removed, whitespace collapsed. Only entities with their `;` are decoded,
    so `R&D` and `&copy` in an address stay as written."""
    for _ in range(2):
        value = _DROPPED_ELEMENTS.sub(" ", value)
        value = _COMMENT.sub("", value)
        value = _BLOCK_TAG.sub(" ", value)
        value = _TAG.sub("", value)
        value = _ENTITY.sub(lambda m: html.unescape(m.group()), value)
    value = _DROPPED.sub("", _AS_SPACE.sub(" ", value))
    return " ".join(value.split())


def text(value: Any) -> str | None:
    """A non-empty string as a reader should see it (`clean_text`); `{"@value": ...}` is
    unwrapped and a number is written as text."""
    value = first(value)
    if isinstance(value, dict):
        value = value.get("@value")
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        value = str(value)
    elif isinstance(value, float):
        value = f"{value:g}" if math.isfinite(value) else None
    if not isinstance(value, str):
        return None
    return clean_text(value) or None


def number(value: Any) -> float | None:
    """A finite number, given as a number or as text (`"4"`, `"4.5"`)."""
    value = first(value)
    if isinstance(value, bool):
        return None
    found: float | None = None
    if isinstance(value, (int, float)):
        found = float(value)
    elif isinstance(value, str) and len(value) <= MAX_NUMBER_DIGITS:
        try:
            found = float(value.strip())
        except ValueError:
            return None
    return found if found is not None and math.isfinite(found) else None


_DATE_START = re.compile(r"^\s*([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?(?=$|[T\s])")


def date(value: Any) -> str | None:
    """The calendar date a value states, as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.

    Times and time zones are dropped, not converted: `2020-10-07T23:30:00-05:00` is the 7th,
    the day the publisher states, though it is already the 8th in UTC. Year 1, which some
    software writes when no date was set, counts as no date.
    """
    raw = text(value)
    match = _DATE_START.match(raw or "")
    if not match:
        return None
    year, month, day = match.groups()
    if int(year) <= 1:
        return None
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return "-".join(p for p in (year, month, day) if p)


def full_date(value: Any) -> str | None:
    """`date`, when it gives the day."""
    found = date(value)
    return found if found and found.count("-") == 2 else None


_ADDRESS = re.compile(r"^https?://[^\s/?#]+")


def address(value: Any) -> str | None:
    """An http(s) address given as text, or None."""
    found = text(value)
    return found if found and _ADDRESS.match(found) else None


def url(value: Any) -> str | None:
    """An http(s) address from a string or an object's `url` / `@id`."""
    value = first(value)
    if isinstance(value, dict):
        return address(value.get("url")) or address(value.get("@id"))
    return address(value)


_POST_PATH = re.compile(
    r"/(?:status|statuses|posts?|videos?|watch|reels?|p|photos?|permalink|story|shorts|tv"
    r"|share|comments|pin|messages)(?:[/.?#]|$)"
    r"|[?&](?:v|story_fbid|fbid|p)=",
    re.IGNORECASE,
)


def is_post_address(value: str) -> bool:
    """Whether an address names one post, video or story rather than a profile or home
    page (`…/status/123`, `…/posts/…`, `watch?v=…`): only such an address in a claimant's
    `sameAs` or `url` says where the claim appeared. A profile (`…/groups/123`, `…/pundit`)
    says who, not where."""
    rest = value.split("://", 1)[-1]
    cut = min((i for i in (rest.find("/"), rest.find("?")) if i != -1), default=len(rest))
    return bool(_POST_PATH.search(rest[cut:]))

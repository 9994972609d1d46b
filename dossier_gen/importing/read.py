"""Find ClaimReview objects in JSON files and in HTML pages' JSON-LD, as publishers emit them.

Real markup is untidy: `@graph` wrappers, `@type` as a list, several JSON-LD blocks on a page,
DataFeeds, numbers written as strings, dates with times and zones. This module finds every
ClaimReview wherever it sits and offers tolerant readers for its values; deciding what the
values mean for this dossier's records is `importer.py`'s job.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from ..problems import Problem

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MAX_INPUT_BYTES = 20 * 1024 * 1024
"""A fact-check page is well under a megabyte; a larger input is not one."""


@dataclass(frozen=True)
class Found:
    """One ClaimReview object found in an input, and where."""

    node: dict[str, Any]
    path: str
    line: int
    col: int
    where: str
    """Where inside the input, such as `JSON-LD block 2, @graph[1]`."""

    def problem(self, message: str) -> Problem:
        return Problem(self.path, self.line, self.col, f"{self.where}: {message}")


class _JsonLdScripts(HTMLParser):
    """Collects the text of every `<script type="application/ld+json">` with its position."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.blocks: list[tuple[int, int, str]] = []
        self._open: tuple[int, int] | None = None
        self._parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "script":
            return
        kind = (dict(attrs).get("type") or "").split(";")[0].strip().lower()
        if kind == "application/ld+json":
            self._open, self._parts = self.getpos(), []

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._parts.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._open is not None:
            line, col = self._open
            self.blocks.append((line, col + 1, "".join(self._parts)))
            self._open = None


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


def _claim_reviews(value: Any, where: str) -> Iterator[tuple[dict[str, Any], str]]:
    """Every ClaimReview in a JSON value, however deep (`@graph`, DataFeed, `mainEntity`)."""
    if isinstance(value, dict):
        if is_type(value, "ClaimReview"):
            yield value, where
            return
        for key, inner in value.items():
            yield from _claim_reviews(inner, f"{where}.{key}" if where else key)
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from _claim_reviews(inner, f"{where}[{i}]")


def _parse_json(
    text: str, shown: str, line: int, col: int, label: str
) -> tuple[Any, list[Problem]]:
    try:
        return json.loads(text), []
    except json.JSONDecodeError as error:
        at_col = error.colno + (col - 1 if error.lineno == 1 else 0)
        return None, [
            Problem(
                shown, line + error.lineno - 1, at_col, f"{label} is not valid JSON: {error.msg}"
            )
        ]


def read_input(path: Path, shown: str) -> tuple[list[Found], list[Problem]]:
    """Every ClaimReview in one file, or the problems that prevent reading it."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return [], [Problem(shown, 1, 1, f"cannot read the file: {error.strerror}")]
    if len(data) > MAX_INPUT_BYTES:
        return [], [
            Problem(
                shown,
                1,
                1,
                f"the file is {len(data):,} bytes; inputs may be at most {MAX_INPUT_BYTES:,} bytes",
            )
        ]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [Problem(shown, 1, 1, "the file is not UTF-8 text")]
    html = path.suffix.lower() in HTML_SUFFIXES or text.lstrip()[:1] not in ("{", "[")
    found: list[Found] = []
    problems: list[Problem] = []
    if html:
        parser = _JsonLdScripts()
        parser.feed(text)
        parser.close()
        for n, (line, col, block) in enumerate(parser.blocks, 1):
            label = f"JSON-LD block {n}"
            value, bad = _parse_json(block, shown, line, col, label)
            problems += bad
            found += [
                Found(node, shown, line, col, f"{label}, {where or 'top level'}")
                for node, where in _claim_reviews(value, "")
            ]
    else:
        value, bad = _parse_json(text, shown, 1, 1, "the file")
        problems += bad
        found += [
            Found(node, shown, 1, 1, where or "top level")
            for node, where in _claim_reviews(value, "")
        ]
    if not found and not problems:
        problems.append(
            Problem(
                shown,
                1,
                1,
                "no ClaimReview found (looked for objects whose"
                " @type is ClaimReview, in JSON or in JSON-LD script blocks)",
            )
        )
    return found, problems


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


def text(value: Any) -> str | None:
    """A non-empty string, with whitespace collapsed; `{"@value": ...}` is unwrapped."""
    value = first(value)
    if isinstance(value, dict):
        value = value.get("@value")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def number(value: Any) -> float | None:
    """A number, given as a number or as text (`"4"`, `"4.5"`)."""
    value = first(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.strip())
        except ValueError:
            return None
    return None


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


def url(value: Any) -> str | None:
    """An http(s) address from a string or an object's `url` / `@id`."""
    value = first(value)
    if isinstance(value, dict):
        value = value.get("url") or value.get("@id")
    found = text(value)
    return found if found and re.match(r"^https?://[^\s/]+", found) else None

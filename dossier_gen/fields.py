"""Field types shared by the record models: ids, partial dates, URLs, language tags.

Each type validates a string (the loader gives every scalar as a string) and carries a JSON
Schema pattern, so editors see the same rule in their editor as `dossier validate` applies.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, StringConstraints, WithJsonSchema

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_SLUG_RE = re.compile(SLUG_PATTERN)

PARTIAL_DATE_PATTERN = r"^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$"
_PARTIAL_DATE_RE = re.compile(PARTIAL_DATE_PATTERN)
FULL_DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"

LANGUAGE_PATTERN = r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$"


def is_slug(text: str) -> bool:
    return bool(_SLUG_RE.match(text))


def _check_slug(value: str) -> str:
    if not is_slug(value):
        raise ValueError(
            f"{value!r} is not a valid id: use lowercase letters, digits and single hyphens,"
            " such as 'guo-wengui'"
        )
    return value


def _check_partial_date(value: str) -> str:
    if not _PARTIAL_DATE_RE.match(value):
        raise ValueError(
            f"{value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, such as '2017-10'"
            " or '2017-10-05'"
        )
    parts = [int(p) for p in value.split("-")]
    year, month, day = parts + [1] * (3 - len(parts))
    try:
        dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"{value!r} is not a date on the calendar") from None
    return value


def _check_full_date(value: str) -> str:
    _check_partial_date(value)
    if value.count("-") != 2:
        raise ValueError(f"{value!r} must be a full date, YYYY-MM-DD")
    return value


def _check_url(value: str) -> str:
    if value != value.strip() or any(c.isspace() for c in value):
        raise ValueError("a URL may not contain spaces; encode them as %20")
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 -- parsing the port raises on a malformed one
    except ValueError:
        raise ValueError(f"{value!r} is not a URL that parses") from None
    if parts.scheme not in ("http", "https"):
        raise ValueError(f"{value!r} must start with https:// or http://")
    if not parts.hostname:
        raise ValueError(f"{value!r} has no host name")
    if parts.username or parts.password:
        raise ValueError(f"{value!r} may not carry a user name or password")
    return value


def _check_language(value: str) -> str:
    if not re.match(LANGUAGE_PATTERN, value):
        raise ValueError(f"{value!r} is not a language tag such as 'en', 'zh' or 'zh-Hant'")
    return value


Slug = Annotated[
    str,
    AfterValidator(_check_slug),
    WithJsonSchema({"type": "string", "pattern": SLUG_PATTERN}),
]
"""An id: the stem of a record's file name, such as `guo-wengui`."""

PartialDate = Annotated[
    str,
    AfterValidator(_check_partial_date),
    WithJsonSchema({"type": "string", "pattern": PARTIAL_DATE_PATTERN}),
]
"""A date known to the year, the month or the day: `2017`, `2017-10`, `2017-10-05`."""

FullDate = Annotated[
    str,
    AfterValidator(_check_full_date),
    WithJsonSchema({"type": "string", "pattern": FULL_DATE_PATTERN}),
]
"""A date known to the day: `2026-11-22`."""

Url = Annotated[
    str,
    AfterValidator(_check_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"}),
]
"""An http or https address with a host and no user information."""

Language = Annotated[
    str,
    AfterValidator(_check_language),
    WithJsonSchema({"type": "string", "pattern": LANGUAGE_PATTERN}),
]
"""A BCP 47 language tag: `en`, `zh`, `zh-Hant`."""

Text = Annotated[str, StringConstraints(min_length=1)]
"""Free text that may not be empty."""

Quote = Annotated[str, StringConstraints(min_length=1, max_length=300)]
"""A verbatim quotation of at most 300 characters."""


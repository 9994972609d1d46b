"""Field types shared by the record models: ids, partial dates, URLs, language tags.

Each type validates a string (the loader gives every scalar as a string) and carries a JSON
Schema pattern, so editors see the same rule in their editor as `dossier validate` applies.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import re
import unicodedata
from typing import Annotated
from urllib.parse import urlsplit

import idna
from pydantic import AfterValidator, StringConstraints, WithJsonSchema

from ..problems import shown

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_SLUG_RE = re.compile(SLUG_PATTERN)

PARTIAL_DATE_PATTERN = r"^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$"
_PARTIAL_DATE_RE = re.compile(PARTIAL_DATE_PATTERN)
FULL_DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"

LANGUAGE_PATTERN = r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$"

# Day and month in either order, or a two-digit year: 05/10/2017, 5.10.17, 10-05-2017.
_AMBIGUOUS_DATE_RE = re.compile(r"^[0-9]{1,4}[/.-][0-9]{1,2}[/.-][0-9]{1,4}$")
MIN_YEAR = 1000
"""Years are written with four digits; `0017` is a typo, not the year 17."""


def is_slug(text: str) -> bool:
    # fullmatch: `$` would also match before a final newline, so `x\n` would pass.
    return bool(_SLUG_RE.fullmatch(text))


def _check_slug(value: str) -> str:
    if not is_slug(value):
        raise ValueError(
            f"{shown(value)} is not a valid id: use lowercase letters, digits and single hyphens,"
            " such as 'guo-wengui'"
        )
    return value


def _check_partial_date(value: str) -> str:
    if not _PARTIAL_DATE_RE.fullmatch(value):
        if _AMBIGUOUS_DATE_RE.fullmatch(value) and not re.match(r"[0-9]{4}-", value):
            raise ValueError(
                f"{shown(value)} is ambiguous: the order of day and month (or the century)"
                " is not clear; write it as YYYY-MM-DD, such as '2017-10-05'"
            )
        raise ValueError(
            f"{shown(value)} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD, such as"
            " '2017-10' or '2017-10-05'"
        )
    parts = [int(p) for p in value.split("-")]
    year, month, day = parts + [1] * (3 - len(parts))
    if year < MIN_YEAR:
        raise ValueError(f"{value!r} has the year {year}; write the year in full, such as 2017")
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


_ASCII_HOST_RE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?\.?")
# RFC 3986 excludes these; in a page they would end an attribute or start a tag.
_NOT_IN_URLS = frozenset('"<>^`{|}')
MAX_URL_LENGTH = 2000
"""Longer addresses break in browsers and are a sign of a pasted tracking blob."""


def _check_url(value: str) -> str:
    if len(value) > MAX_URL_LENGTH:
        raise ValueError(
            f"the URL is {len(value)} characters long; at most {MAX_URL_LENGTH} are allowed"
        )
    if value != value.strip() or any(c.isspace() for c in value):
        raise ValueError("a URL may not contain spaces; encode them as %20")
    if any(unicodedata.category(c) in ("Cc", "Cf", "Cs") for c in value):
        raise ValueError(
            f"{shown(value)} contains an invisible or control character; retype the address"
        )
    if (bad := next((c for c in value if c in _NOT_IN_URLS), None)) is not None:
        raise ValueError(
            f"{shown(value)} contains {bad!r}, which a URL may not hold as it is;"
            f" write it as %{ord(bad):02X}"
        )
    if "\\" in value:
        raise ValueError(
            f"{shown(value)} contains a backslash; URLs use forward slashes"
            " (write %5C for a literal backslash)"
        )
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 -- parsing the port raises on a malformed one
    except ValueError:
        raise ValueError(f"{shown(value)} is not a URL that parses") from None
    if parts.scheme not in ("http", "https"):
        raise ValueError(f"{shown(value)} must start with https:// or http://")
    if not parts.hostname:
        raise ValueError(f"{shown(value)} has no host name")
    if "@" in parts.netloc:
        raise ValueError(f"{shown(value)} may not carry a user name or password")
    try:
        ascii_host(parts.hostname)
    except ValueError:
        raise ValueError(
            f"{shown(value)} has a host name that is not a valid domain name"
        ) from None
    return value


def ascii_host(host: str) -> str:
    """The host as ASCII: internationalised domain names as punycode (IDNA 2008, UTS 46).

    Readers then see `xn--` names rather than look-alike letters from another script.
    Raises ValueError (idna's errors are ValueErrors) for a name that is not valid.
    """
    try:
        ipaddress.ip_address(host)
        return host
    except ValueError:
        pass
    if host.isascii():
        if not _ASCII_HOST_RE.fullmatch(host):
            raise ValueError(f"{host!r} is not a host name")
        if "xn--" in host.lower():
            idna.decode(host)  # a punycode label must decode to a valid name
        return host
    return idna.encode(host, uts46=True).decode("ascii")


def _check_language(value: str) -> str:
    if not re.fullmatch(LANGUAGE_PATTERN, value):
        raise ValueError(f"{shown(value)} is not a language tag such as 'en', 'zh' or 'zh-Hant'")
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

DIGEST_PATTERN = r"^[0-9a-f]{12}$"

Digest = Annotated[
    str,
    StringConstraints(pattern=DIGEST_PATTERN),
    WithJsonSchema({"type": "string", "pattern": DIGEST_PATTERN}),
]
"""A fingerprint of a text: 12 lowercase hexadecimal digits, as `dossier validate` prints."""

MAX_TEXT_LENGTH = 5_000
"""A paragraph or a few: longer text in a plain field is a paste gone wrong."""
MAX_PROSE_LENGTH = 50_000
"""The analysis: several pages of reasoning, far below what would slow a build."""

# Invisible when printed: white space, controls, format characters (zero-width spaces and
# joiners, direction marks), unassigned and private-use code points.
_UNSEEN_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co", "Cn"})


def _check_visible(value: str) -> str:
    if not any(unicodedata.category(c) not in _UNSEEN_CATEGORIES for c in value):
        raise ValueError("holds no visible character; write the text, or remove the line")
    return value


_VISIBLE = AfterValidator(_check_visible)

MAX_TITLE_LENGTH = 120
"""A title fits a line of a list and a link preview."""

Text = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT_LENGTH), _VISIBLE]
"""Free text with at least one visible character."""

Title = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TITLE_LENGTH), _VISIBLE]
"""A title of at most 120 characters, with at least one visible character."""

ShortText = Annotated[str, StringConstraints(min_length=1, max_length=75), _VISIBLE]
"""A claim in 75 characters or fewer (ClaimReview's `claimReviewed`)."""

Prose = Annotated[str, StringConstraints(min_length=1, max_length=MAX_PROSE_LENGTH), _VISIBLE]
"""Editor-written Markdown (restricted and sanitised when rendered)."""

Quote = Annotated[str, StringConstraints(min_length=1, max_length=300), _VISIBLE]
"""A verbatim quotation of at most 300 characters."""

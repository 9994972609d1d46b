"""Record ids and short texts from what an imported review gives, in any script.

An id is what a reader sees in a record's address and an editor in its file name, so it
is made of words: transliterated to ASCII, from the review's address when that holds words,
else from the claim's text.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote, urlsplit

from anyascii import anyascii

ID_MAX = 60


def slugify(value: str, limit: int = ID_MAX) -> str:
    """An id from text in any script: transliterated to ASCII (anyascii: भारत → bharat-ish
    `bhart`, 中国 → `zhong-guo`, não → `nao`), lowercase words joined by hyphens, cut at a
    word to at most `limit` characters; empty when nothing readable is left."""
    pieces = []
    for char in unicodedata.normalize("NFKC", value).casefold():
        if char.isascii():
            pieces.append(char)
            continue
        ascii_text = anyascii(char)
        # Chinese and Japanese characters come out as capitalised syllables (中 → Zhong):
        # each is a word of its own. Letters of alphabets come out lowercase, once folded.
        pieces.append(f" {ascii_text} " if ascii_text[:1].isupper() else ascii_text)
    joined = re.sub(r"['’]", "", "".join(pieces).lower())
    slug = re.sub(r"[^a-z0-9]+", "-", joined).strip("-")
    if len(slug) > limit:
        cut = slug[: limit + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else slug[:limit]
    return slug.strip("-")


_PAGE_NAMES = {"", "index", "default", "home", "main", "article", "amp"}
_EXTENSION = re.compile(r"\.(?:s?html?|php[0-9]?|aspx?|jsp|cms|cfm)$", re.IGNORECASE)


def url_words(address: str) -> str:
    """The id a review's address suggests: its last path segment, percent-escapes decoded
    and transliterated; empty when the segment holds no word (the site's root, `?p=123`,
    `index.php`, a number or a code such as `33XY7ZL`)."""
    segment = unquote(urlsplit(address).path.rstrip("/").rsplit("/", 1)[-1])
    segment = _EXTENSION.sub("", segment)
    if "." in segment or segment.casefold() in _PAGE_NAMES:
        return ""  # `doc.afp.com.33XY7ZL` is a document code, not words
    slug = slugify(segment)
    words = [part for part in slug.split("-") if part.isalpha() and len(part) >= 3]
    return slug if words else ""


def cut(value: str, limit: int) -> str:
    """`value`, or its start cut at a word within `limit` characters, with an ellipsis."""
    if len(value) <= limit:
        return value
    return value[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"

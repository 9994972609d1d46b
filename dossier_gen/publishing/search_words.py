"""The words of the search index: how text is cut into the terms the index holds, and how a
term chooses its shard. The search worker (`assets/dossier-search.js`) cuts queries and
chooses shards the same way; `publishing.search` builds the index with these.

Chinese text is segmented into words with rjieba, which gives the same words as jieba, and so
as mkdocs-material's search (tested on the real data).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from backrefs import bre

STOP_WORDS = frozenset(
    # lunr.js's English stop words (MIT, Oliver Nightingale), which mkdocs-material's search
    # drops from English queries too: a query for "the spy" searches for "spy". Not "us",
    # which in this dossier is mostly the US.
    "a able about across after all almost also am among an and any are as at be because "  # noqa: SIM905
    "been but by can cannot could dear did do does either else ever every for from "
    "get got had has have he her hers him his how however i if in into is it its just least "
    "let like likely may me might most must my neither no nor not of off often on only or "
    "other our own rather said say says she should since so some than that the their them "
    "then there these they this tis to too twas wants was we were what when where which "
    "while who whom why will with would yet you your".split()
)

_WORD = re.compile(r"[^\W_]+")
"""Letters and digits of any script: the same characters as `[\\p{L}\\p{N}]` in the browser."""
_HAN = bre.compile(r"(\p{script: Han}+)")


@functools.lru_cache(maxsize=1)
def _segmenter() -> Any:
    import rjieba  # noqa: PLC0415 -- loaded only by builds that index Chinese

    return rjieba


@functools.lru_cache(maxsize=65536)
def _han_words(run: str) -> tuple[str, ...]:
    return tuple(_segmenter().cut(run))


def segment_han(run: str) -> list[str]:
    """The words of a run of Chinese characters, as jieba (and so Material) cuts them."""
    return list(_han_words(run))


def name_key(name: str) -> str:
    """A name as a query must spell it to mean exactly that page: its letters and digits in
    lower case, in any script, with nothing between them ("guowengui", "郭文贵")."""
    return "".join(_WORD.findall(unicodedata.normalize("NFC", name).lower()))


def terms(text: str) -> Iterator[str]:
    """The words of `text` as the index holds them: NFC, lower case, letters and digits of any
    script, Chinese cut into words, stop words left out."""
    stop = STOP_WORDS
    for word in _WORD.findall(unicodedata.normalize("NFC", text).lower()):
        if word.isascii():
            if word not in stop:
                yield word
            continue
        for n, part in enumerate(_HAN.split(word)):
            if not part:
                continue
            if n % 2:  # a Han run
                yield from _han_words(part)
            elif part not in stop:
                yield part


def _is_han(char: str) -> bool:
    return bool(_HAN.fullmatch(char))


def shard_key(term: str) -> str:
    """What chooses a term's shard: its first character if Chinese, else its first two."""
    return term[0] if _is_han(term[0]) else term[:2]


def shard_of(term: str, shards: int) -> int:
    """FNV-1a (32 bits) of the key's code points, modulo the number of shards; the search
    worker computes the same."""
    h = 0x811C9DC5
    for char in shard_key(term):
        h = ((h ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return h % shards

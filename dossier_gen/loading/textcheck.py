"""Characters no record needs, found wherever they stand: in the file or in a decoded value.

Control characters, bidirectional embeddings, overrides and isolates, and line or paragraph
separators can make text read differently from how it is stored ("Trojan Source"), break
lines in some tools but not others, or hide text from a reviewer of a pull request. No field
of any record needs them, so they are refused everywhere rather than field by field; the
joiners that Arabic, Persian and Indic scripts need (U+200C, U+200D) are allowed.

Tabs are refused too: YAML forbids them in indentation, and libyaml and PyYAML's own parser
disagree on a tab after `key:` (see the security notes), so a tab would mean one thing to one
tool and another to the next. Inside text a tab is invisible in review and collapses anyway.
"""

from __future__ import annotations

import re
import unicodedata

from ..problems import position_of

# Every C0 control but the line feed and carriage return, DEL, every C1 control (NEL among
# them), bidi embeddings/overrides (U+202A-E) and isolates (U+2066-9), LS and PS, lone
# surrogates. The tab is reported on its own, with advice about indentation.
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def describe(char: str) -> str:
    """`U+202E (RIGHT-TO-LEFT OVERRIDE)`, for messages; control characters have no name."""
    name = unicodedata.name(char, "")
    if not name:
        name = "control character" if unicodedata.category(char) == "Cc" else "surrogate"
    return f"U+{ord(char):04X} ({name})"


def character_problem(char: str) -> str:
    """What to say about a refused character."""
    if char == "\t":
        return "a tab character is not allowed in a record; use spaces instead"
    if char in "\u2028\u2029":
        why = "it breaks lines in some tools but not others; use an ordinary line break"
    elif "\u202a" <= char <= "\u202e" or "\u2066" <= char <= "\u2069":
        why = "it can make text display differently from how it is stored; delete it"
    else:
        why = "it is invisible or breaks the text; delete it"
    return f"character {describe(char)} is not allowed: {why}"


def first_refused(text: str, *, allow_tab: bool = False) -> int | None:
    """Index of the first refused character in `text`, or None."""
    match = _FORBIDDEN.search(text)
    found = match.start() if match else None
    if not allow_tab:
        tab = text.find("\t", 0, found)
        if tab != -1:
            return tab
    return found


def refused_in_file(text: str) -> tuple[int, int, str] | None:
    """The first refused character of a record file, as (line, col, message)."""
    index = first_refused(text)
    if index is None:
        return None
    line, col = position_of(text, index)
    if text[index] == "\t" and not text[index - col + 1 : index].strip(" "):
        return line, col, "a tab in the indentation; indent YAML with spaces only"
    return line, col, character_problem(text[index])


def refused_in_value(value: str) -> str | None:
    """Message for a refused character in a decoded value (one written as an escape)."""
    index = first_refused(value)
    if index is None:
        return None
    return f"{character_problem(value[index])} (character {index + 1} of the value)"

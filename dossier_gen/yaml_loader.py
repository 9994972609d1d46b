"""Read one YAML record into plain Python values, remembering where every value stands.

The tree is built straight from libyaml's event stream (PyYAML's C parser) rather than with
`yaml.load`, for three reasons:

- every scalar stays a string, so `no`, `2017-09-12`, `012` and `3.10` reach the models as
  written and are typed there, never turned into a boolean, date or number by surprise;
- duplicate keys, explicit tags, anchors, aliases and several documents are rejected with
  their position, where PyYAML would silently overwrite a key or build arbitrary types;
- characters no record needs (tabs, controls, bidi overrides, line separators) are refused
  with their exact position before parsing, and again in values written as escapes;
- nesting depth is checked while reading: libyaml's composer crashes the whole process on
  deeply nested input, and events are read without composing.

Only plain (unquoted) `~`, `null`, `Null`, `NULL` and empty values become `None`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .textcheck import refused_in_file, refused_in_value, shown

Loc = tuple[str | int, ...]
"""Path to a value inside a record, such as `("evidence", 0, "quote")`."""

MAX_DEPTH = 12
"""Deeper nesting than any record needs is refused before it can exhaust the parser."""

_NULLS = {"", "~", "null", "Null", "NULL"}
# libyaml's parser. Its events carry marks; nothing is resolved or constructed from them.
USING_LIBYAML: bool = yaml.__with_libyaml__
_Parser: type = yaml.CBaseLoader if USING_LIBYAML else yaml.BaseLoader


class YamlProblem(Exception):
    """A problem found while reading a file, at a 1-based line and column."""

    def __init__(self, line: int, col: int, message: str) -> None:
        super().__init__(message)
        self.line, self.col, self.message = line, col, message


@dataclass
class Positions:
    """Where each value (and each mapping key) of a record stands in its file."""

    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def of(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """Position of `loc`, or of its nearest enclosing value that has one."""
        if key and loc in self.keys:
            return self.keys[loc]
        while loc:
            if loc in self.values:
                return self.values[loc]
            loc = loc[:-1]
        return self.values.get((), (1, 1))


def _pos(mark: Any) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


class _Frame:
    __slots__ = ("container", "loc", "key", "key_pos")

    def __init__(self, container: dict | list, loc: Loc) -> None:
        self.container = container
        self.loc = loc
        self.key: str | None = None  # for a mapping: the key waiting for its value
        self.key_pos: tuple[int, int] = (1, 1)


def parse_record(text: str) -> tuple[Any, Positions]:
    """Parse one YAML document into dicts, lists, strings and None, with their positions."""
    refused = refused_in_file(text)
    if refused is not None:
        raise YamlProblem(*refused)
    positions = Positions()
    stack: list[_Frame] = []
    root: Any = None
    documents = 0

    def place(value: Any, pos: tuple[int, int]) -> Loc | None:
        """Attach a finished value to its parent; return its loc, or None if it was a key."""
        nonlocal root
        if not stack:
            root = value
            positions.values[()] = pos
            return ()
        top = stack[-1]
        if isinstance(top.container, list):
            loc = top.loc + (len(top.container),)
            top.container.append(value)
        elif top.key is None:
            if not isinstance(value, str):
                raise YamlProblem(*pos, "a key must be a plain word, not a list or mapping")
            if value in top.container:
                first = positions.keys[top.loc + (value,)]
                raise YamlProblem(
                    *pos,
                    f"duplicate key {shown(value)}: it is already set on line {first[0]};"
                    " remove one of the two",
                )
            top.key, top.key_pos = value, pos
            positions.keys[top.loc + (value,)] = pos
            return None
        else:
            loc = top.loc + (top.key,)
            top.container[top.key] = value
            top.key = None
        positions.values[loc] = pos
        return loc

    try:
        for event in yaml.parse(text, Loader=_Parser):
            kind = type(event)
            if kind is yaml.ScalarEvent:
                _refuse_tag_and_anchor(event)
                value = event.value
                if event.style in ("", None) and value in _NULLS:  # plain scalars only
                    value = None
                elif (message := refused_in_value(value)) is not None:  # from an escape
                    raise YamlProblem(*_pos(event.start_mark), message)
                place(value, _pos(event.start_mark))
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                _refuse_tag_and_anchor(event)
                if len(stack) >= MAX_DEPTH:
                    raise YamlProblem(
                        *_pos(event.start_mark),
                        f"nesting is deeper than {MAX_DEPTH} levels; records never need that",
                    )
                container: dict | list = {} if kind is yaml.MappingStartEvent else []
                pos = _pos(event.start_mark)
                loc = place(container, pos)
                if loc is None:
                    raise YamlProblem(*pos, "a key must be a plain word, not a list or mapping")
                stack.append(_Frame(container, loc))
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                stack.pop()
            elif kind is yaml.AliasEvent:
                raise YamlProblem(
                    *_pos(event.start_mark),
                    "aliases (*name) are not allowed in records; write the value out in full",
                )
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise YamlProblem(
                        *_pos(event.start_mark),
                        "a record file holds one document; remove the second '---' and what"
                        " follows, or move it to its own file",
                    )
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = _pos(mark) if mark else (1, 1)
        raise YamlProblem(line, col, f"this is not valid YAML: {error.problem}") from None
    except yaml.YAMLError as error:  # reader errors, such as a forbidden character
        index = getattr(error, "position", 0) or 0
        line = text.count("\n", 0, index) + 1
        col = index - (text.rfind("\n", 0, index) + 1) + 1
        reason = getattr(error, "reason", None) or str(error)
        raise YamlProblem(line, col, f"this is not valid YAML: {reason}") from None

    if documents == 0 or root is None:
        raise YamlProblem(1, 1, "the file is empty; a record is a mapping of field: value lines")
    if not isinstance(root, dict):
        raise YamlProblem(1, 1, "a record must be a mapping of field: value lines")
    return root, positions


def _refuse_tag_and_anchor(event: Any) -> None:
    if event.anchor is not None:
        raise YamlProblem(
            *_pos(event.start_mark),
            f"anchors (&{event.anchor}) are not allowed in records; write each value out",
        )
    if event.tag is not None and event.tag != "!":
        raise YamlProblem(
            *_pos(event.start_mark),
            f"explicit tags such as {shown(event.tag)} are not allowed; write the value as text"
            " (quote it if needed)",
        )

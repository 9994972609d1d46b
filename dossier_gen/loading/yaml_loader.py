"""Read one YAML record into plain Python values, and on request where every value stands.

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

from ..problems import position_of, shown
from .textcheck import refused_in_file, refused_in_value

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
    __slots__ = ("container", "loc", "key")

    def __init__(self, container: dict[str, Any] | list[Any], loc: Loc | None) -> None:
        self.container = container
        self.loc = loc  # only when positions are kept
        self.key: str | None = None  # for a mapping: the key waiting for its value


class _DuplicateKey(Exception):
    """Raised by the fast path, which keeps no positions to say where the first key was."""


def parse_values(text: str) -> Any:
    """Parse one YAML document into dicts, lists, strings and None, keeping no positions.

    This is what loading uses: positions are needed only to report a problem, and keeping one
    for every value took most of a catalog's memory and a third of the loader's time.
    `parse_record(text)` gives them, from the same text, when a problem must be placed.
    """
    try:
        return _parse(text, None)
    except _DuplicateKey:
        return _parse(text, Positions())  # raises the problem, saying where the first one is


def parse_record(text: str) -> tuple[Any, Positions]:
    """Parse one YAML document into dicts, lists, strings and None, with their positions."""
    positions = Positions()
    return _parse(text, positions), positions


def _parse(text: str, positions: Positions | None) -> Any:
    refused = refused_in_file(text)
    if refused is not None:
        raise YamlProblem(*refused)
    stack: list[_Frame] = []
    root: Any = None
    documents = 0

    def place(value: Any, mark: Any) -> tuple[bool, Loc | None]:
        """Attach a finished value to its parent: (was it a key?, its loc if positions are kept)."""
        nonlocal root
        if not stack:
            root = value
            if positions is not None:
                positions.values[()] = _pos(mark)
            return False, ()
        top = stack[-1]
        container = top.container
        if type(container) is list:
            key: str | int = len(container)
            container.append(value)
        elif top.key is None:
            if not isinstance(value, str):
                raise YamlProblem(*_pos(mark), "a key must be a plain word, not a list or mapping")
            if value in container:
                if positions is None:
                    raise _DuplicateKey
                assert top.loc is not None  # positions are kept, so every frame has its loc
                first = positions.keys[top.loc + (value,)]
                raise YamlProblem(
                    *_pos(mark),
                    f"duplicate key {shown(value)}: it is already set on line {first[0]};"
                    " remove one of the two",
                )
            top.key = value
            if positions is not None:
                assert top.loc is not None
                positions.keys[top.loc + (value,)] = _pos(mark)
            return True, None
        else:
            key = top.key
            assert isinstance(container, dict)
            container[key] = value
            top.key = None
        if positions is None:
            return False, None
        assert top.loc is not None  # positions are kept, so every frame has its loc
        loc = top.loc + (key,)
        positions.values[loc] = _pos(mark)
        return False, loc

    try:
        # The parser's own loop, not `yaml.parse`, whose generator costs a check and a call
        # more per event.
        parser = _Parser(text)
        while (event := parser.get_event()) is not None:
            kind = type(event)
            if kind is yaml.ScalarEvent:
                if event.anchor is not None or event.tag is not None:
                    _refuse_tag_and_anchor(event)
                value = event.value
                if value in _NULLS and event.style in ("", None):  # plain scalars only
                    value = None
                # Only escapes (double quotes) can make a character the file check did not see.
                elif event.style == '"' and (message := refused_in_value(value)) is not None:
                    raise YamlProblem(*_pos(event.start_mark), message)
                place(value, event.start_mark)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                _refuse_tag_and_anchor(event)
                if len(stack) >= MAX_DEPTH:
                    raise YamlProblem(
                        *_pos(event.start_mark),
                        f"nesting is deeper than {MAX_DEPTH} levels; records never need that",
                    )
                container: dict[str, Any] | list[Any] = {} if kind is yaml.MappingStartEvent else []
                is_key, loc = place(container, event.start_mark)
                if is_key:
                    raise YamlProblem(
                        *_pos(event.start_mark), "a key must be a plain word, not a list or mapping"
                    )
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
        parser.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, col = _pos(mark) if mark else (1, 1)
        raise YamlProblem(line, col, f"this is not valid YAML: {error.problem}") from None
    except yaml.YAMLError as error:  # reader errors, such as a forbidden character
        index = getattr(error, "position", 0) or 0
        line, col = position_of(text, index)
        reason = getattr(error, "reason", None) or str(error)
        raise YamlProblem(line, col, f"this is not valid YAML: {reason}") from None

    if documents == 0 or root is None:
        raise YamlProblem(1, 1, "the file is empty; a record is a mapping of field: value lines")
    if not isinstance(root, dict):
        raise YamlProblem(1, 1, "a record must be a mapping of field: value lines")
    return root


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

"""Turn pydantic's validation errors into messages an editor can act on, with positions."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, Tag, ValidationError
from pydantic_core import ErrorDetails

from ..problems import Problem, shown
from .yaml_loader import Loc, Positions


def field_path(loc: Loc) -> str:
    """`("evidence", 2, "quote")` → `evidence[2].quote`."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the record"


def _tagged(annotation: Any) -> dict[str, Any]:
    """Tag → member of a tagged union (such as a claim's `appearance`), else nothing."""
    if typing.get_origin(annotation) not in (typing.Union, types.UnionType):
        return {}
    members: dict[str, Any] = {}
    for member in typing.get_args(annotation):
        tags = [m for m in getattr(member, "__metadata__", ()) if isinstance(m, Tag)]
        if tags:
            members[tags[0].tag] = typing.get_args(member)[0]
    return members


def _walk(model: type[BaseModel], loc: Loc) -> tuple[Loc, Any]:
    """`loc` without the tags pydantic puts in it for a tagged union (editors never write
    them), and the annotation of the value it leads to, through lists and optionals."""
    annotation: Any = model
    clean: list[str | int] = []
    parts = list(loc)
    while parts:
        part = parts.pop(0)
        annotation = _unwrap(annotation)
        if members := _tagged(annotation):
            annotation = members.get(str(part))
            continue
        clean.append(part)
        if isinstance(part, int):
            continue
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return (*clean, *parts), None
        info = annotation.model_fields.get(part)
        if info is None:
            return (*clean, *parts), None
        annotation = info.annotation
    return tuple(clean), annotation


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that holds the value at `loc`, walking through lists and optionals."""
    annotation = _unwrap(_walk(model, loc)[1])
    if _tagged(annotation):  # the value's form is not known yet
        return None
    is_model = isinstance(annotation, type) and issubclass(annotation, BaseModel)
    return annotation if is_model else None


def _unwrap(annotation: Any) -> Any:
    """Strip `X | None` and `list[X]` down to X."""
    while True:
        origin = typing.get_origin(annotation)
        if origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0] if len(args) == 1 else annotation
            if len(args) != 1:
                return annotation
        elif origin is list:
            annotation = typing.get_args(annotation)[0]
        else:
            return annotation


def _describe(error: ErrorDetails, model: type[BaseModel]) -> tuple[str, bool]:
    """Message for one pydantic error, and whether it points at the key rather than the value."""
    raw: Loc = tuple(error["loc"])
    loc = _walk(model, raw)[0]
    kind = error["type"]
    name = field_path(loc)
    ctx = error.get("ctx", {})
    given = error.get("input")
    if kind == "missing":
        parent = field_path(loc[:-1])
        where = "" if len(loc) == 1 else f" in {parent}"
        return f"missing required field {shown(loc[-1])}{where}", False
    if kind == "extra_forbidden":
        owner = _model_at(model, raw[:-1])
        known = list(owner.model_fields) if owner else []
        close = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        return (
            f"unknown field {shown(loc[-1])}{hint} Fields allowed here: {', '.join(known)}",
            True,
        )
    if given is None and kind in ("string_type", "int_type", "list_type", "model_type"):
        return f"{name} is empty; give it a value or remove the line", False
    if kind == "literal_error":
        given_text = "empty" if given is None else shown(given)
        return f"{name} is {given_text}; expected one of: {ctx.get('expected')}", False
    if kind == "string_too_long":
        return (
            f"{name} is {len(str(given))} characters long; at most {ctx['max_length']} are allowed",
            False,
        )
    if kind == "string_too_short":
        return f"{name} is empty; give it a value or remove the line", False
    if kind == "too_long":
        return (
            f"{name} has {ctx.get('actual_length')} items; at most {ctx.get('max_length')} are"
            " allowed",
            False,
        )
    if kind == "too_short":
        return f"{name} needs at least {ctx.get('min_length')} item(s)", False
    if kind in ("int_parsing", "int_type", "int_parsing_size"):
        return f"{name} is {shown(given)}; expected a whole number", False
    if kind == "greater_than_equal":
        return f"{name} is {shown(given)}; expected a number of at least {ctx.get('ge')}", False
    if kind == "string_type":
        return f"{name} must be text, not a list or mapping", False
    if kind == "list_type":
        return f"{name} must be a list (lines starting with '- ')", False
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"{name} must be a mapping of field: value lines", False
    if kind == "value_error":
        message = str(ctx.get("error", error["msg"]))
        return (f"{name}: {message}" if loc else message), False
    return f"{name}: {error['msg']}", False


def validation_problems(
    error: ValidationError, model: type[BaseModel], path: str, positions: Positions
) -> list[Problem]:
    problems = []
    for item in error.errors(include_url=False):
        loc = _walk(model, tuple(item["loc"]))[0]
        message, at_key = _describe(item, model)
        line, col = positions.of(loc, key=at_key)
        problems.append(Problem(path, line, col, message))
    return problems

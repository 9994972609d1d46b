"""`dossier new`: a blank record of a kind, generated from its model so it never drifts.

Every field of the model is present, in the model's order, under a comment taken from the
field's docstring and its JSON Schema (allowed values, date format, required or optional).
Values are left empty: an empty optional field reads as "not given", and an empty required
one is reported by `dossier validate` until it is filled in. Lists of sub-records (evidence,
updates, citations) start empty, with one item written out in comments to copy. A field
with several forms (a claim's `appearance`) is written in its first form, the others in
comments; an optional sub-record (`imported_from`, which the importer writes) is in comments.
"""

from __future__ import annotations

import os
import textwrap
import types
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..records.fields import FULL_DATE_PATTERN, LANGUAGE_PATTERN, PARTIAL_DATE_PATTERN, SLUG_PATTERN
from ..records.kinds import BY_NAME, RECORD_SUFFIXES

SCHEMA_LINE = "# yaml-language-server: $schema={}"
"""First line of every record: the YAML language server finds the record's schema there."""

_WIDTH = 92
_PATTERN_HINTS = {
    SLUG_PATTERN: "an id such as guo-wengui",
    PARTIAL_DATE_PATTERN: "a date: YYYY, YYYY-MM or YYYY-MM-DD",
    FULL_DATE_PATTERN: "a full date: YYYY-MM-DD",
    LANGUAGE_PATTERN: "a language tag such as en, zh or zh-Hant",
    "^https?://": "an address starting with https://",
}


def schema_line(record_path: Path, schema_dir: Path, schema_file: str) -> str:
    """The language-server line for a record, pointing at the schema relative to the file."""
    target = os.path.relpath(schema_dir / schema_file, record_path.parent)
    return SCHEMA_LINE.format(Path(target).as_posix())


def scaffold(model: type[BaseModel], first_line: str) -> str:
    """The blank record of `model` as YAML text, starting with `first_line`."""
    schema = model.model_json_schema()
    lines = [first_line, *_block(model, schema, schema, 0, commented=False)]
    return "\n".join(lines) + "\n"


def _forms(annotation: Any) -> list[type[BaseModel]]:
    """The models of a tagged union (a claim's `appearance`), first form first; else []."""
    if typing.get_origin(annotation) not in (typing.Union, types.UnionType):
        return []
    args = typing.get_args(annotation)
    if not all(typing.get_origin(a) is typing.Annotated for a in args):
        return []
    return [typing.get_args(a)[0] for a in args]


def _shape(annotation: Any) -> tuple[str, Any]:
    """("model" | "forms" | "model-list" | "list" | "value", the model(s) or item type)."""
    if forms := _forms(annotation):
        return "forms", forms
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType) and len(args) == 1:
        annotation = args[0]
    if typing.get_origin(annotation) is dict:
        item = typing.get_args(annotation)[1]
        if isinstance(item, type) and issubclass(item, BaseModel):
            return "model-map", item
    if typing.get_origin(annotation) is list:
        item = typing.get_args(annotation)[0]
        if isinstance(item, type) and issubclass(item, BaseModel):
            return "model-list", item
        return "list", item
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "model", annotation
    return "value", annotation


def _property(model_schema: dict[str, Any], root: dict[str, Any], name: str) -> dict[str, Any]:
    """A field's JSON Schema with `X | None` and list wrappers and `$ref`s resolved."""
    prop: dict[str, Any] = model_schema.get("properties", {}).get(name, {})
    while True:
        if "anyOf" in prop:
            prop = next((p for p in prop["anyOf"] if p.get("type") != "null"), {})
        elif "$ref" in prop:
            prop = root["$defs"][prop["$ref"].rsplit("/", 1)[-1]]
        elif prop.get("type") == "array" and "items" in prop:
            prop = prop["items"]
        else:
            return prop


def _hint(prop: dict[str, Any]) -> list[str]:
    hints = []
    if "enum" in prop:
        hints.append("one of: " + ", ".join(str(v) for v in prop["enum"]))
    elif prop.get("pattern") in _PATTERN_HINTS:
        hints.append(_PATTERN_HINTS[prop["pattern"]])
    elif prop.get("type") == "integer":
        hints.append("a whole number")
    if "maxLength" in prop:
        hints.append(f"at most {prop['maxLength']} characters")
    return hints


def _comment(
    model: type[BaseModel], model_schema: dict[str, Any], root: dict[str, Any], name: str
) -> str:
    info = model.model_fields[name]
    description = " ".join((info.description or "").split())
    shape, _ = _shape(info.annotation)
    required = "Required" if info.is_required() else "Optional"
    if shape in ("list", "model-list"):
        required += ", a list" if info.is_required() else "; a list, may stay []"
    if shape == "model-map":
        required += "; by language tag"
    extra = "; ".join([required, *_hint(_property(model_schema, root, name))])
    return f"{description} ({extra}.)" if description else f"({extra}.)"


def _block(
    model: type[BaseModel],
    model_schema: dict[str, Any],
    root: dict[str, Any],
    indent: int,
    commented: bool,
) -> list[str]:
    """The lines of `model`'s fields at `indent`; `commented` puts comments at line ends."""
    pad = " " * indent
    out: list[str] = []
    for name, info in model.model_fields.items():
        comment = _comment(model, model_schema, root, name)
        shape, inner = _shape(info.annotation)
        if shape == "forms":  # the first form, then the others in comments
            first, *others = inner
            shape, inner = "model", first
        else:
            others = []
        keyed = shape == "model-map"
        if keyed or (shape == "model" and not info.is_required() and not commented):
            # An optional sub-record (`imported_from`, which a tool writes), or translations
            # keyed by language (a new record has none yet): in comments.
            out += _wrapped(comment, pad)
            out.append(f"{pad}# {name}:")
            if keyed:
                out.append(f"{pad}#   LANGUAGE:  # a language tag of dossier.yml's languages")
            inner_schema = root.get("$defs", {}).get(inner.__name__, {})
            out += [
                f"{pad}# {line[indent:]}"
                for line in _block(
                    inner, inner_schema, root, indent + (4 if keyed else 2), commented=True
                )
            ]
            continue
        value = " []" if shape in ("list", "model-list") else ""
        if commented:
            out.append(f"{pad}{name}:{value}  # {comment}")
        else:
            out += _wrapped(comment, pad)
            out.append(f"{pad}{name}:{value}")
        inner_schema = root.get("$defs", {}).get(inner.__name__, {}) if shape != "value" else {}
        if shape == "model":
            out += _block(inner, inner_schema, root, indent + 2, commented)
        elif shape == "model-list":
            item = _block(inner, inner_schema, root, indent + 4, commented=True)
            item[0] = f"{pad}  - {item[0][indent + 4 :]}"
            if not commented:
                out.append(f"{pad}# To add one, replace [] with lines like these, without '# ':")
            out += [f"{pad}# {line[indent:]}" if not commented else line for line in item]
        for other in others:
            other_schema = root.get("$defs", {}).get(other.__name__, {})
            out.append(f"{pad}# Or, instead of the lines above:")
            out.append(f"{pad}# {name}:")
            out += [
                f"{pad}# {line[indent:]}"
                for line in _block(other, other_schema, root, indent + 2, commented=True)
            ]
    return out


def _wrapped(comment: str, pad: str) -> list[str]:
    return textwrap.wrap(
        comment,
        _WIDTH,
        initial_indent=f"{pad}# ",
        subsequent_indent=f"{pad}# ",
        break_on_hyphens=False,
    )


def write_new_record(kind: str, record_id: str, data_dir: Path, schema_dir: Path) -> Path:
    """Write the blank record `record_id` of `kind`; FileExistsError if the id is taken."""
    record_kind = BY_NAME[kind]
    folder, model, schema_file = record_kind.folder, record_kind.model, record_kind.schema_file
    target = data_dir / folder / f"{record_id}.yml"
    for suffix in RECORD_SUFFIXES:
        existing = target.with_suffix(suffix)
        if existing.exists():
            raise FileExistsError(existing)
    target.parent.mkdir(parents=True, exist_ok=True)
    text = scaffold(model, schema_line(target, schema_dir, schema_file))
    with target.open("x", encoding="utf-8") as out:  # "x": never overwrite, even in a race
        out.write(text)
    return target

"""JSON Schema of each record kind, generated from the models, for editors' YAML support."""

from __future__ import annotations

import functools
import json
from typing import Any

from pydantic import BaseModel

from .kinds import SCHEMA_MODELS


def json_schema(model: type[BaseModel]) -> dict[str, Any]:
    schema = model.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_texts() -> dict[str, str]:
    """File name → the schema as written to disk (stable: sorted keys, final newline)."""
    return dict(_schema_texts())


@functools.cache  # the models do not change while a process runs; every preview rebuild asks
def _schema_texts() -> tuple[tuple[str, str], ...]:
    return tuple(
        (name, json.dumps(json_schema(model), indent=2, ensure_ascii=False, sort_keys=True) + "\n")
        for name, model in SCHEMA_MODELS.items()
    )

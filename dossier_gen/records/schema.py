"""JSON Schema of each record kind, generated from the models, for editors' YAML support."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from .kinds import SCHEMA_MODELS


def json_schema(model: type[BaseModel]) -> dict[str, Any]:
    schema = model.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_texts() -> dict[str, str]:
    """File name → the schema as written to disk (stable: sorted keys, final newline)."""
    return {
        name: json.dumps(json_schema(model), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        for name, model in SCHEMA_MODELS.items()
    }

"""The JSON Schema files kept in schema/ match the models they are generated from."""

from __future__ import annotations

from dossier_gen.records.schema import schema_texts

from .conftest import ROOT


def test_schema_files_are_up_to_date():
    for name, text in schema_texts().items():
        path = ROOT / "schema" / name
        assert path.is_file(), f"schema/{name} is missing: run `make schema`"
        assert path.read_text(encoding="utf-8") == text, (
            f"schema/{name} is out of date with dossier_gen/models.py: run `make schema`"
        )

"""The kinds of record a dossier holds, in one table: folder, model, schema file, page folder.

Every part of the package that lists record kinds (the loader, the schema writer, `dossier
new`, the importer, cross-reference checks, the page paths) reads them from here, so adding
a kind, or renaming a folder, is one change.
"""

from __future__ import annotations

from dataclasses import dataclass

from .base import Record
from .models import Claim, Dossier, Entity, Source


@dataclass(frozen=True)
class RecordKind:
    name: str
    """Singular, as messages and `dossier new` say it: `claim`, `entity`, `source`."""
    folder: str
    """Folder under `data/` holding one file per record, the file name being its id; also
    the folder of the records' pages on the site."""
    model: type[Record]
    """The pydantic model every file of this kind must validate against."""

    @property
    def schema_file(self) -> str:
        """Name of the kind's JSON Schema file, such as `claim.schema.json`."""
        return f"{self.name}.schema.json"


KINDS: tuple[RecordKind, ...] = (
    RecordKind("claim", "claims", Claim),
    RecordKind("entity", "entities", Entity),
    RecordKind("source", "sources", Source),
)
"""Every kind, in the order pages and reports list them."""

BY_FOLDER = {kind.folder: kind for kind in KINDS}
BY_NAME = {kind.name: kind for kind in KINDS}

DOSSIER_FILE = "dossier.yml"
"""The dossier's settings and rating scale, at the top of the data folder."""
DOSSIER_SCHEMA_FILE = "dossier.schema.json"

SCHEMA_MODELS: dict[str, type[Record]] = {
    DOSSIER_SCHEMA_FILE: Dossier,
    **{kind.schema_file: kind.model for kind in KINDS},
}
"""JSON Schema file name → model, for every kind of file in the data folder."""

RECORD_SUFFIXES = (".yml", ".yaml")
"""Endings of record files; other files in a record folder are ignored."""

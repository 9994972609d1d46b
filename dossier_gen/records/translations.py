"""Translations of records: which original text each one covers, and whether it is current.

A translation names the original it was made from by a fingerprint (`original_digest`) of
the record's translatable text in the dossier's first language. When an editor changes that
text, the fingerprint no longer matches and the translation is out of date until a
translator updates it (and the fingerprint). Whitespace does not count, so re-wrapping a
paragraph in YAML changes nothing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Literal

from .models import Claim, Dossier, Entity, Rating, Source
from .translated import Translation

Translatable = Claim | Entity | Source | Rating | Dossier

Status = Literal["current", "out-of-date", "no-digest", "missing"]


def original_texts(record: Translatable) -> dict[str, str]:
    """Field path → the original text a translation of `record` may cover, whitespace
    collapsed. Quotes are included: their translations are shown beside them."""
    texts: dict[str, str | None] = {}
    if isinstance(record, Claim):
        texts = {
            "title": record.title,
            "claim_reviewed": record.claim_reviewed,
            "statement": record.statement.text,
            "summary": record.summary,
            "conclusion": record.conclusion,
            "analysis": record.analysis,
            "appearance_quote": record.appeared_in.quote if record.appeared_in else None,
        }
        for n, item in enumerate(record.evidence):
            texts[f"evidence[{n}].quote"] = item.quote
            texts[f"evidence[{n}].note"] = item.note
        for n, update in enumerate(record.updates):
            texts[f"updates[{n}].note"] = update.note
    elif isinstance(record, Entity):
        texts = {"description": record.description}
        if record.kind == "unnamed":
            texts["name"] = record.name
        for n, development in enumerate(record.developments):
            texts[f"developments[{n}].text"] = development.text
        for n, entity_update in enumerate(record.updates):
            texts[f"updates[{n}].note"] = entity_update.note
    elif isinstance(record, Source):
        texts = {"title": record.title, "reliability": record.reliability, "notes": record.notes}
    elif isinstance(record, Rating):
        texts = {"label": record.label, "definition": record.definition}
    else:
        texts = {"title": record.title, "description": record.description}
    return {path: " ".join(text.split()) for path, text in texts.items() if text}


def digest(record: Translatable) -> str:
    """The fingerprint of `record`'s translatable original text: 12 hexadecimal digits."""
    canonical = json.dumps(original_texts(record), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:12]


def translation(record: Translatable, language: str) -> Translation | None:
    found: Translation | None = record.translations.get(language)
    return found


def status(record: Translatable, language: str) -> Status:
    """Whether `record` has a translation into `language`, and whether it is current."""
    found = translation(record, language)
    if found is None:
        return "missing"
    if found.original_digest is None:
        return "no-digest"
    return "current" if found.original_digest == digest(record) else "out-of-date"


@dataclass(frozen=True)
class Coverage:
    """How much of one kind of record one language has."""

    total: int
    translated: list[str]
    """Ids of the records with a translation (current or not)."""
    out_of_date: list[str]
    missing: list[str]

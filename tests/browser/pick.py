"""Choose the pages a browser test visits from the records, rather than naming ids.

Each finder returns None when the catalog holds nothing suitable; the `choose` fixture then
falls back to the fixture dossier.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from dossier_gen import Catalog
from dossier_gen.rendering.indexes import build_indexes


def a_claim(catalog: Catalog) -> str | None:
    """The claim with the most evidence (its page shows the most), ties by id."""
    if not catalog.claims:
        return None
    return max(sorted(catalog.claims), key=lambda cid: len(catalog.claims[cid].model.evidence))


def a_claimant(catalog: Catalog) -> str | None:
    claim = a_claim(catalog)
    return catalog.claims[claim].model.claimant if claim else None


def a_cited_source(catalog: Catalog) -> str | None:
    uses = build_indexes(catalog).source_uses
    return max(sorted(uses), key=lambda sid: len(uses[sid])) if uses else None


@dataclass(frozen=True)
class Walk:
    """claim → its claimant → a source the claimant's page cites → a claim citing it."""

    claim: str
    entity: str
    source: str
    back_to: str


def a_walk(catalog: Catalog) -> Walk | None:
    uses = build_indexes(catalog).source_uses
    for cid in sorted(catalog.claims):
        eid = catalog.claims[cid].model.claimant
        entity = catalog.entities[eid].model
        cited = [c.source for c in entity.citations] + [d.source for d in entity.developments]
        for sid in cited:
            if uses.get(sid):
                return Walk(cid, eid, sid, uses[sid][0].claim_id)
    return None


def chinese_names(catalog: Catalog) -> list[tuple[str, str]] | None:
    """(entity id, native name) of every entity whose native name is in Han script."""
    found = [
        (eid, loaded.model.native_name)
        for eid, loaded in sorted(catalog.entities.items())
        if loaded.model.native_name
        and all(
            unicodedata.name(ch, "").startswith("CJK UNIFIED") for ch in loaded.model.native_name
        )
    ]
    return found or None


_WORD = re.compile(r"[A-Za-z]{5,}")


def _search_words(text: str) -> set[str]:
    """Words as the search index splits them: at spaces and hyphens, punctuation trimmed."""
    tokens = (t.strip(".,;:!?()\"'“”‘’") for t in re.split(r"[\s\-]+", text.lower()))
    return {t for t in tokens if _WORD.fullmatch(t)}


def a_rare_word(catalog: Catalog) -> tuple[str, str] | None:
    """(claim id, word) where the word of the claim's statement is in the fewest claims."""
    claim = a_claim(catalog)
    if claim is None:
        return None

    def text(cid: str) -> str:
        model = catalog.claims[cid].model
        return f"{model.title} {model.statement.text} {model.summary}".lower()

    words = sorted(_search_words(catalog.claims[claim].model.statement.text))
    if not words:
        return None
    rarest = min(words, key=lambda w: (sum(w in text(c) for c in catalog.claims), -len(w)))
    return claim, rarest


def pages_with(catalog: Catalog, text: str) -> list[str] | None:
    """Page paths (`entities/x.md`) of the records whose own text holds `text`, such as a
    Chinese word inside a longer quote."""
    found = []
    for folder, records in (
        ("claims", catalog.claims),
        ("entities", catalog.entities),
        ("sources", catalog.sources),
    ):
        found += [
            f"{folder}/{record_id}.md"
            for record_id, loaded in sorted(records.items())
            if text in loaded.model.model_dump_json()
        ]
    return found or None


def a_stemmed_word(catalog: Catalog) -> tuple[str, str] | None:
    """(claim id, query) where the query is the stem of a word of the claim's title
    (`defected` → `defect`) that no claim's text holds as a word of its own: only the
    search's handling of English word forms can find the claim by it."""
    words = set(
        re.findall(
            r"[a-z]+",
            " ".join(
                f"{c.model.title} {c.model.statement.text} {c.model.summary} {c.model.analysis}"
                for c in catalog.claims.values()
            ).lower(),
        )
    )
    for claim_id in sorted(catalog.claims):
        for word in re.findall(r"[a-z]{6,}ed\b", catalog.claims[claim_id].model.title.lower()):
            stem = word[:-2]
            if stem not in words:
                return claim_id, stem
    return None


PAGE_KINDS = ["home page", "claim page", "entity page", "source page", "claims index"]


def reader_pages(choose) -> list[tuple[object, str]]:
    """One page of each kind a reader lands on (`PAGE_KINDS`), as (site, page path)."""
    site, claim_id = choose(a_claim)
    _, entity_id = choose(a_claimant)
    _, source_id = choose(a_cited_source)
    return [
        (site, "index.md"),
        (site, f"claims/{claim_id}.md"),
        (site, f"entities/{entity_id}.md"),
        (site, f"sources/{source_id}.md"),
        (site, "claims/index.md"),
    ]

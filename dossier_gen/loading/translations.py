"""Check records' translations against the dossier's languages, and report what each
language has: problems that stop a build (a translation into a language the dossier does
not declare, one that does not say what it was translated from), warnings that do not (a
translation whose original has changed since), and per-language coverage for
`dossier validate`."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..problems import Problem
from ..records.kinds import KINDS
from ..records.translations import Coverage, Translatable, digest, status
from .catalog import Catalog, Loaded

Loc = tuple[str | int, ...]


def _translatables(
    dossier: Loaded[Any], records: Mapping[str, Mapping[str, Loaded[Any]]]
) -> Iterator[tuple[Loaded[Any], Loc, Translatable, str]]:
    """(file, where in it, record, what it is) of everything that can be translated."""
    yield dossier, (), dossier.model, "the dossier's title and description"
    for n, rating in enumerate(dossier.model.ratings):
        yield dossier, ("ratings", n), rating, f"rating {rating.id!r}"
    for kind in KINDS:
        for record_id, loaded in records[kind.folder].items():
            yield loaded, (), loaded.model, f"{kind.name} {record_id!r}"


def translation_problems(
    dossier: Loaded[Any], records: Mapping[str, Mapping[str, Loaded[Any]]]
) -> list[Problem]:
    """Problems that stop a build: a translation into a language the dossier does not
    publish, evidence translations beyond the evidence, a translation with no fingerprint
    of its original (the message gives the one to write)."""
    others = dossier.model.other_languages
    problems: list[Problem] = []

    def problem(loaded: Loaded[Any], loc: Loc, message: str, key: bool = False) -> None:
        line, col = loaded.where(*loc, key=key)
        problems.append(Problem(loaded.display_path, line, col, message))

    for loaded, where, record, _ in _translatables(dossier, records):
        for language, translated in record.translations.items():
            at = (*where, "translations", language)
            if language not in others and where == () and loaded is not dossier:
                declared = ", ".join(others) if others else "none besides its own"
                problem(
                    loaded,
                    at,
                    f"a translation into {language!r}, which is not one of the dossier's other"
                    f" languages ({declared}); add it to languages in dossier.yml or fix the tag",
                    key=True,
                )
                continue
            for field, what in (
                ("evidence", "evidence items"),
                ("updates", "updates"),
                ("developments", "developments"),
            ):
                given = getattr(translated, field, [])
                originals = getattr(record, field, [])
                if len(given) > len(originals):
                    problem(
                        loaded,
                        (*at, field, len(originals)),
                        f"{len(given)} {field} translations for {len(originals)} {what};"
                        f" they follow the order of {field}, one for each",
                    )
            if translated.original_digest is None:
                problem(
                    loaded,
                    at,
                    f"the {language} translation does not say which original it was made from;"
                    f" add  original_digest: {digest(record)}  (the fingerprint of the text as it"
                    " is now), so a later change to the original marks it out of date",
                    key=True,
                )
    return problems


def _records(catalog: Catalog) -> dict[str, Mapping[str, Loaded[Any]]]:
    return {"claims": catalog.claims, "entities": catalog.entities, "sources": catalog.sources}


def out_of_date(catalog: Catalog) -> list[Problem]:
    """A warning for each translation whose original changed since it was made."""
    warnings: list[Problem] = []
    for loaded, where, record, what in _translatables(catalog.dossier, _records(catalog)):
        for language, translated in record.translations.items():
            if status(record, language) != "out-of-date":
                continue
            line, col = loaded.where(*where, "translations", language, "original_digest")
            warnings.append(
                Problem(
                    loaded.display_path,
                    line,
                    col,
                    f"warning: the {language} translation of {what} is out of date: the"
                    f" original changed after it was translated on {translated.translated_on};"
                    f" update the translation, then set original_digest: {digest(record)}",
                )
            )
    return sorted(warnings)


def coverage(catalog: Catalog) -> dict[str, dict[str, Coverage]]:
    """Language → kind (`claims`, `entities`, `sources`, `ratings`) → its coverage, for
    each of the dossier's other languages."""
    dossier = catalog.dossier.model
    kinds: dict[str, Mapping[str, Translatable]] = {
        "ratings": {r.id: r for r in dossier.ratings},
        **{k: {i: rec.model for i, rec in v.items()} for k, v in _records(catalog).items()},
    }
    report: dict[str, dict[str, Coverage]] = {}
    for language in dossier.other_languages:
        report[language] = {}
        for kind, records in kinds.items():
            states = {record_id: status(record, language) for record_id, record in records.items()}
            report[language][kind] = Coverage(
                total=len(states),
                translated=[i for i, s in states.items() if s != "missing"],
                out_of_date=[i for i, s in states.items() if s == "out-of-date"],
                missing=[i for i, s in states.items() if s == "missing"],
            )
    return report

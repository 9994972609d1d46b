"""A dossier's editions, one a language: their hand-written pages, their generated pages and
files, and what `dossier validate` says of their translations.

`dossier render` writes the editions this builds; the MkDocs face builds each edition with
MkDocs instead (`mkdocs_editions.py`).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..loading.catalog import Catalog
from ..loading.translations import coverage
from ..problems import Problem
from ..rendering.i18n import LOCALE_DIR, has_interface, interface_languages
from ..rendering.localize import Edition, editions, notice, with_notice
from ..rendering.render import PageRenderer
from ..rendering.urls import HOME, edition_folder, edition_prefix
from .site import Site, build_site


def hand_written(docs_dir: Path) -> list[str]:
    """Every file in the pages folder, as a path within it."""
    if not docs_dir.is_dir():
        return []
    return sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*") if p.is_file())


def edition_pages(docs_dir: Path, folder: str, folders: set[str]) -> list[str]:
    """The hand-written pages of the edition in `folder` (`""` for the first language's),
    as paths within it: its own translations, and the first language's pages that it shows
    untranslated (`write.write_pages` copies those in with a notice)."""
    every = hand_written(docs_dir)
    first = [p for p in every if p.split("/")[0] not in folders]
    if not folder:
        return first
    own = {p.removeprefix(folder + "/") for p in every if p.startswith(folder + "/")}
    return sorted(own | set(first))


def build_editions(
    catalog: Catalog,
    template_dirs: Sequence[Path | str],
    docs_dir: Path,
    renderer: PageRenderer,
) -> dict[str, tuple[Edition, Site]]:
    """Every edition's site by folder (`""` for the first language's, `zh` ...). An edition
    whose home page is not translated shows the original's, with the notice."""
    dossier = catalog.dossier.model
    folders = {edition_prefix(dossier, lang).rstrip("/") for lang in dossier.languages} - {""}
    sites = {}
    for edition in editions(dossier):
        folder = edition_prefix(dossier, edition.language).rstrip("/")
        intro_file = docs_dir / folder / HOME
        state = "current"
        if not intro_file.is_file():
            intro_file, state = docs_dir / HOME, "missing"
        intro = intro_file.read_text(encoding="utf-8") if intro_file.is_file() else ""
        intro = with_notice(intro, notice(edition, state))
        sites[folder] = (
            edition,
            build_site(
                catalog,
                template_dirs,
                intro,
                doc_pages=edition_pages(docs_dir, folder, folders),
                renderer=renderer,
                language=edition.language,
                docs=docs_dir.as_posix(),
            ),
        )
    return sites


def interface_problems(catalog: Catalog) -> list[Problem]:
    """A declared language the interface has no catalog for (the build would stop)."""
    dossier = catalog.dossier
    problems = []
    for n, language in enumerate(dossier.model.languages):
        if not has_interface(language):
            line, col = dossier.where("languages", n)
            problems.append(
                Problem(
                    dossier.display_path,
                    line,
                    col,
                    f"dossier-gen's interface is not translated into {language!r} (it has"
                    f" {', '.join(interface_languages())}); add a catalog for it in"
                    f" {LOCALE_DIR.name}/ (make catalogs) or choose one of those",
                )
            )
    return problems


def translation_report(catalog: Catalog, docs_dir: Path) -> dict[str, dict[str, Any]]:
    """Language → kind (ratings, claims, entities, sources, pages) → counts and ids, for
    each of the dossier's other languages (none for a dossier in one language)."""
    dossier = catalog.dossier.model
    report: dict[str, dict[str, Any]] = {}
    folders = {edition_folder(lang, dossier.languages) for lang in dossier.other_languages}
    originals = (
        sorted(
            p.relative_to(docs_dir).as_posix()
            for p in docs_dir.rglob("*.md")
            if p.relative_to(docs_dir).parts[0] not in folders
        )
        if docs_dir.is_dir()
        else []
    )
    for language, kinds in coverage(catalog).items():
        report[language] = {
            kind: {
                "total": c.total,
                "translated": len(c.translated),
                "out_of_date": c.out_of_date,
                "missing": c.missing,
            }
            for kind, c in kinds.items()
        }
        folder = docs_dir / edition_folder(language, dossier.languages)
        missing = [page for page in originals if not (folder / page).is_file()]
        report[language]["pages"] = {
            "total": len(originals),
            "translated": len(originals) - len(missing),
            "out_of_date": [],
            "missing": missing,
        }
    return report

"""`dossier validate --publication`: whether a dossier is ready to be published.

The IFCN's principles ask a fact-checker to show who they are, how readers reach them, who
funds them, how they work and how they correct mistakes. A dossier is ready when:

- `dossier.yml` names the publisher and says how to reach them (`publisher.contact`) and who
  funds them (`publisher.funding`), and neither these nor `publisher.url` or `base_url` is a
  placeholder (`records.readiness`);
- the methodology page is there: `methodology.md` in the docs folder (`urls.METHODOLOGY`,
  the page the publisher's JSON-LD names as its principles and fact-checking policy);
- a page of the docs folder holds the corrections policy: a Markdown heading that says
  "Corrections policy" (`## Corrections policy`; `dossier init` puts it on the about page);
- no page of the docs folder still holds a placeholder mark ("placeholder", an example.org
  address and the like), so the notices `dossier init` writes must be replaced first.

Every problem has a `path:line:col` (a missing page: line 1 of the file to write).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..loading.catalog import Loaded
from ..loading.safefiles import UnsafeFile, read_regular_file
from ..problems import Problem, display, position_of
from ..records.models import Dossier
from ..records.readiness import missing, placeholder_marks, placeholders
from ..rendering import urls

CORRECTIONS_POLICY_HEADING = re.compile(
    r"^ {0,3}#{1,6}[ \t]+corrections?[ \t]+policy\b", re.I | re.M
)
"""A Markdown heading that opens the corrections policy, such as `## Corrections policy`."""
MAX_PAGE_BYTES = 1024 * 1024
"""A hand-written page is a few kilobytes; a larger one is a mistake."""


def publication_problems(dossier: Loaded[Dossier], docs_dir: Path) -> list[Problem]:
    """Everything that stops `dossier` and its pages in `docs_dir` from being published."""
    problems = _settings_problems(dossier)
    pages, found = _read_pages(docs_dir)
    problems += found
    for shown, text in pages.items():
        problems += [
            Problem(
                shown,
                *position_of(text, index),
                f"this page {why}; write the publisher's own text in its place before publishing",
            )
            for index, why in placeholder_marks(text)
        ]
    methodology = docs_dir / urls.METHODOLOGY
    if display(methodology) not in pages:
        problems.append(
            Problem(
                display(methodology),
                1,
                1,
                "missing: publishing needs a methodology page that says how claims are chosen,"
                " researched and rated (the IFCN's principles ask for one); write this page",
            )
        )
    if not any(CORRECTIONS_POLICY_HEADING.search(text) for text in pages.values()):
        problems.append(
            Problem(
                display(docs_dir / urls.ABOUT),
                1,
                1,
                "no page in the docs folder has a 'Corrections policy' heading: publishing needs"
                " a corrections policy (the IFCN's principles ask for one); add a section"
                " '## Corrections policy' to this page or another",
            )
        )
    return sorted(problems)


def _settings_problems(dossier: Loaded[Dossier]) -> list[Problem]:
    problems = [
        Problem(
            dossier.display_path,
            *dossier.where(*loc),
            f"{'.'.join(map(str, loc))} {why}; replace it before publishing",
        )
        for loc, why in placeholders(dossier.model)
    ]
    problems += [
        Problem(dossier.display_path, *dossier.where(*loc, key=True), why)
        for loc, why in missing(dossier.model)
    ]
    return problems


def _read_pages(docs_dir: Path) -> tuple[dict[str, str], list[Problem]]:
    """Every Markdown page under `docs_dir` (as MkDocs reads them: hidden names skipped), by
    its shown path; links and unreadable files are problems, as in the build."""
    pages: dict[str, str] = {}
    problems: list[Problem] = []
    if not docs_dir.is_dir():
        return pages, problems
    # The build stops on any link in the pages folder (`safefiles.docs_folder_problems`);
    # so does this check, and it never reads what a link points at.
    project = docs_dir.resolve().parent
    for path in sorted(docs_dir.rglob("*.md")):
        if any(part.startswith(".") for part in path.relative_to(docs_dir).parts):
            continue
        shown = display(path)
        if path.is_symlink():
            outside = not path.resolve().is_relative_to(project)
            problems.append(
                Problem(
                    shown,
                    1,
                    1,
                    "a symbolic link out of the project"
                    if outside
                    else "a symbolic link; the pages folder holds files only",
                )
            )
            continue
        try:
            data = read_regular_file(path, MAX_PAGE_BYTES)
        except UnsafeFile as error:
            problems.append(Problem(shown, 1, 1, f"cannot check this page: {error}"))
            continue
        try:
            pages[shown] = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            problems.append(
                Problem(shown, *position_of(data, error.start), "the page is not UTF-8 text")
            )
    return pages, problems

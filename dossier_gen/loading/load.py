"""Load and validate every record under `data/` into a `Catalog`, or report every problem.

Problems from all files are gathered in one run (reading, schema, cross-references) so an
editor fixes everything at once; a catalog is returned only when there are none.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..problems import DataError, Problem, display, position_of
from ..records.base import Record
from ..records.fields import is_slug
from ..records.kinds import DOSSIER_FILE, KINDS, RECORD_SUFFIXES
from ..records.models import Dossier
from .catalog import Catalog, Loaded
from .crossref import check_references
from .messages import validation_problems
from .safefiles import UnsafeFile, folder_problem, read_regular_file, reserved_id_problem
from .translations import translation_problems
from .yaml_loader import YamlProblem, parse_record, parse_values

M = TypeVar("M", bound=BaseModel)

MAX_FILE_BYTES = 256 * 1024
"""Records are a few kilobytes; a larger file is a mistake, and costly to parse."""


ReadResult = tuple["Loaded[Any] | None", list[Problem]]


def read_record(path: Path, model: type[M], data: bytes | None = None) -> ReadResult:
    """Read, parse and validate one file; `data` is its content when already read."""
    shown = display(path)
    try:
        data = read_regular_file(path, MAX_FILE_BYTES) if data is None else data
    except UnsafeFile as error:
        return None, [Problem(shown, 1, 1, str(error))]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, col = position_of(data, error.start)
        return None, [
            Problem(shown, line, col, "the file is not UTF-8 text; save it with UTF-8 encoding")
        ]
    return read_record_text(text, path, shown, model)


def read_record_text(
    text: str, path: Path, shown: str, model: type[M]
) -> tuple[Loaded[M] | None, list[Problem]]:
    """Parse and validate one record's text (such as a file at a git revision).

    `path` is where the record lives and `shown` how problems name it; positions are the
    text's own, so a problem points at the same line and column as in the file.
    """
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_FILE_BYTES:  # text from git has not been through read_regular_file
        return None, [
            Problem(
                shown,
                1,
                1,
                f"the file is {size:,} bytes; records may be at most {MAX_FILE_BYTES:,} bytes",
            )
        ]
    try:
        values = parse_values(text)
    except YamlProblem as problem:
        return None, [Problem(shown, problem.line, problem.col, problem.message)]
    try:
        record = model.model_validate(values)
    except ValidationError as error:
        return None, validation_problems(error, model, shown, parse_record(text)[1])
    return Loaded(record, path, shown, text), []


def _record_files(folder: Path) -> tuple[dict[str, Path], list[Problem]]:
    """Record files of one kind, by id; ids must be slugs and unique."""
    files: dict[str, Path] = {}
    folded: dict[str, Path] = {}
    problems: list[Problem] = []
    if (why := folder_problem(folder)) is not None:
        return files, [Problem(display(folder), 1, 1, why)]
    if not folder.is_dir():
        return files, problems
    try:
        entries = sorted(folder.iterdir())
    except OSError as error:
        return files, [Problem(display(folder), 1, 1, f"cannot read the folder: {error.strerror}")]
    for path in entries:
        if path.name.startswith(".") or path.suffix not in RECORD_SUFFIXES:
            continue
        record_id = path.stem
        if not is_slug(record_id):
            problems.append(
                Problem(
                    display(path),
                    1,
                    1,
                    f"file name {path.name!r} is not a valid id: rename it with lowercase letters,"
                    " digits and single hyphens, such as 'guo-wengui.yml'",
                )
            )
            continue
        if (why := reserved_id_problem(record_id)) is not None:
            problems.append(Problem(display(path), 1, 1, why))
            continue
        key = unicodedata.normalize("NFKC", record_id).casefold()
        if key in folded:
            problems.append(
                Problem(
                    display(path),
                    1,
                    1,
                    f"id {record_id!r} is already used by {display(folded[key])};"
                    " rename one of them",
                )
            )
            continue
        folded[key] = path
        files[record_id] = path
    return files, problems


MAX_RECORDS_PER_KIND = 50_000
"""Five times the largest dossier the benchmark builds (10,000 claims in about five minutes on
two cores): a larger one would not build inside a CI job's time."""
MAX_TAGS = 1_000
"""Distinct tags in a dossier: every tag gets a section of the tags page and of search."""


def _tag_count_problems(claims: dict[str, Loaded[Record]]) -> list[Problem]:
    """A problem at the claim that brings the dossier's distinct tags past `MAX_TAGS`."""
    seen: set[str] = set()
    for loaded in sorted(claims.values(), key=lambda r: r.display_path):
        for i, tag in enumerate(getattr(loaded.model, "tags", [])):
            seen.add(tag)
            if len(seen) > MAX_TAGS:
                line, col = loaded.where("tags", i)
                return [
                    Problem(
                        loaded.display_path,
                        line,
                        col,
                        f"tag {tag!r} would be the dossier's {len(seen):,}th; a dossier"
                        f" uses at most {MAX_TAGS:,} distinct tags: reuse an existing"
                        " one",
                    )
                ]
    return []


def read_serially(jobs: list[tuple[Path, type[Record]]]) -> list[ReadResult]:
    return [read_record(path, model) for path, model in jobs]


def load_catalog(
    data_dir: Path | str,
    read_many: Callable[[list[tuple[Path, type[Record]]]], list[ReadResult]] = read_serially,
) -> Catalog:
    """Load `data_dir`; raise `DataError` with every problem found, sorted.

    `read_many` reads a list of (file, model) in order: serially, in parallel, or from a
    cache (`parallel.py`, `cache.py`); each gives the same catalog and problems.
    """
    root = Path(data_dir)
    problems: list[Problem] = []
    dossier_path = root / DOSSIER_FILE
    dossier: Loaded[Dossier] | None = None
    if (why := folder_problem(root)) is not None:
        raise DataError([Problem(display(root), 1, 1, why)])
    if dossier_path.is_file() or dossier_path.is_symlink():
        dossier, found = read_record(dossier_path, Dossier)
        problems += found
    else:
        problems.append(
            Problem(display(dossier_path), 1, 1, "missing: every dossier needs data/dossier.yml")
        )

    kinds: dict[str, dict[str, Loaded[Record]]] = {}
    # Ids of every record file, valid or not: a reference to a record that has its own
    # problems is not also reported as a reference to a missing record.
    ids: dict[str, set[str]] = {}
    wanted: list[tuple[str, str, Path, type[Record]]] = []
    for kind in KINDS:
        files, found = _record_files(root / kind.folder)
        problems += found
        ids[kind.folder] = set(files)
        kinds[kind.folder] = {}
        if len(files) > MAX_RECORDS_PER_KIND:  # refused before any is parsed
            problems.append(
                Problem(
                    display(root / kind.folder),
                    1,
                    1,
                    f"{len(files):,} {kind.folder}; a dossier holds at most"
                    f" {MAX_RECORDS_PER_KIND:,} of each kind (split it into several dossiers)",
                )
            )
            continue
        wanted += [(kind.folder, record_id, path, kind.model) for record_id, path in files.items()]
    results = read_many([(path, model) for _, _, path, model in wanted])
    for (folder, record_id, _, _), (loaded, found) in zip(wanted, results, strict=True):
        problems += found
        if loaded is not None:
            kinds[folder][record_id] = loaded

    if dossier is not None:
        problems += check_references(
            dossier, kinds["claims"], kinds["entities"], kinds["sources"], ids
        )
        problems += translation_problems(dossier, kinds)
    problems += _tag_count_problems(kinds["claims"])
    if problems:
        raise DataError(problems)
    assert dossier is not None
    return Catalog.of(root, dossier, kinds)

"""`dossier import-claimreview`: read every input, check every new record, then write all or
nothing, never over an existing file.

The new records are first written into a copy of the data folder and the whole copy is loaded
and cross-checked as `dossier validate` would; only when that passes are the files created in
the real folder, each with exclusive creation, so a record that appeared meanwhile is never
replaced.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from ..loading.load import load_catalog
from ..problems import DataError, Problem, display
from ..records.kinds import BY_FOLDER
from .mapping import Plan, import_one
from .read import read_input


class ImportFailed(DataError):
    """The import found problems and wrote nothing."""

    def summary(self) -> str:
        return f"{len(self.problems)} problem(s) found; nothing was written."


def record_yaml(kind: str, record: dict[str, Any]) -> str:
    """A record as YAML in the style editors write: block style, Unicode as it is."""
    body = yaml.safe_dump(
        record, sort_keys=False, allow_unicode=True, width=92, default_flow_style=False
    )
    schema = BY_FOLDER[kind].schema_file
    return (
        f"# yaml-language-server: $schema=../../schema/{schema}\n"
        "# Imported from ClaimReview by `dossier import-claimreview`; check it before"
        " publishing.\n" + body
    )


def plan_import(paths: Sequence[Path], data_dir: Path) -> Plan:
    """Read every input and plan the new records; raise ImportFailed with every problem."""
    try:
        catalog = load_catalog(data_dir)
    except DataError as error:
        raise ImportFailed(error.problems) from None
    plan = Plan(catalog)
    problems: list[Problem] = []
    for path in paths:
        found, bad = read_input(path, display(path))
        problems += bad
        for review in found:
            problems += import_one(plan, review)
    if problems:
        raise ImportFailed(problems)
    return plan


def _files(plan: Plan) -> dict[Path, str]:
    """Path relative to the data folder → YAML text, for every new record."""
    out: dict[Path, str] = {}
    for kind in ("sources", "entities", "claims"):
        for record_id, record in getattr(plan, kind).items():
            out[Path(kind) / f"{record_id}.yml"] = record_yaml(kind, record)
    return out


def _check_in_copy(plan: Plan, files: dict[Path, str], data_dir: Path) -> None:
    """Load the data folder with the new files added, exactly as `dossier validate` would."""
    with tempfile.TemporaryDirectory(prefix="dossier-import-") as tmp:
        copy = Path(tmp) / "data"
        shutil.copytree(data_dir, copy)
        for relative, text in files.items():
            (copy / relative).parent.mkdir(parents=True, exist_ok=True)
            (copy / relative).write_text(text, encoding="utf-8")
        try:
            load_catalog(copy)
        except DataError as error:
            problems = []
            for problem in error.problems:
                relative = Path(problem.path).resolve().relative_to(copy.resolve())
                kind, record_id = relative.parts[0], relative.stem
                found = plan.origin.get((kind, record_id))
                message = f"the {kind[:-1]} record it would make is invalid: {problem.message}"
                problems.append(
                    found.problem(message)
                    if found
                    else Problem(
                        display(data_dir / relative), problem.line, problem.col, problem.message
                    )
                )
            raise ImportFailed(problems) from None


def run_import(paths: Sequence[Path], data_dir: Path, *, dry_run: bool = False) -> list[Path]:
    """Import every ClaimReview in `paths` into `data_dir`; return the files written (or that
    would be written). Raise ImportFailed, having written nothing, on any problem."""
    plan = plan_import(paths, data_dir)
    files = _files(plan)
    _check_in_copy(plan, files, data_dir)
    targets = [data_dir / relative for relative in files]
    if dry_run:
        return targets
    written: list[Path] = []
    try:
        for relative, text in files.items():
            target = data_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("x", encoding="utf-8") as handle:  # "x": never overwrite
                written.append(target)
                handle.write(text)
    except FileExistsError as error:
        for path in written:
            path.unlink(missing_ok=True)
        raise ImportFailed(
            [
                Problem(
                    display(Path(error.filename)),
                    1,
                    1,
                    "this file appeared during the import; nothing was written",
                )
            ]
        ) from None
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return targets

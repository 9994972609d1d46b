"""`dossier import-claimreview`: read every input, check every new or changed record, then
write all or nothing.

The records are first written into a copy of the data folder and the whole copy is loaded and
cross-checked as `dossier validate` would; only when that passes are the files written in the
real folder: new ones with exclusive creation, so a record that appeared meanwhile is never
replaced, and changed ones (a review updated since it was imported) only if the file is still
as it was read. On any failure the files already written are taken back.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..loading.load import load_catalog
from ..problems import DataError, Problem, display
from ..records.kinds import BY_FOLDER
from .mapping import Outcome, Plan, import_one, kind_name
from .read import input_files, read_input

STATUSES = ("new", "updated", "unchanged", "refused")


def counts_line(outcomes: Sequence[Outcome], inputs_refused: int = 0) -> str:
    """`2 new, 1 updated, 3 unchanged, 0 refused`: what became of the reviews (an input
    that could not be read at all counts as one refused)."""
    counts: Counter[str] = Counter(outcome.status for outcome in outcomes)
    counts["refused"] += inputs_refused
    return ", ".join(f"{counts[status]} {status}" for status in STATUSES)


class ImportFailed(DataError):
    """The import found problems and wrote nothing."""

    def __init__(
        self,
        problems: list[Problem],
        outcomes: Sequence[Outcome] = (),
        warnings: Sequence[Problem] = (),
        inputs_refused: int = 0,
    ) -> None:
        self.outcomes = list(outcomes)
        self.warnings = sorted(warnings)
        self.inputs_refused = inputs_refused
        super().__init__(problems)

    def summary(self) -> str:
        count = len(self.problems)
        return (
            f"{counts_line(self.outcomes, self.inputs_refused)}; {count}"
            f" problem{'s' if count != 1 else ''} found, so nothing was written."
        )


class BadMapping(ValueError):
    """A `--map` that names no rating of the scale: wrong usage, not bad data."""


@dataclass
class Imported:
    """What an import wrote (or, on a dry run, would write) and what became of each review."""

    created: list[Path] = field(default_factory=list)
    updated: list[Path] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def summary(self) -> str:
        return counts_line(self.outcomes)


def record_yaml(kind: str, record: dict[str, Any], header: str | None = None) -> str:
    """A record as YAML in the style editors write: block style, Unicode as it is, under
    `header` (the comment lines a changed record had) or the importer's own."""
    body = yaml.safe_dump(
        record, sort_keys=False, allow_unicode=True, width=92, default_flow_style=False
    )
    if header is None:
        schema = BY_FOLDER[kind].schema_file
        header = (
            f"# yaml-language-server: $schema=../../schema/{schema}\n"
            "# Imported from ClaimReview by `dossier import-claimreview`; check it before"
            " publishing.\n"
        )
    return header + body


def _header(text: str) -> str:
    """The comment lines at the top of a record's file."""
    lines = []
    for line in text.splitlines(keepends=True):
        if not line.startswith("#"):
            break
        lines.append(line)
    return "".join(lines)


def plan_import(
    paths: Sequence[Path], data_dir: Path, aliases: Mapping[str, str] | None = None
) -> tuple[Plan, list[Problem]]:
    """Read every input and plan the new and changed records, with the warnings about parts
    of inputs skipped; raise ImportFailed with every problem."""
    try:
        catalog = load_catalog(data_dir)
    except DataError as error:
        raise ImportFailed(error.problems) from None
    scale = catalog.dossier.model.scale
    for label, rating_id in (aliases or {}).items():
        if rating_id not in scale:
            raise BadMapping(
                f"--map {label}={rating_id}: {rating_id!r} is not a rating id of"
                f" {catalog.dossier.display_path}; use one of {', '.join(scale.ids)}"
            )
    plan = Plan(catalog, dict(aliases or {}))
    files, problems = input_files(paths)
    inputs_refused = len(problems)
    warnings: list[Problem] = []
    for path in files:
        got = read_input(path, display(path))
        problems += got.problems
        warnings += got.warnings
        inputs_refused += bool(got.problems)
        for review in got.found:
            problems += import_one(plan, review)
    if problems:
        raise ImportFailed(problems, plan.outcomes, warnings, inputs_refused)
    return plan, warnings


def _files(plan: Plan) -> tuple[dict[Path, str], dict[Path, str]]:
    """(new, changed): path relative to the data folder → YAML text."""
    new: dict[Path, str] = {}
    for kind in ("sources", "entities", "claims"):
        for record_id, record in getattr(plan, kind).items():
            new[Path(kind) / f"{record_id}.yml"] = record_yaml(kind, record)
    changed: dict[Path, str] = {}
    for claim_id, record in plan.updated.items():
        loaded = plan.catalog.claims[claim_id]
        relative = loaded.path.relative_to(plan.catalog.root)
        changed[relative] = record_yaml("claims", record, _header(loaded.text) or None)
    return new, changed


def _check_in_copy(plan: Plan, files: dict[Path, str], data_dir: Path) -> None:
    """Load the data folder with the new and changed files, exactly as `dossier validate`
    would; a problem is reported at the place in the input the record came from."""
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
                verb = "update" if record_id in plan.updated else "make"
                message = (
                    f"the {kind_name(kind) if kind in BY_FOLDER else kind} record it would"
                    f" {verb} is invalid: {problem.message}"
                )
                problems.append(
                    found.problem(message)
                    if found
                    else Problem(
                        display(data_dir / relative), problem.line, problem.col, problem.message
                    )
                )
            raise ImportFailed(problems, plan.outcomes) from None


class _Changed(Exception):
    """A file to update changed on disk after it was read."""

    def __init__(self, path: Path) -> None:
        self.path = path


def run_import(
    paths: Sequence[Path],
    data_dir: Path,
    *,
    dry_run: bool = False,
    aliases: Mapping[str, str] | None = None,
) -> Imported:
    """Import every ClaimReview in `paths` (files, or folders of them) into `data_dir`.
    Raise ImportFailed, having written nothing, on any problem; BadMapping for an alias that
    names no rating."""
    plan, warnings = plan_import(paths, data_dir, aliases)
    new, changed = _files(plan)
    if new or changed:
        _check_in_copy(plan, {**new, **changed}, data_dir)
    result = Imported(
        [data_dir / relative for relative in new],
        [data_dir / relative for relative in changed],
        plan.outcomes,
        warnings,
    )
    if not dry_run:
        _write(plan, new, changed, data_dir)
    return result


def _write(plan: Plan, new: dict[Path, str], changed: dict[Path, str], data_dir: Path) -> None:
    created: list[Path] = []
    replaced: list[tuple[Path, bytes]] = []
    target = data_dir

    def undo() -> None:
        for path in created:
            path.unlink(missing_ok=True)
        for path, before in replaced:
            path.write_bytes(before)

    try:
        for relative, text in new.items():
            target = data_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("x", encoding="utf-8") as handle:  # "x": never overwrite
                created.append(target)
                handle.write(text)
        originals = {
            loaded.path.relative_to(plan.catalog.root): loaded.text
            for cid, loaded in plan.catalog.claims.items()
            if cid in plan.updated
        }
        for relative, text in changed.items():
            target = data_dir / relative
            before = target.read_bytes()
            if before.decode("utf-8-sig", errors="replace") != originals[relative]:
                raise _Changed(target)
            # Written beside it and renamed over it, so the file is never half written.
            staged = target.with_name(f".{target.name}.importing")
            try:
                staged.write_text(text, encoding="utf-8")
                os.replace(staged, target)
            finally:
                staged.unlink(missing_ok=True)
            replaced.append((target, before))
    except FileExistsError:
        undo()
        raise ImportFailed(
            [Problem(display(target), 1, 1, "this file appeared during the import")],
            plan.outcomes,
        ) from None
    except _Changed as error:
        undo()
        raise ImportFailed(
            [Problem(display(error.path), 1, 1, "this file changed during the import")],
            plan.outcomes,
        ) from None
    except OSError as error:
        undo()
        raise ImportFailed(
            [Problem(display(target), 1, 1, f"cannot write the file: {error.strerror}")],
            plan.outcomes,
        ) from None
    except BaseException:
        undo()
        raise

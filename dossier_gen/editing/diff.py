"""`dossier diff`: what a change does to the published dossier, as Markdown for a reviewer.

Both sides are read with the same loader as `dossier validate` (one revision through git,
the other from git or the working tree) and compared claim by claim: claims added and
removed, rating changes with the update that explains them, evidence added and removed,
changed verdict summaries, and which other fields were edited. A rating that changes without
a new dated `rating-change` update naming the previous rating is reported as a problem.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..loading.catalog import Loaded
from ..loading.load import read_record, read_record_text
from ..problems import Problem
from ..records.kinds import DOSSIER_FILE, RECORD_SUFFIXES
from ..records.models import Claim, Dossier, Evidence
from ..rendering.escape import gfm_text
from .gitread import GitError, files_at, resolve, toplevel


@dataclass
class Snapshot:
    """The claims and rating scale of a dossier at one revision (or in the working tree)."""

    label: str
    claims: dict[str, Loaded[Claim]] = field(default_factory=dict)
    files: set[str] = field(default_factory=set)
    """Ids of every claim file, including those that could not be read."""
    dossier: Dossier | None = None
    problems: list[Problem] = field(default_factory=list)


def worktree_snapshot(data_dir: Path) -> Snapshot:
    snap = Snapshot("the working tree")
    if (data_dir / DOSSIER_FILE).is_file():
        loaded, snap.problems = read_record(data_dir / DOSSIER_FILE, Dossier)
        snap.dossier = loaded.model if loaded else None
    folder = data_dir / "claims"
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        if path.suffix in RECORD_SUFFIXES and not path.name.startswith("."):
            _add_claim(snap, path.stem, *read_record(path, Claim))
    return snap


def revision_snapshot(rev: str, data_dir: Path) -> Snapshot:
    """The dossier at git revision `rev`; GitError if `rev` names no commit."""
    cwd = Path.cwd()
    commit = resolve(rev, cwd)
    root = toplevel(cwd)
    try:
        in_repo = data_dir.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        raise GitError(f"{data_dir} is not inside the git repository at {root}") from None
    snap = Snapshot(gfm_text(rev if commit.startswith(rev) else f"{rev} ({commit[:7]})"))
    files = files_at(commit, [f"{in_repo}/{DOSSIER_FILE}", f"{in_repo}/claims"], root)
    for repo_path, data in sorted(files.items()):
        path = Path(repo_path)
        shown = f"{rev}:{repo_path}"
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            snap.problems.append(Problem(shown, 1, 1, "the file is not UTF-8 text"))
            continue
        if path.name == DOSSIER_FILE and path.parent.as_posix() == in_repo:
            loaded, found = read_record_text(text, path, shown, Dossier)
            snap.dossier = loaded.model if loaded else None
            snap.problems += found
        elif path.suffix in RECORD_SUFFIXES and path.parent.as_posix() == f"{in_repo}/claims":
            _add_claim(snap, path.stem, *read_record_text(text, path, shown, Claim))
    return snap


def _add_claim(
    snap: Snapshot, claim_id: str, loaded: Loaded[Claim] | None, problems: list[Problem]
) -> None:
    snap.problems += problems
    snap.files.add(claim_id)
    if loaded is not None:
        snap.claims[claim_id] = loaded


# --- comparing ---------------------------------------------------------------------------


@dataclass
class Report:
    markdown: str
    problems: list[Problem]


def compare(base: Snapshot, head: Snapshot) -> Report:
    scale = head.dossier or base.dossier
    labels = {r.id: r.label for r in scale.ratings} if scale else {}

    def rating(rating_id: str) -> str:
        return f"**{gfm_text(labels.get(rating_id, rating_id))}**"

    def name(claim_id: str, claim: Claim) -> str:
        return f"**{gfm_text(claim.title)}** ({gfm_text(claim_id)})"

    # A claim whose file cannot be read on one side is neither added nor removed: its
    # problem is reported instead.
    added = sorted(set(head.claims) - base.files)
    removed = sorted(set(base.claims) - head.files)
    kept = sorted(set(base.claims) & set(head.claims))
    problems = [*head.problems, *base.problems]
    sections: dict[str, list[str]] = {
        "Claims added": [],
        "Claims removed": [],
        "Rating changes": [],
        "Evidence": [],
        "Verdict summaries changed": [],
        "Other edits": [],
    }
    for cid in added:
        claim = head.claims[cid].model
        count = len(claim.evidence)
        # A reviewer should know the claim is not tied to where it was made.
        unplaced = (
            ""
            if claim.appeared_in
            else f" Where it appeared is not given by {gfm_text(claim.appearance_source)}."
        )
        sections["Claims added"].append(
            f"- {name(cid, claim)}: rated {rating(claim.rating)}, with {count or 'no'}"
            f" evidence item{'s' if count != 1 else ''}.{unplaced}"
        )
    for cid in removed:
        claim = base.claims[cid].model
        sections["Claims removed"].append(f"- {name(cid, claim)}, rated {rating(claim.rating)}.")

    for cid in kept:
        old, new = base.claims[cid].model, head.claims[cid].model
        title = name(cid, new)
        if old.rating != new.rating:
            explained = [
                u
                for u in new.updates
                if u not in old.updates
                and u.kind == "rating-change"
                and u.previous_rating == old.rating
            ]
            line = f"- {title}: {rating(old.rating)} → {rating(new.rating)}."
            if explained:
                update = explained[-1]
                line += f" Update of {update.date}: {gfm_text(update.note)}"
            else:
                line += " **No dated update explains this change.**"
                where = head.claims[cid].where("rating")
                problems.append(
                    Problem(
                        head.claims[cid].display_path,
                        *where,
                        f"the rating changed from {old.rating!r} to {new.rating!r} without a new"
                        f" dated update explaining it: add under `updates` an item with today's"
                        f" date, kind: rating-change, previous_rating: {old.rating} and a note"
                        " saying why",
                    )
                )
            sections["Rating changes"].append(line)
        evidence = _evidence_changes(old.evidence, new.evidence)
        if evidence:
            sections["Evidence"] += [f"- {title}", *evidence]
        if old.summary != new.summary:
            sections["Verdict summaries changed"] += [
                f"- {title}",
                f"  - before: {gfm_text(old.summary)}",
                f"  - after: {gfm_text(new.summary)}",
            ]
        shown = {"rating", "evidence", "summary"}
        edited = [
            f for f in Claim.model_fields if f not in shown and getattr(old, f) != getattr(new, f)
        ]
        if edited:
            sections["Other edits"].append(f"- {title}: {gfm_text(', '.join(edited))}")

    lines = [f"## Changes to the dossier's claims: {base.label} → {head.label}", ""]
    filled = {heading: body for heading, body in sections.items() if body}
    if not filled:
        lines.append("No change to the published claims.")
    for heading, body in filled.items():
        lines += [f"### {heading}", "", *body, ""]
    if problems:
        lines += ["### Problems", ""]
        lines += [f"- {gfm_text(p)}" for p in sorted(problems)]
    return Report("\n".join(lines).rstrip() + "\n", sorted(problems))


def _evidence_changes(old: list[Evidence], new: list[Evidence]) -> list[str]:
    before, after = Counter(old), Counter(new)
    out = []
    for verb, items in (("added", after - before), ("removed", before - after)):
        for item in items.elements():
            out.append(
                f"  - {verb}: {item.stance}, {gfm_text(item.source)} ({gfm_text(item.locator)}):"
                f" “{gfm_text(item.quote)}”"
            )
    return out


def diff_dossier(base_rev: str, head_rev: str | None, data_dir: Path) -> Report:
    """Compare `data_dir` at `base_rev` with `head_rev`, or with the working tree if None."""
    base = revision_snapshot(base_rev, data_dir)
    head = revision_snapshot(head_rev, data_dir) if head_rev else worktree_snapshot(data_dir)
    return compare(base, head)

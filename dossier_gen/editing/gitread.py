"""Read files as they stood at a git revision, through git's plumbing commands.

Two processes per revision whatever the number of files: `git ls-tree` lists the blobs and
one `git cat-file --batch` reads them all, so a dossier of hundreds of records stays quick.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


class GitError(Exception):
    """git failed, or the revision does not exist; the message says which."""


def _git(args: list[str], cwd: Path, stdin: bytes | None = None) -> bytes:
    try:
        result = subprocess.run(
            ["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False
        )
    except FileNotFoundError:
        raise GitError("git is not installed; install it to compare revisions") from None
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", "replace").strip()
        raise GitError(f"git {' '.join(args[:2])} failed: {detail}")
    return result.stdout


def toplevel(cwd: Path) -> Path:
    """The root of the work tree that holds `cwd`."""
    return Path(_git(["rev-parse", "--show-toplevel"], cwd).decode().strip())


def resolve(rev: str, cwd: Path) -> str:
    """The commit id `rev` names, or GitError saying it names none."""
    if rev.startswith("-"):
        raise GitError(f"{rev!r} is not a revision")
    try:
        return _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], cwd).decode().strip()
    except GitError:
        raise GitError(
            f"{rev!r} is not a commit in this repository (for a pull request's"
            " base, fetch the whole history: actions/checkout's fetch-depth: 0)"
        ) from None


def files_at(commit: str, paths: list[str], cwd: Path) -> dict[str, bytes]:
    """Repository path → content of every file at `commit` under `paths` (root-relative)."""
    listing = _git(["ls-tree", "-r", "-z", "--full-tree", commit, "--", *paths], cwd)
    blobs: list[tuple[str, str]] = []
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, name = entry.split(b"\t", 1)
        _mode, kind, sha = meta.decode().split()
        if kind == "blob":
            blobs.append((name.decode("utf-8", "surrogateescape"), sha))
    if not blobs:
        return {}
    out = _git(["cat-file", "--batch"], cwd, "".join(f"{sha}\n" for _, sha in blobs).encode())
    contents: dict[str, bytes] = {}
    offset = 0
    for path, _sha in blobs:
        header_end = out.index(b"\n", offset)
        size = int(out[offset:header_end].split()[2])
        start = header_end + 1
        contents[path] = out[start : start + size]
        offset = start + size + 1  # each object is followed by a newline
    return contents

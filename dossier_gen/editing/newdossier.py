"""`dossier init`: a complete new dossier repository, ready to build and to replace.

The repository is the folder `skeleton/` beside this module, shipped inside the package:
settings (`mkdocs.yml`, pinned `requirements.txt`), an invented example dossier in `data/`
(with example.org addresses and a name in Chinese, so a new site's Chinese search can be
tried at once), hand-written pages in `docs/` whose placeholders are marked, the GitHub
workflows, a pre-commit configuration, `.gitignore` and a README. The JSON Schema files the
records point editors at are generated from the models, so they never drift.

A top-level name starting `dot-` is written with a dot (`dot-github/` → `.github/`): inside
the package, a `.gitignore` would apply to this repository and hidden names are easy to
leave out of a wheel.
"""

from __future__ import annotations

from pathlib import Path

from ..records.schema import schema_texts

SKELETON = Path(__file__).parent / "skeleton"
DOT_PREFIX = "dot-"
VERSION_TOKEN = "@DOSSIER_GEN_VERSION@"
"""Replaced in `requirements.txt` by the version of dossier-gen that writes the dossier."""
ALLOWED_BEFORE = frozenset({".git"})
"""What a folder may already hold: an empty `git init` or `git clone` of a new repository."""
SCHEMA_DIR = "schema"


class FolderNotEmpty(Exception):
    """The target holds files already; nothing was written."""


def skeleton_files() -> dict[str, Path]:
    """Path in the new repository (POSIX, with its dots) → the file in the package."""
    files: dict[str, Path] = {}
    for path in sorted(SKELETON.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        parts = list(path.relative_to(SKELETON).parts)
        if parts[0].startswith(DOT_PREFIX):
            parts[0] = "." + parts[0].removeprefix(DOT_PREFIX)
        files["/".join(parts)] = path
    return files


def new_dossier_files(version: str) -> dict[str, bytes]:
    """Every file of a new dossier repository, by its path there."""
    written: dict[str, bytes] = {}
    for name, source in skeleton_files().items():
        data = source.read_bytes()
        if name == "requirements.txt":
            data = data.replace(VERSION_TOKEN.encode(), version.encode())
        written[name] = data
    for name, text in schema_texts().items():
        written[f"{SCHEMA_DIR}/{name}"] = text.encode("utf-8")
    return dict(sorted(written.items()))


def write_new_dossier(target: Path, version: str) -> list[Path]:
    """Write a new dossier repository into `target` (new, or empty but for `.git`).

    Raises `FolderNotEmpty` (and writes nothing) when `target` holds anything else, and
    `NotADirectoryError` when it is a file. Files are created exclusively, so even a file
    that appears while writing is never overwritten.
    """
    if target.exists() and not target.is_dir():
        raise NotADirectoryError(str(target))
    if target.is_dir():
        present = sorted(p.name for p in target.iterdir() if p.name not in ALLOWED_BEFORE)
        if present:
            raise FolderNotEmpty(", ".join(present[:5]) + (", …" if len(present) > 5 else ""))
    written: list[Path] = []
    for name, data in new_dossier_files(version).items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("xb") as handle:
            handle.write(data)
        written.append(path)
    return written

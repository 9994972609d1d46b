"""Write rendered pages to a folder, and swap a finished build into place whole.

A build is made in a fresh sibling folder and only moved over the old one once it has
succeeded, so a failed validation or build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from ..loading.safefiles import docs_folder_problems
from ..problems import DataError
from ..rendering.localize import Edition, notice, with_notice
from .site import Site


def write_pages(
    site: Site,
    out_dir: Path,
    docs_dir: Path | None = None,
    editions: dict[str, tuple[Edition, Site]] | None = None,
) -> None:
    """Write a complete docs folder: the hand-written pages, then the generated pages and
    data files (the open-data exports). `editions` are the other languages' editions by
    folder (`zh`): each goes into its folder, with the translations of the hand-written
    pages that `docs_dir` holds there, and the others in the original with a notice."""
    if docs_dir is not None:
        check_docs_folder(docs_dir)
    editions = editions or {}
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        if docs_dir is not None and docs_dir.is_dir():
            shutil.copytree(docs_dir, staging, dirs_exist_ok=True, symlinks=True)
        _write_site(site, staging)
        for folder, (edition, edition_site) in editions.items():
            if docs_dir is not None and docs_dir.is_dir():
                for page in sorted(docs_dir.rglob("*.md")):
                    path = page.relative_to(docs_dir)
                    if path.parts[0] in editions or (docs_dir / folder / path).exists():
                        continue
                    target = staging / folder / path
                    target.parent.mkdir(parents=True, exist_ok=True)
                    original = page.read_text(encoding="utf-8")
                    target.write_text(
                        with_notice(original, notice(edition, "missing")), encoding="utf-8"
                    )
            _write_site(edition_site, staging / folder)
        replace_dir(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _write_site(site: Site, folder: Path) -> None:
    for path, page in site.pages.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.read(), encoding="utf-8")
    for path, content in site.files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def check_docs_folder(docs_dir: Path) -> None:
    """Raise DataError if the pages folder holds a link out of the project (its parent)."""
    problems = docs_folder_problems(docs_dir, docs_dir.resolve().parent)
    if problems:
        raise DataError(problems)


def last_commit_epoch(project: Path) -> str | None:
    """The last commit's time (seconds since 1970) in `project`'s git repository, if any."""
    try:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct"],
            cwd=project or ".",
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    stamp = result.stdout.strip()
    return stamp if result.returncode == 0 and stamp.isdigit() else None


def new_build_dir(target: Path) -> Path:
    """An empty folder beside `target` (same file system, so the final move is a rename).

    Staging folders that a killed build left behind (`.site.new.*`, `.site.old.*`) are
    removed first: one site folder is built by one build at a time.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in stale_build_dirs(target):
        shutil.rmtree(stale, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f".{target.name}.new.", dir=target.parent))


def stale_build_dirs(target: Path) -> list[Path]:
    """Staging folders of earlier builds of `target` that never finished."""
    return sorted(
        path
        for pattern in (f".{target.name}.new.*", f".{target.name}.old.*")
        for path in target.parent.glob(pattern)
        if path.is_dir() and not path.is_symlink()
    )


def replace_dir(new: Path, target: Path) -> None:
    """Move `new` to `target`, replacing what was there only once `new` is complete."""
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
        target.rename(old / target.name)
        new.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        new.rename(target)

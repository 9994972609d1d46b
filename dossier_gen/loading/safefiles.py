"""What the build may read: regular files inside the repository, never a link out of it.

Records arrive in pull requests. A symbolic link committed as `data/claims/x.yml` or
`docs/env.md` would make the build read, and publish, whatever it points at on the build
machine (`/proc/self/environ`, `~/.ssh/...`); a FIFO would hang it. Records are therefore
opened without following links and must be regular files, and the hand-written pages folder
may hold no link that leads outside the project.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..problems import Problem, display

RESERVED_IDS = frozenset(
    {"index"}  # claims/index.md and its siblings are the list pages
    # Names Windows cannot check out, so an editor there could not fix the record.
    | {"con", "prn", "aux", "nul"}
    | {f"{device}{n}" for device in ("com", "lpt") for n in range(1, 10)}
)


class UnsafeFile(Exception):
    """A file the build refuses to read; the message says what to do."""


def reserved_id_problem(record_id: str) -> str | None:
    if record_id == "index":
        return (
            "'index' is a reserved name: the page would replace the list page of its"
            " folder; choose another file name"
        )
    if record_id in RESERVED_IDS:
        return (
            f"{record_id!r} is a reserved device name on Windows, where the file could not"
            " be checked out; choose another file name"
        )
    return None


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of `path`, refusing links and anything but a regular file of at most `limit`."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        info = os.lstat(path)
        if stat.S_ISLNK(info.st_mode):
            raise UnsafeFile(
                "the file is a symbolic link; a record must be a regular file in"
                " the repository: replace the link with the file itself"
            )
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFile("this is not a regular file; a record must be an ordinary file")
        fd = os.open(path, flags)
    except OSError as error:
        raise UnsafeFile(f"cannot read the file: {error.strerror}") from None
    with os.fdopen(fd, "rb") as handle:
        # Checked again on the open file: the path may have been swapped since lstat.
        opened = os.fstat(handle.fileno())
        if not stat.S_ISREG(opened.st_mode):
            raise UnsafeFile("this is not a regular file; a record must be an ordinary file")
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise UnsafeFile(
            f"the file is {max(opened.st_size, len(data)):,} bytes; records may"
            f" be at most {limit:,} bytes"
        )
    return data


def folder_problem(folder: Path) -> str | None:
    """Why a record folder (`data/claims`) may not be read, if it may not."""
    if folder.is_symlink():
        return (
            "the folder is a symbolic link; keep the records in the repository itself"
            " and replace the link with a folder"
        )
    return None


def symlinks_in(folder: Path, root: Path) -> list[tuple[Path, str]]:
    """Every symbolic link under `folder` (and `folder` itself, if it is one), with why it is
    refused: a link out of `root` would publish what it points at on the build machine, and
    one inside it, such as `docs/dotgit -> ../.git`, what the repository holds unpublished."""
    found: list[tuple[Path, str]] = []
    root = root.resolve()
    if folder.is_symlink():
        return [
            (
                folder,
                "the pages folder is a symbolic link; keep the pages in the repository"
                " itself and replace the link with a folder",
            )
        ]
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        for name in sorted(dirnames + filenames):
            path = Path(dirpath) / name
            if not path.is_symlink():
                continue
            target = path.resolve()
            if not target.is_relative_to(root):
                why = (
                    f"a symbolic link to {os.readlink(path)!r}, outside the project; the"
                    " build reads nothing outside the repository: replace the link with"
                    " the file itself"
                )
            else:
                why = (
                    f"a symbolic link to {os.readlink(path)!r}; the pages folder holds"
                    " files only, since a link publishes whatever it points at: replace"
                    " the link with the file itself"
                )
            found.append((path, why))
    return found


def docs_folder_problems(docs_dir: Path, project: Path) -> list[Problem]:
    """Problems with the hand-written pages folder: any symbolic link in it, or itself."""
    return [Problem(display(path), 1, 1, why) for path, why in symlinks_in(docs_dir, project)]

"""Text files read and written exactly: UTF-8, no newline translation.

Why: a page set aside on disk must come back as it was; Python's default reading turns a
carriage return (which data may hold) into a line break.

A large build sets aside many texts (each page's Markdown, then its HTML) in a scratch
folder. One file a text cost a 10,000-claim build some 3 s of creating, opening and removing
26,000 files; `Shelf` keeps many texts in one file and each is read back by its place.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


def read_exact(path: Path | str) -> str:
    with open(path, encoding="utf-8", newline="") as text:
        return text.read()


def write_exact(path: Path | str, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(text)


@dataclass(frozen=True)
class Shelved:
    """A text kept in a shelf file: where its UTF-8 bytes start and how many there are."""

    path: Path
    offset: int
    length: int

    def read(self) -> str:
        """The text, exactly as it was shelved."""
        fd = os.open(self.path, os.O_RDONLY)
        try:
            data = os.pread(fd, self.length, self.offset)
        finally:
            os.close(fd)
        if len(data) != self.length:
            raise OSError(f"{self.path} was cut short: a shelved text is missing")
        return data.decode("utf-8")


class Shelf:
    """A shelf file open for adding texts to its end, in order (made if need be). The texts
    can be read back once it is closed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file = open(path, "ab")  # noqa: SIM115 -- closed by close() or the with block
        self._offset = self._file.tell()

    def add(self, text: str) -> Shelved:
        data = text.encode("utf-8")
        self._file.write(data)
        shelved = Shelved(self.path, self._offset, len(data))
        self._offset += len(data)
        return shelved

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Shelf:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def shelve(path: Path, texts: Iterable[str]) -> list[Shelved]:
    """Add `texts` to the end of the file at `path` (made if need be), each to be read back
    exactly by the `Shelved` given for it, in order."""
    with Shelf(path) as shelf:
        return [shelf.add(text) for text in texts]

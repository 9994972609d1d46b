"""Text files read and written exactly: UTF-8, no newline translation.

Why: a page set aside on disk must come back as it was; Python's default reading turns a
carriage return (which data may hold) into a line break.
"""

from __future__ import annotations

from pathlib import Path


def read_exact(path: Path | str) -> str:
    with open(path, encoding="utf-8", newline="") as text:
        return text.read()


def write_exact(path: Path | str, text: str) -> None:
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write(text)

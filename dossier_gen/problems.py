"""Problems found in the data: what is wrong, where (`path:line:col`), and what to do."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in one file. Sorting orders problems by file, then position."""

    path: str
    """File path as the editor would type it, relative to the project (`data/claims/x.yml`)."""
    line: int
    """1-based line number."""
    col: int
    """1-based column number."""
    message: str
    """What is wrong and what is expected."""

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


class DataError(Exception):
    """Raised when the data has problems; carries every one of them, sorted."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(format_problems(self.problems))


def format_problems(problems: list[Problem]) -> str:
    lines = [str(p) for p in sorted(problems)]
    count = len(lines)
    lines.append(f"{count} problem{'s' if count != 1 else ''} found in the data.")
    return "\n".join(lines)

"""Problems found in the data: what is wrong, where (`path:line:col`), and how it is shown.

One home for what every stage reports: `Problem` and `DataError` (every other error of the
package that stands for problems in its input is a `DataError`), the three output formats
(plain text for people, annotations for GitHub, JSON for tools), and the helpers that say
where (`display`, `position_of`) and what (`shown`) in a message.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FORMATS = ("text", "github", "json")


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
    """Raised when the input has problems; carries every one of them, sorted.

    Its text is the problems, one `path:line:col: message` a line, then `summary()`.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join([*map(str, self.problems), self.summary()]))

    def summary(self) -> str:
        """The line after the problems: how many, and what it means for the command."""
        return _count_line(len(self.problems))


def _count_line(count: int) -> str:
    return f"{count} problem{'s' if count != 1 else ''} found in the data."


def shown(value: object, limit: int = 60) -> str:
    """`repr` of a value for a message, cut short so a huge value does not flood the output."""
    text = str(value)
    return repr(text if len(text) <= limit else text[:limit] + "…")


def display(path: Path) -> str:
    """The path as an editor would type it: relative to the working directory when inside."""
    try:
        # The link itself, not what a symbolic link points at.
        where = path.parent.resolve() / path.name
        return where.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def position_of(text: str | bytes, index: int) -> tuple[int, int]:
    """1-based line and column of `text[index]`, counting lines by line feeds only.

    Editors and `git diff` break lines at line feeds; YAML also breaks at NEL, LS and PS, which
    would put a position on a line the editor cannot find. For bytes, the column counts bytes.
    """
    newline: Any = b"\n" if isinstance(text, bytes) else "\n"
    line = text.count(newline, 0, index) + 1
    return line, index - (text.rfind(newline, 0, index) + 1) + 1


def _escape_data(text: str) -> str:
    # GitHub's workflow-command syntax: the message ends at the line's end, and '%' starts
    # an escape, so these three must be encoded or a message is cut short or garbled.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    # In the properties, ':' would end the property list and ',' would start another.
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem, level: str = "error") -> str:
    """`::error file=PATH,line=N,col=M::message`, shown on the pull request's line."""
    properties = ",".join(
        f"{name}={_escape_property(str(value))}"
        for name, value in (("file", problem.path), ("line", problem.line), ("col", problem.col))
    )
    return f"::{level} {properties}::{_escape_data(problem.message)}"


def problems_as_dicts(problems: Iterable[Problem]) -> list[dict[str, Any]]:
    return [
        {"path": p.path, "line": p.line, "col": p.col, "message": p.message}
        for p in sorted(problems)
    ]


def render_problems(
    problems: list[Problem], fmt: str, summary: str | None = None, **extra: Any
) -> str:
    """Problems in `fmt`, ending (text, github) with `summary` or the data's problem count.

    `extra` goes into the JSON object, such as counts of what was checked.
    """
    if fmt == "json":
        return json.dumps(
            {"ok": not problems, "problems": problems_as_dicts(problems), **extra},
            ensure_ascii=False,
            indent=2,
        )
    ordered = sorted(problems)
    lines = [github_annotation(p) if fmt == "github" else str(p) for p in ordered]
    if summary is None:  # the count line `validate` has always printed
        summary = _count_line(len(ordered))
    return "\n".join([*lines, summary])

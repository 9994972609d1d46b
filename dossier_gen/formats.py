"""How problems are printed: plain text for people, annotations for GitHub, JSON for tools.

The text format (`path:line:col: message`, then a count) is `problems.format_problems`; this
module adds the two formats meant for machines, so any command that reports problems
(`validate`, `check-links`) can offer all three.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from .problems import Problem, format_problems

FORMATS = ("text", "github", "json")


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
        for name, value in (("file", problem.path), ("line", problem.line),
                            ("col", problem.col))
    )
    return f"::{level} {properties}::{_escape_data(problem.message)}"


def problems_as_dicts(problems: Iterable[Problem]) -> list[dict[str, Any]]:
    return [
        {"path": p.path, "line": p.line, "col": p.col, "message": p.message}
        for p in sorted(problems)
    ]


def render_problems(problems: list[Problem], fmt: str, summary: str | None = None,
                    **extra: Any) -> str:
    """Problems in `fmt`, ending (text, github) with `summary` or the data's problem count.

    `extra` goes into the JSON object, such as counts of what was checked.
    """
    if fmt == "json":
        return json.dumps({"ok": not problems, "problems": problems_as_dicts(problems), **extra},
                          ensure_ascii=False, indent=2)
    ordered = sorted(problems)
    lines = [github_annotation(p) if fmt == "github" else str(p) for p in ordered]
    if summary is None:  # the count line `validate` has always printed
        summary = format_problems(ordered).rsplit("\n", 1)[-1]
    return "\n".join([*lines, summary])

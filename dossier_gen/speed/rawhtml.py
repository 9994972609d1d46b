"""Hand a page's raw HTML tables to its HTML unread: Python-Markdown passes them through as
they are, but only after its HTML parser has read every tag (and MkDocs' parser again, for
anchors). The claims list is one such table: 900 KB at 1,000 claims, 0.15 s to read, on
every rebuild of `dossier serve` that touches any claim's row.

A table is taken out only where the result is provably the same: it stands alone between
blank lines at the start of a line, is one `<table>` element with no other table inside,
and is written in plain tags and text (every `<` opens a tag, every `&` starts a complete
character reference, attribute values quoted, no comment, script, tab, carriage return,
`id` or `name`), which is how the generator writes its tables. A page is left whole if it
could hold code blocks, or if any placeholder does not come back exactly as a paragraph
of its own. Tested: the same HTML and anchors with and without, on random tables.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

_PLAIN = re.compile(
    r"""(?:
        <[a-z][a-z0-9-]*
          (?:\ +[a-z][a-z0-9_:.-]*
            (?:="[^"<>&\n]*(?:&(?:[a-z][a-z0-9]*|\#[0-9]+|\#x[0-9a-f]+);[^"<>&\n]*)*")?
          )*\ ?/?>
      | </[a-z][a-z0-9-]*>
      | [^<>&\t\r\x02\x03\n]+
      | &(?:[a-z][a-z0-9]*|\#[0-9]+|\#x[0-9a-f]+);
    )*""",
    re.VERBOSE | re.IGNORECASE,
)
"""A line of tags with quoted attribute values, end tags, text and complete character
references."""

_UNSAFE = re.compile(
    r"(?:^|\s)(?:id|name)\s*(?:=|$)|</?(?:script|style|textarea|pre|xmp|plaintext|title|noscript)\b"
    r"|markdown=|--|[\t\r\x02\x03]",
    re.I,
)
"""What would make MkDocs or an extension read a line of the table for more than its text:
anchors (`id` or `name` at a line's end is refused too, as its `=` could be on the next
line), elements whose content is not HTML, Markdown inside HTML, what could end a comment,
and characters Python-Markdown changes anywhere (tabs, carriage returns, its own markers).
A line of spaces is refused as well: Python-Markdown empties it, which would split the
table."""


_STEM = "dossiertablepassedround"
"""The placeholders' common start: a word no page of the dossier's own holds."""

_CODE = re.compile(r"^ {0,3}(?:`{3}|~{3})", re.MULTILINE)


# A preview converts the claims list again after an edit to any claim: its rows are the
# same lines as before but one, and reading them was 0.05 s of a rebuild at 1,000 claims.
# Bounded, so a one-shot build's memory does not keep every line of every table.
@functools.lru_cache(maxsize=4096)
def _safe(line: str) -> bool:
    return (
        _PLAIN.fullmatch(line) is not None
        and _UNSAFE.search(line) is None
        and line.strip(" ") != ""
    )


def _eligible(block: str) -> bool:
    return (
        block.endswith("</table>")
        and block.count("<table") == 1
        and block.count("</table>") == 1
        # Line by line: the regular expression engine keeps a note for every repetition it
        # might go back to, which over the 9 MB claims list of 10,000 claims was 265 MiB.
        and all(_safe(line) for line in block.split("\n"))
    )


def take_out(markdown: str) -> tuple[str, dict[str, str]]:
    """`markdown` with each table that can be passed through replaced by a paragraph of a
    placeholder, and the tables by placeholder: `put_back` restores them in the HTML.

    A table qualifies when it is a whole block between blank lines (or the page's ends),
    starting `<table` and ending `</table>`, in plain tags and text."""
    if "<table" not in markdown or _CODE.search(markdown):
        return markdown, {}
    # A fixed name, so the same page gives the same Markdown in any process (a page
    # converted in a worker is matched to the build's by its Markdown); a page that
    # already holds it is left whole.
    if _STEM in markdown:
        return markdown, {}
    blocks: dict[str, str] = {}
    parts = markdown.split("\n\n")  # joined by blank lines, they give the page again
    for n, part in enumerate(parts):
        if part.startswith("<table") and _eligible(part):
            token = f"{_STEM}n{len(blocks)}x"  # x: no token begins another (n1, n10)
            blocks[token] = part
            parts[n] = token
    return ("\n\n".join(parts), blocks) if blocks else (markdown, {})


def put_back(html: str, blocks: dict[str, str]) -> str | None:
    """`html` with each placeholder paragraph replaced by its table, as Python-Markdown would
    have written it; None if any is not there exactly once as a paragraph of its own (then
    convert the page whole instead)."""
    for token, block in blocks.items():
        paragraph = f"<p>{token}</p>"
        if html.count(paragraph) != 1 or html.count(token) != 1:
            return None
        # Python-Markdown keeps the blank line after a raw block (every table taken out is
        # followed by one, if only the one it adds at the page's end), and strips the page's
        # end: a table that ends the page ends the HTML.
        last = html.endswith(paragraph)
        html = html.replace(paragraph, block if last else block + "\n")
    return html


KNOWN_EXTENSIONS = frozenset(
    {
        "toc",
        "tables",
        "fenced_code",
        "admonition",
        "attr_list",
        "md_in_html",
        "def_list",
        "footnotes",
        "abbr",
        "sane_lists",
        "pymdownx.superfences",
        "pymdownx.details",
    }
)
"""Markdown extensions known to leave a raw HTML table as it is (code fences are looked for
by `take_out`). Another extension could change text inside one, so with it the tables are
read as usual."""


def unknown_extensions(extensions: Sequence[object]) -> list[str]:
    """The configured extensions (names or objects) not in `KNOWN_EXTENSIONS`."""
    names = [e if isinstance(e, str) else type(e).__module__ for e in extensions]
    return [n for n in names if n.removeprefix("markdown.extensions.") not in KNOWN_EXTENSIONS]

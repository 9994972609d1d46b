"""Raw HTML tables passed round Python-Markdown give exactly the page MkDocs would make.

`speed.rawhtml` takes a generated page's tables out of its Markdown and puts them back in
the HTML. Here random pages (tables written the way the generator writes them, and tables
of raw text that may not qualify, between random Markdown) are converted by MkDocs both
ways: the same HTML, the same anchors, the same title.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from dossier_gen.mkdocs_pages import ConvertedPage, TablePassingPage, convert
from dossier_gen.rendering.escape import attr, md_text
from dossier_gen.speed import rawhtml

from .conftest import ROOT

CI = os.environ.get("CI") == "true"
MANY = settings(
    max_examples=400, deadline=None, derandomize=CI, suppress_health_check=[HealthCheck.too_slow]
)

TRICKY = [
    "<", ">", "&", "&amp;", "&#63;", "&bogus", '"', "'", "*", "_", "`", "```", "~~~", "\t",
    "\r", "\n", "\n\n", "  \n", "--", "<!--", "-->", "<b>", "</td>", "</table>", "<table>",
    "<script>", " id=x", ' name="n"', "markdown=1", "#", "|", "[a](b)", "\x02", "\x03",
    "郭文贵", "副部长", "é", "\u2028",
]  # fmt: skip
text = st.lists(st.sampled_from(TRICKY) | st.text(max_size=4), max_size=6).map("".join)


@st.composite
def tables(draw: st.DrawFn) -> str:
    """A table as the generator writes one (escaped text and attributes), or one whose text
    and attributes are raw, so that it may or may not qualify."""
    escaped = draw(st.booleans())
    cell = (lambda t: str(md_text(t))) if escaped else (lambda t: t)
    value = (lambda t: str(attr(t))) if escaped else (lambda t: t)
    rows = []
    for _ in range(draw(st.integers(0, 4))):
        cells = "".join(
            f'<td class="{value(draw(text))}">{cell(draw(text))}</td>'
            for _ in range(draw(st.integers(1, 3)))
        )
        rows.append(f'<tr data-x="{value(draw(text))}">{cells}</tr>')
    head = draw(st.sampled_from(["<thead><tr><th>A</th></tr></thead>", ""]))
    body = "\n".join(rows)
    return f'<table class="{value(draw(text))}">\n{head}\n<tbody>\n{body}\n</tbody></table>'


@st.composite
def pages(draw: st.DrawFn) -> str:
    parts = [draw(st.sampled_from(["# Title", "Some *text*.", ""]))]
    for _ in range(draw(st.integers(1, 3))):
        parts.append(draw(tables()))
        parts.append(draw(st.sampled_from(["", "After.", "## Heading", "<div>raw</div>"]) | text))
    return "\n\n".join(parts) + draw(st.sampled_from(["", "\n", "\n\n"]))


@pytest.fixture(scope="module")
def config():
    return load_config(str(ROOT / "mkdocs.yml"))


def _page(cls: type[Page], config, name: str, markdown: str) -> Page:
    file = File(
        f"claims/{name}.md", src_dir=None, dest_dir=config.site_dir, use_directory_urls=True
    )
    page = cls(None, file, config)
    page.markdown = markdown
    return page


def _both_ways(config, markdown: str) -> tuple[Page, ConvertedPage]:
    files = Files([])
    whole = _page(Page, config, "whole", markdown)
    whole.render(config, files)
    passed = _page(TablePassingPage, config, "passed", markdown)
    assert isinstance(passed, ConvertedPage)
    convert(passed, config, files)
    return whole, passed


def test_passing_tables_through_gives_what_markdown_gives(config):
    taken = []

    @given(pages())
    @MANY
    def check(markdown: str) -> None:
        whole, passed = _both_ways(config, markdown)
        assert passed.content == whole.content
        assert passed.present_anchor_ids == whole.present_anchor_ids
        assert passed._title_from_render == whole._title_from_render
        assert passed.markdown == markdown  # the page keeps its own Markdown
        taken.append(bool(rawhtml.take_out(markdown)[1]))

    check()
    # Both ways were tried: pages whose tables went round Markdown, and pages kept whole.
    assert 0.1 < sum(taken) / len(taken) < 0.9


def test_a_generated_table_is_passed_through(config):
    cell = md_text("a < b & 郭文贵")
    table = f'<table class="x">\n<tbody>\n<tr><td>{cell}</td></tr>\n</tbody></table>'
    markdown = f"# Title\n\n{table}\n\n## After\n\nText."
    taken, tables = rawhtml.take_out(markdown)
    assert list(tables.values()) == [table] and table not in taken
    whole, passed = _both_ways(config, markdown)
    assert passed.content == whole.content and table in (passed.content or "")


@pytest.mark.parametrize(
    "table",
    [
        '<table>\n<tr><td id="a">x</td></tr>\n</table>',  # an anchor MkDocs must see
        "<table>\n<tr><td>a & b</td></tr>\n</table>",  # a bare ampersand
        "<table>\n<tr><td>x</td></tr>\n\t</table>",  # a tab, which Markdown expands
        "<table>\n<tr><td><table><tr><td>in</td></tr></table></td></tr>\n</table>",
        "<table>\n<tr><td><!-- note --></td></tr>\n</table>",
        "<table>\n<tr><td>x</td></tr>\n   \n</table>",  # a line of spaces, which Markdown empties
        '<table>\n<tr><td\nid="a">x</td></tr>\n</table>',  # an anchor after a line break
    ],
)
def test_a_table_that_markdown_could_change_stays_in(table: str):
    assert rawhtml.take_out(f"Before.\n\n{table}\n\nAfter.") == (
        f"Before.\n\n{table}\n\nAfter.",
        {},
    )


def test_a_page_that_could_hold_code_keeps_its_tables():
    markdown = "```\n\n<table>\n<tr><td>x</td></tr>\n</table>\n\n```"
    assert rawhtml.take_out(markdown) == (markdown, {})


def test_a_placeholder_that_does_not_come_back_whole_means_converting_whole(config):
    table = "<table>\n<tr><td>x</td></tr>\n</table>"
    taken, tables = rawhtml.take_out(f"Text.\n\n{table}")
    (token,) = tables
    assert rawhtml.put_back(f"<p>Text.</p>\n<p>{token}</p>", tables) == f"<p>Text.</p>\n{table}"
    assert rawhtml.put_back(f"<p>Text {token}</p>", tables) is None
    assert rawhtml.put_back(f"<p>{token}</p><p>{token}</p>", tables) is None


def test_the_real_claims_list_is_passed_through(config, tmp_path: Path):
    from dossier_gen import load_catalog
    from dossier_gen.publishing.site import build_site

    site = build_site(load_catalog(ROOT / "data"))
    markdown = site.pages["claims/index.md"].read().split("---\n", 2)[2]
    _, tables = rawhtml.take_out(markdown)
    assert len(tables) == 1
    whole, passed = _both_ways(config, markdown)
    assert passed.content == whole.content


def test_only_extensions_known_to_leave_tables_alone_let_them_through():
    assert rawhtml.unknown_extensions(["toc", "markdown.extensions.tables", "attr_list"]) == []
    assert rawhtml.unknown_extensions(["toc", "pymdownx.snippets"]) == ["pymdownx.snippets"]

"""Record text is shown literally wherever it lands; only marked-safe output is markup."""

from __future__ import annotations

import html as html_lib
import json
import re

import markdown
import pytest

from dossier_gen.rendering.escape import (
    clean,
    external_link,
    json_for_html,
    md_text,
    plain_title,
    prose,
    title_text,
)

HOSTILE = [
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "{: onclick=alert(1) }",
    '--8<-- "/etc/passwd"',
    "!!! note",
    "{{ cycler.__init__.__globals__ }}",
    "# heading",
    "| a | b |",
    "&lt;b&gt;",
    "https://example.org/?a=1&b=2",
    "$x$ ~~del~~ ^^sup^^ ==mark== :smile:",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_md_text_renders_as_the_literal_text(text):
    html = markdown.markdown(
        f"Before {md_text(text)} after", extensions=["attr_list", "tables", "abbr", "md_in_html"]
    )
    # The only element is the paragraph, without attributes; the text reads as written.
    assert re.findall(r"<[^>]*>", html) == ["<p>", "</p>"]
    assert html_lib.unescape(html) == f"<p>Before {clean(text)} after</p>"


def test_clean_drops_controls_and_bidi_and_collapses_space():
    assert clean("a\u202eb\u0007c\u2028d\n\ne\u200b") == "abc d e"


def test_titles_get_typographic_quotes_and_lookalikes():
    assert plain_title("RFA: \"Guo\" said 'x' and Guo's <b> & c") == (
        "RFA: “Guo” said ‘x’ and Guo’s ‹b› ＆ c"
    )
    assert "&" not in str(title_text("<")).replace("&#", "")


def test_external_link_encodes_the_address():
    link = external_link("https://example.org/?a=1&b=2", "x")
    assert link.startswith('<a href="https&#58;&#47;&#47;example&#46;org')
    assert 'rel="noopener nofollow"' in link


def test_prose_allows_basic_markdown_and_shows_html_as_text():
    html = prose("*a* [b](https://x.org) [c](javascript:alert(1)) <img src=x onerror=y>\n\n- d")
    assert "<em>a</em>" in html and 'href="https://x.org"' in html and "<li>d</li>" in html
    assert "javascript" not in html and "<img" not in html
    # Raw HTML an editor typed is shown as the text they wrote, not dropped.
    assert "&lt;img src=x onerror=y&gt;" in html
    assert "\n\n" not in html  # one raw HTML block for the site's Markdown


def test_json_for_html_cannot_close_the_script_element():
    text = json_for_html({"a": "</script><!--\u2028\u2029&"})
    assert "</" not in text and "<!--" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!--\u2028\u2029&"}

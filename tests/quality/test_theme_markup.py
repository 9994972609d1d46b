"""The fixes the plugin makes to mkdocs-material's markup match the installed theme exactly, so
an upgrade of the theme that changes that markup fails here rather than silently leaving a
page invalid, inaccessible or calling another host; and the head the plugin adds is right."""

from __future__ import annotations

import json
from pathlib import Path

import material
import pytest

from dossier_gen.publishing.theme import (
    MATERIAL_FIXES,
    SEARCH_DIALOG,
    TOC_LABEL,
    Share,
    fix_theme_markup,
    head_block,
    insert_head,
)

THEME = Path(material.__file__).parent / "templates"
FIXES = [*MATERIAL_FIXES, TOC_LABEL, SEARCH_DIALOG]


@pytest.mark.parametrize("fix", FIXES, ids=[f.theirs for f in FIXES])
def test_each_fix_matches_the_installed_theme_once(fix):
    template = (THEME / fix.template).read_text(encoding="utf-8")
    assert template.count(fix.theirs) == 1, (
        f"mkdocs-material's {fix.template} no longer writes {fix.theirs!r}: see whether the"
        f" theme still needs the fix ({fix.why}) and update publishing/theme.py"
    )


def test_fixes_change_only_what_they_name():
    page = (
        '<input type="checkbox" id="__drawer" autocomplete="off">'
        '<input type="checkbox" id="__search" autocomplete="off">'
        '<a href="https://example.org" class="md-source" data-md-component="source">'
        '<label class="md-nav__title" for="__toc">'
        '<div class="md-search" data-md-component="search" role="dialog">'
        '<nav class="md-search__options" aria-label="Suche">'
    )
    fixed = fix_theme_markup(page)
    assert 'autocomplete="off"' not in fixed
    assert 'data-md-component="source"' not in fixed
    assert '<label class="md-nav__title">' in fixed  # no __toc toggle on this page
    assert 'role="dialog" aria-label="Suche">' in fixed  # the theme's own word
    with_toggle = fix_theme_markup('<input id="__toc"><label class="md-nav__title" for="__toc">')
    assert 'for="__toc"' in with_toggle
    assert fix_theme_markup("<p>another theme</p>") == "<p>another theme</p>"


def test_the_head_block_escapes_every_value():
    share = Share('Site "x" <b>', "T & <i>", "D ' \"", "https://e.org/a?b=1&c=2")
    block = head_block("../feed.atom", "Feed <x>", ['{"@type": "ClaimReview"}'], share)
    assert '<script type="application/ld+json">{"@type": "ClaimReview"}</script>' in block
    assert 'content="T &amp; &lt;i&gt;"' in block
    assert 'content="D &#x27; &quot;"' in block
    assert 'href="../feed.atom"' in block and 'title="Feed &lt;x&gt;"' in block
    assert 'content="https://e.org/a?b=1&amp;c=2"' in block
    assert "<b>" not in block and "<i>" not in block
    no_description = head_block("f", "t", [], Share("s", "t", None, None))
    assert "og:description" not in no_description and "og:url" not in no_description
    page = insert_head("<html><head><title>x</title></head><body></body></html>", block)
    assert page.index(block) < page.index("</head>")
    assert json.loads('{"@type": "ClaimReview"}')
    assert insert_head("<p>no head</p>", block) == "<p>no head</p>"

"""The theme templates copied into overrides/ differ from mkdocs-material's only by the
changes their header comments describe, so an upgrade of the theme that changes them fails
here rather than silently keeping an old copy."""

from __future__ import annotations

from pathlib import Path

import material
import pytest

from ..conftest import ROOT

THEME = Path(material.__file__).parent / "templates"
GENERATED_HEADER = "{#-\n  This file was automatically generated - do not edit\n-#}\n"

# Copied template → the (theme text, our text) replacements that make the copy.
CHANGES = {
    "base.html": [
        ('type="checkbox" id="__drawer" autocomplete="off">', 'type="checkbox" id="__drawer">'),
        ('type="checkbox" id="__search" autocomplete="off">', 'type="checkbox" id="__search">'),
    ],
    "partials/toc.html": [
        (
            '<label class="md-nav__title" for="__toc">',
            '<label class="md-nav__title"{% if page in nav.pages %} for="__toc"{% endif %}>',
        ),
    ],
    "partials/source.html": [
        (' class="md-source" data-md-component="source">', ' class="md-source">'),
    ],
    "partials/search.html": [
        (
            '<div class="md-search" data-md-component="search" role="dialog">',
            '<div class="md-search" data-md-component="search" role="dialog"'
            " aria-label=\"{{ lang.t('search') }}\">",
        ),
    ],
}


def without_header(text: str) -> str:
    """The template after its leading `{#- ... -#}` comment."""
    assert text.startswith("{#-"), "a copied template starts with a comment saying why"
    return text[text.index("-#}\n") + 4 :]


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_copied_template_is_the_theme_one_with_documented_changes(name):
    theme = (THEME / name).read_text(encoding="utf-8")
    assert theme.startswith(GENERATED_HEADER)
    expected = theme[len(GENERATED_HEADER) :]
    for old, new in CHANGES[name]:
        assert expected.count(old) == 1, (
            f"mkdocs-material's {name} changed: {old!r} is gone. Copy the new one into"
            f" overrides/{name} and make the changes again (or drop the copy if the theme"
            " fixed it)."
        )
        expected = expected.replace(old, new)
    ours = without_header((ROOT / "overrides" / name).read_text(encoding="utf-8"))
    assert ours == expected, f"overrides/{name} differs from the theme's beyond its changes"


def test_every_copied_theme_template_is_checked():
    copies = {
        p.relative_to(ROOT / "overrides").as_posix()
        for p in (ROOT / "overrides").rglob("*.html")
        if (THEME / p.relative_to(ROOT / "overrides")).exists() and p.name != "main.html"
    }
    assert copies == set(CHANGES)

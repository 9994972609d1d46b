"""The sidebar cache's key: what the theme's sidebars depend on, and nothing less."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import jinja2

from dossier_gen.speed import sidebars


@dataclass
class Toc:
    title: str
    url: str
    level: int
    children: list[Any] = field(default_factory=list)


@dataclass
class Page:
    url: str
    toc: list[Toc]
    meta: dict[str, Any] = field(default_factory=dict)


def _toc(*headings: str) -> list[Toc]:
    return [Toc("The title", "#the-title", 1, [Toc(h, f"#{h.lower()}", 2) for h in headings])]


def not_in_nav(page: Any) -> bool:
    return False


def test_pages_in_one_folder_with_the_same_headings_share_their_sidebars():
    a = Page("claims/a/", _toc("Evidence", "Analysis"))
    b = Page(
        "claims/b/",
        [Toc("Another title", "#another-title", 1, _toc("Evidence", "Analysis")[0].children)],
    )
    assert sidebars.page_key(a, not_in_nav) == sidebars.page_key(b, not_in_nav)


def test_anything_the_sidebars_show_differently_gives_another_key():
    base = Page("claims/a/", _toc("Evidence", "Analysis"))
    key = sidebars.page_key(base, not_in_nav)
    others = [
        Page("entities/a/", _toc("Evidence", "Analysis")),  # links relative to another folder
        Page("claims/a.html", _toc("Evidence", "Analysis")),  # not a directory address
        Page("claims/a/", _toc("Evidence")),  # another table of contents
        Page("claims/a/", _toc("Evidence", "Analysis"), {"hide": ["toc"]}),
        Page("claims/a/", [Toc("Evidence", "#evidence", 2)]),  # no title heading
    ]
    assert all(sidebars.page_key(other, not_in_nav) != key for other in others)
    # A page in the navigation has an active item in it: rendered as the theme does.
    assert sidebars.page_key(base, lambda page: page is base) is None


def test_the_cached_block_gives_what_the_theme_renders():
    env = jinja2.Environment(
        loader=jinja2.DictLoader(
            {
                "base.html": "{% block site_nav %}[{{ page.url }}|{{ calls() }}]{% endblock %}",
                "main.html": "{% extends 'base.html' %}",
            }
        )
    )
    count = []
    cache = sidebars.install(env)
    assert cache is not None
    template = env.get_template("main.html")

    def render(page: Page) -> str:
        return template.render(page=page, nav=None, calls=lambda: count.append(1) or len(count))

    first = render(Page("claims/a/", _toc("Evidence")))
    # The second page's key is the first's: its block is the first's output, not rendered.
    assert render(Page("claims/b/", _toc("Evidence"))) == first == "[claims/a/|1]"
    assert render(Page("entities/c/", _toc("Evidence"))) == "[entities/c/|2]"
    assert (cache.hits, cache.misses) == (1, 2)

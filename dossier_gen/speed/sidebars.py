"""The theme's sidebars, rendered once for every page that shows the same ones.

mkdocs-material renders its navigation and table-of-contents sidebars (the `site_nav` block
of `base.html`) for every page: about a quarter of the theme's time per page, measured on a
claim page. A page outside the navigation (every record's page) has no active item in it, so
its sidebars depend only on where the page is (the sidebar's links are relative to the
page's folder), on its table of contents and on what its front matter hides. Pages that
agree on all of these get the same HTML, byte for byte, so it is rendered for the first and
reused for the rest. Any page in the navigation, and any theme whose sidebars read more than
this (such as the `typeset` plugin's titles), is rendered as the theme renders it.

Duck-typed over MkDocs' page and table-of-contents objects, so the core does not import
MkDocs: the MkDocs face installs it on the theme's environment (`install`).
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import jinja2

TEMPLATE = "base.html"
BLOCK = "site_nav"

Key = tuple[Any, ...]


def _toc_key(items: Iterable[Any]) -> tuple[Any, ...] | None:
    key = []
    for item in items:
        if getattr(item, "typeset", None) is not None:
            return None  # a title from another plugin: render as the theme does
        children = _toc_key(item.children)
        if children is None:
            return None
        key.append((item.title, item.url, item.level, children))
    return tuple(key)


def page_key(page: Any, in_nav: Callable[[Any], bool]) -> Key | None:
    """What a page's sidebars depend on, or None when they may depend on more (a page in
    the navigation, or a table of contents with another plugin's titles)."""
    if page is None or in_nav(page) or getattr(page, "typeset", None) is not None:
        return None
    items = list(page.toc or ())
    if items and items[0].level == 1:
        # As the theme's toc.html does: the page's title is not in its table of contents.
        items = list(items[0].children)
    toc = _toc_key(items)
    if toc is None:
        return None
    meta = page.meta or {}
    hide = meta.get("hide")
    url: str = page.url
    return (
        posixpath.dirname(url.rstrip("/")),
        url.endswith("/"),
        toc,
        tuple(hide) if isinstance(hide, list) else hide,
        meta.get("icon"),
        meta.get("subtitle"),
        meta.get("status"),
    )


class SidebarCache:
    """The rendered sidebars by `page_key`, for one build's theme environment."""

    def __init__(self) -> None:
        self.rendered: dict[Key, str] = {}
        self.hits = 0
        self.misses = 0
        self._nav: tuple[int, frozenset[int]] | None = None

    def _in_nav(self, nav: Any) -> Callable[[Any], bool]:
        # The navigation's pages, once per navigation object (a build has one).
        if nav is None:
            return lambda page: False
        if self._nav is None or self._nav[0] != id(nav):
            self._nav = (id(nav), frozenset(id(page) for page in nav.pages))
        pages = self._nav[1]
        return lambda page: id(page) in pages

    def wrap(self, render: Callable[[Any], Iterator[str]]) -> Callable[[Any], Iterator[str]]:
        def cached(context: Any) -> Iterator[str]:
            key = page_key(context.get("page"), self._in_nav(context.get("nav")))
            if key is None:
                yield from render(context)
                return
            found = self.rendered.get(key)
            if found is None:
                self.misses += 1
                found = self.rendered[key] = "".join(render(context))
            else:
                self.hits += 1
            yield found

        return cached


def install(env: jinja2.Environment) -> SidebarCache | None:
    """Serve the theme's sidebars block from a cache, if the theme has it; the template
    stays compiled in `env`, so every page rendered with it uses the cache."""
    try:
        template = env.get_template(TEMPLATE)
    except jinja2.TemplateNotFound:
        return None
    render = template.blocks.get(BLOCK)
    if render is None:
        return None
    cache = SidebarCache()
    template.blocks[BLOCK] = cache.wrap(render)
    return cache

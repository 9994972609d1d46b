"""The plugin's pages: generated ones, and ones whose HTML was made ahead on every core.

Part of the MkDocs face (with `mkdocs_plugin.py`): MkDocs converts each page's Markdown on one
core, about half of a build's time at 10,000 claims. `convert_ahead` runs MkDocs' own
conversion of the generated pages in forked workers before the build reaches them; each
page then takes its HTML, byte for byte what MkDocs would have made (tested).
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents
from mkdocs.utils.meta import get_data as get_markdown_data

from .rendering.textfile import Shelf, Shelved, shelve
from .speed import memory, parallel, rawhtml

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = get_plugin_logger("dossier_gen.mkdocs_plugin")
"""The plugin's own logger: what a conversion in a worker logs is logged again by the build."""


class GeneratedPage(File):
    """A generated page that a dirty rebuild may skip when its Markdown did not change, and
    whose Markdown a one-shot build reads from where it was shelved."""

    unchanged = False
    shelved: Shelved | None = None

    @classmethod
    def from_shelf(
        cls, config: MkDocsConfig, src_uri: str, shelved: Shelved, inclusion: InclusionLevel
    ) -> GeneratedPage:
        """The page at `src_uri` whose Markdown is `shelved`. MkDocs sees the shelf file as
        the page's source file; the page's content is only its own part of it."""
        file = cls.generated(config, src_uri, abs_src_path=str(shelved.path), inclusion=inclusion)
        assert isinstance(file, GeneratedPage)  # File.generated makes an instance of cls
        file.shelved = shelved
        return file

    @classmethod
    def from_text(
        cls, config: MkDocsConfig, src_uri: str, markdown: str, inclusion: InclusionLevel
    ) -> GeneratedPage:
        """The page at `src_uri` whose Markdown is `markdown`."""
        file = cls.generated(config, src_uri, content=markdown, inclusion=inclusion)
        assert isinstance(file, GeneratedPage)  # File.generated makes an instance of cls
        return file

    def is_modified(self) -> bool:
        return not self.unchanged and super().is_modified()

    @property
    def content_string(self) -> str:
        if self._content is None and self.shelved is not None:
            # Exactly as rendered: MkDocs' own reading would turn a carriage return into a
            # line break.
            return self.shelved.read()
        return super().content_string

    @content_string.setter
    def content_string(self, value: str) -> None:
        # As File's own setter: the content is this text now, no longer the shelf.
        self._content = value
        self.abs_src_path = None
        self.shelved = None

    @property
    def content_bytes(self) -> bytes:
        if self._content is None and self.shelved is not None:
            return self.content_string.encode("utf-8")
        return super().content_bytes

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self._content = value
        self.abs_src_path = None
        self.shelved = None

    def size(self) -> int:
        """How long the Markdown is, about: its shelved size, without reading it."""
        if self._content is None and self.shelved is not None:
            return self.shelved.length
        return len(self.content_string)


class LinkedFile(File):
    """A file the build links into the site rather than copies: a card from the card
    cache. The cache never changes a card in place (a card drawn again is a new file,
    renamed over the old), so the site's link keeps the bytes it was built with. Copied
    after all where a link cannot be made (another file system)."""

    def copy_file(self, dirty: bool = False) -> None:
        if self.abs_src_path is None or (dirty and not self.is_modified()):
            super().copy_file(dirty)
            return
        target = self.abs_dest_path
        os.makedirs(os.path.dirname(target), exist_ok=True)
        try:
            if os.path.lexists(target):
                os.unlink(target)
            os.link(self.abs_src_path, target)
        except OSError:
            super().copy_file(dirty)


@dataclass(frozen=True)
class _Converted:
    """What MkDocs' conversion of a page's Markdown gave, in a worker process."""

    digest: bytes
    """Of the Markdown converted: used only if the page's Markdown is still that."""
    content: Shelved
    """The HTML, shelved until MkDocs reaches the page: held in memory, 10,000 claims'
    pages took some 300 MiB."""
    toc: Any
    title: str | None
    anchors: set[str]
    links: dict[str, dict[str, str]]
    """Links to anchors of other pages, by the page's path (files do not cross processes)."""
    logs: list[tuple[str, int, str]]
    """What the conversion logged (a broken link, say), to log again in its turn."""


def _digest(markdown: str) -> bytes:
    return hashlib.blake2b(markdown.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class ConvertedPage(Page):
    """A generated page whose HTML may have been made ahead, on another core.

    `render` is MkDocs' own conversion, run in a worker before the build reaches the page;
    here it takes that result, and logs what the conversion logged, if the page's Markdown
    is what was converted (a plugin may have changed it since); otherwise it converts."""

    converted: _Converted | None = None
    pass_tables = False
    """Whether its raw HTML tables go to the HTML unread (`speed.rawhtml`)."""
    _html: str | None = None
    _html_shelved: Shelved | None = None
    """Where the HTML waits while `_html` is None."""
    _with_plugins = False
    """Whether the plugins have the HTML: what they give back is shelved too."""

    # MkDocs converts every page before it writes any, and keeps each page's HTML until the
    # end: at 10,000 claims some 400 MiB. A page converted ahead keeps its HTML on a shelf
    # from the moment the plugins have seen it until the theme writes the page.
    @property
    def content(self) -> str | None:
        if self._html is None and self._html_shelved is not None:
            self._html = self._html_shelved.read()
        return self._html

    @content.setter
    def content(self, value: str | None) -> None:
        shelved = self._html_shelved
        if self._with_plugins and value and shelved is not None:
            self._with_plugins = False
            if value is not self._html:  # a plugin changed it: that is what waits now
                (self._html_shelved,) = shelve(shelved.path.with_name(_CHANGED), [value])
            self._html = None
            return
        self._html_shelved = None  # the theme has written the page: done with it
        self._html = value

    def render(self, config: MkDocsConfig, files: Files) -> None:
        done, self.converted = self.converted, None
        if done is None or self.markdown is None or done.digest != _digest(self.markdown):
            convert(self, config, files)
            return
        for name, level, message in done.logs:
            logging.getLogger(name).log(level, "%s", message)
        # Read when the plugins ask for it; what they give back waits in the same file.
        self._html, self._html_shelved, self._with_plugins = None, done.content, True
        self.toc = done.toc
        self._title_from_render = done.title
        self.present_anchor_ids = done.anchors
        if logging.getLogger(Page.__module__).getEffectiveLevel() > logging.DEBUG:
            self.links_to_anchors = {
                target: links
                for path, links in done.links.items()
                if (target := files.get_file_from_path(path)) is not None
            }


_CHANGED = "changed.html"
"""The shelf, beside the workers' ones, of the HTML that plugins changed (in the build's own
process, so only one process writes it)."""


def convert(page: ConvertedPage, config: MkDocsConfig, files: Files) -> None:
    """MkDocs' conversion of the page's Markdown; with `pass_tables`, its raw HTML tables are
    left out of it and put back in the HTML, which is the same HTML (`speed.rawhtml`)."""
    original = page.markdown
    markdown, tables = rawhtml.take_out(original) if page.pass_tables and original else ("", {})
    if not tables:
        Page.render(page, config, files)
        return
    page.markdown = markdown
    try:
        Page.render(page, config, files)
    finally:
        page.markdown = original
    html = rawhtml.put_back(page.content or "", tables)
    if html is None:  # a placeholder did not come through as its own paragraph
        log.debug("Converted %s whole: its tables could not be passed through", page.file.src_uri)
        Page.render(page, config, files)
    else:
        log.debug("Passed %d tables of %s through", len(tables), page.file.src_uri)
        page.content = html


class TablePassingPage(ConvertedPage):
    """A converted page whose raw HTML tables go to the HTML unread."""

    pass_tables = True


def pass_tables_through(files: Files) -> None:
    """Let every generated page pass its raw HTML tables through (`convert`), where the
    pages are not converted ahead (a preview's rebuilds)."""
    for file in files.documentation_pages():
        if isinstance(file, GeneratedPage) and type(file.page) is Page:
            file.page.__class__ = TablePassingPage


class _Logged(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _convert_chunk(
    state: tuple[MkDocsConfig, Files, list[ConvertedPage], Path], start: int, stop: int
) -> list[_Converted]:
    """MkDocs' conversion of pages `start` to `stop`, in a forked worker; the HTML goes on
    one shelf file in `folder` for the chunk."""
    config, files, pages, folder = state
    logged = _Logged()
    # The worker's own process: what the conversion logs is kept, to be logged by the build.
    for name in ("", "mkdocs"):
        logging.getLogger(name).handlers = [logged]
    with Shelf(folder / f"{start}.html") as shelf:
        out = [_convert_one(page, config, files, shelf, logged) for page in pages[start:stop]]
    # The worker lives on to convert its next chunk: the pages it let go of go back.
    memory.give_back_freed_memory()
    return out


def _convert_one(
    page: ConvertedPage, config: MkDocsConfig, files: Files, shelf: Shelf, logged: _Logged
) -> _Converted:
    logged.records = []
    page.markdown, page.meta = get_markdown_data(page.file.content_string)
    convert(page, config, files)
    links = page.links_to_anchors or {}
    done = _Converted(
        _digest(page.markdown),
        shelf.add(page.content or ""),
        page.toc,
        page._title_from_render,
        page.present_anchor_ids or set(),
        {target.src_uri: anchors for target, anchors in links.items()},
        logged.records,
    )
    # This worker's copy of the page is done with: kept, every page a worker converted
    # stayed in its memory (some 300 MiB a worker at 10,000 claims).
    page.markdown, page.content, page.toc = None, None, TableOfContents([])
    page.present_anchor_ids = page.links_to_anchors = None
    return done


def convert_ahead(
    nav: Navigation, config: MkDocsConfig, files: Files, folder: Path, pass_tables: bool
) -> int:
    """Convert the generated pages' Markdown on every core, their HTML waiting in `folder`
    (made here) until MkDocs reaches each page, passing raw HTML tables through if
    `pass_tables`; how many pages (0: too few to pay)."""
    # MkDocs has by now made a plain Page for every page outside the navigation (only
    # `file.page` holds it), so a record page's Page is replaced here by one that can take
    # HTML made ahead. A generated page in the navigation (the claims list, the timeline:
    # the largest pages at 10,000 claims) keeps its Page, which the nav holds, and gains
    # the same ability.
    in_nav = {id(page) for page in nav.pages}
    pages: list[ConvertedPage] = []
    sizes: list[int] = []
    kind = TablePassingPage if pass_tables else ConvertedPage
    for file in files.documentation_pages():
        if not isinstance(file, GeneratedPage) or file.page is None:
            continue
        sizes.append(file.size())
        if id(file.page) in in_nav:
            file.page.__class__ = kind
            assert isinstance(file.page, ConvertedPage)
            pages.append(file.page)
        else:
            pages.append(kind(None, file, config))
    if len(pages) < parallel.MIN_ITEMS:
        return 0
    # Largest first, spread over the workers' chunks, so no worker is left with the long
    # pages at the end.
    pages = [pages[i] for i in parallel.balanced_order(sizes)]
    folder.mkdir()
    for page, done in zip(
        pages,
        parallel.map_forked(_convert_chunk, (config, files, pages, folder), len(pages)),
        strict=True,
    ):
        page.converted = done
    return len(pages)

"""What a preview (`mkdocs serve --dirty`) keeps between rebuilds, so an edit costs only what
it changes: parsed records, rendered pages, what each claim needs, the theme's compiled
templates and file list, what each page was last built from, and the search index.

Remove it and only time changes: a one-shot build never uses it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from pathlib import Path
from typing import Any

import jinja2

from ..publishing.audit import LineMemo
from ..publishing.search import SearchDoc
from ..rendering.escape import json_for_html
from .cache import ClaimMemo, PageCache, RecordCache
from .memory import IdleCollector
from .search_index import KeptIndex


class CompiledTemplates(jinja2.BytecodeCache):
    """The theme's compiled templates, kept in memory across preview rebuilds.

    MkDocs makes a new theme environment for every rebuild, so the theme's dozens of
    templates were compiled again each time (about a second). Jinja checks each entry
    against its template's source, so an edited template is compiled afresh.
    """

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self.compiled.clear()


class ThemeFiles:
    """The theme's files as MkDocs lists them for a build, kept across a preview's rebuilds.

    Every build, MkDocs lists each file in the theme's folders and tests its name against a
    dozen patterns, to find the few it copies into the site: mkdocs-material's folder holds
    14,510 files (its icons) for 43 copied, 0.07 s of a rebuild. A listing is kept by the
    folders and the filter's code; MkDocs' filter also reads the theme's `static_templates`,
    which only the settings change, so `Preview.settings` forgets the listings then.
    """

    def __init__(self) -> None:
        self.listed: dict[tuple[Any, ...], list[str]] = {}

    def keep_listing(self, env: jinja2.Environment) -> None:
        """Makes `env.list_templates` answer from the kept listings."""
        listing = env.list_templates
        folders = tuple(getattr(env.loader, "searchpath", ()))

        def list_templates(
            extensions: Collection[str] | None = None, filter_func: Any = None
        ) -> list[str]:
            code = getattr(filter_func, "__code__", None)
            if not folders or (filter_func is not None and code is None):
                return listing(extensions, filter_func)
            key = (folders, tuple(extensions) if extensions is not None else None, code)
            if key not in self.listed:
                self.listed[key] = listing(extensions, filter_func)
            return list(self.listed[key])

        env.list_templates = list_templates  # type: ignore[method-assign]


def files_stamp(paths: Iterable[Path]) -> tuple[int, ...]:
    """When each of `paths` was last changed: a different stamp means settings changed."""
    return tuple(path.stat().st_mtime_ns for path in paths)


class Preview:
    """State of one preview server across its rebuilds."""

    def __init__(self, *, dirty: bool) -> None:
        self.dirty = dirty
        """Whether rebuilds skip the pages whose Markdown and head did not change."""
        self.records = RecordCache()
        self.pages = PageCache()
        self.each_claim = ClaimMemo()
        """What each claim needs (ClaimReview, search document, CSV row, timeline)."""
        self.theme_code = CompiledTemplates()
        self.theme_files = ThemeFiles()
        self.idle_gc = IdleCollector()
        """Full garbage collections wait for the server to be idle (`speed.memory`)."""
        self.audit_memo = LineMemo()
        """The audit's memo of lines, kept across rebuilds: a rebuilt page is mostly lines
        audited before."""
        self._settings: tuple[int, ...] = ()
        self._built: dict[str, tuple[str, Any]] = {}
        """Page path → what its HTML was last built from (its Markdown and JSON-LD)."""
        self._building: dict[str, tuple[str, Any]] = {}
        self.current: set[str] = set()
        """Addresses of every page, as search entries name them (the home page is "")."""
        self.rebuilt: set[str] = set()
        """Addresses of the pages this rebuild writes."""
        self.written: set[str] = set()
        """Site paths of the HTML files this rebuild writes (for the audit)."""
        self._search: dict[str, tuple[SearchDoc, dict[str, int]]] = {}
        self.search_index = KeptIndex()
        self._heads: dict[int, tuple[Any, str]] = {}

    def settings(self, stamp: tuple[int, ...]) -> None:
        """Note the settings' stamp; when it changed, every page's HTML may change."""
        if stamp != self._settings:
            self._settings, self._built = stamp, {}
            self.theme_code.clear()
            self.theme_files.listed.clear()

    def theme_environments(self, get_env: Callable[[], jinja2.Environment]) -> Callable[[], Any]:
        """`get_env` of MkDocs' theme, giving environments that keep what this preview keeps:
        compiled templates and the theme's file listing. MkDocs makes one for each build,
        and the theme's plugins (Material's search) make their own."""

        def environment() -> jinja2.Environment:
            env = get_env()
            env.bytecode_cache = self.theme_code
            self.theme_files.keep_listing(env)
            return env

        return environment

    def start(self) -> None:
        """A rebuild begins: pages are compared with what the last one built them from."""
        self._building, self._built = self._built, {}

    def unchanged(self, path: str, markdown: str, head: Any) -> bool:
        """Whether the page at `path` was last built from this Markdown and head."""
        built_from = (markdown, head)
        self._built[path] = built_from
        return self._building.get(path) == built_from

    def pages_written(self, pages: Iterable[tuple[str, str, bool]]) -> None:
        """(address, site path, rebuilt?) of every page of this rebuild."""
        self.current, self.rebuilt, self.written = set(), set(), set()
        for url, dest, modified in pages:
            self.current.add(url)
            if modified:
                self.rebuilt.add(url)
                self.written.add(dest)

    def search_weights(self, docs: Iterable[SearchDoc]) -> dict[str, dict[str, int]]:
        """Each search document's term weights by location, reusing those of documents that
        did not change since the last rebuild (cutting Chinese into words costs the most)."""
        kept: dict[str, tuple[SearchDoc, dict[str, int]]] = {}
        for doc in docs:
            old = self._search.get(doc.location)
            kept[doc.location] = old if old is not None and old[0] == doc else (doc, doc.weights())
        self._search = kept
        return {location: weights for location, (_, weights) in kept.items()}

    def search_files(self, docs: Iterable[SearchDoc]) -> dict[str, bytes]:
        """The search index's files this rebuild changes (all of them the first time)."""
        docs = list(docs)
        return self.search_index.update(docs, self.search_weights(docs))

    def heads(self, blocks: dict[str, list[Any]]) -> dict[str, list[str]]:
        """Each page's JSON-LD blocks as its head prints them. A block that is the very
        object of the last rebuild (a claim's ClaimReview, kept by `each_claim` while its
        records did not change) is not written out again."""
        kept: dict[int, tuple[Any, str]] = {}
        heads: dict[str, list[str]] = {}
        for path, objects in blocks.items():
            texts = []
            for block in objects:
                entry = self._heads.get(id(block))
                if entry is None or entry[0] is not block:
                    entry = (block, json_for_html(block))
                kept[id(block)] = entry
                texts.append(entry[1])
            heads[path] = texts
        self._heads = kept
        return heads

"""Caches that make a rebuild after an edit cost only what the edit changed.

`RecordCache` keeps each file's parsed record under the hash of its content, so only changed
files are parsed and validated again. An unchanged file gives back the very same record
object, which is what lets `PageCache` see cheaply that a record has not changed.

`ClaimMemo` keeps what is made for each claim (its ClaimReview, search document, CSV row,
timeline) with the records it read, tracked the same way.

`PageCache` keeps each page's Markdown with the inputs its rendering read: which records
(claims, entities, sources, ratings) and which slices of the indexes. A page is rendered
again only when one of those inputs, its template files, or the dossier's settings changed.
The inputs are recorded while rendering, not declared, so a template that starts reading
another record needs no change here.

Both live on the MkDocs plugin, which `mkdocs serve` keeps across rebuilds.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, ItemsView, Iterator, KeysView, Mapping, Sequence, ValuesView
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import jinja2

from ..loading.load import MAX_FILE_BYTES, ReadResult
from ..loading.safefiles import UnsafeFile, read_regular_file
from ..records.base import Record
from ..rendering.fragments import KeptRows
from ..rendering.i18n import LOCALE_DIR
from ..rendering.render import PageJob, render_page
from .parallel import map_forked, read_records

if TYPE_CHECKING:
    from ..loading.catalog import Catalog

T = TypeVar("T")


def _every(items: list[T | None]) -> list[T]:
    """`items` once every place is filled (each was a cache hit or freshly made)."""
    filled = [item for item in items if item is not None]
    assert len(filled) == len(items), "a result is missing"
    return filled


# --- records -------------------------------------------------------------------------------


class RecordCache:
    """Parsed records by file and content hash."""

    def __init__(self) -> None:
        self._entries: dict[tuple[Path, str], tuple[bytes, ReadResult]] = {}

    def read_many(self, jobs: list[tuple[Path, type[Record]]]) -> list[ReadResult]:
        """`load_catalog`'s reader: `load_catalog(data, read_many=cache.read_many)`."""
        results: list[ReadResult | None] = [None] * len(jobs)
        misses: list[tuple[int, tuple[Path, str], bytes | None, bytes | None]] = []
        entries: dict[tuple[Path, str], tuple[bytes, ReadResult]] = {}
        for i, (path, model) in enumerate(jobs):
            key = (path, model.__name__)
            try:  # the same checks as read_record: no links, regular files, size limit
                data = read_regular_file(path, MAX_FILE_BYTES)
            except UnsafeFile:  # read_record reports it, with the reason
                misses.append((i, key, None, None))
                continue
            digest = hashlib.blake2b(data, digest_size=16).digest()
            cached = self._entries.get(key)
            if cached is not None and cached[0] == digest:
                results[i] = cached[1]
                entries[key] = cached
            else:
                misses.append((i, key, data, digest))
        fresh = read_records([(jobs[i][0], jobs[i][1], content) for i, _, content, _ in misses])
        for (i, key, _, new_digest), result in zip(misses, fresh, strict=True):
            results[i] = result
            if new_digest is not None:
                entries[key] = (new_digest, result)
        self._entries = entries  # files that are gone are forgotten
        return _every(results)


# --- what each claim needs ------------------------------------------------------------------


class _CatalogView:
    """A catalog whose records are tracked as a page's are (`_Tracked`); its settings
    (`dossier`, `root`) are compared once for all claims. Nothing else of a catalog is
    offered, so a function that reads more fails instead of being kept stale."""

    __slots__ = ("root", "dossier", "claims", "entities", "sources")

    def __init__(self, catalog: Catalog, seen: set[Dep]) -> None:
        self.root, self.dossier = catalog.root, catalog.dossier
        self.claims = _Tracked("claims", catalog.claims, seen)
        self.entities = _Tracked("entities", catalog.entities, seen)
        self.sources = _Tracked("sources", catalog.sources, seen)


def _records(catalog: Catalog) -> dict[str, Any]:
    return {"claims": catalog.claims, "entities": catalog.entities, "sources": catalog.sources}


class ClaimMemo:
    """What `fn(catalog, claim_id, *args)` gave for each claim, with the records it read:
    given again while none of them, nor the dossier's settings, changed. A preview's
    `each`; one-shot builds use `catalog.each_claim`, which gives the same."""

    def __init__(self) -> None:
        self._kept: dict[tuple[Any, ...], tuple[Any, dict[str, tuple[list[Any], Any]]]] = {}

    def __call__(self, fn: Callable[..., T], catalog: Catalog, *args: Any) -> dict[str, T]:
        key = (fn.__module__, fn.__qualname__, args)
        settings = (catalog.root, catalog.dossier)
        kept = self._kept.get(key)
        before = kept[1] if kept is not None and kept[0] == settings else {}
        records = _records(catalog)
        now: dict[str, tuple[list[Any], Any]] = {}
        for cid in catalog.claims:
            entry = before.get(cid)
            if entry is None or not _unchanged(records, entry[0]):
                seen: set[Dep] = set()
                result = fn(_CatalogView(catalog, seen), cid, *args)
                entry = ([(dep, _lookup(records, dep)) for dep in seen], result)
            now[cid] = entry
        self._kept[key] = (settings, now)
        return {cid: result for cid, (_, result) in now.items()}


# --- pages ---------------------------------------------------------------------------------

Dep = tuple[str, Any, bool]
"""(name of a shared mapping such as `claims` or `indexes.source_uses`, key, whole mapping?)."""


class _Tracked(Mapping[Any, Any]):
    """A read-only view of a dict that notes which keys the template reads."""

    __slots__ = ("_name", "_data", "_seen")

    def __init__(self, name: str, data: Mapping[Any, Any], seen: set[Dep]) -> None:
        self._name, self._data, self._seen = name, data, seen

    def __getitem__(self, key: Any) -> Any:
        self._seen.add((self._name, key, False))
        return self._data[key]

    def __contains__(self, key: object) -> bool:
        self._seen.add((self._name, key, False))
        return key in self._data

    def get(self, key: Any, default: Any = None) -> Any:
        self._seen.add((self._name, key, False))
        return self._data.get(key, default)

    def _all(self) -> Mapping[Any, Any]:
        self._seen.add((self._name, None, True))
        return self._data

    def __iter__(self) -> Iterator[Any]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def keys(self) -> KeysView[Any]:
        return self._all().keys()

    def items(self) -> ItemsView[Any, Any]:
        return self._all().items()

    def values(self) -> ValuesView[Any]:
        return self._all().values()


class _TrackedFields:
    """A view of a dataclass (the indexes) whose dict fields are tracked key by key."""

    def __init__(self, name: str, obj: Any, seen: set[Dep]) -> None:
        self._name, self._obj, self._seen = name, obj, seen

    def __getattr__(self, attr: str) -> Any:
        value = getattr(self._obj, attr)
        name = f"{self._name}.{attr}"
        if isinstance(value, dict):
            return _Tracked(name, value, seen=self._seen)
        self._seen.add((name, None, True))
        return value


class _TrackedList(Sequence[Any]):
    """A read-only view of a list (such as the site's timeline), read as a whole."""

    __slots__ = ("_name", "_data", "_seen")

    def __init__(self, name: str, data: list[Any], seen: set[Dep]) -> None:
        self._name, self._data, self._seen = name, data, seen

    def _all(self) -> list[Any]:
        self._seen.add((self._name, None, True))
        return self._data

    def __getitem__(self, index: Any) -> Any:
        return self._all()[index]

    def __len__(self) -> int:
        return len(self._all())

    def __iter__(self) -> Iterator[Any]:
        return iter(self._all())


def _trackable(value: Any) -> bool:
    return isinstance(value, dict | list) or (
        dataclasses.is_dataclass(value) and not isinstance(value, type)
    )


def _track(shared: Mapping[str, Any], seen: set[Dep]) -> dict[str, Any]:
    tracked: dict[str, Any] = {}
    for name, value in shared.items():
        if isinstance(value, dict):
            tracked[name] = _Tracked(name, value, seen)
        elif isinstance(value, list):
            tracked[name] = _TrackedList(name, value, seen)
        elif _trackable(value):
            tracked[name] = _TrackedFields(name, value, seen)
        else:
            tracked[name] = value
    return tracked


_MISSING = object()


def _lookup(shared: Mapping[str, Any], dep: Dep) -> Any:
    name, key, whole = dep
    top, _, attr = name.partition(".")
    container = shared[top]
    if attr:
        container = getattr(container, attr)
    return container if whole else container.get(key, _MISSING)


def _same(a: Any, b: Any) -> bool:
    return a is b or (a is not _MISSING and b is not _MISSING and a == b)


def _unchanged(shared: Mapping[str, Any], inputs: Sequence[tuple[Dep, Any]]) -> bool:
    """Whether every input (dependency, value read) reads the same in `shared` now."""
    return all(_same(_lookup(shared, dep), value) for dep, value in inputs)


def _render_tracked(
    state: tuple[jinja2.Environment, Mapping[str, Any], list[PageJob]], start: int, stop: int
) -> list[tuple[str, frozenset[Dep]]]:
    env, shared, jobs = state
    seen: set[Dep] = set()
    tracked = _track(shared, seen)
    out = []
    for job in jobs[start:stop]:
        seen.clear()
        out.append((render_page(env, tracked, job), frozenset(seen)))
    return out


def templates_digest(env: jinja2.Environment) -> bytes:
    """Hash of every file in the template folders and of the interface's catalogs, so any
    template edit, or a translator's, is noticed."""
    digest = hashlib.blake2b(digest_size=16)
    searchpath = [*getattr(env.loader, "searchpath", []), str(LOCALE_DIR)]
    for folder in searchpath:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.digest()


@dataclass
class _Entry:
    template: str
    extra: dict[str, Any]
    markdown: str
    inputs: list[tuple[Dep, Any]]


class PageCache:
    """Rendered pages with the inputs each one read."""

    def __init__(self) -> None:
        self._entries: dict[str, _Entry] = {}
        self._fixed: tuple[bytes, dict[str, Any]] | None = None
        self.rendered: list[str] = []
        """Paths rendered (not reused) by the last call, for reports and tests."""
        self.kept_rows = KeptRows()

    def _fresh(self, job: PageJob, shared: Mapping[str, Any]) -> str | None:
        entry = self._entries.get(job.path)
        if (
            entry is None
            or entry.template != job.template
            or entry.extra.keys() != job.extra.keys()
        ):
            return None
        if not all(_same(job.extra[k], v) for k, v in entry.extra.items()):
            return None
        if _unchanged(shared, entry.inputs):
            return entry.markdown
        return None

    def render(
        self, env: jinja2.Environment, shared: Mapping[str, Any], jobs: Sequence[PageJob]
    ) -> list[str]:
        """`render_site`'s renderer: `render_site(..., renderer=cache.render)`."""
        shared = {**shared, "kept_rows": self.kept_rows}
        # Values that are not mappings (the dossier's settings) are read by every page.
        fixed = (templates_digest(env), {k: v for k, v in shared.items() if not _trackable(v)})
        if self._fixed is None or self._fixed[0] != fixed[0] or self._fixed[1] != fixed[1]:
            self._entries = {}
        self._fixed = fixed

        markdowns: list[str | None] = [self._fresh(job, shared) for job in jobs]
        todo = [job for job, md in zip(jobs, markdowns, strict=True) if md is None]
        results = map_forked(_render_tracked, (env, shared, todo), len(todo))
        done = iter(results)
        entries: dict[str, _Entry] = {}
        for i, job in enumerate(jobs):
            if markdowns[i] is None:
                markdown, deps = next(done)
                markdowns[i] = markdown
                inputs = [(dep, _lookup(shared, dep)) for dep in deps]
                entries[job.path] = _Entry(job.template, dict(job.extra), markdown, inputs)
            else:
                entries[job.path] = self._entries[job.path]
        self._entries = entries
        self.rendered = [job.path for job in todo]
        return _every(markdowns)

"""Use every core: read record files and render pages in a pool of forked processes.

Why fork rather than spawn: rendering needs the whole catalog and the Jinja environment, and
forked workers inherit them for free, where spawned ones would need them pickled (which
costs about as much as the work). Small jobs stay serial: starting a pool costs more than it
saves below a few hundred items, and forking a process that runs other threads (such as
`mkdocs serve` after its first build) risks a deadlock, so such a process stays serial too.

The results are those of the serial path, in the same order: problems are gathered and
sorted by `load.py` exactly as they are when reading serially.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import jinja2

from ..loading.load import ReadResult, read_record
from ..publishing.cards import Card, write_card
from ..records.base import Record
from ..rendering.render import PageJob, PageRenderer, render_page
from ..rendering.textfile import Shelved, shelve
from .cores import worker_count

T = TypeVar("T")

MIN_ITEMS = 300
"""Below this many files or pages, a pool's start-up costs more than it saves."""

_STATE: Any = None
"""What the forked workers read: set just before the fork, cleared right after."""


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def _chunks(count: int, parts: int) -> list[tuple[int, int]]:
    size = -(-count // parts)
    return [(start, min(start + size, count)) for start in range(0, count, size)]


def balanced_order(weights: Sequence[int]) -> list[int]:
    """An order of the items (by index) for `map_forked`, in which its chunks carry about
    the same weight: the heaviest items first, dealt to the chunks in turn."""
    parts = max(1, len(_chunks(len(weights), worker_count() * 4))) if weights else 1
    heaviest_first = sorted(range(len(weights)), key=lambda i: -weights[i])
    return [i for part in range(parts) for i in heaviest_first[part::parts]]


def _run(function: Callable[[Any, int, int], list[T]], bounds: tuple[int, int]) -> list[T]:
    return function(_STATE, *bounds)


def map_forked(
    function: Callable[[Any, int, int], list[T]],
    state: Any,
    count: int,
    min_items: int | None = None,
) -> list[T]:
    """`function(state, start, stop)` over 0..count in chunks, in forked workers when it pays.

    `function` must be a module-level function (it is sent to the workers by name); `state`
    is inherited by the workers, never pickled. Results come back in order.
    """
    workers = worker_count()
    if count < (MIN_ITEMS if min_items is None else min_items) or workers < 2 or not can_fork():
        return function(state, 0, count)
    global _STATE
    _STATE = state
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            # A few chunks per worker even out files and pages of unequal cost.
            parts = pool.map(partial(_run, function), _chunks(count, workers * 4), chunksize=1)
    finally:
        _STATE = None
    return [item for part in parts for item in part]


ReadJob = tuple[Path, type[Record], bytes | None]


def _read_chunk(jobs: Sequence[ReadJob], start: int, stop: int) -> list[ReadResult]:
    return [read_record(path, model, data) for path, model, data in jobs[start:stop]]


def read_records(jobs: Sequence[ReadJob], min_items: int | None = None) -> list[ReadResult]:
    """Read, parse and validate each (file, model, content or None), in order."""
    return map_forked(_read_chunk, jobs, len(jobs), min_items)


def read_many(
    jobs: list[tuple[Path, type[Record]]], min_items: int | None = None
) -> list[ReadResult]:
    """`load_catalog`'s reader, in parallel: `load_catalog(data, read_many=read_many)`."""
    return read_records([(path, model, None) for path, model in jobs], min_items)


def _render_chunk(
    state: tuple[jinja2.Environment, Mapping[str, Any], list[PageJob]], start: int, stop: int
) -> list[str]:
    env, shared, jobs = state
    return [render_page(env, shared, job) for job in jobs[start:stop]]


def render_in_parallel(
    env: jinja2.Environment,
    shared: Mapping[str, Any],
    jobs: list[PageJob],
    min_items: int | None = None,
) -> list[str]:
    """`render_pages`' renderer, in parallel: `build_site(..., renderer=render_in_parallel)`.

    `min_items` overrides `MIN_ITEMS`, the size below which the pages render serially."""
    return map_forked(_render_chunk, (env, shared, jobs), len(jobs), min_items)


def _render_into_chunk(
    state: tuple[jinja2.Environment, Mapping[str, Any], list[PageJob], Path], start: int, stop: int
) -> list[Shelved]:
    env, shared, jobs, folder = state
    pages = (job.finish(render_page(env, shared, job)) for job in jobs[start:stop])
    # One file for the chunk's pages (not one a page), each written as soon as it is made.
    return shelve(folder / f"{start}.md", pages)


def render_into(folder: Path) -> PageRenderer:
    """A renderer that shelves each page's Markdown in `folder` (on every core) and gives
    where each is: at 10,000 claims the pages' text would take some 350 MiB held in memory."""

    def render(
        env: jinja2.Environment, shared: Mapping[str, Any], jobs: list[PageJob]
    ) -> list[Shelved]:
        folder.mkdir(parents=True, exist_ok=True)
        return map_forked(_render_into_chunk, (env, shared, jobs, folder), len(jobs))

    return render


MIN_CARDS = 24
"""Below this many cards, drawing them (some 20 ms each) costs less than starting a pool."""


def _draw_chunk(jobs: Sequence[tuple[Card, Path]], start: int, stop: int) -> list[None]:
    for card, file in jobs[start:stop]:
        write_card(card, file)
    return []


def draw_in_parallel(jobs: Sequence[tuple[Card, Path]], min_items: int | None = None) -> None:
    """`build_site`'s card drawer, in parallel: `build_site(..., card_drawer=draw_in_parallel)`.
    Each worker writes the cards it draws, so no card's bytes cross processes."""
    map_forked(_draw_chunk, jobs, len(jobs), MIN_CARDS if min_items is None else min_items)

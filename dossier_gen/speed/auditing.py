"""Audit a full build's pages as they are written, on the cores the build leaves idle.

The same report as `publishing.audit.audit_site`, sooner: MkDocs builds on one core, and
auditing every page afterwards cost about a third of what MkDocs spends on it.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path, PurePosixPath

from ..publishing.audit import AUDITED_SUFFIXES, LineMemo, audit_file, page_problems
from .cores import worker_count

_MEMO = LineMemo()
"""The worker's memo of recurring lines, kept from batch to batch."""


def _audit_batch(batch: Sequence[tuple[str, str]]) -> list[tuple[str, list[str]]]:
    return [(name, page_problems(name, html, _MEMO)) for name, html in batch]


class PageAuditor:
    """Audits pages as a build writes them, on the cores the build leaves idle.

    Why: MkDocs builds on one core, and parsing every page with the standard library's parser
    costs about a third of what MkDocs spends on it. Workers are spawned, not forked: the
    process that builds may run other threads, and the workers need nothing but this module.
    Pages go in batches, so sending them costs little next to parsing them. With one usable
    core, or `workers=0`, pages are audited in this process as they come.
    """

    BATCH = 32

    def __init__(self, workers: int | None = None) -> None:
        if workers is None:
            workers = worker_count() - 1
        self._pool = (
            ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
            if workers > 0
            else None
        )
        self._batch: list[tuple[str, str]] = []
        self._pending: list[Future[list[tuple[str, list[str]]]]] = []
        self._found: dict[str, list[str]] = {}

    def add(self, name: str, html: str) -> None:
        """Audit the page that will be written at `name` (relative to the site folder)."""
        if self._pool is None:
            self._found[name] = page_problems(name, html, _MEMO)
            return
        self._batch.append((name, html))
        if len(self._batch) >= self.BATCH:
            self._send()

    AHEAD = 2
    """Batches sent and not yet audited, at most: beyond that the build waits for the audit
    rather than hold every written page's HTML in memory while the audit catches up. Eight
    held up to 288 pages, the 10 MB claims list of 10,000 claims among them: two took the
    build's peak from 530 to 515 MiB, in the same time (one run each)."""

    def _send(self) -> None:
        if self._batch and self._pool is not None:
            self._pending.append(self._pool.submit(_audit_batch, self._batch))
            self._batch = []
        while len(self._pending) > self.AHEAD:
            self._found.update(self._pending.pop(0).result())

    theme: frozenset[str] = frozenset({"404.html"})
    """Pages the theme writes without a page of the site (they reach `finish` from disk)."""

    def finish(self, site_dir: Path | str) -> list[str]:
        """Every problem, as `audit_site` reports them: the pages added, and any other HTML
        file in the site (copied from the docs folder, say), read from disk."""
        self._send()
        try:
            for future in self._pending:
                self._found.update(future.result())
        finally:
            self.close()
        site = Path(site_dir)
        for path in site.rglob("*"):
            name = path.relative_to(site).as_posix()
            if path.suffix in AUDITED_SUFFIXES and name not in self._found and path.is_file():
                # Not written by the theme: copied from the pages folder, or a data file.
                text = path.read_text(encoding="utf-8", errors="replace")
                self._found[name] = audit_file(name, text, written_by_theme=name in self.theme)
        # In audit_site's order: by path, each page's problems as they occur in it.
        return [
            problem
            for name in sorted(self._found, key=PurePosixPath)
            for problem in self._found[name]
        ]

    def close(self) -> None:
        """Stop the workers (also when the build fails before `finish`)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._pending = []

"""Give the memory a build has freed back to the system, where the C library allows it;
keep the garbage collector's full passes out of a preview's rebuilds.

Why: CPython frees a page's strings once the page is written, but the C library keeps the
freed space for the process; with pages of unequal size it fragments, and at 10,000 claims
a build's resident memory stood some 150 MiB above what it still used (measured with
`malloc_trim` at the end of the pages). glibc's `malloc_trim` hands that space back; on
other systems this does nothing.

Why the collector waits (`IdleCollector`): a preview server holds every record and page of
the dossier between rebuilds, a few million objects at 1,000 claims. Each rebuild made
enough new objects for one full pass of Python's cycle collector over all of them: 0.11 to
0.15 s of a ~1 s rebuild (measured with `gc.callbacks` during `serve`). What survived a
rebuild is set aside (`gc.freeze`) so the next one's passes look only at its own objects;
the full pass runs once the server has been idle for two seconds.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import gc
import threading
from collections.abc import Callable


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        trim: Callable[[int], int] = ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):  # not glibc
        return None
    return trim


def give_back_freed_memory() -> bool:
    """Return freed memory to the system; whether the C library could."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)
    return True


class EveryNth:
    """Calls `give_back_freed_memory` once every `n` calls of `tick` (a page written)."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.count = 0

    def tick(self) -> None:
        self.count += 1
        if self.count % self.n == 0:
            give_back_freed_memory()


class IdleCollector:
    """Runs the cycle collector's full pass between a preview's rebuilds, not during them.

    `build_finished` sets aside every object alive then (`gc.freeze`), so collections during
    the next build look only at objects it made; `idle` seconds later, unless a build has
    started, everything is collected (cycles left by earlier builds included) and set aside
    again. Objects freed by reference counting are freed at once, as always."""

    def __init__(self, idle: float = 2.0) -> None:
        # Long enough for the browser to have reloaded, and a person's next save to come
        # after it as a rule: a save during the pass waits for it (~0.15 s at 1,000 claims).
        self.idle = idle
        self._lock = threading.Lock()
        self._building = False
        self._timer: threading.Timer | None = None
        self.collections = 0
        """Full passes run while idle, for tests and reports."""

    def _stop_waiting(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def build_started(self) -> None:
        with self._lock:
            self._building = True
            self._stop_waiting()

    def build_finished(self) -> None:
        """(Also when the build failed: MkDocs may report one build's end twice, as its
        post-build step and as its error.)"""
        with self._lock:
            self._building = False
            gc.freeze()
            self._stop_waiting()
            self._timer = threading.Timer(self.idle, self._collect)
            self._timer.daemon = True  # never keeps a stopped server's process alive
            self._timer.start()

    def _collect(self) -> None:
        with self._lock:
            if self._building:  # its end schedules the next pass
                return
            gc.unfreeze()
            gc.collect()
            gc.freeze()
            self.collections += 1

    def close(self) -> None:
        """Stop waiting, and give the set-aside objects back to the collector."""
        with self._lock:
            self._stop_waiting()
            gc.unfreeze()

"""Give the memory a build has freed back to the system, where the C library allows it.

Why: CPython frees a page's strings once the page is written, but the C library keeps the
freed space for the process; with pages of unequal size it fragments, and at 10,000 claims
a build's resident memory stood some 150 MiB above what it still used (measured with
`malloc_trim` at the end of the pages). glibc's `malloc_trim` hands that space back; on
other systems this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
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

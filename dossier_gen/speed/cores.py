"""How many cores this process may use: the one answer every pool in the package asks."""

from __future__ import annotations

import os


def worker_count() -> int:
    """The cores this process may run on (its CPU affinity, where the system has one)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1

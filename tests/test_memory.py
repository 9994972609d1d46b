"""Giving freed memory back: it works where the C library is glibc, and is paced. A
preview's full garbage collections wait for the server to be idle."""

from __future__ import annotations

import gc
import platform
import time
import weakref
from collections.abc import Callable

import pytest

from dossier_gen.speed import memory


def test_freed_memory_goes_back_on_glibc():
    glibc = platform.libc_ver()[0] == "glibc"
    assert memory.give_back_freed_memory() is glibc


def test_every_nth_page_gives_memory_back(monkeypatch: pytest.MonkeyPatch):
    calls: list[int] = []
    monkeypatch.setattr(memory, "give_back_freed_memory", lambda: calls.append(1) or True)
    pacer = memory.EveryNth(3)
    for _ in range(7):
        pacer.tick()
    assert len(calls) == 2


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def _cycle_left_behind() -> weakref.ref[_Cycle]:
    return weakref.ref(_Cycle())  # unreachable at once, but only the cycle collector frees it


def _until(condition: Callable[[], bool], seconds: float = 5) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


def test_a_preview_collects_the_garbage_when_idle_and_not_during_a_build():
    collector = memory.IdleCollector(idle=0.05)
    try:
        collector.build_started()
        collector.build_finished()
        # What was alive at the end of the build is set aside: the next build's collections
        # do not look at it again.
        assert gc.get_freeze_count() > 0
        left = _cycle_left_behind()
        collector.build_started()  # a rebuild began before the server was idle
        time.sleep(0.2)
        assert collector.collections == 0
        collector.build_finished()
        assert _until(lambda: collector.collections == 1)
        assert left() is None  # the cycle a build left behind is gone
        assert gc.get_freeze_count() > 0
    finally:
        collector.close()
    assert gc.get_freeze_count() == 0


def test_the_preview_server_collects_after_a_build_even_a_failed_one():
    from dossier_gen.mkdocs_plugin import DossierPlugin

    plugin = DossierPlugin()
    plugin.on_startup(command="serve", dirty=True)
    assert plugin.preview is not None
    plugin.preview.idle_gc.idle = 0.05
    try:
        plugin.on_build_error(error=RuntimeError("a record did not load"))
        assert _until(lambda: plugin.preview is not None and plugin.preview.idle_gc.collections)
    finally:
        plugin.on_shutdown()
    assert gc.get_freeze_count() == 0

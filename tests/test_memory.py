"""Giving freed memory back: it works where the C library is glibc, and is paced."""

from __future__ import annotations

import platform

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

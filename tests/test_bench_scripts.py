"""`make bench` runs for half an hour, outside `make test`: a name it imports that the code
no longer has would only show then. Each bench script is imported here (they act only when
run as a program), so such a break fails the tests instead."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from .conftest import ROOT

SCRIPTS = sorted((ROOT / "bench").glob("*.py"))


@pytest.mark.parametrize("script", SCRIPTS, ids=[s.name for s in SCRIPTS])
def test_the_bench_script_imports(script, monkeypatch):
    monkeypatch.syspath_prepend(str(script.parent))
    spec = importlib.util.spec_from_file_location(f"bench_{script.stem}", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)
    spec.loader.exec_module(module)

"""Time from saving an edited claim to its rebuilt page during `dossier serve`.

Starts `dossier serve` on a free loopback port, waits for the first build, then edits one
claim's summary several times; each time it polls the served page until the new text is
there. The time runs from the moment the file is written.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, text: str, limit: float) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        if text in _fetch(url):
            return time.perf_counter()
        time.sleep(0.02)
    raise RuntimeError(f"{text!r} did not appear at {url} within {limit:.0f} s")


def edit_latencies(workspace: Path, edits: int, full_rebuilds: bool = False) -> list[float]:
    """Seconds from each save to the page showing it, over `edits` successive edits."""
    port = free_port()
    args = [sys.executable, "-m", "dossier_gen", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    if full_rebuilds:
        args.append("--full-rebuilds")
    claim = sorted((workspace / "data" / "claims").glob("*.yml"))[0]
    page = f"http://127.0.0.1:{port}/claims/{claim.stem}/"
    original = claim.read_text(encoding="utf-8")
    log = open(workspace / f"serve-{port}.log", "wb")  # noqa: SIM115 -- lives as long as serve
    # A session of its own: `dossier serve` runs `mkdocs serve` as a child, and both must stop.
    server = subprocess.Popen(
        args,
        cwd=workspace,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        start_new_session=True,
    )
    times: list[float] = []
    try:
        _wait_for(page, "</html>", limit=900)  # the first build is done
        for n in range(edits):
            marker = f"Benchmark edit {n} {time.time_ns()}"
            text = original.replace('summary: "', f'summary: "{marker}. ', 1)
            time.sleep(1.0)  # let the server settle, as an editor's saves are seconds apart
            start = time.perf_counter()
            claim.write_text(text, encoding="utf-8")
            times.append(_wait_for(page, marker, limit=300) - start)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()
        claim.write_text(original, encoding="utf-8")
    return times

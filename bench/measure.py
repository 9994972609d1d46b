"""Measuring tools for the benchmark: timed child processes with their peak memory, sizes on
disk, and a description of the machine."""

from __future__ import annotations

import gzip
import os
import platform
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_rss_mib: float
    """Largest resident set of one process of the tree (the kernel's count, from wait4)."""
    peak_tree_mib: float
    """Largest sum of the resident sets of the whole tree, sampled every 50 ms."""
    cpu_seconds: float
    """User + system time of the whole tree: steadier than wall time on a busy machine."""


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                found += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return found


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree_rss_kib(pid: int) -> int:
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += _rss_kib(p)
        todo += _children(p)
    return total


def timed(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run a command to completion; fail loudly (with its output) if it fails."""
    start = time.perf_counter()
    child = subprocess.Popen(
        args,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    peak = [0]
    done = threading.Event()

    def poll() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss_kib(child.pid))
            done.wait(0.05)

    sampler = threading.Thread(target=poll, daemon=True)
    sampler.start()
    output = child.stdout.read() if child.stdout else b""
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise RuntimeError(
            f"{' '.join(args)} failed ({child.returncode}):\n"
            f"{output.decode(errors='replace')[-4000:]}"
        )
    return Run(seconds, usage.ru_maxrss / 1024, peak[0] / 1024, usage.ru_utime + usage.ru_stime)


def spread(values: list[float]) -> tuple[float, float, float]:
    """(median, min, max)."""
    return statistics.median(values), min(values), max(values)


def fmt(values: list[float], digits: int = 2, unit: str = "") -> str:
    median, low, high = spread(values)
    if len(values) == 1:
        return f"{median:.{digits}f}{unit} (1 run)"
    return f"{median:.{digits}f}{unit} ({low:.{digits}f}–{high:.{digits}f})"


def tree_size(folder: Path) -> tuple[int, int]:
    """(bytes, bytes if every file were gzipped at level 6)."""
    raw = gz = 0
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            raw += len(data)
            gz += len(gzip.compress(data, compresslevel=6, mtime=0))
    return raw, gz


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def machine() -> dict[str, str]:
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "cpu": cpu,
        "cores usable": str(cores),
        "memory": memory,
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
    }

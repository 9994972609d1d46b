"""`make bench`: measure dossier-gen on synthetic dossiers and write bench/RESULTS.md.

For each size (1,000 and 10,000 claims; `BENCH_QUICK=1`: 100 and 1,000, one run each) it
times the generator cold and warm, full `mkdocs build`s with the plugin against bare MkDocs
builds of the same rendered pages (interleaved, so load on the machine hits both alike), and
the site's size, and what reading a page and each of a fixed list of searches download (in
chromium); at the smaller size it times edit → rebuilt page during `dossier serve`; then it
builds the real dossier with the plugin's speed work on and off. Figures are medians with
(min–max). The machines are shared: compare the ratios measured in one run, not absolute
times across runs.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from measure import Run, fmt, load_average, machine, spread, timed, tree_size
from search_cost import Cost, search_costs
from serve_latency import edit_latencies

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for devtools, shared with the tests

from devtools.synth import write_dossier  # noqa: E402

QUICK = os.environ.get("BENCH_QUICK") == "1"
SIZES = (100, 1000) if QUICK else (1000, 10000)
RUNS = int(os.environ.get("BENCH_RUNS", 1 if QUICK else 3))
EDITS = 3 if QUICK else 5
QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
SEARCHES = [
    "report",
    "reports",
    "auditing",
    "witness transcript",
    "Example Person 7",
    "Example Outlet 12",
    "Claim 1234",
    "官员报告",
    "调查",
    "zzqxjv",
]
"""Searches on the synthetic dossiers: every claim holds "report" (the worst case), stems,
names, Chinese runs, and a word found nowhere."""
SPEED_OFF = {
    "parallel": False,
    "search_setup": False,
    "sidebar_cache": False,
    "pass_tables": False,
}
"""The dossier plugin with its speed work off: MkDocs converts every page, Material indexes
every page's HTML (with jieba) and readers download the whole index."""
BARE_SEARCH_SEPARATOR = r"[\s\u200b\u3000\-、。，．？！；]+"
"""mkdocs-material's separator for Chinese, which the plugin set before it had its own search."""
OUT = ROOT / "bench" / ("RESULTS-quick.md" if QUICK else "RESULTS.md")


def say(text: str) -> None:
    print(f"[bench {dt.datetime.now():%H:%M:%S}] {text}", flush=True)


def _absolute(value: str) -> str:
    return str((ROOT / value).resolve())


def write_configs(ws: Path) -> None:
    """The project's mkdocs.yml pointed at the synthetic dossier, and a bare twin of it."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    theme = config.get("theme", {})
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = _absolute(theme["custom_dir"])
    if config.get("hooks"):
        config["hooks"] = [_absolute(h) for h in config["hooks"]]
    plugins, bare_plugins = [], []
    for entry in config.get("plugins", []):
        name = entry if isinstance(entry, str) else next(iter(entry))
        if name == "dossier":
            options = {} if isinstance(entry, str) else dict(entry["dossier"] or {})
            options["data_dir"] = "data"
            if options.get("templates"):
                options["templates"] = [_absolute(t) for t in options["templates"]]
            entry = {"dossier": options}
        elif name == "search":
            # Bare MkDocs searches as a site without the dossier's search would: Material's
            # own index, with its separator for Chinese (jieba's zero-width spaces).
            bare_plugins.append({"search": {"separator": BARE_SEARCH_SEPARATOR}})
        else:
            bare_plugins.append(entry)
        plugins.append(entry)
    full = {**config, "docs_dir": "docs", "plugins": plugins}
    before = {
        **full,
        "plugins": [
            {"dossier": {**entry["dossier"], **SPEED_OFF}}
            if isinstance(entry, dict) and "dossier" in entry
            else entry
            for entry in plugins
        ],
    }
    dossier = yaml.safe_load((ws / "data" / "dossier.yml").read_text(encoding="utf-8"))
    bare = {
        **config,
        "docs_dir": "rendered",
        "plugins": bare_plugins,
        "site_name": dossier["title"],
        "site_description": dossier["description"],
        "site_url": dossier["base_url"],
        "strict": False,
        "not_in_nav": "\n".join(
            [
                "/claims/*",
                "/entities/*",
                "/sources/*",
                "!/claims/index.md",
                "!/entities/index.md",
                "!/sources/index.md",
            ]
        ),
    }
    for name, data in (("mkdocs.yml", full), ("bare.yml", bare), ("before.yml", before)):
        (ws / name).write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )


def prepare(base: Path, claims: int) -> Path:
    ws = base / f"claims-{claims}"
    write_dossier(ws, claims)
    # The project's hand-written pages, which the nav names, as placeholders: the real ones
    # link to the real dossier's records, which a synthetic dossier does not have.
    # The top-level pages only: `docs/zh/` is the real dossier's Chinese edition, and a
    # synthetic dossier has one language.
    for path in sorted((ROOT / "docs").glob("*")) if (ROOT / "docs").is_dir() else []:
        target = ws / "docs" / path.relative_to(ROOT / "docs")
        if path.is_dir() or target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".md":
            target.write_text(
                f"# {path.stem}\n\nA placeholder for the benchmark.\n", encoding="utf-8"
            )
        else:
            shutil.copy2(path, target)
    write_configs(ws)
    return ws


def generator(ws: Path, mode: str) -> dict[str, float]:
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "generator_timing.py"),
            "--data",
            "data",
            "--mode",
            mode,
        ],
        cwd=ws,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"generator {mode} failed:\n{result.stdout}{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def mkdocs(ws: Path, config: str, site: str) -> Run:
    return timed(
        [sys.executable, "-m", "mkdocs", "build", "--config-file", config, "--site-dir", site],
        cwd=ws,
        env=QUIET,
    )


def measure_size(base: Path, claims: int) -> dict:
    say(f"{claims} claims: writing the synthetic dossier")
    ws = prepare(base, claims)
    out: dict = {
        "claims": claims,
        "cold": [],
        "serial": [],
        "warm": [],
        "full": [],
        "bare": [],
        "render_out": [],
    }
    for mode in ("cold", "serial", "warm"):
        for _ in range(1 if mode == "serial" else RUNS):  # serial: a comparison only
            out[mode].append(generator(ws, mode))
        say(f"{claims} claims: generator {mode}: {fmt([r['seconds'] for r in out[mode]], 3, ' s')}")
    for n in range(RUNS):
        out["full"].append(mkdocs(ws, "mkdocs.yml", "site-full"))
        render = timed(
            [
                sys.executable,
                "-m",
                "dossier_gen",
                "render",
                "--out",
                "rendered",
            ],
            cwd=ws,
        )
        out["render_out"].append(render)
        out["bare"].append(mkdocs(ws, "bare.yml", "site-bare"))
        say(
            f"{claims} claims: build {n + 1}/{RUNS}: full {out['full'][-1].seconds:.1f} s"
            f" ({out['full'][-1].cpu_seconds:.1f} s CPU), bare {out['bare'][-1].seconds:.1f} s"
            f" ({out['bare'][-1].cpu_seconds:.1f} s CPU)"
        )
    say(f"{claims} claims: what searching downloads")
    out["on_load"], out["searches"] = search_costs(ws / "site-full", SEARCHES, "claims/")
    out["site"] = tree_size(ws / "site-full")
    out["search"] = tree_size(ws / "site-full" / "search")
    out["pages"] = sum(1 for _ in (ws / "site-full").rglob("index.html"))
    out["ws"] = ws
    return out


def _mib(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MiB"


def _check(ok: bool) -> str:
    return "**met**" if ok else "**not met**"


def measure_real(base: Path) -> dict[str, list[Run]]:
    """The real dossier (61 claims when written), built with the plugin's speed work on and
    off, interleaved: nothing may be slower at its size."""
    ws = base / "real"
    shutil.copytree(ROOT / "data", ws / "data")
    shutil.copytree(ROOT / "docs", ws / "docs")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    before = {
        **config,
        "plugins": [
            {"dossier": {**(entry["dossier"] or {}), **SPEED_OFF}}
            if isinstance(entry, dict) and "dossier" in entry
            else entry
            for entry in config.get("plugins", [])
        ],
    }
    shutil.copy(ROOT / "mkdocs.yml", ws / "mkdocs.yml")
    (ws / "before.yml").write_text(
        yaml.safe_dump(before, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    out: dict[str, list[Run]] = {"on": [], "off": []}
    for n in range(RUNS):
        out["on"].append(mkdocs(ws, "mkdocs.yml", "site-on"))
        out["off"].append(mkdocs(ws, "before.yml", "site-off"))
        say(
            f"real dossier: build {n + 1}/{RUNS}: speed work on {out['on'][-1].seconds:.2f} s,"
            f" off {out['off'][-1].seconds:.2f} s"
        )
    return out


def _kib(n: float) -> str:
    return f"{n / 1024:,.0f} KiB"


def report(
    results: list[dict],
    serve: dict[str, list[float]],
    real: dict[str, list[Run]],
    info: dict[str, str],
) -> str:
    small, large = results
    ratio = [f.seconds / b.seconds for f, b in zip(large["full"], large["bare"], strict=True)]
    cpu_ratio = [
        f.cpu_seconds / b.cpu_seconds for f, b in zip(large["full"], large["bare"], strict=True)
    ]
    scale_build = (
        spread([r.seconds for r in large["full"]])[0]
        / spread([r.seconds for r in small["full"]])[0]
    )
    scale_gen = (
        spread([r["seconds"] for r in large["cold"]])[0]
        / spread([r["seconds"] for r in small["cold"]])[0]
    )
    peak = spread([r.peak_rss_mib for r in large["full"]])[0]
    latency = spread(serve["dirty"])[0]
    times = large["claims"] // small["claims"]
    worst: Cost = max(large["searches"], key=lambda c: c.gzipped)
    real_ratio = [on.seconds / off.seconds for on, off in zip(real["on"], real["off"], strict=True)]
    real_cpu = [
        on.cpu_seconds / off.cpu_seconds for on, off in zip(real["on"], real["off"], strict=True)
    ]
    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench`{' with BENCH_QUICK=1 (small sizes, one run)' if QUICK else ''}"
        f" on {info['date']}, at commit `{info['commit']}`.",
        "",
        "Machine: " + "; ".join(f"{k} {v}" for k, v in info["machine"].items()) + ".",
        f"Load average (1, 5, 15 min) at the start: {info['load_start']}; at the end:"
        f" {info['load_end']}. The machine is shared: absolute times vary between runs, so"
        " the targets are judged on ratios measured within this run.",
        "",
        f"Figures are medians of {RUNS} run{'s' if RUNS > 1 else ''}, with (min–max).",
        "",
        "## Targets",
        "",
        "| target | measured | |",
        "| --- | --- | --- |",
        f"| full build ≤ 0.70 × bare MkDocs on the same pages ({large['claims']:,} claims) |"
        f" {fmt(ratio, 3, ' ×')}; CPU time {fmt(cpu_ratio, 3, ' ×')} |"
        f" {_check(spread(ratio)[0] <= 0.70)} |",
        f"| reading a page downloads no search index ({large['claims']:,} claims) |"
        f" {large['on_load']:,} bytes | {_check(large['on_load'] == 0)} |",
        f"| one search downloads ≤ 2 MiB gzipped ({large['claims']:,} claims) |"
        f" at most {_kib(worst.gzipped)} ({worst.query!r}, {worst.results:,} results);"
        f" median {_kib(spread([c.gzipped for c in large['searches']])[0])} |"
        f" {_check(worst.gzipped <= 2 * 1024 * 1024)} |",
        f"| peak memory ≤ 500 MiB ({large['claims']:,} claims) | {peak:.0f} MiB |"
        f" {_check(peak <= 500)} |",
        f"| edit → rebuilt page during `serve` ≤ 1 s ({small['claims']:,} claims) |"
        f" {fmt(serve['dirty'], 2, ' s')} | {_check(latency <= 1)} |",
        f"| nothing slower at the real dossier's size: full build with the speed work ÷"
        f" without it | {fmt(real_ratio, 3, ' ×')}; CPU time {fmt(real_cpu, 3, ' ×')} |"
        f" {_check(spread(real_ratio)[0] <= 1.0)} |",
        f"| build time at {large['claims']:,} ≤ 11 × at {small['claims']:,} claims |"
        f" {scale_build:.2f} × (generator cold: {scale_gen:.2f} ×) |"
        f" {_check(scale_build <= 1.1 * times)} |",
        "",
        "The speed work, for the last target: the generated pages' Markdown converted on"
        " every core, the dossier's own search index (built from the records) instead of"
        " Material's (every page's HTML parsed, Chinese cut with jieba), the theme's sidebars"
        " rendered once for the pages that share them, and raw HTML tables passed round"
        " Python-Markdown. Without it: `parallel: false`, `search_setup: false`,"
        " `sidebar_cache: false` and `pass_tables: false` in the dossier plugin's settings. Both"
        " arms keep the audit's memo of recurring lines and the pages waiting on disk.",
        "",
        "## Generator (load + validate + render to Markdown, in memory)",
        "",
        "| claims | pages | cold, both cores | claims/s | cold, one core | warm after editing"
        " one claim | pages re-rendered |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in results:
        cold = [x["seconds"] for x in r["cold"]]
        lines.append(
            f"| {r['claims']:,} | {r['cold'][0]['pages']:,} | {fmt(cold, 2, ' s')} |"
            f" {r['claims'] / spread(cold)[0]:,.0f} |"
            f" {fmt([x['seconds'] for x in r['serial']], 2, ' s')} |"
            f" {fmt([x['seconds'] for x in r['warm']], 3, ' s')} | {r['warm'][0]['pages']} |"
        )
    lines += [
        "",
        "CPU seconds (median; user + system, workers included): "
        + "; ".join(
            f"{r['claims']:,} claims: cold {spread([x['cpu'] for x in r['cold']])[0]:.2f},"
            f" one core {spread([x['cpu'] for x in r['serial']])[0]:.2f},"
            f" warm {spread([x['cpu'] for x in r['warm']])[0]:.3f}"
            for r in results
        )
        + ".",
        "",
        "Cold split (median): "
        + "; ".join(
            f"{r['claims']:,} claims: load {spread([x['load'] for x in r['cold']])[0]:.2f} s,"
            f" render {spread([x['render'] for x in r['cold']])[0]:.2f} s"
            for r in results
        )
        + ".",
        "",
        "## MkDocs builds",
        "",
        "Full: `mkdocs build` with the dossier plugin (strict). Bare: `dossier render --out`,"
        " then MkDocs without the plugin on those pages. Peak memory: the largest process"
        " (kernel's max RSS); in brackets, the whole process tree sampled every 50 ms.",
        "",
        "| claims | full build | bare build | full ÷ bare | full ÷ bare, CPU time |"
        " peak memory, full | peak memory, bare | `dossier render --out` |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in results:
        per_run = [f.seconds / b.seconds for f, b in zip(r["full"], r["bare"], strict=True)]
        per_cpu = [f.cpu_seconds / b.cpu_seconds for f, b in zip(r["full"], r["bare"], strict=True)]
        lines.append(
            f"| {r['claims']:,} | {fmt([x.seconds for x in r['full']], 1, ' s')} |"
            f" {fmt([x.seconds for x in r['bare']], 1, ' s')} | {fmt(per_run, 3, ' ×')} |"
            f" {fmt(per_cpu, 3, ' ×')} |"
            f" {spread([x.peak_rss_mib for x in r['full']])[0]:.0f} MiB"
            f" ({spread([x.peak_tree_mib for x in r['full']])[0]:.0f} MiB) |"
            f" {spread([x.peak_rss_mib for x in r['bare']])[0]:.0f} MiB |"
            f" {fmt([x.seconds for x in r['render_out']], 1, ' s')} |"
        )

    def scale(arm: str, field: str) -> float:
        return (
            spread([getattr(x, field) for x in large[arm]])[0]
            / spread([getattr(x, field) for x in small[arm]])[0]
        )

    lines += [
        "",
        f"Scaling from {small['claims']:,} to {large['claims']:,} claims ({times} × the"
        f" claims): full build {scale_build:.2f} ×, bare build {scale('bare', 'seconds'):.2f} ×,"
        f" generator cold {scale_gen:.2f} ×. In CPU time: full build"
        f" {scale('full', 'cpu_seconds'):.2f} ×, bare build {scale('bare', 'cpu_seconds'):.2f} ×."
        " CPU time counts the work done whatever else ran on the machine; wall time"
        " also counts waiting for a core.",
        "",
        "## Edit → rebuilt page during `dossier serve`",
        "",
        f"{small['claims']:,} claims; {EDITS} successive edits of one claim's summary, timed"
        " from writing the file to the served page showing the new text (polled every 20 ms).",
        "",
        f"- `dossier serve` (rebuilds only changed pages): {fmt(serve['dirty'], 2, ' s')}",
        f"- `dossier serve --full-rebuilds`: {fmt(serve['full'], 2, ' s')}",
        "",
        "## What searching downloads",
        "",
        "Each search from a freshly loaded claims list, in chromium: every file of the index"
        " it fetched, gzipped (`bench/search_cost.py`). Reading a page fetched"
        f" {small['on_load']:,} and {large['on_load']:,} bytes of index at the two sizes.",
        "",
        "| query | "
        + " | ".join(f"{r['claims']:,} claims: results, files, gzipped" for r in results)
        + " |",
        "| --- | " + " | ".join("---" for _ in results) + " |",
        *(
            f"| {query} | "
            + " | ".join(
                f"{c.results:,}, {c.files}, {_kib(c.gzipped)}"
                for r in results
                for c in r["searches"]
                if c.query == query
            )
            + " |"
            for query in SEARCHES
        ),
        "",
        "## The real dossier",
        "",
        "`mkdocs build` of `data/` with the speed work on:"
        f" {fmt([r.seconds for r in real['on']], 2, ' s')}"
        f" ({fmt([r.cpu_seconds for r in real['on']], 2, ' s')} CPU, peak"
        f" {spread([r.peak_rss_mib for r in real['on']])[0]:.0f} MiB); off:"
        f" {fmt([r.seconds for r in real['off']], 2, ' s')}"
        f" ({fmt([r.cpu_seconds for r in real['off']], 2, ' s')} CPU, peak"
        f" {spread([r.peak_rss_mib for r in real['off']])[0]:.0f} MiB).",
        "",
        "## Site size",
        "",
        "| claims | HTML pages | site | site, gzipped | search index (all of it) |"
        " search index, gzipped |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for r in results:
        lines.append(
            f"| {r['claims']:,} | {r['pages']:,} | {_mib(r['site'][0])} |"
            f" {_mib(r['site'][1])} | {_mib(r['search'][0])} |"
            f" {_mib(r['search'][1])} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    commit = (
        subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        or "unknown"
    )
    if subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.strip():
        commit += " (with uncommitted changes)"
    info = {
        "date": f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
        "commit": commit,
        "machine": machine(),
        "load_start": load_average(),
    }
    base = Path(tempfile.mkdtemp(prefix="dossier-bench-"))
    say(f"working in {base}; sizes {SIZES}, {RUNS} run(s) each")
    try:
        results = [measure_size(base, n) for n in SIZES]
        ws = results[0]["ws"]
        say(f"{SIZES[0]} claims: edit → page latency during serve")
        serve = {
            "dirty": edit_latencies(ws, EDITS),
            "full": edit_latencies(ws, max(2, EDITS // 2), full_rebuilds=True),
        }
        say("the real dossier: speed work on and off")
        real = measure_real(base)
        info["load_end"] = load_average()
        OUT.write_text(report(results, serve, real, info), encoding="utf-8")
        say(f"wrote {OUT.relative_to(ROOT)}")
        print(OUT.read_text(encoding="utf-8"))
    finally:
        if os.environ.get("BENCH_KEEP") != "1":
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()

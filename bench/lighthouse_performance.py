"""Lighthouse performance of the built site: one page of each kind, mobile and desktop.

    .venv/bin/python bench/lighthouse_performance.py [--site site] [--data data]

Prints one line per page and preset, then how many runs meet the targets (100 on desktop,
95 or more on mobile). Build the site first (`make site`); Lighthouse needs `npm ci` and
/usr/bin/chromium. Scores move with the machine's load, so this reports and never fails
on a score; it exits 2 when a tool is missing and 1 when Lighthouse itself fails.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from devtools import web as tools  # noqa: E402

TARGETS = {"mobile": 95, "desktop": 100}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="built site folder")
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="records folder")
    args = parser.parse_args()
    missing = tools.missing_tools(lighthouse=True)
    if missing or not (args.site / "index.html").is_file():
        print(
            "cannot run:", "; ".join(missing or [f"no built site in {args.site}"]), file=sys.stderr
        )
        return 2
    paths = tools.page_paths(args.data)
    met = runs = 0
    print(f"{'page':<14} {'preset':<8} performance  (target)")
    with tools.serve(args.site) as base:
        for preset in tools.PRESETS:
            for kind in tools.PAGE_KINDS:
                try:
                    report = tools.lighthouse(base + paths[kind], preset, ["performance"])
                except RuntimeError as error:
                    print(error, file=sys.stderr)
                    return 1
                score = round((report.scores["performance"] or 0) * 100)
                runs += 1
                met += score >= TARGETS[preset]
                print(f"{kind:<14} {preset:<8} {score:>11}  ({TARGETS[preset]})", flush=True)
    print(f"{met} of {runs} runs meet the target.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Time the generator (load + validate + render to Markdown) in a fresh process.

Prints one JSON object: seconds for a cold run (parallel, and serial for comparison) and for
a warm run after editing one claim, with the caches the MkDocs plugin keeps during `serve`.
Imports happen before the clock starts: they are paid once per process, not per build.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from dossier_gen.loading.load import load_catalog
from dossier_gen.publishing.site import build_site
from dossier_gen.speed.cache import ClaimMemo, PageCache, RecordCache
from dossier_gen.speed.parallel import read_many, render_in_parallel


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the dossier's data folder")
    parser.add_argument(
        "--templates",
        type=Path,
        action="append",
        default=[],
        help="a site's own template folder (default: the package's templates only)",
    )
    parser.add_argument(
        "--mode", choices=("cold", "serial", "warm"), required=True, help="what to time"
    )
    args = parser.parse_args()
    templates = args.templates
    out: dict[str, float | int] = {}

    if args.mode in ("cold", "serial"):
        parallel = args.mode == "cold"
        start, cpu = time.perf_counter(), _cpu()
        catalog = (
            load_catalog(args.data, read_many=read_many) if parallel else load_catalog(args.data)
        )
        loaded = time.perf_counter()
        site = (
            build_site(catalog, templates, renderer=render_in_parallel)
            if parallel
            else build_site(catalog, templates)
        )
        out = {
            "seconds": time.perf_counter() - start,
            "load": loaded - start,
            "render": time.perf_counter() - loaded,
            "pages": len(site.pages),
            "cpu": _cpu() - cpu,
        }
    else:
        records, pages, each = RecordCache(), PageCache(), ClaimMemo()
        catalog = load_catalog(args.data, read_many=records.read_many)
        build_site(catalog, templates, renderer=pages.render, each=each)
        claim = sorted((args.data / "claims").glob("*.yml"))[0]
        original = claim.read_text(encoding="utf-8")
        try:
            claim.write_text(
                original.replace('summary: "', 'summary: "Edited. ', 1), encoding="utf-8"
            )
            start, cpu = time.perf_counter(), _cpu()
            catalog = load_catalog(args.data, read_many=records.read_many)
            loaded = time.perf_counter()
            build_site(catalog, templates, renderer=pages.render, each=each)
            out = {
                "seconds": time.perf_counter() - start,
                "load": loaded - start,
                "render": time.perf_counter() - loaded,
                "pages": len(pages.rendered),
                "cpu": _cpu() - cpu,
            }
        finally:
            claim.write_text(original, encoding="utf-8")
    print(json.dumps(out))


if __name__ == "__main__":
    main()

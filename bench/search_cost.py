"""What searching costs a reader: the bytes of the index that reading a page and that each
of a fixed list of searches download, measured in Debian's chromium on a built site.

Each search starts from a freshly loaded page (nothing cached), types the whole query and
waits for the answer; what it downloads is every file under `search/` it fetched, counted
as a compressing server sends it (gzip, level 6). Reading a page counts what the page
fetched from `search/` before any search (the dossier's worker itself is code, not index).
"""

from __future__ import annotations

import gzip
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from devtools.web import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402


@dataclass(frozen=True)
class Cost:
    query: str
    results: int
    files: int
    gzipped: int
    """Bytes, as a compressing server sends them."""


ANSWERS = """(() => {
  // The last query the theme sent its search worker, and the query of the last answer
  // (the dossier's worker names it): equal once the last query has been answered.
  const Native = window.Worker;
  window.__dossierSearch = { sent: null, answered: undefined };
  window.Worker = function (url, options) {
    const worker = new Native(url, options);
    const post = worker.postMessage.bind(worker);
    worker.postMessage = (message, ...rest) => {
      if (message && message.type === 2) window.__dossierSearch.sent = message.data;
      return post(message, ...rest);
    };
    worker.addEventListener("message", (event) => {
      if (event.data && event.data.type === 3) {
        window.__dossierSearch.answered = event.data.data.query;
      }
    });
    return worker;
  };
  window.Worker.prototype = Native.prototype;
})();"""
"""Installed before the theme's scripts run (Playwright's init script)."""


def _gzipped(site: Path, path: str) -> int:
    return len(gzip.compress((site / path).read_bytes(), compresslevel=6, mtime=0))


def search_costs(site: Path, queries: list[str], page_path: str = "") -> tuple[int, list[Cost]]:
    """(index bytes a page downloads when only read, the cost of each search)."""
    from playwright.sync_api import sync_playwright

    costs: list[Cost] = []
    on_load = 0
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            for n, query in enumerate(queries):
                context = browser.new_context()
                context.add_init_script(ANSWERS)
                page = context.new_page()
                fetched: list[str] = []
                page.on("request", lambda r, seen=fetched: seen.append(urlsplit(r.url).path))
                # What went wrong, if a search fails: said beside the figures, not guessed.
                trouble: list[str] = []
                page.on(
                    "requestfailed",
                    lambda r, said=trouble: said.append(f"{r.url}: {r.failure}"),
                )
                page.on(
                    "console",
                    lambda m, said=trouble: said.append(m.text) if m.type != "log" else None,
                )
                page.goto(base + page_path)
                page.wait_for_load_state("networkidle")
                index = [p.lstrip("/") for p in fetched if p.lstrip("/").startswith("search/")]
                if n == 0:
                    on_load = sum(_gzipped(site, p) for p in index)
                fetched.clear()
                box = page.locator(".md-search__input")
                box.click()
                box.type(query)
                box.press("ArrowRight")
                meta = page.locator(".md-search-result__meta")
                page.wait_for_function(
                    "() => /match/i.test(document.querySelector('.md-search-result__meta')"
                    ".textContent)",
                    timeout=120_000,
                )
                page.wait_for_load_state("networkidle")
                # The theme searches at every key, so the first answer shown may be a shorter
                # query's ("No matching" for "r"): read the count once it has stopped changing.
                text = _settled(page, meta)
                results = 0 if text.startswith("No") else _count(text.split()[0])
                index = sorted({p.lstrip("/") for p in fetched if "/search/" in "/" + p})
                if trouble:
                    print(f"search_cost: {query!r}: {'; '.join(trouble)}", file=sys.stderr)
                costs.append(
                    Cost(query, results, len(index), sum(_gzipped(site, p) for p in index))
                )
                context.close()
        finally:
            browser.close()
    return on_load, costs


def _settled(page: Any, meta: Any, quiet_ms: int = 1500, limit_ms: int = 60_000) -> str:
    """The result count's text once the worker has answered the last query sent (it fetches
    what it needs first) and the text has not changed for `quiet_ms`.

    A count that only stops changing is not enough at 10,000 claims: a shorter query's "No
    matching documents" stayed on screen longer than the quiet spell while the worker was
    still fetching, and then ranking, the whole query's results (two counts of 0 in the run
    at `bf245e3`, one at `6c0f169` with no request open)."""
    answered = (
        "() => window.__dossierSearch.sent !== null"
        " && window.__dossierSearch.answered === window.__dossierSearch.sent"
    )
    text, still, waited = meta.inner_text(), 0, 0
    while still < quiet_ms and waited < limit_ms:
        page.wait_for_timeout(250)
        waited += 250
        now = meta.inner_text()
        done = now == text and page.evaluate(answered)
        still = still + 250 if done else 0
        text = now
    if still < quiet_ms:
        raise RuntimeError(f"the search had not settled after {limit_ms / 1000:.0f} s: {text!r}")
    return text


def _count(shown: str) -> int:
    """The number of results as the theme shows it: `12`, `1,204`, or rounded as `1.1k`."""
    shown = shown.replace(",", "")
    if shown.lower().endswith("k"):
        return round(float(shown[:-1]) * 1000)
    return int(shown)


if __name__ == "__main__":  # python bench/search_cost.py SITE QUERY...
    loaded, found = search_costs(Path(sys.argv[1]), sys.argv[2:])
    print(f"reading a page: {loaded} bytes of index")
    for cost in found:
        print(f"{cost.query!r}: {cost.results} results, {cost.files} files, {cost.gzipped} B")

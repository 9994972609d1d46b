"""Run the web's own quality tools on a built site: serve it on loopback, run Lighthouse
(npm `lighthouse`, driving Debian's chromium) and the Nu HTML checker (npm `vnu-jar`).

Shared by the quality tests and by `bench/lighthouse_performance.py`; nothing here asserts.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import socket
import subprocess
import tempfile
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NODE_BIN = ROOT / "node_modules" / ".bin"
LIGHTHOUSE = NODE_BIN / "lighthouse"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Debian's chromium, unless CHROME_PATH (which Lighthouse itself reads) names another.
CHROMIUM = Path(os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
"""How tests and the bench launch chromium: no sandbox (containers), and no host resolved
but the loopback one, so a page that reaches for another site fails instead of leaking."""

# Keeps Chromium off the network: without the resolver rule it still calls update, account
# and time hosts (shared/research/browser-testing.md), and a page's own third-party request
# fails loudly instead of passing unnoticed.
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
    " --disable-background-networking --disable-component-update --disable-sync"
    " --host-resolver-rules='MAP * ~NOTFOUND , EXCLUDE 127.0.0.1'"
)

PRESETS = ("mobile", "desktop")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGE_KINDS = ("home", "claims index", "claim", "entity", "source")


def page_paths(data_dir: Path) -> dict[str, str]:
    """One page of each kind of the dossier in `data_dir`: kind → path under the site root."""
    from dossier_gen.loading.load import load_catalog

    catalog = load_catalog(data_dir)
    if not (catalog.claims and catalog.entities and catalog.sources):
        raise ValueError(f"{data_dir} needs claims, entities and sources to pick pages from")
    return {
        "home": "",
        "claims index": "claims/",
        "claim": f"claims/{min(catalog.claims)}/",
        "entity": f"entities/{min(catalog.entities)}/",
        "source": f"sources/{min(catalog.sources)}/",
    }


def missing_tools(*, lighthouse: bool = False, vnu: bool = False) -> list[str]:
    """What is missing to run the named tools, each with how `make test`/.ci/run gets it."""
    missing = []
    if (lighthouse or vnu) and not (ROOT / "node_modules").is_dir():
        missing.append("node_modules/ (`make test` runs `npm ci`; it needs Node.js and npm)")
    if lighthouse and not LIGHTHOUSE.exists():
        missing.append(f"{LIGHTHOUSE.relative_to(ROOT)} (`npm ci`)")
    if lighthouse and not CHROMIUM.exists():
        missing.append(f"{CHROMIUM} (apt-get install chromium; .ci/run does it)")
    if lighthouse and shutil.which("node") is None:
        missing.append("node (apt-get install nodejs; .ci/run does it)")
    if vnu and not VNU_JAR.exists():
        missing.append(f"{VNU_JAR.relative_to(ROOT)} (`npm ci`)")
    if vnu and shutil.which("java") is None:
        missing.append("java (apt-get install default-jre-headless; .ci/run does it)")
    return missing


_COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}


class _StaticHostHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files as a static host does: kept-alive connections, text sent gzipped.

    Python's own server does neither, and Lighthouse would then time a download no reader
    ever makes (the theme's CSS is 138 KB as it is, 23 KB gzipped).
    """

    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[override]
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and path.suffix in _COMPRESSED and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)


def free_port() -> int:
    """A loopback port nothing listens on now (for a site built for that address)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def with_base_url(config_text: str, base_url: str) -> str:
    """A `mkdocs.yml` whose dossier plugin publishes the site at `base_url`.

    A site in several languages links each page's counterparts by their full address (as
    `hreflang` requires), and the theme's script reads the other editions' sitemaps at those
    addresses: a test that serves the site elsewhere builds it for the address it serves it
    at, as readers get it at its own.
    """
    import yaml

    config = yaml.safe_load(config_text)
    plugins = config.get("plugins", [])
    for n, plugin in enumerate(plugins):
        if plugin == "dossier":
            plugins[n] = {"dossier": {"base_url": base_url}}
        elif isinstance(plugin, dict) and "dossier" in plugin:
            plugin["dossier"] = {**(plugin["dossier"] or {}), "base_url": base_url}
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False)


@contextlib.contextmanager
def serve(site_dir: Path, port: int = 0) -> Iterator[str]:
    """Serve `site_dir` on a loopback port (by default a free one); yields the base URL,
    ending in `/`.

    A threaded server, because Chromium opens several connections at once.
    """
    handler = functools.partial(_StaticHostHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass(frozen=True)
class Report:
    url: str
    preset: str
    scores: dict[str, float | None]
    """Category id → score from 0 to 1 (None when Lighthouse could not score it)."""
    failing: dict[str, list[str]]
    """Category id → ids of the weighted audits that did not pass, with their titles."""
    warnings: list[str]

    def summary(self) -> str:
        return ", ".join(
            f"{c} {round(s * 100) if s is not None else '?'}" for c, s in self.scores.items()
        )


def lighthouse(
    url: str, preset: str, categories: Sequence[str] = CATEGORIES, timeout: float = 300
) -> Report:
    """Run Lighthouse once on `url` with the `mobile` (its default) or `desktop` preset."""
    with tempfile.TemporaryDirectory(prefix="lighthouse.") as tmp:
        out = Path(tmp) / "report.json"
        profile = Path(tmp) / "profile"
        args = [
            str(LIGHTHOUSE),
            url,
            "--output=json",
            f"--output-path={out}",
            "--quiet",
            f"--only-categories={','.join(categories)}",
            f"--chrome-flags={CHROME_FLAGS} --user-data-dir={profile}",
        ]
        if preset == "desktop":
            args.append("--preset=desktop")
        elif preset != "mobile":
            raise ValueError(f"unknown preset {preset!r}")
        env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
        result = subprocess.run(args, env=env, capture_output=True, text=True, timeout=timeout)
        if result.returncode != 0 or not out.exists():
            raise RuntimeError(f"lighthouse failed on {url} ({preset}):\n{result.stderr[-3000:]}")
        report = json.loads(out.read_text(encoding="utf-8"))
    scores, failing = {}, {}
    for cid, category in report["categories"].items():
        scores[cid] = category["score"]
        failing[cid] = [
            f"{ref['id']} ({report['audits'][ref['id']]['title']})"
            for ref in category["auditRefs"]
            if ref["weight"] > 0 and report["audits"][ref["id"]]["score"] not in (None, 1)
        ]
    return Report(url, preset, scores, failing, report.get("runWarnings", []))


def vnu_errors(site_dir: Path, timeout: float = 600) -> list[dict]:
    """Every error the Nu HTML checker finds in the site's HTML files."""
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU_JAR),
            "--skip-non-html",
            "--errors-only",
            "--format",
            "json",
            str(site_dir),
        ],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    # vnu writes its JSON report to stderr and exits 1 when it found errors.
    try:
        messages = json.loads(result.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        raise RuntimeError(
            f"vnu.jar failed (exit {result.returncode}):\n"
            f"{result.stdout[-2000:]}{result.stderr[-2000:]}"
        ) from None
    return [m for m in messages if m.get("type") in ("error", "non-document-error")]

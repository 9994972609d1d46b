"""Browser fixtures: build each site once per session, serve it on loopback, drive chromium.

Debian's chromium is driven through Python playwright (never a downloaded browser). Every
host name but 127.0.0.1 resolves to nothing, so a request that would leave the site fails
visibly instead of reaching the network. Without chromium the tests skip with the reason,
except in CI (`CI=true`), where a missing browser is a failure.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from devtools.web import CHROMIUM_ARGS
from dossier_gen import Catalog, load_catalog

from .site_project import ROOT, build_site

# DOSSIER_CHROMIUM points at another chromium build (or at nothing, to see the skip/fail).
CHROMIUM = Path(os.environ.get("DOSSIER_CHROMIUM", "/usr/bin/chromium"))
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "dossier" / "data"


def _missing(reason: str) -> None:
    if os.environ.get("CI", "").lower() not in ("", "0", "false"):
        pytest.fail(f"{reason} (in CI the browser tests must run; .ci/run installs chromium)")
    pytest.skip(reason)


@dataclass
class Site:
    """A built site served on loopback, with the records it was built from."""

    folder: Path
    url: str
    catalog: Catalog

    def page_url(self, page_path: str) -> str:
        """`claims/x.md` → the served address of that page."""
        stem = page_path.removesuffix(".md")
        stem = "" if stem == "index" else stem.removesuffix("/index")
        return f"{self.url}{stem}/" if stem else self.url


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serve(folder: Path, port: int | None = None) -> tuple[subprocess.Popen[bytes], str]:
    port = port or _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "http.server",
            str(port),
            "--bind",
            "127.0.0.1",
            "--directory",
            str(folder),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return server, f"http://127.0.0.1:{port}/"
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise RuntimeError("the test web server did not start")


@pytest.fixture(scope="session")
def sites(tmp_path_factory) -> Iterator[Callable[[str], Site]]:
    """`sites("real")` or `sites("fixture")`: built on first use, then shared."""
    built: dict[str, Site] = {}
    servers: list[subprocess.Popen[bytes]] = []

    def get(name: str) -> Site:
        if name not in built:
            data = ROOT / "data" if name == "real" else FIXTURE_DATA
            # Built for the address it is served at, as readers get a site at its own.
            port = _free_port()
            work = tmp_path_factory.mktemp(f"site-{name}")
            folder = build_site(data, work, f"http://127.0.0.1:{port}/")
            server, url = _serve(folder, port)
            servers.append(server)
            built[name] = Site(folder, url, load_catalog(data))
        return built[name]

    yield get
    for server in servers:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def bilingual_site(tmp_path_factory) -> Iterator[Site]:
    """The two-language fixture dossier, built as it is (its own mkdocs.yml and docs/, with
    docs/zh/), and served."""
    import shutil

    from devtools.web import with_base_url

    project = tmp_path_factory.mktemp("bilingual") / "project"
    shutil.copytree(ROOT / "tests" / "fixtures" / "bilingual", project)
    port = _free_port()
    config = project / "mkdocs.yml"
    config.write_text(with_base_url(config.read_text("utf-8"), f"http://127.0.0.1:{port}/"))
    result = subprocess.run(
        [sys.executable, "-m", "dossier_gen", "build"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    if result.returncode != 0:
        raise RuntimeError(f"building the bilingual fixture failed:\n{result.stderr}")
    server, url = _serve(project / "site", port)
    yield Site(project / "site", url, load_catalog(project / "data"))
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="session")
def served() -> Iterator[Callable[[Path], str]]:
    """`served(folder)`: the address of a built site served on loopback for the session."""
    servers: list[subprocess.Popen[bytes]] = []

    def serve(folder: Path) -> str:
        server, url = _serve(folder)
        servers.append(server)
        return url

    yield serve
    for server in servers:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def choose(sites) -> Callable[[Callable[[Catalog], object]], tuple[Site, object]]:
    """Pick what a test needs from the real dossier, or from the fixture when it lacks it.

    The real `data/` grows while the site is written; tests choose pages from whatever it
    holds rather than naming ids, and fall back to the invented fixture dossier.
    """

    def pick(finder: Callable[[Catalog], object]) -> tuple[Site, object]:
        real = sites("real")
        found = finder(real.catalog)
        if found is not None:
            return real, found
        fixture = sites("fixture")
        found = finder(fixture.catalog)
        assert found is not None, "the fixture dossier lacks what this test needs"
        return fixture, found

    return pick


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        _missing(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("python playwright is not installed")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class Traffic:
    """What a page did that readers would not want: errors, failures, requests elsewhere."""

    console_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    offsite_requests: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return (
            [f"console: {m}" for m in self.console_errors]
            + [f"failed: {u}" for u in self.failed_requests]
            + [f"off-site: {u}" for u in self.offsite_requests]
        )


def _watch(page, traffic: Traffic) -> None:
    page.on("console", lambda m: m.type == "error" and traffic.console_errors.append(m.text))
    page.on("pageerror", lambda e: traffic.console_errors.append(str(e)))
    page.on("requestfailed", lambda r: traffic.failed_requests.append(r.url))
    page.on(
        "response",
        lambda r: r.status >= 400 and traffic.failed_requests.append(f"{r.status} {r.url}"),
    )

    def request(r) -> None:
        parts = urlsplit(r.url)
        if parts.scheme not in ("data", "blob") and parts.hostname != "127.0.0.1":
            traffic.offsite_requests.append(r.url)

    page.on("request", request)


@pytest.fixture
def traffic() -> Traffic:
    return Traffic()


@contextmanager
def watched_page(browser, traffic: Traffic, **options: Any) -> Iterator[Any]:
    """A page in a new browser context (`options`: its viewport, JavaScript on or off),
    whose errors and requests `traffic` records."""
    context = browser.new_context(**{"viewport": {"width": 1280, "height": 900}, **options})
    page = context.new_page()
    _watch(page, traffic)
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def page(browser, traffic):
    with watched_page(browser, traffic) as page:
        yield page


@pytest.fixture
def page_without_js(browser, traffic):
    with watched_page(browser, traffic, java_script_enabled=False) as page:
        yield page

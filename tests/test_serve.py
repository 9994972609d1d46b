"""`dossier serve` rebuilds the preview when a record or a template changes."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import TEMPLATES

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, text: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    body = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                body = response.read().decode("utf-8")
            if text in body:
                return body
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{text!r} did not appear at {url} within {seconds} s")


def test_serve_rebuilds_on_record_and_template_changes(fixture_copy: Path):
    project = fixture_copy
    templates = project / "templates"
    shutil.copytree(TEMPLATES, templates)
    config = project / "mkdocs.yml"
    (project / "overrides").mkdir()
    theme_template = project / "overrides" / "main.html"
    theme_template.write_text(
        '{% extends "base.html" %}{% block announce %}Notice one{% endblock %}'
    )
    # templates/ beside mkdocs.yml is the site's own, found without being configured.
    config.write_text(
        config.read_text().replace("  font: false\n", "  font: false\n  custom_dir: overrides\n")
    )
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "dossier_gen", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        page = f"http://127.0.0.1:{port}/claims/bridge-best/"
        wait_for(page, "A matter of opinion")

        record = project / "data" / "claims" / "bridge-best.yml"
        record.write_text(record.read_text().replace("A matter of opinion.", "Edited summary."))
        wait_for(page, "Edited summary")
        # Only the changed pages were rebuilt, yet search still finds every page.
        block = wait_for(f"http://127.0.0.1:{port}/search/docs/0.json", "Edited summary")
        locations = {row[0] for row in json.loads(block)}
        assert {"claims/bridge-finished/", "sources/example-report/", "claims/"} <= locations

        claim_template = templates / "claim.md.j2"
        kicker = ">{% trans %}Verdict{% endtrans %}<"
        assert kicker in claim_template.read_text()
        claim_template.write_text(claim_template.read_text().replace(kicker, ">Briefly<"))
        wait_for(page, "Briefly")

        # The theme's compiled templates are kept between rebuilds, but not once edited.
        wait_for(page, "Notice one")
        theme_template.write_text(theme_template.read_text().replace("one", "two"))
        wait_for(page, "Notice two")
    finally:
        server.terminate()
        server.wait(timeout=10)
    # Stopping `dossier serve` stops the server itself: nothing answers on the port any more.
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", port)) != 0, "the preview server is still running"

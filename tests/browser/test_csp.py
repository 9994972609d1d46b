"""Defence in depth: every page carries a Content-Security-Policy that lets the site work
and would stop a script that got past every other check."""

from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import expect

from .helpers import search

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_every_page_carries_a_policy(sites):
    site = sites("real")
    pages = [p for p in site.folder.rglob("*.html")]
    assert len(pages) > 100
    for path in pages:
        head = path.read_text(encoding="utf-8").split("</head>", 1)[0]
        assert '<meta http-equiv="Content-Security-Policy"' in head, path
        assert "base-uri 'none'" in head and "frame-src 'none'" in head, path


def test_the_site_works_under_its_policy(sites, page, traffic):
    site = sites("real")
    page.goto(site.url)
    search(page, "Guo")
    # The search worker answers when it is ready, which on a loaded CI machine is after the
    # network goes quiet; wait for the answer, not for the network.
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=20_000)
    assert traffic.problems() == []  # a blocked script or load would be a console error


def test_a_planted_inline_script_does_not_run(sites, served, page, tmp_path):
    site = sites("real")
    copy = shutil.copytree(site.folder, tmp_path / "site")
    target = copy / "claims" / "index.html"
    html = target.read_text(encoding="utf-8")
    planted = "<script>document.documentElement.dataset.pwned = 'yes'</script>"
    target.write_text(html.replace("</article>", planted + "</article>", 1), encoding="utf-8")
    messages: list[str] = []
    page.on("console", lambda m: messages.append(m.text))
    page.goto(served(copy) + "claims/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => document.documentElement.dataset.pwned") is None
    assert any("Content Security Policy" in m for m in messages), messages
    # The theme's own inline scripts, allowed by hash, did run.
    assert page.evaluate("() => typeof __md_scope") == "object"

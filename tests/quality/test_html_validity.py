"""Every page of the built site is valid HTML by the Nu HTML checker (npm `vnu-jar`)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from devtools.web import vnu_errors

from .conftest import require

pytestmark = pytest.mark.slow


def describe(errors: list[dict], site: Path) -> str:
    lines = [f"{len(errors)} HTML errors:"]
    for error in errors[:30]:
        where = error.get("url", "").removeprefix("file:").removeprefix(str(site) + "/")
        lines.append(f"  {where}:{error.get('lastLine', '?')}: {error['message']}")
    return "\n".join(lines)


def test_every_published_page_is_valid_html(published_site):
    require(vnu=True)
    pages = list(published_site.rglob("*.html"))
    assert (published_site / "404.html") in pages
    errors = vnu_errors(published_site)
    assert not errors, describe(errors, published_site)


def test_pages_of_hostile_records_are_valid_html(hostile_site):
    require(vnu=True)
    errors = vnu_errors(hostile_site)
    assert not errors, describe(errors, hostile_site)


def test_the_checker_reports_the_theme_fault_we_override(hostile_site, tmp_path):
    """The gate can fail: the theme's own checkbox markup, put back, is an error."""
    require(vnu=True)
    page = tmp_path / "index.html"
    shutil.copy(hostile_site / "index.html", page)
    html = page.read_text(encoding="utf-8")
    broken = html.replace('id="__drawer">', 'id="__drawer" autocomplete="off">', 1)
    assert broken != html
    page.write_text(broken, encoding="utf-8")
    errors = vnu_errors(tmp_path)
    assert [e for e in errors if "autocomplete" in e["message"]], errors

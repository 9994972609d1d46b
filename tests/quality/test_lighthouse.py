"""Lighthouse (npm `lighthouse`, driving Debian's chromium) scores accessibility, best
practices and SEO 100 on each kind of page, with its mobile and its desktop preset.

Performance depends on how loaded the machine is, so it is not asserted here:
`bench/lighthouse_performance.py` reports it.
"""

from __future__ import annotations

import pytest

from devtools.web import PAGE_KINDS, PRESETS, lighthouse, page_paths, serve

from ..conftest import ROOT
from .conftest import require

pytestmark = [pytest.mark.slow, pytest.mark.browser]

GATED = ("accessibility", "best-practices", "seo")


@pytest.fixture(scope="module")
def site_url(published_site):
    with serve(published_site) as url:
        yield url


@pytest.mark.parametrize("preset", PRESETS)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_lighthouse_scores_100(site_url, kind, preset):
    require(lighthouse=True)
    report = lighthouse(site_url + page_paths(ROOT / "data")[kind], preset, GATED)
    print(f"{kind} ({preset}): {report.summary()}")
    below = {c: report.failing[c] for c in GATED if report.scores.get(c) != 1}
    assert not below, (
        f"{kind} page, {preset}: {report.summary()}; failing audits: {below};"
        f" warnings: {report.warnings}"
    )

"""Lighthouse (npm `lighthouse`, driving Debian's chromium) scores accessibility, best
practices and SEO 100 on each kind of page, with its mobile and its desktop preset, in the
dossier's first edition and in its Chinese edition (`zh/`).

Performance depends on how loaded the machine is, so it is not asserted here:
`bench/lighthouse_performance.py` reports it.
"""

from __future__ import annotations

import pytest

from devtools.web import PAGE_KINDS, PRESETS, lighthouse, page_paths

from ..conftest import ROOT
from .conftest import require

pytestmark = [pytest.mark.slow, pytest.mark.browser]

GATED = ("accessibility", "best-practices", "seo")


@pytest.fixture(scope="module")
def site_url(published_url):
    return published_url


EDITIONS = {"en": "", "zh-Hans": "zh/"}


@pytest.mark.parametrize("edition", sorted(EDITIONS))
@pytest.mark.parametrize("preset", PRESETS)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_lighthouse_scores_100(site_url, kind, preset, edition):
    require(lighthouse=True)
    url = site_url + EDITIONS[edition] + page_paths(ROOT / "data")[kind]
    report = lighthouse(url, preset, GATED)
    print(f"{kind} ({preset}, {edition}): {report.summary()}")
    below = {c: report.failing[c] for c in GATED if report.scores.get(c) != 1}
    assert not below, (
        f"{kind} page, {preset}, {edition}: {report.summary()}; failing audits: {below};"
        f" warnings: {report.warnings}"
    )

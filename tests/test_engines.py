"""A second engine: ProperDocs (the fork of MkDocs 1.6 that keeps the plugin API) builds this
dossier with the dossier plugin into the same pages as MkDocs, apart from the generator tag.

ProperDocs loads plugins from the `mkdocs.plugins` entry points and answers the plugin's
`import mkdocs...` with its own modules (`properdocs.replacement`), so the one plugin serves
both. Should MkDocs 1.6 stop being installable, this is the engine to move to.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dossier_gen import load_catalog

from .conftest import ROOT

pytestmark = pytest.mark.slow

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
ENV = {
    **os.environ,
    # One fixed date for both builds: the sitemap's dates and the gzip header carry it.
    "SOURCE_DATE_EPOCH": "1764288000",
    "NO_MKDOCS_2_WARNING": "1",
    "DISABLE_MKDOCS_2_WARNING": "true",
}


def _build(engine: str, site: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "-f", "mkdocs.yml", "-d", str(site)],
        cwd=ROOT,
        env=ENV,
        capture_output=True,
        text=True,
    )


def _tree(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path):
    built = {}
    for engine in ("mkdocs", "properdocs"):
        result = _build(engine, tmp_path / engine)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "WARNING" not in result.stderr, result.stderr
        built[engine] = _tree(tmp_path / engine)
    mkdocs, properdocs = built["mkdocs"], built["properdocs"]
    assert sorted(properdocs) == sorted(mkdocs)
    # The plugin ran under both: claim pages with their ClaimReview, the feed, the exports.
    claim_id = next(iter(load_catalog(ROOT / "data").claims))
    for site in (mkdocs, properdocs):
        assert b'"@type": "ClaimReview"' in site[f"claims/{claim_id}/index.html"]
    assert "feed.atom" in mkdocs and "data/claimreview.json" in mkdocs
    generators = set()
    different = []
    for path, content in mkdocs.items():
        other = properdocs[path]
        if path.endswith(".html"):
            generators.update(m.group(0) for m in GENERATOR.finditer(other))
            content, other = GENERATOR.sub(b"", content), GENERATOR.sub(b"", other)
        if content != other:
            different.append(path)
    assert different == []
    # The generator tag is the one difference, and ProperDocs does name itself there.
    assert any(b"ProperDocs" in tag for tag in generators), generators

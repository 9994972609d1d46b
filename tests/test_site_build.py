"""End to end: build the real dossier with `dossier build` (MkDocs, strict) and inspect site/."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dossier_gen.loading.load import load_catalog
from dossier_gen.publishing.audit import LineMemo, audit_page
from dossier_gen.rendering.escape import plain_title

from .conftest import FIXTURE, ROOT, make_fixture_project
from .test_audit import ACTIVE_CONTENT

pytestmark = pytest.mark.slow


def dossier(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dossier_gen", *args], cwd=cwd, capture_output=True, text=True
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("real") / "site"
    result = dossier("build", "--site-dir", str(site), cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    # Strict mode turns warnings into failures; a clean build prints none at all.
    assert "WARNING" not in result.stderr, result.stderr
    return site


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(ROOT / "data")


def test_every_record_has_a_page(built, catalog):
    assert catalog.claims, "the dossier has no claims"
    for folder, ids in (
        ("claims", catalog.claims),
        ("entities", catalog.entities),
        ("sources", catalog.sources),
    ):
        for record_id in ids:
            assert (built / folder / record_id / "index.html").is_file(), f"{folder}/{record_id}"
    for page in (
        "index.html",
        "claims/index.html",
        "ratings/index.html",
        "entities/index.html",
        "sources/index.html",
        "corrections/index.html",
    ):
        assert (built / page).is_file(), page


def test_every_language_of_the_dossier_has_its_edition(built, catalog):
    from dossier_gen.rendering.urls import edition_prefix

    dossier = catalog.dossier.model
    assert dossier.languages[0] == "en" and "zh-Hans" in dossier.languages
    for language in dossier.other_languages:
        root = built / edition_prefix(dossier, language)
        for claim_id in catalog.claims:
            assert (root / "claims" / claim_id / "index.html").is_file(), (language, claim_id)
        home = (root / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{language}"' in home
        assert (root / "search" / "index.json").is_file()


def test_search_index_holds_claim_titles(built, catalog):
    manifest = json.loads((built / "search" / "index.json").read_text(encoding="utf-8"))
    rows = [
        row
        for block in range(-(-manifest["docs"] // manifest["block"]))
        for row in json.loads((built / "search" / "docs" / f"{block}.json").read_text("utf-8"))
    ]
    titles = {row[1] for row in rows}
    for claim in catalog.claims.values():
        assert plain_title(claim.model.title) in titles
    # The theme's own index, which every page would fetch, is not published.
    assert not (built / "search" / "search_index.json").exists()


def test_edit_links_point_at_the_yaml_records(built, catalog):
    claim_id = next(iter(catalog.claims))
    html = (built / "claims" / claim_id / "index.html").read_text(encoding="utf-8")
    assert f"/edit/main/data/claims/{claim_id}.yml" in html
    home = (built / "index.html").read_text(encoding="utf-8")
    assert "/edit/main/docs/index.md" in home


def test_claim_pages_stay_out_of_the_sidebar(built, catalog):
    home = (built / "index.html").read_text(encoding="utf-8")
    claim_id = next(iter(catalog.claims))
    assert f"claims/{claim_id}/" not in home.split('<div class="md-content"')[0]


def test_every_internal_link_and_anchor_resolves(built):
    from dossier_gen.editing.linkcheck import check_site

    report = check_site(built)
    assert report.problems == [], "\n".join(str(p) for p in report.problems)
    assert report.links > 1000


def test_failed_build_leaves_the_previous_site(tmp_path):
    project = make_fixture_project(tmp_path / "project")
    first = dossier("build", cwd=project)
    assert first.returncode == 0, first.stderr
    before = sorted(p.relative_to(project / "site") for p in (project / "site").rglob("*"))

    # A data problem stops before MkDocs runs; a broken link stops MkDocs in strict mode.
    (project / "data" / "claims" / "bridge-best.yml").write_text("title: [\n")
    broken = dossier("build", cwd=project)
    assert broken.returncode == 1
    assert "data/claims/bridge-best.yml:2:1: this is not valid YAML" in broken.stderr

    shutil.copy(
        FIXTURE / "data" / "claims" / "bridge-best.yml",
        project / "data" / "claims" / "bridge-best.yml",
    )
    (project / "docs" / "index.md").write_text("# Home\n\n[broken](nowhere.md)\n")
    failed = dossier("build", cwd=project)
    assert failed.returncode == 1
    assert "nowhere.md" in failed.stderr
    assert "site/ was left as it was" in failed.stderr

    after = sorted(p.relative_to(project / "site") for p in (project / "site").rglob("*"))
    assert after == before
    assert not list(project.glob(".site.*")), "a staging folder was left behind"


def test_plain_mkdocs_build_stops_on_data_problems(fixture_copy):
    project = fixture_copy
    record = project / "data" / "entities" / "ada-example.yml"
    record.write_text(record.read_text().replace("kind: person", "kind: robot"))
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert (
        "data/entities/ada-example.yml:1:7: kind is 'robot'; expected one of: 'person',"
        " 'organisation' or 'unnamed'"
    ) in result.stderr
    assert not (project / "site").exists()


def test_dossier_title_and_description_cannot_inject_markup(fixture_copy, tmp_path):
    project = fixture_copy
    settings = project / "data" / "dossier.yml"
    settings.write_text(
        settings.read_text()
        .replace("title: Fixture dossier", "title: 'T </title><script>alert(1)</script>'")
        .replace(
            "description: Invented records that exercise every page kind.",
            "description: '<img src=x onerror=alert(2)> \" onload=\"x'",
        )
    )
    result = dossier("build", "--site-dir", str(tmp_path / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert 'onload="x' not in html
    assert '<meta name="description" content="‹img src=x onerror=alert(2)› “ onload=”x">' in html


def test_search_setup_off_leaves_the_theme_its_own_search(fixture_copy):
    def build() -> Path:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict"],
            cwd=fixture_copy,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        return fixture_copy / "site"

    site = build()
    assert (site / "search" / "index.json").is_file()
    assert not (site / "search" / "search_index.json").exists()
    assert "dossier-search.js" in (site / "index.html").read_text(encoding="utf-8")

    config = fixture_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  - dossier\n" in text
    config.write_text(text.replace("  - dossier\n", "  - dossier:\n      search_setup: false\n"))
    site = build()
    assert (site / "search" / "search_index.json").is_file()
    assert not (site / "search" / "index.json").exists()
    assert "dossier-search.js" not in (site / "index.html").read_text(encoding="utf-8")


def test_the_plugin_refuses_a_hand_written_page_the_dossier_would_replace(fixture_copy):
    (fixture_copy / "docs" / "ratings.md").write_text("# My ratings\n")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=fixture_copy,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "docs/ratings.md:1:1: the dossier generates a page or file at this path" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr


def test_a_build_removes_the_staging_folders_a_killed_build_left(fixture_copy):
    stale = fixture_copy / ".site.new.abc123"
    (stale / "claims").mkdir(parents=True)
    (fixture_copy / ".site.old.xyz").mkdir()
    result = dossier("build", cwd=fixture_copy)
    assert result.returncode == 0, result.stderr
    assert (fixture_copy / "site" / "index.html").is_file()
    assert not list(fixture_copy.glob(".site.*")), "stale staging folders were left"
    ignored = subprocess.run(
        ["git", "check-ignore", "-q", ".site.new.abc123/"], cwd=ROOT, capture_output=True
    )
    assert ignored.returncode == 0, ".gitignore does not ignore a stale staging folder"


def test_auditing_with_the_line_memo_finds_what_plain_reading_finds(built):
    # Real pages, and the same pages with hostile lines planted in the head, in the content
    # and after it: one line text read in different states must give what each state gives.
    hostile = [inner for inner, _ in ACTIVE_CONTENT]
    memo = LineMemo()
    found = 0
    for n, path in enumerate(sorted(built.rglob("*.html"))):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines(keepends=True)
        content = next((i for i, line in enumerate(lines) if "md-content__inner" in line), None)
        line = hostile[n % len(hostile)] + "\n"
        for at in sorted({len(lines) - 2, *([content + 1] if content else []), 3}, reverse=True):
            lines.insert(at, line)
        for page in (text, "".join(lines)):
            plain = audit_page(page)
            assert audit_page(page, memo=memo) == plain, path
            found += len(plain)
    assert found > 100  # the comparison covered problems, not only clean pages
    assert memo.outcomes  # and the memo was used

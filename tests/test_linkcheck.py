"""`dossier check-links`: every internal link and anchor of a built site leads somewhere."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dossier_gen.cli import cli
from dossier_gen.editing.linkcheck import check_site

from .conftest import make_fixture_project


def write(site: Path, path: str, body: str) -> None:
    target = site / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f"<!doctype html>\n<html><body>\n{body}\n</body></html>\n", encoding="utf-8")


@pytest.fixture
def site(tmp_path) -> Path:
    site = tmp_path / "site"
    write(
        site,
        "index.html",
        '<h1 id="top">Home</h1>\n'
        '<a href="claims/">claims</a> <a href="claims/x/#in-short">x</a>\n'
        '<a href="#top">top</a> <a href="#">nothing</a> <a href="">self</a>\n'
        '<a href="https://example.org/#nowhere">out</a> <a href="mailto:a@example.org">m</a>\n'
        '<a href="//cdn.example.org/x.js">protocol-relative</a>\n'
        '<img src="assets/logo.png"> <link rel="stylesheet" href="assets/site.css">\n'
        '<a href="claims/x/index.html#caf%C3%A9">encoded</a> <a href="/claims/x/">root</a>',
    )
    write(site, "claims/index.html", '<a href="../">home</a> <a href="x/">x</a>')
    write(
        site,
        "claims/x/index.html",
        '<h2 id="in-short">In short</h2>\n'
        '<h2 id="café">Café</h2> <a name="old-anchor"></a>\n'
        '<a href="../../#top">home</a> <a href="../../claims/x/#old-anchor">self</a>',
    )
    (site / "assets").mkdir()
    (site / "assets" / "logo.png").write_bytes(b"\x89PNG")
    (site / "assets" / "site.css").write_text("body{}")
    return site


def test_a_sound_site_has_no_problems(site):
    report = check_site(site)
    assert report.problems == []
    assert report.pages == 3
    assert report.links == 12  # internal ones only: external and mailto: links are not counted


def test_each_kind_of_broken_link_is_reported_where_it_stands(site):
    write(
        site,
        "claims/y/index.html",
        "<p>Intro</p>\n"
        '<p><a href="../x/#gone">a</a> <a href="../missing/">b</a></p>\n'
        '<img src="../../assets/none.png"> <a href="#here">c</a>\n'
        '<a href="../../../outside.html">d</a> <a href="/claims/x/#nope">e</a>',
    )
    report = check_site(site, shown="site")
    assert [str(p) for p in report.problems] == [
        "site/claims/y/index.html:4:4: link '../x/#gone': claims/x/index.html has no anchor 'gone'",
        "site/claims/y/index.html:4:31: link '../missing/' leads to no file of the site",
        "site/claims/y/index.html:5:1: link '../../assets/none.png' leads to no file of the site",
        "site/claims/y/index.html:5:35: link '#here': claims/y/index.html has no anchor 'here'",
        "site/claims/y/index.html:6:1: link '../../../outside.html' leads to no file of the site",
        "site/claims/y/index.html:6:39: link '/claims/x/#nope': claims/x/index.html has no"
        " anchor 'nope'",
    ]


def test_command_exit_status_and_formats(site, chdir):
    chdir(site.parent)
    clean = CliRunner().invoke(cli, ["check-links", "site"])
    assert clean.exit_code == 0
    assert clean.stdout == "site: 12 internal links in 3 pages: none broken.\n"
    write(site, "broken.html", '<a href="nowhere.html">x</a>')
    text = CliRunner().invoke(cli, ["check-links", "site"])
    assert text.exit_code == 1
    assert text.stderr == (
        "site/broken.html:3:1: link 'nowhere.html' leads to no file of the"
        " site\nsite: 13 internal links in 4 pages: 1 broken.\n"
    )
    github = CliRunner().invoke(cli, ["check-links", "site", "--format", "github"])
    assert github.stdout.startswith("::error file=site/broken.html,line=3,col=1::link")
    as_json = json.loads(CliRunner().invoke(cli, ["check-links", "--format", "json"]).stdout)
    assert as_json["ok"] is False and as_json["pages"] == 4 and as_json["links"] == 13
    assert CliRunner().invoke(cli, ["check-links", "no-such-site"]).exit_code == 2


@pytest.mark.slow
def test_a_built_fixture_site_passes_and_a_broken_anchor_fails(tmp_path):
    project = make_fixture_project(tmp_path / "project")
    build = subprocess.run(
        [sys.executable, "-m", "dossier_gen", "build"], cwd=project, capture_output=True, text=True
    )
    assert build.returncode == 0, build.stderr
    report = check_site(project / "site")
    assert report.problems == []
    assert report.pages >= 12 and report.links > 100

    # A rating anchor that no longer exists, as a template change could leave behind.
    page = project / "site" / "claims" / "bridge-best" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert 'href="../../ratings/#not-checkable"' in html
    page.write_text(
        html.replace('href="../../ratings/#not-checkable"', 'href="../../ratings/#not-rated"'),
        encoding="utf-8",
    )
    [problem] = check_site(project / "site").problems
    assert problem.message == (
        "link '../../ratings/#not-rated': ratings/index.html has no anchor 'not-rated'"
    )


def test_links_from_the_root_resolve_under_the_sites_root_path(site):
    write(
        site,
        "404.html",
        '<a href="/dossier/claims/x/#in-short">a</a>\n'
        '<link href="/dossier/assets/site.css"> <a href="/dossier/">home</a>\n'
        '<a href="/elsewhere/">outside</a>',
    )
    report = check_site(site, shown="site", root_path="/dossier/")
    problems = [str(p) for p in report.problems]
    # Under /dossier/, the index page's own root links (/claims/x/) point outside the site.
    assert problems == [
        "site/404.html:5:1: link '/elsewhere/' leads to no file of the site",
        "site/index.html:9:53: link '/claims/x/' leads to no file of the site",
    ]
    assert check_site(site, shown="site", root_path="dossier").problems == report.problems


def test_root_path_defaults_to_the_home_pages_canonical_address(site):
    home = site / "index.html"
    html = home.read_text(encoding="utf-8")
    home.write_text(
        html.replace(
            "<body>",
            '<head><link rel="canonical" href="https://example.github.io/dossier/"></head><body>',
        ),
        encoding="utf-8",
    )
    write(site, "404.html", '<a href="/dossier/claims/">claims</a>')
    assert (
        check_site(site, shown="site", root_path="/dossier/").problems
        == check_site(site, shown="site").problems
    )
    assert [p.line for p in check_site(site).problems] == [9]  # index.html's /claims/x/

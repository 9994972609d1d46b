"""Whole builds with hostile records: literal text everywhere, an audit on every build,
atomic replacement of site/, and byte-identical output from two builds of one commit."""

from __future__ import annotations

import gzip
import html
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dossier_gen.publishing.audit import audit_site

from .conftest import make_fixture_project
from .hostile import IDN_HREF_HOST, IDN_URL, PAYLOADS, TEXT, add_hostile_records

pytestmark = pytest.mark.slow

COMMIT_EPOCH = 1_700_000_000  # 2023-11-14


def dossier(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run(
        [sys.executable, "-m", "dossier_gen", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **env},
    )


def make_project(where: Path) -> Path:
    """The fixture dossier with hostile records, committed to a git repository."""
    project = make_fixture_project(where / "project")
    add_hostile_records(project)
    date = f"@{COMMIT_EPOCH} +0000"
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "fixture"]):
        subprocess.run(
            [*git, *args],
            cwd=project,
            check=True,
            env={"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date, "PATH": "/usr/bin:/bin"},
        )
    return project


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("hostile"))
    result = dossier("build", cwd=project, SOURCE_DATE_EPOCH="")
    assert result.returncode == 0, result.stderr
    return project


def page(project: Path, path: str) -> str:
    return (project / "site" / path / "index.html").read_text(encoding="utf-8")


def text_of(fragment: str) -> str:
    """What a reader sees: tags removed, references decoded, spaces collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def test_the_audit_passes_on_the_hostile_site(project):
    assert audit_site(project / "site") == []


@pytest.mark.parametrize(
    "path", ["claims/hostile-claim", "entities/hostile-person", "sources/hostile-source"]
)
def test_hostile_text_is_shown_literally_in_the_page_body(project, path):
    content = page(project, path).split('<article class="md-content__inner')[1]
    content = content.split("</article>")[0]
    seen = text_of(content)
    assert TEXT in seen
    tags = re.findall(r"<([a-zA-Z0-9]+)([^>]*)>", content)
    # The templates' own elements: dates (time), rating badges (span), line breaks in evidence
    # items, the build-time scorecard chart (figure, svg and its parts), and the theme's
    # list of a claim's tags (nav), and the rating's definition folded under the verdict
    # (details, summary).
    assert {name for name, _ in tags} <= {
        "a",
        "details",
        "summary",
        "svg",
        "path",
        "h1",
        "h2",
        "h3",
        "p",
        "ul",
        "li",
        "blockquote",
        "strong",
        "em",
        "div",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "code",
        "pre",
        "time",
        "span",
        "br",
        "figure",
        "figcaption",
        "g",
        "rect",
        "text",
        "title",
        "desc",
        "nav",
    }
    for _, attributes in tags:
        assert not re.search(r"\son[a-z]+\s*=", attributes), attributes
        for url in re.findall(r'(?:href|src)="([^"]*)"', attributes):
            # mailto: is the e-mail share link, its subject and body percent-encoded.
            assert re.match(r"(https?://|\.{1,2}/|#|mailto:\?)", html.unescape(url)), url


def test_headings_and_titles_show_the_text_with_look_alikes(project):
    claim = page(project, "claims/hostile-claim")
    title = re.search(r"<title>(.*?)</title>", claim, re.S).group(1)
    assert title.startswith("‹/title›‹script›alert(1)‹/script› ‹img src=x onerror=alert(2)›")
    assert title.endswith(" - Fixture ‹/title›‹script›alert(1)‹/script›")
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", claim, re.S).group(1)
    assert text_of(heading) == (
        "‹/title›‹script›alert(1)‹/script› ‹img src=x onerror=alert(2)› [click](javascript:"
        "alert(3)) {: onclick=alert(4) } --8‹--"
    )


def test_site_name_and_description_are_neutral_in_the_theme(project):
    home = page(project, "")
    assert (
        '<meta name="description" content="‹img src=x onerror=alert(2)› “ onload=alert(9)'
        ' x=">' in home
    )
    header = re.search(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', home, re.S).group(1)
    assert header == "Fixture ‹/title›‹script›alert(1)‹/script›"


def test_link_text_and_attributes(project):
    entity = page(project, "entities/hostile-person")
    link = re.search(r'<a href="([^"]*)" rel="noopener nofollow">(.*?)</a>', entity)
    assert html.unescape(link.group(1)) == f"https://{IDN_HREF_HOST}/straße?q=1&r=2"
    assert text_of(link.group(2)) == PAYLOADS[1]
    source = page(project, "sources/hostile-source")
    assert IDN_URL not in source and "bücher" not in source


def test_analysis_keeps_formatting_and_shows_html_as_text(project):
    claim = page(project, "claims/hostile-claim")
    prose = claim.split('<div class="dossier-prose">')[1].split("</div>")[0]
    assert "<strong>bold</strong>" in prose
    assert '<a href="https://example.org/ok" rel="noopener nofollow">fine link</a>' in prose
    assert "&lt;script&gt;alert(5)&lt;/script&gt;" in prose
    assert re.findall(r"<a\s[^>]*href=\"([^\"]*)\"", prose) == ["https://example.org/ok"]
    assert "{{" not in prose and "{:" not in prose


def test_two_builds_of_one_commit_are_byte_identical(project, tmp_path):
    second = tmp_path / "second"
    result = dossier("build", "--site-dir", str(second), cwd=project, SOURCE_DATE_EPOCH="")
    assert result.returncode == 0, result.stderr

    def tree(root: Path) -> dict[str, bytes]:
        return {
            p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*"))
            if p.is_file()
        }

    first, again = tree(project / "site"), tree(second)
    assert sorted(first) == sorted(again)
    differing = [name for name in first if first[name] != again[name]]
    assert differing == []
    # The dates come from the commit, not the clock.
    sitemap = gzip.decompress(first["sitemap.xml.gz"]).decode()
    assert "<lastmod>2023-11-14</lastmod>" in sitemap


def test_a_failed_audit_leaves_the_previous_site(project):
    before = {p: p.read_bytes() for p in sorted((project / "site").rglob("*")) if p.is_file()}
    about = project / "docs" / "about.md"
    about.write_text("# About\n\n<script>alert(1)</script>\n", encoding="utf-8")
    try:
        result = dossier("build", cwd=project, SOURCE_DATE_EPOCH="")
    finally:
        about.unlink()
    assert result.returncode == 1
    assert "about/index.html:" in result.stderr
    assert ": a <script> element in the page content" in result.stderr
    assert "site/ was left as it was" in result.stderr
    after = {p: p.read_bytes() for p in sorted((project / "site").rglob("*")) if p.is_file()}
    assert after == before
    assert not list(project.glob(".site.*")), "a staging folder was left behind"


def test_a_docs_link_out_of_the_project_stops_the_build(project, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("FAKE_SECRET=hunter2\n")
    link = project / "docs" / "secret.md"
    link.symlink_to(secret)
    try:
        result = dossier("build", cwd=project, SOURCE_DATE_EPOCH="")
    finally:
        link.unlink()
    assert result.returncode == 1
    assert (
        "docs/secret.md:1:1: a symbolic link to " + repr(str(secret)) + ", outside the"
        " project; the build reads nothing outside the repository: replace the link with"
        " the file itself"
    ) in result.stderr
    assert "hunter2" not in (project / "site").joinpath("index.html").read_text()

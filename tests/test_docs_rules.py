"""What the hand-written pages folder may publish: no symbolic links, every file audited by
its type, front matter that cannot reach the head as markup, nothing loaded from elsewhere.

The same rules hold for `dossier build` (the plugin), `dossier render` and the audit.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dossier_gen.cli import cli

pytestmark = pytest.mark.slow


def build(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dossier_gen", "build"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000"},
    )


def test_docs_itself_as_a_link_is_refused_by_build_and_render(fixture_copy, tmp_path, chdir):
    outside = tmp_path / "elsewhere"
    (fixture_copy / "docs").rename(outside)
    (fixture_copy / "docs").symlink_to(outside, target_is_directory=True)
    result = build(fixture_copy)
    assert result.returncode == 1
    assert "docs:1:1: the pages folder is a symbolic link" in result.stderr
    chdir(fixture_copy)
    rendered = CliRunner().invoke(cli, ["render", "--out", "out"])
    assert rendered.exit_code == 1 and "docs:1:1: the pages folder is a symbolic link" in (
        rendered.output
    )
    assert not (fixture_copy / "out").exists()


def test_a_link_that_stays_in_the_repository_is_refused_too(fixture_copy):
    (fixture_copy / ".git").mkdir()
    (fixture_copy / ".git" / "config").write_text("[remote]\n\ttoken = hunter2\n")
    (fixture_copy / "docs" / "dotgit").symlink_to("../.git", target_is_directory=True)
    result = build(fixture_copy)
    assert result.returncode == 1
    assert (
        "docs/dotgit:1:1: a symbolic link to '../.git'; the pages folder holds files only,"
        " since a link publishes whatever it points at: replace the link with the file itself"
    ) in result.stderr
    assert not (fixture_copy / "site").exists()


HOSTILE_FILES = {
    "refresh.html": '<html><head><meta http-equiv="refresh" content="0;url=https://x.test/">'
    "</head><body>hi</body></html>",
    "framed.html": "<p>hi</p><iframe src='page.html'></iframe><form><input></form>",
    "based.html": "<html><head><base href='https://x.test/'></head><body></body></html>",
    "picture.svg": "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
    "old.htm": "<p onclick='alert(1)'>x</p>",
    "strict.xhtml": "<html><body><script>alert(1)</script></body></html>",
    "look.css": "@import url('https://fonts.x.test/a.css');\nbody{background:url(//t.x.test/p.png)}",
    "animated.md": "# Animated\n\n<svg><a><animate attributeName=href"
    ' values="javascript:alert(1)"/><text>x</text></a></svg>\n\n'
    "![tracker](https://t.x.test/pixel.png)\n",
    "headline.md": "---\ntitle: '</title><meta http-equiv=refresh content=0;url=https://x.test>'\n"
    "description: '\"><script>alert(1)</script>'\n---\n\nBody.\n",
}


def test_every_published_file_is_audited_by_its_type(fixture_copy):
    for name, text in HOSTILE_FILES.items():
        (fixture_copy / "docs" / name).write_text(text, encoding="utf-8")
    result = build(fixture_copy)
    assert result.returncode == 1, result.stderr
    expected = [
        "refresh.html:1:13: a <meta http-equiv> element in the page content",
        "framed.html:1:10: a <iframe> element in the page content",
        "framed.html:1:43: a <form> element in the page content",
        "based.html:1:13: a <base> element in the page content",
        "picture.svg:1:41: a <script> element in the page content",
        "old.htm:1:1: event-handler attribute 'onclick' on <p> in the page content",
        "strict.xhtml:1:13: a <script> element in the page content",
        "look.css:1:1: the stylesheet loads 'https://fonts.x.test/a.css' from another host",
        "look.css:2:17: the stylesheet loads '//t.x.test/p.png' from another host",
        "<animate values> sets a javascript: address in the page content",
        "<img src> loads from another host in the page content",
    ]
    for message in expected:
        assert message in result.stderr, message
    assert "The build failed; site/ was left as it was." in result.stderr


def test_front_matter_cannot_reach_the_head_as_markup(fixture_copy):
    (fixture_copy / "docs" / "headline.md").write_text(HOSTILE_FILES["headline.md"])
    result = build(fixture_copy)
    assert result.returncode == 0, result.stderr
    page = (fixture_copy / "site" / "headline" / "index.html").read_text(encoding="utf-8")
    head = page.split("</head>", 1)[0]
    assert "<meta http-equiv=refresh" not in head and "<script>alert" not in page
    assert "‹/title›‹meta http-equiv=refresh" in head  # shown, as look-alike characters

"""The post-build HTML audit, the escaping helpers the exports use, and the site's
configuration: no extension or plugin that reads files or runs code."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml

from dossier_gen.editing.newdossier import SKELETON
from dossier_gen.publishing.audit import audit_page, audit_site
from dossier_gen.publishing.exports import csv_cell
from dossier_gen.rendering.escape import ascii_url, json_for_html
from dossier_gen.speed.auditing import PageAuditor

from .conftest import FIXTURE, ROOT

THEME_HEAD = (
    '<html><head><script>__md_scope=new URL("..",location)</script>'
    '<script id="__config" type="application/json">{"base": ".."}</script>'
    '<script src="../assets/javascripts/bundle.min.js"></script></head><body>'
)


def content(inner: str) -> str:
    return (
        f'{THEME_HEAD}<div class="md-content"><article class="md-content__inner md-typeset">'
        f"{inner}</article></div><script>var palette=__md_get(1)</script></body></html>"
    )


def test_theme_page_passes():
    assert audit_page(content("<p>Plain <a href='../x/'>text</a></p>")) == []


ACTIVE_CONTENT = [
    ("<script>alert(1)</script>", "a <script> element in the page content"),
    ("<script>__md_scope=new URL(1)</script>", "a <script> element in the page content"),
    ("<p onclick='x'>a</p>", "event-handler attribute 'onclick' on <p> in the page content"),
    (
        "<img src=x OnError=alert(1)>",
        "event-handler attribute 'onerror' on <img> in the page content",
    ),
    (
        "<a href=' JaVa\tScRiPt:alert(1)'>a</a>",
        "<a href> with a javascript: address in the page content",
    ),
    (
        "<a href='&#106;avascript:alert(1)'>a</a>",
        "<a href> with a javascript: address in the page content",
    ),
    ("<img src='data:image/svg+xml,x'>", "<img src> with a data: address in the page content"),
    ("<iframe src='https://example.org/'></iframe>", "a <iframe> element in the page content"),
    ("<object data='x.swf'></object>", "a <object> element in the page content"),
    ("<base href='https://evil.example/'>", "a <base> element in the page content"),
    (
        "<meta http-equiv='refresh' content='0;url=https://e.example/'>",
        "a <meta http-equiv> element in the page content",
    ),
    (
        "<script type='application/ld+json'>{\"a\": 1}</script><script>x</script>",
        "a <script> element in the page content",
    ),
]


@pytest.mark.parametrize(("inner", "message"), ACTIVE_CONTENT)
def test_active_content_is_reported(inner, message):
    assert [m for _, _, m in audit_page(content(inner))] == [message]


def test_json_ld_broken_open_is_reported():
    page = content('<script type=\'application/ld+json\'>{"a": "</script><script>x</script>')
    assert [m for _, _, m in audit_page(page)] == [
        "a <script type='application/ld+json'> that is not valid JSON; data may have broken"
        " out of it",
        "a <script> element in the page content",
    ]


def test_scripts_outside_the_content_must_be_the_themes():
    page = THEME_HEAD.replace("<head>", "<head><title>a</title><script>alert(1)</script>")
    assert audit_page(page + "</body></html>") == [
        (1, 29, "an inline <script> that is not the theme's")
    ]
    remote = THEME_HEAD + '<script src="https://cdn.example/x.js"></script>'
    assert [m for _, _, m in audit_page(remote)] == ["a <script> that loads from another site"]


def test_content_ends_with_its_article_even_with_omitted_end_tags():
    page = content("<ul><li>a<li>b</ul><p>para")
    assert audit_page(page) == []


def test_audit_site_names_file_line_and_column(tmp_path: Path):
    (tmp_path / "claims" / "x").mkdir(parents=True)
    (tmp_path / "claims" / "x" / "index.html").write_text(
        content("\n<p>\n  <a href='javascript:x'>a</a></p>"), encoding="utf-8"
    )
    (tmp_path / "index.html").write_text(content("<p>fine</p>"), encoding="utf-8")
    assert audit_site(tmp_path) == [
        "claims/x/index.html:3:3: <a href> with a javascript: address in the page content"
    ]


@pytest.mark.parametrize("workers", [0, 1, 2])
def test_auditing_pages_as_written_finds_what_reading_the_site_finds(tmp_path, workers):
    pages = {f"claims/c{i}/index.html": content(f"<p>claim {i}</p>") for i in range(70)}
    pages["claims/c7/index.html"] = content("\n<p onclick='x()'>a</p>")
    pages["b/index.html"] = content("<iframe src='https://example.org/'></iframe>")
    for name, html in pages.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(html, encoding="utf-8")
    # Not handed to the auditor: a file the build copied, which it must read from disk.
    (tmp_path / "copied.html").write_text("<a href='data:text/html,x'>x</a>", encoding="utf-8")
    auditor = PageAuditor(workers)
    for name, html in pages.items():
        auditor.add(name, html)
    found = auditor.finish(tmp_path)
    assert found == audit_site(tmp_path, theme_pages=set(pages) | {"404.html"})
    assert [p.split(":", 1)[0] for p in found] == [
        "b/index.html",
        "claims/c7/index.html",
        "copied.html",
    ]


def test_the_auditor_reports_what_it_was_given_not_what_is_on_disk(tmp_path):
    # The build writes exactly what it hands over; the audit judges that text.
    (tmp_path / "index.html").write_text(content("<p>fine</p>"), encoding="utf-8")
    auditor = PageAuditor(1)
    page = content("<object data='x'></object>")
    auditor.add("index.html", page)
    column = page.index("<object") + 1
    assert auditor.finish(tmp_path) == [
        f"index.html:1:{column}: a <object> element in the page content"
    ]


# --- escaping helpers for the exports (JSON-LD, feeds, CSV) and for the theme --------------


@pytest.mark.parametrize(
    "text", ['=HYPERLINK("https://e.example")', "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "＝1"]
)
def test_csv_cell_defuses_formulas(text):
    assert csv_cell(text) == "'" + text
    buffer = io.StringIO()
    csv.writer(buffer).writerow([csv_cell(text)])
    assert next(csv.reader(io.StringIO(buffer.getvalue())))[0] == "'" + text


@pytest.mark.parametrize("text", ["Plain", "1 = 1", "a-b", "", "'quoted"])
def test_csv_cell_leaves_other_text(text):
    assert csv_cell(text) == text


def test_json_for_html_cannot_close_its_script_and_round_trips():
    value = {"name": "</script><script>alert(1)</script>", "sep": "a\u2028b\u2029c", "amp": "&"}
    text = json_for_html(value)
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == value


def test_ascii_url_writes_punycode_hosts():
    assert (
        ascii_url("https://bücher.example:8443/ä?x=ü#f")
        == "https://xn--bcher-kva.example:8443/ä?x=ü#f"
    )
    assert ascii_url("https://example.org/ä") == "https://example.org/ä"


# --- the site's configuration -------------------------------------------------------------

# Extensions that read files from the build machine or run code, and plugins that do.
_READS_OR_RUNS = {"pymdownx.snippets", "markdown_include.include", "pymdownx.superfences"}
_PLUGINS_THAT_RUN_CODE = {
    "macros",
    "mkdocs-simple-hooks",
    "exec",
    "markdown-exec",
    "mkdocs_macros",
    "gen-files",
    "include-markdown",
}


def _config(path: Path) -> dict:
    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml may use !ENV and !!python/name tags; read them as plain values.
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)


def _names(items: list) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for item in items or []:
        if isinstance(item, str):
            out[item] = {}
        else:
            out.update({k: v or {} for k, v in item.items()})
    return out


@pytest.mark.parametrize(
    "config",
    [ROOT / "mkdocs.yml", FIXTURE / "mkdocs.yml", SKELETON / "mkdocs.yml"],
    ids=["site", "fixture", "dossier-init"],
)
def test_no_extension_reads_files_or_runs_code(config):
    settings = _config(config)
    extensions = _names(settings.get("markdown_extensions"))
    for name, options in extensions.items():
        if name == "pymdownx.snippets":
            # Allowed only confined to one folder inside the repository, with paths checked.
            assert options.get("check_paths") is True, name
            assert options.get("base_path") not in (None, ".", ["."], "", []), name
            assert not options.get("url_download"), name
        elif name == "pymdownx.superfences":
            assert not any(
                "validator" in f or "format" in f for f in options.get("custom_fences", [])
            ), name
        else:
            assert name not in _READS_OR_RUNS, name
    plugins = _names(settings.get("plugins"))
    assert not set(plugins) & _PLUGINS_THAT_RUN_CODE
    assert "hooks" not in settings, "hooks run Python code from the repository at build time"
    assert settings.get("strict") is True


def test_audit_can_be_limited_to_the_pages_a_rebuild_wrote(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p onclick="x()">a</p>')
    (tmp_path / "b.html").write_text('<p onmouseover="y()">b</p>')
    everything = audit_site(tmp_path)
    assert len(everything) == 2
    assert audit_site(tmp_path, only={"b.html", "missing.html"}) == [
        p for p in everything if p.startswith("b.html:")
    ]

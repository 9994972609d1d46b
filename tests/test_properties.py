"""Property tests: the loader never crashes, and no record text ever becomes markup.

Budgets are fixed so the file fits CI on a loaded 2-core machine; in CI the examples are
derandomised, so a run there is repeatable, while local runs keep exploring.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from dossier_gen.loading.load import load_catalog, read_record
from dossier_gen.problems import DataError
from dossier_gen.publishing.audit import audit_page
from dossier_gen.publishing.site import build_site
from dossier_gen.records.models import Claim
from dossier_gen.rendering.escape import clean

from .conftest import TEMPLATES, make_fixture_project

CI = os.environ.get("CI") == "true"
FAST = settings(
    max_examples=300, deadline=None, derandomize=CI, suppress_health_check=[HealthCheck.too_slow]
)
RENDER = settings(
    max_examples=40,
    deadline=None,
    derandomize=CI,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
BUILD = settings(
    max_examples=4, deadline=None, derandomize=CI, suppress_health_check=[HealthCheck.too_slow]
)


@pytest.fixture(scope="module")
def work(tmp_path_factory) -> Path:
    """A folder for the files each example writes (module-wide: hypothesis runs many
    examples in one test call)."""
    return tmp_path_factory.mktemp("properties")


# Pieces of syntax of every language the text passes through on its way to the reader.
TOKENS = [
    "<",
    ">",
    "&",
    '"',
    "'",
    "`",
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    "!",
    "#",
    "*",
    "_",
    "-",
    "+",
    "=",
    "|",
    "~",
    "^",
    ":",
    "$",
    "%",
    "@",
    "\\",
    "/",
    ";",
    ".",
    ",",
    "?",
    " ",
    "  ",
    "\n",
    "\n\n",
    "    ",
    "--8<--",
    "{: ",
    "javascript:",
    "</script>",
    "<script>",
    "&lt;",
    "&#60;",
    "&amp;",
    "{{",
    "}}",
    "{%",
    "!!!",
    "???",
    "***",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "<!--",
    "-->",
    "*[A]:",
    "[^1]",
    "é",
    "名",
    "\u200d",
    "\u00a0",
    "a",
    "b",
    "1",
    "x",
]
hostile_text = (
    st.lists(
        st.one_of(
            st.sampled_from(TOKENS),
            st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Cf")),
        ),
        min_size=1,
        max_size=40,
    )
    .map("".join)
    .filter(lambda s: s.strip() != "")
)
plain_text = hostile_text.map(lambda s: s[:100])


def _yaml(value: object) -> str:
    """A YAML document of `value`, written as JSON (JSON is valid YAML)."""
    return json.dumps(value, ensure_ascii=False, indent=1)


# --- the loader: any bytes give records or positioned problems ----------------------------

YAMLISH = st.lists(
    st.sampled_from(
        [
            "a",
            "b",
            ":",
            ": ",
            "- ",
            "\n",
            "  ",
            "\t",
            "'",
            '"',
            "[",
            "]",
            "{",
            "}",
            ",",
            "#",
            "&x",
            "*x",
            "!!str",
            "!t",
            "---",
            "...",
            "|",
            ">",
            "%YAML 1.1",
            "\\u202e",
            "\\ud800",
            "?",
            "9" * 30,
            "\xef\xbb\xbf",
            "é",
            "\u2028",
            "\x00",
            "\x85",
            "title",
            "claimant",
        ]
    ),
    max_size=60,
).map("".join)


def _check_read(work: Path, data: bytes) -> None:
    path = work / "any.yml"
    path.write_bytes(data)
    loaded, problems = read_record(path, Claim)
    if loaded is None:
        assert problems
        for problem in problems:
            assert problem.line >= 1 and problem.col >= 1 and problem.message
    else:
        assert problems == []


@FAST
@given(st.binary(max_size=400))
def test_any_bytes_give_records_or_positioned_problems(work, data):
    _check_read(work, data)


@FAST
@given(YAMLISH)
def test_any_yaml_like_text_gives_records_or_positioned_problems(work, text):
    _check_read(work, text.encode("utf-8", "surrogatepass"))


@FAST
@given(
    st.recursive(
        st.one_of(
            st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20)
        ),
        lambda inner: st.one_of(
            st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
        ),
        max_leaves=20,
    )
)
def test_any_yaml_document_gives_records_or_positioned_problems(work, value):
    for dumped in (
        yaml.safe_dump(value, allow_unicode=True),
        yaml.safe_dump(value, default_flow_style=True),
    ):
        _check_read(work, dumped.encode("utf-8", "surrogatepass"))


# --- what is accepted renders, and record text never becomes markup ------------------------

SITE_EXTENSIONS = ["admonition", "attr_list", "tables", "toc"]  # as in mkdocs.yml
# Elements the templates write: the above, plus dates (time), rating badges (span) and the
# build-time SVG charts (figure, svg and its parts).
DATA_PAGE_TAGS = {
    "h1",
    "h2",
    "h3",
    "p",
    "a",
    "ul",
    "li",
    "blockquote",
    "strong",
    "em",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "div",
    "code",
    "pre",
    "br",
    "time",
    "span",
    "figure",
    "figcaption",
    "details",
    "summary",
    "svg",
    "g",
    "rect",
    "text",
    "title",
    "desc",
}


@st.composite
def hostile_records(draw):
    entity = {
        "kind": "person",
        "name": draw(plain_text),
        "description": draw(hostile_text),
        "aliases": [draw(plain_text)],
        "links": [{"label": draw(plain_text), "url": "https://example.org/a?b=1&c=2"}],
    }
    source = {
        "title": draw(plain_text),
        "publisher": draw(plain_text),
        "authors": [draw(plain_text)],
        "url": "https://bücher.example/x",
        "language": "en",
        "kind": "other",
        "notes": draw(hostile_text),
    }
    claim = {
        "title": draw(plain_text),
        "claimant": "prop-person",
        "claimed_on": "2019",
        "statement": {
            "text": draw(hostile_text),
            "form": draw(st.sampled_from(["quote", "paraphrase"])),
        },
        # Sometimes the one report of the claim does not say where it appeared.
        "appearance": {
            "source": "prop-source",
            "locator": draw(plain_text),
            "quote": draw(plain_text),
        }
        if draw(st.booleans())
        else {"not_given_by": "prop-source"},
        "rating": "confirmed",
        "summary": draw(hostile_text),
        "analysis": draw(hostile_text),
        "reviewed_on": "2026-11-20",
        "evidence": [
            {
                "source": "prop-source",
                "locator": draw(plain_text),
                "quote": draw(plain_text),
                "stance": "context",
                "note": draw(hostile_text),
            }
        ],
    }
    return entity, source, claim


def _project(work: Path, entity: dict, source: dict, claim: dict) -> Path:
    project = work / "project"
    shutil.rmtree(project, ignore_errors=True)
    make_fixture_project(project)
    data = project / "data"
    (data / "entities" / "prop-person.yml").write_text(_yaml(entity), encoding="utf-8")
    (data / "sources" / "prop-source.yml").write_text(_yaml(source), encoding="utf-8")
    (data / "claims" / "prop-claim.yml").write_text(_yaml(claim), encoding="utf-8")
    return project


def _article(inner: str) -> str:
    return f'<article class="md-content__inner">{inner}</article>'


def _visible(fragment: str) -> str:
    # A run of Chinese is marked lang="zh" in place: its span separates no words.
    fragment = re.sub(r'<span lang="zh">([^<]*)</span>', r"\1", fragment)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


@RENDER
@given(hostile_records())
def test_accepted_records_render_and_no_record_text_becomes_markup(work, records):
    entity, source, claim = records
    project = _project(work, entity, source, claim)
    try:
        catalog = load_catalog(project / "data")
    except DataError as error:
        for problem in error.problems:  # refused: only with positions
            assert problem.line >= 1 and problem.col >= 1
        assume(False)
    site = build_site(catalog, [TEMPLATES])
    # As MkDocs does, the front matter is read apart from the Markdown; the theme prints
    # its description unescaped, so nothing in it may have a meaning in HTML.
    split = {path: get_data(page.markdown) for path, page in site.pages.items()}
    for path, (_, meta) in split.items():
        assert not set(meta.get("description", "")) & set("<>&\"'"), (path, meta)
    pages = {
        path: markdown.markdown(body, extensions=SITE_EXTENSIONS)
        for path, (body, _) in split.items()
    }
    for path in ("claims/prop-claim.md", "entities/prop-person.md", "sources/prop-source.md"):
        body = pages[path]
        assert audit_page(_article(body)) == [], path
        for tag, attributes in re.findall(r"<([a-zA-Z0-9]+)([^>]*)>", body):
            assert tag in DATA_PAGE_TAGS, (path, tag)
            assert not re.search(r"\son[a-z]+\s*=", attributes), (path, attributes)
            for url in re.findall(r'(?:href|src)="([^"]*)"', attributes):
                url = html.unescape(url)
                scheme = re.match(r"\s*([a-zA-Z][a-zA-Z0-9+.-]*):", url)
                # mailto: only from the share and report links, with the text %-encoded.
                assert scheme is None or url.startswith(("https://", "http://", "mailto:")), (
                    path,
                    url,
                )
    visible = _visible(pages["claims/prop-claim.md"])
    for text in (claim["summary"], claim["statement"]["text"], claim["evidence"][0]["note"]):
        assert clean(text) in visible
    assert clean(source["notes"]) in _visible(pages["sources/prop-source.md"])


@pytest.mark.slow
@BUILD
@given(hostile_records())
def test_accepted_records_build_with_mkdocs_and_pass_the_audit(work, records):
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    entity, source, claim = records
    project = _project(work, entity, source, claim)
    try:
        load_catalog(project / "data")
    except DataError:
        assume(False)
    config_file = project / "mkdocs.yml"
    cwd = os.getcwd()
    os.chdir(project)  # the plugin's data_dir is relative to the working folder
    try:
        config = load_config(str(config_file), site_dir=str(project / "site"))
        build(config)  # the plugin's on_post_build runs the audit and raises on a problem
    finally:
        os.chdir(cwd)
    page = (project / "site" / "claims" / "prop-claim" / "index.html").read_text()
    assert clean(claim["summary"]) in _visible(page)

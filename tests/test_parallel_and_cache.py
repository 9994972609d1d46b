"""The parallel and cached paths give exactly what the serial path gives.

Serial vs parallel: the same catalog, the same problems (sorted, with positions), the same
pages. Warm vs cold: after edits, the caches give the pages a fresh serial run gives, and
re-render only pages whose inputs changed. (Speed is measured by `make bench`, not here.)
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest

from devtools.synth import write_dossier
from dossier_gen import DataError, load_catalog
from dossier_gen.loading.catalog import each_claim
from dossier_gen.publishing.claimreview import claim_review
from dossier_gen.publishing.site import build_site
from dossier_gen.rendering.render import DEFAULT_TEMPLATES
from dossier_gen.rendering.textfile import shelve
from dossier_gen.speed import parallel
from dossier_gen.speed.cache import ClaimMemo, PageCache, RecordCache
from dossier_gen.speed.preview import CompiledTemplates

from .conftest import ROOT

TEMPLATES: list[Path] = []  # the package's own templates


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    """A synthetic dossier of 60 claims (with entities and sources: about 100 records)."""
    return write_dossier(tmp_path_factory.mktemp("synth"), 60) / "data"


@pytest.fixture
def synthetic_copy(synthetic: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(synthetic, tmp_path / "data"))


# The pool, even for a small dossier.
read_in_pool = functools.partial(parallel.read_many, min_items=1)
render_in_pool = functools.partial(parallel.render_in_parallel, min_items=1)


def _pid(state, start: int, stop: int) -> list[int]:
    return [os.getpid()] * (stop - start)


def test_the_pool_really_uses_other_processes():
    # In a fresh process: the test run itself may have threads running, which keep it serial.
    code = (
        "import os; from dossier_gen.speed import cores, parallel;"
        " from tests.test_parallel_and_cache import _pid;"
        " pids = set(parallel.map_forked(_pid, None, 16, min_items=1));"
        " print(cores.worker_count(), os.getpid() in pids, len(pids))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    workers, parent_did_work, processes = int(out[0]), out[1] == "True", int(out[2])
    if workers >= 2:
        assert not parent_did_work and processes >= 1
    else:
        assert parent_did_work and processes == 1


def test_parallel_load_and_render_equal_serial(synthetic: Path):
    serial = load_catalog(synthetic)
    pooled = load_catalog(synthetic, read_many=read_in_pool)
    assert pooled == serial
    assert list(pooled.claims) == list(serial.claims)
    assert build_site(pooled, TEMPLATES, renderer=render_in_pool) == build_site(serial, TEMPLATES)


def test_pages_shelved_in_scratch_files_read_back_as_rendered(synthetic: Path, tmp_path: Path):
    catalog = load_catalog(synthetic)
    in_memory = build_site(catalog, TEMPLATES)
    shelf = tmp_path / "markdown"
    shelved = build_site(catalog, TEMPLATES, renderer=parallel.render_into(shelf))
    assert all(page.file is not None and not page.markdown for page in shelved.pages.values())
    assert {path: page.read() for path, page in shelved.pages.items()} == {
        path: page.read() for path, page in in_memory.pages.items()
    }
    # One file for each chunk of pages, not one a page: at 10,000 claims creating, reading
    # and removing 26,000 scratch files cost some 3 s.
    assert len(list(shelf.iterdir())) <= parallel.worker_count() * 4 < len(shelved.pages)


def test_a_shelf_gives_back_each_text_exactly(tmp_path: Path):
    shelf = tmp_path / "texts"
    texts = ["line\r\nbreak\r", "", "副部长 and 郭文贵", "é\u2028\x00end"]
    first = shelve(shelf, texts[:2])
    second = shelve(shelf, texts[2:])  # added to the same file, after the first ones
    assert [item.read() for item in first + second] == texts
    assert len({item.path for item in first + second}) == 1
    with open(shelf, "r+b") as cut:
        cut.truncate(first[1].offset + 3)
    with pytest.raises(OSError, match="cut short"):
        second[0].read()


def test_parallel_load_reports_the_same_problems_sorted(synthetic_copy: Path):
    claims = synthetic_copy / "claims"
    (claims / "claim-3.yml").write_text("title: [unclosed\n", encoding="utf-8")
    text = (claims / "claim-7.yml").read_text(encoding="utf-8")
    (claims / "claim-7.yml").write_text(text.replace("rating: ", "rating: nope-"), encoding="utf-8")
    (claims / "claim-1.yml").write_text(
        text.replace("claimed_on:", "claimed_on_typo:"), encoding="utf-8"
    )
    with pytest.raises(DataError) as serial:
        load_catalog(synthetic_copy)
    with pytest.raises(DataError) as pooled:
        load_catalog(synthetic_copy, read_many=read_in_pool)
    assert pooled.value.problems == serial.value.problems
    assert pooled.value.problems == sorted(pooled.value.problems)
    assert len(serial.value.problems) >= 3
    assert all(p.line >= 1 and p.col >= 1 for p in pooled.value.problems)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_warm_rebuilds_equal_cold_ones(synthetic_copy: Path):
    records, pages = RecordCache(), PageCache()

    def warm():
        return build_site(
            load_catalog(synthetic_copy, read_many=records.read_many),
            TEMPLATES,
            renderer=pages.render,
        )

    def cold():
        return build_site(load_catalog(synthetic_copy), TEMPLATES)

    assert warm() == cold()
    first = load_catalog(synthetic_copy, read_many=records.read_many)
    again = load_catalog(synthetic_copy, read_many=records.read_many)
    assert again.claims["claim-0"] is first.claims["claim-0"], "unchanged file re-parsed"
    assert warm() == cold()
    assert pages.rendered == [], "nothing changed, yet pages were rendered again"

    # A claim's title shows on its page, on the lists, and on the pages of what it cites.
    _edit(synthetic_copy / "claims" / "claim-4.yml", 'title: "Claim 4:', 'title: "Claim four:')
    assert warm() == cold()
    assert "claims/claim-4.md" in pages.rendered and "claims/index.md" in pages.rendered
    assert "claims/claim-5.md" not in pages.rendered
    # An entity's name shows on every page that links to it.
    _edit(synthetic_copy / "entities" / "entity-2.yml", "name: Example", "name: Renamed")
    assert warm() == cold()
    # A source dropped from a claim's evidence loses that claim from its page.
    claim = synthetic_copy / "claims" / "claim-9.yml"
    text = claim.read_text(encoding="utf-8")
    start = text.index("  - stance:")
    end = text.index("  - stance:", start + 1)
    claim.write_text(text[:start] + text[end:], encoding="utf-8")
    assert warm() == cold()
    # A claim removed (and the claims relating to it edited) disappears everywhere.
    for other in synthetic_copy.glob("claims/*.yml"):
        other_text = other.read_text(encoding="utf-8")
        if "claim-11" in other_text and other.stem != "claim-11":
            lines = [ln for ln in other_text.splitlines() if not ln.startswith("related:")]
            other.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (synthetic_copy / "claims" / "claim-11.yml").unlink()
    assert warm() == cold()
    assert "claims/claim-11.md" not in warm().pages


def test_a_template_edit_re_renders_every_page_that_uses_it(synthetic_copy: Path, tmp_path: Path):
    templates = Path(shutil.copytree(DEFAULT_TEMPLATES, tmp_path / "templates"))
    records, pages = RecordCache(), PageCache()
    catalog = load_catalog(synthetic_copy, read_many=records.read_many)
    build_site(catalog, [templates], renderer=pages.render)
    claim_template = templates / "claim.md.j2"
    claim_template.write_text(
        claim_template.read_text(encoding="utf-8") + "\nA sentence added to the template.\n",
        encoding="utf-8",
    )
    warm = build_site(catalog, [templates], renderer=pages.render)
    assert warm == build_site(load_catalog(synthetic_copy), [templates])
    assert "A sentence added to the template." in warm.pages["claims/claim-0.md"].markdown


def test_the_theme_templates_compiled_once_are_reused_until_edited(monkeypatch):
    sources = {"page.html": "Hello {{ name }}"}
    kept = CompiledTemplates()
    compiled: list[str] = []
    original = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        compiled.append(name)
        return original(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)

    def render() -> str:  # a new environment each time, as MkDocs makes on every rebuild
        env = jinja2.Environment(loader=jinja2.DictLoader(sources), bytecode_cache=kept)
        return env.get_template("page.html").render(name="reader")

    assert render() == render() == "Hello reader"
    assert compiled == ["page.html"]
    sources["page.html"] = "Goodbye {{ name }}"
    assert render() == "Goodbye reader"
    assert compiled == ["page.html", "page.html"]


def _synthetic_project(where: Path, claims: int, parallel_conversion: bool) -> Path:
    """A synthetic dossier with the repository's mkdocs.yml, its hand-written pages as
    placeholders (the real ones link to the real records)."""
    write_dossier(where, claims)
    # The top-level pages only: `docs/zh/` is the real dossier's Chinese edition.
    for page in (ROOT / "docs").glob("*.md"):
        target = where / "docs" / page.relative_to(ROOT / "docs")
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            target.write_text(f"# {page.stem}\n\nA placeholder.\n", encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    flag = "true" if parallel_conversion else "false"
    # The speed options, all on or all off: the site must not tell them apart.
    option = f"      parallel: {flag}\n      sidebar_cache: {flag}\n      pass_tables: {flag}\n"
    config = config.replace("      data_dir: data\n", "      data_dir: data\n" + option)
    (where / "mkdocs.yml").write_text(config, encoding="utf-8")
    return where


@pytest.mark.slow
def test_the_speed_options_on_or_off_give_the_same_site(tmp_path: Path):
    # Enough pages for the pool (parallel.MIN_ITEMS); the same records either way.
    claims = 250
    sites = []
    for on in (True, False):
        project = _synthetic_project(tmp_path / f"parallel-{on}", claims, on)
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--verbose", "-d", "site"],
            cwd=project,
            capture_output=True,
            text=True,
            env={**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "NO_MKDOCS_2_WARNING": "1"},
        )
        assert result.returncode == 0, result.stderr
        # The comparison below means something only if the pages were converted ahead: a
        # conversion that silently never ran would give the same site too.
        converted = re.search(r"Converted (\d+) generated pages ahead", result.stderr)
        sidebars = re.search(r"Rendered the theme's sidebars (\d+) times for (\d+)", result.stderr)
        passed = re.findall(r"Passed (\d+) tables of (\S+) through", result.stderr)
        if on:
            # And the tables: the claims list's and most claim pages' went round Markdown.
            assert "claims/index.md" in {page for _, page in passed}, result.stderr[-2000:]
            assert len(passed) > claims // 2
            assert "could not be passed through" not in result.stderr
            assert converted is not None, result.stderr[-2000:]
            assert int(converted.group(1)) >= parallel.MIN_ITEMS
            # Likewise the sidebar cache: most pages must have reused another's sidebars.
            assert sidebars is not None, result.stderr[-2000:]
            assert int(sidebars.group(1)) * 5 < int(sidebars.group(2)), sidebars.group(0)
        else:
            assert converted is None and sidebars is None and passed == []
        sites.append(project / "site")
    pages = sum(1 for _ in sites[0].rglob("index.html"))
    assert pages >= parallel.MIN_ITEMS
    files = [sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file()) for site in sites]
    assert files[0] == files[1]
    different = [
        str(path)
        for path in files[0]
        if (sites[0] / path).read_bytes() != (sites[1] / path).read_bytes()
    ]
    assert different == []


def test_a_claim_s_review_is_made_again_only_when_a_record_it_read_changed(synthetic_copy: Path):
    records, memo = RecordCache(), ClaimMemo()
    made: list[str] = []

    def review(catalog, claim_id: str, language: str | None) -> dict:
        made.append(claim_id)
        return claim_review(catalog, claim_id, language)

    def each() -> dict[str, dict]:
        catalog = load_catalog(synthetic_copy, read_many=records.read_many)
        kept = memo(review, catalog, None)
        assert kept == each_claim(claim_review, catalog, None)  # what a one-shot build makes
        return kept

    first = each()
    assert len(made) == len(first) == 60
    made.clear()
    assert each() == first and made == [], "nothing changed, yet reviews were made again"
    _edit(synthetic_copy / "claims" / "claim-4.yml", 'summary: "', 'summary: "Edited. ')
    each()
    assert made == ["claim-4"]
    made.clear()
    # A claimant's name is in the review of each of its claims, and in no other.
    claim = load_catalog(synthetic_copy).claims["claim-7"].model
    _edit(synthetic_copy / "entities" / f"{claim.claimant}.yml", "name: ", "name: Renamed ")
    each()
    catalog = load_catalog(synthetic_copy)
    assert sorted(made) == sorted(
        cid for cid, c in catalog.claims.items() if c.model.claimant == claim.claimant
    )

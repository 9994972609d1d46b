"""A preview's rebuild after an edit gives the site a one-shot build makes from the same
records: every page, the search index, the exports and the theme's files.

The preview (`mkdocs serve --dirty`, kept state in `speed.preview`) rebuilds only what an
edit changes: pages whose inputs changed, the search index's changed shards and blocks,
with the theme's compiled templates and file list kept. Here it runs in-process as `mkdocs
serve` runs it (one plugin across builds, a new configuration for each), and its folder is
compared file by file with that of a one-shot build of the edited records.
"""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from dossier_gen.speed import parallel

from .conftest import BILINGUAL
from .test_parallel_and_cache import _synthetic_project

SERVE_URL = "http://127.0.0.1:8000/"


def _config(project: Path, site: Path):
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site))
    config.site_url = SERVE_URL
    return config


# mkdocs-material's tags plugin knows only the pages a build renders, and a preview renders
# only those an edit changed: the tags a rebuilt page hides (`hide: [tags]`, the dossier
# prints its own) are not links, and the plugin's tags.json lists only rebuilt pages.
# Neither is shown to a reader; the dossier's own tags page is rebuilt from the records.
_HIDDEN_TAGS = re.compile(rb'<nav class="md-tags" hidden>.*?</nav>', re.DOTALL)
MATERIAL_TAGS_EXPORT = "tags.json"


def _files(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): _HIDDEN_TAGS.sub(b"", p.read_bytes())
        for p in site.rglob("*")
        if p.is_file() and p.name != MATERIAL_TAGS_EXPORT
    }


@pytest.fixture
def new_plugins():
    """MkDocs keeps a plugin that has `on_startup` for every later configuration of the
    process (so that `serve` keeps it across rebuilds): each build here, and the tests after
    this one, get new plugins."""
    cache = MkDocsConfig.plugins.plugin_cache  # type: ignore[attr-defined]
    cache.clear()
    yield cache.clear
    cache.clear()


class _Preview:
    """One preview server's builds, as `mkdocs serve --dirty` makes them."""

    def __init__(self, project: Path, site: Path) -> None:
        self.project, self.site = project, site
        config = _config(project, site)
        config.plugins.on_startup(command="serve", dirty=True)
        self.plugins = config.plugins
        self.rebuild(config)

    def rebuild(self, config=None) -> None:
        config = config or _config(self.project, self.site)
        config.plugins = self.plugins  # as serve does: its plugins live across builds
        build(config, serve_url=SERVE_URL, dirty=True)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.slow
def test_a_preview_rebuilt_after_edits_is_the_site_a_one_shot_build_makes(
    tmp_path: Path, new_plugins
):
    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # the dirty build's warning
    project = _synthetic_project(tmp_path / "project", 30, parallel_conversion=True)
    preview = _Preview(project, tmp_path / "served")
    claims = project / "data" / "claims"
    # What an editor does most: a claim's summary, then its verdict; then a name that shows
    # on many pages, and a new word for search.
    _edit(claims / "claim-3.yml", 'summary: "', 'summary: "Edited once. ')
    preview.rebuild()
    _edit(claims / "claim-3.yml", "Edited once.", "Edited twice, zygomorphic.")
    preview.rebuild()
    claimant = re.search(r"^claimant: (\S+)", (claims / "claim-3.yml").read_text(), re.M)
    assert claimant is not None
    entity = project / "data" / "entities" / f"{claimant[1]}.yml"
    _edit(entity, "name: ", "name: Renamed ")
    preview.rebuild()
    # A setting every claim's ClaimReview, row and search document carries.
    _edit(project / "data" / "dossier.yml", "label: Confirmed", "label: Borne out")
    preview.rebuild()

    new_plugins()
    config = _config(project, tmp_path / "built")
    # At the address the preview serves at, which a preview's links use.
    config.plugins["dossier"].config.base_url = SERVE_URL
    build(config, serve_url=SERVE_URL)
    assert config.plugins["dossier"].preview is None  # a one-shot build
    served, built = _files(preview.site), _files(tmp_path / "built")
    assert served.keys() == built.keys()
    different = sorted(path for path in built if served[path] != built[path])
    assert different == []
    assert b"zygomorphic" in served["claims/claim-3/index.html"]
    assert any(b"zygomorphic" in data for path, data in served.items() if "search/" in path)
    assert b"Borne out" in served["data/claims.csv"]
    assert b"Renamed" in served["claims/index.html"]


@pytest.mark.slow
def test_a_two_language_preview_shows_an_edit_in_both_editions(tmp_path: Path, new_plugins):
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    project = Path(shutil.copytree(BILINGUAL, tmp_path / "project"))
    preview = _Preview(project, tmp_path / "served")
    record = project / "data" / "claims" / "ferry-fastest-on-coast.yml"
    # The English summary shows in both editions (the Chinese one beside its translation).
    _edit(record, "summary: Its published", "summary: Zygomorphic. Its published")
    preview.rebuild()
    _edit(record, "summary: 其公布的", "summary: 经核实：其公布的")
    preview.rebuild()
    served = _files(preview.site)
    assert b"Zygomorphic" in served["claims/ferry-fastest-on-coast/index.html"]
    assert "经核实".encode() in served["zh/claims/ferry-fastest-on-coast/index.html"]
    assert b'lang="en"' in served["index.html"][:200], "the first edition stays English"
    # The Chinese edition previews too: its plugin is kept, with what it made, for the next.
    (edition,) = preview.plugins["dossier"].edition_plugins.values()
    assert edition["dossier"].preview is not None and edition["dossier"].preview.dirty

    new_plugins()
    config = _config(project, tmp_path / "built")
    config.plugins["dossier"].config.base_url = SERVE_URL
    build(config, serve_url=SERVE_URL)
    built = _files(tmp_path / "built")
    assert served.keys() == built.keys()
    assert sorted(path for path in built if served[path] != built[path]) == []


def test_a_second_build_of_two_editions_draws_no_card(tmp_path: Path, new_plugins, monkeypatch):
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    project = Path(shutil.copytree(BILINGUAL, tmp_path / "project"))
    drawn: list[str] = []
    draw = parallel.write_card
    monkeypatch.setattr(
        parallel, "write_card", lambda card, file: drawn.append(card.language) or draw(card, file)
    )
    for n in range(2):
        new_plugins()
        build(_config(project, tmp_path / f"site-{n}"))
        if n == 0:
            assert {"en", "zh"} <= {language[:2] for language in drawn}, drawn
            drawn.clear()
    # The editions shared the cache, and each build removed the other edition's cards.
    assert drawn == []

"""End to end, as another newsroom: the wheel installed in a fresh virtual environment outside
this repository, `dossier init` in an empty folder, `mkdocs build --strict` (`newsroom.py`).

The new site must work with nothing copied from this repository: a ClaimReview on every
claim page, the feed linked from the home page, search set up for Chinese (the browser test
in `browser/test_new_dossier.py` searches for the example's Chinese name), no broken link.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from dossier_gen.publishing.search_words import segment_han, shard_of

from .conftest import ROOT
from .newsroom import NewDossier
from .test_release import CATALOG_ENTRY, MATERIAL_ENTRY, VERSION

pytestmark = pytest.mark.slow


class _Head(HTMLParser):
    """The JSON-LD blocks and `<link>` elements of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.jsonld: list[dict] = []
        self.links: list[dict[str, str | None]] = []
        self._in_jsonld = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and attributes.get("type") == "application/ld+json":
            self._in_jsonld = True
        elif tag == "link":
            self.links.append(attributes)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_jsonld = False

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld.append(json.loads(data))


def _head(page: Path) -> _Head:
    parser = _Head()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def _load(path: Path) -> dict:
    """A record as dossier-gen reads it: every value a string (`id: false` is the id)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def _records(new: NewDossier, folder: str) -> dict[str, dict]:
    return {
        path.stem: _load(path) for path in sorted((new.project / "data" / folder).glob("*.yml"))
    }


def test_the_new_dossier_runs_on_the_installed_wheel_alone(new_dossier):
    where = new_dossier.run("python", "-c", "import dossier_gen; print(dossier_gen.__file__)")
    module = Path(where.stdout.strip())
    assert module.is_relative_to(new_dossier.venv), module
    assert not new_dossier.project.is_relative_to(ROOT)
    assert not module.is_relative_to(ROOT)
    assert new_dossier.run("dossier", "--version").stdout.split()[-1] == VERSION
    requirements = (new_dossier.project / "requirements.txt").read_text(encoding="utf-8")
    assert f"\ndossier-gen=={VERSION}\n" in requirements


def test_the_new_dossier_validates_builds_strict_and_has_no_broken_link(new_dossier):
    validated = new_dossier.run("dossier", "validate")
    assert validated.returncode == 0, validated.stderr
    assert validated.stdout == "data: 2 claims, 3 entities, 2 sources: no problems found.\n"
    assert "WARNING" not in new_dossier.build.stderr, new_dossier.build.stderr
    links = new_dossier.run("dossier", "check-links", "site")
    assert links.returncode == 0, links.stdout + links.stderr
    assert links.stdout.endswith(": none broken.\n")


def test_every_claim_page_carries_its_claimreview(new_dossier):
    settings = _load(new_dossier.project / "data" / "dossier.yml")
    claims = _records(new_dossier, "claims")
    assert len(claims) == 2
    for claim_id, claim in claims.items():
        head = _head(new_dossier.site / "claims" / claim_id / "index.html")
        [review] = [block for block in head.jsonld if block.get("@type") == "ClaimReview"]
        assert review["url"] == f"{settings['base_url']}claims/{claim_id}/"
        label = next(r["label"] for r in settings["ratings"] if r["id"] == claim["rating"])
        assert review["reviewRating"]["alternateName"] == label
        assert review["author"]["name"] == settings["publisher"]["name"]


def test_the_home_page_links_the_feed(new_dossier):
    head = _head(new_dossier.site / "index.html")
    [feed] = [link for link in head.links if link.get("type") == "application/atom+xml"]
    assert feed["rel"] == "alternate"
    atom = (new_dossier.site / str(feed["href"])).read_text(encoding="utf-8")
    assert 'xmlns="http://www.w3.org/2005/Atom"' in atom
    for claim_id in _records(new_dossier, "claims"):
        assert f"claims/{claim_id}/" in atom
    # The publisher, with its methodology and corrections policy pages, is on the home page.
    [org] = [block for block in head.jsonld if block.get("@type") == "Organization"]
    assert org["publishingPrinciples"].endswith("/methodology/")


def test_the_search_index_holds_each_chinese_name_as_its_words(new_dossier):
    search = new_dossier.site / "search"
    manifest = json.loads((search / "index.json").read_text(encoding="utf-8"))
    entities = _records(new_dossier, "entities").values()
    names = [e["native_name"] for e in entities if "native_name" in e]
    assert names
    cut_names = 0
    for name in names:
        # The name is cut into words at build time (rjieba), and each word is in the shard
        # the reader's browser fetches for it: a search for the name, or for a word of it,
        # finds it.
        words = segment_han(name)
        assert "".join(words) == name
        for word in words:
            shard = shard_of(word, manifest["shards"])
            terms = json.loads((search / "terms" / f"{shard}.json").read_text(encoding="utf-8"))
            assert word in terms, f"{word!r} of {name} is not in search shard {shard}"
        cut_names += len(words) > 1
    assert cut_names, "no name was cut into words: the test would pass without segmenting"
    assert not (search / "search_index.json").exists()  # no whole-site index to download


def test_the_new_dossier_is_not_ready_to_publish(new_dossier):
    result = new_dossier.run("dossier", "validate", "--publication")
    assert result.returncode == 1
    assert re.match(r"data/dossier\.yml:\d+:\d+: publisher\.name still says", result.stderr)
    assert result.stderr.endswith("problems found: not ready to publish.\n")


def test_get_deps_names_the_package_for_the_new_site(new_dossier, tmp_path):
    catalog = tmp_path / "projects.yaml"
    ours = yaml.safe_load(CATALOG_ENTRY.read_text(encoding="utf-8"))["projects"]
    catalog.write_text(yaml.safe_dump({"projects": [MATERIAL_ENTRY, *ours]}), encoding="utf-8")
    result = new_dossier.run("mkdocs", "get-deps", "-p", str(catalog))
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["dossier-gen", "mkdocs", "mkdocs-material"]

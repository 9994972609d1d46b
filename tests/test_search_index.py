"""The search index built from the records (`publishing.search`): what it holds, how it is
split, and that rjieba cuts Chinese exactly as jieba did (which mkdocs-material's search
used, and which the search box's query segmentation was tuned against)."""

from __future__ import annotations

import json
import warnings

import pytest

from dossier_gen import load_catalog
from dossier_gen.publishing import search
from dossier_gen.publishing import search_words as words
from dossier_gen.rendering import urls
from dossier_gen.rendering.escape import plain_title

from .conftest import FIXTURE, ROOT


def _han_runs(catalog) -> set[str]:
    runs: set[str] = set()
    for records in (catalog.claims, catalog.entities, catalog.sources):
        for record in records.values():
            for value in _strings(record.model.model_dump()):
                runs.update(words._HAN.findall(value))
    return runs


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_rjieba_cuts_every_chinese_run_of_the_real_data_as_jieba_does():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # jieba warns about pkg_resources
        import jieba
    jieba.setLogLevel(60)
    runs = _han_runs(load_catalog(ROOT / "data"))
    assert len(runs) > 50, "the real data should hold Chinese text"
    different = {run: (words.segment_han(run), list(jieba.cut(run))) for run in sorted(runs)}
    different = {run: cut for run, cut in different.items() if cut[0] != cut[1]}
    assert different == {}


def test_words_are_cut_as_the_browser_cuts_queries():
    assert list(words.terms("The FBI's 2017 Investigation, Sun Lijun (孙力军) 公安部副部长")) == [
        "fbi",
        "s",
        "2017",
        "investigation",
        "sun",
        "lijun",
        "孙力军",
        "公安部",
        "副",
        "部长",
    ]
    assert words.name_key("Guo Wengui (郭文贵)") == "guowengui郭文贵"
    assert words.shard_key("investigation") == "in" and words.shard_key("董经纬") == "董"


def _index(catalog, pages=()):
    docs = [*search.record_docs(catalog).values(), *pages]
    return docs, search.index_files(docs)


def test_every_word_is_in_the_shard_its_key_names_with_the_documents_it_is_in():
    catalog = load_catalog(ROOT / "data")
    docs, files = _index(catalog, [search.page_doc("methodology.md", "Methodology", "How.")])
    manifest = json.loads(files[urls.SEARCH_MANIFEST])
    assert manifest["docs"] == len(docs)
    ordered = sorted(docs, key=lambda doc: doc.kind)
    found = 0
    for n in range(manifest["shards"]):
        for term, postings in json.loads(files[urls.search_terms(n)]).items():
            assert words.shard_of(term, manifest["shards"]) == n
            number = 0
            for i in range(0, len(postings), 2):
                number += postings[i]
                assert term in ordered[number].weights()
                assert 0 < postings[i + 1] <= search.MAX_WEIGHT
                found += 1
    assert found == sum(len(doc.weights()) for doc in docs)
    rows = [
        row
        for n in range(-(-len(docs) // manifest["block"]))
        for row in json.loads(files[urls.search_docs(n)])
    ]
    assert [row[0] for row in rows] == [doc.location for doc in ordered]
    kinds = [row[2] for row in rows]
    assert kinds == sorted(kinds), "claims first, then people, sources, other pages"


def test_results_show_the_verdict_and_a_snippet_of_the_summary():
    catalog = load_catalog(FIXTURE / "data")
    docs = search.record_docs(catalog)
    scale = catalog.dossier.model
    for cid, claim in catalog.claims.items():
        doc = docs[urls.claim_page(cid)]
        assert doc.location == f"claims/{cid}/"
        assert doc.title == plain_title(claim.model.title)
        assert doc.label == scale.rating(claim.model.rating).label
        assert claim.model.summary.startswith(doc.snippet.removesuffix("…"))
        # The rating last, for the chip's colours; a claim has no names to come first by.
        assert doc.row()[5:] == [[], claim.model.rating]
    for eid, entity in catalog.entities.items():
        doc = docs[urls.entity_page(eid)]
        assert doc.label in search.ENTITY_LABELS.values()
        assert words.name_key(entity.model.name) in doc.row()[5]
        assert len(doc.row()) == 6


def test_the_index_is_the_same_for_the_same_records():
    catalog = load_catalog(FIXTURE / "data")
    assert _index(catalog)[1] == _index(load_catalog(FIXTURE / "data"))[1]


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [("Short.", 20, "Short."), ("One two three four five", 12, "One two…")],
)
def test_snippets_end_at_a_word(text, limit, expected):
    assert search.snippet(text, limit) == expected

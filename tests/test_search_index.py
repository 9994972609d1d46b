"""The search index built from the records (`publishing.search`): what it holds, how it is
split, and that rjieba cuts Chinese exactly as jieba did (which mkdocs-material's search
used, and which the search box's query segmentation was tuned against)."""

from __future__ import annotations

import json
import os
import warnings

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier_gen import load_catalog
from dossier_gen.publishing import search
from dossier_gen.publishing import search_words as words
from dossier_gen.rendering import urls
from dossier_gen.rendering.escape import plain_title
from dossier_gen.speed.search_index import KeptIndex

from .conftest import FIXTURE, ROOT

CI = os.environ.get("CI") == "true"


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


_WORDS = ["spy", "defector", "minister", "vice", "security", "副部长", "董经纬", "公安部", "a"]


def _search_doc(n: int, kind: int, words: list[str], rating: str | None) -> search.SearchDoc:
    text = " ".join(words)
    return search.SearchDoc(
        f"p{n}/",
        " ".join(words[:2]) or "untitled",
        kind,
        "Label",
        text,
        ((text, search.TITLE), (" ".join(reversed(words)), search.BODY)),
        rating=rating,
    )


_words = st.lists(st.sampled_from(_WORDS), max_size=6)
_ratings = st.sampled_from([None, "false", "true"])
_docs = st.lists(
    st.builds(_search_doc, st.integers(0, 40), st.integers(0, 3), _words, _ratings),
    max_size=25,
    unique_by=lambda doc: doc.location,
)
# Mostly what an editor does, a document's words or verdict edited; sometimes a document
# added, removed or moved to another kind, which numbers the documents afresh.
_edits = st.lists(
    st.lists(
        st.one_of(
            st.tuples(st.just("edit"), st.integers(0, 99), _words, _ratings),
            st.tuples(st.just("edit"), st.integers(0, 99), _words, _ratings),
            st.tuples(st.just("edit"), st.integers(0, 99), _words, _ratings),
            st.tuples(st.just("add"), st.integers(41, 60), _words, _ratings),
            st.tuples(st.just("remove"), st.integers(0, 99), _words, _ratings),
            st.tuples(st.just("kind"), st.integers(0, 99), _words, _ratings),
        ),
        min_size=1,
        max_size=3,
    ),
    max_size=8,
)


def _edited(docs: list[search.SearchDoc], edit: tuple) -> list[search.SearchDoc]:
    action, n, words, rating = edit
    docs = list(docs)
    if action == "add":
        return (
            [*docs, _search_doc(n, 0, words, rating)]
            if f"p{n}/" not in {d.location for d in docs}
            else docs
        )
    if not docs:
        return docs
    i = n % len(docs)
    number = int(docs[i].location[1:-1])
    if action == "remove":
        del docs[i]
    elif action == "kind":
        docs[i] = _search_doc(number, (docs[i].kind + 1) % 4, words, rating)
    else:
        docs[i] = _search_doc(number, docs[i].kind, words, rating)
    return docs


@given(docs=_docs, edits=_edits, per_shard=st.sampled_from([2, 7, search.POSTINGS_PER_SHARD]))
@settings(max_examples=300, deadline=None, derandomize=CI)
def test_a_kept_index_updated_edit_by_edit_is_the_index_built_afresh(docs, edits, per_shard):
    # Small shards and blocks, so that edits change how many shards there are as well as
    # their words, and touch several blocks.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "POSTINGS_PER_SHARD", per_shard)
        patch.setattr(search, "DOCS_PER_BLOCK", 4)
        kept = KeptIndex()
        before: dict[str, bytes] = {}
        for together in [[], *edits]:  # the edits one save makes
            for edit in together:
                docs = _edited(docs, edit)
            weights = {doc.location: doc.weights() for doc in docs}
            changed = kept.update(docs, weights)
            afresh = search.index_files(docs)
            assert kept.files == afresh
            # What a preview writes: every file that differs from the last rebuild's index.
            assert changed == {p: data for p, data in afresh.items() if before.get(p) != data}
            before = afresh

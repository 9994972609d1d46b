"""Views the reader pages need: recent changes, relayed claims, claims naming an entity."""

from __future__ import annotations

import re
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from dossier_gen.loading.load import load_catalog
from dossier_gen.rendering.indexes import build_indexes, claims_naming
from dossier_gen.rendering.render import render_pages

from .conftest import FIXTURE


def test_recently_changed_counts_updates_as_well_as_reviews():
    indexes = build_indexes(load_catalog(FIXTURE / "data"))
    # bridge-finished was reviewed on the 20th and updated on the 21st.
    assert indexes.claims_recently_changed == ["bridge-finished", "bridge-best"]


def test_relayed_claims_are_listed_under_whoever_relayed_them():
    indexes = build_indexes(load_catalog(FIXTURE / "data"))
    assert indexes.claims_relayed_by == {"example-news": ["bridge-finished"]}


def test_claims_naming_an_entity_skip_its_own_claims(fixture_copy):
    claim = fixture_copy / "data" / "claims" / "bridge-best.yml"
    claim.write_text(
        claim.read_text()
        .replace("claimant: ada-example", "claimant: example-news")
        .replace("The best bridge anywhere in the region.", "艾达 built the best bridge.")
    )
    indexes = build_indexes(load_catalog(fixture_copy / "data"))
    assert indexes.claims_naming == {"ada-example": ["bridge-best"]}


def _naive_claims_naming(catalog, claim_ids):
    # The definition: every claim by someone else whose title or statement holds a name.
    naming = {}
    for eid, loaded in catalog.entities.items():
        e = loaded.model
        names = [
            n.casefold()
            for n in (e.name, e.native_name, *e.aliases)
            if n and (len(n) >= 3 or not n.isascii())
        ]
        found = [
            cid
            for cid in claim_ids
            if catalog.claims[cid].model.claimant != eid
            and any(
                n
                in " ".join(
                    (catalog.claims[cid].model.title, catalog.claims[cid].model.statement.text)
                ).casefold()
                for n in names
            )
        ]
        if found:
            naming[eid] = found
    return naming


# A small alphabet (with letters that change under casefold and Chinese characters) so that
# names often do occur in the texts, whole or in part.
_TEXT = st.text(alphabet="abAB ßs艾达", max_size=12)


@given(
    texts=st.lists(st.tuples(_TEXT, _TEXT, st.integers(0, 2)), max_size=6),
    names=st.lists(
        st.tuples(_TEXT, st.none() | _TEXT, st.lists(_TEXT, max_size=2)), min_size=1, max_size=3
    ),
)
def test_claims_naming_finds_what_a_scan_of_every_text_finds(texts, names):
    entities = {
        f"e{i}": SimpleNamespace(
            model=SimpleNamespace(name=name, native_name=native, aliases=aliases)
        )
        for i, (name, native, aliases) in enumerate(names)
    }
    claims = {
        f"c{i}": SimpleNamespace(
            model=SimpleNamespace(
                title=title, statement=SimpleNamespace(text=text), claimant=f"e{who}"
            )
        )
        for i, (title, text, who) in enumerate(texts)
    }
    catalog = SimpleNamespace(entities=entities, claims=claims)
    ids = sorted(claims, reverse=True)
    assert claims_naming(catalog, ids) == _naive_claims_naming(catalog, ids)


def test_the_home_page_lists_the_ten_most_recent_articles_and_says_where_the_rest_are(
    tmp_path,
):
    from devtools.synth import write_dossier

    catalog = load_catalog(write_dossier(tmp_path, 60) / "data")
    articles = [sid for sid, _ in build_indexes(catalog).articles]
    assert len(articles) > 10
    home = render_pages(catalog)["index.md"].read()
    listed = re.findall(r'class="dossier-articles__title" href="sources/([^/"]+)/"', home)
    assert listed == articles[-10:]  # oldest first, as the whole list is
    assert (
        f"The 10 most recent of {len(articles)} articles checked. Every source is in the"
        " [list of sources](sources/index.md)." in home
    )


def test_a_home_page_with_few_articles_lists_them_all():
    catalog = load_catalog(FIXTURE / "data")
    articles = [sid for sid, _ in build_indexes(catalog).articles]
    home = render_pages(catalog)["index.md"].read()
    listed = re.findall(r'class="dossier-articles__title" href="sources/([^/"]+)/"', home)
    assert listed == articles and articles
    assert "most recent of" not in home

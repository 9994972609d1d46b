"""Views the reader pages need: recent changes, relayed claims, claims naming an entity."""

from __future__ import annotations

from dossier_gen.indexes import build_indexes
from dossier_gen.load import load_catalog

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
    claim.write_text(claim.read_text().replace("claimant: ada-example",
                                               "claimant: example-news").replace(
        "The best bridge anywhere in the region.", "艾达 built the best bridge."))
    indexes = build_indexes(load_catalog(fixture_copy / "data"))
    assert indexes.claims_naming == {"ada-example": ["bridge-best"]}

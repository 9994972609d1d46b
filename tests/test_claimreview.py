"""The ClaimReview of every claim and the publisher's Organization: the rules Google's Rich
Results Test used to check, and this project's own (rating order, dates, escaping)."""

from __future__ import annotations

import dataclasses
import json
import re

import jsonschema
import pytest

from dossier_gen.loading.load import load_catalog
from dossier_gen.publishing.claimreview import all_claim_reviews, publisher_jsonld, short_claim
from dossier_gen.publishing.jsonld_schema import CLAIMREVIEW_SCHEMA
from dossier_gen.publishing.site import build_site
from dossier_gen.records.models import Claim
from dossier_gen.rendering.escape import clean, json_for_html

from .conftest import FIXTURE, ROOT

VALIDATOR = jsonschema.Draft202012Validator(
    CLAIMREVIEW_SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
)


def check_claim_review(catalog, claim_id: str, review: dict) -> None:
    """Every rule a published ClaimReview must meet; shared with the site-build test."""
    errors = [e.message for e in VALIDATOR.iter_errors(review)]
    assert not errors, (claim_id, errors)
    dossier = catalog.dossier.model
    claim = catalog.claims[claim_id].model
    assert review["url"] == f"{dossier.base_url}claims/{claim_id}/"
    assert len(review["claimReviewed"]) <= 75
    # No verdict inside: it is the claim's own title or statement, or the title cut short.
    said = review["claimReviewed"]
    title, statement = clean(claim.title), clean(claim.statement.text)
    assert said in (clean(claim.claim_reviewed or ""), title, statement) or (
        said.endswith("…") and title.startswith(said[:-1])
    ), (claim_id, said)
    assert review["author"] == {
        "@type": "Organization",
        "name": dossier.publisher.name,
        "url": dossier.publisher.url,
    }
    assert review["datePublished"] == claim.reviewed_on
    later = [u.date for u in claim.updates if u.date > claim.reviewed_on]
    assert review.get("dateModified") == (max(later) if later else None)

    rating = dossier.rating(claim.rating)
    node = review["reviewRating"]
    assert node["alternateName"] == rating.label
    if rating.position is None:
        assert not {"ratingValue", "bestRating", "worstRating"} & set(node)
    else:
        assert node["worstRating"] <= node["ratingValue"] <= node["bestRating"]
        for other in dossier.ratings:  # a truer rating has a higher number
            if other.position is not None and other.position < rating.position:
                assert node["ratingValue"] > other.position

    item = review["itemReviewed"]
    entity = catalog.entities[claim.claimant].model
    assert item["author"]["name"] == entity.name
    assert item["author"]["@type"] == (
        "Organization" if entity.kind == "organisation" else "Person"
    )
    assert item["datePublished"] == claim.claimed_on  # when it was said, not reviewed
    source = catalog.sources[claim.appearance.source].model
    assert item["firstAppearance"] in item["appearance"]
    assert item["firstAppearance"].get("url") == source.url
    assert item["firstAppearance"].get("archivedAt") == source.archived_url


@pytest.fixture(scope="module")
def catalog():
    return load_catalog(FIXTURE / "data")


def test_every_fixture_claim_has_a_valid_claim_review(catalog):
    reviews = all_claim_reviews(catalog)
    assert sorted(reviews) == sorted(catalog.claims)
    for claim_id, review in reviews.items():
        check_claim_review(catalog, claim_id, review)


def test_the_real_dossier_has_valid_claim_reviews():
    catalog = load_catalog(ROOT / "data")
    for claim_id, review in all_claim_reviews(catalog).items():
        check_claim_review(catalog, claim_id, review)


def test_fixture_claims_reviewed_hold_no_rating_label(catalog):
    for claim_id, review in all_claim_reviews(catalog).items():
        for rating in catalog.dossier.model.ratings:
            assert not re.search(
                rf"\b{re.escape(rating.label)}\b", review["claimReviewed"], re.IGNORECASE
            ), (claim_id, rating.label)


def test_rating_on_the_scale_carries_its_place(catalog):
    review = all_claim_reviews(catalog)["bridge-finished"]
    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Confirmed",
        "name": "Confirmed",
        "ratingValue": 2,
        "bestRating": 2,
        "worstRating": 1,
        "ratingExplanation": catalog.claims["bridge-finished"].model.summary,
    }
    assert review["dateModified"] == "2026-11-21"
    assert review["correction"] == [
        {
            "@type": "CorrectionComment",
            "datePublished": "2026-11-21",
            "text": "The registry entry was found.",
        }
    ]


def test_not_checkable_emits_its_label_and_no_number(catalog):
    review = all_claim_reviews(catalog)["bridge-best"]
    assert review["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Not checkable",
        "name": "Not checkable",
        "ratingExplanation": "A matter of opinion.",
    }
    assert "dateModified" not in review


def test_an_organisation_claimant_is_an_organization(fixture_copy):
    path = fixture_copy / "data" / "claims" / "bridge-best.yml"
    path.write_text(path.read_text().replace("claimant: ada-example", "claimant: example-news"))
    catalog = load_catalog(fixture_copy / "data")
    review = all_claim_reviews(catalog)["bridge-best"]
    assert review["itemReviewed"]["author"] == {"@type": "Organization", "name": "Example News"}
    check_claim_review(catalog, "bridge-best", review)


def _claim(title: str, statement: str) -> Claim:
    return Claim.model_validate(
        {
            "title": title,
            "statement": {"text": statement, "form": "quote"},
            "claimant": "a",
            "claimed_on": "2017",
            "appearance": {"source": "s", "locator": "l", "quote": "q"},
            "rating": "r",
            "summary": "s",
            "analysis": "a",
            "reviewed_on": "2020-01-01",
        }
    )


def test_claim_reviewed_stays_within_75_characters():
    assert short_claim(_claim("Short title", "x" * 200)) == "Short title"
    long_title = "The officials named in the report fled the country in 2014 with their families"
    assert short_claim(_claim(long_title, "They fled.")) == "They fled."
    cut = short_claim(_claim(long_title, "y " * 60))
    assert cut == "The officials named in the report fled the country in 2014 with their…"
    assert len(cut) <= 75


def test_editors_short_form_comes_first():
    claim = _claim(
        "The officials named in the report fled the country in 2014 with their families",
        "They fled.",
    )
    short = claim.model_copy(update={"claim_reviewed": "Officials named in the report fled"})
    assert short_claim(short) == "Officials named in the report fled"


def test_publisher_links_only_the_policy_pages_the_site_has(catalog):
    dossier = catalog.dossier.model
    org = publisher_jsonld(dossier, {"corrections.md", "methodology.md"})
    assert org["@type"] == "Organization" and org["name"] == dossier.publisher.name
    assert org["publishingPrinciples"] == "https://dossier.example.org/methodology/"
    assert org["verificationFactCheckingPolicy"] == "https://dossier.example.org/methodology/"
    assert org["correctionsPolicy"] == "https://dossier.example.org/corrections/"
    assert "masthead" not in org
    assert "publishingPrinciples" not in publisher_jsonld(dossier, {"corrections.md"})


def test_rendered_site_puts_the_reviews_and_the_publisher_in_the_heads(catalog):
    site = build_site(catalog, intro="# Home\n", doc_pages=["methodology.md"])
    assert sorted(site.head) == ["claims/bridge-best.md", "claims/bridge-finished.md", "index.md"]
    assert site.head["index.md"][0]["publishingPrinciples"].endswith("/methodology/")
    assert [b["@type"] for b in site.head["claims/bridge-best.md"]] == ["ClaimReview"]


def test_embedded_json_survives_script_end_tags_and_line_separators(fixture_copy):
    # The loader refuses U+2028 and U+2029 in records; the embedding must still survive
    # them, so the text is put into the validated model directly.
    catalog = load_catalog(fixture_copy / "data")
    loaded = catalog.claims["bridge-best"]
    catalog.claims["bridge-best"] = dataclasses.replace(
        loaded,
        model=loaded.model.model_copy(
            update={
                "summary": "Ends </script><script>alert(1)</script> here \u2028 and \u2029 & <!--"
            }
        ),
    )
    review = all_claim_reviews(catalog)["bridge-best"]
    embedded = json_for_html(review)
    for unsafe in ("</", "<!--", "\u2028", "\u2029", "<", ">", "&"):
        assert unsafe not in embedded
    assert json.loads(embedded) == review
    assert "</script>" in review["reviewRating"]["ratingExplanation"]


def test_addresses_do_not_depend_on_a_final_slash_in_base_url():
    from dossier_gen.rendering.urls import page_url

    for base in ("https://d.example.org/sub/", "https://d.example.org/sub"):
        assert page_url(base, "claims/x.md") == "https://d.example.org/sub/claims/x/"
        assert page_url(base, "index.md") == "https://d.example.org/sub/"
        assert page_url(base, "claims/index.md") == "https://d.example.org/sub/claims/"

"""`dossier import-claimreview` on hand-written inputs, one quirk of real markup each, and a
round trip of this dossier's own ClaimReview."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from dossier_gen.cli import cli
from dossier_gen.loading.load import load_catalog
from dossier_gen.publishing.claimreview import all_claim_reviews
from dossier_gen.publishing.exports import build_exports
from dossier_gen.rendering.urls import FEED_JSON

from .conftest import FIXTURE, ROOT

INPUTS = ROOT / "tests" / "fixtures" / "claimreview"

SCALE = """\
title: Import test
description: An empty dossier to import into.
language: en
publisher: {name: Example Desk (placeholder), url: "https://example.org/"}
base_url: "https://dossier.example.org/"
ratings:
  - {id: confirmed, label: Confirmed, position: 2, definition: Confirmed.}
  - {id: false, label: "False", position: 1, definition: Wrong.}
  - {id: not-checkable, label: Not checkable, definition: Opinion.}
rating_aliases:
  Mostly false: false
  PANTS ON FIRE: false
"""


@pytest.fixture
def empty(tmp_path, chdir) -> Path:
    """A dossier holding only dossier.yml, with the inputs copied beside it."""
    chdir(tmp_path)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "dossier.yml").write_text(SCALE, encoding="utf-8")
    shutil.copytree(INPUTS, tmp_path / "in")
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(cli, ["import-claimreview", *args])


def files(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root / "data").as_posix(): p.read_text(encoding="utf-8")
        for p in sorted((root / "data").rglob("*.yml"))
    }


def imported(root: Path):
    return load_catalog(root / "data")


def test_graph_wrapper_type_list_string_numbers_and_creativework_item(empty):
    result = run("in/graph-creativework.json")
    assert result.exit_code == 0, result.output
    catalog = imported(empty)
    claim = catalog.claims["city-budget-doubled"].model
    assert claim.title == "The city budget doubled in one year"
    assert claim.rating == "false"
    assert claim.reviewed_on == "2020-10-07"  # "2020-10-07 20:05"
    # The CreativeWork that was reviewed is where the claim appeared, and gives its date.
    assert claim.claimed_on == "2020-10-05"
    source = catalog.sources[claim.appearance.source].model
    assert source.url == "https://video.example.net/watch?v=abc123&t=95"
    claimant = catalog.entities[claim.claimant].model
    assert (claimant.kind, claimant.name) == ("person", "Mayor Jo Example")
    assert claimant.description == "Mayor of Example City"
    reviewer = [e.model for e in catalog.entities.values() if e.model.name == "Checkers Example"]
    assert reviewer and reviewer[0].kind == "organisation"  # NewsMediaOrganization


def test_html_page_with_several_blocks_inverted_scale_and_mixed_appearances(empty):
    result = run("in/page-several-blocks.html")
    assert result.exit_code == 0, result.output
    catalog = imported(empty)
    assert list(catalog.claims) == ["river-clean"]  # the Organization block is not a review
    claim = catalog.claims["river-clean"].model
    assert claim.rating == "false"  # "Mostly false" through rating_aliases
    assert claim.summary == "Tests in 2020 found bacteria above the bathing limit."
    assert claim.reviewed_on == "2021-03-02"
    # The zone is not converted: 2021-03-05T11:00-05:00 is the 5th as the publisher states.
    assert [(u.kind, u.date) for u in claim.updates] == [("update", "2021-03-05")]
    assert claim.claimed_on == "2021-02-28"
    assert claim.tags == ["environment", "rivers"]
    claimant = catalog.entities[claim.claimant].model
    assert (claimant.kind, claimant.name) == ("organisation", "Example Water Board")
    urls = {s.model.url: s.model for s in catalog.sources.values()}
    # An appearance as a plain address and one as an object with archivedAt as an object.
    assert "https://social.example.com/waterboard/status/1" in urls
    news = urls["https://news.example.com/river"]
    assert news.archived_url == "https://archive.example.org/news-river"
    assert news.title == "Water board says river is clean"
    assert news.published_on == "2021-03-01"
    assert catalog.sources[claim.appearance.source].model.url == (
        "https://social.example.com/waterboard/status/1"
    )
    review = urls["https://rivercheck.example.com/2021/river-clean"]
    assert review.title == "Fact check: the river is clean" and review.language == "en"
    assert [e.source for e in claim.evidence] == [
        next(sid for sid, s in catalog.sources.items() if s.model.url == review.url)
    ]


def test_datafeed_dates_with_utc_and_alias_matched_case_insensitively(empty):
    result = run("in/datafeed.json")
    assert result.exit_code == 0, result.output
    claim = imported(empty).claims["4411"].model
    assert claim.rating == "false"  # "Pants on Fire" → the alias written "PANTS ON FIRE"
    assert claim.reviewed_on == "2017-03-01"  # "2017-03-01 20:30:17 UTC"
    assert claim.claimed_on == "2017-02"  # a partial date stays partial
    assert claim.summary == "Rated “Pants on Fire” by Feed Check."
    # The byline is a person: the publisher organisation is the reviewer, the person an author.
    review = next(
        s.model
        for s in imported(empty).sources.values()
        if s.model.url == "https://feedcheck.example.org/c/4411"
    )
    assert (review.publisher, review.authors) == ("Feed Check", ["Ria Reviewer"])
    assert [e.model.name for e in imported(empty).entities.values()] == ["Feed Check", "Sam Sample"]


def test_appearance_as_one_object_and_label_matching_a_rating_id(empty):
    result = run("in/appearance-object.json")
    assert result.exit_code == 0, result.output
    catalog = imported(empty)
    claim = catalog.claims["tram-line"].model
    assert claim.rating == "confirmed"
    assert catalog.sources[claim.appearance.source].model.title == "Mayor opens new tram stop"


def test_an_entity_or_source_already_in_the_dossier_is_reused(empty):
    assert run("in/graph-creativework.json").exit_code == 0
    before = files(empty)
    result = run("in/appearance-object.json")
    assert result.exit_code == 0, result.output
    after = files(empty)
    assert all(after[name] == text for name, text in before.items()), "a record was changed"
    new = sorted(set(after) - set(before))
    # The mayor and the reviewer exist already: only the claim and two sources are new.
    assert [n.split("/")[0] for n in new] == ["claims", "sources", "sources"]


def test_unknown_label_is_reported_with_its_path_and_nothing_is_written(empty):
    result = run("in/appearance-object.json", "in/unknown-label.json")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "in/unknown-label.json:1:1: [0]: rating 'Half True' is not on this dossier's scale"
        " (its number, 3, is 40% of the way from 1, the worst, to 6, the best); map it under"
        " rating_aliases in data/dossier.yml"
    )
    assert "nothing was written" in result.stderr
    assert list(files(empty)) == ["dossier.yml"]  # the good input was not imported either


def test_problems_of_every_input_are_reported_at_once(empty):
    (empty / "in" / "empty.json").write_text('{"@type": "WebPage"}')
    result = run("in/broken.json", "in/empty.json", "in/unknown-label.json")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert (
        lines[0] == "in/broken.json:4:1: the file is not valid JSON: Expecting property"
        " name enclosed in double quotes"
    )
    assert lines[1].startswith("in/empty.json:1:1: no ClaimReview found")
    assert lines[2].startswith("in/unknown-label.json:1:1: [0]: rating 'Half True'")
    assert lines[-1] == "3 problem(s) found; nothing was written."


def test_existing_claim_is_never_overwritten(empty):
    claim = empty / "data" / "claims" / "tram-line.yml"
    claim.parent.mkdir()
    assert run("in/appearance-object.json").exit_code == 0
    text = claim.read_text(encoding="utf-8")
    # Importing again would need the same id, or the id made from the claim's wording.
    renamed = empty / "data" / "claims" / "the-tram-line-carries-90-000-people-a-day.yml"
    shutil.copy(claim, renamed)
    result = run("in/appearance-object.json")
    assert result.exit_code == 1
    assert "already exists" in result.stderr and "never overwrites" in result.stderr
    assert claim.read_text(encoding="utf-8") == text


def test_dry_run_writes_nothing(empty):
    result = run("--dry-run", "in/datafeed.json")
    assert result.exit_code == 0, result.output
    assert "Would write" in result.output and "data/claims/4411.yml" in result.output
    assert list(files(empty)) == ["dossier.yml"]


def test_json_ld_in_html_with_a_trailing_comma_is_refused_with_its_line(empty):
    page = empty / "in" / "trailing.html"
    page.write_text(
        '<html><head>\n<script type="application/ld+json">\n'
        '{"@type": "ClaimReview",}\n</script></head></html>\n'
    )
    result = run("in/trailing.html")
    assert result.exit_code == 1
    assert result.stderr.startswith("in/trailing.html:3:")
    assert "JSON-LD block 1 is not valid JSON" in result.stderr


CARRIED = (
    "url",
    "claimReviewed",
    "headline",
    "inLanguage",
    "author",
    "datePublished",
    "dateModified",
    "keywords",
)


def test_round_trip_of_this_dossiers_claimreview(tmp_path, chdir):
    """Export the fixture's ClaimReview, import them into an empty dossier, export again:
    every field ClaimReview carries comes back the same."""
    chdir(tmp_path)
    original = load_catalog(FIXTURE / "data")
    (tmp_path / "feed.json").write_bytes(build_exports(original)[FEED_JSON])
    (tmp_path / "data").mkdir()
    shutil.copy(FIXTURE / "data" / "dossier.yml", tmp_path / "data" / "dossier.yml")
    result = run("feed.json")
    assert result.exit_code == 0, result.output

    again = all_claim_reviews(load_catalog(tmp_path / "data"))
    before = all_claim_reviews(original)
    assert sorted(again) == sorted(before)
    for cid, review in before.items():
        back = again[cid]
        for key in CARRIED:
            assert back.get(key) == review.get(key), (cid, key)
        assert back["reviewRating"] == review["reviewRating"], cid
        item, item_back = review["itemReviewed"], back["itemReviewed"]
        assert item_back["author"] == item["author"], cid
        assert item_back["datePublished"] == item["datePublished"], cid
        assert item_back.get("text") == item.get("text"), cid
        assert item_back["firstAppearance"] == item["firstAppearance"], cid


def test_inverted_scale_with_numbers_as_text_is_read_lowest_worst(empty):
    (empty / "in" / "inverted.json").write_text("""{
      "@context": "https://schema.org", "@type": "ClaimReview",
      "url": "https://afp.example.net/check/1", "claimReviewed": "A claim",
      "datePublished": "2020-01-02", "author": {"@type": "Organization", "name": "Checks"},
      "reviewRating": {"@type": "Rating", "alternateName": "Faux", "ratingValue": "2",
                       "bestRating": "1", "worstRating": "5"},
      "itemReviewed": {"@type": "Claim", "author": "Someone", "datePublished": "2020-01-01"}
    }""")
    result = run("in/inverted.json")
    assert result.exit_code == 1
    assert (
        "rating 'Faux' is not on this dossier's scale (its number, 2, is 25% of the way"
        " from 1, the worst, to 5, the best)"
    ) in result.stderr


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2020-10-07", "2020-10-07"),
        ("2020-10-07 20:05", "2020-10-07"),
        ("2017-03-01 20:30:17 UTC", "2017-03-01"),
        ("2020-10-07T23:30:00-05:00", "2020-10-07"),
        ("2020-10-07T23:30:00Z", "2020-10-07"),
        ("2017-10", "2017-10"),
        ("2017", "2017"),
        (["2019-06-01", "2019-07-01"], "2019-06-01"),
        ({"@value": "2019-06-01", "@type": "Date"}, "2019-06-01"),
        ("0001-01-01T00:00:00Z", None),
        ("2017-02-30", None),
        ("June 2017", None),
        ("20171005", None),
        (None, None),
    ],
)
def test_dates_as_publishers_write_them(given, expected):
    from dossier_gen.importing.read import date

    assert date(given) == expected


def test_numbers_as_text():
    from dossier_gen.importing.read import number

    assert [number(v) for v in ("4", " 4.5 ", 3, [2], "-1", "five", True, None)] == [
        4.0,
        4.5,
        3.0,
        2.0,
        -1.0,
        None,
        None,
        None,
    ]

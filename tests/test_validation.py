"""Every kind of problem in the data, reported with its exact message and position."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier_gen.loading.load import load_catalog
from dossier_gen.problems import DataError


def problems_after(root: Path, path: str, text: str | bytes) -> list[str]:
    """Write one file into the fixture copy, load it, and return the problems as printed."""
    target = root / "data" / path
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        target.write_bytes(text)
    else:
        target.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_catalog("data")
    return [str(p) for p in caught.value.problems]


def test_fixture_is_valid(root):
    catalog = load_catalog("data")
    assert sorted(catalog.claims) == ["bridge-best", "bridge-finished"]
    assert sorted(catalog.entities) == ["ada-example", "example-news"]
    assert sorted(catalog.sources) == ["example-registry", "example-report"]


CLAIM = """\
title: A claim
statement:
  text: Something was said.
  form: quote
claimant: ada-example
claimed_on: "2018-05"
appearance:
  source: example-report
  locator: paragraph 2
  quote: "Something"
rating: confirmed
summary: Short.
analysis: Long.
reviewed_on: "2026-11-20"
"""


def claim_with(old: str, new: str) -> str:
    assert old in CLAIM
    return CLAIM.replace(old, new)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (claim_with("summary: Short.\n", ""), "1:1: missing required field 'summary'"),
        (
            claim_with("  locator: paragraph 2\n", ""),
            "8:3: missing required field 'locator' in appearance",
        ),
        (
            claim_with('claimed_on: "2018-05"', "claimed_on: 2017-02-30"),
            "6:13: claimed_on: '2017-02-30' is not a date on the calendar",
        ),
        (
            claim_with('claimed_on: "2018-05"', "claimed_on: 05/10/2017"),
            "6:13: claimed_on: '05/10/2017' is ambiguous: the order of day and month (or the"
            " century) is not clear; write it as YYYY-MM-DD, such as '2017-10-05'",
        ),
        (
            claim_with('claimed_on: "2018-05"', "claimed_on: 5 May 2018"),
            "6:13: claimed_on: '5 May 2018' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD,"
            " such as '2017-10' or '2017-10-05'",
        ),
        (
            claim_with('reviewed_on: "2026-11-20"', 'reviewed_on: "2026-11"'),
            "14:14: reviewed_on: '2026-11' must be a full date, YYYY-MM-DD",
        ),
        (
            claim_with("form: quote", "form: verbatim"),
            "4:9: statement.form is 'verbatim'; expected one of: 'quote' or 'paraphrase'",
        ),
        (
            claim_with('quote: "Something"', "quote: " + "x" * 301),
            "10:10: appearance.quote is 301 characters long; at most 300 are allowed",
        ),
        (
            claim_with("summary: Short.", "summary:"),
            "12:9: summary is empty; give it a value or remove the line",
        ),
        (
            claim_with("claimant: ada-example", "claimant: Ada Example"),
            "5:11: claimant: 'Ada Example' is not a valid id: use lowercase letters, digits and"
            " single hyphens, such as 'guo-wengui'",
        ),
        (
            claim_with("claimant: ada-example", "claimant: ada-exampel"),
            "5:11: entity 'ada-exampel' does not exist; did you mean 'ada-example'?",
        ),
        (
            claim_with("  source: example-report", "  source: nowhere"),
            "8:11: source 'nowhere' does not exist; add it in data/sources/ or fix the id",
        ),
        (
            claim_with("rating: confirmed", "rating: true"),
            "11:9: rating 'true' does not exist; add it in data/dossier.yml or fix the id",
        ),
        (
            claim_with("analysis: Long.\n", "analysis: Long.\nrelated: [new-claim]\n"),
            "14:11: a claim cannot be related to itself",
        ),
        (
            claim_with(
                "analysis: Long.\n",
                "analysis: Long.\nupdates:\n  - date: '2026-11-21'\n    kind: rating-change\n"
                "    note: Changed.\n",
            ),
            "15:5: updates[0]: a rating-change update needs previous_rating",
        ),
        (
            claim_with("analysis: Long.\n", "analysis: Long.\ntags: espionage\n"),
            "14:7: tags must be a list (lines starting with '- ')",
        ),
    ],
)
def test_claim_problem(root, text, expected):
    assert problems_after(root, "claims/new-claim.yml", text) == [
        f"data/claims/new-claim.yml:{expected}"
    ]


def test_misspelt_field_is_unknown_and_the_real_one_missing(root):
    text = claim_with("rating: confirmed", "ratng: confirmed")
    assert problems_after(root, "claims/new-claim.yml", text) == [
        "data/claims/new-claim.yml:1:1: missing required field 'rating'",
        "data/claims/new-claim.yml:11:1: unknown field 'ratng'; did you mean 'rating'? Fields"
        " allowed here: title, claim_reviewed, statement, claimant, relayed_by, claimed_on,"
        " appearance, rating,"
        " summary, conclusion, analysis, evidence, tags, related, reviewed_on, updates,"
        " imported_from, translations",
    ]


def test_source_needs_url_or_citation(root):
    text = "title: T\npublisher: P\nlanguage: en\nkind: document\n"
    assert problems_after(root, "sources/bare.yml", text) == [
        "data/sources/bare.yml:1:1: a source needs a url or a citation, so readers can find it"
    ]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("javascript:alert(1)", "'javascript:alert(1)' must start with https:// or http://"),
        (
            "https://user:pw@example.org/",
            "'https://user:pw@example.org/' may not carry a user name or password",
        ),
        ("'https://exa mple.org/'", "a URL may not contain spaces; encode them as %20"),
        ("https:///path", "'https:///path' has no host name"),
    ],
)
def test_bad_urls(root, url, message):
    text = f"title: T\npublisher: P\nlanguage: en\nkind: document\nurl: {url}\n"
    assert problems_after(root, "sources/bad-url.yml", text) == [
        f"data/sources/bad-url.yml:5:6: url: {message}"
    ]


def test_file_name_must_be_a_slug(root):
    assert problems_after(root, "claims/Bad_Name.yml", CLAIM) == [
        "data/claims/Bad_Name.yml:1:1: file name 'Bad_Name.yml' is not a valid id: rename it"
        " with lowercase letters, digits and single hyphens, such as 'guo-wengui.yml'"
    ]


def test_id_used_twice(root):
    (root / "data" / "claims" / "dup.yaml").write_text(CLAIM, encoding="utf-8")
    assert problems_after(root, "claims/dup.yml", CLAIM) == [
        "data/claims/dup.yml:1:1: id 'dup' is already used by data/claims/dup.yaml;"
        " rename one of them"
    ]


def test_not_utf8(root):
    assert problems_after(root, "claims/latin.yml", "title: caf\xe9\n".encode("latin-1")) == [
        "data/claims/latin.yml:1:11: the file is not UTF-8 text; save it with UTF-8 encoding"
    ]


def test_byte_order_mark_is_fine(root):
    (root / "data" / "claims" / "bom.yml").write_bytes(b"\xef\xbb\xbf" + CLAIM.encode())
    assert "bom" in load_catalog("data").claims


def test_rating_scale_rules(root):
    dossier = (root / "data" / "dossier.yml").read_text(encoding="utf-8")
    broken = dossier.replace("position: 2", "position: 3")
    assert problems_after(root, "dossier.yml", broken) == [
        "data/dossier.yml:1:1: scale positions must run 1, 2, 3, ... without gaps"
    ]


def test_every_problem_in_every_file_reported_at_once_and_sorted(root):
    (root / "data" / "claims" / "zz.yml").write_text(
        claim_with("rating: confirmed", "rating: nope"), encoding="utf-8"
    )
    (root / "data" / "entities" / "aa.yml").write_text("kind: robot\nname: A\n", encoding="utf-8")
    found = problems_after(root, "claims/mm.yml", "title: a\ntitle: b\n")
    assert found == [
        "data/claims/mm.yml:2:1: duplicate key 'title': it is already set on line 1;"
        " remove one of the two",
        "data/claims/zz.yml:11:9: rating 'nope' does not exist; add it in data/dossier.yml"
        " or fix the id",
        "data/entities/aa.yml:1:1: missing required field 'description'",
        "data/entities/aa.yml:1:7: kind is 'robot'; expected one of: 'person', 'organisation'"
        " or 'unnamed'",
    ]


def test_reference_to_an_invalid_record_is_not_reported_as_missing(root):
    # bridge-finished lists bridge-best as related; breaking bridge-best must report only
    # bridge-best's own problem, not a "does not exist" on every record that names it.
    found = problems_after(
        root,
        "claims/bridge-best.yml",
        claim_with('claimed_on: "2018-05"', "claimed_on: 2017-02-30"),
    )
    assert found == [
        "data/claims/bridge-best.yml:6:13: claimed_on: '2017-02-30' is not a date on the calendar"
    ]


def test_an_entity_update_cannot_change_a_rating(tmp_path):
    import shutil

    from dossier_gen.loading.load import load_catalog
    from dossier_gen.problems import DataError

    from .conftest import FIXTURE

    data = tmp_path / "data"
    shutil.copytree(FIXTURE / "data", data)
    path = data / "entities" / "ada-example.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("kind: correction", "kind: rating-change"),
        encoding="utf-8",
    )
    try:
        load_catalog(data)
    except DataError as error:
        assert [str(p).split("/data/", 1)[1] for p in error.problems] == [
            "entities/ada-example.yml:21:11: updates[0].kind is 'rating-change'; expected one"
            " of: 'correction', 'clarification' or 'update'"
        ]
    else:
        raise AssertionError("a rating-change on an entity was accepted")

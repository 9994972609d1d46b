"""A claim whose one report does not say where it appeared: `appearance: {not_given_by: ID}`.

Every consumer of a claim's appearance says that it was not given, and none puts the report
in its place: validation and cross-references, the claim page, the claims list, the source's
page, the timeline, ClaimReview (no `appearance`, no `firstAppearance`), the CSV (empty
appearance columns), `dossier diff` and `dossier new`.
"""

from __future__ import annotations

import csv
import io
import subprocess

import jsonschema
from click.testing import CliRunner

from dossier_gen.cli import cli
from dossier_gen.loading.load import load_catalog
from dossier_gen.problems import DataError
from dossier_gen.publishing.claimreview import claim_review
from dossier_gen.publishing.exports import build_exports
from dossier_gen.publishing.jsonld_schema import CLAIMREVIEW_SCHEMA
from dossier_gen.rendering.render import render_pages
from dossier_gen.rendering.timeline import claim_timeline
from dossier_gen.rendering.urls import CLAIMS_CSV

GIVEN = """appearance:
  source: example-report
  locator: paragraph 5
  quote: "best bridge in the region"
"""
NOT_GIVEN = """appearance:
  not_given_by: example-registry
"""


def unplace(root, text: str = NOT_GIVEN) -> None:
    """Make bridge-best's appearance the given text (by default: not given)."""
    path = root / "data" / "claims" / "bridge-best.yml"
    before = path.read_text(encoding="utf-8")
    assert GIVEN in before
    path.write_text(before.replace(GIVEN, text), encoding="utf-8")


def problems(root) -> list[str]:
    try:
        load_catalog(root / "data")
    except DataError as error:
        return [str(p) for p in error.problems]
    return []


def test_a_claim_may_say_its_appearance_was_not_given(root):
    unplace(root)
    claim = load_catalog(root / "data").claims["bridge-best"].model
    assert claim.appeared_in is None
    assert claim.appearance_source == "example-registry"


def test_the_report_must_exist(root):
    unplace(root, "appearance:\n  not_given_by: example-regsitry\n")
    assert problems(root) == [
        "data/claims/bridge-best.yml:8:17: source 'example-regsitry' does not exist;"
        " did you mean 'example-registry'?"
    ]


def test_not_given_takes_nothing_else(root):
    unplace(root, "appearance:\n  not_given_by: example-registry\n  quote: invented\n")
    assert problems(root) == [
        "data/claims/bridge-best.yml:9:3: unknown field 'quote' Fields allowed here: not_given_by"
    ]


def test_a_given_appearance_still_needs_all_three_fields(root):
    unplace(root, "appearance:\n  source: example-report\n  locator: paragraph 5\n")
    assert problems(root) == [
        "data/claims/bridge-best.yml:8:3: missing required field 'quote' in appearance"
    ]


def test_pages_say_it_was_not_given_and_name_the_report(root):
    unplace(root)
    pages = render_pages(load_catalog(root / "data"))
    claim = pages["claims/bridge-best.md"].markdown
    assert (
        ' · reported by <a href="../../sources/example-registry/">Bridge registry entry</a>,'
        " Example Registry, which does not say where the claim appeared</p>"
    ) in claim
    row = next(
        line for line in pages["claims/index.md"].markdown.splitlines() if "bridge-best/" in line
    )
    assert 'data-source="example-registry"' in row
    source = pages["sources/example-registry.md"].markdown
    assert "Cited as the report of the claim, which does not say where it appeared</span>" in source


def test_the_timeline_lists_the_reports_publication(root):
    unplace(root)
    catalog = load_catalog(root / "data")
    published = catalog.sources["example-registry"].model.published_on
    events = claim_timeline(catalog, "bridge-best")
    assert any(e.date == published and "Bridge registry entry" in e.text for e in events)


def test_claimreview_has_no_appearance_rather_than_the_report(root):
    unplace(root)
    catalog = load_catalog(root / "data")
    review = claim_review(catalog, "bridge-best")
    assert review["itemReviewed"] == {
        "@type": "Claim",
        "author": {
            "@type": "Person",
            "name": "Ada Example",
            "alternateName": ["艾达", "A. Example"],
        },
        "datePublished": "2018",
    }
    jsonschema.validate(review, CLAIMREVIEW_SCHEMA)
    given = claim_review(catalog, "bridge-finished")["itemReviewed"]
    assert given["firstAppearance"] == given["appearance"][0]


def test_the_schema_wants_both_appearance_properties_or_neither(root):
    catalog = load_catalog(root / "data")
    review = claim_review(catalog, "bridge-best")
    del review["itemReviewed"]["firstAppearance"]
    try:
        jsonschema.validate(review, CLAIMREVIEW_SCHEMA)
    except jsonschema.ValidationError as error:
        assert "'firstAppearance' is a dependency of 'appearance'" in error.message
    else:
        raise AssertionError("an appearance without firstAppearance passed the schema")


def test_csv_leaves_the_appearance_columns_empty(root):
    unplace(root)
    exported = build_exports(load_catalog(root / "data"))[CLAIMS_CSV]
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(exported.decode("utf-8-sig")))}
    columns = [c for c in rows["bridge-best"] if c.startswith("appearance_")]
    assert columns == [
        "appearance_source_id",
        "appearance_url",
        "appearance_archived_url",
        "appearance_locator",
        "appearance_quote",
    ]
    assert [rows["bridge-best"][c] for c in columns] == [""] * 5
    assert rows["bridge-finished"]["appearance_source_id"] == "example-report"


def test_diff_says_a_new_claim_was_not_placed(root):
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    git("-c", "user.name=T", "-c", "user.email=t@example.org", "add", "-A")
    git("-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qm", "base")
    (root / "data" / "claims" / "bridge-best.yml").rename(
        root / "data" / "claims" / "bridge-newest.yml"
    )
    unplace_path = root / "data" / "claims" / "bridge-newest.yml"
    unplace_path.write_text(
        unplace_path.read_text(encoding="utf-8").replace(GIVEN, NOT_GIVEN), encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["diff", "HEAD"])
    assert (
        "- **The bridge is the best in the region** (bridge-newest): rated **Not checkable**,"
        " with no evidence items. Where it appeared is not given by example-registry."
    ) in result.output


def test_new_claim_shows_the_other_form_in_comments(root):
    assert CliRunner().invoke(cli, ["new", "claim", "fresh-claim"]).exit_code == 0
    text = (root / "data" / "claims" / "fresh-claim.yml").read_text(encoding="utf-8")
    assert "\nappearance:\n  # Id of the source record" in text
    assert "\n# Or, instead of the lines above:\n# appearance:\n#   not_given_by:  # " in text
    assert "\n# imported_from:\n#   url:  # " in text

"""`dossier validate --format github|json`, and the escaping GitHub's annotations need."""

from __future__ import annotations

import json

from click.testing import CliRunner

from dossier_gen.cli import cli
from dossier_gen.problems import Problem, github_annotation


def break_two_records(root):
    path = root / "data" / "claims" / "bridge-best.yml"
    path.write_text(path.read_text().replace("rating: not-checkable", "rating: notcheckable"))
    (root / "data" / "sources" / "broken.yml").write_text("title: [\n")


def test_github_annotations_point_at_the_lines(root):
    break_two_records(root)
    result = CliRunner().invoke(cli, ["validate", "--format", "github"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "::error file=data/claims/bridge-best.yml,line=11,col=9::rating 'notcheckable' does not"
        " exist; did you mean 'not-checkable'?",
        "::error file=data/sources/broken.yml,line=2,col=1::this is not valid YAML: did not"
        " find expected node content",
        "2 problems found in the data.",
    ]


def test_json_lists_every_problem(root):
    break_two_records(root)
    result = CliRunner().invoke(cli, ["validate", "--format", "json"])
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False
    assert report["problems"][0] == {
        "path": "data/claims/bridge-best.yml",
        "line": 11,
        "col": 9,
        "message": "rating 'notcheckable' does not exist; did you mean 'not-checkable'?",
    }
    assert [p["path"] for p in report["problems"]] == [
        "data/claims/bridge-best.yml",
        "data/sources/broken.yml",
    ]


def test_clean_data_in_each_format(root):
    text = CliRunner().invoke(cli, ["validate", "--format", "text"])
    assert text.output == "data: 2 claims, 2 entities, 2 sources: no problems found.\n"
    github = CliRunner().invoke(cli, ["validate", "--format", "github"])
    assert github.exit_code == 0 and github.output == text.output
    as_json = CliRunner().invoke(cli, ["validate", "--format", "json"])
    assert as_json.exit_code == 0
    assert json.loads(as_json.stdout) == {
        "ok": True,
        "problems": [],
        "records": {"claims": 2, "entities": 2, "sources": 2},
    }


def test_text_format_is_unchanged(root):
    break_two_records(root)
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.endswith("\n2 problems found in the data.\n")
    assert result.stderr.startswith("data/claims/bridge-best.yml:11:9: rating 'notcheckable'")


def test_annotation_escapes_what_would_end_or_garble_it():
    problem = Problem("data/claims/a,b:c%.yml", 3, 4, "100% sure:\r\nsecond line, end")
    assert github_annotation(problem) == (
        "::error file=data/claims/a%2Cb%3Ac%25.yml,line=3,col=4::100%25 sure:%0D%0Asecond line, end"
    )

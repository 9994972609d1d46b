"""`dossier validate --publication`: placeholders and what the IFCN's principles ask a
publisher to show stop publication, each at its `path:line:col`."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from dossier_gen.cli import cli
from dossier_gen.records.readiness import placeholder_marks

from .conftest import ROOT, fill_in_placeholders

LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<message>.+)$")


@pytest.fixture
def runner():
    return CliRunner()


def _problems(output: str) -> list[tuple[str, int, int, str]]:
    lines = output.splitlines()
    assert lines[-1].endswith("problems found: not ready to publish."), lines[-1]
    found = []
    for line in lines[:-1]:
        match = LINE.match(line)
        assert match, f"not path:line:col: {line!r}"
        found.append((match["path"], int(match["line"]), int(match["col"]), match["message"]))
    return found


def test_this_repository_is_not_ready_to_publish(runner, chdir):
    chdir(ROOT)
    assert runner.invoke(cli, ["validate"]).exit_code == 0  # the records themselves are fine
    result = runner.invoke(cli, ["validate", "--publication"])
    assert result.exit_code == 1
    problems = _problems(result.stderr)
    settings = [p for p in problems if p[0] == "data/dossier.yml"]
    assert [p[3].split(" ", 1)[0] for p in settings] == [
        "publisher.name",
        "publisher.url",
        "publisher.contact",
        "publisher.funding",
        "base_url",
    ]
    lines = (ROOT / "data" / "dossier.yml").read_text(encoding="utf-8").splitlines()
    for _, line, col, message in settings:
        # Each position is the value's: the line holds the field's key just before it.
        field = message.split(" ", 1)[0].rsplit(".", 1)[-1]
        assert lines[line - 1][: col - 1].strip() == f"{field}:", (line, col, message)
        assert message.endswith("; replace it before publishing")
    # The about page says where the publisher's details will go: a placeholder too.
    assert any(p[0] == "docs/about.md" for p in problems)
    for path, line, col, _ in problems:
        text = (ROOT / path).read_text(encoding="utf-8").splitlines()
        assert line <= len(text) and col <= len(text[line - 1]) + 1


def test_a_filled_in_copy_of_this_repository_is_ready(runner, tmp_path, chdir):
    for folder in ("data", "docs"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    fill_in_placeholders(tmp_path)
    chdir(tmp_path)
    result = runner.invoke(cli, ["validate", "--publication"])
    assert result.exit_code == 0, result.output
    assert result.output.endswith("no problems found. Ready to publish.\n")


def test_what_a_publisher_must_show_is_reported_where_it_belongs(runner, root):
    # The fixture dossier: a placeholder publisher with no contact or funding, and only a
    # home page in docs/.
    result = runner.invoke(cli, ["validate", "--publication"])
    assert result.exit_code == 1
    assert result.stderr == (
        "data/dossier.yml:4:1: publisher.contact is missing: say how readers reach the"
        " publisher (an e-mail address or a contact page)\n"
        "data/dossier.yml:4:1: publisher.funding is missing: say who funds the dossier and"
        " who owns the publisher\n"
        "data/dossier.yml:5:9: publisher.name still says 'placeholder'; replace it before"
        " publishing\n"
        "data/dossier.yml:6:8: publisher.url is an example address (example.org and the"
        " like), not a real one; replace it before publishing\n"
        "data/dossier.yml:7:11: base_url is an example address (example.org and the like),"
        " not a real one; replace it before publishing\n"
        "docs/about.md:1:1: no page in the docs folder has a 'Corrections policy' heading:"
        " publishing needs a corrections policy (the IFCN's principles ask for one); add a"
        " section '## Corrections policy' to this page or another\n"
        "docs/methodology.md:1:1: missing: publishing needs a methodology page that says how"
        " claims are chosen, researched and rated (the IFCN's principles ask for one); write"
        " this page\n"
        "7 problems found: not ready to publish.\n"
    )


def test_pages_are_found_by_name_and_heading_and_their_placeholders_placed(runner, root):
    fill_in_placeholders(root)
    docs = root / "docs"
    (docs / "methodology.md").write_text("# How we work\n\nWe check claims.\n")
    (docs / "policies").mkdir()
    (docs / "policies" / "fixing.md").write_text(
        "# Our policies\n\n### Corrections Policy\n\nWe fix mistakes openly.\n"
        "Write to [the desk](https://desk.example.com/fix) (to be completed).\n"
    )
    # MkDocs skips hidden files, and so does the check.
    (docs / ".draft.md").write_text("placeholder\n")
    result = runner.invoke(cli, ["validate", "--publication", "--format", "github"])
    assert result.exit_code == 1
    assert result.output == (
        "::error file=docs/policies/fixing.md,line=6,col=29::this page names an example"
        " address (desk.example.com), not a real one; write the publisher's own text in its"
        " place before publishing\n"
        "::error file=docs/policies/fixing.md,line=6,col=52::this page still says 'to be"
        " completed'; write the publisher's own text in its place before publishing\n"
        "2 problems found: not ready to publish.\n"
    )


def test_record_problems_and_publication_problems_come_together(runner, root):
    claim = root / "data" / "claims" / "bridge-best.yml"
    claim.write_text(claim.read_text().replace("rating: not-checkable", "rating: nope"))
    result = runner.invoke(cli, ["validate", "--publication"])
    assert result.exit_code == 1
    paths = [p[0] for p in _problems(result.stderr)]
    assert "data/claims/bridge-best.yml" in paths
    assert paths.count("data/dossier.yml") == 5


def test_a_page_linked_from_outside_the_project_is_not_read(runner, root, tmp_path):
    fill_in_placeholders(root)
    outside = tmp_path / "outside.md"
    outside.write_text("## Corrections policy\n\nplaceholder\n")
    (root / "docs" / "methodology.md").symlink_to(outside)
    result = runner.invoke(cli, ["validate", "--publication"])
    assert result.exit_code == 1
    assert "docs/methodology.md:1:1: a symbolic link out of the project\n" in result.stderr
    assert "'placeholder'" not in result.stderr


def test_validate_without_publication_ignores_placeholders(runner, root):
    assert runner.invoke(cli, ["validate"]).exit_code == 0


@pytest.mark.parametrize(
    "text, marks",
    [
        ("Write to news@example.com.", ["example.com"]),
        ("[contact](https://dossier.example.org/contact)", ["dossier.example.org"]),
        ("PLACEHOLDER: name", ["PLACEHOLDER"]),
        ("Lorem ipsum dolor", ["Lorem ipsum"]),
        ("See myexample.org and example.organic and examples.org", []),
        ("Our placeholders are gone", []),
    ],
)
def test_placeholder_marks_in_running_text(text, marks):
    found = placeholder_marks(text)
    assert len(found) == len(marks), found
    for (index, why), mark in zip(found, marks, strict=True):
        assert text[index : index + len(mark)] == mark
        assert mark in why


def test_the_check_reads_only_the_docs_folder_it_is_given(runner, root):
    fill_in_placeholders(root)
    Path("pages").mkdir()
    (Path("pages") / "methodology.md").write_text("# Methodology\n\n## Corrections policy\n")
    assert runner.invoke(cli, ["validate", "--publication"]).exit_code == 1
    result = runner.invoke(cli, ["validate", "--publication", "--docs", "pages"])
    assert result.exit_code == 0, result.output

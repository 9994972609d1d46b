"""`dossier diff`: a fixture git repository, changed the ways a pull request changes it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from dossier_gen.cli import cli

from .conftest import FIXTURE


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=repo, check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def repo(fixture_copy, chdir) -> Path:
    """The fixture dossier committed as the only commit of a new repository, on `main`."""
    git(fixture_copy, "init", "-q", "-b", "main")
    git(fixture_copy, "config", "user.name", "Test Editor")
    git(fixture_copy, "config", "user.email", "editor@example.org")
    git(fixture_copy, "config", "commit.gpgsign", "false")
    git(fixture_copy, "add", "-A")
    git(fixture_copy, "commit", "-q", "-m", "The dossier as published")
    return chdir(fixture_copy)


def edit(repo: Path, path: str, old: str, new: str) -> None:
    target = repo / "data" / path
    text = target.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    target.write_text(text.replace(old, new), encoding="utf-8")


def diff(*args: str):
    return CliRunner().invoke(cli, ["diff", *args])


RATING_CHANGE = """\
  - date: "2026-11-22"
    kind: rating-change
    previous_rating: confirmed
    note: A later registry entry shows that work went on in 2019.
"""


def change_the_dossier(repo: Path) -> None:
    """A pull request: a claim added, one removed, one re-rated with its evidence updated."""
    edit(repo, "claims/bridge-finished.yml", "rating: confirmed", "rating: false")
    edit(
        repo,
        "claims/bridge-finished.yml",
        'summary: "The registry lists the bridge as complete in 2018. {: onclick=alert(1) }"',
        "summary: A later registry entry shows work went on in 2019.",
    )
    edit(
        repo,
        "claims/bridge-finished.yml",
        """  - stance: context
    source: example-report
    locator: paragraph 3
    quote: "--8<-- \\"/etc/passwd\\""
""",
        """  - stance: contradicts
    source: example-registry
    locator: entry 43
    quote: "工程 2019"
""",
    )
    edit(
        repo,
        "claims/bridge-finished.yml",
        "    note: The registry entry was found.\n",
        "    note: The registry entry was found.\n" + RATING_CHANGE,
    )
    (repo / "data" / "claims" / "bridge-best.yml").unlink()
    new_claim = (FIXTURE / "data" / "claims" / "bridge-best.yml").read_text(encoding="utf-8")
    (repo / "data" / "claims" / "bridge-opened.yml").write_text(
        new_claim.replace("The bridge is the best in the region", "The bridge opened in 2019"),
        encoding="utf-8",
    )


SAMPLE = """\
## Changes to the dossier's claims: main ({commit}) → the working tree

### Claims added

- **The bridge opened in 2019** (bridge-opened): rated **Not checkable**, with no evidence items.

### Claims removed

- **The bridge is the best in the region** (bridge-best), rated **Not checkable**.

### Rating changes

- **The bridge was finished in 2018 \\<script\\>alert(1)\\</script\\>** (bridge-finished): **Confirmed** → **False**. Update of 2026-11-22: A later registry entry shows that work went on in 2019.

### Evidence

- **The bridge was finished in 2018 \\<script\\>alert(1)\\</script\\>** (bridge-finished)
  - added: contradicts, example-registry (entry 43): “工程 2019”
  - removed: context, example-report (paragraph 3): “\\--8\\<-- "/etc/passwd"”

### Verdict summaries changed

- **The bridge was finished in 2018 \\<script\\>alert(1)\\</script\\>** (bridge-finished)
  - before: The registry lists the bridge as complete in 2018. {{: onclick=alert(1) }}
  - after: A later registry entry shows work went on in 2019.

### Other edits

- **The bridge was finished in 2018 \\<script\\>alert(1)\\</script\\>** (bridge-finished): updates
"""  # noqa: E501 -- the Markdown lines are as long as the output's


def test_sample_pull_request_against_the_working_tree(repo):
    change_the_dossier(repo)
    result = diff("main")
    assert result.exit_code == 0, result.output
    commit = git(repo, "rev-parse", "--short=7", "main").strip()
    assert result.stdout == SAMPLE.format(commit=commit)


def test_two_revisions(repo):
    change_the_dossier(repo)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Re-rate bridge-finished")
    result = diff("main~1", "main")
    assert result.exit_code == 0, result.output
    assert "## Changes to the dossier's claims: main\\~1 (" in result.stdout
    assert ") → main (" in result.stdout
    assert "**Confirmed** → **False**. Update of 2026-11-22" in result.stdout
    # The working tree is clean, so comparing it with its own commit finds nothing.
    same = diff("HEAD")
    assert same.exit_code == 0
    commit = git(repo, "rev-parse", "HEAD").strip()
    assert diff(commit[:10]).stdout.startswith(
        f"## Changes to the dossier's claims: {commit[:10]} → the working tree\n"
    )
    assert same.stdout.endswith("\n\nNo change to the published claims.\n")


def test_rating_change_without_an_update_is_a_problem(repo):
    edit(repo, "claims/bridge-best.yml", "rating: not-checkable", "rating: false")
    result = diff("main")
    assert result.exit_code == 1
    assert (
        "**Not checkable** → **False**. **No dated update explains this change.**" in result.stdout
    )
    assert "### Problems\n\n- data/claims/bridge-best.yml:11:9: the rating changed" in result.stdout
    assert result.stderr.startswith(
        "data/claims/bridge-best.yml:11:9: the rating changed from 'not-checkable' to 'false'"
        " without a new dated update explaining it: add under `updates` an item"
    )


def test_an_old_update_does_not_explain_a_new_rating_change(repo):
    # bridge-finished already has a rating-change update (from not-checkable); going back to
    # not-checkable needs a new one that names `confirmed` as the previous rating.
    edit(repo, "claims/bridge-finished.yml", "rating: confirmed", "rating: not-checkable")
    assert diff("main").exit_code == 1
    edit(
        repo,
        "claims/bridge-finished.yml",
        "    note: The registry entry was found.\n",
        "    note: The registry entry was found.\n"
        + RATING_CHANGE.replace("previous_rating: confirmed", "previous_rating: false"),
    )
    wrong = diff("main")
    assert wrong.exit_code == 1, "an update naming the wrong previous rating explains nothing"
    edit(repo, "claims/bridge-finished.yml", "previous_rating: false", "previous_rating: confirmed")
    assert diff("main").exit_code == 0


def test_a_record_that_cannot_be_read_is_reported(repo):
    (repo / "data" / "claims" / "bridge-best.yml").write_text("title: [\n", encoding="utf-8")
    result = diff("main")
    assert result.exit_code == 1
    assert "- data/claims/bridge-best.yml:2:1: this is not valid YAML" in result.stdout
    # A claim that cannot be read is not reported as removed.
    assert "Claims removed" not in result.stdout


def test_unknown_revision_is_a_usage_error(repo):
    result = diff("no-such-branch")
    assert result.exit_code == 2
    assert "'no-such-branch' is not a commit in this repository" in result.stderr
    assert diff("--", "--output=x").exit_code == 2


def test_runs_from_a_subfolder_of_the_repository(repo, chdir):
    edit(
        repo,
        "claims/bridge-best.yml",
        "summary: A matter of opinion.",
        "summary: Still a matter of opinion.",
    )
    chdir(repo / "data")
    result = diff("main", "--data", ".")
    assert result.exit_code == 0, result.output
    assert "  - after: Still a matter of opinion." in result.stdout


def test_data_outside_the_repository_is_a_usage_error(repo, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    result = diff("main", "--data", str(outside))
    assert result.exit_code == 2
    assert "is not inside the git repository" in result.stderr


def test_nothing_from_data_becomes_markup_in_the_summary(repo):
    """The summary goes into a pull request's job summary, which GitHub renders as
    CommonMark: file names and record text must stay text there."""
    from markdown_it import MarkdownIt

    edit(repo, "claims/bridge-best.yml", "rating: not-checkable", "rating: false")
    edit(
        repo,
        "claims/bridge-best.yml",
        "The bridge is the best in the region",
        "1. `code` [link](javascript:alert(1)) <b>bold</b> *em* ~~s~~ | a | b |",
    )
    (repo / "data" / "claims" / "x`\n# Injected heading.yml").write_text("title: [\n")
    result = diff("main")
    assert result.exit_code == 1
    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(result.stdout)
    inline = [child for t in tokens if t.children for child in t.children]
    assert {t.type for t in inline} <= {"text", "strong_open", "strong_close", "softbreak"}, {
        t.type for t in inline
    }
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert all(
        h.startswith(("Changes to the dossier", "Rating changes", "Problems"))
        or h
        in (
            "Claims added",
            "Claims removed",
            "Evidence",
            "Other edits",
            "Verdict summaries changed",
        )
        for h in headings
    ), headings
    assert "ordered_list_open" not in {t.type for t in tokens}

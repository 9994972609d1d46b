"""The `dossier` command, through click's CliRunner."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from dossier_gen.cli import cli

from .conftest import ROOT, TEMPLATES


@pytest.fixture
def runner():
    return CliRunner()


def test_validate_clean(runner, root):
    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 0, result.output
    assert result.output == "data: 2 claims, 2 entities, 2 sources: no problems found.\n"


def test_validate_broken_record_exits_1_with_positions(runner, root):
    path = root / "data" / "claims" / "bridge-best.yml"
    path.write_text(path.read_text().replace("rating: not-checkable", "rating: notcheckable"))
    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 1
    assert result.stderr == (
        "data/claims/bridge-best.yml:11:9: rating 'notcheckable' does not exist; did you mean"
        " 'not-checkable'?\n1 problem found in the data.\n"
    )


def test_usage_error_exits_2(runner, root):
    assert runner.invoke(cli, ["validate", "--no-such-option"]).exit_code == 2
    assert runner.invoke(cli, ["no-such-command"]).exit_code == 2


def test_render_writes_every_page_and_the_hand_written_ones(runner, root):
    result = runner.invoke(cli, ["render", "--out", "out"])  # the package's templates
    assert result.exit_code == 0, result.output
    written = sorted(p.relative_to(root / "out").as_posix() for p in (root / "out").rglob("*.md"))
    assert written == [
        "claims/bridge-best.md",
        "claims/bridge-finished.md",
        "claims/by-claimant.md",
        "claims/index.md",
        "corrections.md",
        "entities/ada-example.md",
        "entities/example-news.md",
        "entities/index.md",
        "index.md",
        "open-data.md",
        "ratings.md",
        "sources/example-registry.md",
        "sources/example-report.md",
        "sources/index.md",
        "tags.md",
        "timeline.md",
    ]
    home = (root / "out" / "index.md").read_text()
    assert home.startswith("# Fixture dossier\n") and "## Verdicts across the dossier" in home
    data = sorted(
        p.relative_to(root / "out").as_posix()
        for p in (root / "out").rglob("*")
        if p.is_file() and p.suffix != ".md"
    )
    assert data == [
        "assets/dossier.css",
        "assets/dossier.js",
        "data/claimreview.json",
        "data/claims.csv",
        "feed.atom",
        "robots.txt",
        "schema/claim.schema.json",
        "schema/claimreview.schema.json",
        "schema/dossier.schema.json",
        "schema/entity.schema.json",
        "schema/source.schema.json",
    ]


def test_render_with_bad_data_leaves_the_previous_output(runner, root):
    out = root / "out"
    out.mkdir()
    (out / "keep.md").write_text("previous")
    (root / "data" / "claims" / "broken.yml").write_text("title: [\n")
    result = runner.invoke(cli, ["render", "--out", "out", "--templates", str(TEMPLATES)])
    assert result.exit_code == 1
    assert (out / "keep.md").read_text() == "previous"


def test_schema_writes_one_file_per_kind(runner, root):
    result = runner.invoke(cli, ["schema", "--out", "schema"])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (root / "schema").iterdir())
    assert names == [
        "claim.schema.json",
        "dossier.schema.json",
        "entity.schema.json",
        "source.schema.json",
    ]
    claim = json.loads((root / "schema" / "claim.schema.json").read_text())
    assert claim["additionalProperties"] is False
    assert "rating" in claim["required"]
    assert claim["properties"]["claimed_on"]["pattern"].startswith("^[0-9]{4}")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_and_option_has_help(name):
    command = cli.commands[name]
    assert command.help, f"{name} has no help text"
    for param in command.params:
        if isinstance(param, click.Argument):
            # click arguments carry no help of their own: the command's help explains them.
            assert param.human_readable_name in command.help, (
                f"{name}'s help does not explain {param.human_readable_name}"
            )
        elif param.name != "help":
            assert getattr(param, "help", None), f"{name} {param.name} has no help"


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_is_in_the_readme(name):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"dossier {name}" in readme, f"README.md does not document `dossier {name}`"


def test_a_sites_templates_folder_overrides_the_packages_by_name(runner, root):
    (root / "templates").mkdir()
    (root / "templates" / "ratings.md.j2").write_text("# Our own scale page\n")
    assert runner.invoke(cli, ["render", "--out", "out"]).exit_code == 0
    assert (root / "out" / "ratings.md").read_text() == "# Our own scale page\n"
    assert "\n# All claims\n" in (root / "out" / "claims" / "index.md").read_text()  # the package's

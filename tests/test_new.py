"""`dossier new`: a blank record with every field, that validates once filled in."""

from __future__ import annotations

import re
import typing

import pytest
from click.testing import CliRunner
from pydantic import BaseModel

from dossier_gen.cli import cli
from dossier_gen.loading.load import load_catalog
from dossier_gen.problems import DataError
from dossier_gen.records.kinds import BY_NAME

FILLED = {
    "claim": {
        "title": "The bridge opened in 2019",
        "text": "The bridge opened in 2019.",
        "form": "quote",
        "claimant": "ada-example",
        "claimed_on": '"2019-04"',
        "source": "example-report",
        "locator": "paragraph 6",
        "quote": '"opened in 2019"',
        "rating": "confirmed",
        "summary": "The registry lists the opening.",
        "analysis": "The *registry* agrees.",
        "reviewed_on": '"2026-11-22"',
        "stance": "supports",
        "note": "The registry records the opening.",
    },
    "entity": {
        "kind": "person",
        "name": "Bo Writer",
        "description": "An invented reporter.",
        "source": "example-report",
        "locator": "byline",
        "quote": '"By Bo Writer"',
    },
    "source": {
        "title": "Bridge opening notice",
        "publisher": "Example Registry",
        "url": "https://example.org/opening",
        "language": "en",
        "kind": "document",
    },
}
"""Values an editor would type into the blank of each kind (the rest stay empty)."""

FIRST_ITEM_OF = {"claim": "evidence", "entity": "citations", "source": None}


def uncomment_first_item(text: str, field: str) -> str:
    """Do what the scaffold's comment says: replace [] with the commented item's lines."""
    lines = text.splitlines()
    start = lines.index(f"{field}: []")
    lines[start] = f"{field}:"
    assert lines[start + 1].startswith("# To add one, replace [] with lines like these")
    del lines[start + 1]
    i = start + 1
    while lines[i].startswith("#   "):
        lines[i] = lines[i][2:].split("  # ")[0]
        i += 1
    return "\n".join(lines) + "\n"


def fill(text: str, values: dict[str, str]) -> str:
    """Type a value after every empty `key:` the editor has a value for."""
    out = []
    for line in text.splitlines():
        match = re.fullmatch(r"(\s*(?:- )?)([a-z_]+):", line)
        if match and match.group(2) in values:
            line = f"{line} {values[match.group(2)]}"
        out.append(line)
    return "\n".join(out) + "\n"


def field_names(model: type[BaseModel]) -> set[str]:
    """Every field name of `model` and of the models inside it."""
    names = set()
    for name, info in model.model_fields.items():
        names.add(name)
        for arg in [info.annotation, *typing.get_args(info.annotation)]:
            for inner in [arg, *typing.get_args(arg)]:
                if isinstance(inner, type) and issubclass(inner, BaseModel):
                    names |= field_names(inner)
    return names


@pytest.mark.parametrize("kind", sorted(BY_NAME))
def test_blank_record_has_every_field_and_the_schema_line(root, kind):
    folder, model, schema_file = (
        BY_NAME[kind].folder,
        BY_NAME[kind].model,
        BY_NAME[kind].schema_file,
    )
    result = CliRunner().invoke(cli, ["new", kind, "new-record"])
    assert result.exit_code == 0, result.output
    text = (root / "data" / folder / "new-record.yml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"# yaml-language-server: $schema=../../schema/{schema_file}"
    keys = set(re.findall(r"^[#\s-]*([a-z_]+):", text, flags=re.M)) - {"yaml-language-server"}
    assert keys >= field_names(model)
    # Each live field line sits under a comment that explains it.
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if re.fullmatch(r"\s*[a-z_]+:( \[\])?", line):
            assert lines[i - 1].lstrip().startswith("#"), f"no comment above {line!r}"


@pytest.mark.parametrize("kind", sorted(BY_NAME))
def test_blank_record_validates_once_filled_in(root, kind):
    folder = BY_NAME[kind].folder
    assert CliRunner().invoke(cli, ["new", kind, "new-record"]).exit_code == 0
    path = root / "data" / folder / "new-record.yml"
    text = path.read_text(encoding="utf-8")
    if FIRST_ITEM_OF[kind]:
        text = uncomment_first_item(text, FIRST_ITEM_OF[kind])
    path.write_text(fill(text, FILLED[kind]), encoding="utf-8")
    catalog = load_catalog("data")
    record = getattr(catalog, folder)["new-record"].model
    if kind == "claim":
        assert record.evidence[0].stance == "supports" and record.updates == []
        assert record.relayed_by == [] and record.statement.form == "quote"


def test_untouched_blank_claim_names_every_required_field(root):
    assert CliRunner().invoke(cli, ["new", "claim", "new-record"]).exit_code == 0
    with pytest.raises(DataError) as caught:
        load_catalog("data")
    messages = [p.message for p in caught.value.problems]
    assert "title is empty; give it a value or remove the line" in messages
    assert "statement.form is empty; expected one of: 'quote' or 'paraphrase'" in messages
    assert all(p.path == "data/claims/new-record.yml" for p in caught.value.problems)
    assert len(messages) == 12  # every required field, and nothing about optional ones


def test_refuses_to_overwrite(root):
    path = root / "data" / "claims" / "bridge-best.yml"
    before = path.read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, ["new", "claim", "bridge-best"])
    assert result.exit_code == 1
    assert "data/claims/bridge-best.yml already exists" in result.stderr
    assert path.read_text(encoding="utf-8") == before
    (root / "data" / "sources" / "taken.yaml").write_text("title: x\n")
    assert CliRunner().invoke(cli, ["new", "source", "taken"]).exit_code == 1
    assert not (root / "data" / "sources" / "taken.yml").exists()


@pytest.mark.parametrize(
    "bad", ["Bridge", "bridge_best", "bridge--best", "-bridge", "../x", "bridge best", ""]
)
def test_refuses_ids_that_are_not_slugs(root, bad):
    result = CliRunner().invoke(cli, ["new", "claim", "--", bad])
    assert result.exit_code == 2
    assert "is not a valid id" in result.stderr
    assert sorted(p.name for p in (root / "data" / "claims").iterdir()) == [
        "bridge-best.yml",
        "bridge-finished.yml",
    ]


def test_schema_line_follows_the_data_and_schema_folders(tmp_path, chdir):
    chdir(tmp_path)
    result = CliRunner().invoke(
        cli,
        ["new", "entity", "someone", "--data", "content/data", "--schema-dir", "content/schema"],
    )
    assert result.exit_code == 0, result.output
    first = (tmp_path / "content/data/entities/someone.yml").read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schema/entity.schema.json"

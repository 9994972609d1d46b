"""`dossier init`: a complete new dossier repository that validates, builds and is clearly not
ready to publish until its placeholders are replaced.

The build of the new dossier with the installed wheel is in `test_new_dossier.py` (slow);
these tests check what is written, with the package as it is in this repository.
"""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import distribution, requires
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from dossier_gen import __version__, load_catalog
from dossier_gen.cli import cli
from dossier_gen.editing.newdossier import SKELETON, new_dossier_files
from dossier_gen.editing.scaffold import schema_line
from dossier_gen.records.kinds import KINDS
from dossier_gen.records.schema import schema_texts

from .conftest import ROOT, fill_in_placeholders
from .test_editor_support import actionlint

EXPECTED_FILES = [
    ".github/workflows/deploy.yml",
    ".github/workflows/pr.yml",
    ".gitignore",
    ".pre-commit-config.yaml",
    "README.md",
    "data/claims/ferry-built-in-exampleton.yml",
    "data/claims/ferry-carries-500-passengers.yml",
    "data/dossier.yml",
    "data/entities/example-daily.yml",
    "data/entities/jo-example.yml",
    "data/entities/zhou-haiyan.yml",
    "data/sources/example-daily-2026-03-02-ferry.yml",
    "data/sources/example-shipyard-ferry-specification.yml",
    "docs/about.md",
    "docs/index.md",
    "docs/methodology.md",
    "mkdocs.yml",
    "requirements.txt",
    "schema/claim.schema.json",
    "schema/dossier.schema.json",
    "schema/entity.schema.json",
    "schema/source.schema.json",
]


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def new(tmp_path, runner, chdir) -> Path:
    """A new dossier written by `dossier init`, as the working folder."""
    chdir(tmp_path)
    result = runner.invoke(cli, ["init", "newsroom"])
    assert result.exit_code == 0, result.output
    return chdir(tmp_path / "newsroom")


def _files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def test_init_writes_a_whole_repository(new, runner):
    assert _files(new) == EXPECTED_FILES
    for name, text in schema_texts().items():
        assert (new / "schema" / name).read_text(encoding="utf-8") == text
    first = (new / "requirements.txt").read_text(encoding="utf-8")
    assert f"\ndossier-gen=={__version__}\n" in first
    assert "@DOSSIER_GEN_VERSION@" not in first


def test_init_says_what_to_do_next(tmp_path, runner, chdir):
    chdir(tmp_path)
    result = runner.invoke(cli, ["init", "newsroom"])
    assert result.output.startswith(
        "Wrote a new dossier to newsroom/ (22 files): an invented example to replace"
    )
    for step in (
        "cd newsroom",
        "pip install -r requirements.txt",
        "dossier validate",
        "dossier build",
        "dossier validate --publication",
    ):
        assert step in result.output, step


def test_the_new_dossier_validates_and_every_record_points_at_its_schema(new, runner):
    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 0, result.output
    assert result.output == "data: 2 claims, 3 entities, 2 sources: no problems found.\n"
    schema_of = {kind.folder: kind.schema_file for kind in KINDS}
    for path in sorted((new / "data").rglob("*.yml")):
        kind = path.parent.name
        schema = "dossier.schema.json" if path.name == "dossier.yml" else schema_of[kind]
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == schema_line(path, new / "schema", schema), path


def test_the_example_is_clearly_invented_and_has_a_chinese_name(new):
    catalog = load_catalog(new / "data")
    text = "\n".join(
        line
        for path in (new / "data").rglob("*.yml")
        for line in path.read_text(encoding="utf-8").splitlines()
        if not line.lstrip().startswith("#")  # comments may show the shape of a real address
    )
    addresses = re.findall(r"https?://[^\s\"')]+", text)
    assert addresses
    assert all(re.match(r"https?://([a-z0-9-]+\.)*example\.org/", a) for a in addresses), addresses
    for claim in catalog.claims.values():
        assert "invented example" in claim.model.analysis, claim.display_path
    native = [e.model.native_name for e in catalog.entities.values() if e.model.native_name]
    assert any(re.search(r"[\u4e00-\u9fff]", name) for name in native)


def test_the_new_dossier_is_not_ready_to_publish_until_its_placeholders_are_replaced(new, runner):
    result = runner.invoke(cli, ["validate", "--publication"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[-1] == f"{len(lines) - 1} problems found: not ready to publish."
    paths = {line.split(":", 1)[0] for line in lines[:-1]}
    assert paths == {"data/dossier.yml", "docs/about.md", "docs/index.md", "docs/methodology.md"}
    # Every marked placeholder is reported, each on its own line.
    for page in ("about.md", "index.md", "methodology.md"):
        marked = (new / "docs" / page).read_text(encoding="utf-8").count('!!! warning "Placeholder')
        assert marked and sum(f"docs/{page}:" in line for line in lines) >= marked
    fill_in_placeholders(new)
    result = runner.invoke(cli, ["validate", "--publication"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("what", ["a file", "a folder with a file", "a folder with a folder"])
def test_init_refuses_anything_but_a_new_or_empty_folder(tmp_path, runner, chdir, what):
    chdir(tmp_path)
    target = tmp_path / "newsroom"
    if what == "a file":
        target.write_text("mine\n")
    elif what == "a folder with a file":
        target.mkdir()
        (target / "notes.md").write_text("mine\n")
    else:
        (target / "data").mkdir(parents=True)
    before = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*"))
    result = runner.invoke(cli, ["init", "newsroom"])
    assert result.exit_code == 1
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == before
    if what == "a file":
        assert result.stderr == ("newsroom is a file; give the path of a new or empty folder.\n")
    else:
        assert result.stderr.startswith("newsroom is not empty (it holds ")
        assert "nothing of yours is overwritten" in result.stderr


def test_init_accepts_an_empty_git_repository(tmp_path, runner, chdir):
    chdir(tmp_path)
    (tmp_path / "newsroom" / ".git").mkdir(parents=True)
    result = runner.invoke(cli, ["init", "newsroom"])
    assert result.exit_code == 0, result.output
    assert _files(tmp_path / "newsroom") == EXPECTED_FILES


# --- what the new repository's settings say ------------------------------------------------


def test_the_new_site_loads_no_fonts_and_uses_the_plugin():
    settings = yaml.safe_load((SKELETON / "mkdocs.yml").read_text(encoding="utf-8"))
    assert settings["theme"]["name"] == "material"
    assert settings["theme"]["font"] is False
    assert "dossier" in settings["plugins"]
    assert settings["strict"] is True
    assert "custom_dir" not in settings["theme"], "everything a site needs is in the package"


def test_the_new_gitignore_keeps_builds_and_the_set_up_out():
    lines = set(new_dossier_files("0")[".gitignore"].decode().splitlines())
    assert {"/site/", "/rendered/", "/.venv/", ".site.new.*"} <= lines


def test_the_new_requirements_pin_what_dossier_gen_needs_as_the_lock_does():
    """Every package dossier-gen needs to run, pinned at the version requirements.lock pins
    (and this test environment has): a new dossier builds with what the tests build with."""
    lock = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            lock[canonicalize_name(name)] = version
    needed: dict[str, str] = {}
    todo = ["dossier-gen"]
    while todo:
        for text in requires(todo.pop()) or []:
            requirement = Requirement(text)
            if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
                continue
            name = canonicalize_name(requirement.name)
            if name not in needed:
                needed[name] = lock[name]
                assert distribution(name).version == lock[name], name
                todo.append(name)
    expected = [f"{name}=={version}" for name, version in sorted(needed.items())]
    pins = [
        line
        for line in (SKELETON / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert pins[0] == "dossier-gen==@DOSSIER_GEN_VERSION@"
    assert pins[1:] == expected, "update dossier_gen/editing/skeleton/requirements.txt to:\n" + (
        "\n".join(expected)
    )


def test_the_new_pre_commit_hook_is_the_dossier_validate_hook():
    config = yaml.safe_load(new_dossier_files("0")[".pre-commit-config.yaml"])
    [repo] = config["repos"]
    [hook] = repo["hooks"]
    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    for key in ("id", "name", "entry", "pass_filenames", "files"):
        assert hook[key] == manifest[key], key


# --- the new repository's workflows --------------------------------------------------------


def _workflow(new: Path, name: str) -> dict:
    return yaml.safe_load((new / ".github" / "workflows" / name).read_text(encoding="utf-8"))


def _runs(workflow: dict, job: str) -> list[str]:
    return [step.get("run", "") for step in workflow["jobs"][job]["steps"]]


def test_the_new_workflows_pass_actionlint(new):
    result = actionlint(*sorted((new / ".github" / "workflows").glob("*.yml")))
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr


def test_the_new_deploy_checks_publication_first_and_pull_requests_do_not(new):
    deploy = "\n".join(_runs(_workflow(new, "deploy.yml"), "build"))
    pr = "\n".join(_runs(_workflow(new, "pr.yml"), "check"))
    assert "--publication" not in pr
    assert "dossier validate --format github" in pr
    order = [
        deploy.index(command)
        for command in (
            "dossier validate --publication --format github",
            "dossier build",
            "dossier check-links site --format github",
        )
    ]
    assert order == sorted(order)
    for runs in (deploy, pr):
        assert "pip install -r requirements.txt" in runs
        assert '>> "$GITHUB_STEP_SUMMARY"' in runs
    # The deployment fails (no continue-on-error) while the dossier is not ready.
    steps = _workflow(new, "deploy.yml")["jobs"]["build"]["steps"]
    check = next(s for s in steps if "--publication" in s.get("run", ""))
    assert not check.get("continue-on-error")
    assert steps[-1]["uses"].startswith("actions/upload-pages-artifact@")
    assert _workflow(new, "deploy.yml")["jobs"]["deploy"]["needs"] == "build"


def test_the_new_workflows_use_the_python_dossier_gen_supports():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lowest = project["requires-python"].removeprefix(">=")
    for name in ("pr.yml", "deploy.yml"):
        text = (SKELETON / "dot-github" / "workflows" / name).read_text(encoding="utf-8")
        [version] = re.findall(r'python-version: "([\d.]+)"', text)
        assert tuple(map(int, version.split("."))) >= tuple(map(int, lowest.split(".")))

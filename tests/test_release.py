"""Releases: one version, a changelog that names it, distributions that carry everything a
site needs, and the catalog entry that lets `mkdocs get-deps` find the plugin."""

from __future__ import annotations

import configparser
import re
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest
import yaml

import dossier_gen
from dossier_gen.editing.newdossier import SKELETON
from dossier_gen.publishing.site import ASSETS
from dossier_gen.rendering.i18n import LOCALE_DIR
from dossier_gen.rendering.render import DEFAULT_TEMPLATES

from .conftest import ROOT

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
VERSION = PROJECT["version"]
PACKAGE = Path(dossier_gen.__file__).parent
CATALOG_ENTRY = ROOT / "release" / "mkdocs-catalog.yaml"

# Material's entry in the MkDocs catalog (projects.yaml of github.com/mkdocs/catalog, 2025-10).
MATERIAL_ENTRY = {
    "name": "Material for MkDocs",
    "mkdocs_theme": "material",
    "mkdocs_plugin": [
        "material/blog",
        "material/group",
        "material/offline",
        "material/search",
        "material/social",
        "material/tags",
    ],
    "github_id": "squidfunk/mkdocs-material",
    "pypi_id": "mkdocs-material",
    "labels": ["theme", "plugin"],
    "category": "theming",
}


def _shipped_files() -> list[str]:
    """Every data file the package must carry, as paths inside the wheel."""
    found = []
    for folder in (DEFAULT_TEMPLATES, ASSETS, SKELETON):
        found += [
            p.relative_to(PACKAGE.parent).as_posix()
            for p in folder.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
        ]
    # The interface catalogs (the .pot is made by `make catalogs`, not shipped).
    found += [p.relative_to(PACKAGE.parent).as_posix() for p in LOCALE_DIR.rglob("*.po")]
    return sorted(found)


def test_the_version_is_written_once():
    assert dossier_gen.__version__ == VERSION  # read from the installed metadata
    hits = [
        p.relative_to(ROOT).as_posix()
        for p in [*PACKAGE.rglob("*.py"), ROOT / "README.md"]
        if re.search(rf"['\"]{re.escape(VERSION)}['\"]", p.read_text(encoding="utf-8"))
    ]
    assert hits == [], f"the version is written out again in {hits}"


def test_the_changelog_starts_with_this_version():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "keepachangelog.com" in text
    versions = re.findall(r"^## \[([^\]]+)\]", text, re.M)
    assert versions and versions[0] == VERSION, versions
    # Each version heading links its comparison or release, as Keep a Changelog does.
    assert re.search(rf"^\[{re.escape(VERSION)}\]: \S+", text, re.M)


@pytest.mark.slow
def test_the_wheel_carries_templates_assets_and_the_new_dossier_skeleton(distributions):
    sdist, wheel = distributions
    assert wheel.name == f"dossier_gen-{VERSION}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        info = f"dossier_gen-{VERSION}.dist-info"
        metadata = Parser().parsestr(archive.read(f"{info}/METADATA").decode())
        entry_points = configparser.ConfigParser()
        entry_points.read_string(archive.read(f"{info}/entry_points.txt").decode())
        shipped = {name: archive.read(name) for name in _shipped_files() if name in names}
    missing = [name for name in _shipped_files() if name not in names]
    assert missing == []
    for name, content in shipped.items():
        assert content == (PACKAGE.parent / name).read_bytes(), name
    assert "dossier_gen/py.typed" in names
    assert any(n.startswith("dossier_gen/editing/skeleton/dot-github/workflows/") for n in names)
    assert metadata["Version"] == VERSION
    assert metadata["Name"] == "dossier-gen"
    requires = " ".join(metadata.get_all("Requires-Dist"))
    for needed in ("mkdocs", "mkdocs-material", "jieba"):
        assert needed in requires
    # What `mkdocs get-deps` and the catalog's own check look for.
    assert entry_points["mkdocs.plugins"]["dossier"] == "dossier_gen.mkdocs_plugin:DossierPlugin"
    assert entry_points["console_scripts"]["dossier"] == "dossier_gen.cli:cli"
    with tarfile.open(sdist) as archive:
        in_sdist = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"pyproject.toml", "README.md"} <= in_sdist
    assert all(name in in_sdist for name in _shipped_files())


def test_the_catalog_entry_is_what_the_catalog_checks():
    entry = yaml.safe_load(CATALOG_ENTRY.read_text(encoding="utf-8"))["projects"]
    [project] = entry
    assert project["mkdocs_plugin"] == "dossier"
    assert project["pypi_id"] == PROJECT["name"]
    assert "_" not in project["pypi_id"]
    assert "plugin" in project["labels"]  # the catalog requires it with mkdocs_plugin
    assert project["category"] == "nav-pages"
    assert project["name"] and project["github_id"].count("/") == 1
    plugins = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["entry-points"]
    assert plugins["mkdocs.plugins"][project["mkdocs_plugin"]].startswith("dossier_gen.")


@pytest.mark.parametrize("config", [SKELETON / "mkdocs.yml", ROOT / "mkdocs.yml"])
def test_get_deps_resolves_the_plugin_through_the_catalog_entry(config, tmp_path):
    catalog = tmp_path / "projects.yaml"
    ours = yaml.safe_load(CATALOG_ENTRY.read_text(encoding="utf-8"))["projects"]
    catalog.write_text(yaml.safe_dump({"projects": [MATERIAL_ENTRY, *ours]}), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "get-deps", "-f", str(config), "-p", str(catalog)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["dossier-gen", "mkdocs", "mkdocs-material"]
    assert "not provided by any registered project" not in result.stderr

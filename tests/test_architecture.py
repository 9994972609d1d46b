"""The package's shape: data flows one way through its stage folders, and only the two faces
know MkDocs or click.

Every import of every module is read from its source (with `ast`, so imports inside
functions and under `TYPE_CHECKING` count too) and checked against the stage order.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import dossier_gen

PACKAGE = Path(dossier_gen.__file__).parent

# Earlier stages first. A module may import from its own stage and from earlier ones only.
STAGES = [
    "problems",
    "records",
    "loading",
    "rendering",
    "publishing",
    "speed",
    "importing",
    "editing",
]
FACES = {
    "cli",
    "mkdocs_plugin",
    "mkdocs_pages",
    "mkdocs_editions",
    "mkdocs_watch",
    "mkdocs_config",
    "__main__",
}
"""The faces may import any stage; nothing imports them."""
FACE_ONLY = {
    "mkdocs": {"mkdocs_plugin", "mkdocs_pages", "mkdocs_editions", "mkdocs_watch", "mkdocs_config"},
    "click": {"cli"},
}
"""Third-party packages that only these faces may import."""
PEERS_APART = {"speed", "importing", "editing"}
"""Stages at the end that build on the core side by side, never on one another."""


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(["dossier_gen", *parts])


def _imports(path: Path) -> set[str]:
    """Every module of the package and every top-level package `path` imports."""
    name = _module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.add(target)
            # `from . import x` imports the module x.
            found |= {f"{target}.{alias.name}" for alias in node.names}
    return found


def _package_modules() -> dict[str, set[str]]:
    modules = {_module_name(p): _imports(p) for p in sorted(PACKAGE.rglob("*.py"))}
    names = set(modules)
    return {
        name: {i for i in imports if i in names or not i.startswith("dossier_gen")}
        for name, imports in modules.items()
    }


MODULES = _package_modules()


def _stage(module: str) -> str:
    """`dossier_gen.loading.load` → `loading`; a top-level module is its own stage."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_module_belongs_to_a_stage_or_a_face():
    for module in MODULES:
        stage = _stage(module)
        assert stage in STAGES or stage in FACES or stage == "__init__", module


def wrong_way_imports(modules: dict[str, set[str]]) -> list[str]:
    """Every import that runs against the stage order, as `module → imported (why)`."""
    found = []
    for module, imports in sorted(modules.items()):
        stage = _stage(module)
        if stage in FACES or stage == "__init__":
            continue
        for imported in sorted(imports):
            if not imported.startswith("dossier_gen."):
                continue
            other = _stage(imported)
            if other in FACES:
                found.append(f"{module} → {imported} (a face)")
            elif other == "__init__" or other == stage:
                continue
            elif {stage, other} <= PEERS_APART:
                found.append(f"{module} → {imported} (a peer)")
            elif STAGES.index(other) > STAGES.index(stage):
                found.append(f"{module} → {imported} (a later stage)")
    return found


def test_imports_run_from_earlier_stages_only():
    assert wrong_way_imports(MODULES) == []


def test_the_stage_check_catches_imports_the_wrong_way():
    modules = {
        "dossier_gen.records.models": {"dossier_gen.rendering.escape"},
        "dossier_gen.importing.run": {"dossier_gen.editing.diff"},
        "dossier_gen.loading.load": {"dossier_gen.cli", "dossier_gen.records.models"},
    }
    assert wrong_way_imports(modules) == [
        "dossier_gen.importing.run → dossier_gen.editing.diff (a peer)",
        "dossier_gen.loading.load → dossier_gen.cli (a face)",
        "dossier_gen.records.models → dossier_gen.rendering.escape (a later stage)",
    ]


@pytest.mark.parametrize("package, faces", sorted(FACE_ONLY.items()))
def test_only_the_faces_import_mkdocs_and_click(package, faces):
    for module, imports in MODULES.items():
        if module.rpartition(".")[2] in faces:
            continue
        assert not any(i == package or i.startswith(package + ".") for i in imports), (
            f"{module} imports {package}; only {', '.join(sorted(faces))} may"
        )


def test_no_import_circles():
    graph = {m: {i for i in imports if i in MODULES and i != m} for m, imports in MODULES.items()}
    # A package's __init__ re-exporting its modules is not a circle through them.
    graph = {
        m: {i for i in deps if not (m.startswith(i + ".") and i in MODULES)}
        for m, deps in graph.items()
    }
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for other in sorted(graph[module]):
            if state.get(other) == 1:
                circle = path[path.index(other) :] + [other]
                raise AssertionError("import circle: " + " → ".join(circle))
            if other not in state:
                visit(other)
        path.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)


def test_the_public_api_is_what_init_declares():
    assert sorted(dossier_gen.__all__) == sorted(
        [
            "Catalog",
            "DataError",
            "Loaded",
            "Page",
            "Problem",
            "Site",
            "__version__",
            "build_site",
            "load_catalog",
        ]
    )
    for name in dossier_gen.__all__:
        assert getattr(dossier_gen, name) is not None, name


def test_the_public_api_builds_a_site_from_the_fixture():
    from .conftest import FIXTURE, TEMPLATES

    catalog = dossier_gen.load_catalog(FIXTURE / "data")
    assert isinstance(catalog, dossier_gen.Catalog)
    site = dossier_gen.build_site(catalog, [TEMPLATES], "# Home\n")
    assert isinstance(site, dossier_gen.Site)
    assert "claims/bridge-best.md" in site.pages
    assert isinstance(site.pages["claims/bridge-best.md"], dossier_gen.Page)
    assert "data/claimreview.json" in site.files
    try:
        dossier_gen.load_catalog(FIXTURE / "no-such-folder")
    except dossier_gen.DataError as error:
        assert all(isinstance(p, dossier_gen.Problem) for p in error.problems)
    else:
        raise AssertionError("a missing data folder loaded")


def test_every_stage_folder_says_what_it_may_import():
    for stage in STAGES[1:]:
        doc = ast.get_docstring(ast.parse((PACKAGE / stage / "__init__.py").read_text()))
        assert doc and "May import" in doc, stage

"""The package walls, checked on the source: no import cycle between the project's packages, and
each package imports only the layers below it (docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("storage", "lexicon", "classify", "crawler", "pipelines", "simweb", "kommun_inventering")

# What each package may import (besides itself and third-party libraries).
ALLOWED: dict[str, set[str]] = {
    "storage": set(),
    "lexicon": set(),  # the business words crawler and classifier share, as data
    "classify": {"storage", "lexicon"},  # atomic writes of the model file; never crawler or pipelines
    "crawler": {"storage", "lexicon"},
    "pipelines": {"storage", "lexicon", "crawler", "classify"},
    "simweb": {"storage", "lexicon", "crawler"},  # the registry it simulates; nothing product-side imports simweb
    "kommun_inventering": {"storage", "lexicon", "crawler", "classify", "pipelines", "simweb"},
}


def imports_of(path: Path) -> set[str]:
    """Top-level project packages imported anywhere in the file (also inside functions)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        found.update(n.split(".")[0] for n in names if n.split(".")[0] in PACKAGES)
    return found


def package_graph() -> dict[str, dict[str, list[str]]]:
    """package → imported package → files that import it."""
    graph: dict[str, dict[str, list[str]]] = {p: {} for p in PACKAGES}
    for pkg in PACKAGES:
        for path in sorted((ROOT / pkg).rglob("*.py")):
            for dep in imports_of(path) - {pkg}:
                graph[pkg].setdefault(dep, []).append(str(path.relative_to(ROOT)))
    return graph


def test_imports_of_sees_nested_and_from_imports(tmp_path: Path) -> None:
    src = tmp_path / "m.py"
    src.write_text("import os\nfrom storage.db import connect\n\ndef f():\n    import crawler.links\n", encoding="utf-8")
    assert imports_of(src) == {"storage", "crawler"}


@pytest.mark.parametrize("pkg", PACKAGES)
def test_package_imports_only_lower_layers(pkg: str) -> None:
    wrong = {dep: files for dep, files in package_graph()[pkg].items() if dep not in ALLOWED[pkg]}
    assert not wrong, f"{pkg} imports {wrong}"


def test_no_cycle_between_packages() -> None:
    graph = {pkg: set(deps) for pkg, deps in package_graph().items()}
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for dep in sorted(graph[node]):
            assert state.get(dep) != 1, "import cycle: " + " → ".join(path + [dep])
            if dep not in state:
                visit(dep, path + [dep])
        state[node] = 2

    for pkg in PACKAGES:
        if pkg not in state:
            visit(pkg, [pkg])


def test_no_test_folder_shadows_a_package() -> None:
    """A test folder named like a package must not be a package itself: pytest would put ``tests/`` first
    on sys.path and ``import classify`` would find the tests instead of the product."""
    shadows = [p for p in PACKAGES if (ROOT / "tests" / p / "__init__.py").exists()]
    assert not shadows, f"tests/<package>/__init__.py shadows the package: {shadows}"
    import classify

    assert Path(classify.__file__).resolve().parent == ROOT / "classify"


def test_every_package_is_shipped() -> None:
    """A package left out of pyproject's ``packages.find`` works from the source tree but not installed."""
    import fnmatch
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    include = config["tool"]["setuptools"]["packages"]["find"]["include"]
    missing = [p for p in PACKAGES if not any(fnmatch.fnmatch(p, pattern) for pattern in include)]
    assert not missing, f"not in [tool.setuptools.packages.find] include: {missing}"

"""The package's layers import only downward (ARCHITECTURE.md's table), and no
two modules import each other at load time."""

from __future__ import annotations

import ast
from pathlib import Path

from support import PROJECT

PACKAGE = PROJECT / "plainlint"

#: What each package may import from plainlint besides itself; the core
#: modules at the root may import anything.
ALLOWED = {
    "language": {"document", "errors", "limits", "compiled", "cache_folder"},
    "forms": {"document", "errors", "language"},
    "checks": {"document", "errors", "language", "forms"},
    "extract": {"document", "errors", "limits"},
    "gate": {"document", "errors"},
    "formatters": {"document", "errors", "results", "registry", "gate", "scorecard"},
    "report": {"document", "errors", "results", "registry", "formatters", "extract", "language", "scorecard"},
    "lsp": {"__version__", "config", "docs", "document", "engine", "errors", "fix", "language", "registry"},
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PROJECT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(tree: ast.AST, top_level_only: bool) -> set[str]:
    """Names of plainlint modules a module imports (all of them, or only
    those imported when it loads)."""
    nodes = tree.body if top_level_only else ast.walk(tree)
    names = set()
    for node in nodes:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("plainlint"):
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names if alias.name.startswith("plainlint"))
    return names


MODULES = {module_name(path): ast.parse(path.read_text(), str(path)) for path in PACKAGE.rglob("*.py")}


def test_no_package_imports_upward():
    upward = []
    for name, tree in MODULES.items():
        parts = name.split(".")
        if len(parts) < 3 or parts[1] not in ALLOWED:
            continue
        layer = parts[1]
        for target in imported(tree, top_level_only=False):
            segment = target.split(".")[1] if "." in target else ""
            if segment and segment != layer and segment not in ALLOWED[layer]:
                upward.append(f"{name} imports {target}")
    assert upward == []


def test_no_import_cycles_at_load_time():
    graph = {
        name: {target for target in imported(tree, top_level_only=True) if target in MODULES and target != name}
        for name, tree in MODULES.items()
    }
    cycles = []

    def visit(name: str, path: list[str], done: set[str]) -> None:
        for target in sorted(graph[name]):
            if target in path:
                cycles.append(" -> ".join([*path[path.index(target):], target]))
            elif target not in done:
                visit(target, [*path, target], done)
        done.add(name)

    done: set[str] = set()
    for name in sorted(graph):
        if name not in done:
            visit(name, [name], done)
    assert cycles == []


def test_the_layer_table_sees_every_package():
    packages = {name.split(".")[1] for name in MODULES if name.count(".") >= 2}
    assert packages == set(ALLOWED)

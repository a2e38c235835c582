"""The package's structure: imports run one way, private names stay home, no exec/eval."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import agreement_tracker as at

PACKAGE = Path(at.__file__).parent
#: Modules whose private names others may import: the registry and the text helpers.
SHARED_PRIVATE = {"agreement_tracker._kinds", "agreement_tracker._text"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, ast.Module]:
    return {
        _module_name(path): ast.parse(path.read_text(encoding="utf-8"), str(path))
        for path in sorted(PACKAGE.rglob("*.py"))
    }


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _run_time_imports(name: str, tree: ast.Module) -> list[tuple[str, list[str]]]:
    """(module, names) for every import that runs, inside functions too."""
    package = name if _is_package(name) else name.rpartition(".")[0]
    found: list[tuple[str, list[str]]] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            names = [alias.name for alias in node.names]
            if base.startswith("agreement_tracker"):
                # ``from . import x`` imports the submodule x.
                modules = [f"{base}.{n}" for n in names if f"{base}.{n}" in _ALL]
                found.extend((m, []) for m in modules)
                found.append((base, [n for n in names if f"{base}.{n}" not in _ALL]))
        elif isinstance(node, ast.Import):
            found.extend(
                (alias.name, [])
                for alias in node.names
                if alias.name.startswith("agreement_tracker")
            )
        for inner in ast.iter_child_nodes(node):
            visit(inner)

    visit(tree)
    return found


def _is_package(name: str) -> bool:
    return (PACKAGE.parent / name.replace(".", "/") / "__init__.py").exists()


_TREES = _modules()
_ALL = set(_TREES)


def _graph() -> dict[str, set[str]]:
    return {
        name: {target for target, _ in _run_time_imports(name, tree) if target != name}
        for name, tree in _TREES.items()
    }


def test_the_import_graph_has_no_cycle() -> None:
    """No module imports, at run time and directly or not, a module that imports it."""
    graph = _graph()
    # A package's __init__ re-exports its modules; leave those edges out, as Python does
    # (importing a submodule does not run a cycle through its package).
    for name in graph:
        graph[name] = {t for t in graph[name] if not (_is_package(t) and name.startswith(t + "."))}
    cycles: list[list[str]] = []
    state: dict[str, int] = {}

    def walk(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                walk(target, [*path, target])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            walk(name, [name])
    assert cycles == []


def test_a_cycle_is_found_by_the_check() -> None:
    """The cycle finder reports a cycle in a graph that has one (it can fail)."""
    tree = ast.parse("from .b import x\n")
    imports = _run_time_imports("agreement_tracker.a", tree)
    assert imports == [("agreement_tracker.b", ["x"])]
    guarded = ast.parse(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .b import x\n"
    )
    assert _run_time_imports("agreement_tracker.a", guarded) == []
    inside = ast.parse("def f():\n    from .c import y\n")
    assert _run_time_imports("agreement_tracker.a", inside) == [("agreement_tracker.c", ["y"])]


@pytest.mark.parametrize("name", sorted(_TREES))
def test_no_private_name_crosses_a_module_boundary(name: str) -> None:
    """Modules import no underscore names from each other, except the registry's and _text's."""
    crossing = [
        f"{target}.{imported}"
        for target, names in _run_time_imports(name, _TREES[name])
        for imported in names
        if imported.startswith("_") and imported != "__version__" and target not in SHARED_PRIVATE
    ]
    assert crossing == []


@pytest.mark.parametrize("name", sorted(_TREES))
def test_no_exec_or_eval(name: str) -> None:
    """No module calls exec() or eval()."""
    calls = [
        node.func.id
        for node in ast.walk(_TREES[name])
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("exec", "eval", "compile")
    ]
    assert calls == []

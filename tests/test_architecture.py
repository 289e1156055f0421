"""The architecture's rules, checked: one-way imports, a Qt-free core and renderer,
small modules, and every block kind with its builder and its editor.

These tests read the source with :mod:`ast` (nothing is imported for the import
rules), so an import inside a function or under ``if TYPE_CHECKING:`` counts as
much as one at the top of the file: a lazy import hides a cycle, it does not end it.
See docs/architecture.md for the rules themselves.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from importlib import import_module
from itertools import pairwise
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from briefbook.core.model import BLOCK_KINDS

PACKAGE = Path(__file__).resolve().parents[1] / "briefbook"
ROOT = PACKAGE.parent
#: The size a module may reach (lines, as ``wc -l`` counts them).
MAX_LINES = 450
#: The top-level names that mean Qt.
QT_PACKAGES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def module_files() -> dict[str, Path]:
    """Every module of the package by its dotted name (a package by its own name)."""
    found: dict[str, Path] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = module_files()


def imported_names(name: str, path: Path) -> Iterator[tuple[str, int]]:
    """Every name ``path`` imports, anywhere in the file, with its line: ``import a.b``
    gives ``a.b``; ``from a import b`` gives ``a.b`` and ``a`` (the caller keeps the
    first that is a module); relative imports are resolved against ``name``."""
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")
                base = base[: len(base) - node.level + (1 if is_package else 0)]
                source = ".".join([*base, node.module] if node.module else base)
            else:
                source = node.module or ""
            for alias in node.names:
                yield f"{source}.{alias.name}|{source}", node.lineno


def module_imports(name: str, path: Path) -> dict[str, int]:
    """The briefbook modules ``name`` imports, each with the first line that does."""
    found: dict[str, int] = {}
    for imported, line in imported_names(name, path):
        for candidate in imported.split("|"):
            # ``import a.b.c`` where only a.b is ours: the deepest module that exists.
            parts = candidate.split(".")
            while parts and ".".join(parts) not in MODULES:
                parts.pop()
            target = ".".join(parts)
            if target:
                if target != name:
                    found.setdefault(target, line)
                break
    return found


def import_graph() -> dict[str, dict[str, int]]:
    return {name: module_imports(name, path) for name, path in MODULES.items()}


def import_groups(graph: dict[str, dict[str, int]]) -> list[set[str]]:
    """The strongly connected groups of more than one module (Tarjan): each module of
    a group reaches every other one through imports. Smallest group first."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, {}):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = set()
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.add(top)
                if top == node:
                    break
            if len(group) > 1:
                groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(groups, key=lambda group: (len(group), min(group)))


def cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """One shortest cycle through each strongly connected group."""
    return [_one_cycle(graph, group) for group in import_groups(graph)]


def _one_cycle(graph: dict[str, dict[str, int]], group: set[str]) -> list[str]:
    """A shortest cycle through the group's first module (breadth first)."""
    start = min(group)
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for nxt in sorted(graph[node]):
            if nxt == start:
                return [*paths[node], start]
            if nxt in group and nxt not in paths:
                paths[nxt] = [*paths[node], nxt]
                queue.append(nxt)
    return sorted(group)  # not reached: a strongly connected group has a cycle


def describe(graph: dict[str, dict[str, int]], cycle: list[str]) -> str:
    """``a (a.py:12) -> b (b.py:40) -> a``: each step with the line that imports."""
    steps = []
    for here, there in pairwise(cycle):
        where = MODULES[here].relative_to(ROOT)
        steps.append(f"{here} ({where}:{graph[here][there]})")
    return " -> ".join([*steps, cycle[-1]])


def test_the_graph_sees_lazy_and_relative_imports() -> None:
    graph = import_graph()
    # cli.py imports nearly everything inside its functions, to start quickly.
    assert "briefbook.core.fileformat" in graph["briefbook.cli"]
    assert "briefbook.gui.app" in graph["briefbook.cli"]
    assert "briefbook.core.model" in graph["briefbook.core.compare.diff"]


def test_the_cycle_finder_finds_a_cycle_and_names_its_lines() -> None:
    graph = {"a": {"b": 3}, "b": {"c": 5}, "c": {"a": 7, "d": 1}, "d": {}}
    assert import_groups(graph) == [{"a", "b", "c"}]
    assert cycles(graph) == [["a", "b", "c", "a"]]
    assert not import_groups({"a": {"b": 1}, "b": {}})


def test_no_import_cycle_among_briefbook_modules() -> None:
    graph = import_graph()
    groups = import_groups(graph)
    assert not groups, "import cycles (lazy imports count):\n" + "\n".join(
        f"{describe(graph, _one_cycle(graph, group))}\n    (all of: {', '.join(sorted(group))})"
        for group in groups
    )


@pytest.mark.parametrize("layer", ["briefbook.core", "briefbook.render"])
def test_core_and_render_import_no_qt(layer: str) -> None:
    offending = []
    for name, path in MODULES.items():
        if name != layer and not name.startswith(layer + "."):
            continue
        for imported, line in imported_names(name, path):
            top = imported.split("|")[-1]
            if top.split(".")[0] in QT_PACKAGES or top.startswith("briefbook.gui"):
                offending.append(f"{path.relative_to(ROOT)}:{line}: imports {top}")
    assert not offending, "\n".join(offending)


def modules_over_the_limit() -> list[str]:
    over = []
    for path in sorted(PACKAGE.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").count("\n")
        if lines > MAX_LINES:
            over.append(f"{path.relative_to(ROOT)}: {lines} lines")
    return over


def test_no_module_over_450_lines() -> None:
    over = modules_over_the_limit()
    assert not over, f"modules over {MAX_LINES} lines:\n" + "\n".join(over)


# --- the block kinds' registries --------------------------------------------------------


def _kind_registry(module: ModuleType, resolve: Any) -> dict[str, Any]:
    """The module-level dict of ``module`` that maps block kinds (by name or by class) to
    something ``resolve`` accepts, as kind name -> resolved value. Found by its content,
    not its name, so a renamed registry is still found."""
    names = {cls: kind for kind, cls in BLOCK_KINDS.items()}
    for value in vars(module).values():
        if not isinstance(value, dict) or not value:
            continue
        keys = [names.get(key, key) if isinstance(key, type) else key for key in value]
        if not all(isinstance(key, str) and key in BLOCK_KINDS for key in keys):
            continue
        resolved = {kind: resolve(entry) for kind, entry in zip(keys, value.values(), strict=True)}
        if all(entry is not None for entry in resolved.values()):
            return resolved
    raise AssertionError(f"{module.__name__} holds no registry of block kinds")


def _dispatch_module() -> ModuleType:
    """The module whose ``block_flowables`` the renderer calls for every block."""
    for name in ("briefbook.render.blocks",):
        module = import_module(name)
        function = getattr(module, "block_flowables", None)
        if function is not None:
            return import_module(function.__module__)
    raise AssertionError("the renderer has no block_flowables")


def _builder(entry: object) -> object | None:
    return entry if callable(entry) else None


def _editor(entry: object) -> object | None:
    """An editor class from a registry entry: a class, or ``"module:Class"`` (the module
    relative to briefbook.gui.editors or absolute)."""
    from PySide6.QtWidgets import QWidget

    if isinstance(entry, str) and ":" in entry:
        module_name, _, class_name = entry.partition(":")
        if not module_name.startswith("briefbook."):
            module_name = f"briefbook.gui.editors.{module_name}"
        entry = getattr(import_module(module_name), class_name)
    if isinstance(entry, type) and issubclass(entry, QWidget):
        return entry
    return None


def test_every_block_kind_has_a_render_builder() -> None:
    builders = _kind_registry(_dispatch_module(), _builder)
    assert sorted(builders) == sorted(BLOCK_KINDS)


def test_every_block_kind_has_a_gui_editor() -> None:
    editors = _kind_registry(import_module("briefbook.gui.editors"), _editor)
    assert sorted(editors) == sorted(BLOCK_KINDS)

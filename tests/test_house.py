"""The engine's house rules, read from the code with ``ast`` (see ../shared/design/house.md).

Rooms in data-flow order: ``content`` → ``render`` → ``publish``; ``tools`` use the first
two; ``glue`` is the only module that knows MkDocs, and only ``hooks`` and the package's
``__init__`` (the mkdocs-macros entry point) reach it.  Arrows point down the flow only,
modules stay under 300 lines and functions under 50, and no import cycle exists.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "macros"
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 50
# What each room may import from the package (besides itself).
ALLOWED = {
    "content": set(),
    "render": {"content"},
    "publish": {"content", "render"},
    "tools": {"content", "render"},
    "glue": {"content", "render", "publish"},
    "hooks": {"glue"},
    "__init__": {"glue"},
}
# Only these modules may import MkDocs itself.
MKDOCS_MODULES = {"macros.glue", "macros.hooks"}


def _name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, Path]:
    """Every module of the package by dotted name."""
    return {_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_package(name: str) -> bool:
    return modules()[name].name == "__init__.py"


def _imported(name: str, node: ast.AST) -> set[str]:
    """The dotted names one import statement of module ``name`` reaches."""
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names}
    assert isinstance(node, ast.ImportFrom)
    if node.level:
        base = name.split(".") if _is_package(name) else name.split(".")[:-1]
        base = base[: len(base) - node.level + 1]
        target = ".".join([*base, node.module] if node.module else base)
    else:
        target = node.module or ""
    # ``from package import module`` reaches the module, not only the package.
    return {f"{target}.{a.name}" if f"{target}.{a.name}" in modules() else target
            for a in node.names}


@cache
def graph() -> dict[str, set[str]]:
    """Module → every module (inside or outside the package) it imports, at any depth."""
    edges: dict[str, set[str]] = {}
    for name, path in modules().items():
        tree = ast.parse(path.read_text("utf-8"), str(path))
        edges[name] = set()
        for node in ast.walk(tree):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                edges[name] |= _imported(name, node)
    return edges


def room(name: str) -> str:
    """The room of a module: ``macros.render.section`` → ``render``."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def internal_edges() -> list[tuple[str, str]]:
    """Import arrows between modules of the package."""
    return [(a, b) for a, targets in graph().items() for b in sorted(targets) if b in modules()]


def test_rooms_import_only_down_the_flow() -> None:
    wrong = [f"{a} -> {b}" for a, b in internal_edges()
             if room(b) != room(a) and room(b) not in ALLOWED[room(a)]]
    assert not wrong, "arrows against the flow (see house.md):\n" + "\n".join(wrong)


def test_every_module_lives_in_a_known_room() -> None:
    assert {room(name) for name in modules()} <= set(ALLOWED)


def test_only_the_glue_knows_mkdocs() -> None:
    knows = {name for name, targets in graph().items()
             if any(t == "mkdocs" or t.startswith("mkdocs.") for t in targets)}
    assert knows <= MKDOCS_MODULES


def test_no_import_cycles() -> None:
    edges: dict[str, list[str]] = {name: [] for name in modules()}
    for a, b in internal_edges():
        # A module importing its own package's __init__ for a docstring is not a cycle.
        if not a.startswith(b + "."):
            edges[a].append(b)
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in edges[node]:
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt):], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for start in edges:
        if start not in state:
            visit(start, [start])
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_modules_and_functions_stay_small() -> None:
    too_long = []
    for name, path in modules().items():
        text = path.read_text("utf-8")
        lines = len(text.splitlines())
        if lines > MAX_MODULE_LINES:
            too_long.append(f"{name}: {lines} lines (at most {MAX_MODULE_LINES})")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.append(f"{name}.{node.name}: {length} lines "
                                    f"(at most {MAX_FUNCTION_LINES})")
    assert not too_long, "\n".join(too_long)


def test_the_checker_sees_a_forbidden_arrow() -> None:
    """The import resolver finds a relative import two levels up (what a slip would be)."""
    node = ast.parse("from ..publish.export import x").body[0]
    assert _imported("macros.render.section", node) == {"macros.publish.export"}
    node = ast.parse("from .xref import state").body[0]
    assert _imported("macros.render.section", node) == {"macros.render.xref.state"}


def test_tests_do_not_import_the_benchmarks() -> None:
    """The bench may reuse test helpers; the tests never depend on the bench."""
    wrong = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        if "node_modules" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else []
            wrong += [f"{path.relative_to(ROOT)}: {n}" for n in names
                      if n == "benchmarks" or n.startswith("benchmarks.")]
    assert not wrong, "\n".join(wrong)

"""The layout keeps its promises: no import circle between storyline's modules (imports inside
functions count: they only hide a circle), no private name imported from another module, and no
source file too long to read."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "storyline"
MAX_LINES = 800


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _type_checking_lines(tree: ast.Module) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in node.body:
                lines.update(range(inner.lineno, (inner.end_lineno or inner.lineno) + 1))
    return lines


def _imports(name: str) -> list[tuple[str, list[str], int]]:
    """(module imported, names taken from it, line) for every import of a storyline module in name's
    source, wherever it stands, except under `if TYPE_CHECKING:`."""
    path = MODULES[name]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_lines(tree)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skip:
            continue
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            names = [alias.name for alias in node.names]
            if base.startswith("storyline"):
                found.append((base, names, node.lineno))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("storyline"):
                    found.append((alias.name, [], node.lineno))
    return found


def _edges() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {name: set() for name in MODULES}
    for name in MODULES:
        for base, names, _ in _imports(name):
            targets = [f"{base}.{n}" for n in names if f"{base}.{n}" in MODULES]
            if len(targets) < len(names) or not names:
                targets.append(base)
            graph[name].update(t for t in targets if t in MODULES and t != name)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def _is_package_init(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


def test_no_import_circle() -> None:
    graph = _edges()
    # A package's __init__ importing its own modules, which import their siblings through the
    # package, is how a package is put together, not a circle between two concepts.
    for name in graph:
        if _is_package_init(name):
            graph[name] = {t for t in graph[name] if not t.startswith(name + ".")}
    assert _cycles(graph) == []


def test_no_private_name_imported_from_another_module() -> None:
    private = [f"{MODULES[name].relative_to(PACKAGE.parent)}:{line} imports {n} from {base}"
               for name in MODULES for base, names, line in _imports(name) for n in names
               if n.startswith("_") and not n.startswith("__")]
    assert private == []


@pytest.mark.parametrize("name", sorted(MODULES))
def test_source_file_is_short_enough_to_read(name: str) -> None:
    lines = MODULES[name].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{MODULES[name]} has {lines} lines; split it by concept"


def test_evaluation_has_one_home() -> None:
    """Every measure of quality against gold answers lives in storyline/evaluate/."""
    strays = [name for name in MODULES
              if ("evaluat" in name or name.endswith("score")) and not name.startswith("storyline.evaluate")]
    assert strays == []
    assert {"storyline.evaluate.clusters", "storyline.evaluate.timeline", "storyline.evaluate.analysis",
            "storyline.evaluate.compare", "storyline.evaluate.gold"} <= set(MODULES)

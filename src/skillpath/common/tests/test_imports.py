"""The package's imports run one way: no module-level import cycle anywhere.

import-linter's layers contract (``make lint``) keeps the apps in order; this test
checks the finer grain, module by module, inside each app too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import skillpath

PACKAGE = Path(skillpath.__file__).parent


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _sources() -> dict[str, Path]:
    return {
        _module_name(path): path
        for path in PACKAGE.rglob("*.py")
        if "tests" not in path.parts and "migrations" not in path.parts
    }


def _resolve(name: str, known: set[str]) -> str | None:
    """Return the module of ours that importing ``name`` runs, if any."""
    while name and name not in known:
        name = name.rpartition(".")[0]
    return name or None


def _top_level_imports(module: str, path: Path, known: set[str]) -> set[str]:
    """Return the modules of ours that ``module`` imports when it is loaded."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue  # read by the type checker only
        for sub in ast.walk(node):
            if isinstance(sub, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                break
            targets: list[str] = []
            if isinstance(sub, ast.Import):
                targets = [alias.name for alias in sub.names]
            elif isinstance(sub, ast.ImportFrom):
                base = sub.module or ""
                if sub.level:
                    anchor = package.rsplit(".", sub.level - 1)[0]
                    base = f"{anchor}.{base}" if base else anchor
                targets = [f"{base}.{alias.name}" for alias in sub.names] + [base]
            for target in targets:
                resolved = _resolve(target, known)
                if resolved and resolved != module:
                    found.add(resolved)
    return found


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return the strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for successor in graph.get(node, ()):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def _graph() -> dict[str, set[str]]:
    sources = _sources()
    known = set(sources)
    graph = {m: _top_level_imports(m, p, known) for m, p in sources.items()}
    # Loading ``a.b`` runs ``a`` first: a package's own imports count for its
    # modules, but importing a module from its package's __init__ is no cycle.
    return {
        module: {t for t in targets if not module.startswith(t + ".")}
        for module, targets in graph.items()
    }


def test_the_graph_sees_the_imports_it_checks() -> None:
    graph = _graph()
    assert "skillpath.credentials.services.awards" in graph
    assert (
        "skillpath.credentials.selectors"
        in (graph["skillpath.credentials.services.awards"])
    )


def test_no_module_level_import_cycle_remains() -> None:
    assert _cycles(_graph()) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [
        ["a", "b", "c"]
    ]


def test_imports_inside_functions_give_their_reason() -> None:
    unexplained = []
    for module, path in _sources().items():
        lines = path.read_text(encoding="utf-8").splitlines()
        for node in ast.walk(ast.parse("\n".join(lines))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for sub in ast.walk(node):
                if isinstance(sub, ast.Import | ast.ImportFrom):
                    name = getattr(sub, "module", None) or sub.names[0].name
                    if not name.startswith("skillpath"):
                        continue
                    before = lines[node.lineno : sub.lineno - 1]
                    if not any(line.strip().startswith("#") for line in before):
                        unexplained.append(f"{module}:{sub.lineno}")
    assert unexplained == []

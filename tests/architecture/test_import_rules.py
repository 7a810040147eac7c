"""The house rules, read from the code's imports (an AST walk over hireops/, nothing is run).

- layers: models < services < state < pages and components; services never import reflex;
- inside services: text (shared text readers) < platform < ai (the engines) < the domains <
  operations; a lower floor never imports a higher one;
- no module imports another module's _private name;
- no circle of imports, counting the ones inside functions (a lazy import hides a circle, it
  does not break it);
- services/ holds domain folders only: no module at its top.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "hireops"
SERVICES_TOP_ALLOWED = {"__init__.py"}
# Where a module of hireops stands; a module may import only from its floor or below.
FLOORS = [
    ("hireops.services.text", 1),
    ("hireops.services.platform", 2),
    ("hireops.services.ai", 3),
    ("hireops.services.operations", 5),
    ("hireops.services.demo", 5),
    ("hireops.services", 4),  # the domains
    ("hireops.state", 6),
    ("hireops.components", 7),
    ("hireops.pages", 7),
    ("hireops.api", 7),
]


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def floor(module: str) -> int | None:
    for prefix, level in FLOORS:
        if module == prefix or module.startswith(prefix + "."):
            return level
    return None


def modules() -> dict[str, ast.Module]:
    return {module_name(path): ast.parse(path.read_text(encoding="utf-8"))
            for path in sorted(PACKAGE.rglob("*.py"))}


def imports(name: str, tree: ast.Module):
    """(imported module, names taken, line) for each import; `from a import b` where a.b is a
    module counts as importing a.b."""
    package = name if tree_is_package(name) else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, [], node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([node.module] if node.module else []))
            for alias in node.names:
                yield base, [alias.name], node.lineno


_PACKAGES = {module_name(p) for p in PACKAGE.rglob("__init__.py")}


def tree_is_package(name: str) -> bool:
    return name in _PACKAGES


def resolve(target: str, names: list[str], known: set[str]) -> str:
    """The module really imported: `from hireops.services import clock` imports the module."""
    if names and f"{target}.{names[0]}" in known:
        return f"{target}.{names[0]}"
    return target


def test_no_lower_layer_imports_a_higher_one():
    found = modules()
    known = set(found)
    wrong = []
    for name, tree in found.items():
        mine = floor(name)
        for target, names, line in imports(name, tree):
            if name.startswith("hireops.services") and target.split(".")[0] == "reflex":
                wrong.append(f"{name}:{line} imports reflex")
            if not target.startswith("hireops."):
                continue
            target = resolve(target, names, known)
            theirs = floor(target)
            if mine is not None and theirs is not None and theirs > mine:
                wrong.append(f"{name}:{line} (floor {mine}) imports {target} (floor {theirs})")
    assert not wrong, "imports that run back up:\n" + "\n".join(wrong)


def test_no_private_name_crosses_modules():
    found = modules()
    known = set(found)
    wrong = []
    for name, tree in found.items():
        for target, names, line in imports(name, tree):
            if not target.startswith("hireops."):
                continue
            target = resolve(target, names, known)
            for taken_name in names:
                if taken_name.startswith("_") and not taken_name.startswith("__") \
                        and f"{target}.{taken_name}" not in known:
                    wrong.append(f"{name}:{line} takes {target}.{taken_name}")
    assert not wrong, "private names imported across modules:\n" + "\n".join(wrong)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on, out = {}, {}, [], set(), []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_no_import_circle():
    found = modules()
    known = set(found)
    graph: dict[str, set[str]] = {}
    for name, tree in found.items():
        for target, names, _line in imports(name, tree):
            target = resolve(target, names, known)
            if target in known and target != name and not tree_is_package(target):
                graph.setdefault(name, set()).add(target)
    circles = _cycles(graph)
    assert not circles, "import circles:\n" + "\n".join(" -> ".join(c) for c in circles)


def test_services_has_domain_folders_only():
    loose = sorted(p.name for p in (PACKAGE / "services").glob("*.py")
                   if p.name not in SERVICES_TOP_ALLOWED)
    assert not loose, f"modules at the top of services/ (put them in a domain folder): {loose}"


def test_the_rules_see_what_they_forbid():
    """The circle finder and the floors are not vacuous."""
    assert _cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["a", "b"]]
    lazy = ast.parse("def f():\n    from hireops.services.inbox import ingest\n")
    assert [t for t, _n, _l in imports("hireops.services.x", lazy)] == ["hireops.services.inbox"]
    assert floor("hireops.services.text.skills") < floor("hireops.services.ai.local.engine")
    assert floor("hireops.services.ai.engine") < floor("hireops.services.inbox.processing")
    assert floor("hireops.services.inbox.processing") < floor("hireops.state.inbox.listing")

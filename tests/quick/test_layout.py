"""The house keeps its shape: no import cycle in p2ham, each package imports only from the packages below it in the
flow (ARCHITECTURE.md), nothing in p2ham imports the engine, and every hook is named after what it adapts."""

from __future__ import annotations

import ast
from pathlib import Path

from helpers import ROOT

PACKAGE = ROOT / "p2ham"
# Each package, and what it may import from p2ham (besides itself): the flow from data to pages.
ALLOWED = {
    "core": set(),
    "course": {"core"},
    "quiz": {"core", "course"},
    "trainer": {"core", "course"},
    "units": {"core"},
    "mdext": {"core", "quiz", "trainer"},
    "publish": {"core"},
    "context": {"core", "course", "quiz", "trainer", "units", "mdext"},
    "serve": {"units"},  # the author's server: it watches every input, the data folder included
    "office": {"course", "quiz", "trainer"},  # ./dev new-office: it knows the pages a site publishes
}
ENGINE = ("mkdocs", "material", "mkdocs_static_i18n")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every module a file imports, wherever the import stands (functions too)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def graph() -> dict[str, set[str]]:
    modules = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    return {name: {target for target in imports(path) if target in modules and target != name}
            for name, path in modules.items()}


def test_no_import_cycle_in_p2ham() -> None:
    edges = graph()
    state: dict[str, str] = {}
    cycles: list[list[str]] = []

    def walk(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for target in sorted(edges[node]):
            if state.get(target) == "open":
                cycles.append([*trail[trail.index(target):], target] if target in trail else [node, target])
            elif target not in state:
                walk(target, [*trail, target])
        state[node] = "done"

    for node in sorted(edges):
        if node not in state:
            walk(node, [node])
    assert cycles == []


def test_each_package_imports_only_from_the_packages_below_it() -> None:
    problems = []
    for name, targets in graph().items():
        parts = name.split(".")
        if len(parts) < 2:
            continue
        package = parts[1]
        for target in targets:
            other = target.split(".")[1] if target.count(".") else ""
            if other and other != package and other not in ALLOWED[package]:
                problems.append(f"{name} imports {target}")
    assert problems == []


def test_nothing_in_p2ham_imports_the_engine() -> None:
    found = [f"{module_name(path)} imports {target}" for path in PACKAGE.rglob("*.py") for target in imports(path)
             if target.split(".")[0] in ENGINE]
    assert found == []


def test_every_hook_names_what_it_adapts() -> None:
    """hooks/x.py adapts p2ham/**/x.py or the package p2ham/x/ (engine.py is the engine's side, not a hook)."""
    adapted = {path.stem for path in PACKAGE.rglob("*.py")} | {path.name for path in PACKAGE.iterdir() if path.is_dir()}
    orphans = [hook.name for hook in (ROOT / "hooks").glob("*.py")
               if hook.stem != "engine" and hook.stem not in adapted]
    assert orphans == []

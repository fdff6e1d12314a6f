"""The layering rules of docs/ARCHITECTURE.md, checked on the source with `ast` (nothing is imported):

- `plugin/` (the core) imports neither `ui/` nor `processing/`; `processing/` does not import `ui/`; `ui/`
  does not import `processing/` and does not run algorithms by id either (no `createAlgorithmById`,
  `processing.run`...): the dock calls the core functions the algorithms call. Only the top-level modules
  (`__init__.py`, the composition root `main.py`) import `ui/` and `processing/`, and nothing imports them.
- No import cycle between modules, whatever the import's place: module level, inside a function, or under
  `if TYPE_CHECKING:`; relative imports and absolute `open_territory.` ones alike.
- Exception classes are defined in `plugin/toolbelt/errors.py` only (a class deriving from a built-in
  exception or from an exception class of the plugin counts).

Also runs without QGIS: `python -P -m pytest --noconftest -p no:pytest_qgis tests/test_architecture.py`
(the pre-commit hook does).
"""

from __future__ import annotations

import ast
import builtins
import os
import textwrap
from dataclasses import dataclass, field

import pytest

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "open_territory"
ROOMS = ("plugin", "processing", "ui")
ERRORS_MODULE = "plugin/toolbelt/errors.py"

# Which room may not import which (the top-level modules may import every room).
FORBIDDEN = {
    "plugin": {"ui", "processing", "top"},
    "processing": {"ui", "top"},
    "ui": {"processing", "top"},
}
# Ways to run a Processing algorithm by id, which neither the core nor the dock use: through the registry (or
# any object), and through QGIS's `processing` module.
REGISTRY_CALLS = {"createAlgorithmById", "algorithmById", "execAlgorithmDialog"}
MODULE_CALLS = {"run", "runAndLoadResults", "runAlgorithm"}


@dataclass
class Module:
    name: str  # dotted, relative to the package: "plugin.register.store"; "" for the package's __init__.py
    path: str  # relative to the package's folder: "plugin/register/store.py"
    tree: ast.Module
    imports: list = field(default_factory=list)  # [(imported module name, line)]
    missing: list = field(default_factory=list)  # [(module name that does not exist, line)]

    @property
    def room(self) -> str:
        first = self.name.split(".")[0]
        return first if first in ROOMS else "top"

    @property
    def package(self) -> str:
        """The package relative imports start from."""
        if self.path.endswith("__init__.py"):
            return self.name
        return self.name.rpartition(".")[0]


def scan(root: str, package: str = PACKAGE) -> dict:
    """{module name: Module} for the top-level modules and every module of the rooms under `root`."""
    paths = [name for name in sorted(os.listdir(root)) if name.endswith(".py")]
    for room in ROOMS:
        for folder, dirs, files in os.walk(os.path.join(root, room)):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            paths += [os.path.relpath(os.path.join(folder, f), root) for f in sorted(files) if f.endswith(".py")]
    modules = {}
    for path in paths:
        parts = path[: -len(".py")].replace(os.sep, "/").split("/")
        if parts[-1] == "__init__":
            parts = parts[:-1]
        with open(os.path.join(root, path), encoding="utf-8") as handle:
            tree = ast.parse(handle.read(), path)
        module = Module(".".join(parts), path.replace(os.sep, "/"), tree)
        modules[module.name] = module
    for module in modules.values():
        for target, line in _imports(module, modules, package):
            if target in modules:
                module.imports.append((target, line))
            else:
                module.missing.append((target, line))
                module.imports.append((_known(target, modules), line))
    return modules


def _imports(module: Module, modules: dict, package: str):
    """(module name, line) of every import of the package's own modules, wherever it stands."""
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                target = _own(alias.name, package)
                if target is not None:
                    yield target, node.lineno
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.package.split(".") if module.package else []
                if node.level - 1 > len(base):
                    raise AssertionError(f"{module.path}:{node.lineno}: relative import beyond the package")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = _own(node.module or "", package)
                if target is None:
                    continue
            for alias in node.names:
                # `from x import y`: y is a module of its own when there is one, else a name defined in x.
                submodule = f"{target}.{alias.name}" if target else alias.name
                yield (submodule if submodule in modules else target), node.lineno


def _own(name: str, package: str):
    """The package-relative name of an absolute import of the package's own modules, else None."""
    if name == package:
        return ""
    if name.startswith(package + "."):
        return name[len(package) + 1 :]
    return None


def _known(name: str, modules: dict) -> str:
    """The module `name` resolves to: itself, or the nearest package holding it (a name defined there)."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name


def missing_modules(modules: dict) -> list:
    """["path:line: imports name"] for every import of one of the package's modules that does not exist."""
    return sorted({f"{m.path}:{line}: imports {target}" for m in modules.values() for target, line in m.missing})


def forbidden_imports(modules: dict) -> list:
    """["path:line: room imports room (module)"] for every import that crosses the rules."""
    found = []
    for module in modules.values():
        for target, line in module.imports:
            target_room = modules[target].room if target in modules else "top"
            if target_room in FORBIDDEN.get(module.room, ()):
                found.append(f"{module.path}:{line}: {module.room}/ imports {target_room}/ ({target or '__init__'})")
    return sorted(found)


def runs_by_id(modules: dict) -> list:
    """["path:line: ..."] where the core or the dock runs a Processing algorithm by id, or imports QGIS's
    `processing` module to do so."""
    found = []
    for module in modules.values():
        if module.room not in ("plugin", "ui"):
            continue
        for node in ast.walk(module.tree):
            if isinstance(node, ast.Import) and any(a.name.split(".")[0] == "processing" for a in node.names):
                found.append(f"{module.path}:{node.lineno}: imports QGIS's processing module")
            elif isinstance(node, ast.ImportFrom) and not node.level and (node.module or "").startswith("processing"):
                found.append(f"{module.path}:{node.lineno}: imports QGIS's processing module")
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                called, owner = node.func.attr, node.func.value
                by_module = called in MODULE_CALLS and isinstance(owner, ast.Name) and owner.id == "processing"
                if called in REGISTRY_CALLS or by_module:
                    found.append(f"{module.path}:{node.lineno}: runs an algorithm by id ({called})")
    return sorted(found)


def import_graph(modules: dict) -> dict:
    return {name: {target for target, _line in module.imports if target != name} for name, module in modules.items()}


def cycles(modules: dict) -> list:
    """Every import cycle, as the list of its modules' files in import order (the first file again at the
    end), one per group of modules that import each other."""
    graph = import_graph(modules)
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(name: str) -> None:  # Tarjan's strongly connected components
        index[name] = low[name] = len(index)
        stack.append(name)
        on_stack.add(name)
        for target in sorted(graph[name]):
            if target not in index:
                visit(target)
                low[name] = min(low[name], low[target])
            elif target in on_stack:
                low[name] = min(low[name], index[target])
        if low[name] == index[name]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == name:
                    break
            if len(group) > 1:
                groups.append(group)

    for name in sorted(graph):
        if name not in index:
            visit(name)
    return [[modules[name].path for name in _cycle_in(group, graph)] for group in groups]


def _cycle_in(group: set, graph: dict) -> list:
    """One cycle through the group's first module, found by a breadth-first walk inside the group."""
    start = min(group)
    paths = {start: [start]}
    queue = [start]
    while queue:
        name = queue.pop(0)
        for target in sorted(graph[name] & group):
            if target == start:
                return paths[name] + [start]
            if target not in paths:
                paths[target] = paths[name] + [target]
                queue.append(target)
    raise AssertionError(f"no cycle through {start}")


BUILTIN_EXCEPTIONS = {
    name
    for name in dir(builtins)
    if isinstance(getattr(builtins, name), type) and issubclass(getattr(builtins, name), BaseException)
}


def exception_classes(modules: dict) -> list:
    """["path:line: class Name"] for every exception class defined outside plugin/toolbelt/errors.py."""
    classes = []  # (module, node)
    for module in modules.values():
        classes += [(module, node) for node in ast.walk(module.tree) if isinstance(node, ast.ClassDef)]
    exceptions = set(BUILTIN_EXCEPTIONS)
    changed = True
    while changed:  # a class deriving from an exception class is one, whichever module defines it
        changed = False
        for _module, node in classes:
            bases = {_base_name(base) for base in node.bases}
            if node.name not in exceptions and bases & exceptions:
                exceptions.add(node.name)
                changed = True
    return sorted(
        f"{module.path}:{node.lineno}: class {node.name}"
        for module, node in classes
        if node.name in exceptions and module.path != ERRORS_MODULE
    )


def _base_name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


@pytest.fixture(scope="module")
def modules():
    return scan(REPO)


def test_every_own_import_names_an_existing_module(modules):
    """A module moved or removed (plugin/main.py, a source module) leaves no import behind."""
    assert missing_modules(modules) == []


def test_the_layers_import_only_downwards(modules):
    assert forbidden_imports(modules) == []


def test_the_dock_and_the_core_do_not_run_algorithms_by_id(modules):
    assert runs_by_id(modules) == []


def test_no_import_cycle(modules):
    assert cycles(modules) == [], "import cycles (files in import order):\n" + "\n".join(
        " -> ".join(cycle) for cycle in cycles(modules)
    )


def test_exception_classes_live_in_toolbelt_errors(modules):
    assert exception_classes(modules) == []


def test_the_composition_root_is_at_the_top(modules):
    """classFactory (__init__.py) builds the plugin class of main.py, which wires the dock and the provider."""
    assert "main" in {target for target, _line in modules[""].imports}
    assert {"ui.dock", "ui.options", "processing.provider"} <= {target for target, _line in modules["main"].imports}
    assert not [name for name in modules if name.endswith(".main")], "the plugin class lives in main.py only"


# -- the checks themselves, on a small package made for them -------------------------------------------------

SYNTHETIC = {
    "__init__.py": """
        def classFactory(iface):
            from .main import Plugin
            return Plugin(iface)
    """,
    "main.py": """
        from .ui import dock
        from .processing import provider
    """,
    "plugin/__init__.py": "",
    "plugin/toolbelt/__init__.py": "",
    "plugin/toolbelt/errors.py": """
        class OpenTerritoryError(Exception):
            pass
        class InputError(OpenTerritoryError):
            pass
    """,
    "plugin/leaks.py": """
        from ..ui.dock import Dock
    """,
    "plugin/first.py": """
        from . import second
    """,
    "plugin/second.py": """
        def late():
            from .third import value
            return value
    """,
    "plugin/third.py": """
        from typing import TYPE_CHECKING
        if TYPE_CHECKING:
            from open_territory.plugin.first import x
    """,
    "plugin/own_error.py": """
        from .toolbelt.errors import InputError
        class RowError(InputError):
            pass
    """,
    "plugin/builtin_error.py": """
        class Stop(ValueError):
            pass
        class Later(Stop):
            pass
    """,
    "plugin/uses_root.py": """
        from .. import main
        from ..plugin.main import PLUGIN_DIR
    """,
    "processing/__init__.py": "",
    "processing/provider.py": """
        import open_territory.ui.dock
    """,
    "ui/__init__.py": "",
    "ui/dock.py": """
        class Dock:
            def run(self, registry):
                return registry.createAlgorithmById("x:y")
    """,
    "ui/planning.py": """
        def run():
            import processing
            from ..processing import provider
            processing.run("x:y", {})
    """,
}


def make_package(root, files: dict) -> str:
    for path, text in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return str(root)


def test_the_checks_find_what_breaks_the_rules(tmp_path):
    modules = scan(make_package(tmp_path, SYNTHETIC))
    assert missing_modules(modules) == ["plugin/uses_root.py:2: imports plugin.main"]
    assert forbidden_imports(modules) == [
        "plugin/leaks.py:1: plugin/ imports ui/ (ui.dock)",
        "plugin/uses_root.py:1: plugin/ imports top/ (main)",
        "processing/provider.py:1: processing/ imports ui/ (ui.dock)",
        "ui/planning.py:3: ui/ imports processing/ (processing.provider)",
    ]
    assert runs_by_id(modules) == [
        "ui/dock.py:3: runs an algorithm by id (createAlgorithmById)",
        "ui/planning.py:2: imports QGIS's processing module",
        "ui/planning.py:4: runs an algorithm by id (run)",
    ]
    # A cycle through a function-level import and one under TYPE_CHECKING (an absolute import) is one.
    assert cycles(modules) == [["plugin/first.py", "plugin/second.py", "plugin/third.py", "plugin/first.py"]]
    assert exception_classes(modules) == [
        "plugin/builtin_error.py:1: class Stop",
        "plugin/builtin_error.py:3: class Later",
        "plugin/own_error.py:2: class RowError",
    ]


def test_the_checks_pass_a_package_that_keeps_the_rules(tmp_path):
    files = {path: text for path, text in SYNTHETIC.items() if path.startswith(("__init__", "main", "plugin/toolbelt"))}
    files.update(
        {
            "plugin/__init__.py": "",
            "plugin/core.py": """
                from .toolbelt.errors import InputError
                def load():
                    raise InputError("x")
            """,
            "processing/__init__.py": "",
            "processing/provider.py": """
                import processing
                from ..plugin.core import load
            """,
            "ui/__init__.py": "",
            "ui/dock.py": "from open_territory.plugin import core\n",
        }
    )
    modules = scan(make_package(tmp_path, files))
    assert missing_modules(modules) == [] and forbidden_imports(modules) == [] and runs_by_id(modules) == []
    assert cycles(modules) == [] and exception_classes(modules) == []

"""The import graph of the project's modules, its cycles and its layering rules:
``python tools/import_graph.py [--quiet] [folder]`` (default: the whole repository).

Every import of a module of the tree counts: relative ones at any level (``from ..x import y``,
``from . import x``) and absolute ones (``from backend import x``), inside functions too (a lazy
import is still a dependency), except those under ``if TYPE_CHECKING:``, which never run.
Modules are named by their dotted path under the folder given (``backend.raster``, or ``raster``
for the folder ``backend``). Two rules keep the layers where ``docs/architecture.md`` puts them:

- the model modules (:data:`MODEL_MODULES`) never import osgeo, by themselves or through the
  backend modules they import: a model runs where GDAL is not installed;
- the torch-free modules (:data:`TORCH_FREE_MODULES`) never import torch at module top, by
  themselves or through what they import there: the QGIS plugin imports them while it loads,
  before it knows whether PyTorch is installed.

Exits 1 when there is a cycle or a rule is broken.
"""
from __future__ import annotations

import ast
import sys
from pathlib import Path

#: The model room: the architecture, its runtime, checkpoints, embeddings, probes, the catalogue.
MODEL_MODULES = ("model", "runtime", "device", "checkpoint", "embed", "probe", "catalogue", "download")
#: Modules the plugin imports before it knows whether PyTorch is installed: the facts, the GDAL
#: input and output, and what the dialog and the toolbox read while they are built.
TORCH_FREE_MODULES = ("landsat", "tokens", "classes", "metadata", "errors", "paths", "progress", "memory",
                      "options", "geo", "mtl", "product", "acquisition", "pixel_quality", "scene", "files",
                      "map_writer", "tiling", "embed", "catalogue", "probe", "device", "raster")


def module_name(path: Path, root: Path) -> str:
    """``backend/raster.py`` → ``backend.raster``; a package's ``__init__.py`` → the package
    (``__init__`` for the root folder's own)."""
    parts = path.relative_to(root).with_suffix("").parts
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


def _package_of(path: Path, name: str) -> str:
    if path.name == "__init__.py":
        return "" if name == "__init__" else name
    return name.rpartition(".")[0]


def _type_checking_nodes(tree: ast.AST) -> set:
    return {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
            and getattr(node.test, "id", "") == "TYPE_CHECKING" for n in ast.walk(node)}


def _imported(node: ast.AST, package: str) -> list:
    """(module, names) of an import statement: ``import a.b`` → ("a.b", ()); ``from .x import y``
    → ("<package>.x", ("<package>.x.y",)), relative modules resolved from ``package``."""
    if isinstance(node, ast.Import):
        return [(alias.name, ()) for alias in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    if node.level:
        base = package.split(".") if package else []
        base = base[:len(base) - (node.level - 1)] if node.level > 1 else base
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    return [(target, tuple(f"{target}.{alias.name}" if target else alias.name for alias in node.names))]


def module_imports(path: Path, root: Path, top_only: bool = False) -> list:
    """Every import of ``path`` as (module, names) (:func:`_imported`); ``top_only``: only those
    that run when the module is imported (not in functions, not under TYPE_CHECKING)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = _type_checking_nodes(tree)
    package = _package_of(path, module_name(path, root))
    nodes = tree.body if top_only else ast.walk(tree)
    return [found for node in nodes if id(node) not in skipped for found in _imported(node, package)]


#: Folders of the tree that hold no source: what runs and builds leave behind.
NOT_SOURCE = ("out", "dist", "build", "__pycache__")


def _source(path: Path, root: Path) -> bool:
    return not any(part.startswith(".") or part in NOT_SOURCE for part in path.relative_to(root).parts)


def _files(root: Path) -> list:
    return sorted(p for p in root.rglob("*.py") if _source(p, root))


def _modules_named(imports: list, modules: set) -> set:
    """The modules of the tree that imports name: ``from pkg import sub`` names the submodule
    ``pkg.sub``, and ``pkg`` itself (its ``__init__``) only for a name that is no submodule."""
    found = set()
    for target, names in imports:
        subs = [n for n in names if n in modules]
        found.update(subs)
        if len(subs) < len(names) or not names:
            found.add(target or "__init__")
    return found & modules


def import_graph(root: Path, top_only: bool = False) -> dict:
    """Module → the modules of the tree under ``root`` it imports."""
    files = _files(root)
    modules = {module_name(p, root) for p in files}
    graph = {}
    for path in files:
        name = module_name(path, root)
        graph[name] = sorted(_modules_named(module_imports(path, root, top_only), modules) - {name})
    return graph


def cycles(graph: dict) -> list:
    """Every cycle, as the list of its modules from its alphabetically first one."""
    found = set()

    def walk(start: str, node: str, path: list) -> None:
        for nxt in graph.get(node, ()):
            if nxt == start:
                i = path.index(min(path))
                found.add(tuple(path[i:] + path[:i]))
            elif nxt not in path:
                walk(start, nxt, [*path, nxt])

    for module in graph:
        walk(module, module, [module])
    return sorted(found)


def reached(graph: dict, start: str) -> list:
    """``start`` and every module it imports, directly or through others, in a stable order."""
    seen, todo = [start], [start]
    while todo:
        for nxt in graph.get(todo.pop(), ()):
            if nxt not in seen:
                seen.append(nxt)
                todo.append(nxt)
    return seen


def _direct(root: Path, top_only: bool) -> dict:
    """Module → every module it imports by name (third-party ones included)."""
    return {module_name(p, root): {target for target, _ in module_imports(p, root, top_only)}
            for p in _files(root)}


def broken_rules(backend: Path) -> list:
    """The layering rules (module docstring) that the backend folder ``backend`` breaks, in words."""
    problems = []
    rules = ((False, MODEL_MODULES, "osgeo", "imports osgeo"),
             (True, TORCH_FREE_MODULES, "torch", "imports torch at module top"))
    for top_only, modules, banned, why in rules:
        graph, names = import_graph(backend, top_only), _direct(backend, top_only)
        for module in modules:
            for through in reached(graph, module):
                if any(n == banned or n.startswith(banned + ".") for n in names.get(through, ())):
                    via = "" if through == module else f" (through {through})"
                    problems.append(f"{module} {why}{via}")
                    break
    return problems


def main(argv: list) -> int:
    """``[--quiet] [folder]``: the graph (``--quiet``: only its cycles and the rules), exit 1 when
    there is a cycle or a broken rule."""
    quiet = "--quiet" in argv
    folders = [a for a in argv if a != "--quiet"]
    repo = Path(__file__).resolve().parent.parent
    root = Path(folders[0]) if folders else repo
    graph = import_graph(root)
    for module, imports in ([] if quiet else graph.items()):
        print(f"{module}: {', '.join(imports) or '-'}")
    loops = cycles(graph)
    print("cycles: " + ("; ".join(" → ".join((*c, c[0])) for c in loops) if loops else "none"))
    problems = broken_rules(repo / "backend")
    print("rules: " + ("; ".join(problems) if problems else "kept"))
    return 1 if loops or problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The import graph of a package's modules, and its cycles: ``python tools/import_graph.py [backend]``.

Every ``from .x import …`` counts, inside functions too (a lazy import is still a dependency),
except those under ``if TYPE_CHECKING:``, which never run. Exits 1 when there is a cycle.
"""
from __future__ import annotations

import ast
import sys
from pathlib import Path


def module_imports(path: Path) -> set:
    """The sibling modules that ``path`` imports (relative imports of one level)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_checking = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If)
                     and getattr(node.test, "id", "") == "TYPE_CHECKING" for n in ast.walk(node)}
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1 and id(node) not in type_checking:
            found.update([node.module.split(".")[0]] if node.module else [a.name for a in node.names])
    return found


def import_graph(package: Path) -> dict:
    modules = {p.stem for p in package.glob("*.py")}
    return {p.stem: sorted(module_imports(p) & modules - {p.stem}) for p in sorted(package.glob("*.py"))}


def cycles(graph: dict) -> list:
    """Every cycle, as the list of its modules from its alphabetically first one."""
    found = set()

    def walk(start: str, node: str, path: list) -> None:
        for nxt in graph.get(node, ()):
            if nxt == start:
                i = path.index(min(path))
                found.add(tuple(path[i:] + path[:i]))
            elif nxt not in path:
                walk(start, nxt, path + [nxt])

    for module in graph:
        walk(module, module, [module])
    return sorted(found)


def main(argv: list) -> int:
    package = Path(argv[0] if argv else Path(__file__).resolve().parent.parent / "backend")
    graph = import_graph(package)
    for module, imports in graph.items():
        print(f"{module}: {', '.join(imports) or '-'}")
    loops = cycles(graph)
    print("cycles: " + ("; ".join(" → ".join(c + (c[0],)) for c in loops) if loops else "none"))
    return 1 if loops else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The house rules that a reviewer would otherwise check by eye: no import cycles, typed public
functions in the backend, functions that fit on a screen. (The lint gate runs before the tests:
`make lint`, ruff with the rules of pyproject.toml.)"""
import ast
import importlib.util

import pytest

from helpers import REPO

spec = importlib.util.spec_from_file_location("import_graph", REPO / "tools" / "import_graph.py")
import_graph = importlib.util.module_from_spec(spec)
spec.loader.exec_module(import_graph)

#: Lines a function may take: one screen.
MAX_FUNCTION_LINES = 50


@pytest.mark.parametrize("package", ["backend", "moemae_qgis", "moemae_qgis/algorithms"])
def test_no_import_cycles(package):
    graph = import_graph.import_graph(REPO / package)
    assert len(graph) > 3
    assert import_graph.cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle(tmp_path):
    (tmp_path / "a.py").write_text("def f():\n    from .b import g\n")
    (tmp_path / "b.py").write_text("from .c import h\n")
    (tmp_path / "c.py").write_text("from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n"
                                   "    from .b import x\nfrom . import a\n")
    assert import_graph.cycles(import_graph.import_graph(tmp_path)) == [("a", "b", "c")]


def functions(folder: str):
    for path in sorted((REPO / folder).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                methods = [item for item in node.body if isinstance(item, ast.FunctionDef)]
                yield from ((path, node.name + ".", method) for method in methods)
            elif isinstance(node, ast.FunctionDef):
                yield path, "", node


def test_public_backend_functions_have_type_hints():
    missing = []
    for path, owner, fn in functions("backend"):
        if fn.name.startswith("_") and fn.name != "__init__" or owner.startswith("_"):
            continue
        arguments = fn.args.posonlyargs + fn.args.args + fn.args.kwonlyargs
        untyped = [a.arg for a in arguments if a.annotation is None and a.arg not in ("self", "cls")]
        if untyped or (fn.returns is None and fn.name != "__init__"):
            missing.append(f"{path.relative_to(REPO)}:{fn.lineno} {owner}{fn.name} {untyped or 'return'}")
    assert not missing, "\n".join(missing)


def test_functions_fit_on_a_screen():
    long = [f"{path.relative_to(REPO)}:{fn.lineno} {owner}{fn.name}: {fn.end_lineno - fn.lineno + 1} lines"
            for folder in ("backend", "moemae_qgis") for path, owner, fn in functions(folder)
            if fn.end_lineno - fn.lineno + 1 > MAX_FUNCTION_LINES]
    assert not long, "\n".join(long)

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


@pytest.mark.parametrize("package", [".", "backend", "moemae_qgis", "moemae_qgis/algorithms"])
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
        if (fn.name.startswith("_") and fn.name != "__init__") or owner.startswith("_"):
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


def test_the_whole_tree_is_searched_and_every_relative_import_followed(tmp_path):
    (tmp_path / "pkg" / "sub").mkdir(parents=True)
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "a.py").write_text("from .sub import b\n")
    (tmp_path / "pkg" / "sub" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "sub" / "b.py").write_text("def f():\n    from .. import a\n")
    (tmp_path / "tool.py").write_text("from pkg.sub import b\n")
    graph = import_graph.import_graph(tmp_path)
    assert graph["tool"] == ["pkg.sub.b"] and graph["pkg.a"] == ["pkg.sub.b"]
    assert import_graph.cycles(graph) == [("pkg.a", "pkg.sub.b")]


def test_the_backend_keeps_its_layering_rules():
    assert import_graph.broken_rules(REPO / "backend") == []


def test_the_layering_rules_find_osgeo_in_a_model_module_and_torch_atop_a_torch_free_one(tmp_path):
    (tmp_path / "model.py").write_text("def f():\n    from .geo import g\n")  # lazily, through geo
    (tmp_path / "geo.py").write_text("from osgeo import gdal\n")
    (tmp_path / "landsat.py").write_text("import torch\n")
    (tmp_path / "tokens.py").write_text("from . import landsat\n")  # at its top, through landsat
    (tmp_path / "errors.py").write_text("def f():\n    import torch\n")  # inside a function: allowed
    assert import_graph.broken_rules(tmp_path) == [
        "model imports osgeo (through geo)", "landsat imports torch at module top",
        "tokens imports torch at module top (through landsat)"]

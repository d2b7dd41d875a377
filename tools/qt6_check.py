"""Qt 6 / QGIS 4 readiness of the plugin's code: the rules of QGIS's ``pyqt5_to_pyqt6`` script, as checks.

QGIS 4 runs PyQt6, which drops what PyQt5 tolerated. The QGIS project's migration script
(``scripts/pyqt5_to_pyqt6/pyqt5_to_pyqt6.py`` in its repository) rewrites code for it; it is not
published on the package index and needs PyQt6 itself to know the enums, so this tool checks the
same rules against what QGIS 3.22 and PyQt5 already accept, and only reports (the fix is ours):

- enums by their full scope: ``Qt.AlignmentFlag.AlignLeft``, not ``Qt.AlignLeft`` (found by
  resolving each ``Class.Member`` of an imported Qt or QGIS class and asking whether the member
  is an enum value: PyQt6 removed the unscoped names);
- ``exec()``, not ``exec_()`` (calls and definitions);
- imports through ``qgis.PyQt``, never ``PyQt5``/``PyQt6`` directly, nor ``qgis.PyQt.Qt``;
- ``QAction``, ``QActionGroup`` and ``QShortcut`` live in QtGui in Qt 6: import them where both
  versions have them (see ``moemae_qgis/qt_compat.py``);
- what Qt 6 removed: ``QRegExp``, ``qApp``, ``QDesktopWidget``/``desktop()``,
  ``QFontMetrics.width()``, ``activated[str]``, compiled ``resources_rc``, and the four enums Qt
  renamed (``Qt.MidButton`` and the like).

Enums reached through an instance (``widget.NoWrap``) cannot be resolved statically and are not
checked; the house style spells enums through their class.

    python tools/qt6_check.py moemae_qgis      # exit 1 and one line per finding
"""
from __future__ import annotations

import argparse
import ast
import enum
import importlib
import sys
from pathlib import Path

#: Modules whose classes' enums are checked (imported by name or as modules).
CHECKED_MODULES = ("qgis.PyQt.", "qgis.core", "qgis.gui", "qgis.analysis")
#: Qt 5 names Qt 6 renamed: (class, old) → the scoped new name (from the migration script's table).
RENAMED_ENUMS = {("Qt", "MidButton"): "Qt.MouseButton.MiddleButton",
                 ("Qt", "TextColorRole"): "Qt.ItemDataRole.ForegroundRole",
                 ("Qt", "BackgroundColorRole"): "Qt.ItemDataRole.BackgroundRole",
                 ("QPainter", "HighQualityAntialiasing"): "QPainter.RenderHint.Antialiasing"}
REMOVED_NAMES = {"QRegExp": "QRegExp is gone in Qt 6: use QRegularExpression",
                 "qApp": "qApp is gone in Qt 6: use QApplication.instance()",
                 "QDesktopWidget": "QDesktopWidget is gone in Qt 6: use QScreen",
                 "resources_rc": "compiled resources are gone in Qt 6: load icons by file path"}
FONT_METRICS = ("fontMetrics", "QFontMetrics", "QFontMetricsF")
MOVED_TO_QTGUI = {"QAction", "QActionGroup", "QShortcut"}
SCOPED_ENUM_HINT = "PyQt6 has no unscoped enum names"


def is_enum_member(owner, name: str) -> str | None:
    """The enum's name when ``owner.name`` is a value of an enum nested in ``owner`` (or a base)."""
    try:
        value = getattr(owner, name)
    except AttributeError:
        return None
    kind = type(value)
    if isinstance(value, (bool, float, str)) or kind is int or isinstance(value, type):
        return None
    sip_enum = type(kind).__name__ in ("enumtype", "EnumType") or isinstance(value, enum.Enum)
    if sip_enum and getattr(owner, kind.__name__, None) is kind and kind.__name__ != name:
        return kind.__name__
    return None


class Checker(ast.NodeVisitor):
    """Collects ``(line, message)`` findings of one module."""

    def __init__(self):
        self.names: dict[str, object] = {}  # local name → the object it was imported as
        self.findings: list[tuple[int, str]] = []

    def report(self, node, message: str) -> None:
        self.findings.append((node.lineno, message))

    def visit_Import(self, node):
        for alias in node.names:
            if alias.name.split(".")[0] in ("PyQt5", "PyQt6", "PySide2", "PySide6"):
                self.report(node, f"import {alias.name}: import through qgis.PyQt")
            elif alias.asname and alias.name.startswith(CHECKED_MODULES):
                self.names[alias.asname] = _module(alias.name)

    def visit_ImportFrom(self, node):
        module = node.module or ""
        if module.split(".")[0] in ("PyQt5", "PyQt6", "PySide2", "PySide6"):
            self.report(node, f"from {module} import …: import through qgis.PyQt")
        if module == "qgis.PyQt.Qt":
            self.report(node, "qgis.PyQt.Qt is gone in Qt 6: import Qt from qgis.PyQt.QtCore")
        for alias in node.names:
            self._imported_name(node, module, alias)

    def _imported_name(self, node, module: str, alias) -> None:
        if alias.name in REMOVED_NAMES:
            self.report(node, REMOVED_NAMES[alias.name])
        if alias.name in MOVED_TO_QTGUI and module == "qgis.PyQt.QtWidgets" and not _guarded(node):
            self.report(node, f"{alias.name} is in QtGui in Qt 6: import it from moemae_qgis.qt_compat")
        source = f"{module}.{alias.name}" if module == "qgis.PyQt" else module
        if (node.level == 0 and (source + ".").startswith(CHECKED_MODULES)) or source in CHECKED_MODULES:
            owner = _module(source) if module == "qgis.PyQt" else getattr(_module(module), alias.name, None)
            if owner is not None:
                self.names[alias.asname or alias.name] = owner
        self.generic_visit(node)

    def visit_FunctionDef(self, node):
        if node.name == "exec_":
            self.report(node, "def exec_: Qt 6 calls exec()")
        self.generic_visit(node)

    def visit_Name(self, node):
        if node.id in ("qApp", "QDesktopWidget", "QRegExp"):
            self.report(node, REMOVED_NAMES[node.id])

    def visit_Attribute(self, node):
        self._attribute_rules(node)
        owner = self._resolve(node.value)
        if owner is not None and isinstance(owner, type):
            scope = is_enum_member(owner, node.attr)
            dotted = _dotted(node.value)
            if (dotted, node.attr) in RENAMED_ENUMS:
                self.report(node, f"{dotted}.{node.attr} is {RENAMED_ENUMS[(dotted, node.attr)]} in Qt 6")
            elif scope:
                self.report(node, f"{dotted}.{node.attr}: write {dotted}.{scope}.{node.attr} "
                                  f"({SCOPED_ENUM_HINT})")
        self.generic_visit(node)

    def _attribute_rules(self, node) -> None:
        if node.attr == "exec_":
            self.report(node, ".exec_(): Qt 6 has only exec()")
        elif node.attr == "desktop" and isinstance(node.value, ast.Name):
            self.report(node, "QApplication.desktop() is gone in Qt 6: use QScreen")
        elif node.attr == "width" and isinstance(node.value, ast.Call) \
                and _dotted(node.value.func).split(".")[-1] in FONT_METRICS:
            self.report(node, "QFontMetrics.width() is gone in Qt 6: use horizontalAdvance()")

    def visit_Subscript(self, node):
        if isinstance(node.value, ast.Attribute) and node.value.attr == "activated" \
                and isinstance(node.slice, ast.Name) and node.slice.id == "str":
            self.report(node, "activated[str] is gone in Qt 6: use textActivated")
        self.generic_visit(node)

    def _resolve(self, node):
        """The object a dotted expression of imported names stands for, or None."""
        if isinstance(node, ast.Name):
            return self.names.get(node.id)
        if isinstance(node, ast.Attribute):
            owner = self._resolve(node.value)
            return None if owner is None else getattr(owner, node.attr, None)
        return None


def _module(name: str):
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def _dotted(node) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return "…"


def _guarded(node) -> bool:
    """An import inside ``try``/``except ImportError``: the Qt 5 fallback of a compatibility import."""
    return getattr(node, "in_import_fallback", False)


def _mark_fallbacks(tree: ast.AST) -> None:
    for node in ast.walk(tree):
        if isinstance(node, ast.Try) and any(_catches_import_error(h) for h in node.handlers):
            for handler in node.handlers:
                for inner in ast.walk(handler):
                    inner.in_import_fallback = True


def _catches_import_error(handler: ast.ExceptHandler) -> bool:
    names = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(isinstance(n, ast.Name) and n.id in ("ImportError", "ModuleNotFoundError") for n in names)


def check_source(source: str, filename: str = "<source>") -> list[tuple[int, str]]:
    tree = ast.parse(source, filename=filename)
    _mark_fallbacks(tree)
    checker = Checker()
    checker.visit(tree)
    return sorted(checker.findings)


def check_paths(paths: list[Path]) -> list[str]:
    """``path:line: message`` for every finding in the ``.py`` files under ``paths``."""
    files = sorted(f for p in paths for f in ([p] if p.is_file() else p.rglob("*.py")))
    return [f"{path}:{line}: {message}" for path in files
            for line, message in check_source(path.read_text(encoding="utf-8"), str(path))]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    findings = check_paths(parser.parse_args(argv).paths)
    for finding in findings:
        print(finding)
    print(f"qt6_check: {len(findings)} finding(s)", file=sys.stderr)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())

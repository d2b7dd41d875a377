"""What plugins.qgis.org and QGIS 4 will check, checked here first: the Qt 6 migration rules over the
plugin's code (tools/qt6_check.py), and the repository's security scan of the packaged zip
(tools/scan_package.py)."""
import importlib.util
import textwrap

import pytest

from helpers import REPO


def load_tool(name: str):
    spec = importlib.util.spec_from_file_location(name, REPO / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


qt6_check = load_tool("qt6_check")

QT5_ONLY = textwrap.dedent("""\
    from qgis.core import Qgis, QgsProcessing, QgsTask
    from qgis.PyQt import QtCore
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QAction, QMessageBox
    from PyQt5.QtGui import QColor
    a = Qt.AlignLeft
    b = QMessageBox.Yes
    c = Qgis.Info
    d = QgsTask.CanCancel
    e = QtCore.Qt.AlignRight
    dialog.exec_()
    f = QgsProcessing.TypeRaster
    g = Qt.MidButton
    h = widget.fontMetrics().width("x")
    combo.activated[str].connect(print)
    """)
QT6_READY = textwrap.dedent("""\
    from qgis.core import Qgis, QgsTask
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QMessageBox
    try:
        from qgis.PyQt.QtGui import QAction
    except ImportError:
        from qgis.PyQt.QtWidgets import QAction
    a = Qt.AlignmentFlag.AlignLeft
    b = QMessageBox.StandardButton.Yes
    c = Qgis.MessageLevel.Info
    d = QgsTask.Flag.CanCancel
    dialog.exec()
    h = widget.fontMetrics().horizontalAdvance("x")
    """)


def test_qt6_check_finds_each_qt5_only_spelling():
    findings = dict(qt6_check.check_source(QT5_ONLY))
    assert "QAction is in QtGui" in findings[4]
    assert "import through qgis.PyQt" in findings[5]
    assert findings[6].startswith("Qt.AlignLeft: write Qt.AlignmentFlag.AlignLeft")
    assert "QMessageBox.StandardButton.Yes" in findings[7]
    assert "Qgis.MessageLevel.Info" in findings[8]
    assert "QgsTask.Flag.CanCancel" in findings[9]
    assert "QtCore.Qt.AlignmentFlag.AlignRight" in findings[10]
    assert "exec()" in findings[11]
    assert "QgsProcessing.SourceType.TypeRaster" in findings[12]
    assert "Qt.MouseButton.MiddleButton" in findings[13]
    assert "horizontalAdvance" in findings[14]
    assert "textActivated" in findings[15]
    assert sorted(findings) == list(range(4, 16))


def test_qt6_check_accepts_what_both_qt_versions_run():
    assert qt6_check.check_source(QT6_READY) == []


def test_the_plugin_code_is_ready_for_qt6():
    assert qt6_check.check_paths([REPO / "moemae_qgis"]) == []


def test_the_compatibility_names_are_what_qgis_3_22_runs(qgis_app):
    from qgis.core import QgsProcessingParameterDefinition, QgsProcessingParameterNumber

    from moemae_qgis.qt_compat import HIDDEN_PARAMETER, QAction

    action = QAction("x", None)
    assert action.text() == "x"
    hidden = QgsProcessingParameterNumber("N", "n")
    hidden.setFlags(hidden.flags() | QgsProcessingParameterDefinition.Flag.FlagHidden)
    assert hidden.flags() & HIDDEN_PARAMETER
    assert not QgsProcessingParameterNumber("M", "m").flags() & HIDDEN_PARAMETER


@pytest.mark.parametrize("spelling", ["import PyQt5.QtCore", "from PyQt6.QtCore import Qt"])
def test_direct_pyqt_imports_are_refused(spelling):
    assert "qgis.PyQt" in qt6_check.check_source(spelling + "\n")[0][1]

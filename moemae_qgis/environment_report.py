"""*Check environment…*: the report of ``moemae:checkenvironment``, shown at once.

The check takes a second, so it runs as soon as the menu entry is chosen, and its report comes in
a window of its own with a Copy report button (for a bug report: the check, then the versions,
settings, model hashes and last error of :mod:`.diagnostics`), not behind a Processing dialog that
waits for Run.
"""
from __future__ import annotations

from qgis.core import QgsApplication, QgsProcessingContext
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QFontDatabase, QGuiApplication
from qgis.PyQt.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

from .i18n import tr
from .product_layer import ErrorsFeedback
from .provider import PROVIDER_ID


def check_environment() -> tuple[str, bool]:
    """(report, ready): the algorithm's REPORT and READY, or its error and False."""
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(f"{PROVIDER_ID}:checkenvironment")
    if algorithm is None:
        return tr("The Processing provider of MoE-MAE is not loaded: re-enable or reinstall the plugin."), \
            False
    feedback = ErrorsFeedback()
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # importing PyTorch can take a moment
    try:
        results, ok = algorithm.run({}, QgsProcessingContext(), feedback)
    finally:
        QApplication.restoreOverrideCursor()
    if not ok:
        why = feedback.errors[-1] if feedback.errors else feedback.textLog()
        return tr("The check failed: {}").format(why), False
    return results["REPORT"], bool(results["READY"])


class EnvironmentReport(QDialog):
    """The report, selectable, in a fixed-width font (its columns align), with Copy and Close."""

    def __init__(self, report: str, ready: bool, parent=None):
        super().__init__(parent)
        self.setObjectName("moemaeEnvironmentReport")
        self.setWindowTitle(tr("MoE-MAE: environment"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.report = report
        verdict = QLabel(tr("Everything MoE-MAE needs is installed.") if ready else
                         tr("Some Python packages MoE-MAE needs are missing: use Install missing Python "
                            "packages… in the plugin's menu."), self)
        verdict.setObjectName("verdict")
        verdict.setWordWrap(True)
        self.text = QPlainTextEdit(report, self)
        self.text.setObjectName("report")
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton(tr("Copy report"), QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.setObjectName("copy")
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(verdict)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        width = self.text.fontMetrics().horizontalAdvance("x") * 90
        self.resize(width, 20 * self.text.fontMetrics().lineSpacing())

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.report)
        self.copy_button.setText(tr("Copied"))


def show_environment_report(parent) -> EnvironmentReport:
    """Run the check now and show its report (a window that does not block QGIS)."""
    from .diagnostics import report_sections

    report, ready = check_environment()
    window = EnvironmentReport(f"{report}\n\n{report_sections()}", ready, parent)
    window.show()
    window.raise_()
    return window

"""``moemae:checkenvironment``: what this QGIS's Python has for MoE-MAE, and which devices."""
from qgis.core import QgsProcessingOutputBoolean, QgsProcessingOutputString

from ..backend_loader import load_backend
from .base import MoeMaeAlgorithm


class CheckEnvironmentAlgorithm(MoeMaeAlgorithm):
    REPORT = "REPORT"
    READY = "READY"
    NAME, DISPLAY_NAME, GROUP, GROUP_ID = "checkenvironment", "Check environment", "Set-up", "setup"
    SHORT_DESCRIPTION = "Which Python packages and devices MoE-MAE finds in this QGIS."
    HELP_SECTIONS = ("gpu-use",)

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS's name
        self.addOutput(QgsProcessingOutputString(self.REPORT, self.tr("Report")))
        self.addOutput(QgsProcessingOutputBoolean(self.READY, self.tr("All required packages present")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        report = load_backend("environment").collect()
        lines = report.lines()
        for line in lines:
            feedback.pushInfo(line)
        for missing in report.missing:
            feedback.pushWarning(self.tr("{} is missing: {}").format(missing.package, missing.error))
        return {self.REPORT: "\n".join(lines), self.READY: not report.missing}

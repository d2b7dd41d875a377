"""``moemae:checkenvironment``: what this QGIS's Python has for MoE-MAE, and which devices."""
from qgis.core import (QgsProcessingAlgorithm, QgsProcessingOutputBoolean,
                       QgsProcessingOutputString)

from ..backend_loader import load_backend


class CheckEnvironmentAlgorithm(QgsProcessingAlgorithm):
    REPORT = "REPORT"
    READY = "READY"

    def name(self):
        return "checkenvironment"

    def displayName(self):
        return "Check environment"

    def group(self):
        return "Set-up"

    def groupId(self):
        return "setup"

    def shortHelpString(self):
        return ("Reports the Python packages MoE-MAE needs (PyTorch, scikit-learn, platformdirs) "
                "and their versions, the devices PyTorch sees (CUDA GPUs by name, Apple MPS, the "
                "CPU), and the folders where user models and the plugin's own packages live. "
                "READY is false when a package is missing; the plugin's menu offers to install it.")

    def createInstance(self):
        return CheckEnvironmentAlgorithm()

    def initAlgorithm(self, config=None):
        self.addOutput(QgsProcessingOutputString(self.REPORT, "Report"))
        self.addOutput(QgsProcessingOutputBoolean(self.READY, "All required packages present"))

    def processAlgorithm(self, parameters, context, feedback):
        report = load_backend("environment").collect()
        lines = report.lines()
        for line in lines:
            feedback.pushInfo(line)
        for missing in report.missing:
            feedback.pushWarning(f"{missing.package} is missing: {missing.error}")
        return {self.REPORT: "\n".join(lines), self.READY: not report.missing}

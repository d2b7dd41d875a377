"""*Add Landsat product…* (the menu and the dialog): a product as downloaded → a styled layer.

Runs the same ``moemae:loadproduct`` algorithm as the toolbox (it writes a small VRT, so it runs
at once, in the foreground) and adds its layer to the project, drawn in natural colour with its
acquisition as the temporal range.
"""
from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsRasterLayer,
)
from qgis.PyQt.QtWidgets import QFileDialog

from .algorithms.loadproduct import PRODUCT_FILTER, style_product_layer
from .backend_loader import load_backend
from .i18n import tr
from .provider import PROVIDER_ID

#: Also offered in the file dialog: any band file of an unpacked product stands for its folder.
BAND_FILTER = "Landsat band file, for its product's folder (*_SR_B*.TIF *_QA_PIXEL.TIF)"


class ErrorsFeedback(QgsProcessingFeedback):
    """A feedback that keeps the errors reported to it, to show the user the last one."""

    def __init__(self):
        super().__init__()
        self.errors = []

    def reportError(self, error, fatalError=False):  # noqa: N802, N803 - QGIS's names
        self.errors.append(error)
        super().reportError(error, fatalError)


def choose_product(parent) -> str | None:
    """Ask for a product: its MTL file, its .tar, or any band file (standing for its folder)."""
    path, _ = QFileDialog.getOpenFileName(parent, tr("Add Landsat product"), "",
                                          f"{tr(PRODUCT_FILTER.split(';;')[0])};;{tr(BAND_FILTER)};;"
                                          f"{tr('All files (*)')}")
    return path or None


def add_product_layer(path: str, project) -> QgsRasterLayer:
    """Run ``moemae:loadproduct`` on ``path`` and add the product's layer to ``project``.
    Raises ``QgsProcessingException`` with the algorithm's own message when it fails."""
    if Path(path).suffix.upper() == ".TIF":  # a band file of an unpacked product: its folder
        path = str(Path(path).parent)
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(f"{PROVIDER_ID}:loadproduct")
    context = QgsProcessingContext()
    context.setProject(project)
    feedback = ErrorsFeedback()
    results, ok = algorithm.run({"INPUT": path}, context, feedback)
    if not ok:
        raise QgsProcessingException(feedback.errors[-1] if feedback.errors
                                     else tr("the product cannot be read"))
    layer = QgsRasterLayer(results["OUTPUT"], results["PRODUCT_ID"], "gdal")
    if not layer.isValid():
        raise QgsProcessingException(tr("QGIS cannot open {}").format(results["OUTPUT"]))
    acquired = results["ACQUISITION"]
    when = load_backend("acquisition").parse_when(acquired) if acquired else None
    style_product_layer(layer, when)
    project.addMapLayer(layer)
    return layer

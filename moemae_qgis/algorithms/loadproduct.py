"""``moemae:loadproduct``: a Landsat product as USGS delivers it → one layer, in natural colour.

The backend finds the product's files (``backend.product``) and writes a VRT that stacks
SR_B1…SR_B7 and QA_PIXEL without copying a pixel; QGIS loads it named by the product id, drawn
in natural colour (SR_B4, SR_B3, SR_B2, cumulative-cut stretch), with its temporal range set
to the acquisition in the MTL. Classifying that layer then reads its date and QA_PIXEL.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from qgis.core import (
    QgsContrastEnhancement,
    QgsDateTimeRange,
    QgsMultiBandColorRenderer,
    QgsProcessingOutputString,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsRasterLayerTemporalProperties,
    QgsRasterMinMaxOrigin,
)
from qgis.PyQt.QtCore import QDateTime, Qt

from ..backend_loader import load_backend
from .base import KeptPostProcessor, MoeMaeAlgorithm, backend_errors, backend_or_explain

#: The natural-colour composite: red, green, blue.
NATURAL_COLOUR = ("SR_B4", "SR_B3", "SR_B2")
PRODUCT_FILTER = "Landsat product (*_MTL.txt *_MTL.xml *_MTL.json *.tar *.tar.gz *.tgz);;All files (*)"


def default_vrt_path(product_id: str):
    """Where a product's VRT goes when the user names none: the plugin's user data folder, so
    that a saved project still finds it in the next session."""
    return load_backend("paths").user_data_dir() / "products" / f"{product_id}.vrt"


def style_product_layer(layer, when: date | datetime | None) -> None:
    """Natural colour with a cumulative-cut stretch, and the acquisition as the temporal range
    (the whole day when the time is unknown)."""
    bands = {layer.bandName(n).split(":")[-1].strip().upper(): n for n in range(1, layer.bandCount() + 1)}
    numbers = [bands.get(name, default) for name, default in zip(NATURAL_COLOUR, (4, 3, 2))]
    layer.setRenderer(QgsMultiBandColorRenderer(layer.dataProvider(), *numbers))
    layer.setContrastEnhancement(QgsContrastEnhancement.ContrastEnhancementAlgorithm.StretchToMinimumMaximum,
                                 QgsRasterMinMaxOrigin.Limits.CumulativeCut)
    if when is not None:
        start = when if isinstance(when, datetime) else datetime.combine(when, time())
        end = when if isinstance(when, datetime) else start + timedelta(days=1) - timedelta(seconds=1)
        temporal = layer.temporalProperties()
        temporal.setMode(QgsRasterLayerTemporalProperties.ModeFixedTemporalRange)  # unscoped in 3.22
        temporal.setFixedTemporalRange(QgsDateTimeRange(_utc(start), _utc(end)))
        temporal.setIsActive(True)
    layer.triggerRepaint()


def _utc(moment: datetime) -> QDateTime:
    return QDateTime(moment.date(), moment.time(), Qt.TimeSpec.UTC)


class ProductStyler(KeptPostProcessor):
    """Styles the product's layer when QGIS loads it at the end of the run."""

    def __init__(self, when):
        super().__init__()
        self.when = when

    def process(self, layer) -> None:
        style_product_layer(layer, self.when)


class LoadProductAlgorithm(MoeMaeAlgorithm):
    INPUT, OUTPUT, PRODUCT_ID, ACQUISITION = "INPUT", "OUTPUT", "PRODUCT_ID", "ACQUISITION"
    NAME, DISPLAY_NAME, GROUP, GROUP_ID = "loadproduct", "Add Landsat product", "Landsat", "landsat"
    SHORT_DESCRIPTION = "A USGS Landsat 8/9 Level-2 product as downloaded, as one natural-colour layer."
    HELP_SECTIONS = ("landsat-products-as-downloaded",)

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS's name
        self.add(QgsProcessingParameterFile(self.INPUT, self.tr("Landsat 8/9 Level-2 product"),
                                            fileFilter=self.tr(PRODUCT_FILTER)),
                 "Its MTL file (_MTL.txt, .xml or .json), its .tar, or any band file of its unpacked folder.")
        self.add(QgsProcessingParameterFileDestination(self.OUTPUT, self.tr("Virtual raster (VRT)"),
                                                       self.tr("GDAL virtual raster (*.vrt)"), optional=True,
                                                       createByDefault=False),
                 "Where the VRT goes. Default: the plugin's folder of products, so that a saved project "
                 "still finds it.")
        self.addOutput(QgsProcessingOutputString(self.PRODUCT_ID, self.tr("Product id")))
        self.addOutput(QgsProcessingOutputString(self.ACQUISITION, self.tr("Acquisition (UTC)")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        backend_or_explain()
        source = self.parameterAsFile(parameters, self.INPUT, context)
        product = load_backend("product")
        with backend_errors():
            found = product.open_product(source)
            output = self.parameterAsFileOutput(parameters, self.OUTPUT, context) or str(
                default_vrt_path(found.product_id))
            product.write_stack(found, output)
            dates = load_backend("acquisition")
            acquisition = dates.acquisition_of(found) or dates.Acquisition(None, "nowhere: no readable date")
        feedback.pushInfo(self.tr("{}: SR_B1…SR_B7{} stacked in {}").format(
            found.product_id, self.tr(" and QA_PIXEL") if found.qa_pixel else "", output))
        if not found.qa_pixel:
            feedback.pushWarning(self.tr("{} has no QA_PIXEL file: clouds cannot be masked").format(
                found.product_id))
        feedback.pushInfo(self.tr("Acquisition: {}").format(acquisition.describe()))
        self.load_on_completion(context, output, found.product_id, acquisition.when)
        return {self.OUTPUT: output, self.PRODUCT_ID: found.product_id,
                self.ACQUISITION: acquisition.when.isoformat() if acquisition.when else ""}

    def load_on_completion(self, context, output: str, product_id: str, when) -> None:
        """Load the VRT at the end of the run, named by the product id, styled as a product."""
        from qgis.core import QgsProcessingContext

        details = QgsProcessingContext.LayerDetails(product_id, context.project(), self.OUTPUT)
        details.setPostProcessor(ProductStyler(when).kept())
        context.addLayerToLoadOnCompletion(output, details)

"""``moemae:classify``: a Landsat raster layer → a styled land-cover layer.

A thin adapter: it reads the parameters and the layer's acquisition date, hands everything to
the backend's one inference core (``backend.raster.classify_raster``), and styles the result
with the probe's class names and colours when QGIS loads it.
"""
from __future__ import annotations

from qgis.core import QgsProcessingParameterRasterDestination

from ..backend_loader import load_backend
from .base import LandCoverStyler, SceneAlgorithm


class ClassifyAlgorithm(SceneAlgorithm):
    OUTPUT_PROBABILITIES = "OUTPUT_PROBABILITIES"
    NAME, DISPLAY_NAME, GROUP, GROUP_ID = "classify", "Classify land cover", "Land cover", "landcover"
    HELP_ANCHOR = "landsat-products-as-downloaded"
    SHORT_DESCRIPTION = ("A land-cover map of a Landsat 8/9 Level-2 scene, clouds masked, styled with the "
                         "probe's classes.")
    HELP = ("Classifies a Landsat 8/9 Collection 2 Level-2 scene: a product as downloaded from USGS (its MTL "
            "file, folder or .tar), a layer added with 'Add Landsat product', or a surface-reflectance raster"
            " (SR_B1…SR_B7 as UInt16 digital numbers, or as reflectance floats). It tiles the scene into 40 ×"
            " 40 px tiles every STRIDE px, encodes each tile with the MoE-MAE model together with the "
            "acquisition date and the tile's latitude and longitude, and writes the probe's most likely class"
            " per STRIDE × STRIDE cell (UInt8, nodata 255), styled with the probe's class names and colours. "
            "MODEL and PROBE take catalogue names (published-S with eurosat10-cls once downloaded; the "
            "demonstration model demo-S otherwise) or files. The acquisition date is read from the product's "
            "MTL, the MTL next to the raster, the product id in its name, its GDAL tags or the layer's "
            "temporal properties; ACQUISITION_DATE overrides them. QA_PIXEL, when at hand, masks the MASK "
            "flags (by default fill, dilated cloud, cloud, cloud shadow). A tile more than half fill, no data"
            " or masked gets no prediction; such pixels in the other tiles are given their tile's mean. The "
            "map records what made it (gdalinfo shows it). An output is never one of the inputs, and a failed"
            " or cancelled run leaves nothing.")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS's name
        self.add_scene_parameters(with_probe=True)
        self.add_resolution_parameter(load_backend("raster").MAP_RESOLUTION_DEFAULT)
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Land cover")))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_PROBABILITIES, self.tr("Class probabilities"), optional=True, createByDefault=False))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        probabilities = self.parameterAsOutputLayer(parameters, self.OUTPUT_PROBABILITIES, context) or None
        request = self.scene_request(parameters, context, feedback, probabilities=probabilities,
                                     probe=self.probe_path(parameters, context, self.model_path(parameters,
                                                                                                context)))
        result = self.run_backend(load_backend("raster").classify_raster, request, feedback=feedback)
        feedback.pushInfo(result.summary())
        for name, cells in sorted(result.counts.items(), key=lambda item: -item[1]):
            feedback.pushInfo(f"  {name}: {cells} cells")
        if context.willLoadLayerOnCompletion(request.output):
            LandCoverStyler.attach(context, request.output, result.class_names, result.colours)
        outputs = {self.OUTPUT: request.output}
        if probabilities:
            outputs[self.OUTPUT_PROBABILITIES] = probabilities
        return outputs

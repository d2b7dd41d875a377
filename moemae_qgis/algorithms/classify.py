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
    SHORT_DESCRIPTION = ("A land-cover map of a Landsat 8/9 Level-2 scene, clouds masked, styled with the "
                         "probe's classes.")
    HELP_SECTIONS = ("landsat-products-as-downloaded", "maps-at-120-m-one-cell-per-token")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS's name
        self.add_scene_parameters(with_probe=True)
        self.add_resolution_parameter(load_backend("options").MAP_RESOLUTION_DEFAULT, pixel=True)
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Land cover")))
        self.add(QgsProcessingParameterRasterDestination(
            self.OUTPUT_PROBABILITIES, self.tr("Class probabilities"), optional=True, createByDefault=False),
            "Each class's probability per cell, one band per class.")

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        probabilities = self.parameterAsOutputLayer(parameters, self.OUTPUT_PROBABILITIES, context) or None
        model = self.model_path(parameters, context)  # once per run: the probe is chosen for it
        request = self.scene_request(parameters, context, feedback, checkpoint=model,
                                     probe=self.probe_path(parameters, context, model),
                                     probabilities=probabilities)
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

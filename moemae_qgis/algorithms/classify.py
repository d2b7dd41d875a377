"""``moemae:classify``: a Landsat raster layer → a styled land-cover layer; several → one mosaic.

A thin adapter: it reads the parameters and the layers' acquisition dates, hands everything to
the backend's one inference core (``backend.raster.classify_raster``, or ``backend.mosaic`` for
more scenes than INPUT), and styles the result with the probe's class names and colours when
QGIS loads it.
"""
from __future__ import annotations

from dataclasses import replace

from qgis.core import (
    QgsMapLayer,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterRasterDestination,
    QgsProcessingUtils,
    QgsRasterLayer,
)

from ..backend_loader import load_backend
from ..qt_compat import FOLDER_PARAMETER, RASTER_LAYERS
from .base import LandCoverStyler, SceneAlgorithm, backend_errors, layer_file


class ClassifyAlgorithm(SceneAlgorithm):
    OUTPUT_PROBABILITIES = "OUTPUT_PROBABILITIES"
    MORE_INPUTS, COMPOSITE, WORK = "MORE_INPUTS", "COMPOSITE", "WORK"
    NAME, DISPLAY_NAME, GROUP, GROUP_ID = "classify", "Classify land cover", "Land cover", "landcover"
    SHORT_DESCRIPTION = ("A land-cover map of a Landsat 8/9 Level-2 scene, clouds masked, styled with the "
                         "probe's classes.")
    HELP_SECTIONS = ("landsat-products-as-downloaded", "maps-at-120-m-one-cell-per-token",
                     "many-products-one-map")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS's name
        self.add_scene_parameters(with_probe=True)
        self.add_resolution_parameter(load_backend("options").MAP_RESOLUTION_DEFAULT, pixel=True)
        self.add_mosaic_parameters()
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Land cover")))
        self.add(QgsProcessingParameterRasterDestination(
            self.OUTPUT_PROBABILITIES, self.tr("Class probabilities"), optional=True, createByDefault=False),
            "Each class's probability per cell, one band per class.")

    def add_mosaic_parameters(self) -> None:
        """MORE_INPUTS, COMPOSITE and WORK: more scenes than INPUT make one mosaic on INPUT's grid."""
        self.add(QgsProcessingParameterMultipleLayers(self.MORE_INPUTS, self.tr("More scenes (one mosaic)"),
                                                      RASTER_LAYERS, optional=True),
                 "Further scenes (layers, or products as their MTL file, folder or .tar) mapped with INPUT "
                 "into one mosaic on INPUT's grid; each scene's date is its own.")
        composite = QgsProcessingParameterEnum(self.COMPOSITE, self.tr("Where scenes overlap"),
                                               options=list(load_backend("mosaic").COMPOSITES),
                                               defaultValue="best")
        composite.setUsesStaticStrings(True)
        self.add(composite, "best: the scene with the most valid, unmasked pixels under the cell; latest: "
                            "the scene acquired last; mean: the mean of the class probabilities.")
        self.add(QgsProcessingParameterFile(self.WORK, self.tr("Work folder (resumable mosaics)"),
                                            behavior=FOLDER_PARAMETER, optional=True),
                 "Where each scene's map is kept, so that a run again maps only what is missing. Default: "
                 "beside the output.")

    def checkParameterValues(self, parameters, context):  # noqa: N802 - QGIS's name
        """QGIS would refuse a product in MORE_INPUTS (it opens no folder, MTL or tar as a layer):
        the other values are checked as QGIS checks them, the products by the backend."""
        more = parameters.get(self.MORE_INPUTS)
        if isinstance(more, (list, tuple)):
            is_product = load_backend("product").is_product_path
            layers = [v for v in more if not (isinstance(v, str) and v and is_product(v))]
            parameters = {**parameters, self.MORE_INPUTS: layers or None}
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        probabilities = self.parameterAsOutputLayer(parameters, self.OUTPUT_PROBABILITIES, context) or None
        model = self.model_path(parameters, context)  # once per run: the probe is chosen for it
        probe = self.probe_path(parameters, context, model)
        more = self.more_inputs(parameters, context)
        if more:
            if probabilities:
                raise QgsProcessingException(self.tr("Class probabilities are written for one scene; leave "
                                                     "them out for a mosaic"))
            return self.mosaic(parameters, context, feedback, model, probe, more)
        request = self.scene_request(parameters, context, feedback, checkpoint=model, probe=probe,
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

    def more_inputs(self, parameters, context) -> list:
        """(layer or None, path) of each of MORE_INPUTS: a raster layer and its file, or a product."""
        values = parameters.get(self.MORE_INPUTS) or []
        values = values if isinstance(values, (list, tuple)) else [values]
        is_product = load_backend("product").is_product_path
        scenes = []
        for value in values:
            if isinstance(value, str) and value and is_product(value):
                scenes.append((None, value))
                continue
            layer = value if isinstance(value, QgsMapLayer) else QgsProcessingUtils.mapLayerFromString(
                str(value), context)
            if not isinstance(layer, QgsRasterLayer):
                raise QgsProcessingException(self.tr("{} in More scenes is neither a raster layer nor a "
                                                     "Landsat product").format(value))
            scenes.append((layer, layer_file(layer)))
        return scenes

    def mosaic(self, parameters, context, feedback, model: str, probe: str, more: list) -> dict:
        """INPUT and MORE_INPUTS into one mosaic (``backend.mosaic``), each with its own date."""
        if self.given_acquisition(parameters, context) is not None:
            raise QgsProcessingException(self.tr("Acquisition date gives one date, but there are several "
                                                 "scenes: each scene's date is read from its MTL, name, tags "
                                                 "or temporal properties"))
        mosaic = load_backend("mosaic")
        scenes = [self.input_raster(parameters, context), *more]
        options = self.scene_options(parameters, context, scenes[0], feedback)
        acquisitions = [options.acquisition] + [self.acquisition(parameters, context, layer, source, feedback)
                                                for layer, source in more]
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        with backend_errors():
            request = mosaic.MosaicRequest(
                inputs=[source for _, source in scenes], output=output, checkpoint=model, probe=probe,
                options=replace(options, acquisition=None),
                acquisitions=[a if a.when else None for a in acquisitions],
                composite=self.parameterAsEnumString(parameters, self.COMPOSITE, context) or "best",
                work=self.parameterAsFile(parameters, self.WORK, context) or None)
        result = self.run_backend(mosaic.map_inputs, request, feedback=feedback)
        for key in sorted(k for k in result.metadata if k.startswith("MOSAIC_INPUT_")):
            feedback.pushInfo(f"  {result.metadata[key]}")
        if context.willLoadLayerOnCompletion(output):
            LandCoverStyler.attach(context, output, result.class_names, result.colours)
        return {self.OUTPUT: output}

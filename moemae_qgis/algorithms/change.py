"""``moemae:change``: what changed between two dates of one place.

A thin adapter over ``backend.change.change_map`` (the CLI's ``change``): BEFORE and AFTER are
layers or Landsat products, each with its own acquisition date (from its MTL, product id, tags or
the layer's temporal properties). The change score is drawn see-through (no change) through pink
(the threshold) to red (the most), so the scenes show where nothing changed; the changed mask red
over the scenes, unchanged cells see-through.
"""
from __future__ import annotations

from qgis.core import (
    QgsColorRampShader,
    QgsGradientColorRamp,
    QgsPalettedRasterRenderer,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsRasterShader,
    QgsSingleBandPseudoColorRenderer,
)
from qgis.PyQt.QtGui import QColor

from ..backend_loader import load_backend
from .base import KeptPostProcessor, SceneAlgorithm

#: The score's ramp: see-through white (the same ground: the scenes show) to opaque red (the most
#: change). Most cells of a real pair score low; drawn opaque, they would hide both dates.
CLEAR, RED = QColor(255, 255, 255, 0), QColor(200, 0, 0)


def apply_change_style(layer, threshold: float | None) -> None:
    """Band 1 drawn see-through → red from 0 to twice the threshold (the threshold half way:
    half see-through pink), or to the layer's largest score without one."""
    top = 2 * threshold if threshold else layer.dataProvider().bandStatistics(1).maximumValue
    top = top if top and top > 0 else 1.0
    shader_function = QgsColorRampShader(0.0, top, QgsGradientColorRamp(CLEAR, RED),
                                         QgsColorRampShader.Type.Interpolated)
    shader_function.classifyColorRamp(5, -1, layer.extent(), None)
    shader_function.setClip(False)  # above the top is drawn red
    shader = QgsRasterShader(0.0, top)
    shader.setRasterShaderFunction(shader_function)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
    renderer.setClassificationMin(0.0)
    renderer.setClassificationMax(top)
    layer.setRenderer(renderer)
    layer.triggerRepaint()


def apply_mask_style(layer, names, colours) -> None:
    """Changed cells in their colour; unchanged ones see-through, so the scenes show under them."""
    classes = [QgsPalettedRasterRenderer.Class(0, QColor(*colours[0], 0), names[0]),
               QgsPalettedRasterRenderer.Class(1, QColor(*colours[1]), names[1])]
    layer.setRenderer(QgsPalettedRasterRenderer(layer.dataProvider(), 1, classes))
    layer.triggerRepaint()


class ChangeStyler(KeptPostProcessor):
    """Styles the change layer (``threshold`` given) or the changed mask when QGIS loads them."""

    def __init__(self, threshold: float | None, mask: bool):
        super().__init__()
        self.threshold, self.mask = threshold, mask

    @classmethod
    def attach(cls, context, output: str, threshold: float | None, mask: bool = False) -> None:
        context.layerToLoadOnCompletionDetails(output).setPostProcessor(cls(threshold, mask).kept())

    def process(self, layer) -> None:
        if self.mask:
            change = load_backend("change")
            apply_mask_style(layer, change.MASK_NAMES, change.MASK_COLOURS)
        else:
            apply_change_style(layer, self.threshold)


class ChangeAlgorithm(SceneAlgorithm):
    BEFORE, AFTER, THRESHOLD = "BEFORE", "AFTER", "THRESHOLD"
    OUTPUT_CHANGED, OUTPUT_TABLE = "OUTPUT_CHANGED", "OUTPUT_TABLE"
    SCENE_INPUTS = (BEFORE, AFTER)
    NAME, DISPLAY_NAME, GROUP, GROUP_ID = "change", "Map change between two dates", "Change", "change"
    SHORT_DESCRIPTION = ("Where the ground changed between two dates of one place: a score per 120 m cell, "
                         "white to red, and the changed cells.")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS's name
        scene_help = ("A Landsat 8/9 Level-2 product (MTL file, folder or .tar), a layer added with 'Add "
                      "Landsat product', or a surface-reflectance raster, of the same place (path/row) as "
                      "the other date. Its own date is read from it.")
        self.add(QgsProcessingParameterRasterLayer(self.BEFORE, self.tr("Earlier date")), scene_help)
        self.add(QgsProcessingParameterRasterLayer(self.AFTER, self.tr("Later date")), scene_help)
        self.add_scene_parameters(with_probe=True)
        for name in (self.INPUT, self.BANDS, self.ACQUISITION_DATE, self.QA_PIXEL):
            self.removeParameter(name)  # two scenes, each with its own; QA_PIXEL from each product
        self.parameterDefinition(self.PROBE).setHelp(self.tr(
            "Optional: a probe on the mean of the tokens (catalogue name or file) classifies both dates and "
            "adds a from → to band and a table of each transition's area in hectares."))
        self.add(QgsProcessingParameterNumber(self.THRESHOLD, self.tr("Change threshold (empty: Otsu)"),
                                              QgsProcessingParameterNumber.Type.Double, optional=True,
                                              minValue=0.0, maxValue=2.0),
                 "Cells scoring above it are changed. Empty: Otsu's rule on the scores (the cut that best "
                 "splits their histogram in two), never below their median + 3 robust standard deviations, "
                 "stated in the log.")
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Change score")))
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT_CHANGED,
                                                                  self.tr("Changed cells")))
        self.add(QgsProcessingParameterFileDestination(
            self.OUTPUT_TABLE, self.tr("Transition table"), self.tr("CSV files (*.csv)"), optional=True,
            createByDefault=False), "With a probe: each from → to transition's area in hectares (an HTML "
                                    "page beside it).")

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        change = load_backend("change")
        model = self.model_path(parameters, context)
        given_probe = self.parameterAsFile(parameters, self.PROBE, context)
        probe = self.probe_path(parameters, context, model) if given_probe else None
        scenes = [self.input_raster(parameters, context, name) for name in self.SCENE_INPUTS]
        options = [self.scene_options(parameters, context, scene, feedback) for scene in scenes]
        given = parameters.get(self.THRESHOLD)
        # Text (qgis_process, a model) goes to the backend as given, which refuses what is no score:
        # parameterAsDouble would read "abc" as 0, every cell changed.
        threshold = ("auto" if given in (None, "") else given if isinstance(given, str)
                     else self.parameterAsDouble(parameters, self.THRESHOLD, context))
        table = self.parameterAsFileOutput(parameters, self.OUTPUT_TABLE, context) or None
        request = change.ChangeRequest(
            before=scenes[0][1], after=scenes[1][1],
            output=self.parameterAsOutputLayer(parameters, self.OUTPUT, context), checkpoint=model,
            before_options=options[0], after_options=options[1], probe=probe, threshold=threshold,
            changed_mask=self.parameterAsOutputLayer(parameters, self.OUTPUT_CHANGED, context),
            table=table if probe else None)
        result = self.run_backend(change.change_map, request, feedback=feedback)
        feedback.pushInfo(result.summary())
        if context.willLoadLayerOnCompletion(request.output):
            ChangeStyler.attach(context, request.output, result.threshold)
        if context.willLoadLayerOnCompletion(request.changed_mask):
            ChangeStyler.attach(context, request.changed_mask, result.threshold, mask=True)
        outputs = {self.OUTPUT: request.output, self.OUTPUT_CHANGED: request.changed_mask}
        if result.tables:
            outputs[self.OUTPUT_TABLE] = result.tables[0]
        return outputs

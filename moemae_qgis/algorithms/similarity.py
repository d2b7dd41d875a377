"""``moemae:similarity``: how much every cell of a scene looks like a few given places.

A thin adapter over ``backend.similarity.similarity_map`` (the CLI's ``similarity``): INPUT is a
scene, embedded once per model and settings into the embedding cache, or an embedding raster
written by ``moemae:embed``, read as it is. The result is drawn with a sequential ramp from 0 to 1."""
from qgis.core import (
    QgsColorRampShader,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterRasterDestination,
    QgsRasterShader,
    QgsSingleBandPseudoColorRenderer,
    QgsStyle,
)

from ..backend_loader import load_backend
from .base import SceneAlgorithm

#: The similarity layer's ramp: QGIS's own Viridis, dark (unlike) to yellow (alike).
RAMP = "Viridis"


def apply_similarity_style(layer) -> None:
    """A sequential ramp from 0 (no more alike than the average cell, or less) to 1 (alike)."""
    ramp = QgsStyle.defaultStyle().colorRamp(RAMP)
    shader_function = QgsColorRampShader(0.0, 1.0, ramp, QgsColorRampShader.Type.Interpolated)
    shader_function.classifyColorRamp(5, -1, layer.extent(), None)
    shader_function.setClip(False)  # below 0 is drawn as 0, above 1 cannot happen
    shader = QgsRasterShader(0.0, 1.0)
    shader.setRasterShaderFunction(shader_function)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
    renderer.setClassificationMin(0.0)
    renderer.setClassificationMax(1.0)
    layer.setRenderer(renderer)
    layer.triggerRepaint()


class SimilarityStyler(QgsProcessingLayerPostProcessorInterface):
    """Draws the similarity layer with :func:`apply_similarity_style` when QGIS loads it."""

    pending: list = []  # QGIS keeps no reference to a post-processor

    @classmethod
    def attach(cls, context, output: str) -> None:
        styler = cls()
        cls.pending = cls.pending[-15:] + [styler]
        context.layerToLoadOnCompletionDetails(output).setPostProcessor(styler)

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 - QGIS's name
        apply_similarity_style(layer)
        if self in SimilarityStyler.pending:
            SimilarityStyler.pending.remove(self)


def point_file(algorithm, parameters, name: str, context) -> str | None:
    """The file of a point layer parameter (with its |layername= part), refused when it is not
    saved in a file; None when the optional parameter is empty."""
    layer = algorithm.parameterAsVectorLayer(parameters, name, context)
    if layer is None:
        return None
    if layer.providerType() != "ogr":
        raise QgsProcessingException(algorithm.tr(
            "{} '{}' is not saved in a file; save it (GeoPackage, Shapefile, GeoJSON) and run again")
            .format(name, layer.name()))
    return layer.source()


class FieldAlgorithm(SceneAlgorithm):
    """An algorithm on a scene's embedding field: the scene parameters, and the request that
    embeds it, or none for an embedding raster (read as it is)."""

    GROUP, GROUP_ID = "Embeddings", "embeddings"

    def add_field_parameters(self) -> None:
        self.add_scene_parameters(with_probe=False)
        self.add_resolution_parameter(load_backend("embedding_cache").FIELD_RESOLUTION)
        self.parameterDefinition(self.INPUT).setHelp(self.tr(
            "A Landsat 8/9 Level-2 scene (embedded once per model and settings, then kept in the embedding "
            "cache), or an embedding raster written by 'Embed', read as it is."))

    def field_request(self, parameters, context, feedback):
        """(scene path, ClassifyRequest or None for an embedding raster)."""
        _, source = self.input_raster(parameters, context)
        if load_backend("embedding_field").is_embedding_raster(source):
            feedback.pushInfo(self.tr("{} is an embedding raster: read as it is").format(source))
            return source, None
        return source, self.scene_request(parameters, context, feedback, probe=None, pooling="mean")


class SimilarityAlgorithm(FieldAlgorithm):
    POINTS, NEGATIVES = "POINTS", "NEGATIVES"
    NAME, DISPLAY_NAME = "similarity", "Find similar places"
    SHORT_DESCRIPTION = "How much each cell looks like the places you point at: 0 to 1 on the map."

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS's name
        points = [QgsProcessing.SourceType.TypeVectorPoint]
        self.add(QgsProcessingParameterFeatureSource(self.POINTS, self.tr("Points of places to find"),
                                                     points),
                 "A point layer saved in a file, in any CRS: the kind of place to find.")
        self.add(QgsProcessingParameterFeatureSource(self.NEGATIVES, self.tr("Points of unwanted places"),
                                                     points, optional=True),
                 "Places that look alike but are not wanted: the score becomes (cos to the points − cos to "
                 "these) / 2.")
        self.add_field_parameters()
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Similarity")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        positives = point_file(self, parameters, self.POINTS, context)
        if positives is None:
            raise QgsProcessingException(self.tr("POINTS must be a point layer"))
        negatives = point_file(self, parameters, self.NEGATIVES, context)
        source, request = self.field_request(parameters, context, feedback)
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        self.run_backend(load_backend("similarity").similarity_map, source, request, positives, negatives,
                         output, feedback=feedback)
        if context.willLoadLayerOnCompletion(output):
            SimilarityStyler.attach(context, output)
        return {self.OUTPUT: output}

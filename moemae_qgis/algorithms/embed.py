"""``moemae:embed``: a Landsat raster layer → a float32 embedding raster (D bands), for
clustering and similarity search. The same inputs and tiling as ``moemae:classify``."""
from qgis.core import QgsProcessingParameterEnum, QgsProcessingParameterRasterDestination

from ..backend_loader import load_backend
from .base import SceneAlgorithm


class EmbedAlgorithm(SceneAlgorithm):
    POOLING = "POOLING"
    NAME, DISPLAY_NAME, GROUP, GROUP_ID = "embed", "Embed (embedding raster)", "Embeddings", "embeddings"
    SHORT_DESCRIPTION = "A float32 raster of the encoder's embeddings, for clustering and similarity search."
    HELP_SECTIONS = ("maps-at-120-m-one-cell-per-token",)

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS's name
        self.add_scene_parameters(with_probe=False)
        self.add_resolution_parameter(load_backend("options").EMBEDDING_RESOLUTION_DEFAULT)
        pooling = QgsProcessingParameterEnum(self.POOLING, self.tr("Pooling of the 105 tokens"),
                                             options=list(load_backend("embed").RASTER_POOLINGS),
                                             defaultValue="mean")
        pooling.setUsesStaticStrings(True)
        self.add(pooling, "How a tile's 105 tokens become one embedding: mean of all, patch-mean of the 100 "
                          "patch tokens, or cls, the CLS token.")
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Embeddings")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        pooling = self.parameterAsString(parameters, self.POOLING, context) or "mean"
        request = self.scene_request(parameters, context, feedback, probe=None, pooling=pooling)
        result = self.run_backend(load_backend("raster").embed_raster, request, feedback=feedback)
        feedback.pushInfo(result.summary())
        return {self.OUTPUT: result.output}

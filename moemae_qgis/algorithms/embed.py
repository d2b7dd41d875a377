"""``moemae:embed``: a Landsat raster layer → a float32 embedding raster (D bands), for
clustering and similarity search. The same inputs and tiling as ``moemae:classify``."""
from qgis.core import QgsProcessingParameterEnum, QgsProcessingParameterRasterDestination

from ..backend_loader import load_backend
from .base import SceneAlgorithm


class EmbedAlgorithm(SceneAlgorithm):
    POOLING = "POOLING"
    NAME, DISPLAY_NAME, GROUP, GROUP_ID = "embed", "Embed (embedding raster)", "Embeddings", "embeddings"
    SHORT_DESCRIPTION = "A float32 raster of the encoder's embeddings, for clustering and similarity search."
    HELP = ("Encodes the raster like 'Classify land cover' does (40 × 40 px tiles every STRIDE px, with the "
            "acquisition date and each tile's position as metadata) and writes each STRIDE × STRIDE cell's "
            "mean embedding as a float32 raster of D bands (144 for size S; NaN where there is no data). Use "
            "it to cluster the scene or to find places that look alike.")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS's name
        self.add_scene_parameters(with_probe=False)
        self.add_resolution_parameter(load_backend("raster").EMBEDDING_RESOLUTION_DEFAULT)
        pooling = QgsProcessingParameterEnum(self.POOLING, self.tr("Pooling of the 105 tokens"),
                                             options=list(load_backend("embed").RASTER_POOLINGS),
                                             defaultValue="mean")
        pooling.setUsesStaticStrings(True)
        self.addParameter(pooling)
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Embeddings")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        pooling = self.parameterAsString(parameters, self.POOLING, context) or "mean"
        request = self.scene_request(parameters, context, feedback, probe=None, pooling=pooling)
        result = self.run_backend(load_backend("raster").embed_raster, request, feedback=feedback)
        feedback.pushInfo(result.summary())
        return {self.OUTPUT: result.output}

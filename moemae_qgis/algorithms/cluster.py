"""``moemae:cluster``: a scene split into K kinds of place by k-means on its embedding field.

A thin adapter over ``backend.cluster.cluster_map`` (the CLI's ``cluster``), its map added with
its colours and cluster names, and optionally the field's first three principal components as
an RGB rendering."""
from qgis.core import QgsProcessingParameterNumber, QgsProcessingParameterRasterDestination

from ..backend_loader import load_backend
from .base import LandCoverStyler
from .similarity import FieldAlgorithm


class ClusterAlgorithm(FieldAlgorithm):
    CLUSTERS, SEED, OUTPUT_PCA = "CLUSTERS", "SEED", "OUTPUT_PCA"
    NAME, DISPLAY_NAME = "cluster", "Cluster the scene"
    SHORT_DESCRIPTION = "The scene split into K kinds of place by k-means on its embeddings, no labels."

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS's name
        cluster = load_backend("cluster")
        self.add(QgsProcessingParameterNumber(self.CLUSTERS, self.tr("Clusters"),
                                              QgsProcessingParameterNumber.Type.Integer,
                                              defaultValue=cluster.DEFAULT_CLUSTERS,
                                              minValue=cluster.MIN_CLUSTERS, maxValue=cluster.MAX_CLUSTERS),
                 "How many kinds of place to split the scene into.")
        self.add(QgsProcessingParameterNumber(self.SEED, self.tr("Random seed"),
                                              QgsProcessingParameterNumber.Type.Integer, defaultValue=0),
                 "The same seed gives the same map.")
        self.add_field_parameters()
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, self.tr("Clusters")))
        self.add(QgsProcessingParameterRasterDestination(
            self.OUTPUT_PCA, self.tr("PCA rendering (RGB)"), optional=True, createByDefault=False),
            "The embeddings' first three principal components as red, green and blue, to look at.")

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        cluster = load_backend("cluster")
        source, request = self.field_request(parameters, context, feedback)
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        pca = self.parameterAsOutputLayer(parameters, self.OUTPUT_PCA, context) or None
        k = self.parameterAsInt(parameters, self.CLUSTERS, context)
        counts = self.run_backend(cluster.cluster_map, source, request, output, k,
                                  self.parameterAsInt(parameters, self.SEED, context), pca, feedback=feedback)
        for name, cells in counts.items():
            feedback.pushInfo(f"  {name}: {cells} cells")
        if context.willLoadLayerOnCompletion(output):
            names = [f"cluster {i + 1}" for i in range(k)]
            LandCoverStyler.attach(context, output, names, cluster.cluster_colours(k))
        outputs = {self.OUTPUT: output}
        if pca:
            outputs[self.OUTPUT_PCA] = pca
        return outputs

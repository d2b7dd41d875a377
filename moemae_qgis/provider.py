"""The Processing provider ``moemae``: every algorithm of the plugin, in the toolbox and qgis_process."""
from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .algorithms.assess import AssessAlgorithm
from .algorithms.change import ChangeAlgorithm
from .algorithms.check_environment import CheckEnvironmentAlgorithm
from .algorithms.classify import ClassifyAlgorithm
from .algorithms.cluster import ClusterAlgorithm
from .algorithms.embed import EmbedAlgorithm
from .algorithms.loadproduct import LoadProductAlgorithm
from .algorithms.sample import SampleAlgorithm
from .algorithms.similarity import SimilarityAlgorithm
from .algorithms.trainprobe import TrainProbeAlgorithm
from .backend_loader import load_backend

PROVIDER_ID = "moemae"
#: The plugin's tag in QGIS's Log Messages panel and message bar.
LOG_TAG = "MoE-MAE"


def icon_path() -> str:
    return str(load_backend("paths").RESOURCES_DIR / "icon.svg")


class MoeMaeProvider(QgsProcessingProvider):
    def id(self):
        return PROVIDER_ID

    def name(self):
        return "MoE-MAE land cover"

    def longName(self):
        return f"MoE-MAE land cover {load_backend().__version__}"

    def icon(self):
        return QIcon(icon_path())

    def svgIconPath(self):
        return icon_path()

    def supportedOutputRasterLayerExtensions(self):  # noqa: N802 - QGIS's name
        return ["tif"]  # every raster the plugin writes is a GeoTIFF (a product's VRT is a file output)

    def loadAlgorithms(self):
        self.addAlgorithm(CheckEnvironmentAlgorithm())
        self.addAlgorithm(ClassifyAlgorithm())
        self.addAlgorithm(EmbedAlgorithm())
        self.addAlgorithm(LoadProductAlgorithm())
        self.addAlgorithm(TrainProbeAlgorithm())
        self.addAlgorithm(SampleAlgorithm())
        self.addAlgorithm(AssessAlgorithm())
        self.addAlgorithm(SimilarityAlgorithm())
        self.addAlgorithm(ClusterAlgorithm())
        self.addAlgorithm(ChangeAlgorithm())

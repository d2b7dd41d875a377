"""Names that moved between QGIS 3 (Qt 5) and QGIS 4 (Qt 6), imported from where each version has them.

One place for them, so the rest of the plugin reads the same on both (``tools/qt6_check.py``
sends every such import here).
"""
from qgis.core import Qgis, QgsProcessing, QgsProcessingParameterDefinition, QgsProcessingParameterFile

try:
    from qgis.PyQt.QtGui import QAction  # Qt 6 moved QAction to QtGui
except ImportError:
    from qgis.PyQt.QtWidgets import QAction  # Qt 5

#: The flag of a parameter the dialog hides: Qgis.ProcessingParameterFlag since QGIS 3.36, the only
#: spelling in QGIS 4; QgsProcessingParameterDefinition.Flag before (QGIS 3.22 has only that).
_PARAMETER_FLAGS = getattr(Qgis, "ProcessingParameterFlag", None)
HIDDEN_PARAMETER = (_PARAMETER_FLAGS.Hidden if _PARAMETER_FLAGS is not None
                    else QgsProcessingParameterDefinition.Flag.FlagHidden)

#: Raster layers as a multiple-layer parameter's type: Qgis.ProcessingSourceType since QGIS 3.36, the
#: only spelling in QGIS 4; QgsProcessing.SourceType before.
_SOURCE_TYPES = getattr(Qgis, "ProcessingSourceType", None)
RASTER_LAYERS = _SOURCE_TYPES.Raster if _SOURCE_TYPES is not None else QgsProcessing.SourceType.TypeRaster
#: A file parameter that takes a folder: Qgis.ProcessingFileParameterBehavior since QGIS 3.36.
_FILE_BEHAVIOURS = getattr(Qgis, "ProcessingFileParameterBehavior", None)
FOLDER_PARAMETER = (_FILE_BEHAVIOURS.Folder if _FILE_BEHAVIOURS is not None
                    else QgsProcessingParameterFile.Behavior.Folder)

__all__ = ["QAction", "HIDDEN_PARAMETER", "RASTER_LAYERS", "FOLDER_PARAMETER"]

"""``moemae:sample``: a stratified random sample of a land-cover map's pixels, as points to label.

A thin adapter over ``backend.sampling.sample_map`` (the CLI's ``sample``): the map classes are the
strata; the size is SIZE, or Cochran's for TARGET_SE with the user's accuracies one expects."""
import re

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
)

from ..backend_loader import load_backend
from ..i18n import tr
from .base import MoeMaeAlgorithm, backend_errors, layer_file

#: OUTPUT as QGIS's "Save to GeoPackage…" gives it: ogr:dbname='/path/file.gpkg' table="name" (geom).
GEOPACKAGE_TABLE = re.compile("^ogr:dbname='(?P<path>(?:[^']|'')+)'\\s+table=\"(?P<table>(?:[^\"]|\"\")+)\"")


def sample_destination(output: str) -> tuple:
    """(GeoPackage path, layer name or None) of OUTPUT: a layer of a GeoPackage from "Save to
    GeoPackage…" or ``path|layername=NAME`` (its other layers kept), else a file of its own; a
    layer kept only in memory is refused, since the points must outlast QGIS to be labelled."""
    match = GEOPACKAGE_TABLE.match(output)
    if match:
        return match["path"].replace("''", "'"), match["table"].replace('""', '"')
    path, _, options = output.partition("|layername=")  # QGIS's name of a GeoPackage layer
    if options.split("|")[0]:
        return path, options.split("|")[0]
    if output.startswith("memory:"):
        raise QgsProcessingException(tr(
            "Sample points are written to a GeoPackage file, to be labelled and kept: give OUTPUT a file "
            "name ending in .gpkg (or Save to GeoPackage…), not a temporary layer"))
    return output, None


class SampleAlgorithm(MoeMaeAlgorithm):
    INPUT, SIZE, MIN_PER_CLASS, TARGET_SE = "INPUT", "SIZE", "MIN_PER_CLASS", "TARGET_SE"
    USERS_ACCURACY, SEED, OUTPUT = "USERS_ACCURACY", "SEED", "OUTPUT"
    NAME, DISPLAY_NAME = "sample", "Draw an accuracy sample"
    GROUP, GROUP_ID = "Accuracy", "accuracy"
    SHORT_DESCRIPTION = "Points at random in each class of a land-cover map, for you to label."

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS's name
        sampling = load_backend("sampling")
        self.add(QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Land-cover map")),
                 "A class raster, e.g. from 'Classify land cover': its classes are the strata.")
        self.add(QgsProcessingParameterNumber(self.SIZE, self.tr("Points in all"),
                                              QgsProcessingParameterNumber.Type.Integer, optional=True,
                                              minValue=1),
                 "How many points, shared out in proportion to each class's mapped area. Default: {}, or "
                 "Cochran's size when a target standard error is given.", sampling.DEFAULT_SAMPLE_SIZE)
        self.add(QgsProcessingParameterNumber(self.MIN_PER_CLASS, self.tr("Points per class at least"),
                                              QgsProcessingParameterNumber.Type.Integer,
                                              defaultValue=sampling.DEFAULT_MIN_PER_CLASS, minValue=1),
                 "Rare classes get at least this many points (all their pixels if they have fewer).")
        self.add(QgsProcessingParameterNumber(self.TARGET_SE, self.tr("Target SE of overall accuracy"),
                                              QgsProcessingParameterNumber.Type.Double, optional=True,
                                              minValue=0.0001, maxValue=1.0),
                 "Instead of a size: the standard error of the overall accuracy to reach (e.g. 0.01); the "
                 "size comes from Cochran's formula (Olofsson et al. 2014, eq. 13).")
        self.add(QgsProcessingParameterString(self.USERS_ACCURACY, self.tr("Expected user's accuracies"),
                                              optional=True),
                 "With a target standard error: the user's accuracy you expect, one for every class (0.8) "
                 "and/or per class (Water=0.95), separated by ';'.")
        self.add(QgsProcessingParameterNumber(self.SEED, self.tr("Random seed"),
                                              QgsProcessingParameterNumber.Type.Integer, defaultValue=0),
                 "The same seed gives the same points.")
        self.addParameter(QgsProcessingParameterVectorDestination(
            self.OUTPUT, self.tr("Sample points"), QgsProcessing.SourceType.TypeVectorPoint))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        sampling = load_backend("sampling")
        layer = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        if layer is None:
            raise QgsProcessingException(self.tr("INPUT is not a raster layer"))
        output = self.parameterAsOutputLayer(parameters, self.OUTPUT, context)
        path, layer_name = sample_destination(output)
        given = parameters.get(self.SIZE)
        target = parameters.get(self.TARGET_SE)
        with backend_errors():
            text = self.parameterAsString(parameters, self.USERS_ACCURACY, context)
            expected = sampling.parse_expected_users([t for t in text.split(";") if t.strip()])
        lines = self.run_backend(
            sampling.sample_map, layer_file(layer), path, feedback=feedback, layer_name=layer_name,
            total=None if given in (None, "") else self.parameterAsInt(parameters, self.SIZE, context),
            min_per_class=self.parameterAsInt(parameters, self.MIN_PER_CLASS, context),
            target_se=None if target in (None, "") else self.parameterAsDouble(parameters, self.TARGET_SE,
                                                                                context),
            expected_users=expected, seed=self.parameterAsInt(parameters, self.SEED, context))
        for line in lines:
            (feedback.pushWarning if line.startswith("warning:") else feedback.pushInfo)(line)
        return {self.OUTPUT: output}

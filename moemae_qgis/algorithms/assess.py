"""``moemae:assess``: accuracy and area estimates of a land-cover map from labelled points.

A thin adapter over ``backend.assessment.write_assessment`` (the CLI's ``assess``): the report as
JSON, and as HTML, which the Processing results viewer lists."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterRasterLayer,
)

from ..backend_loader import load_backend
from .base import MoeMaeAlgorithm, layer_file


class AssessAlgorithm(MoeMaeAlgorithm):
    INPUT, REFERENCE, FIELD, STRATA = "INPUT", "REFERENCE", "FIELD", "STRATA"
    OUTPUT, OUTPUT_HTML = "OUTPUT", "OUTPUT_HTML"
    NAME, DISPLAY_NAME = "assess", "Assess accuracy and area"
    GROUP, GROUP_ID = "Accuracy", "accuracy"
    SHORT_DESCRIPTION = "Accuracies and class areas with 95 % intervals, from labelled sample points."

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS's name
        self.add(QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Land-cover map")),
                 "The class raster the points were drawn on, in a projected CRS (areas need metres).")
        self.add(QgsProcessingParameterFeatureSource(self.REFERENCE, self.tr("Labelled points"),
                                                     [QgsProcessing.SourceType.TypeVectorPoint]),
                 "A point layer saved to a file (GeoPackage, Shapefile, GeoJSON), in any CRS, each point "
                 "labelled with a class name or code of the map.")
        field = QgsProcessingParameterField(self.FIELD, self.tr("Reference class field"),
                                            defaultValue="reference", parentLayerParameterName=self.REFERENCE)
        self.add(field,
                 "The field that holds the class you saw at each point; points without one are counted and "
                 "left out.")
        self.add(QgsProcessingParameterRasterLayer(self.STRATA, self.tr("Strata (if not the map's classes)"),
                                                   optional=True),
                 "The raster the sample was drawn on, when it was not this map (e.g. an older map): the "
                 "estimators are then Stehman's (2014).")
        self.add(QgsProcessingParameterFileDestination(self.OUTPUT, self.tr("Report (JSON)"),
                                                       self.tr("JSON files (*.json)")),
                 "overall_accuracy, classes, error_matrix and points, for other tools to read.")
        self.add(QgsProcessingParameterFileDestination(self.OUTPUT_HTML, self.tr("Report (HTML)"),
                                                       self.tr("HTML files (*.html)")),
                 "The report a person reads: accuracies, the area chart, the error matrices, the warnings.")

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        the_map = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        points = self.parameterAsVectorLayer(parameters, self.REFERENCE, context)
        if the_map is None or points is None:
            raise QgsProcessingException(self.tr("INPUT must be a raster layer and REFERENCE a point layer"))
        if points.providerType() != "ogr":
            raise QgsProcessingException(self.tr(
                "REFERENCE '{}' is not saved in a file; save it (GeoPackage, Shapefile, GeoJSON) and run "
                "again").format(points.name()))
        strata = self.parameterAsRasterLayer(parameters, self.STRATA, context)
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        page = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        assessment = load_backend("assessment")
        result = self.run_backend(
            assessment.write_assessment, layer_file(the_map), points.source(),
            self.parameterAsString(parameters, self.FIELD, context), output, page,
            layer_file(strata) if strata else None, feedback=feedback)
        for line in assessment.summary_lines(result.report):
            feedback.pushInfo(line)
        return {self.OUTPUT: output, self.OUTPUT_HTML: page}

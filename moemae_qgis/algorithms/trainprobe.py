"""``moemae:trainprobe``: fit a probe of your own classes from points or polygons on a scene.

The adapter turns the training layer into sample positions on the raster (points: where they
are; polygons: a grid of positions every SPACING px inside them), in the raster's CRS and
pixel grid; the backend embeds the tiles there and fits the probe.
"""
from __future__ import annotations

import math

from qgis.core import (QgsCoordinateTransform, QgsGeometry, QgsPointXY, QgsProcessing, QgsProcessingException,
                       QgsProcessingParameterFeatureSource, QgsProcessingParameterField,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterNumber, QgsWkbTypes)

from ..backend_loader import load_backend
from .classify import ClassifyAlgorithm, backend_or_explain


class TrainProbeAlgorithm(ClassifyAlgorithm):
    TRAINING, CLASS_FIELD, SPACING = "TRAINING", "CLASS_FIELD", "SPACING"

    def name(self):
        return "trainprobe"

    def displayName(self):
        return "Train a probe from training areas"

    def group(self):
        return "Land cover"

    def groupId(self):
        return "landcover"

    def shortHelpString(self):
        return ("Fits a linear probe of your own classes on the frozen MoE-MAE embeddings of a scene: every point, "
                "and every SPACING px inside every polygon, of the TRAINING layer becomes a 40 × 40 px tile labelled "
                "with CLASS_FIELD. Logs the cross-validated accuracy and the tiles per class, and refuses when a "
                "class has fewer than 3. Use the probe file with 'Classify land cover'.")

    def createInstance(self):
        return TrainProbeAlgorithm()

    def initAlgorithm(self, config=None):
        self.add_scene_parameters(with_probe=False)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.TRAINING, "Training areas (points or polygons)",
            [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(self.CLASS_FIELD, "Class field",
                                                      parentLayerParameterName=self.TRAINING))
        self.addParameter(QgsProcessingParameterNumber(self.SPACING, "Spacing of samples inside polygons (px)",
                                                       QgsProcessingParameterNumber.Integer, defaultValue=20,
                                                       minValue=1, maxValue=400))
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, "Probe", "Probe (*.json)"))

    def processAlgorithm(self, parameters, context, feedback):
        backend_or_explain()
        layer = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        source = self.parameterAsSource(parameters, self.TRAINING, context)
        field = self.parameterAsString(parameters, self.CLASS_FIELD, context)
        spacing = self.parameterAsInt(parameters, self.SPACING, context)
        if layer is None or source is None:
            raise QgsProcessingException("INPUT and TRAINING are required")
        raster_path = layer.source().split("|")[0]
        acquisition = self.acquisition(parameters, context, layer, raster_path, feedback)
        transform = QgsCoordinateTransform(source.sourceCrs(), layer.crs(), context.transformContext())
        extent, width, height = layer.extent(), layer.width(), layer.height()
        px, py = extent.width() / width, extent.height() / height

        def to_pixel(x, y):
            return (x - extent.xMinimum()) / px, (extent.yMaximum() - y) / py

        names, samples = [], []
        for feature in source.getFeatures():
            value = feature[field]
            if value is None or str(value).strip() == "":
                continue
            name = str(value)
            if name not in names:
                names.append(name)
            geometry = QgsGeometry(feature.geometry())
            geometry.transform(transform)
            label = names.index(name)
            if geometry.type() == QgsWkbTypes.PointGeometry:
                for point in geometry.vertices():
                    col, row = to_pixel(point.x(), point.y())
                    if 0 <= col < width and 0 <= row < height:
                        samples.append((col, row, label))
                continue
            box = geometry.boundingBox()
            c0, r0 = to_pixel(box.xMinimum(), box.yMaximum())
            c1, r1 = to_pixel(box.xMaximum(), box.yMinimum())
            for row in range(max(0, math.floor(r0)), min(height, math.ceil(r1) + 1), spacing):
                for col in range(max(0, math.floor(c0)), min(width, math.ceil(c1) + 1), spacing):
                    x = extent.xMinimum() + (col + 0.5) * px
                    y = extent.yMaximum() - (row + 0.5) * py
                    if geometry.contains(QgsPointXY(x, y)):
                        samples.append((col + 0.5, row + 0.5, label))
        if len(names) < 2:
            raise QgsProcessingException(f"the field '{field}' holds {len(names)} class(es) on the raster; a probe "
                                         "needs at least 2")
        feedback.pushInfo(f"{len(samples)} sample positions of {len(names)} classes")
        training = load_backend("training_areas")
        from .classify import FeedbackProgress

        try:
            probe, report = training.fit_probe_on_areas(
                raster_path, samples, names,
                self.parameterAsFile(parameters, self.MODEL, context) or str(load_backend("catalogue").DEFAULT_CHECKPOINT),
                bands=self.parameterAsInts(parameters, self.BANDS, context) or None, acquisition=acquisition.when,
                use_metadata=self.parameterAsBoolean(parameters, self.USE_METADATA, context),
                device=self.parameterAsString(parameters, self.DEVICE, context) or "auto", log=feedback.pushInfo,
                progress=FeedbackProgress(feedback, len(samples)))
        except load_backend("progress").Cancelled:
            feedback.reportError("Cancelled: no probe was written.")
            return {}
        except load_backend("errors").UserError as exc:
            raise QgsProcessingException(str(exc)) from None
        for name, count in report.counts.items():
            feedback.pushInfo(f"  {name}: {count} tiles")
        if report.skipped_fill:
            feedback.pushInfo(f"  {report.skipped_fill} positions skipped: mostly fill")
        if report.cv_accuracy is not None:
            feedback.pushInfo(f"Cross-validated accuracy ({report.folds}-fold): {report.cv_accuracy:.3f}")
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        try:
            probe.save(output)
        except OSError as exc:
            raise QgsProcessingException(f"cannot write the probe to {output}: {exc.strerror or exc}") from None
        return {self.OUTPUT: output}

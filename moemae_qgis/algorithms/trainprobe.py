"""``moemae:trainprobe``: fit a probe of your own classes from points or polygons on a scene.

The adapter turns the training layer into sample positions on the raster (points: where they
are; polygons: the pixel centres every SPACING px inside them, or one point inside a polygon
too small for any), and its colour field into the classes' colours, on the raster's own pixel grid
(``backend.geo.PixelGrid``, its GDAL geotransform, rotation included: the grid the backend
reads the tiles on); the backend embeds the tiles there and fits the probe.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..backend_loader import load_backend
from ..i18n import tr
from .base import FeedbackProgress, SceneAlgorithm, backend_errors, backend_or_explain, layer_file


@dataclass
class TrainingSamples:
    """Sample positions (column, row, class index) on the raster's grid, and what was left out."""

    names: list = field(default_factory=list)
    samples: list = field(default_factory=list)
    colours: dict = field(default_factory=dict)  # class name → (r, g, b), from the colour field
    features: int = 0
    no_class: int = 0  # features whose class is NULL or empty
    outside: int = 0  # points, or polygons, with no position on the raster
    given: int = 0  # positions found, before an even share of each class was kept


def class_of(value) -> str | None:
    """A feature's class name, or None for NULL or empty (QGIS gives NULL as a null QVariant)."""
    if value is None or (isinstance(value, QVariant) and value.isNull()):
        return None
    name = str(value).strip()
    return name or None


def has_crs(crs: QgsCoordinateReferenceSystem) -> bool:
    """Whether a layer has a CRS: a GeoPackage without one reads as a valid 'Undefined geographic
    SRS' (or cartesian), whose coordinates transform to NaN."""
    return crs.isValid() and "undefined" not in crs.toWkt().lower()[:80]


def note_colour(found: TrainingSamples, name: str, feature, colour_field: str | None) -> None:
    """The class's colour from the feature's ``colour_field`` (NULL or empty: none); a value that
    is no colour, or a second colour for a class, is refused naming the feature."""
    value = class_of(feature[colour_field]) if colour_field else None
    if value is None:
        return
    try:
        colour = load_backend("classes").parse_colour(value)
    except ValueError as exc:
        raise QgsProcessingException(tr("feature {} (class '{}'), field '{}': {}").format(
            feature.id(), name, colour_field, exc)) from None
    if found.colours.setdefault(name, colour) != colour:
        raise QgsProcessingException(tr(
            "feature {} gives the class '{}' the colour {}, another feature gave it {}: give each class one "
            "colour in '{}'").format(feature.id(), name, value, "#%02x%02x%02x" % found.colours[name],
                                    colour_field))


def sample_positions(source, field_name: str, transform: QgsCoordinateTransform, grid, spacing: int,
                     feedback, colour_field: str | None = None) -> TrainingSamples:
    """Every feature of ``source`` as sample positions on ``grid`` (see :class:`TrainingSamples`):
    the geometries, in the raster's CRS, are sampled by the backend (``area_samples``: GDAL
    rasterizes them in strips, at most 20,000 positions are listed, Cancel is answered). Returns
    what was found up to a cancel; lines are refused (a ``UserError``)."""
    found, areas = TrainingSamples(), []
    for feature in source.getFeatures():
        if feedback.isCanceled():
            return found
        found.features += 1
        name = class_of(feature[field_name])
        if name is None:
            found.no_class += 1
            continue
        note_colour(found, name, feature, colour_field)
        geometry = QgsGeometry(feature.geometry())
        geometry.transform(transform)
        if name not in found.names:
            found.names.append(name)
        areas.append((feature.id(), bytes(geometry.asWkb()), found.names.index(name)))
    backend = load_backend("training_areas")
    try:
        sampled = backend.area_samples(areas, grid, spacing, progress=FeedbackProgress(feedback))
    except load_backend("progress").Cancelled:
        return found
    found.samples, found.given = sampled.samples, sampled.given
    found.outside = sampled.outside
    used = sorted({label for _, _, label in found.samples})
    return _only_classes_on_the_raster(found, used)


def _only_classes_on_the_raster(found: TrainingSamples, used: list) -> TrainingSamples:
    """Classes whose every area lies off the raster are dropped, and the labels renumbered."""
    renumber = {old: new for new, old in enumerate(used)}
    found.names = [found.names[k] for k in used]
    found.samples = [(c, r, renumber[label]) for c, r, label in found.samples]
    return found


class TrainProbeAlgorithm(SceneAlgorithm):
    TRAINING, CLASS_FIELD, COLOUR_FIELD, SPACING = "TRAINING", "CLASS_FIELD", "COLOUR_FIELD", "SPACING"
    NAME, DISPLAY_NAME = "trainprobe", "Train a probe from training areas"
    GROUP, GROUP_ID = "Land cover", "landcover"
    SHORT_DESCRIPTION = "A probe of your own classes, from points or polygons drawn on a scene."
    HELP = ("Fits a linear probe of your own classes on the frozen MoE-MAE embeddings of a scene: every "
            "point, and every SPACING px inside every polygon, of the TRAINING layer becomes a 40 × 40 px "
            "tile labelled with CLASS_FIELD (features whose class is NULL or empty are left out, and "
            "counted). SPACING defaults to 4 px, one sample per 120 m token, the cell of a map at token "
            "resolution, so that a polygon of a few hundred metres gives dozens of samples; a polygon "
            "smaller than SPACING still gives one, at a point inside it. COLOUR_FIELD (optional) gives a "
            "class its colour, written #1f78b4 or 31,120,180; other classes get colours from their names "
            "(water, river, lake: blues; forest, tree: greens; urban, town, built: reds and greys; crop, "
            "field, arable: yellows; …), else distinct ones. Logs the tiles per class and the "
            "cross-validated accuracy with its 95 % interval, warns when the samples are too few for that "
            "figure to mean much (fewer than 100), and refuses when a class has fewer than 3. Beyond 20,000 "
            "positions an even share of each class is used. Use the probe file with 'Classify land cover'.")
    #: Scene parameters a probe does not use: it reads one tile per sample, not a grid of tiles.
    UNUSED = ("STRIDE", "BATCH_SIZE")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS's name
        self.add_training_parameters()
        self.add_scene_parameters(with_probe=False)
        for name in self.UNUSED:
            self.removeParameter(name)
        self.add_sample_features_parameter()
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, self.tr("Probe"),
                                                                self.tr("Probe (*.json)")))

    def add_training_parameters(self) -> None:
        """The probe's own inputs, first: where the classes are, their names and colours, the spacing."""
        self.add(QgsProcessingParameterFeatureSource(
            self.TRAINING, self.tr("Training areas"),
            [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon]),
            "Points or polygons of your classes: each point, and every Spacing px inside each polygon, is "
            "a sample.")
        self.add(QgsProcessingParameterField(self.CLASS_FIELD, self.tr("Class field"),
                                             parentLayerParameterName=self.TRAINING),
                 "The field that names each feature's class; NULL or empty features are left out.")
        self.add(QgsProcessingParameterField(self.COLOUR_FIELD, self.tr("Colour field"),
                                             parentLayerParameterName=self.TRAINING, optional=True),
                 "A colour per class, #1f78b4 or 31,120,180. Default: from the class names (water blue, "
                 "forest green, town red or grey, crops yellow), else a distinct palette.")
        self.add(QgsProcessingParameterNumber(
            self.SPACING, self.tr("Sample spacing (px)"), QgsProcessingParameterNumber.Type.Integer,
            defaultValue=load_backend("training_areas").DEFAULT_SPACING_PX, minValue=1, maxValue=400),
            "A sample every Spacing px inside each polygon; 4 px is one per 120 m token. A polygon "
            "smaller than that still gives one sample, at a point inside it.")

    def add_sample_features_parameter(self) -> None:
        """RESOLUTION, which for a probe picks the features it is fitted on, and so the maps it suits."""
        features = QgsProcessingParameterEnum(
            self.RESOLUTION, self.tr("Sample features"),
            options=list(load_backend("options").FEATURE_RESOLUTIONS),
            defaultValue=load_backend("options").MAP_RESOLUTION_DEFAULT)
        features.setUsesStaticStrings(True)
        self.add(features, "token: the 120 m token under each sample, for maps of 120 m cells; tile: the "
                           "whole 1.2 km tile, for maps of a cell per stride; auto: token.")

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        backend_or_explain()
        layer, raster_path = self.input_raster(parameters, context)
        source = self.parameterAsSource(parameters, self.TRAINING, context)
        if source is None:
            raise QgsProcessingException(self.tr("TRAINING is not a point or polygon layer"))
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        model = self.model_path(parameters, context)
        self.check_output(parameters, context, output, raster_path, model)
        found = self.positions(parameters, context, source, layer, raster_path, feedback)
        if feedback.isCanceled():
            raise QgsProcessingException(self.tr("Cancelled: no probe was written."))
        options = self.scene_options(parameters, context, (layer, raster_path), feedback)
        training = load_backend("training_areas")
        samples = training.LabelledSamples(found.samples, found.names, found.colours)
        probe, report = self.run_backend(training.fit_probe_on_areas, raster_path, samples, model, options,
                                         feedback=feedback)
        self.report(report, feedback)
        with backend_errors():
            probe.save(output)
            if report.cv_predicted is not None:  # the probe's own check, beside it
                page = load_backend("probe_check").write_probe_check(
                    output, probe.class_names, report.cv_labels, report.cv_predicted, report.folds)
                feedback.pushInfo(self.tr("Cross-validated error matrix and F1 per class: {}").format(page))
        return {self.OUTPUT: output}

    def report(self, report, feedback) -> None:
        """Tiles per class, positions skipped, and the cross-validated accuracy, in the log."""
        for name, count in report.counts.items():
            feedback.pushInfo(self.tr("  {}: {} tiles").format(name, count))
        if report.skipped_fill:
            feedback.pushInfo(self.tr("  {} positions skipped: more than half fill or no data")
                              .format(report.skipped_fill))
        if report.cv_accuracy is not None:  # too few samples for it to mean much: the backend warned
            low, high = report.cv_interval
            samples = sum(report.counts.values())
            feedback.pushInfo(self.tr("Cross-validated accuracy ({}-fold): {:.3f} (95 % interval "
                                      "{:.2f}-{:.2f}, {} samples)")
                              .format(report.folds, report.cv_accuracy, low, high, samples))

    def check_output(self, parameters, context, output, raster_path, model) -> None:
        """The probe must be a .json that is none of the inputs (the scene, the training layer)."""
        training = self.parameterAsVectorLayer(parameters, self.TRAINING, context)
        inputs = [("the input raster", raster_path), ("the model", model)]
        if training is not None:
            inputs.append(("the training layer", layer_file(training)))
        with backend_errors():
            load_backend("files").check_outputs([("the probe", output, (".json",))], inputs)

    def raster_grid(self, parameters, context, layer, raster_path):
        """(pixel grid, CRS) of the raster the backend reads: a layer's, or a product's stack."""
        with backend_errors():
            options = load_backend("options").SceneOptions(bands=self.chosen_bands(parameters, context))
            scene = load_backend("scene").open_scene(raster_path, options)
        grid = load_backend("geo").PixelGrid(scene.transform, scene.width, scene.height)
        return grid, layer.crs() if layer is not None else QgsCoordinateReferenceSystem.fromWkt(scene.crs)

    def positions(self, parameters, context, source, layer, raster_path, feedback) -> TrainingSamples:
        """The sample positions, with what was left out said in the log; refused when unusable."""
        field_name = self.parameterAsString(parameters, self.CLASS_FIELD, context)
        colour_field = self.parameterAsString(parameters, self.COLOUR_FIELD, context) or None
        self.check_training_layer(source, field_name, colour_field)
        grid, crs = self.raster_grid(parameters, context, layer, raster_path)
        transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
        with backend_errors():
            found = sample_positions(source, field_name, transform, grid,
                                     self.parameterAsInt(parameters, self.SPACING, context), feedback,
                                     colour_field)
        if not found.features and not feedback.isCanceled():
            raise QgsProcessingException(self.tr("the training layer has no features: draw points or "
                                                 "polygons of at least 2 classes"))
        self.say_what_was_left_out(found, field_name, feedback)
        if not found.samples and found.outside:
            raise QgsProcessingException(self.tr(
                "none of the {} training features lies on the raster: the layer ({}) and the raster ({}) do "
                "not overlap. Are the features in the right place, and is each layer's CRS right?").format(
                found.features, source.sourceCrs().authid() or "unknown CRS",
                crs.authid() or "unknown CRS"))
        self.check_class_count(found, field_name)
        feedback.pushInfo(self.tr("{} sample positions of {} classes").format(found.given, len(found.names)))
        if found.given > len(found.samples):
            feedback.pushInfo(self.tr("{} kept, an even share of each class: more would add time and memory, "
                                      "not accuracy").format(len(found.samples)))
        return found

    def check_training_layer(self, source, field_name: str, colour_field: str | None) -> None:
        """Points or polygons, with a CRS and the fields named: each refused in a line that says
        what to do (a line layer was sampled as points; no CRS ended in 'cannot convert float NaN
        to integer'; a missing field in a KeyError)."""
        kind = QgsWkbTypes.geometryType(source.wkbType())
        if kind not in (QgsWkbTypes.GeometryType.PointGeometry, QgsWkbTypes.GeometryType.PolygonGeometry):
            raise QgsProcessingException(self.tr(
                "the training layer holds {}, not points or polygons: a sample is a point, or a place inside "
                "a polygon; draw polygons (or buffer the lines: Vector > Geoprocessing Tools > Buffer)"
            ).format(QgsWkbTypes.displayString(source.wkbType()) or "no geometries"))
        if not has_crs(source.sourceCrs()):
            raise QgsProcessingException(self.tr(
                "the training layer has no CRS, so its features cannot be placed on the raster: assign it "
                "one (Layer Properties > Source > Assigned Coordinate Reference System)"))
        names = source.fields().names()
        for parameter, name in ((self.CLASS_FIELD, field_name), (self.COLOUR_FIELD, colour_field)):
            if name and name not in names:
                raise QgsProcessingException(self.tr("{} '{}' is not a field of the training layer; its "
                                                     "fields are: {}").format(parameter, name,
                                                                              ", ".join(names)))

    def say_what_was_left_out(self, found: TrainingSamples, field_name: str, feedback) -> None:
        if found.no_class:
            feedback.pushWarning(self.tr("{} of {} features have no class ('{}' is NULL or empty) and were "
                                         "left out")
                                 .format(found.no_class, found.features, field_name))
        if found.outside:
            feedback.pushWarning(self.tr("{} of {} features lie outside the raster and were left out")
                                 .format(found.outside, found.features))

    def check_class_count(self, found: TrainingSamples, field_name: str) -> None:
        """2 classes at least, and no more than a class map holds (UInt8, 255 is nodata)."""
        most = load_backend("classes").MAX_CLASSES
        if len(found.names) < 2:
            raise QgsProcessingException(self.tr("the field '{}' holds {} class(es) on the raster; a probe "
                                                 "needs at least 2").format(field_name, len(found.names)))
        if len(found.names) > most:
            raise QgsProcessingException(self.tr(
                "the field '{}' holds {} classes on the raster; a map holds at most {} (UInt8, 255 is "
                "nodata): merge some classes").format(field_name, len(found.names), most))

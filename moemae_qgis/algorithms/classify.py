"""``moemae:classify``: a Landsat raster layer → a styled land-cover layer.

A thin adapter: it reads the parameters and the layer's acquisition date, hands everything to
the backend's one inference core (``backend.raster.classify_raster``), and styles the result
with the probe's class names and colours when QGIS loads it.
"""
from __future__ import annotations

import logging
import threading
from contextlib import contextmanager

from qgis.core import (QgsPalettedRasterRenderer, QgsProcessingAlgorithm, QgsProcessingException,
                       QgsProcessingLayerPostProcessorInterface, QgsProcessingParameterBand,
                       QgsProcessingParameterBoolean, QgsProcessingParameterDateTime, QgsProcessingParameterEnum,
                       QgsProcessingParameterFile, QgsProcessingParameterNumber, QgsProcessingParameterRasterDestination,
                       QgsProcessingParameterRasterLayer)
from qgis.PyQt.QtGui import QColor

from .. import dependencies
from ..backend_loader import load_backend

def device_options() -> list:
    """DEVICE's choices: the backend's names, then cuda:0 … cuda:7 (last, so that the index of
    the first four never changes)."""
    device = load_backend("device")
    return list(device.DEVICE_CHOICES) + [f"cuda:{n}" for n in range(device.MAX_LISTED_GPUS)]


class FeedbackProgress:
    """The backend's progress interface on a Processing feedback: its bar and its Cancel."""

    def __init__(self, feedback, total: int = 0):
        self.feedback, self.total, self.count = feedback, total, 0

    def update(self, n: int = 1) -> None:
        self.count += n
        self.feedback.setProgress(100.0 * self.count / max(1, self.total))

    def set_postfix(self, **values) -> None:
        pass

    def close(self) -> None:
        pass

    def cancelled(self) -> bool:
        return self.feedback.isCanceled()

    def check(self) -> None:
        if self.cancelled():
            raise load_backend("progress").Cancelled("cancelled")


class LandCoverStyler(QgsProcessingLayerPostProcessorInterface):
    """Paints the class raster with the probe's classes, so the legend reads as land cover."""

    instances = []  # QGIS does not keep a reference; the algorithm does, until it runs

    def __init__(self, names, colours):
        super().__init__()
        self.names, self.colours = list(names), [tuple(c) for c in colours]

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 - QGIS's name
        apply_land_cover_style(layer, self.names, self.colours)


def apply_land_cover_style(layer, names, colours) -> None:
    classes = [QgsPalettedRasterRenderer.Class(index, QColor(*colour), name)
               for index, (name, colour) in enumerate(zip(names, colours))]
    layer.setRenderer(QgsPalettedRasterRenderer(layer.dataProvider(), 1, classes))
    layer.triggerRepaint()


class FeedbackLogHandler(logging.Handler):
    """The backend's log records on a Processing feedback, warnings as warnings: only those of the
    thread that runs this algorithm (QGIS may run others at the same time)."""

    def __init__(self, feedback):
        super().__init__(logging.INFO)
        self.feedback, self.thread = feedback, threading.get_ident()

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread != self.thread:
            return
        if record.levelno >= logging.WARNING:
            self.feedback.pushWarning(record.getMessage())
        else:
            self.feedback.pushInfo(record.getMessage())


@contextmanager
def backend_messages_to(feedback):
    """While a backend function runs: its log records go to ``feedback``."""
    logger = logging.getLogger(load_backend().__name__)
    logger.setLevel(logging.INFO)  # the backend's own logger: its info lines are for the user
    handler = FeedbackLogHandler(feedback)
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)


def describe_failure(exc: Exception) -> str:
    """An OS, GDAL or PyTorch error in words that say what to do."""
    text = str(exc).strip()
    if load_backend("files").is_disk_full(exc):
        return f"the disk is full ({text}); free some space or choose another output folder. Nothing was replaced."
    if "out of memory" in text.lower():
        return f"out of memory ({text}): use a smaller BATCH_SIZE or DEVICE=cpu"
    return f"{type(exc).__name__}: {text} (check the paths, and that no other program holds the output open)"


def backend_or_explain():
    """The backend's raster module, or a QgsProcessingException saying which packages are missing."""
    missing = dependencies.missing_modules()
    if missing:
        raise QgsProcessingException(dependencies.missing_message(missing)
                                     + " Use Raster › MoE-MAE land cover › Install missing Python packages….")
    return load_backend("raster")


class ClassifyAlgorithm(QgsProcessingAlgorithm):
    INPUT, BANDS, MODEL, PROBE, STRIDE = "INPUT", "BANDS", "MODEL", "PROBE", "STRIDE"
    ACQUISITION_DATE, USE_METADATA, DEVICE, BATCH_SIZE = "ACQUISITION_DATE", "USE_METADATA", "DEVICE", "BATCH_SIZE"
    OUTPUT, OUTPUT_PROBABILITIES = "OUTPUT", "OUTPUT_PROBABILITIES"

    def name(self):
        return "classify"

    def displayName(self):
        return "Classify land cover"

    def group(self):
        return "Land cover"

    def groupId(self):
        return "landcover"

    def shortHelpString(self):
        return ("Tiles a Landsat 8/9 Collection 2 Level-2 surface-reflectance raster (SR_B1…SR_B7, UInt16 "
                "digital numbers) into 40 × 40 px tiles every STRIDE px, encodes each tile with the MoE-MAE "
                "model together with the acquisition date and the tile's latitude and longitude, and writes the "
                "linear probe's most likely class per STRIDE × STRIDE cell (UInt8, nodata 255), styled with the "
                "probe's class names and colours. The acquisition date is read from the MTL file next to the "
                "raster, the Landsat product id in its name, its GDAL tags or the layer's temporal properties; "
                "ACQUISITION_DATE overrides them. Tiles that are mostly fill become nodata.")

    def createInstance(self):
        return ClassifyAlgorithm()

    def initAlgorithm(self, config=None):
        self.add_scene_parameters(with_probe=True)
        self.addParameter(QgsProcessingParameterRasterDestination(self.OUTPUT, "Land cover"))
        self.addParameter(QgsProcessingParameterRasterDestination(
            self.OUTPUT_PROBABILITIES, "Class probabilities", optional=True, createByDefault=False))

    def add_scene_parameters(self, with_probe: bool):
        """The parameters every raster algorithm of the plugin shares, declared once."""
        catalogue = load_backend("catalogue")
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, "Landsat 8/9 surface-reflectance raster"))
        self.addParameter(QgsProcessingParameterBand(
            self.BANDS, "Bands SR_B1…SR_B7, in that order (default: by band name, else bands 1-7)",
            parentLayerParameterName=self.INPUT, optional=True, allowMultiple=True))
        self.addParameter(QgsProcessingParameterFile(
            self.MODEL, "Model checkpoint (default: the bundled model)", extension="", optional=True,
            defaultValue=str(catalogue.DEFAULT_CHECKPOINT), fileFilter="Checkpoints (*.pt *.pth)"))
        if with_probe:
            self.addParameter(QgsProcessingParameterFile(
                self.PROBE, "Linear probe (default: the bundled 19-class BigEarthNet probe)", extension="json",
                optional=True, defaultValue=str(catalogue.DEFAULT_PROBE)))
        self.addParameter(QgsProcessingParameterNumber(
            self.STRIDE, "Stride between tiles (pixels; also the output cell size)",
            QgsProcessingParameterNumber.Type.Integer, defaultValue=20, minValue=1, maxValue=40))
        self.addParameter(QgsProcessingParameterDateTime(
            self.ACQUISITION_DATE, "Acquisition date and time, UTC (default: read from the layer)", optional=True))
        self.addParameter(QgsProcessingParameterBoolean(self.USE_METADATA, "Use date and position as metadata",
                                                        defaultValue=True))
        device = QgsProcessingParameterEnum(self.DEVICE, "Device", options=device_options(), defaultValue="auto")
        device.setUsesStaticStrings(True)  # DEVICE=cpu on the command line
        self.addParameter(device)
        self.addParameter(QgsProcessingParameterNumber(self.BATCH_SIZE, "Tiles per batch",
                                                       QgsProcessingParameterNumber.Type.Integer, defaultValue=256,
                                                       minValue=1, maxValue=65536))

    def input_raster(self, parameters, context):
        """(layer, file path) of INPUT, refused unless GDAL can read it as a file."""
        layer = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        if layer is None:
            raise QgsProcessingException("INPUT is not a raster layer")
        if layer.providerType() != "gdal":
            raise QgsProcessingException(f"{layer.name()} is a {layer.providerType()} layer; save it as a GeoTIFF "
                                         "first (the model reads files through GDAL)")
        return layer, layer.source().split("|")[0]

    def scene_request(self, parameters, context, feedback, **extra):
        """A ``backend.raster.ClassifyRequest`` from the shared parameters."""
        raster = backend_or_explain()
        layer, source = self.input_raster(parameters, context)
        acquisition = self.acquisition(parameters, context, layer, source, feedback)
        catalogue = load_backend("catalogue")
        return raster.ClassifyRequest(
            input=source, output=self.parameterAsOutputLayer(parameters, self.OUTPUT, context),
            bands=self.parameterAsInts(parameters, self.BANDS, context) or None,
            checkpoint=self.parameterAsFile(parameters, self.MODEL, context) or str(catalogue.DEFAULT_CHECKPOINT),
            stride=self.parameterAsInt(parameters, self.STRIDE, context), acquisition=acquisition.when,
            use_metadata=self.parameterAsBoolean(parameters, self.USE_METADATA, context),
            device=self.parameterAsString(parameters, self.DEVICE, context) or "auto",
            batch_size=self.parameterAsInt(parameters, self.BATCH_SIZE, context),
            also_reads=[("the MTL file", acquisition.path)] if acquisition.path else [], **extra)

    def run_backend(self, function, *args, feedback, **kwargs):
        """Run a backend function with the feedback as its progress and log; every way it can
        fail becomes a QgsProcessingException that says why (a cancel too: then nothing was
        written, and qgis_process exits with an error, not as if all went well)."""
        try:
            with backend_messages_to(feedback):
                return function(*args, progress=FeedbackProgress(feedback), **kwargs)
        except load_backend("progress").Cancelled:
            raise QgsProcessingException("Cancelled: no output was written.") from None
        except load_backend("errors").UserError as exc:
            raise QgsProcessingException(str(exc)) from None
        except MemoryError:
            raise QgsProcessingException("out of memory: use a larger STRIDE, a smaller BATCH_SIZE or the CPU") from None
        except (OSError, RuntimeError) as exc:  # GDAL's I/O errors and PyTorch's out-of-memory land here
            raise QgsProcessingException(describe_failure(exc)) from None

    def processAlgorithm(self, parameters, context, feedback):
        probabilities = self.parameterAsOutputLayer(parameters, self.OUTPUT_PROBABILITIES, context) or None
        request = self.scene_request(
            parameters, context, feedback, probabilities=probabilities,
            probe=self.parameterAsFile(parameters, self.PROBE, context) or str(load_backend("catalogue").DEFAULT_PROBE))
        output = request.output
        result = self.run_backend(load_backend("raster").classify_raster, request, feedback=feedback)
        feedback.pushInfo(result.summary())
        for name, cells in sorted(result.counts.items(), key=lambda item: -item[1]):
            feedback.pushInfo(f"  {name}: {cells} cells")
        if context.willLoadLayerOnCompletion(output):
            styler = LandCoverStyler(result.class_names, result.colours)
            LandCoverStyler.instances.append(styler)
            context.layerToLoadOnCompletionDetails(output).setPostProcessor(styler)
        outputs = {self.OUTPUT: output}
        if probabilities:
            outputs[self.OUTPUT_PROBABILITIES] = probabilities
        return outputs

    def acquisition(self, parameters, context, layer, source, feedback):
        """The acquisition date: the parameter, else MTL / product id / GDAL tags, else the layer's
        temporal range; logged with where it came from."""
        scene = load_backend("scene_metadata")
        chosen = None
        given = parameters.get(self.ACQUISITION_DATE)
        if isinstance(given, str) and given.strip():
            # Text (qgis_process, a script) is read as the CLI reads --acquisition-date: a date alone
            # leaves the hour unknown, an offset is converted to UTC.
            when = scene.parse_when(given)
            if when is None:
                raise QgsProcessingException(f"ACQUISITION_DATE {given!r} is not a date (use 2021-06-15, "
                                             "2021-06-15T09:53:12 in UTC, or 2021-06-15T11:53:12+02:00)")
            chosen = scene.Acquisition(when, "the ACQUISITION_DATE parameter")
        elif given not in (None, ""):
            value = self.parameterAsDateTime(parameters, self.ACQUISITION_DATE, context)
            if value.isValid():
                chosen = scene.Acquisition(value.toUTC().toPyDateTime().replace(tzinfo=None),
                                           "the ACQUISITION_DATE parameter")
        if chosen is None:
            from osgeo import gdal

            dataset = gdal.Open(source)
            found = scene.find_acquisition(source, dataset.GetMetadata() if dataset else {})
            if found.when is None:
                temporal = layer.temporalProperties()
                if temporal.isActive() and temporal.fixedTemporalRange().begin().isValid():
                    when = temporal.fixedTemporalRange().begin().toUTC().toPyDateTime().replace(tzinfo=None)
                    found = scene.Acquisition(when, "the layer's temporal properties")
            chosen = found
        feedback.pushInfo(f"Acquisition: {chosen.describe()}" if chosen.when else
                          f"Acquisition date: unknown ({chosen.source})")
        return chosen


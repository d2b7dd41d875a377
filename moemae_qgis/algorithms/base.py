"""What the plugin's Processing algorithms share.

- :class:`MoeMaeAlgorithm`: the base of every algorithm: translated names and help, a help page,
  and :meth:`~MoeMaeAlgorithm.run_backend`, which runs a backend function with the feedback as
  its progress, its Cancel and its log, and turns every failure into a clear
  ``QgsProcessingException``.
- :class:`SceneAlgorithm`: an algorithm on a Landsat raster: the scene parameters, declared
  once, and the backend request built from them.
- :class:`LandCoverStyler`: paints a class raster with its probe's classes when QGIS loads it.
"""
from __future__ import annotations

import html
import logging
import re
import threading
from contextlib import contextmanager
from pathlib import Path

from qgis.core import (
    QgsPalettedRasterRenderer,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingParameterBand,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsRasterLayer,
)
from qgis.PyQt.QtGui import QColor

from .. import dependencies
from ..backend_loader import load_backend
from ..diagnostics import record_failure
from ..i18n import tr
from ..qt_compat import HIDDEN_PARAMETER
from .readme_help import github_anchor, markdown_to_html, readme_section

#: A band list as QGIS reads it: numbers separated by ';'.
BAND_LIST = re.compile(r"\s*\d+(\s*;\s*\d+)*\s*")
#: BANDS' help. A product's bands are found by name; QGIS still tries to list the bands of whatever
#: INPUT holds, and says so where it cannot (a product path in batch mode, or typed as INPUT).
BANDS_HELP = ("Which bands of the raster are SR_B1…SR_B7, in that order. Default: by band name, or bands "
              "1-7 of a 7-band raster without Landsat band names. A product (MTL file, folder or .tar) needs "
              "none: QGIS cannot list a product's bands, and its 'Dependent bands could not be populated' "
              "then only says so; leave BANDS empty.")
#: STRIDE's help: the stride places the tiles; the map's cell is RESOLUTION's (120 m by default).
STRIDE_HELP = ("A 40 × 40 px tile every STRIDE px: a smaller stride overlaps the tiles more and takes "
               "longer. The map's cells are one per 4 × 4 px token (120 m) or one per stride: see Map cells.")


def device_options() -> list:
    """DEVICE's choices: the backend's names, then cuda:0 … cuda:7 (last, so that the index of
    the first four never changes)."""
    device = load_backend("device")
    return list(device.DEVICE_CHOICES) + [f"cuda:{n}" for n in range(device.MAX_LISTED_GPUS)]


class FeedbackProgress:
    """The backend's ``Progress`` on a Processing feedback, or on a ``QgsTask`` (it too has
    ``setProgress`` and ``isCanceled``): its bar and its Cancel."""

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


def layer_file(layer) -> str:
    """The file a GDAL or OGR layer reads: its source without the provider's options after "|"
    (``map.gpkg|layername=areas``)."""
    return layer.source().split("|")[0]


@contextmanager
def backend_errors():
    """The backend's ``UserError`` as the ``QgsProcessingException`` Processing shows: its message."""
    try:
        yield
    except load_backend("errors").UserError as exc:
        raise QgsProcessingException(str(exc)) from None


def backend_or_explain():
    """The backend's raster module, or a QgsProcessingException saying which packages are missing."""
    missing = dependencies.missing_modules()
    if missing:
        raise QgsProcessingException(dependencies.missing_message(missing) + " "
                                     + tr("Use Raster › MoE-MAE land cover › Install missing Python "
                                          "packages…."))
    return load_backend("raster")


class KeptPostProcessor(QgsProcessingLayerPostProcessorInterface):
    """A layer post-processor that stays referenced until it has run: QGIS keeps no reference to
    one. Subclasses say what to do to the layer in :meth:`process`."""

    #: The post-processors waiting to run (at most :data:`MAX_PENDING`: for runs whose layer was
    #: never loaded, the oldest are let go).
    pending: list = []
    MAX_PENDING = 16

    def kept(self):
        """This post-processor, referenced until it has run."""
        KeptPostProcessor.pending = KeptPostProcessor.pending[-(self.MAX_PENDING - 1):] + [self]
        return self

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 - QGIS's name
        try:
            self.process(layer)
        finally:
            if self in KeptPostProcessor.pending:
                KeptPostProcessor.pending.remove(self)

    def process(self, layer) -> None:
        raise NotImplementedError


class LandCoverStyler(KeptPostProcessor):
    """Paints the class raster with the probe's classes, so the legend reads as land cover."""

    def __init__(self, names, colours):
        super().__init__()
        self.names, self.colours = list(names), [tuple(c) for c in colours]

    @classmethod
    def attach(cls, context, output: str, names, colours) -> None:
        """Style ``output`` this way when QGIS loads it at the end of the run."""
        context.layerToLoadOnCompletionDetails(output).setPostProcessor(cls(names, colours).kept())

    def process(self, layer) -> None:
        apply_land_cover_style(layer, self.names, self.colours)


def apply_land_cover_style(layer, names, colours) -> None:
    classes = [QgsPalettedRasterRenderer.Class(index, QColor(*colour), name)
               for index, (name, colour) in enumerate(zip(names, colours))]
    layer.setRenderer(QgsPalettedRasterRenderer(layer.dataProvider(), 1, classes))
    layer.triggerRepaint()


class MoeMaeAlgorithm(QgsProcessingAlgorithm):
    """The base of the plugin's algorithms. Subclasses set NAME, DISPLAY_NAME, GROUP, GROUP_ID and
    SHORT_DESCRIPTION. Their help is the README's section headed by DISPLAY_NAME (HELP_ANCHOR names
    another), then HELP_SECTIONS; HELP is shown only where the README is missing."""

    NAME = DISPLAY_NAME = GROUP = GROUP_ID = SHORT_DESCRIPTION = HELP = HELP_ANCHOR = ""
    HELP_SECTIONS: tuple = ()  # anchors of further README sections for the help panel

    def tr(self, text: str) -> str:
        return tr(text)

    def name(self):
        return self.NAME

    def displayName(self):  # noqa: N802 - QGIS's names, here and below
        return self.tr(self.DISPLAY_NAME)

    def group(self):
        return self.tr(self.GROUP)

    def groupId(self):  # noqa: N802
        return self.GROUP_ID

    def shortDescription(self):  # noqa: N802
        return self.tr(self.SHORT_DESCRIPTION)

    def help_anchor(self) -> str:
        """The README section of this algorithm, by its GitHub anchor."""
        return self.HELP_ANCHOR or github_anchor(self.DISPLAY_NAME)

    def shortHelpString(self):  # noqa: N802
        """The help panel, the only help offline: the README's sections, then each parameter's help."""
        own = readme_section(self.help_anchor()).partition("\n")[2]  # its heading is the panel's title
        sections = [own] + [readme_section(anchor) for anchor in self.HELP_SECTIONS]
        text = "".join(markdown_to_html(section) for section in sections if section)  # each an <h3>
        if not text:
            text = f"<p>{html.escape(self.tr(self.HELP or self.SHORT_DESCRIPTION), quote=False)}</p>"
        return text + self.parameters_help()

    def parameters_help(self) -> str:
        """Each parameter's label and help, as a list (the dialog shows the help only as a tooltip)."""
        items = [f"<li><b>{html.escape(p.description(), quote=False)}</b> ({p.name()})"
                 + (f": {html.escape(p.help(), quote=False)}" if p.help() else "") + "</li>"
                 for p in self.parameterDefinitions()
                 if not p.flags() & HIDDEN_PARAMETER]
        return f"<h3>{self.tr('Parameters')}</h3><ul>{''.join(items)}</ul>" if items else ""

    def helpUrl(self):  # noqa: N802
        homepage = load_backend().plugin_metadata().get("homepage", "")
        return f"{homepage}#{self.help_anchor()}" if homepage else ""

    def add(self, parameter, help_text: str = "", *values):
        """Add ``parameter`` with its help (translated, then ``values`` filled in); returns it."""
        if help_text:
            parameter.setHelp(self.tr(help_text).format(*values) if values else self.tr(help_text))
        self.addParameter(parameter)
        return parameter

    def createInstance(self):  # noqa: N802
        return type(self)()

    def run_backend(self, function, *args, feedback, **kwargs):
        """Run a backend function with the feedback as its progress and log; every way it can
        fail becomes a QgsProcessingException that says why (a cancel too: then nothing was
        written, and qgis_process exits with an error, not as if all went well). A failure is kept,
        with its traceback, for *Check environment*'s report."""
        try:
            return self._run_backend(function, *args, feedback=feedback, **kwargs)
        except Exception as exc:
            if not isinstance(exc.__context__, load_backend("progress").Cancelled):
                record_failure(f"{self.displayName()} failed: {exc}", exc)
            raise

    def _run_backend(self, function, *args, feedback, **kwargs):
        progress, errors = load_backend("progress"), load_backend("errors")
        try:
            with progress.messages_to(FeedbackLogHandler(feedback)):
                return function(*args, progress=FeedbackProgress(feedback), **kwargs)
        except progress.Cancelled:
            raise QgsProcessingException(self.tr("Cancelled: no output was written.")) from None
        # OSError and RuntimeError: GDAL's I/O errors and PyTorch's out-of-memory land there
        except (errors.UserError, MemoryError, OSError, RuntimeError) as exc:
            raise QgsProcessingException(errors.describe(exc)) from None


class SceneAlgorithm(MoeMaeAlgorithm):
    """An algorithm on a Landsat raster: the shared parameters and the backend request."""

    INPUT, BANDS, MODEL, PROBE, STRIDE = "INPUT", "BANDS", "MODEL", "PROBE", "STRIDE"
    ACQUISITION_DATE, USE_METADATA = "ACQUISITION_DATE", "USE_METADATA"
    MASK, QA_PIXEL, INPUT_SCALE, RESOLUTION = "MASK", "QA_PIXEL", "INPUT_SCALE", "RESOLUTION"
    DEVICE, BATCH_SIZE, OUTPUT = "DEVICE", "BATCH_SIZE", "OUTPUT"
    #: The parameters that take a scene: a layer, a Landsat product or a GDAL virtual path.
    SCENE_INPUTS: tuple = ("INPUT",)

    def add_scene_parameters(self, with_probe: bool) -> None:
        """The parameters every raster algorithm of the plugin shares, declared once: short labels
        (the dialog must fit a laptop's screen), the explanations as each parameter's help."""
        names = ", ".join(m.name for m in load_backend("catalogue").read_catalogue()[0])
        options = load_backend("options")
        self.add(QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Landsat 8/9 Level-2 scene")),
                 "A Landsat 8/9 Collection 2 Level-2 product as downloaded (its MTL file, folder or .tar), a "
                 "layer added with 'Add Landsat product', or a surface-reflectance raster.")
        self.add(QgsProcessingParameterBand(self.BANDS, self.tr("Bands SR_B1…SR_B7"), optional=True,
                                            parentLayerParameterName=self.INPUT, allowMultiple=True),
                 BANDS_HELP)
        self.add(QgsProcessingParameterFile(self.MODEL, self.tr("Model"), optional=True,
                                            fileFilter=self.tr("Checkpoints (*.pt *.pth)")),
                 "A catalogue name ({}) or a checkpoint file. Default: published-S once downloaded, else the "
                 "demonstration model.", names)
        if with_probe:  # no extension: QGIS would refuse a catalogue name for lacking ".json"
            self.add(QgsProcessingParameterFile(self.PROBE, self.tr("Probe (the legend)"), optional=True,
                                                fileFilter=self.tr("Probes (*.json)")),
                     "A catalogue name (eurosat10-cls, bigearthnet19-mean …) or a probe file. Default: the "
                     "model's own default probe.")
        self.add(QgsProcessingParameterNumber(self.STRIDE, self.tr("Stride between tiles (px)"),
                                              QgsProcessingParameterNumber.Type.Integer,
                                              defaultValue=options.DEFAULT_STRIDE_PX, minValue=1,
                                              maxValue=40), STRIDE_HELP)
        self.add(QgsProcessingParameterDateTime(self.ACQUISITION_DATE, self.tr("Acquisition date (UTC)"),
                                                optional=True),
                 "Default: read from the product's MTL, the product id, the raster's GDAL tags or the "
                 "layer's temporal properties.")
        self.add(QgsProcessingParameterBoolean(self.USE_METADATA, self.tr("Use date and position"),
                                               defaultValue=True),
                 "Give the model the acquisition date and each tile's latitude and longitude, as it was "
                 "trained.")
        self.add_pixel_quality_parameters()
        device = QgsProcessingParameterEnum(self.DEVICE, self.tr("Device"), options=device_options(),
                                            defaultValue=options.DEFAULT_DEVICE)
        device.setUsesStaticStrings(True)  # DEVICE=cpu on the command line
        self.add(device, "auto picks CUDA, then Apple MPS, then the CPU.")
        self.add(QgsProcessingParameterNumber(self.BATCH_SIZE, self.tr("Tiles per batch"),
                                              QgsProcessingParameterNumber.Type.Integer,
                                              defaultValue=options.DEFAULT_BATCH_SIZE, minValue=1,
                                              maxValue=65536),
                 "Fewer tiles per batch need less memory.")

    def add_pixel_quality_parameters(self) -> None:
        """MASK, QA_PIXEL and INPUT_SCALE: which pixels count, and what their values mean."""
        landsat, quality = load_backend("landsat"), load_backend("pixel_quality")
        mask = QgsProcessingParameterEnum(self.MASK, self.tr("Mask (QA_PIXEL flags)"),
                                          options=list(landsat.QA_PIXEL_BITS), allowMultiple=True,
                                          optional=True, defaultValue=list(landsat.DEFAULT_QA_MASK))
        mask.setUsesStaticStrings(True)  # MASK=cloud on the command line
        self.add(mask, "The QA_PIXEL flags that mask a pixel, when QA_PIXEL is at hand: a product, a band "
                       "named QA_PIXEL, or the QA_PIXEL parameter. Masked pixels count as no data.")
        self.add(QgsProcessingParameterRasterLayer(self.QA_PIXEL, self.tr("QA_PIXEL of a stacked raster"),
                                                   optional=True),
                 "Only for a raster without its QA_PIXEL band: a product brings its own.")
        scale = QgsProcessingParameterEnum(self.INPUT_SCALE, self.tr("Input values"),
                                           options=list(quality.INPUT_SCALES),
                                           defaultValue=load_backend("options").DEFAULT_INPUT_SCALE)
        scale.setUsesStaticStrings(True)
        self.add(scale, "auto: from the data type and values; dn: Level-2 digital numbers; reflectance: "
                        "DN × 0.0000275 − 0.2, as floats.")

    def add_resolution_parameter(self, default: str, pixel: bool = False) -> None:
        """RESOLUTION, for the algorithms that can write a cell per token (classify, embed, similarity);
        ``default``: backend.options' MAP_RESOLUTION_DEFAULT or EMBEDDING_RESOLUTION_DEFAULT;
        ``pixel``: a map of classes, which can also have a cell per 30 m pixel."""
        options = load_backend("options")
        choices = options.RESOLUTIONS if pixel else options.FEATURE_RESOLUTIONS
        resolution = QgsProcessingParameterEnum(self.RESOLUTION, self.tr("Map cells"),
                                                options=list(choices), defaultValue=default)
        resolution.setUsesStaticStrings(True)
        if pixel:
            self.add(resolution, "token: one cell per 4 × 4 px token (120 m), for a probe on the mean of "
                                 "the tokens and a STRIDE that is a multiple of 4; pixel: one cell per 30 m "
                                 "pixel on the input's grid, the token map refined by each pixel's bands "
                                 "(same needs); tile: one cell per STRIDE; auto: token where the probe and "
                                 "STRIDE allow it, else tile.")
            return
        self.add(resolution, "token: one cell per 4 × 4 px token (120 m), for a probe or pooling on the mean "
                             "of the tokens and a STRIDE that is a multiple of 4; tile: one cell per STRIDE; "
                             "auto: token where the probe or pooling and STRIDE allow it, else tile.")

    def product_input(self, parameters, name: str = "") -> str | None:
        """INPUT (or the scene parameter ``name``) when it names a Landsat product (its MTL file,
        folder or tar) rather than a layer."""
        value = parameters.get(name or self.INPUT)
        if isinstance(value, str) and value and load_backend("product").is_product_path(value):
            return value
        return None

    def virtual_input(self, parameters, name: str = "") -> str | None:
        """INPUT (or ``name``) when it is a GDAL virtual file path (``/vsizip/…``, ``/vsitar/…``,
        ``/vsicurl/…``): the CLI reads those, but QGIS 3.22's Processing finds no layer in such a string."""
        value = parameters.get(name or self.INPUT)
        return value if isinstance(value, str) and value.startswith("/vsi") else None

    def checkParameterValues(self, parameters, context):  # noqa: N802 - QGIS's name
        """QGIS would refuse a product as INPUT (GDAL opens no folder, MTL or tar as a raster), and
        a GDAL virtual path: with one, the other parameters are checked as QGIS checks them."""
        special = [name for name in self.SCENE_INPUTS
                   if self.product_input(parameters, name) is not None
                   or self.virtual_input(parameters, name) is not None]
        if not special:
            return super().checkParameterValues(parameters, context)
        for definition in self.parameterDefinitions():
            if definition.name() not in special and not definition.checkValueIsAcceptable(
                    parameters.get(definition.name(), definition.defaultValue()), context):
                return False, self.tr("Incorrect parameter value for {}").format(definition.name())
        return True, ""

    def input_raster(self, parameters, context, name: str = ""):
        """(layer, path) of INPUT (or the scene parameter ``name``): a raster layer and its file,
        refused unless GDAL can read it; or (None, path) for a Landsat product, which the backend
        reads itself."""
        name = name or self.INPUT
        product = self.product_input(parameters, name)
        if product is not None:
            return None, product
        layer = (self.parameterAsRasterLayer(parameters, name, context)
                 or self.virtual_layer(parameters, context, name))
        if layer is None:
            raise QgsProcessingException(self.tr("{} is not a raster layer").format(name))
        if layer.providerType() != "gdal":
            raise QgsProcessingException(self.tr("{} is a {} layer; save it as a GeoTIFF first (the model "
                                                 "reads files through GDAL)")
                                         .format(layer.name(), layer.providerType()))
        return layer, layer_file(layer)

    def virtual_layer(self, parameters, context, name: str = ""):
        """The layer of a GDAL virtual INPUT (or ``name``) path, held by the context for the run;
        refused, with GDAL's words, when GDAL cannot open it."""
        path = self.virtual_input(parameters, name)
        if path is None:
            return None
        layer = QgsRasterLayer(path, Path(path).name, "gdal")
        if not layer.isValid():
            raise QgsProcessingException(self.tr("GDAL cannot open {} as a raster ({}); check the path "
                                                 "inside the archive").format(path, layer.error().summary()))
        context.temporaryLayerStore().addMapLayer(layer)
        return layer

    def model_path(self, parameters, context) -> str:
        """MODEL as a checkpoint file: a catalogue name resolved, empty for the default model."""
        with backend_errors():
            return str(load_backend("catalogue").resolve_model(self.parameterAsFile(parameters, self.MODEL,
                                                                                    context)))

    def chosen_bands(self, parameters, context) -> list | None:
        """BANDS as band numbers, None for "by name". QGIS reads a band list only with ``;`` between
        the numbers and makes ``1,2,3,4,5,6,7`` one band, so a text it would misread is refused."""
        given = parameters.get(self.BANDS)
        if isinstance(given, str) and given.strip() and not BAND_LIST.fullmatch(given):
            raise QgsProcessingException(self.tr(
                "BANDS {!r} was not understood: QGIS wants the band numbers separated by ';', e.g. "
                "1;2;3;4;5;6;7 (or leave BANDS empty for bands found by name)").format(given))
        return self.parameterAsInts(parameters, self.BANDS, context) or None

    def probe_path(self, parameters, context, checkpoint: str) -> str:
        """PROBE as a probe file: a catalogue name resolved, empty for the model's default probe."""
        with backend_errors():
            return str(load_backend("catalogue").resolve_probe(
                self.parameterAsFile(parameters, self.PROBE, context), checkpoint,
                self.parameterAsFile(parameters, self.MODEL, context)))

    def scene_request(self, parameters, context, feedback, checkpoint: str | None = None, **extra):
        """A ``backend.raster.ClassifyRequest`` from the shared parameters; ``checkpoint``: MODEL
        when the caller resolved it already (:meth:`model_path`, once per run)."""
        raster = backend_or_explain()
        layer, source = self.input_raster(parameters, context)
        return raster.ClassifyRequest(
            input=source, output=self.parameterAsOutputLayer(parameters, self.OUTPUT, context),
            checkpoint=checkpoint if checkpoint is not None else self.model_path(parameters, context),
            options=self.scene_options(parameters, context, (layer, source), feedback), **extra)

    def scene_options(self, parameters, context, scene, feedback):
        """A ``backend.options.SceneOptions`` from the shared parameters; ``scene``: (layer, path)
        of INPUT. A parameter an algorithm removed (trainprobe: STRIDE, BATCH_SIZE) keeps its
        default."""
        options = load_backend("options")
        qa_layer = self.parameterAsRasterLayer(parameters, self.QA_PIXEL, context)
        return options.SceneOptions(
            bands=self.chosen_bands(parameters, context),
            qa_pixel=layer_file(qa_layer) if qa_layer else None,
            mask=tuple(self.parameterAsEnumStrings(parameters, self.MASK, context)),
            input_scale=(self.parameterAsEnumString(parameters, self.INPUT_SCALE, context)
                         or options.DEFAULT_INPUT_SCALE),
            stride=self.number(parameters, context, self.STRIDE, options.DEFAULT_STRIDE_PX),
            resolution=self.parameterAsEnumString(parameters, self.RESOLUTION, context),
            use_metadata=self.parameterAsBoolean(parameters, self.USE_METADATA, context),
            device=self.parameterAsString(parameters, self.DEVICE, context) or options.DEFAULT_DEVICE,
            batch_size=self.number(parameters, context, self.BATCH_SIZE, options.DEFAULT_BATCH_SIZE),
            acquisition=self.acquisition(parameters, context, *scene, feedback))

    def number(self, parameters, context, name: str, default: int) -> int:
        """An integer parameter, or ``default`` where this algorithm removed it."""
        if self.parameterDefinition(name) is None:
            return default
        return self.parameterAsInt(parameters, name, context)

    def acquisition(self, parameters, context, layer, source, feedback):
        """The acquisition date: the parameter, else MTL / product id / GDAL tags, else the layer's
        temporal range; logged with where it came from."""
        scene = load_backend("acquisition")
        chosen = self.given_acquisition(parameters, context)
        if chosen is None:
            from osgeo import gdal

            dataset = gdal.Open(source) if layer is not None else None
            with backend_errors():  # a product that cannot be read
                chosen = scene.find_acquisition(source, dataset.GetMetadata() if dataset else {})
            if chosen.when is None and layer is not None:
                temporal = layer.temporalProperties()
                if temporal.isActive() and temporal.fixedTemporalRange().begin().isValid():
                    when = temporal.fixedTemporalRange().begin().toUTC().toPyDateTime().replace(tzinfo=None)
                    chosen = scene.Acquisition(when, "the layer's temporal properties")
        feedback.pushInfo(f"Acquisition: {chosen.describe()}" if chosen.when else
                          f"Acquisition date: unknown ({chosen.source})")
        return chosen

    def given_acquisition(self, parameters, context):
        """ACQUISITION_DATE as an ``Acquisition``, or None when it is not set. Text (qgis_process, a
        script) is read as the CLI reads --acquisition-date: a date alone leaves the hour unknown,
        an offset is converted to UTC; a date-time from the GUI is converted to UTC."""
        scene = load_backend("acquisition")
        given = parameters.get(self.ACQUISITION_DATE)
        if isinstance(given, str) and given.strip():
            when = scene.parse_when(given)
            if when is None:
                raise QgsProcessingException(self.tr("ACQUISITION_DATE {!r} is not a date (use 2021-06-15, "
                                                     "2021-06-15T09:53:12 in UTC, or "
                                                     "2021-06-15T11:53:12+02:00)")
                                             .format(given))
            return scene.Acquisition(when, "the ACQUISITION_DATE parameter")
        if given not in (None, ""):
            value = self.parameterAsDateTime(parameters, self.ACQUISITION_DATE, context)
            if value.isValid():
                return scene.Acquisition(value.toUTC().toPyDateTime().replace(tzinfo=None),
                                         "the ACQUISITION_DATE parameter")
        return None

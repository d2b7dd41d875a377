"""The plugin's dialog: pick a Landsat layer, check what was detected, Run.

It only collects parameters and runs the same ``moemae:classify`` algorithm as the toolbox, in
the background (a QgsProcessingAlgRunnerTask), with a progress bar and a Cancel that works.
A cancelled or failed run adds no layer and leaves no file. What the run reports (warnings, class
counts, timing: what the toolbox shows in its Log tab) is shown in the dialog's Log pane.
"""
from __future__ import annotations

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsMapLayerProxyModel,
    QgsMessageLog,
    QgsProcessing,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsRasterLayer,
    QgsSettings,
)
from qgis.gui import QgsCollapsibleGroupBox, QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime, pyqtSignal
from qgis.PyQt.QtGui import QColor, QFont, QFontDatabase, QTextCharFormat, QTextCursor
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .algorithms.base import layer_file
from .backend_loader import load_backend
from .i18n import tr
from .message_bar import push_with_details
from .provider import LOG_TAG, PROVIDER_ID

#: Where the dialog keeps the choices of its last run in the user's QGIS settings.
SETTINGS_GROUP = "moemae_qgis/dialog"

#: The levels of a run's log lines, and how the Log pane paints them (None: the text's own colour).
INFO, WARNING, ERROR, COMMAND = "info", "warning", "error", "command"
LOG_COLOURS = {INFO: None, COMMAND: "#606060", WARNING: "#c45c00", ERROR: "#c00000"}


class LogFeedback(QgsProcessingFeedback):
    """A run's feedback that also hands each message to the dialog through :attr:`message`.

    The algorithm reports from the task's worker thread, and widgets may only be touched in the
    GUI thread: a signal connected with a queued connection carries each message there."""

    message = pyqtSignal(str, str)  # level, text

    def __init__(self):
        super().__init__()
        self.errors = []  # kept here too: the failure message must not wait for the queued signal

    def pushInfo(self, info):  # noqa: N802 - QGIS's names
        super().pushInfo(info)
        self.message.emit(INFO, info)

    def pushCommandInfo(self, info):  # noqa: N802
        super().pushCommandInfo(info)
        self.message.emit(COMMAND, info)

    def pushConsoleInfo(self, info):  # noqa: N802
        super().pushConsoleInfo(info)
        self.message.emit(COMMAND, info)

    def pushWarning(self, warning):  # noqa: N802
        super().pushWarning(warning)
        self.message.emit(WARNING, warning)

    def reportError(self, error, fatalError=False):  # noqa: N802, N803
        self.errors.append(error)
        super().reportError(error, fatalError)
        self.message.emit(ERROR, error)


class ClassifyDialog(QDialog):
    def __init__(self, iface=None, parent=None):
        super().__init__(parent or (iface.mainWindow() if iface else None))
        self.iface = iface
        self.task = None
        self.feedback = None
        self.bands_ok = False
        self.setWindowTitle(tr("MoE-MAE land cover"))
        self.setMinimumWidth(720)
        self.make_scene_widgets()
        self.make_run_widgets()
        self.make_log_pane()
        self.lay_out()
        self.layer.layerChanged.connect(self.describe_layer)
        self.restore_settings()
        self.describe_layer(self.layer.currentLayer())
        self.picker.changed.connect(self.update_run_button)
        for signal in (self.picker.changed, self.stride.valueChanged, self.resolution.currentIndexChanged):
            signal.connect(self.describe_cells)
        self.describe_cells()
        self.picker.message.connect(self.status.setText)
        self.picker.progress.connect(self.progress.setValue)

    # ---- widgets
    def make_scene_widgets(self) -> None:
        """The layer, and what was detected in it: bands and acquisition date, each overridable."""
        self.layer = QgsMapLayerComboBox(self)
        self.layer.setFilters(QgsMapLayerProxyModel.Filter.RasterLayer)
        self.layer.setObjectName("layer")
        self.layer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.add_product = QPushButton(tr("Add Landsat product…"), self)
        self.add_product.setObjectName("add_product")
        self.add_product.setToolTip(tr("A Landsat 8/9 Level-2 product as downloaded from USGS: its MTL file, "
                                       "its .tar, or any band file of its folder"))
        self.add_product.clicked.connect(self.choose_product)
        self.clouds = self.explanation("clouds")
        self.mask_clouds = QCheckBox(tr("Mask clouds and their shadows"), self)
        self.mask_clouds.setToolTip(tr("Pixels QA_PIXEL flags as cloud, dilated cloud or cloud shadow count "
                                       "as no data: a tile more than half masked gets no prediction"))
        self.mask_clouds.setObjectName("mask_clouds")
        self.mask_clouds.setChecked(True)
        self.mask_wanted = True  # the user's choice, kept while a layer without QA_PIXEL greys the box
        self.mask_clouds.toggled.connect(self.remember_mask_choice)
        self.bands = self.explanation("bands")
        self.band_override = QCheckBox(tr("Set the bands myself:"), self)
        self.band_override.setObjectName("band_override")
        self.band_numbers = QLineEdit("1 2 3 4 5 6 7", self)
        self.band_numbers.setObjectName("band_numbers")
        self.band_numbers.setEnabled(False)
        self.band_numbers.setMaximumWidth(180)
        self.band_numbers.setToolTip(tr("The band numbers of SR_B1…SR_B7 in this raster, in that order: 7 "
                                        "numbers"))
        self.band_override.toggled.connect(self.band_numbers.setEnabled)
        self.band_override.toggled.connect(lambda _: self.describe_layer(self.layer.currentLayer()))
        self.band_numbers.editingFinished.connect(lambda: self.describe_layer(self.layer.currentLayer()))
        self.detected = self.explanation("detected")
        self.override = QCheckBox(tr("Set the acquisition date (UTC) myself:"), self)
        self.override.setObjectName("override")
        self.when = QDateTimeEdit(self)
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setTimeSpec(Qt.TimeSpec.UTC)
        self.when.setCalendarPopup(True)
        self.when.setMaximumWidth(180)
        self.when.setEnabled(False)
        self.override.toggled.connect(self.when.setEnabled)

    def explanation(self, name: str) -> QLabel:
        """A label for a few lines of explanation, wrapped, that grows with its text."""
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.MinimumExpanding)
        return label

    def make_run_widgets(self) -> None:
        """Model, probe, device, stride, output; progress, status and the buttons."""
        from .model_picker import ModelPicker

        self.picker = ModelPicker(self)
        self.model, self.probe, self.model_note = self.picker.model, self.picker.probe, self.picker.note
        self.device = QComboBox(self)
        self.device.setObjectName("device")
        for name, label in device_choices():
            self.device.addItem(label, name)
        self.stride = QSpinBox(self)
        self.stride.setRange(1, 40)
        self.stride.setValue(load_backend("options").DEFAULT_STRIDE_PX)
        self.stride.setSuffix(" px")
        self.resolution = QComboBox(self)
        self.resolution.setObjectName("resolution")
        self.resolution.addItem(tr("auto: one per token (120 m) where the probe and stride allow it"), "auto")
        self.resolution.addItem(tr("one per token: 4 × 4 px, 120 m (probes on the mean of the tokens; stride "
                                   "a multiple of 4)"), "token")
        self.resolution.addItem(tr("one per tile step (the stride)"), "tile")
        self.resolution.addItem(tr("one per pixel: 30 m, the 120 m tokens refined by each pixel's bands "
                                   "(probes on the mean of the tokens; stride a multiple of 4)"), "pixel")
        self.cells_note = self.explanation("cells_note")
        self.output = QgsFileWidget(self)
        self.output.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.output.setFilter(tr("GeoTIFF (*.tif)"))
        self.output.setObjectName("output")
        self.output.lineEdit().setPlaceholderText(tr("empty: a temporary file"))
        self.progress = QProgressBar(self)
        self.progress.setObjectName("progress")
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.run_button = self.buttons.addButton(tr("Run"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.run_button.setObjectName("run")
        self.cancel_button = self.buttons.addButton(tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setEnabled(False)
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).clicked.connect(self.close)

    def make_log_pane(self) -> None:
        """The run's log: folded while there is nothing to read, it opens itself when a warning or
        an error arrives, since those change what the map is worth."""
        self.log_box = QgsCollapsibleGroupBox(tr("Log"), self)
        self.log_box.setObjectName("log_box")
        self.log = QPlainTextEdit(self.log_box)
        self.log.setObjectName("log")
        self.log.setReadOnly(True)
        self.log.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))  # class counts align
        self.log.setMinimumHeight(6 * self.log.fontMetrics().lineSpacing())
        QVBoxLayout(self.log_box).addWidget(self.log)
        self.log_box.setCollapsed(True)
        self.log_counts = {WARNING: 0, ERROR: 0}
        self.first_flagged = None  # the block number of the run's first warning or error

    def lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(tr("Landsat layer"), self.row(self.layer, self.add_product))
        form.addRow(tr("Bands"), self.bands)
        form.addRow("", self.row(self.band_override, self.band_numbers))
        form.addRow(tr("Acquisition"), self.detected)
        form.addRow("", self.row(self.override, self.when))
        form.addRow(tr("Clouds"), self.clouds)
        form.addRow("", self.mask_clouds)
        form.addRow(tr("Model"), self.picker)
        form.addRow(tr("Device"), self.device)
        form.addRow(tr("Stride"), self.stride)
        form.addRow(tr("Map cells"), self.resolution)
        form.addRow("", self.cells_note)
        form.addRow(tr("Output"), self.output)
        advanced = QgsCollapsibleGroupBox(tr("Advanced"), self)
        advanced.setObjectName("advanced")
        advanced_form = QFormLayout(advanced)
        advanced_form.addRow(tr("Mirror"), self.picker.mirror)
        advanced.setCollapsed(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scrolling_body(form, advanced))
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.log_box)
        layout.addWidget(self.buttons)

    def scrolling_body(self, form: QFormLayout, advanced: QWidget) -> QScrollArea:
        """The choices in a pane that scrolls on a small screen, so that the progress, the log and
        the Run and Close buttons below it always stay in view."""
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(form)
        body_layout.addWidget(advanced)
        self.body = QScrollArea(self)
        self.body.setObjectName("body")
        self.body.setWidget(body)
        self.body.setWidgetResizable(True)
        self.body.setFrameShape(QFrame.Shape.NoFrame)
        self.body.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        return self.body

    @staticmethod
    def row(*widgets) -> QHBoxLayout:
        row = QHBoxLayout()
        for widget in widgets:
            row.addWidget(widget)
        return row

    # ---- what was detected
    def running(self) -> bool:
        return self.task is not None

    def describe_layer(self, layer) -> None:
        """Show which bands and which acquisition date a run on ``layer`` would use; Run is enabled
        only when the bands are known (found by name, or set by the user)."""
        self.run_button.setEnabled(False)
        if layer is None:
            self.bands.setText(tr("Add a Landsat 8/9 Level-2 product (Add Landsat product…) or a "
                                  "surface-reflectance raster to the project."))
            self.detected.setText("")
            self.clouds.setText("")
            self.set_mask_available(False)
            self.bands_ok = False
            return
        from osgeo import gdal

        source = layer_file(layer)
        try:
            with load_backend("geo").gdal_exceptions():
                dataset = gdal.Open(source)
        except RuntimeError as exc:
            self.bands.setText(tr("Cannot open this layer with GDAL: {}").format(exc))
            self.detected.setText("")
            return
        self.describe_date(source, dataset)
        self.describe_clouds(dataset, layer.name())
        self.bands_ok = self.describe_bands(dataset)
        self.update_run_button()
        self.fit_to_contents()

    def fit_to_contents(self) -> None:
        """Grow to show every line of the wrapped explanations (Qt sizes a dialog by its minimum,
        which leaves multi-line labels cut off)."""
        self.layout().activate()
        # As wide as the choices need beside a vertical scroll bar, so they never scroll sideways
        # (the dialog's own minimum width wins over its layout's, so it is raised here).
        margins = self.layout().contentsMargins()
        bar = self.body.verticalScrollBar().sizeHint().width()
        wide = self.body.widget().minimumSizeHint().width() + bar + margins.left() + margins.right()
        self.setMinimumWidth(max(self.minimumWidth(), wide))
        content = self.body.widget().layout().heightForWidth(self.body.viewport().width())
        needed = self.height() - self.body.height() + content
        screen = self.screen().availableGeometry().height() if self.screen() else needed
        needed = min(needed, screen - 60)  # 60 px: the title bar; the choices scroll beyond that
        if needed > self.height():
            self.resize(self.width(), needed)

    def chosen_bands(self) -> list | None:
        """The band numbers the user set, or None to let the backend find them. Raises
        ``ValueError`` when the field holds anything but whole numbers."""
        if not self.band_override.isChecked():
            return None
        return [int(v) for v in self.band_numbers.text().replace(",", " ").split()]

    def describe_bands(self, dataset) -> bool:
        """Show the band mapping (or why there is none); True when a run can use it."""
        scene, landsat = load_backend("scene"), load_backend("landsat")
        try:
            bands = self.chosen_bands()
        except ValueError:
            self.bands.setText(tr("Set the bands as 7 whole numbers, e.g. 1 2 3 4 5 6 7 (not {!r}).")
                               .format(self.band_numbers.text()))
            return False
        if bands == []:  # an empty field must not quietly fall back to finding the bands
            self.bands.setText(tr("Set the bands as 7 whole numbers, e.g. 1 2 3 4 5 6 7."))
            return False
        try:
            choice = scene.band_mapping(dataset, bands)
        except load_backend("errors").UserError as exc:
            hint = "" if self.band_override.isChecked() else " " + tr("Set the bands yourself below.")
            self.bands.setText(tr("Cannot tell the bands: {}.").format(exc) + hint)
            return False
        self.bands.setText(f"{landsat.BANDS[0]}…{landsat.BANDS[-1]} = bands "
                           f"{', '.join(map(str, choice.numbers))} ({choice.how})")
        return True

    def describe_date(self, source: str, dataset) -> None:
        found = load_backend("acquisition").find_acquisition(source, dataset.GetMetadata())
        self.detected.setText(found.describe() if found.when else f"unknown ({found.source}); week and hour "
                                                                   "will be encoded as missing")
        if found.when is not None:
            day = QDate(found.when.year, found.when.month, found.when.day)
            clock = QTime(found.when.hour, found.when.minute) if hasattr(found.when, "hour") else QTime(0, 0)
            self.when.setDateTime(QDateTime(day, clock, Qt.TimeSpec.UTC))

    def describe_clouds(self, dataset, name: str) -> None:
        """Whether QA_PIXEL is at hand to mask clouds, what it masks, and if not, what to do."""
        try:
            qa = load_backend("scene").find_qa_band(dataset, None, name)
        except load_backend("errors").UserError as exc:  # a QA_PIXEL band of the wrong type
            self.set_mask_available(False)
            self.clouds.setText(tr("Clouds cannot be masked: {}.").format(exc))
            return
        self.set_mask_available(qa is not None)
        if qa is not None:
            landsat = load_backend("landsat")
            self.clouds.setText(tr("{} masks {}.").format(qa.description, ", ".join(landsat.DEFAULT_QA_MASK)))
            return
        product_id = dataset.GetMetadataItem(load_backend("product").PRODUCT_ID_ITEM)
        if product_id:  # added as a product already: adding it again would not bring a QA_PIXEL
            self.clouds.setText(tr("The product {} has no QA_PIXEL file: clouds and their shadows will not "
                                   "be masked and will get land-cover classes. Download the product with "
                                   "its QA_PIXEL band to mask them.").format(product_id))
        else:
            self.clouds.setText(tr("No QA_PIXEL in this layer: clouds and their shadows will get land-cover "
                                   "classes. Add the Landsat product as downloaded, with its QA_PIXEL band "
                                   "(Add Landsat product…), to mask them."))

    def remember_mask_choice(self, checked: bool) -> None:
        if self.mask_clouds.isEnabled():  # the dialog's own unticking is not the user's choice
            self.mask_wanted = checked

    def set_mask_available(self, available: bool) -> None:
        """Without QA_PIXEL there is nothing to mask: the box is unticked and greyed, so that it
        claims no mask the run cannot apply; the user's choice comes back with a QA_PIXEL."""
        self.mask_clouds.setEnabled(available)
        self.mask_clouds.setChecked(self.mask_wanted and available)

    def describe_cells(self, *_) -> None:
        """Under Map cells: the size of the cells the run will give, and why not 120 m when not."""
        catalogue, pixel_m = load_backend("catalogue"), load_backend("landsat").PIXEL_M
        choice, stride = self.resolution.currentData(), self.stride.value()
        pooling = self.picker.probe_pooling()
        why = catalogue.why_not_tokens(pooling, stride) if pooling else ""
        per_stride = tr("Cells of {} px ({} m)").format(stride, stride * pixel_m)
        if choice == "tile":
            text = per_stride + "."
        elif not why and choice == "pixel":
            text = tr("Cells of 1 px (30 m): the input's own grid.")
        elif not why:
            text = tr("Cells of 4 px (120 m), one per token.")
        elif choice == "auto":
            text = tr("{}: {}.").format(per_stride, why)
        else:
            text = tr("The run will be refused: {}.").format(why)
        self.cells_note.setText(text)

    def update_run_button(self) -> None:
        """Run needs bands, a model on disk and a probe, and no run or download going on; Cancel
        stops whichever is going on."""
        self.run_button.setEnabled(self.bands_ok and self.picker.ready() and not self.running())
        self.cancel_button.setEnabled(self.running() or self.picker.download_job is not None)
        self.fit_to_contents()

    def choose_product(self) -> None:
        """Add a Landsat product as a layer of the project and pick it."""
        from qgis.core import QgsProcessingException

        from .product_layer import add_product_layer, choose_product

        path = choose_product(self)
        if not path:
            return
        try:
            layer = add_product_layer(path, QgsProject.instance())
        except QgsProcessingException as exc:
            self.status.setText(tr("Cannot add the product: {}").format(exc))
            return
        self.layer.setLayer(layer)
        self.status.setText(tr("Added {}.").format(layer.name()))

    # ---- settings: the choices of the last run come back with the next dialog
    def restore_settings(self) -> None:
        self.picker.choose(self.model, remembered("model", ""))
        self.picker.choose(self.probe, remembered("probe", ""))
        self.picker.mirror.setText(remembered("mirror", ""))
        index = self.device.findData(remembered("device", load_backend("options").DEFAULT_DEVICE))
        self.device.setCurrentIndex(max(index, 0))
        self.stride.setValue(remembered("stride", self.stride.value(), int,
                                        range(self.stride.minimum(), self.stride.maximum() + 1)))
        self.mask_wanted = remembered("mask_clouds", True, bool)
        self.set_mask_available(self.mask_clouds.isEnabled())
        # Not the key "resolution" of earlier versions: each run stored the old default (tile) there.
        default = load_backend("options").MAP_RESOLUTION_DEFAULT
        index = self.resolution.findData(remembered("map_cells", default))
        self.resolution.setCurrentIndex(max(index, 0))

    def remember_settings(self) -> None:
        settings = QgsSettings()
        settings.setValue(f"{SETTINGS_GROUP}/model", self.model.currentData() or "")
        settings.setValue(f"{SETTINGS_GROUP}/probe", self.probe.currentData() or "")
        settings.setValue(f"{SETTINGS_GROUP}/mirror", self.picker.mirror.text().strip())
        settings.setValue(f"{SETTINGS_GROUP}/device", self.device.currentData())
        settings.setValue(f"{SETTINGS_GROUP}/stride", self.stride.value())
        settings.setValue(f"{SETTINGS_GROUP}/mask_clouds", self.mask_wanted)
        settings.setValue(f"{SETTINGS_GROUP}/map_cells", self.resolution.currentData())

    # ---- running
    def parameters(self) -> dict:
        # No path: QGIS's temporary output, in its own temporary folder (which it cleans up).
        output = self.output.filePath() or QgsProcessing.TEMPORARY_OUTPUT
        parameters = {"INPUT": self.layer.currentLayer(), "MODEL": self.model.currentData() or "",
                      "PROBE": self.probe.currentData() or "", "STRIDE": self.stride.value(),
                      "RESOLUTION": self.resolution.currentData(),
                      "DEVICE": self.device.currentData(), "OUTPUT": output}
        if self.override.isChecked():
            parameters["ACQUISITION_DATE"] = self.when.dateTime()
        if self.band_override.isChecked():
            parameters["BANDS"] = self.chosen_bands()
        if self.mask_clouds.isEnabled() and not self.mask_clouds.isChecked():
            parameters["MASK"] = ["fill"]  # fill is no land: it is never classified
        return parameters

    def run(self) -> None:
        if self.running():
            return  # one run at a time: the task holds this context and feedback until it ends
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(f"{PROVIDER_ID}:classify")
        self.layer_name = self.layer.currentLayer().name() if self.layer.currentLayer() else "?"
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.feedback = LogFeedback()
        self.feedback.progressChanged.connect(lambda value: self.progress.setValue(int(value)))
        self.clear_log()
        # Queued: the task's thread emits, the GUI thread paints.
        self.feedback.message.connect(self.append_log, Qt.ConnectionType.QueuedConnection)
        self.params = self.parameters()
        self.remember_settings()
        self.task = QgsProcessingAlgRunnerTask(algorithm, self.params, self.context, self.feedback)
        self.task.executed.connect(self.finished)
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.status.setText(tr("Running…"))
        QgsApplication.taskManager().addTask(self.task)

    def cancel(self) -> None:
        self.picker.cancel_download()
        if self.feedback is not None:
            self.feedback.cancel()
            self.status.setText(tr("Cancelling…"))

    def finished(self, ok: bool, results: dict) -> None:
        self.task = None
        self.update_run_button()
        output = (results or {}).get("OUTPUT")
        if self.feedback.isCanceled() or not ok or not output:
            self.report_failure()
            return
        from .algorithms.base import apply_land_cover_style

        layer = QgsRasterLayer(output, tr("Land cover ({})").format(self.layer_name))
        try:
            catalogue = load_backend("catalogue")
            model = catalogue.resolve_model(self.params["MODEL"])
            probe_path = catalogue.resolve_probe(self.params["PROBE"], model, self.params["MODEL"])
            probe = load_backend("probe").LinearProbe.load(probe_path)
            apply_land_cover_style(layer, probe.class_names, probe.colours)
        except Exception as exc:  # the map is made; only its colours are missing
            self.status.setText(tr("Done, but the probe's classes could not be read for the legend: {}")
                                .format(exc))
        QgsProject.instance().addMapLayer(layer)
        if not self.status.text().startswith(tr("Done")):
            self.status.setText(tr("Done: {}").format(output))
        self.progress.setValue(100)
        self.show_first_flagged()

    def report_failure(self) -> None:
        """Why the run made no map: in the status line, and in the message bar with the whole
        error and the run's log behind its Details button."""
        self.progress.setValue(0)
        if self.feedback.isCanceled():
            message = tr("Cancelled: no layer was added and no file was left.")
            self.status.setText(message)
            if self.iface:
                self.iface.messageBar().pushMessage("MoE-MAE", message, Qgis.MessageLevel.Warning)
            return
        lines = self.feedback.textLog().strip().splitlines()
        error = (self.feedback.errors or lines or [tr("see the Processing log")])[-1]
        message = tr("Failed: {}").format(error)
        self.status.setText(message)
        if self.iface:
            details = message + "\n\n" + tr("The run's log:") + "\n" + self.feedback.textLog().strip()
            push_with_details(self.iface.messageBar(), "MoE-MAE", message, details=details)

    # ---- the run's log
    def clear_log(self) -> None:
        self.log.clear()
        self.log_counts = {WARNING: 0, ERROR: 0}
        self.first_flagged = None
        self.update_log_title()

    def append_log(self, level: str, text: str) -> None:
        """One line of the run's log, warnings and errors in bold colour; the first of those opens
        the pane."""
        cursor = self.log.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        if not self.log.document().isEmpty():
            cursor.insertBlock()
        form = QTextCharFormat()
        if LOG_COLOURS.get(level):
            form.setForeground(QColor(LOG_COLOURS[level]))
        if level in self.log_counts:
            form.setFontWeight(QFont.Weight.Bold)
            self.log_counts[level] += 1
            if self.first_flagged is None:
                self.first_flagged = cursor.blockNumber()
        cursor.insertText(text.rstrip(), form)
        self.log.verticalScrollBar().setValue(self.log.verticalScrollBar().maximum())
        self.update_log_title()
        if level in self.log_counts and self.log_box.isCollapsed():
            self.log_box.setCollapsed(False)
            self.fit_to_contents()

    def show_first_flagged(self) -> None:
        """Once a run is done, scroll the log up to its first warning: the class counts at its end
        would otherwise push the warnings out of sight."""
        if self.first_flagged is None:
            return
        self.log.moveCursor(QTextCursor.MoveOperation.End)  # from the end, the block comes to the top
        self.log.setTextCursor(QTextCursor(self.log.document().findBlockByNumber(self.first_flagged)))
        self.log.ensureCursorVisible()

    def update_log_title(self) -> None:
        """The pane's title counts the warnings and errors, which shows them even while folded."""
        errors, warnings = self.log_counts[ERROR], self.log_counts[WARNING]
        parts = []
        if errors:
            parts.append(tr("1 error") if errors == 1 else tr("{} errors").format(errors))
        if warnings:
            parts.append(tr("1 warning") if warnings == 1 else tr("{} warnings").format(warnings))
        self.log_box.setTitle(tr("Log") + (": " + ", ".join(parts) if parts else ""))


def remembered(key: str, default, kind=str, allowed=None):
    """The dialog's setting ``key`` as a ``kind`` (str, int or bool), or ``default`` with a line in
    the log when what the profile holds cannot be one (or is not in ``allowed``): a value edited
    by hand, or left by another version, must never stop the dialog from opening."""
    stored = QgsSettings().value(f"{SETTINGS_GROUP}/{key}", default)
    try:
        value = _setting_as(kind, stored)
    except (TypeError, ValueError):
        value = None
    if value is None or (allowed is not None and value not in allowed):
        QgsMessageLog.logMessage(tr("The remembered {} {!r} is not usable; using {!r}").format(
            key, stored, default), LOG_TAG, Qgis.MessageLevel.Warning)
        return default
    return value


def _setting_as(kind, stored):
    """``stored`` (as QSettings hands it back: the type written, or text from an .ini) as ``kind``;
    None when it is not one."""
    if kind is bool:
        text = str(stored).strip().lower()
        return stored if isinstance(stored, bool) else {"true": True, "false": False}.get(text)
    if kind is int:
        return None if isinstance(stored, bool) else int(str(stored).strip())
    return stored if isinstance(stored, str) else None


def device_choices() -> list:
    """(name, label) pairs: auto first, with the GPU's name when PyTorch sees one."""
    choices = [("auto", "auto"), ("cpu", tr("CPU"))]
    try:
        import torch

        if torch.cuda.is_available():
            choices.insert(1, ("cuda", f"CUDA: {torch.cuda.get_device_name(0)}"))
            choices[0] = ("auto", f"auto (CUDA: {torch.cuda.get_device_name(0)})")
        elif getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
            choices.insert(1, ("mps", tr("Apple MPS")))
            choices[0] = ("auto", tr("auto (Apple MPS)"))
        else:
            choices[0] = ("auto", tr("auto (CPU: no GPU found)"))
    except ImportError:
        pass
    return choices

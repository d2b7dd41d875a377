"""The dialog's choice of model and probe: by name from the catalogue, with Browse… for one's
own files and Download… for a catalogue model not on disk yet.

The model list shows every catalogue model (the demonstration model labelled as such, the
published one with "not downloaded, about N MB" until it is), then the user's own checkpoints;
the probe list shows the probes fitted on the chosen model: the catalogue's, then every probe
file in the user models folder whose recorded model is this one (``catalogue.probe_fits_model``:
by catalogue name or encoder fingerprint). Items carry a catalogue name or a file
path: what the toolbox's MODEL and PROBE take.
"""
from __future__ import annotations

from pathlib import Path

from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from .backend_loader import load_backend
from .i18n import tr


class ModelPicker(QWidget):
    """Model and probe lists, Browse… and Download…; ``changed`` when the choice changes,
    ``message`` for a line of status (download progress, what went wrong)."""

    changed = pyqtSignal()
    message = pyqtSignal(str)
    progress = pyqtSignal(int)  # 0-100 while downloading

    def __init__(self, parent=None):
        super().__init__(parent)
        self.download_job = None
        self.model = self.combo("model")
        self.probe = self.combo("probe")
        self.browse_model = self.button(tr("Browse…"), "browse_model", self.choose_model_file)
        self.browse_probe = self.button(tr("Browse…"), "browse_probe", self.choose_probe_file)
        self.download = self.button(tr("Download…"), "download", self.start_download)
        self.mirror = QLineEdit(self)
        self.mirror.setObjectName("mirror")
        self.mirror.setPlaceholderText(tr("download from a mirror: its URL (empty: the catalogue's)"))
        self.note = QLabel(self)
        self.note.setObjectName("model_note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #9a5b00")  # a warning, readable on light and dark themes
        self.lay_out()
        self.fill_models()
        self.model.currentIndexChanged.connect(self.model_changed)
        self.probe.currentIndexChanged.connect(lambda _: self.changed.emit())
        self.model_changed()

    def combo(self, name: str) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName(name)
        box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return box

    def button(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def lay_out(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.model, 0, 0)
        grid.addWidget(self.download, 0, 1)
        grid.addWidget(self.browse_model, 0, 2)
        grid.addWidget(self.note, 1, 0, 1, 3)
        grid.addWidget(QLabel(tr("Probe (legend)"), self), 2, 0, 1, 3)
        grid.addWidget(self.probe, 3, 0, 1, 2)
        grid.addWidget(self.browse_probe, 3, 2)

    # ---- the lists
    def fill_models(self) -> None:
        """The catalogue's models, then the user's own checkpoints."""
        catalogue = load_backend("catalogue")
        self.model.blockSignals(True)
        self.model.clear()
        for entry in catalogue.read_catalogue()[0]:
            self.model.addItem(self.model_label(entry), entry.name)
        for path in catalogue.user_model_files():
            self.model.addItem(tr("{} (yours)").format(path.name), str(path))
        self.model.setCurrentIndex(max(0, self.model.findData(catalogue.default_model().name)))
        self.model.blockSignals(False)

    @staticmethod
    def model_label(entry) -> str:
        if entry.demonstration:
            return tr("{}: a demonstration, expect rough maps").format(entry.title)
        if not entry.available:
            return tr("{}: not downloaded, about {:g} MB").format(entry.title, entry.approx_mb)
        return entry.title

    def fill_probes(self) -> None:
        """The chosen model's probes (its default first), then the user's own probe files fitted on
        it, whatever their names (a file that is no probe is left out)."""
        catalogue = load_backend("catalogue")
        name = self.model.currentData() or ""
        self.probe.blockSignals(True)
        self.probe.clear()
        own = catalogue.model_entry(name)
        model_name = own.name if own else self.identify(name)
        for entry in sorted(catalogue.read_catalogue()[1], key=lambda p: not p.default):
            if entry.model == model_name:
                self.probe.addItem(entry.title, entry.name)
        for path in catalogue.usable_user_probes():
            if self.fits(str(path), name):
                self.probe.addItem(tr("{} (yours)").format(path.name), str(path))
        self.probe.blockSignals(False)

    @staticmethod
    def fits(probe: str, model: str) -> bool:
        """Whether a probe file was fitted on the model chosen (a catalogue name or a file)."""
        try:
            return bool(model) and load_backend("catalogue").probe_fits_model(probe, model)
        except load_backend("errors").UserError:
            return False

    @staticmethod
    def identify(path: str) -> str | None:
        try:
            return load_backend("catalogue").identify(path) if path else None
        except load_backend("errors").UserError:
            return None

    def model_changed(self, *_) -> None:
        entry = load_backend("catalogue").model_entry(self.model.currentData() or "")
        self.download.setVisible(entry is not None and not entry.available)
        self.download.setText(tr("Download…"))
        demonstration = (entry is not None and entry.demonstration) or self.identify(
            self.model.currentData() or "") == load_backend("catalogue").DEMONSTRATION_MODEL
        self.note.setText(tr("Warning: {}.").format(load_backend("catalogue").DEMONSTRATION_WARNING)
                          if demonstration else "")
        self.note.setVisible(demonstration)
        self.fill_probes()
        self.changed.emit()

    # ---- what is chosen
    def ready(self) -> bool:
        """A model on disk (a catalogue model downloaded, or a file) and a probe."""
        entry = load_backend("catalogue").model_entry(self.model.currentData() or "")
        on_disk = entry.available if entry else Path(self.model.currentData() or "").is_file()
        return on_disk and self.probe.count() > 0 and self.download_job is None

    def probe_pooling(self) -> str | None:
        """How the chosen probe pools the tokens (mean, cls, …); None when it cannot be read."""
        catalogue = load_backend("catalogue")
        try:
            model_choice = self.model.currentData() or ""
            model = catalogue.resolve_model(model_choice)
            path = catalogue.resolve_probe(self.probe.currentData() or "", model, model_choice)
            return catalogue.read_probe(path).pooling  # read once per version of the file
        except Exception:  # noqa: BLE001 - the dialog says nothing rather than fail; the run will say why
            return None

    def choose(self, box: QComboBox, value: str) -> None:
        """Select ``value`` (a catalogue name or a path) in ``box``, adding a path not listed."""
        index = box.findData(value)
        if index < 0 and value and Path(value).is_file():
            box.addItem(Path(value).name, value)
            index = box.count() - 1
        if index >= 0:
            box.setCurrentIndex(index)

    def choose_model_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Model checkpoint"), "",
                                              tr("Checkpoints (*.pt *.pth)"))
        if path:
            self.choose(self.model, path)

    def choose_probe_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Probe"), "", tr("Probes (*.json)"))
        if path:
            self.choose(self.probe, path)

    # ---- downloading
    def start_download(self) -> None:
        from .model_download import ModelDownload

        name = self.model.currentData()
        self.download_job = ModelDownload(name, self.mirror.text().strip() or None, self)
        self.download_job.progressed.connect(self.report_download)
        self.download_job.finished.connect(self.download_finished)
        self.download.setEnabled(False)
        self.message.emit(tr("Downloading {}…").format(name))
        self.download_job.start()
        self.changed.emit()

    def cancel_download(self) -> None:
        if self.download_job is not None:
            self.download_job.cancel()

    def report_download(self, received: int, total: int) -> None:
        if total:
            self.progress.emit(int(100 * received / total))
            self.message.emit(tr("Downloading {}: {:.1f} of {:.1f} MB").format(
                self.download_job.entry.name, received / 2**20, total / 2**20))

    def download_finished(self, ok: bool, text: str) -> None:
        entry = self.download_job.entry
        name = entry.name
        self.download_job = None
        self.download.setEnabled(True)
        # finish() refuses a pinned model's file unless it is the authors' own: say it was checked.
        checked = f", {load_backend('catalogue').VERIFIED}" if entry.pin else ""
        self.message.emit(tr("Downloaded {}{}: {}").format(name, checked, text) if ok
                          else tr("Download failed: {}").format(text))
        self.progress.emit(100 if ok else 0)
        self.fill_models()
        self.choose(self.model, name)
        self.model_changed()

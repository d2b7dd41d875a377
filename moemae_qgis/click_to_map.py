"""Click to map: a dock panel and a map tool over a scene's cached embedding field.

- *Prepare* embeds the chosen scene once per model (a background QgsTask with progress and
  Cancel; ``backend.embedding_cache``), or reads it from the cache at once.
- *Find similar places*: a click on the map adds a place to find, a shift-click one that is not
  wanted; the similarity of the visible extent is redrawn from the field after each click.
- *Map my classes*: name classes, pick one and click cells of it; *Preview* fits a probe on the
  clicks and paints the visible extent, its cross-validated accuracy beside it; *Save probe…*
  writes it for ``moemae:classify``.

The panel holds no tensor math: it calls ``backend.similarity`` and ``backend.click_probe``.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsMapLayerProxyModel,
    QgsProject,
    QgsRasterLayer,
    QgsTask,
)
from qgis.gui import QgsDockWidget, QgsMapLayerComboBox, QgsMapToolEmitPoint
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .algorithms.base import FeedbackProgress, apply_land_cover_style, layer_file
from .algorithms.similarity import apply_similarity_style
from .backend_loader import load_backend
from .i18n import tr

SIMILARITY_LAYER = "Similarity (click to map)"
CLASSES_LAYER = "Classes (click to map)"
MODES = ("Find similar places", "Map my classes")


class FieldTask(QgsTask):
    """Embeds a scene into the cache (or reads it from there) in the background."""

    def __init__(self, scene: str, on_done):
        super().__init__(tr("MoE-MAE: embedding {}").format(Path(scene).name), QgsTask.Flag.CanCancel)
        self.scene, self.on_done = scene, on_done
        self.field, self.error = None, None

    def run(self):
        cache = load_backend("embedding_cache")
        try:
            self.field = cache.field_for(cache.scene_field_request(self.scene), FeedbackProgress(self))
        except load_backend("progress").Cancelled:
            return False
        except Exception as exc:  # said in finished(), on the main thread
            self.error = str(exc)
            return False
        return True

    def finished(self, result):
        self.on_done(self)


class ClickTool(QgsMapToolEmitPoint):
    """Left click: a place (or a cell of the chosen class); shift-click: a place not wanted."""

    clicked = pyqtSignal(float, float, bool)  # x, y in the canvas's CRS; True: shift held

    def canvasReleaseEvent(self, event):  # noqa: N802 - QGIS's name
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = self.toMapCoordinates(event.pos())
        self.clicked.emit(point.x(), point.y(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier))


class ClickToMapDock(QgsDockWidget):
    """The panel: a scene, its field, the clicks, and the layers they make."""

    def __init__(self, iface):
        super().__init__(tr("MoE-MAE click to map"), iface.mainWindow())
        self.setObjectName("moemaeClickToMapDock")
        self.iface, self.canvas = iface, iface.mapCanvas()
        self.field, self.task, self.result = None, None, None
        self.positives, self.negatives, self.class_clicks = [], [], []
        self.folder = Path(tempfile.mkdtemp(prefix="moemae-click-to-map-"))
        self.views = 0
        self.tool = ClickTool(self.canvas)
        self.tool.clicked.connect(self.on_click)
        self.setWidget(self._build())

    # --- layout
    def _build(self) -> QWidget:
        body, layout = QWidget(), QVBoxLayout()
        self.scene = QgsMapLayerComboBox()
        self.scene.setFilters(QgsMapLayerProxyModel.Filter.RasterLayer)
        self.prepare_button = QPushButton(tr("Prepare"))
        self.prepare_button.setObjectName("moemaePrepareButton")
        self.prepare_button.clicked.connect(self.prepare)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.status = QLabel(tr("Choose a Landsat scene and press Prepare: it is embedded once, then kept."))
        self.status.setWordWrap(True)
        self.mode = QComboBox()
        self.mode.addItems([tr(m) for m in MODES])
        self.mode.currentIndexChanged.connect(self.mode_changed)
        self.pick_button = QPushButton(tr("Click on the map"))
        self.pick_button.setCheckable(True)
        self.pick_button.setObjectName("moemaePickButton")
        self.pick_button.toggled.connect(self.use_tool)
        layout.addWidget(QLabel(tr("Scene")))
        layout.addWidget(self.scene)
        layout.addLayout(_row(self.prepare_button, self.cancel_button))
        for widget in (self.progress, self.status, self.mode, self.pick_button, self._classes_box()):
            layout.addWidget(widget)
        layout.addStretch(1)
        body.setLayout(layout)
        self.mode_changed(0)
        return body

    def _classes_box(self) -> QWidget:
        box, layout = QWidget(), QVBoxLayout()
        self.class_name = QLineEdit()
        self.class_name.setPlaceholderText(tr("class name, e.g. water"))
        add = QPushButton(tr("Add class"))
        add.clicked.connect(self.add_class)
        self.class_name.returnPressed.connect(self.add_class)
        self.classes = QListWidget()
        self.preview_button, self.save_button = QPushButton(tr("Preview")), QPushButton(tr("Save probe…"))
        self.preview_button.setObjectName("moemaePreviewButton")
        self.preview_button.clicked.connect(self.preview)
        self.save_button.clicked.connect(self.save_probe)
        self.accuracy = QLabel("")
        self.accuracy.setWordWrap(True)
        clear = QPushButton(tr("Clear clicks"))
        clear.clicked.connect(self.clear_clicks)
        layout.addLayout(_row(self.class_name, add))
        for widget in (self.classes, self.accuracy):
            layout.addWidget(widget)
        layout.addLayout(_row(self.preview_button, self.save_button, clear))
        layout.setContentsMargins(0, 0, 0, 0)
        box.setLayout(layout)
        self.classes_box = box
        return box

    def mode_changed(self, index: int) -> None:
        self.classes_box.setVisible(index == 1)
        self.say(tr("Click places to find; shift-click places that are not wanted.") if index == 0 else
                 tr("Name classes, pick one in the list and click cells of it; then Preview."))

    def say(self, text: str) -> None:
        self.status.setText(text)

    # --- the field
    def prepare(self) -> None:
        layer = self.scene.currentLayer()
        if layer is None or layer.providerType() != "gdal":
            self.say(tr("Choose a Landsat scene saved in a file (a product added with 'Add Landsat "
                        "product', or a raster)."))
            return
        self.release_field()
        self.task = FieldTask(layer_file(layer), self.field_ready)
        self.task.progressChanged.connect(lambda value: self.progress.setValue(int(value)))
        self.prepare_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.say(tr("Embedding {} (once per model; then read from the cache)…").format(layer.name()))
        from qgis.core import QgsApplication

        QgsApplication.taskManager().addTask(self.task)

    def field_ready(self, task: FieldTask) -> None:
        if task is not self.task:
            return
        self.task = None
        self.prepare_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        if task.field is None:
            self.say(tr("Not prepared: {}").format(task.error) if task.error else
                     tr("Cancelled: nothing was kept."))
            return
        self.field = task.field
        self.progress.setValue(100)
        self.say(tr("Ready: {} × {} cells of 120 m. {}").format(self.field.cols, self.field.rows,
                                                               self.status_hint()))
        self.pick_button.setChecked(True)

    def status_hint(self) -> str:
        return tr("Click on the map.") if self.mode.currentIndex() == 0 else tr("Add classes, then click.")

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def release_field(self) -> None:
        if self.field is not None:
            self.field.close()
        self.field, self.result = None, None
        self.clear_clicks()

    def use_tool(self, on: bool) -> None:
        if on:
            self.canvas.setMapTool(self.tool)
        elif self.canvas.mapTool() is self.tool:
            self.canvas.unsetMapTool(self.tool)

    # --- clicks
    def to_field(self, x: float, y: float) -> tuple[float, float]:
        """A canvas point in the field's CRS."""
        source = self.canvas.mapSettings().destinationCrs()
        target = QgsCoordinateReferenceSystem.fromWkt(self.field.crs)
        if not target.isValid() or source == target:
            return x, y
        from qgis.core import QgsPointXY

        point = QgsCoordinateTransform(source, target, QgsProject.instance()).transform(QgsPointXY(x, y))
        return point.x(), point.y()

    def visible_extent(self) -> tuple:
        """The canvas's extent in the field's CRS, as (xmin, ymin, xmax, ymax)."""
        extent = self.canvas.extent()
        target = QgsCoordinateReferenceSystem.fromWkt(self.field.crs)
        source = self.canvas.mapSettings().destinationCrs()
        if target.isValid() and source != target:
            transform = QgsCoordinateTransform(source, target, QgsProject.instance())
            extent = transform.transformBoundingBox(extent)
        return extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()

    def on_click(self, x: float, y: float, negative: bool) -> None:
        if self.field is None:
            self.say(tr("Press Prepare first: the scene's embeddings are needed."))
            return
        x, y = self.to_field(x, y)
        if self.mode.currentIndex() == 1:
            return self.add_class_click(x, y)
        (self.negatives if negative else self.positives).append((x, y))
        self.show_similarity()

    def show_similarity(self) -> None:
        similarity = load_backend("similarity")
        try:
            query = similarity.query_from_clicks(self.field, self.positives, self.negatives)
        except load_backend("errors").UserError as exc:
            return self.say(str(exc))
        path = self.next_view_path()
        if similarity.write_view(self.field, self.visible_extent(), path, query.scores) is None:
            return self.say(tr("The map shows no part of the scene: pan to it."))
        self.show_layer(SIMILARITY_LAYER, path, apply_similarity_style)
        self.say(tr("{} places to find, {} not wanted: the similarity of the visible map, 0 to 1.")
                 .format(len(self.positives), len(self.negatives)))

    def next_view_path(self) -> Path:
        self.views += 1
        return self.folder / f"view-{self.views}.tif"

    def show_layer(self, name: str, path: Path, style) -> QgsRasterLayer:
        """Put the view in the layer ``name`` (made once, its source replaced after)."""
        project = QgsProject.instance()
        found = project.mapLayersByName(name)
        if found:
            layer = found[0]
            layer.setDataSource(str(path), name, "gdal")
        else:
            layer = project.addMapLayer(QgsRasterLayer(str(path), name, "gdal"))
        style(layer)
        return layer

    # --- classes
    def add_class(self) -> None:
        name = self.class_name.text().strip()
        names = [self.classes.item(i).text() for i in range(self.classes.count())]
        if name and name not in names:
            self.classes.addItem(name)
            self.classes.setCurrentRow(self.classes.count() - 1)
        self.class_name.clear()

    def add_class_click(self, x: float, y: float) -> None:
        row = self.classes.currentRow()
        if row < 0:
            return self.say(tr("Add a class and pick it in the list before clicking."))
        self.class_clicks.append((x, y, row))
        counts = [sum(1 for c in self.class_clicks if c[2] == k) for k in range(self.classes.count())]
        self.say(", ".join(f"{self.classes.item(k).text()}: {n}" for k, n in enumerate(counts)))

    def class_names(self) -> list:
        return [self.classes.item(i).text() for i in range(self.classes.count())]

    def preview(self) -> None:
        if self.field is None:
            return self.say(tr("Press Prepare first: the scene's embeddings are needed."))
        backend = load_backend("click_probe")
        try:
            self.result = backend.fit_click_probe(self.field, self.class_clicks, self.class_names())
        except load_backend("errors").UserError as exc:
            return self.say(str(exc))
        path = self.next_view_path()
        if backend.write_class_view(self.field, self.result.probe, self.visible_extent(), path) is None:
            return self.say(tr("The map shows no part of the scene: pan to it."))
        probe = self.result.probe
        self.show_layer(CLASSES_LAYER, path, lambda layer: apply_land_cover_style(layer, probe.class_names,
                                                                                  probe.colours))
        self.accuracy.setText(accuracy_text(self.result))

    def save_probe(self) -> None:
        if self.result is None:
            return self.say(tr("Press Preview first: the probe is fitted there."))
        folder = load_backend("paths").user_models_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path, _ = QFileDialog.getSaveFileName(self, tr("Save probe"), str(folder / "probe_clicks.json"),
                                              tr("Probes (*.json)"))
        if path:
            try:
                load_backend("click_probe").save_click_probe(self.result, path)
            except load_backend("errors").UserError as exc:
                return self.say(str(exc))
            self.say(tr("Saved {}: give it to 'Classify land cover' as its PROBE.").format(path))

    def clear_clicks(self) -> None:
        self.positives, self.negatives, self.class_clicks = [], [], []

    def shut(self) -> None:
        """Before the plugin unloads: stop a build, give the map tool back, let go of the field."""
        self.cancel()
        self.use_tool(False)
        self.release_field()
        shutil.rmtree(self.folder, ignore_errors=True)


def accuracy_text(result) -> str:
    """The cross-validated accuracy, in words, beside the preview."""
    clicks = sum(result.counts.values())
    if result.cv_accuracy is None:
        return tr("{} clicks: too few to cross-validate.").format(clicks)
    return tr("Cross-validated accuracy {:.0%} ({}-fold, {} clicks){}").format(
        result.cv_accuracy, result.folds, clicks,
        tr("; {} clicks off the scene or on no data were left out").format(result.left_out)
        if result.left_out else "")


def _row(*widgets) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    return row

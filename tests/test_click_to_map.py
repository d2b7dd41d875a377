"""The click-to-map panel in a real QgsApplication (pytest-qgis): the field prepared by a real
background task, clicks through the map tool's signal, the layers they make, the probe it saves,
Cancel, and a clean unload."""
import json
import time

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import QgsApplication, QgsPalettedRasterRenderer, QgsProject, QgsRasterLayer
from qgis.PyQt.QtWidgets import QApplication

import moemae_qgis
from helpers import mosaic_pixels, write_raster
from moemae_qgis.click_to_map import CLASSES_LAYER, SIMILARITY_LAYER, ClickToMapDock


def wait_for(condition, seconds=120):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.02)
    assert condition()


@pytest.fixture
def dock(qgis_iface, qgis_canvas, tmp_path):
    """The panel on a real 160 × 160 px scene of 16 real patches, shown whole on the canvas."""
    scene = QgsRasterLayer(str(write_raster(tmp_path / "scene.tif", mosaic_pixels())), "scene", "gdal")
    QgsProject.instance().addMapLayer(scene)
    qgis_canvas.setDestinationCrs(scene.crs())
    qgis_canvas.setExtent(scene.extent())
    qgis_canvas.resize(400, 400)
    panel = ClickToMapDock(qgis_iface)
    panel.scene.setLayer(scene)
    yield panel
    panel.shut()
    QgsProject.instance().clear()


def prepare(panel):
    panel.prepare()
    wait_for(lambda: panel.task is None)
    assert panel.field is not None, panel.status.text()


def cell_centre(field, row, col):
    x0, width, _, y0, _, height = field.transform
    return x0 + (col + 0.5) * width, y0 + (row + 0.5) * height


def test_clicks_redraw_the_similarity_of_the_visible_map(dock):
    prepare(dock)
    assert "Ready: 40 × 40 cells" in dock.status.text() and dock.canvas.mapTool() is dock.tool
    dock.tool.clicked.emit(*cell_centre(dock.field, 5, 5), False)
    layer = QgsProject.instance().mapLayersByName(SIMILARITY_LAYER)[0]
    scores = gdal.Open(layer.source()).ReadAsArray()
    assert scores.shape == (40, 40) and scores[5, 5] == pytest.approx(1.0, abs=1e-5)
    dock.tool.clicked.emit(*cell_centre(dock.field, 30, 30), True)  # shift-click: not wanted
    layer = QgsProject.instance().mapLayersByName(SIMILARITY_LAYER)[0]  # the same layer, a new view
    assert len(QgsProject.instance().mapLayersByName(SIMILARITY_LAYER)) == 1
    scores = gdal.Open(layer.source()).ReadAsArray()
    assert scores[30, 30] < 0 < scores[5, 5] and np.nanmax(scores) <= 1
    assert layer.renderer().type() == "singlebandpseudocolor"


def test_classes_from_clicks_preview_show_accuracy_and_save_a_probe_for_classify(dock, tmp_path, monkeypatch):
    from qgis.PyQt.QtWidgets import QFileDialog

    prepare(dock)
    dock.mode.setCurrentIndex(1)
    for name in ("west", "east"):
        dock.class_name.setText(name)
        dock.add_class()
        column = 4 if name == "west" else 34
        for row in range(2, 38, 6):
            dock.tool.clicked.emit(*cell_centre(dock.field, row, column), False)
    assert "west: 6, east: 6" in dock.status.text()
    dock.preview_button.click()
    layer = QgsProject.instance().mapLayersByName(CLASSES_LAYER)[0]
    assert isinstance(layer.renderer(), QgsPalettedRasterRenderer)
    assert [c.label for c in layer.renderer().classes()] == ["west", "east"]
    assert dock.accuracy.text().startswith("Cross-validated accuracy")
    assert "5-fold, 12 clicks" in dock.accuracy.text()
    painted = gdal.Open(layer.source()).ReadAsArray()
    assert painted[20, 4] == 0 and painted[20, 34] == 1
    target = tmp_path / "mine.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    dock.save_button.click()
    saved = json.loads(target.read_text())
    assert saved["class_names"] == ["west", "east"] and saved["training"]["resolution"] == "token"


def test_cancel_stops_the_embedding_and_keeps_nothing(dock):
    from backend.embedding_cache import cache_dir

    dock.prepare()
    dock.cancel_button.click()
    wait_for(lambda: dock.task is None)
    assert dock.field is None and dock.status.text() == "Cancelled: nothing was kept."
    assert not cache_dir().exists() or not any(cache_dir().iterdir())


def test_unload_takes_the_panel_and_its_map_tool_away(qgis_iface):
    instance = moemae_qgis.classFactory(qgis_iface)
    instance.initGui()
    instance.show_click_to_map()
    panel = instance.click_dock
    panel.pick_button.setChecked(True)
    assert qgis_iface.mapCanvas().mapTool() is panel.tool
    instance.unload()
    assert instance.click_dock is None and qgis_iface.mapCanvas().mapTool() is not panel.tool
    assert QgsApplication.processingRegistry().providerById("moemae") is None

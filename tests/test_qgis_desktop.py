"""The packaged plugin in the real QGIS desktop application, on a virtual screen (Xvfb).

QGIS starts with a throwaway profile holding the unpacked zip, runs a small script through
``--code`` that records what a user would see (the Raster menu, the toolbar, the message bar),
saves a screenshot, and quits.
"""
import json
import os
import shutil
import subprocess
import sysconfig
import zipfile

import numpy as np
import pytest

from helpers import REPO, SAMPLE

#: Each test starts the QGIS desktop (10-16 s): `make test-fast` leaves them out.
pytestmark = pytest.mark.desktop

PROBE = r'''
import json
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QAction, QToolBar
from qgis.utils import iface, plugins

def record():
    window = iface.mainWindow()
    main = window.findChild(QAction, "moemaeMainAction")
    seen = {
        "plugin_loaded": "moemae_qgis" in plugins,
        "raster_menu": [a.text() for a in iface.rasterMenu().actions()],
        "submenu": [a.text() for a in main.associatedWidgets()[0].actions()] if main else [],
        "visible_toolbars": [bar.objectName() for bar in window.findChildren(QToolBar)
                             if main in bar.actions() and bar.isVisible()] if main else [],
        "message_bar": [item.text() for item in iface.messageBar().items()],
    }
    window.grab().save(OUT + ".png")
    with open(OUT + ".json", "w") as f:
        json.dump(seen, f)
    from qgis.core import QgsProject
    QgsProject.instance().clear()  # no "save the project?" question on the way out
    import os
    QTimer.singleShot(5000, lambda: os._exit(0))  # QGIS 3.22 sometimes lingers after Exit
    iface.actionExit().trigger()

def open_dialog():
    if not LAYER:
        return record()
    iface.addRasterLayer(LAYER, "demo scene")
    window = iface.mainWindow()
    window.findChild(QAction, "moemaeMainAction").trigger()
    def run():
        from moemae_qgis.dialog import ClassifyDialog
        from qgis.PyQt.QtWidgets import QApplication
        dialogs = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, ClassifyDialog) and w.isVisible()]
        seen = {"dialogs": len(dialogs)}
        if not dialogs:
            return grab(None, seen)
        d = dialogs[0]
        seen.update(detected=d.detected.text(), bands=d.bands.text(), layer=d.layer.currentLayer().name(),
                    log_open_before=not d.log_box.isCollapsed())
        d.device.setCurrentIndex(d.device.findData("cpu"))
        d.run_button.click()
        wait(d, seen, 0)
    def wait(d, seen, tries):
        if d.running() and tries < 900:
            return QTimer.singleShot(100, lambda: wait(d, seen, tries + 1))
        QTimer.singleShot(500, lambda: grab(d, seen))  # the queued log lines are painted
    def grab(d, seen):
        if d is not None:
            d.grab().save(OUT + "-dialog.png")
            seen.update(status=d.status.text(), log_open=not d.log_box.isCollapsed(),
                        log_title=d.log_box.title(), log=d.log.toPlainText(),
                        on_screen=d.screen().availableGeometry().contains(d.frameGeometry()),
                        buttons_seen=all(not b.visibleRegion().isEmpty() for b in (d.run_button,
                                                                                     d.buttons)),
                        sideways=d.body.horizontalScrollBar().maximum(),
                        body_scrolls=d.body.verticalScrollBar().maximum() > 0)
        with open(OUT + "-dialog.json", "w") as f:
            json.dump(seen, f)
        record()
    QTimer.singleShot(1500, run)

QTimer.singleShot(4000, open_dialog)
'''


def run_qgis_desktop(tmp_path, with_venv: bool, layer: str = "", locale: str = "",
                     script_text: str = PROBE) -> dict:
    profile = tmp_path / "qgis-config"
    plugins = profile / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    if locale:  # as Settings › Options › General › Override system locale leaves QGIS3.ini
        ini = profile / "profiles" / "default" / "QGIS" / "QGIS3.ini"
        ini.parent.mkdir(parents=True)
        ini.write_text(f"[locale]\noverrideFlag=true\nuserLocale={locale}\n")
    import importlib.util

    spec = importlib.util.spec_from_file_location("package_tool", REPO / "tools" / "package.py")
    package_tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(package_tool)
    plugin_zip = package_tool.build_zip(tmp_path / "moemae_qgis.zip")
    package_tool.deploy(plugin_zip, profile / "profiles" / "default", enable=True)
    assert zipfile.is_zipfile(plugin_zip)

    out = tmp_path / "desktop"
    script = tmp_path / "probe.py"
    script.write_text(f"OUT = {str(out)!r}\nLAYER = {layer!r}\n" + script_text)
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(profile), XDG_RUNTIME_DIR=str(tmp_path / "rt"))
    env.pop("QT_QPA_PLATFORM", None)  # a real (virtual) screen this time
    (tmp_path / "rt").mkdir(mode=0o700)
    if with_venv:
        env["PYTHONPATH"] = sysconfig.get_paths()["purelib"]
    else:
        env.pop("PYTHONPATH", None)
    result = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "qgis", "--nologo",
                             "--noversioncheck", "--code", str(script)],
                            env=env, capture_output=True, text=True, timeout=180, stdin=subprocess.DEVNULL)
    if not (out.with_suffix(".json")).is_file():
        pytest.fail(f"QGIS did not run the probe (exit "
                    f"{result.returncode}):\n{result.stdout}\n{result.stderr}")
    keep = os.environ.get("MOEMAE_SCREENSHOTS")
    if keep:  # for a person to look at
        shutil.copy(out.with_suffix(".png"), os.path.join(keep, f"qgis-desktop-venv-{with_venv}{locale}.png"))
        for made, kept in (("-dialog.png", "qgis-dialog.png"), ("-click.png", "qgis-click-to-map.png")):
            if os.path.exists(f"{out}{made}"):
                shutil.copy(f"{out}{made}", os.path.join(keep, kept))
    assert out.with_suffix(".png").stat().st_size > 10_000
    return json.loads(out.with_suffix(".json").read_text())


def test_plugin_in_qgis_desktop_with_dependencies(tmp_path):
    seen = run_qgis_desktop(tmp_path, with_venv=True)
    assert seen["plugin_loaded"]
    assert "&MoE-MAE land cover" in seen["raster_menu"]
    assert seen["submenu"] == ["MoE-MAE land cover…", "Add Landsat product…", "Click to map…",
                               "Check environment…", "Install missing Python packages…"]
    # The Plugins toolbar, which QGIS shows by default (not the Raster toolbar, which it hides).
    assert seen["visible_toolbars"] == ["mPluginToolBar"]
    assert seen["message_bar"] == []


def test_plugin_in_qgis_desktop_without_torch_offers_install(tmp_path):
    seen = run_qgis_desktop(tmp_path, with_venv=False)
    assert seen["plugin_loaded"]
    assert "&MoE-MAE land cover" in seen["raster_menu"]
    assert len(seen["message_bar"]) == 1
    assert seen["message_bar"][0].startswith("QGIS's Python lacks torch, scikit-learn, platformdirs")


def test_dialog_opens_from_the_toolbar_action_in_qgis_desktop(tmp_path):
    """The dialog opens on the project's layer; a run with the demonstration model opens the Log
    pane by itself, with the model's warning in it."""
    from backend.catalogue import DEMONSTRATION_WARNING
    from backend.demo_scene import make_demo_scene

    scene = make_demo_scene(SAMPLE, tmp_path / "scene", size=200)
    run_qgis_desktop(tmp_path, with_venv=True, layer=str(scene))
    seen = json.loads((tmp_path / "desktop-dialog.json").read_text())
    assert seen["dialogs"] == 1
    assert seen["layer"] == "demo scene"
    assert seen["detected"].startswith("2017-06-13 09:42 UTC (from the MTL file")
    assert seen["bands"].endswith("(by band names)")
    assert seen["status"].startswith("Done: ")
    assert not seen["log_open_before"] and seen["log_open"] and seen["log_title"].startswith("Log: ")
    assert DEMONSTRATION_WARNING in seen["log"].splitlines()
    # On a 1280 × 800 screen, with the log open: the dialog stays on the screen with its Run and
    # Close buttons in view, and the choices scroll (up and down, never sideways) instead.
    assert seen["on_screen"] and seen["buttons_seen"] and seen["body_scrolls"] and seen["sideways"] == 0
    assert (tmp_path / "desktop-dialog.png").stat().st_size > 10_000


def test_plugin_in_qgis_desktop_in_brazilian_portuguese(tmp_path):
    """QGIS set to pt_BR: the packaged plugin's menu is Portuguese, from the .qm files in its zip."""
    seen = run_qgis_desktop(tmp_path, with_venv=True, locale="pt_BR")
    assert seen["plugin_loaded"]
    assert "&Cobertura do solo MoE-MAE" in seen["raster_menu"]
    assert seen["submenu"] == ["Cobertura do solo MoE-MAE…", "Adicionar produto Landsat…",
                               "Clique para mapear…", "Verificar ambiente…",
                               "Instalar pacotes Python ausentes…"]


#: The end of a desktop script: a screenshot and what it saw (``seen``) beside OUT, then QGIS quits.
FINISH = r'''
import json
import os
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface

seen = {}

def finish():
    iface.mainWindow().grab().save(OUT + ".png")
    with open(OUT + ".json", "w") as f:
        json.dump(seen, f)
    QgsProject.instance().clear()
    QTimer.singleShot(5000, lambda: os._exit(0))
    iface.actionExit().trigger()
'''

CLICK_PROBE = FINISH + r'''
import shutil, time
import numpy as np
from osgeo import gdal
from qgis.core import QgsPointXY, QgsProject
from qgis.PyQt.QtCore import QPoint, Qt, QTimer
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QAction
from qgis.utils import iface, plugins


def start():
    from moemae_qgis.product_layer import add_product_layer
    layer = add_product_layer(LAYER, QgsProject.instance())
    iface.mapCanvas().setExtent(layer.extent())
    iface.mainWindow().findChild(QAction, "moemaeClickToMapAction").trigger()
    dock = plugins["moemae_qgis"].click_dock
    dock.scene.setLayer(layer)
    dock.prepare_button.click()
    wait(dock, 0)

def wait(dock, tries):
    if dock.task is not None and tries < 1200:
        return QTimer.singleShot(100, lambda: wait(dock, tries + 1))
    seen["status"] = dock.status.text()
    seen["tool_active"] = iface.mapCanvas().mapTool() is dock.tool
    QTimer.singleShot(1000, lambda: click(dock))

def screen_position(x, y):
    point = iface.mapCanvas().getCoordinateTransform().transform(QgsPointXY(x, y))
    return QPoint(int(point.x()), int(point.y()))

def click(dock):
    """Click three cells whose every pixel is water (near infrared under 0.05), at random."""
    files = gdal.Open(dock.scene.currentLayer().source()).GetFileList()
    band = gdal.Open([p for p in files if p.endswith("_SR_B5.TIF")][0])
    nir = band.ReadAsArray() * 0.0000275 - 0.2
    transform = band.GetGeoTransform()
    rows, cols = np.nonzero(nir < 0.05)
    picked = np.random.default_rng(0).choice(len(rows), 3, replace=False)
    seen["clicks"], seen["click_s"] = [], []
    for i in picked:
        x, y = gdal.ApplyGeoTransform(transform, cols[i] + 0.5, rows[i] + 0.5)
        started = time.perf_counter()
        QTest.mouseClick(iface.mapCanvas().viewport(), Qt.LeftButton, Qt.NoModifier, screen_position(x, y))
        seen["click_s"].append(time.perf_counter() - started)
        seen["clicks"].append([x, y])
    QTimer.singleShot(1500, lambda: look(dock))

def look(dock):
    layers = QgsProject.instance().mapLayersByName("Similarity (click to map)")
    seen["layers"] = [l.name() for l in QgsProject.instance().mapLayers().values()]
    seen["status_after"] = dock.status.text()
    if layers:
        shutil.copy(layers[0].source(), OUT + "-similarity.tif")
        seen["renderer"] = layers[0].renderer().type()
    iface.mainWindow().grab().save(OUT + "-click.png")
    finish()

QTimer.singleShot(4000, start)
'''


def test_clicks_on_the_canvas_draw_a_similarity_layer_in_qgis_desktop(tmp_path):
    """QGIS on Xvfb: the Liverpool product added, the panel prepares its field, three clicks on the
    sea (cells found by a rule on the product's near infrared) make a layer that ranks the sea's
    cells above the land's."""
    from osgeo import gdal

    from helpers import LIVERPOOL

    scene = tmp_path / LIVERPOOL.name
    shutil.copytree(LIVERPOOL, scene)
    seen = run_qgis_desktop(tmp_path, with_venv=True, layer=str(scene), script_text=CLICK_PROBE)
    assert seen["status"].startswith("Ready: "), seen
    assert seen["tool_active"] and seen["renderer"] == "singlebandpseudocolor", seen
    assert seen["layers"].count("Similarity (click to map)") == 1
    assert seen["status_after"].startswith("3 places to find, 0 not wanted"), seen
    similarity = gdal.Open(str(tmp_path / "desktop-similarity.tif"))
    scores, (x0, width, _, y0, _, height) = similarity.ReadAsArray(), similarity.GetGeoTransform()
    nir_path = next(scene.glob("*_SR_B5.TIF"))
    nir = gdal.Open(str(nir_path)).ReadAsArray() * 0.0000275 - 0.2
    rows, cols = np.indices(nir.shape)
    origin = gdal.Open(str(nir_path)).GetGeoTransform()
    # Each pixel's score: the cell of the view over it (the view may be a part of the scene).
    cell_r = ((origin[3] + (rows + 0.5) * origin[5] - y0) / height).astype(int)
    cell_c = ((origin[0] + (cols + 0.5) * origin[1] - x0) / width).astype(int)
    inside = (cell_r >= 0) & (cell_r < scores.shape[0]) & (cell_c >= 0) & (cell_c < scores.shape[1])
    pixel_scores = np.full(nir.shape, np.nan)
    pixel_scores[inside] = scores[cell_r[inside], cell_c[inside]]
    sea, land = nir < 0.03, nir > 0.2
    assert np.nanmedian(pixel_scores[sea]) > 0.5 > np.nanmedian(pixel_scores[land])
    assert (tmp_path / "desktop-click.png").stat().st_size > 10_000


CHANGE_PROBE = FINISH + r'''

def start():
    import processing
    from moemae_qgis.product_layer import add_product_layer
    before = add_product_layer(LAYER, QgsProject.instance())
    after = add_product_layer(AFTER, QgsProject.instance())
    try:
        processing.runAndLoadResults("moemae:change", {
            "BEFORE": before, "AFTER": after, "DEVICE": "cpu", "OUTPUT": OUT + "-change.tif",
            "OUTPUT_CHANGED": OUT + "-changed.tif"})
    except Exception as exc:
        seen["error"] = str(exc)
    iface.mapCanvas().setExtent(before.extent())
    QTimer.singleShot(3000, look)

def look():
    layers = list(QgsProject.instance().mapLayers().values())
    seen["layers"] = sorted(layer.name() for layer in layers)
    seen["renderers"] = {layer.name(): layer.renderer().type() for layer in layers}
    seen["order"] = [node.layer().name() for node in QgsProject.instance().layerTreeRoot().findLayers()]
    iface.mapCanvas().grab().save(OUT + "-canvas.png")
    finish()

QTimer.singleShot(4000, start)
'''


def test_the_change_layer_is_drawn_white_to_red_over_the_two_dates_in_qgis_desktop(tmp_path):
    """QGIS on Xvfb: two dates of the Liverpool product (the later one with a block of other ground,
    3 × 5 px off) added as products, moemae:change run from Processing: the score layer is drawn
    with a white-to-red ramp and the changed cells as a paletted layer over both scenes."""
    from osgeo import gdal

    from helpers import LIVERPOOL, changed_product, land_cover_blocks

    scene = tmp_path / LIVERPOOL.name
    shutil.copytree(LIVERPOOL, scene)
    target, source = land_cover_blocks(LIVERPOOL, 48)
    later = changed_product(LIVERPOOL, tmp_path / "later", "LC08_L2SP_204023_20210620_20210701_02_T1",
                            "2021-06-20", (3, 5), (target, source), 48)
    seen = run_qgis_desktop(tmp_path, with_venv=True, layer=str(scene),
                            script_text=f"AFTER = {str(later)!r}\n" + CHANGE_PROBE)
    assert "error" not in seen, seen
    assert seen["renderers"]["Change score"] == "singlebandpseudocolor", seen
    assert seen["renderers"]["Changed cells"] == "paletted", seen
    assert seen["order"][:2] == ["Changed cells", "Change score"] and len(seen["order"]) == 4, seen
    changed = gdal.Open(str(tmp_path / "desktop-changed.tif")).ReadAsArray()
    assert (changed == 1).any()
    keep = os.environ.get("MOEMAE_SCREENSHOTS")
    if keep:
        shutil.copy(tmp_path / "desktop-canvas.png", os.path.join(keep, "qgis-change-canvas.png"))

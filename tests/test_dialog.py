"""The dialog in real QGIS: what it detects, Run in the background, Cancel that leaves nothing."""
import time

import numpy as np
import pytest
from qgis.core import QgsApplication, QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import QCoreApplication

from backend.demo_scene import make_demo_scene
from helpers import SAMPLE


@pytest.fixture(autouse=True)
def fresh_dialog_settings():
    """Each test starts from the dialog's defaults: the choices a run remembers are forgotten."""
    from qgis.core import QgsSettings

    from moemae_qgis.dialog import SETTINGS_GROUP

    QgsSettings().remove(SETTINGS_GROUP)
    yield
    QgsSettings().remove(SETTINGS_GROUP)


@pytest.fixture
def scene_layer(tmp_path):
    path = make_demo_scene(SAMPLE, tmp_path / "scene", size=200)
    layer = QgsRasterLayer(str(path), "demo scene")
    assert layer.isValid()
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeAllMapLayers()


def wait_for(dialog, seconds=120):
    deadline = time.monotonic() + seconds
    while dialog.cancel_button.isEnabled() and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    assert not dialog.cancel_button.isEnabled(), "the run did not finish"


def test_dialog_shows_detected_date_and_bands(provider, scene_layer, qgis_iface):
    from moemae_qgis.dialog import ClassifyDialog

    dialog = ClassifyDialog(qgis_iface)
    dialog.layer.setLayer(scene_layer)
    assert dialog.detected.text().startswith("2017-06-13 09:42 UTC (from the MTL file LC08_L2SP_190016")
    assert dialog.bands.text() == "SR_B1…SR_B7 = bands 1, 2, 3, 4, 5, 6, 7 (by band names)"
    assert dialog.device.itemData(0) == "auto" and dialog.device.itemText(0).startswith("auto (")
    assert dialog.run_button.isEnabled()


def test_run_adds_a_styled_layer(provider, scene_layer, qgis_iface, tmp_path):
    from moemae_qgis.dialog import ClassifyDialog

    dialog = ClassifyDialog(qgis_iface)
    dialog.layer.setLayer(scene_layer)
    dialog.output.setFilePath(str(tmp_path / "landcover.tif"))
    dialog.device.setCurrentIndex(dialog.device.findData("cpu"))
    dialog.run()
    wait_for(dialog)
    added = [layer for layer in QgsProject.instance().mapLayers().values()
             if layer.name().startswith("Land cover")]
    assert len(added) == 1, dialog.status.text()
    assert added[0].renderer().type() == "paletted"
    assert (tmp_path / "landcover.tif").is_file()
    assert dialog.status.text() == f"Done: {tmp_path / 'landcover.tif'}"


def test_cancel_adds_nothing_and_leaves_no_file(provider, scene_layer, qgis_iface, tmp_path):
    from moemae_qgis.dialog import ClassifyDialog

    dialog = ClassifyDialog(qgis_iface)
    dialog.layer.setLayer(scene_layer)
    dialog.output.setFilePath(str(tmp_path / "landcover.tif"))
    dialog.stride.setValue(4)  # many tiles: time to cancel
    dialog.device.setCurrentIndex(dialog.device.findData("cpu"))
    dialog.run()
    deadline = time.monotonic() + 30
    while dialog.progress.value() < 1 and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    dialog.cancel()
    wait_for(dialog)
    assert dialog.status.text() == "Cancelled: no layer was added and no file was left."
    assert [layer.name() for layer in QgsProject.instance().mapLayers().values()] == ["demo scene"]
    assert [p.name for p in tmp_path.iterdir()] == ["scene"]  # no output, no temporary file
    assert QgsApplication.taskManager().countActiveTasks() == 0


def test_unnamed_bands_are_not_guessed_and_can_be_set(provider, qgis_iface, tmp_path):
    """8 bands without Landsat names: Run stays off and the dialog says to set the bands; once
    they are set, the run uses them."""
    from helpers import mosaic_pixels, write_raster
    from moemae_qgis.dialog import ClassifyDialog

    pixels = np.concatenate([mosaic_pixels(), mosaic_pixels()[:1]])
    layer = QgsRasterLayer(str(write_raster(tmp_path / "eight.tif", pixels)), "eight bands")
    QgsProject.instance().addMapLayer(layer)
    try:
        dialog = ClassifyDialog(qgis_iface)
        dialog.layer.setLayer(layer)
        assert not dialog.run_button.isEnabled()
        assert dialog.bands.text().startswith("Cannot tell the bands: the raster has 8 bands without Landsat "
                                              "band names")
        assert dialog.bands.text().endswith("Set the bands yourself below.")
        dialog.band_override.setChecked(True)
        for garbage in ("one two", ""):  # never a quiet fall-back to finding the bands
            dialog.band_numbers.setText(garbage)
            dialog.band_numbers.editingFinished.emit()
            assert not dialog.run_button.isEnabled()
            assert dialog.bands.text().startswith("Set the bands as 7 whole numbers"), dialog.bands.text()
        dialog.band_numbers.setText("1 1 2 3 4 5 6")
        dialog.band_numbers.editingFinished.emit()
        assert not dialog.run_button.isEnabled() and "more than once" in dialog.bands.text()
        dialog.band_numbers.setText("1 2 3 4 5 6 7")
        dialog.band_numbers.editingFinished.emit()
        assert dialog.bands.text() == "SR_B1…SR_B7 = bands 1, 2, 3, 4, 5, 6, 7 (as given by BANDS)"
        assert dialog.run_button.isEnabled()
        dialog.output.setFilePath(str(tmp_path / "landcover.tif"))
        dialog.device.setCurrentIndex(dialog.device.findData("cpu"))
        assert dialog.parameters()["BANDS"] == [1, 2, 3, 4, 5, 6, 7]
        dialog.run()
        wait_for(dialog)
        assert dialog.status.text() == f"Done: {tmp_path / 'landcover.tif'}"
    finally:
        QgsProject.instance().removeAllMapLayers()


def test_without_an_output_path_the_map_goes_to_qgis_temporary_folder(provider, scene_layer, qgis_iface):
    from qgis.core import QgsProcessingUtils

    from moemae_qgis.dialog import ClassifyDialog

    dialog = ClassifyDialog(qgis_iface)
    dialog.layer.setLayer(scene_layer)
    dialog.device.setCurrentIndex(dialog.device.findData("cpu"))
    dialog.stride.setValue(40)
    dialog.run()
    wait_for(dialog)
    output = dialog.status.text().removeprefix("Done: ")
    assert output.startswith(QgsProcessingUtils.tempFolder()), dialog.status.text()
    assert output.endswith(".tif")
    assert QgsRasterLayer(output, "map").isValid()


def test_the_dialog_remembers_the_last_runs_choices(provider, qgis_iface, tmp_path):
    from qgis.core import QgsSettings

    from moemae_qgis.dialog import SETTINGS_GROUP, ClassifyDialog

    QgsSettings().setValue(f"{SETTINGS_GROUP}/resolution", "tile")  # what versions before auto stored
    first = ClassifyDialog(qgis_iface)
    assert first.stride.value() == 20 and first.resolution.currentData() == "auto"
    first.stride.setValue(33)
    first.device.setCurrentIndex(first.device.findData("cpu"))
    first.resolution.setCurrentIndex(first.resolution.findData("tile"))
    first.remember_settings()
    second = ClassifyDialog(qgis_iface)
    assert second.stride.value() == 33 and second.device.currentData() == "cpu"
    assert second.resolution.currentData() == "tile" and second.parameters()["RESOLUTION"] == "tile"
    assert second.model.currentData() == first.model.currentData() == "demo-S"
    assert QgsSettings().value(f"{SETTINGS_GROUP}/stride", type=int) == 33


def test_the_dialog_says_what_cells_the_map_will_have(provider, qgis_iface, tmp_path):
    """Under Map cells, before the run: 120 m where the probe and stride allow it, else the
    stride's cells and why (auto), or that the run will be refused (token)."""
    from moemae_qgis.dialog import ClassifyDialog

    dialog = ClassifyDialog(qgis_iface)
    dialog.resolution.setCurrentIndex(dialog.resolution.findData("auto"))
    dialog.stride.setValue(20)
    assert dialog.cells_note.text() == "Cells of 4 px (120 m), one per token."
    dialog.stride.setValue(10)
    assert dialog.cells_note.text() == "Cells of 10 px (300 m): STRIDE 10 px is not a multiple of 4 px."
    dialog.resolution.setCurrentIndex(dialog.resolution.findData("token"))
    assert dialog.cells_note.text() == "The run will be refused: STRIDE 10 px is not a multiple of 4 px."
    dialog.resolution.setCurrentIndex(dialog.resolution.findData("pixel"))
    assert dialog.cells_note.text() == "The run will be refused: STRIDE 10 px is not a multiple of 4 px."
    dialog.stride.setValue(20)
    assert dialog.cells_note.text() == "Cells of 1 px (30 m): the input's own grid."
    dialog.resolution.setCurrentIndex(dialog.resolution.findData("tile"))
    dialog.stride.setValue(40)
    assert dialog.cells_note.text() == "Cells of 40 px (1200 m)."
    from backend.catalogue import DEFAULT_PROBE
    from backend.probe import LinearProbe

    cls_probe = LinearProbe.load(DEFAULT_PROBE)
    cls_probe.pooling = "cls"
    cls_probe.save(tmp_path / "probe_cls.json")
    dialog.picker.choose(dialog.picker.probe, str(tmp_path / "probe_cls.json"))
    dialog.resolution.setCurrentIndex(dialog.resolution.findData("auto"))
    assert dialog.cells_note.text() == (
        "Cells of 40 px (1200 m): this legend classifies whole 1.2 km tiles; choose a legend on the mean of "
        "the tokens (bigearthnet19-demo, eurosat10-mean, bigearthnet19-mean) for 120 m cells.")
    cls_probe.pooling = "mean"  # the same file, refitted: read again, not taken from the last look
    cls_probe.training["refitted"] = True
    cls_probe.save(tmp_path / "probe_cls.json")
    dialog.stride.setValue(20)
    assert dialog.cells_note.text() == "Cells of 4 px (120 m), one per token."


def log_lines(dialog) -> list:
    """The Log pane's lines as (text, colour of the text, bold)."""
    from qgis.PyQt.QtGui import QFont

    lines, block = [], dialog.log.document().begin()
    while block.isValid():
        form = block.begin().fragment().charFormat() if block.text() else None
        colour = form.foreground().color().name() if form is not None and form.hasProperty(
            form.ForegroundBrush) else None
        lines.append((block.text(), colour, form is not None and form.fontWeight() == QFont.Weight.Bold))
        block = block.next()
    return lines


def test_the_log_pane_shows_the_runs_warnings_counts_and_timing(provider, scene_layer, qgis_iface, tmp_path):
    """What the run logs (the demonstration model's warning, the class counts, the time) is in
    the dialog: the pane starts folded and empty, and opens itself for the warning, painted orange."""
    from backend.catalogue import DEMONSTRATION_WARNING
    from moemae_qgis.dialog import LOG_COLOURS, WARNING, ClassifyDialog

    dialog = ClassifyDialog(qgis_iface)
    dialog.layer.setLayer(scene_layer)
    assert dialog.log_box.isCollapsed() and dialog.log.document().isEmpty()
    assert dialog.log_box.title() == "Log"
    dialog.output.setFilePath(str(tmp_path / "landcover.tif"))
    dialog.device.setCurrentIndex(dialog.device.findData("cpu"))
    dialog.run()
    wait_for(dialog)
    lines = log_lines(dialog)
    texts = [text for text, _, _ in lines]
    assert not dialog.log_box.isCollapsed()
    assert (DEMONSTRATION_WARNING, LOG_COLOURS[WARNING], True) in lines
    assert any(text.startswith("time: ") for text in texts), texts
    assert any(text.startswith(f"wrote {tmp_path / 'landcover.tif'}") for text in texts), texts
    counts = [text for text in texts if text.startswith("  ") and text.endswith(" cells")]
    assert counts, texts  # one line per class the map holds
    assert all(colour is None and not bold for text, colour, bold in lines if text in counts)
    warnings = sum(1 for _, colour, _ in lines if colour == LOG_COLOURS[WARNING])
    assert dialog.log_box.title() == ("Log: 1 warning" if warnings == 1 else f"Log: {warnings} warnings")
    # The same lines as the Processing log, in the same order.
    assert texts == dialog.feedback.textLog().strip().splitlines()
    # The class counts at the end do not push the first warning out of sight.
    first = next(n for n, (_, colour, _) in enumerate(lines) if colour == LOG_COLOURS[WARNING])
    assert dialog.log.textCursor().blockNumber() == first
    shown = dialog.log.cursorRect()
    assert shown.top() >= 0 and shown.bottom() <= dialog.log.viewport().height(), shown
    dialog.log_box.setCollapsed(True)
    dialog.run()  # a second run starts with an empty log
    assert dialog.log.document().isEmpty() and dialog.log_box.title() == "Log"
    wait_for(dialog)


def test_a_failed_run_shows_its_error_in_red_and_the_whole_of_it_behind_details(provider, scene_layer,
                                                                                qgis_iface, tmp_path):
    from qgis.PyQt.QtWidgets import QApplication, QPushButton, QTextEdit

    from moemae_qgis.dialog import ERROR, LOG_COLOURS, ClassifyDialog
    from moemae_qgis.message_bar import DETAILS_BUTTON, DETAILS_VIEWER

    bar = qgis_iface.messageBar()
    bar.clearWidgets()
    dialog = ClassifyDialog(qgis_iface)
    dialog.layer.setLayer(scene_layer)
    dialog.device.setCurrentIndex(dialog.device.findData("cpu"))
    dialog.resolution.setCurrentIndex(dialog.resolution.findData("token"))
    dialog.stride.setValue(10)  # refused by the algorithm: 120 m cells need a stride of a multiple of 4
    dialog.run()
    wait_for(dialog)
    error = "RESOLUTION token needs a STRIDE that is a multiple of 4 px"
    assert dialog.status.text().startswith("Failed: ") and error in dialog.status.text()
    assert not dialog.log_box.isCollapsed()
    red = [text for text, colour, bold in log_lines(dialog) if colour == LOG_COLOURS[ERROR] and bold]
    assert any(error in text for text in red), log_lines(dialog)
    assert dialog.log_box.title().startswith("Log: 1 error")
    [item] = bar.items()
    assert item.text() == dialog.status.text()
    item.findChild(QPushButton, DETAILS_BUTTON).click()
    viewers = [w for w in QApplication.topLevelWidgets()
               if w.objectName() == DETAILS_VIEWER and w.isVisible()]
    assert len(viewers) == 1
    shown = viewers[0].findChild(QTextEdit).toPlainText()
    assert shown.startswith(dialog.status.text()) and "The run's log:" in shown
    viewers[0].close()
    bar.clearWidgets()



def test_the_clouds_note_for_a_product_without_qa_pixel_and_the_greyed_mask_box(provider, qgis_iface,
                                                                                 tmp_path):
    """Liverpool is a product without QA_PIXEL: the note says to download it with its QA_PIXEL
    band (as the run's log does), not to add it again; the mask box is unticked and grey, and the
    user's choice comes back with a product that has QA_PIXEL."""
    from helpers import CLOUDY, LIVERPOOL
    from moemae_qgis.dialog import ClassifyDialog
    from moemae_qgis.product_layer import add_product_layer

    project = QgsProject.instance()
    try:
        bare = add_product_layer(str(LIVERPOOL), project)
        cloudy = add_product_layer(str(CLOUDY), project)
        dialog = ClassifyDialog(qgis_iface)
        dialog.layer.setLayer(bare)
        note = dialog.clouds.text()
        assert note.startswith(f"The product {LIVERPOOL.name} has no QA_PIXEL file")
        assert "Download the product with its QA_PIXEL band" in note and "Add Landsat product" not in note
        assert not dialog.mask_clouds.isChecked() and not dialog.mask_clouds.isEnabled()
        assert "MASK" not in dialog.parameters()
        dialog.layer.setLayer(cloudy)
        assert dialog.mask_clouds.isChecked() and dialog.mask_clouds.isEnabled()
        assert dialog.clouds.text().startswith("QA_PIXEL")
        dialog.mask_clouds.setChecked(False)  # the user's choice
        assert dialog.parameters()["MASK"] == ["fill"]
        dialog.layer.setLayer(bare)
        dialog.layer.setLayer(cloudy)
        assert not dialog.mask_clouds.isChecked() and dialog.mask_clouds.isEnabled()
        dialog.mask_clouds.setChecked(True)
        dialog.layer.setLayer(bare)
        dialog.layer.setLayer(cloudy)
        assert dialog.mask_clouds.isChecked()
    finally:
        project.removeAllMapLayers()


@pytest.mark.parametrize("key, stored", [("stride", "abc"), ("stride", 9999), ("stride", True),
                                         ("mask_clouds", "maybe"), ("device", 5), ("map_cells", ["x", 1]),
                                         ("model", 3.5), ("mirror", {"a": 1})])
def test_a_bad_remembered_setting_falls_back_to_its_default_with_a_log_line(provider, qgis_iface, key,
                                                                             stored):
    """Issue 19, finding 8: a stride of 'abc' in the profile raised TypeError in restore_settings,
    and the dialog never opened again."""
    from qgis.core import QgsApplication, QgsSettings

    from moemae_qgis.dialog import SETTINGS_GROUP, ClassifyDialog

    logged = []
    log = QgsApplication.messageLog()
    log.messageReceived.connect(lambda message, tag, level: logged.append((message, tag)))
    QgsSettings().setValue(f"{SETTINGS_GROUP}/{key}", stored)
    dialog = ClassifyDialog(qgis_iface)
    assert dialog.stride.value() == 20 and dialog.device.currentData() == "auto"
    assert dialog.resolution.currentData() == "auto" and dialog.model.currentData() == "demo-S"
    assert dialog.mask_wanted is True and dialog.picker.mirror.text() == ""
    assert any(message.startswith(f"The remembered {key} ") and "is not usable; using" in message
               and tag == "MoE-MAE" for message, tag in logged), logged
    dialog.remember_settings()  # what is written back is the default, so the next opening is clean
    logged.clear()
    ClassifyDialog(qgis_iface)
    assert not [m for m, _ in logged if m.startswith("The remembered")]

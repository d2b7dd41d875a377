"""The plugin in a real QgsApplication (pytest-qgis): it loads, registers `moemae`, unloads cleanly."""
import sys

import pytest
from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtWidgets import QPushButton

import moemae_qgis
from helpers import REPO
from moemae_qgis import backend_loader
from moemae_qgis.provider import PROVIDER_ID


@pytest.fixture
def plugin(qgis_iface):
    qgis_iface.messageBar().clearWidgets()
    instance = moemae_qgis.classFactory(qgis_iface)
    instance.initGui()
    yield instance
    instance.unload()


def message_bar_texts(iface) -> list[str]:
    """Texts of the widgets the plugin pushed to the (real) QgsMessageBar."""
    return [item.text() for item in iface.messageBar().items()]


def test_repository_layout_imports_backend_as_top_level_package():
    assert backend_loader.backend_package_name() == "backend"
    assert backend_loader.load_backend("paths").RESOURCES_DIR.joinpath("icon.svg").is_file()


def test_plugin_registers_provider_and_actions(plugin, qgis_iface):
    registry = QgsApplication.processingRegistry()
    provider = registry.providerById(PROVIDER_ID)
    assert provider is not None
    assert provider.name() == "MoE-MAE land cover"
    assert not provider.icon().isNull()
    assert registry.algorithmById(f"{PROVIDER_ID}:checkenvironment") is not None
    names = [action.text() for action in plugin.actions]
    assert names == ["MoE-MAE land cover…", "Add Landsat product…", "Click to map…", "Check environment…",
                     "Install missing Python packages…"]
    assert not plugin.actions[0].icon().isNull()
    # All dependencies are installed in the test venv: no warning is shown.
    assert plugin.missing == []
    assert message_bar_texts(qgis_iface) == []


def test_unload_removes_provider(qgis_iface):
    instance = moemae_qgis.classFactory(qgis_iface)
    instance.initGui()
    instance.unload()
    assert QgsApplication.processingRegistry().providerById(PROVIDER_ID) is None
    assert instance.actions == []


def test_unload_releases_the_models_kept_for_warm_runs(qgis_iface):
    from backend import model_cache
    from backend.catalogue import DEFAULT_CHECKPOINT

    instance = moemae_qgis.classFactory(qgis_iface)
    instance.initGui()
    model_cache.shared_model(DEFAULT_CHECKPOINT, "cpu")  # what a classification leaves loaded
    assert model_cache.kept_models() == 1
    instance.unload()
    assert model_cache.kept_models() == 0


def test_unload_stops_a_running_install_and_a_running_dialog(qgis_iface):
    from moemae_qgis.plugin import DependencyInstallTask

    instance = moemae_qgis.classFactory(qgis_iface)
    instance.initGui()
    task = instance.install_task = DependencyInstallTask(lambda ok, error: None)
    instance.unload()
    assert task.isCanceled() and instance.install_task is None


def readme_anchors() -> set:
    """GitHub's anchors of the README's headings: lower case, spaces to hyphens, punctuation dropped."""
    import re

    headings = [line.lstrip("#").strip() for line in (REPO / "README.md").read_text().splitlines()
                if line.startswith("#")]
    return {re.sub(r"[^a-z0-9 -]", "", h.lower()).replace(" ", "-") for h in headings}


def test_every_algorithm_has_a_short_description_and_a_help_page(plugin):
    algorithms = QgsApplication.processingRegistry().providerById(PROVIDER_ID).algorithms()
    assert {a.name() for a in algorithms} == {"assess", "checkenvironment", "classify", "embed",
                                              "loadproduct", "sample", "trainprobe", "similarity", "cluster",
                                              "change"}
    anchors = readme_anchors()
    for algorithm in algorithms:
        assert algorithm.shortDescription() and algorithm.shortHelpString(), algorithm.name()
        page, _, anchor = algorithm.helpUrl().partition("#")
        assert page == "https://github.com/moemae-qgis/moemae-qgis" and anchor in anchors, algorithm.helpUrl()


def test_user_facing_strings_go_through_translation(qgis_iface, monkeypatch):
    """With a 'translation' that marks every string, what QGIS shows comes out marked."""
    from qgis.PyQt.QtCore import QCoreApplication

    monkeypatch.setattr(QCoreApplication, "translate", staticmethod(lambda context, text, *a: f"‹{text}›"))
    instance = moemae_qgis.classFactory(qgis_iface)
    instance.initGui()
    try:
        assert next(a.text() for a in instance.actions) == "‹MoE-MAE land cover…›"
        classify = QgsApplication.processingRegistry().createAlgorithmById(f"{PROVIDER_ID}:classify")
        parameters = classify.parameterDefinitions()
        texts = [classify.displayName(), classify.group(), classify.shortDescription()] + [
            p.description() for p in parameters] + [p.help() for p in parameters if p.help()]
        for text in texts:
            assert text.startswith("‹") and text.endswith("›"), text
        # The help panel: the README's sections (English, as the README is), then the parameters' help.
        assert all(p.help() in classify.shortHelpString() for p in parameters)
    finally:
        instance.unload()


def test_check_environment_algorithm_reports_ready(plugin, qgis_processing):
    import processing

    result = processing.run(f"{PROVIDER_ID}:checkenvironment", {})
    assert result["READY"] is True
    assert "torch          2.13.0" in result["REPORT"]
    assert "'auto' picks cpu" in result["REPORT"] or "'auto' picks cuda" in result["REPORT"]


def test_missing_torch_is_reported_without_crashing(qgis_iface, qgis_processing, monkeypatch):
    """With torch unimportable the plugin still loads, says what is missing and offers to install."""
    # sys.modules[name] = None is how Python marks a module as unimportable: `import torch`
    # then raises ImportError, exactly as in a QGIS whose Python has no torch.
    monkeypatch.setitem(sys.modules, "torch", None)
    logged = []

    def on_message(message, tag, level):
        logged.append((tag, level, message))

    QgsApplication.messageLog().messageReceived.connect(on_message)
    qgis_iface.messageBar().clearWidgets()
    try:
        instance = moemae_qgis.classFactory(qgis_iface)
        instance.initGui()
        try:
            assert [m.package for m in instance.missing] == ["torch"]
            texts = message_bar_texts(qgis_iface)
            assert len(texts) == 1
            assert texts[0].startswith("QGIS's Python lacks torch, which the plugin needs.")
            assert "python3." in texts[0]  # names the folder it would install into
            button = qgis_iface.messageBar().items()[0].findChild(QPushButton, "moemaeInstallButton")
            assert button is not None and button.text() == "Install…"
            assert any(tag == "MoE-MAE" and level == Qgis.Warning and "torch" in message
                       for tag, level, message in logged)
            # The provider still loads, and its environment check tells the same story.
            import processing

            result = processing.run(f"{PROVIDER_ID}:checkenvironment", {})
            assert result["READY"] is False
            assert "torch          MISSING" in result["REPORT"]
        finally:
            instance.unload()
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(on_message)
        qgis_iface.messageBar().clearWidgets()


#: Unscoped enum spellings that PyQt6 / QGIS 4 no longer accept, with what to write instead
#: (accepted by QGIS 3.22 too). The plugin must not bring them back.
UNSCOPED_ENUMS = {
    "Qgis.Info": "Qgis.MessageLevel.Info", "Qgis.Warning": "Qgis.MessageLevel.Warning",
    "Qgis.Critical": "Qgis.MessageLevel.Critical", "Qgis.Success": "Qgis.MessageLevel.Success",
    "QgsProcessingParameterNumber.Integer": "QgsProcessingParameterNumber.Type.Integer",
    "QgsProcessingParameterNumber.Double": "QgsProcessingParameterNumber.Type.Double",
    "Qt.UTC": "Qt.TimeSpec.UTC", "Qt.LocalTime": "Qt.TimeSpec.LocalTime",
    "QSizePolicy.Preferred": "QSizePolicy.Policy.Preferred",
    "QSizePolicy.MinimumExpanding": "QSizePolicy.Policy.MinimumExpanding",
    "QDialogButtonBox.Close": "QDialogButtonBox.StandardButton.Close",
    "QDialogButtonBox.AcceptRole": "QDialogButtonBox.ButtonRole.AcceptRole",
    "QDialogButtonBox.RejectRole": "QDialogButtonBox.ButtonRole.RejectRole",
    "QgsWkbTypes.PointGeometry": "QgsWkbTypes.GeometryType.PointGeometry",
    "QgsWkbTypes.PolygonGeometry": "QgsWkbTypes.GeometryType.PolygonGeometry",
    "QgsTask.CanCancel": "QgsTask.Flag.CanCancel",
    "QgsProcessing.TypeVectorPoint": "QgsProcessing.SourceType.TypeVectorPoint",
    "QgsProcessing.TypeVectorPolygon": "QgsProcessing.SourceType.TypeVectorPolygon",
    "QgsProcessing.TypeRaster": "QgsProcessing.SourceType.TypeRaster",
    "QgsMapLayerProxyModel.RasterLayer": "QgsMapLayerProxyModel.Filter.RasterLayer",
    "QgsFileWidget.SaveFile": "QgsFileWidget.StorageMode.SaveFile",
    "QgsFileWidget.GetFile": "QgsFileWidget.StorageMode.GetFile",
    "QMessageBox.Yes": "QMessageBox.StandardButton.Yes", "QMessageBox.No": "QMessageBox.StandardButton.No",
    "QPainter.Antialiasing": "QPainter.RenderHint.Antialiasing", "QFont.Bold": "QFont.Weight.Bold",
    "QImage.Format_ARGB32": "QImage.Format.Format_ARGB32",
}


def test_plugin_spells_enums_as_qgis_4_accepts():
    import re

    import qgis.core
    import qgis.gui
    from qgis.PyQt import QtCore, QtGui, QtWidgets

    found = []
    for path in [*sorted((REPO / "moemae_qgis").rglob("*.py")), REPO / "tools" / "render_map.py"]:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            found += [f"{path.relative_to(REPO)}:{number}: {old} (write {new})"
                      for old, new in UNSCOPED_ENUMS.items() if re.search(re.escape(old) + r"\b(?!\.)", line)]
    assert not found, "\n".join(found)
    for new in UNSCOPED_ENUMS.values():  # every spelling asked for exists in this QGIS (3.22) too
        head, *names = new.split(".")
        value = getattr(next(m for m in (qgis.core, qgis.gui, QtCore, QtGui, QtWidgets) if hasattr(m, head)),
                        head)
        for name in names:
            value = getattr(value, name)


def top_level(object_name: str) -> list:
    from qgis.PyQt.QtWidgets import QApplication

    return [w for w in QApplication.topLevelWidgets() if w.objectName() == object_name and w.isVisible()]


def test_a_product_missing_sr_b1_is_refused_with_the_whole_error_behind_details(plugin, qgis_iface, tmp_path,
                                                                                 monkeypatch):
    """The real error of a real product folder without SR_B1: the message bar cuts it at two lines,
    so its end (what to do) is behind a Details button that shows all of it."""
    import shutil

    from qgis.PyQt.QtWidgets import QTextEdit

    from helpers import LIVERPOOL
    from moemae_qgis import product_layer
    from moemae_qgis.message_bar import DETAILS_BUTTON, DETAILS_VIEWER

    folder = tmp_path / "downloads" / "a folder with a long name, as downloads often are" / LIVERPOOL.name
    folder.mkdir(parents=True)
    for path in LIVERPOOL.iterdir():
        if not path.name.endswith("_SR_B1.TIF"):
            shutil.copy(path, folder / path.name)
    mtl = folder / f"{LIVERPOOL.name}_MTL.txt"
    monkeypatch.setattr(product_layer, "choose_product", lambda parent: str(mtl))
    plugin.add_product()
    [item] = qgis_iface.messageBar().items()
    assert item.text().startswith(f"Cannot add the product: the product {LIVERPOOL.name} in ")
    item.findChild(QPushButton, DETAILS_BUTTON).click()
    [viewer] = top_level(DETAILS_VIEWER)
    shown = viewer.findChild(QTextEdit).toPlainText()
    assert shown == item.text()
    assert shown.endswith(f"lacks SR_B1 ({LIVERPOOL.name}_SR_B1.TIF, listed in its MTL): download the "
                          "product again, with all its SR bands")
    viewer.close()
    qgis_iface.messageBar().clearWidgets()


def test_check_environment_shows_the_report_at_once_with_copy(plugin, qgis_iface):
    """No Processing dialog waiting for Run: the report is there as soon as the entry is chosen."""
    from qgis.PyQt.QtCore import QCoreApplication, QEvent
    from qgis.PyQt.QtGui import QGuiApplication
    from qgis.PyQt.QtWidgets import QAbstractButton, QLabel, QPlainTextEdit

    check = next(a for a in plugin.actions if a.objectName() == "moemaeCheckEnvironmentAction")
    check.trigger()
    [window] = top_level("moemaeEnvironmentReport")
    report = window.findChild(QPlainTextEdit, "report").toPlainText()
    assert "torch          2.13.0" in report and "'auto' picks" in report
    assert window.findChild(QLabel, "verdict").text() == "Everything MoE-MAE needs is installed."
    buttons = [b.text() for b in window.findChildren(QAbstractButton)]
    assert "Run" not in buttons and "Copy report" in buttons
    # What a bug report needs besides: versions, the plugin's settings, model hashes, the last error.
    for part in ("\nQGIS 3.", "\nPlugin settings:\n", "\nModel files (SHA-256):\n  ", "\nLast error:\n"):
        assert part in report
    window.findChild(QPushButton, "copy").click()
    assert QGuiApplication.clipboard().text() == report
    check.trigger()  # a second check replaces the first window
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert len(top_level("moemaeEnvironmentReport")) == 1
    plugin.unload()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert top_level("moemaeEnvironmentReport") == [] and plugin.report_window is None

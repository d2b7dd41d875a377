"""What plugins.qgis.org and QGIS 4 will check, checked here first: the Qt 6 migration rules over the
plugin's code (tools/qt6_check.py), and the repository's security scan of the packaged zip
(tools/scan_package.py)."""
import importlib.util
import textwrap

import pytest

from helpers import REPO


def load_tool(name: str):
    spec = importlib.util.spec_from_file_location(name, REPO / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


qt6_check = load_tool("qt6_check")

QT5_ONLY = textwrap.dedent("""\
    from qgis.core import Qgis, QgsProcessing, QgsTask
    from qgis.PyQt import QtCore
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QAction, QMessageBox
    from PyQt5.QtGui import QColor
    a = Qt.AlignLeft
    b = QMessageBox.Yes
    c = Qgis.Info
    d = QgsTask.CanCancel
    e = QtCore.Qt.AlignRight
    dialog.exec_()
    f = QgsProcessing.TypeRaster
    g = Qt.MidButton
    h = widget.fontMetrics().width("x")
    combo.activated[str].connect(print)
    """)
QT6_READY = textwrap.dedent("""\
    from qgis.core import Qgis, QgsTask
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QMessageBox
    try:
        from qgis.PyQt.QtGui import QAction
    except ImportError:
        from qgis.PyQt.QtWidgets import QAction
    a = Qt.AlignmentFlag.AlignLeft
    b = QMessageBox.StandardButton.Yes
    c = Qgis.MessageLevel.Info
    d = QgsTask.Flag.CanCancel
    dialog.exec()
    h = widget.fontMetrics().horizontalAdvance("x")
    """)


def test_qt6_check_finds_each_qt5_only_spelling():
    findings = dict(qt6_check.check_source(QT5_ONLY))
    assert "QAction is in QtGui" in findings[4]
    assert "import through qgis.PyQt" in findings[5]
    assert findings[6].startswith("Qt.AlignLeft: write Qt.AlignmentFlag.AlignLeft")
    assert "QMessageBox.StandardButton.Yes" in findings[7]
    assert "Qgis.MessageLevel.Info" in findings[8]
    assert "QgsTask.Flag.CanCancel" in findings[9]
    assert "QtCore.Qt.AlignmentFlag.AlignRight" in findings[10]
    assert "exec()" in findings[11]
    assert "QgsProcessing.SourceType.TypeRaster" in findings[12]
    assert "Qt.MouseButton.MiddleButton" in findings[13]
    assert "horizontalAdvance" in findings[14]
    assert "textActivated" in findings[15]
    assert sorted(findings) == list(range(4, 16))


def test_qt6_check_accepts_what_both_qt_versions_run():
    assert qt6_check.check_source(QT6_READY) == []


def test_the_plugin_code_is_ready_for_qt6():
    assert qt6_check.check_paths([REPO / "moemae_qgis"]) == []


def test_the_compatibility_names_are_what_qgis_3_22_runs(qgis_app):
    from qgis.core import QgsProcessingParameterDefinition, QgsProcessingParameterNumber

    from moemae_qgis.qt_compat import HIDDEN_PARAMETER, QAction

    action = QAction("x", None)
    assert action.text() == "x"
    hidden = QgsProcessingParameterNumber("N", "n")
    hidden.setFlags(hidden.flags() | QgsProcessingParameterDefinition.Flag.FlagHidden)
    assert hidden.flags() & HIDDEN_PARAMETER
    assert not QgsProcessingParameterNumber("M", "m").flags() & HIDDEN_PARAMETER


@pytest.mark.parametrize("spelling", ["import PyQt5.QtCore", "from PyQt6.QtCore import Qt"])
def test_direct_pyqt_imports_are_refused(spelling):
    assert "qgis.PyQt" in qt6_check.check_source(spelling + "\n")[0][1]


scan_package = load_tool("scan_package")


def make_zip(path, files: dict):
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        for name, text in files.items():
            archive.writestr(f"moemae_qgis/{name}", text)
    return path


def test_the_scan_fails_on_what_the_repository_would_block(tmp_path):
    # A medium Bandit finding (XML parsed with expanding entities), a low one (subprocess
    # import), an AWS key, and a hash the allowlist knows: only the first and third fail.
    zip_path = make_zip(tmp_path / "plugin.zip", {
        "unsafe.py": "import subprocess\nimport xml.etree.ElementTree as E\n\ndef f(t):\n"
                     "    return E.fromstring(t)\n",
        "keys.py": 'AWS = "AKIAIOSFODNN7EXAMPLE"\n',
        "resources/models/catalogue.json": '{"git_blob_sha1": "600cdf535fa7fefbf89fbfaeda25bf47285b0a8b"}\n'})
    failures = scan_package.scan_zip(zip_path)
    assert any(f.startswith("bandit: moemae_qgis/unsafe.py:5 B314 MEDIUM") for f in failures)
    assert any(f.startswith("detect-secrets: moemae_qgis/keys.py:1 AWS Access Key") for f in failures)
    assert not any("B404" in f or "catalogue.json" in f for f in failures)
    assert len(failures) == 2


def test_the_scan_passes_a_clean_plugin(tmp_path, capsys):
    zip_path = make_zip(tmp_path / "plugin.zip", {"ok.py": "import subprocess  # nosec B404 # why\n"})
    assert scan_package.scan_zip(zip_path) == []
    assert "0 medium or high, 0 low, 1 skipped by # nosec" in capsys.readouterr().out


def test_every_nosec_and_allowlisted_secret_says_why():
    import io
    import json
    import re
    import tokenize

    comments = [(path, token) for folder in ("backend", "moemae_qgis", "tools")
                for path in sorted((REPO / folder).rglob("*.py"))
                for token in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
                if token.type == tokenize.COMMENT and "nosec" in token.string]
    assert len(comments) >= 10
    bare = [f"{path.relative_to(REPO)}:{token.start[0]}" for path, token in comments
            if not re.fullmatch(r"# nosec B\d+(, ?B\d+)* # \S.*", token.string)]
    assert bare == []
    for entry in json.loads(scan_package.ALLOWLIST.read_text(encoding="utf-8")):
        assert len(entry["reason"]) > 20 and (REPO / entry["file"].removeprefix("moemae_qgis/")).is_file()


def test_a_vrt_with_a_doctype_is_refused_unparsed():
    from backend import product
    from backend.errors import UserError

    laughs = "".join(f'<!ENTITY l{k} "{f"&l{k - 1};" * 10}">' for k in range(1, 10))
    bomb = f'<!DOCTYPE v [<!ENTITY l0 "ha">{laughs}]><VRTDataset rasterYSize="2">&l9;</VRTDataset>'
    with pytest.raises(UserError, match="DOCTYPE"):
        product.simple_sources(bomb)
    with pytest.raises(UserError, match="DOCTYPE"):
        product.split_sources(bomb)


@pytest.mark.parametrize("url", ["ftp://example.org/model.pt", "data:,abc", "gopher://x/y"])
def test_downloads_open_only_http_https_and_file_urls(url, tmp_path):
    from backend import download
    from backend.errors import UserError

    with pytest.raises(UserError, match="http://, https:// or file://"):
        download._open(url, 0)


def test_a_file_url_still_opens(tmp_path):
    from backend import download

    path = tmp_path / "model.pt"
    path.write_bytes(b"12345")
    with download._open(path.as_uri(), 0) as answer:
        assert answer.read() == b"12345"

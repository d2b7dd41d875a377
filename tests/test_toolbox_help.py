"""The toolbox's dialogs as a user meets them: labels that fit a laptop's screen, help that works
offline (the README's sections, shipped in the zip), and help links to each algorithm's section."""
import html
import re
import zipfile

import pytest
from qgis.core import QgsApplication

from helpers import LIVERPOOL, REPO
from moemae_qgis.algorithms import readme_help

ALGORITHMS = ["checkenvironment", "classify", "embed", "loadproduct", "trainprobe", "sample", "assess",
              "similarity", "cluster", "change"]
MAX_LABEL = 40  # characters: a label of a few words


def algorithm(name):
    return QgsApplication.processingRegistry().createAlgorithmById(f"moemae:{name}")


def readme_headings() -> list:
    """The README's headings, outside code blocks."""
    headings, in_code = [], False
    for line in (REPO / "README.md").read_text().splitlines():
        if line.startswith("```"):
            in_code = not in_code
        elif not in_code and re.match(r"#{1,6} ", line):
            headings.append(line.lstrip("#").strip())
    return headings


def anchor_of(heading: str) -> str:
    """GitHub's anchor, as GitHub makes it: markup and punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^a-z0-9 -]", "", heading.replace("`", "").lower()).replace(" ", "-")


def words(text: str) -> list:
    return re.findall(r"\w+", text.lower())


def contains_run(haystack: list, needle: list) -> bool:
    return any(haystack[i:i + len(needle)] == needle for i in range(len(haystack) - len(needle) + 1))


@pytest.fixture
def dialog_of(provider, qgis_iface, monkeypatch):
    """The Processing toolbox's own dialog of an algorithm, as a user opens it, 1300 px wide."""
    from processing.gui.AlgorithmDialog import AlgorithmDialog
    from qgis.gui import QgsBrowserGuiModel
    from qgis.PyQt.QtWidgets import QApplication

    browser = QgsBrowserGuiModel()
    monkeypatch.setattr(qgis_iface, "browserModel", lambda: browser, raising=False)  # pytest-qgis's is a mock
    opened = []

    def make(name):
        dialog = AlgorithmDialog(algorithm(name), False, None)
        dialog.resize(1300, 800)
        dialog.show()
        QApplication.processEvents()
        opened.append(dialog)
        return dialog
    yield make
    for dialog in opened:
        dialog.close()


@pytest.mark.parametrize("name", ALGORITHMS)
def test_every_label_is_a_few_words(provider, name):
    alg = algorithm(name)  # held: its parameters die with it
    for parameter in alg.parameterDefinitions():
        assert len(parameter.description()) <= MAX_LABEL, (name, parameter.description())


@pytest.mark.parametrize("name", ["classify", "embed", "loadproduct", "trainprobe", "sample", "assess",
                                  "similarity", "cluster", "change"])
def test_dialog_fits_1300_px_without_scrolling_sideways(dialog_of, name, tmp_path):
    from qgis.PyQt.QtWidgets import QScrollArea

    dialog = dialog_of(name)
    panel = dialog.mainWidget()
    scroll = panel.findChild(QScrollArea, "scrollArea")
    assert scroll.horizontalScrollBar().maximum() == 0, scroll.widget().sizeHint().width()
    assert dialog.grab().save(str(tmp_path / f"{name}.png"))


def test_bands_and_mask_buttons_are_on_screen_at_1300_px(dialog_of):
    from qgis.PyQt.QtCore import QPoint
    from qgis.PyQt.QtWidgets import QScrollArea, QToolButton

    dialog = dialog_of("classify")
    panel = dialog.mainWidget()
    viewport = panel.findChild(QScrollArea, "scrollArea").viewport()
    for name in ("BANDS", "MASK"):
        buttons = panel.wrappers[name].wrappedWidget().findChildren(QToolButton)
        assert buttons, name
        for button in buttons:
            left = button.mapTo(viewport, QPoint(0, 0)).x()
            assert 0 <= left and left + button.width() <= viewport.width(), (name, left, viewport.width())


def test_stride_says_what_it_does_now(provider):
    alg = algorithm("classify")
    stride = alg.parameterDefinition("STRIDE")
    assert "cell size" not in stride.description()
    assert "40 × 40 px tile every STRIDE px" in stride.help() and "120 m" in stride.help()


@pytest.mark.parametrize("name", ALGORITHMS)
def test_help_link_goes_to_the_algorithms_own_readme_section(provider, name):
    alg = algorithm(name)
    page, _, anchor = alg.helpUrl().partition("#")
    assert page == "https://github.com/moemae-qgis/moemae-qgis"
    headings = {anchor_of(h): h for h in readme_headings()}
    assert anchor in headings, anchor
    assert headings[anchor] == alg.displayName()  # its own section, not the install one


@pytest.mark.parametrize("name", ALGORITHMS)
def test_help_panel_carries_the_readme_section(provider, name):
    alg = algorithm(name)
    readme = (REPO / "README.md").read_text()
    section = readme.split(f"### {alg.displayName()}\n", 1)[1].split("\n#", 1)[0]
    shown = html.unescape(re.sub(r"<[^>]+>", " ", alg.shortHelpString()))
    assert "\n" not in alg.shortHelpString()  # QGIS makes a paragraph of each line
    assert contains_run(words(shown), words(section))
    for parameter in alg.parameterDefinitions():  # the parameters' help, not only as tooltips
        assert words(parameter.help()) == [] or contains_run(words(shown), words(parameter.help()))


def test_classify_help_panel_renders_headings_lists_and_code(provider):
    text = algorithm("classify").shortHelpString()
    assert "Classify land cover</h" not in text  # QGIS titles the panel with it
    assert text.startswith("<p><code>moemae:classify</code> classifies") and "<h3>Maps at 120 m" in text
    assert "<h3>Landsat products as downloaded</h3>" in text
    assert "<ul><li>It encodes a 40 × 40 px tile" in text and "<code>published-S</code>" in text
    assert "<b>In QGIS</b>" in text and "![" not in text and "**" not in text


def test_readme_markdown_becomes_simple_html():
    markdown = ("## A `title`\nOne line\nand the next, **bold** and [a link](#x).\n\n"
                "1. first\n   continued\n   - inner\n2. second\n\n```sh\nrun <this>\n```\n"
                "| a | b |\n|---|---|\n| 1 | 2 |")
    assert readme_help.markdown_to_html(markdown) == (
        "<h3>A <code>title</code></h3><p>One line and the next, <b>bold</b> and a link.</p>"
        "<ol><li>first continued<ul><li>inner</li></ul></li><li>second</li></ol>"
        "<pre>run&nbsp;&lt;this&gt;</pre><table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr>"
        "</table>")


def test_help_without_a_readme_falls_back_to_the_short_text(provider, monkeypatch, tmp_path):
    monkeypatch.setattr(readme_help, "readme_path", lambda: tmp_path / "absent.md")
    text = algorithm("classify").shortHelpString()
    assert text.startswith("<p>A land-cover map of a Landsat 8/9 Level-2 scene") and "STRIDE" in text


def test_packaged_zip_holds_the_readme_the_help_reads(tmp_path):
    import importlib.util

    from backend import paths

    spec = importlib.util.spec_from_file_location("package_tool", REPO / "tools" / "package.py")
    package_tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(package_tool)
    archive = zipfile.ZipFile(package_tool.build_zip(tmp_path / "plugin.zip"))
    # In the zip, resources/ lies in moemae_qgis/: the README is read beside it.
    inside = readme_help.readme_path().relative_to(paths.RESOURCES_DIR.parent).as_posix()
    packaged = archive.read(f"moemae_qgis/{inside}").decode()
    assert packaged == (REPO / "README.md").read_text()
    assert "### Classify land cover" in packaged
    assert not [n for n in archive.namelist() if "tests/data" in n]


def test_bands_help_explains_the_batch_mode_message(provider):
    alg = algorithm("classify")
    bands = alg.parameterDefinition("BANDS")
    assert bands.description() == "Bands SR_B1…SR_B7"
    assert "Dependent bands could not be populated" in bands.help() and "leave BANDS empty" in bands.help()


def test_a_product_path_with_bands_left_empty_classifies_as_a_batch_row_does(provider, tmp_path):
    """A batch row: INPUT a product folder, BANDS empty (QGIS could not list its bands)."""
    import processing
    from osgeo import gdal

    out = tmp_path / "map.tif"
    processing.run("moemae:classify", {"INPUT": str(LIVERPOOL), "BANDS": None, "STRIDE": 40, "DEVICE": "cpu",
                                       "RESOLUTION": "tile", "OUTPUT": str(out)})
    assert gdal.Open(str(out)).ReadAsArray().shape == (-(-267 // 40), -(-433 // 40))  # 433 × 267 px, ceil

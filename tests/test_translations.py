"""The plugin in Brazilian Portuguese, Spanish, French and German: complete .ts sources that keep
every placeholder and technical term, compiled by lrelease, and loaded for QGIS's locale."""
import importlib.util
import re

import pytest

from helpers import REPO
from moemae_qgis import i18n

spec = importlib.util.spec_from_file_location("translations", REPO / "tools" / "translations.py")
translations = importlib.util.module_from_spec(spec)
spec.loader.exec_module(translations)

PLACEHOLDER = re.compile(r"\{[^{}]*\}")
#: Names a user types or reads in files and logs: never translated.
TECHNICAL = ["QA_PIXEL", "SR_B1", "MTL", "STRIDE", "BATCH_SIZE", "BANDS", "INPUT", "TRAINING", "CLASS_FIELD",
             "COLOUR_FIELD", "SPACING", "ACQUISITION_DATE", "DEVICE=cpu", "GeoTIFF", "PyTorch", "pip", "GDAL"]


@pytest.fixture(scope="module")
def compiled(tmp_path_factory):
    return tmp_path_factory.mktemp("qm")


@pytest.mark.parametrize("language", translations.LANGUAGES)
def test_each_language_translates_every_string_keeping_placeholders_and_terms(language):
    texts = translations.extract()
    assert len(texts) > 200
    translated = translations.read_ts(translations.TS_DIR / f"moemae_{language}.ts")
    assert set(translated) == set(texts), "run make translations: the .ts is not up to date with the code"
    for source, target in translated.items():
        assert target, f"{language}: untranslated: {source!r}"
        assert PLACEHOLDER.findall(target) == PLACEHOLDER.findall(source), (language, source, target)
        for term in TECHNICAL:
            if re.search(rf"\b{re.escape(term)}\b", source):
                assert term in target, (language, term, target)
        # An indent of the log stays; an entry that opens a dialog keeps its ellipsis.
        assert target.startswith("  ") == source.startswith("  ")
        assert target.endswith("…") or not source.endswith("…")
    assert len(set(translated.values())) > 0.9 * len(translated)  # translated, not copied


def test_the_extractor_finds_every_way_the_plugin_calls_tr():
    source = '''
MENU = "&Menu"
class Algorithm:
    DISPLAY_NAME, GROUP = "Classify", "Land"
    SHORT_DESCRIPTION = "What it does."
    def initAlgorithm(self):
        self.add(Parameter("X", self.tr("Label")), "Help of {}", 3)
        tr(MENU)
        tr(f"not {MENU}")  # built at run time: nothing to extract
'''
    assert [text for text, _ in translations.strings_of(source)] == [
        "Classify", "Land", "What it does.", "Help of {}", "Label", "&Menu"]


def test_lrelease_compiles_what_qt_then_translates(qgis_app, compiled):
    from qgis.PyQt.QtCore import QCoreApplication

    files = translations.compile_all(compiled)
    wanted = [f"moemae_{code}.qm" for code in sorted(translations.LANGUAGES)]
    assert sorted(path.name for path in files) == wanted
    try:
        assert i18n.install_translator(compiled, "de_AT") == compiled / "moemae_de.qm"
        assert i18n.tr("Check environment…") == "Umgebung prüfen…"
        assert QCoreApplication.translate(i18n.CONTEXT, "  {}: {} tiles") == "  {}: {} Kacheln"
        assert i18n.install_translator(compiled, "pt_PT") == compiled / "moemae_pt_BR.qm"  # the nearest
        assert i18n.install_translator(compiled, "en_GB") is None
        assert i18n.tr("Check environment…") == "Check environment…"
    finally:
        i18n.remove_translator()


def test_the_plugin_starts_in_qgis_brazilian_portuguese(qgis_iface, compiled, monkeypatch):
    """QGIS set to pt_BR (its locale/userLocale): the plugin's menu, actions and algorithms are Portuguese."""
    from qgis.core import QgsApplication, QgsSettings

    import moemae_qgis

    translations.compile_all(compiled)
    monkeypatch.setattr(i18n, "translations_dir", lambda: compiled)
    menus = []
    monkeypatch.setattr(qgis_iface, "addPluginToRasterMenu", lambda menu, action: menus.append(
        (menu, action.text())), raising=False)
    settings = QgsSettings()
    before = settings.value("locale/userLocale")
    settings.setValue("locale/userLocale", "pt_BR")
    plugin = moemae_qgis.classFactory(qgis_iface)
    try:
        plugin.initGui()
        assert menus == [("&Cobertura do solo MoE-MAE", "Cobertura do solo MoE-MAE…"),
                         ("&Cobertura do solo MoE-MAE", "Adicionar produto Landsat…"),
                         ("&Cobertura do solo MoE-MAE", "Clique para mapear…"),
                         ("&Cobertura do solo MoE-MAE", "Verificar ambiente…"),
                         ("&Cobertura do solo MoE-MAE", "Instalar pacotes Python ausentes…")]
        algorithm = QgsApplication.processingRegistry().algorithmById("moemae:classify")
        assert algorithm.displayName() == "Classificar cobertura do solo"
        assert algorithm.group() == "Cobertura do solo"
    finally:
        plugin.unload()
        settings.setValue("locale/userLocale", before) if before is not None else settings.remove(
            "locale/userLocale")
    assert i18n.tr("Check environment…") == "Check environment…"  # unload took the translator away

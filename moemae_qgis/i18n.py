"""Translation: every string the plugin shows a user goes through :func:`tr`.

The translations are ``resources/i18n/moemae_<language>.qm``, compiled from the ``.ts`` sources by
``make package`` (``tools/translations.py``). :func:`install_translator` loads the one for the
language QGIS shows: QGIS writes it to its ``locale/userLocale`` setting at start-up (the user's
override in Settings › Options › General, else the system's).
"""
from __future__ import annotations

from pathlib import Path

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

#: The translation context of the plugin's strings (one for all: the plugin is small).
CONTEXT = "MoeMae"
#: The translator in use: Qt keeps only a pointer to it, so Python must keep the object.
_installed: list = []


def tr(text: str) -> str:
    """``text`` in the user's language when a translation is installed, else as it is."""
    return QCoreApplication.translate(CONTEXT, text)


def qgis_locale() -> str:
    """The locale QGIS shows its menus in: ``pt_BR``, ``de``, …"""
    return str(QgsSettings().value("locale/userLocale", "") or QLocale().name())


def translation_file(locale: str, folder: Path) -> Path | None:
    """The .qm for ``locale`` in ``folder``: its own (``pt_BR``), its language's (``pt``), else another
    country's of that language (``pt_PT`` reads ``pt_BR``); None for English or a language not there."""
    language = locale.split("_")[0]
    if not language or language == "en":
        return None
    for name in (f"moemae_{locale}.qm", f"moemae_{language}.qm"):
        if (folder / name).is_file():
            return folder / name
    return next(iter(sorted(folder.glob(f"moemae_{language}_*.qm"))), None)


def translations_dir() -> Path:
    """The plugin's ``resources/i18n``, where the zip holds the .qm files."""
    from .backend_loader import load_backend

    return load_backend("paths").RESOURCES_DIR / "i18n"


def install_translator(folder: Path | None = None, locale: str | None = None) -> Path | None:
    """Translate the plugin into QGIS's language from then on; returns the file used (None: English).
    ``folder`` defaults to :func:`translations_dir`."""
    remove_translator()
    path = translation_file(locale or qgis_locale(), folder or translations_dir())
    translator = QTranslator()
    if path is None or not translator.load(str(path)):
        return None
    QCoreApplication.installTranslator(translator)
    _installed.append(translator)
    return path


def remove_translator() -> None:
    while _installed:
        QCoreApplication.removeTranslator(_installed.pop())

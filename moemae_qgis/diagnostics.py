"""What a bug report needs, beyond the environment check: versions of QGIS and Qt, the plugin's
settings, the model files' SHA-256, and the last failure with its traceback.

The last failure is kept in a file of the user data folder (``last-error.txt``), written when a
run or an installation fails: a report asked for later, in another QGIS session, or after a run in
``qgis_process``, still has it.
"""
from __future__ import annotations

import datetime
import os
import tempfile
import traceback
from pathlib import Path

from qgis.core import Qgis, QgsSettings
from qgis.PyQt.QtCore import PYQT_VERSION_STR, QT_VERSION_STR

from .backend_loader import load_backend
from .dependencies import redact

#: The QgsSettings groups the plugin writes (the dialog's choices: ``moemae_qgis/dialog/…``).
SETTINGS_GROUP = "moemae_qgis"
LAST_ERROR_FILE = "last-error.txt"
#: Files of models and probes whose SHA-256 a report lists.
MODEL_SUFFIXES = (".pt", ".pth", ".json")


def last_error_path() -> Path:
    return load_backend("paths").user_data_dir() / LAST_ERROR_FILE


def record_failure(what: str, exc: BaseException | None = None) -> None:
    """Keep ``what`` failed, with the traceback of ``exc`` (the original one, where a message was
    raised ``from None`` over it), as the last failure. Never raises: a full disk must not hide the
    failure being reported."""
    lines = [f"{datetime.datetime.now().isoformat(timespec='seconds')} {what}"]
    if exc is not None:
        cause = exc.__context__ if exc.__suppress_context__ and exc.__context__ is not None else None
        for shown in filter(None, (cause, exc)):
            text = traceback.format_exception(type(shown), shown, shown.__traceback__)
            lines.append("".join(text).rstrip())
    path = last_error_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".last-error-", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
        os.replace(tmp, path)
    except OSError:
        pass


def last_failure() -> str:
    path = last_error_path()
    try:
        return path.read_text(encoding="utf-8").rstrip()
    except OSError:
        return "none recorded"


def plugin_settings() -> list[str]:
    """``key = value`` of every setting under the plugin's group."""
    settings = QgsSettings()
    settings.beginGroup(SETTINGS_GROUP)
    try:
        # redact: a mirror's URL may carry a password
        keys = sorted(settings.allKeys())
        return [redact(f"{SETTINGS_GROUP}/{key} = {settings.value(key)}") for key in keys]
    finally:
        settings.endGroup()


def model_files() -> list[str]:
    """``SHA-256  path`` of each bundled, downloaded and user model or probe file."""
    paths = load_backend("paths")
    checksums = load_backend("checksums")
    folders = [paths.RESOURCES_DIR / "models", paths.user_models_dir()]
    files = [path for folder in folders if folder.is_dir() for path in sorted(folder.iterdir())
             if path.suffix in MODEL_SUFFIXES and path.is_file() and path.name != "catalogue.json"
             and not path.name.endswith(checksums.RECORD_SUFFIX)]
    return [f"{checksums.file_sha256(path)}  {path}" for path in files]


def report_sections() -> str:
    """The report's parts after the environment check, as text to paste into an issue."""
    version = load_backend().__version__
    parts = [f"QGIS {Qgis.version()}, Qt {QT_VERSION_STR}, PyQt {PYQT_VERSION_STR}, moemae-qgis {version}",
             "Plugin settings:", *(["  " + line for line in plugin_settings()] or ["  (none)"]),
             "Model files (SHA-256):", *(["  " + line for line in model_files()] or ["  (none)"]),
             "Last error:", *("  " + line for line in last_failure().splitlines())]
    return "\n".join(parts)

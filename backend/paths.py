"""Where things live: the shipped resources, the user's models, the plugin's own packages.

Standard library only (platformdirs is used when it is importable): the QGIS plugin calls
:func:`dependency_dir` to find where it installs PyTorch and friends, before any of them,
platformdirs included, can be imported.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from . import PACKAGE_DIR

APP_NAME = "moemae-qgis"

#: Icons, the bundled model and its card, palettes. ``backend/../resources`` both in the
#: repository and in the packaged plugin folder (``moemae_qgis/backend``, ``moemae_qgis/resources``).
RESOURCES_DIR = PACKAGE_DIR.parent / "resources"

#: The repository's small real data: the 150-patch BigEarthNet-L sample that the tests, the demo
#: and ``bench`` read. Present in a clone of the repository only, never in the plugin zip.
REPOSITORY_SAMPLE_DIR = PACKAGE_DIR.parent / "tests" / "data" / "bigearthnet-l-sample"

#: The one list of run-time Python requirements (pip requirement lines).
RUNTIME_REQUIREMENTS_FILE = RESOURCES_DIR / "requirements-runtime.txt"


def runtime_requirements() -> list[str]:
    """The pip requirement specifiers of :data:`RUNTIME_REQUIREMENTS_FILE`, comments dropped."""
    lines = RUNTIME_REQUIREMENTS_FILE.read_text(encoding="utf-8").splitlines()
    return [line.split("#", 1)[0].strip() for line in lines if line.split("#", 1)[0].strip()]


def _fallback_user_data_dir() -> Path:
    """platformdirs' ``user_data_dir(APP_NAME, appauthor=False)``, for when it is not installed.

    Must give the same folder as platformdirs does, or the plugin would lose track of the
    packages it installed once platformdirs itself becomes importable (a test checks this).
    """
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = str(Path.home() / "Library" / "Application Support")
    else:
        base = os.environ.get("XDG_DATA_HOME", "").strip() or str(Path.home() / ".local" / "share")
    return Path(base) / APP_NAME


def user_data_dir() -> Path:
    """The per-user data folder of moemae-qgis (not created here).

    Linux: ``$XDG_DATA_HOME/moemae-qgis`` (``~/.local/share/moemae-qgis``); macOS:
    ``~/Library/Application Support/moemae-qgis``; Windows: ``%LOCALAPPDATA%\\moemae-qgis``.
    ``MOEMAE_DATA_DIR`` overrides it (tests and shared installations use that).
    """
    override = os.environ.get("MOEMAE_DATA_DIR", "").strip()
    if override:
        return Path(override)
    try:
        import platformdirs
    except ImportError:
        return _fallback_user_data_dir()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_models_dir() -> Path:
    """Where users' own checkpoints and probes live: ``<user data dir>/models``."""
    return user_data_dir() / "models"


def dependency_dir(version_info: Sequence[int] = sys.version_info[:2]) -> Path:
    """Where the plugin installs missing packages for one Python version.

    ``<user data dir>/python3.11``: one folder per Python minor version, because compiled
    wheels (PyTorch, scikit-learn) only load into the Python they were built for.
    """
    return user_data_dir() / f"python{version_info[0]}.{version_info[1]}"

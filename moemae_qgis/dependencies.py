"""Missing Python packages inside QGIS: find them, say so, install them into our own folder.

QGIS's Python usually has NumPy and GDAL but not PyTorch, scikit-learn or platformdirs. The
plugin must then load anyway, tell the user what is missing, and offer to install it with
QGIS's own Python into ``<user data dir>/python3.X`` (one folder per Python version, see
``backend.paths.dependency_dir``), which is put on ``sys.path``.

That folder is *appended* to ``sys.path``: packages QGIS already has (NumPy above all, which
GDAL's bindings are compiled against) keep winning over copies pip drags in as dependencies.
"""
from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Callable

from .backend_loader import load_backend


def dependency_dir() -> Path:
    return load_backend("paths").dependency_dir()


def activate_dependency_dir() -> Path:
    """Put the plugin's package folder on ``sys.path`` (at the end) if it exists."""
    target = dependency_dir()
    if target.is_dir() and str(target) not in sys.path:
        sys.path.append(str(target))
        importlib.invalidate_caches()
    return target


def missing_modules():
    """``ModuleStatus`` of each required module that cannot be imported (empty when all is well)."""
    environment = load_backend("environment")
    return [status for status in (environment.module_status(name, package)
                                  for name, package in environment.REQUIRED_MODULES.items())
            if not status.ok]


def missing_message(missing) -> str:
    """What a user reads when packages are missing: which, why, and what will be done."""
    names = ", ".join(m.package for m in missing)
    return (f"QGIS's Python lacks {names}, which the plugin needs. Install… puts them into "
            f"{dependency_dir()}, for this plugin only.")


def python_executable() -> str:
    """The Python interpreter QGIS embeds, to run pip with.

    Inside QGIS ``sys.executable`` is often the QGIS program itself, not a Python, so the
    interpreter is looked for beside the running Python's prefix.
    """
    if Path(sys.executable).name.lower().startswith("python"):
        return sys.executable
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    candidates = [Path(sys.exec_prefix) / "python.exe", Path(sys.exec_prefix) / "python3.exe",
                  Path(sys.exec_prefix) / "bin" / f"python{version}",
                  Path(sys.exec_prefix) / "bin" / "python3"]
    for candidate in candidates:
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"python{version}")
    if found:
        return found
    raise RuntimeError(
        f"cannot find the Python {version} that QGIS runs (looked in {sys.exec_prefix}); "
        "install the packages by hand: python3 -m pip install --target "
        f"{dependency_dir()} " + " ".join(load_backend("paths").runtime_requirements())
    )


def install_command(target: Path, constraints_file: Path, requirements=None, wheel_folder: Path | None = None
                    ) -> list[str]:
    """The pip command line that installs ``requirements`` (default: the runtime list) into ``target``.

    ``wheel_folder``: install from the wheels in that folder only, without the network
    (``--no-index --find-links``): for machines off the internet, with wheels brought on a disk.
    """
    if requirements is None:
        requirements = load_backend("paths").runtime_requirements()
    source = ["--no-index", "--find-links", str(wheel_folder)] if wheel_folder else []
    return [python_executable(), "-m", "pip", "install", "--disable-pip-version-check",
            "--no-input", "--upgrade", *source, "--target", str(target), "--constraint",
            str(constraints_file),
            *requirements]


def _numpy_constraint() -> str:
    """Keep pip on the NumPy QGIS already runs: its GDAL bindings are built against it."""
    try:
        import numpy
    except ImportError:
        return ""
    return f"numpy=={numpy.__version__}\n"


def install(requirements=None, on_line: Callable[[str], None] = print,
            is_cancelled: Callable[[], bool] = lambda: False, wheel_folder: Path | None = None) -> Path:
    """Install the runtime requirements with QGIS's Python into :func:`dependency_dir`
    (from the Python Package Index, or from ``wheel_folder`` alone; see :func:`install_command`).

    ``on_line`` receives pip's output line by line (for a log or progress text). Raises
    ``RuntimeError`` with pip's last lines when pip fails, and when ``is_cancelled()``
    turns true (pip is then stopped). Returns the folder, already on ``sys.path``.
    """
    target = dependency_dir()
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="moemae-pip-") as tmp:
        constraints = Path(tmp) / "constraints.txt"
        constraints.write_text(_numpy_constraint(), encoding="utf-8")
        command = install_command(target, constraints, requirements, wheel_folder)
        on_line("$ " + " ".join(command))
        env = dict(os.environ, PYTHONNOUSERSITE="1")
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                   text=True, env=env)
        tail: list[str] = []
        assert process.stdout is not None
        for line in process.stdout:
            line = line.rstrip()
            tail = (tail + [line])[-15:]
            on_line(line)
            if is_cancelled():
                process.terminate()
                process.wait()
                raise RuntimeError("installation cancelled; nothing was changed in QGIS's own Python")
        if process.wait() != 0:
            raise RuntimeError(f"pip failed (exit {process.returncode}):\n" + "\n".join(tail))
    activate_dependency_dir()
    return target

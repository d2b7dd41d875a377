"""Which program on disk is the Python QGIS runs: the one pip must be started with.

Inside QGIS, ``sys.executable`` is not to be trusted: on Windows it is ``qgis-bin.exe``, and on
Linux an embedded Python fills it by searching ``PATH`` for ``python3``, which can be a pyenv
shim for some other Python. pip started with another Python installs wheels built for that
Python, which QGIS then cannot import (or, worse, imports half of). So every candidate is run
once and must describe itself exactly as the running Python does before pip is started with it.
Standard library only: this runs before any of the packages it installs exist.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess  # nosec B404 # asks Python programs who they are: argument lists, never a shell
import sys
import sysconfig
from pathlib import Path

#: Source of ``identity()``: run here for the Python QGIS runs and in each candidate for its
#: answer, so both sides compute the same facts the same way. Paths are resolved and
#: case-folded as the OS compares them; EXT_SUFFIX names the ABI compiled wheels must match.
IDENTITY_SOURCE = """
import importlib.util, os, platform, sys, sysconfig

def identity():
    def where(path):
        return os.path.normcase(os.path.realpath(path)) if path else ""
    return {"version": platform.python_version(), "base_prefix": where(sys.base_prefix),
            "stdlib": where(sysconfig.get_path("stdlib")),
            "abi": sysconfig.get_config_var("EXT_SUFFIX") or "",
            "pip": importlib.util.find_spec("pip") is not None}
"""

#: Facts that must agree for a candidate to be the running Python ("pip" is checked apart).
SAME_PYTHON_KEYS = ("version", "base_prefix", "stdlib", "abi")

#: Seconds a candidate may take to describe itself (a cold start on a slow disk included).
PROBE_TIMEOUT_S = 30


class QgisPythonNotFound(RuntimeError):
    """No candidate is the Python QGIS runs (or it has no pip); the message says what to do."""


def running_identity() -> dict:
    """The running Python's own answer to :data:`IDENTITY_SOURCE`."""
    namespace: dict = {}
    exec(IDENTITY_SOURCE, namespace)  # nosec B102 # our own constant source, not input
    return namespace["identity"]()


def describe(identity: dict) -> str:
    return f"Python {identity['version']} in {identity['base_prefix']}"


def _windows_dll_folder() -> Path | None:
    """The folder of the python3X.dll QGIS has loaded, where OSGeo4W keeps python.exe beside it."""
    handle = getattr(sys, "dllhandle", None)
    if sys.platform != "win32" or not handle:
        return None
    import ctypes

    buffer = ctypes.create_unicode_buffer(32768)
    if not ctypes.windll.kernel32.GetModuleFileNameW(ctypes.c_void_p(handle), buffer, len(buffer)):
        return None
    return Path(buffer.value).parent


def candidates() -> list[str]:
    """Programs that may be the running Python, most likely first, each once."""
    version = sysconfig.get_config_var("VERSION") or f"{sys.version_info[0]}.{sys.version_info[1]}"
    names = ["python.exe"] if sys.platform == "win32" else [f"python{version}", "python3"]
    folders = [sysconfig.get_config_var("BINDIR"), _windows_dll_folder(), sys.base_exec_prefix,
               Path(sys.base_exec_prefix) / "bin", sys.exec_prefix, Path(sys.exec_prefix) / "bin"]
    found = [sys.executable, getattr(sys, "_base_executable", "")]
    found += [str(Path(folder) / name) for folder in folders if folder for name in names]
    found += [shutil.which(name) or "" for name in names]
    # Only programs named python*: sys.executable may be qgis-bin.exe or QGIS.app's binary, and
    # running that to ask who it is would start another QGIS.
    pythons = [path for path in found if path and Path(path).name.lower().startswith("python")]
    return [path for path in dict.fromkeys(pythons) if os.path.isfile(path)]  # each once, in order


def probe(program: str, env: dict | None = None) -> tuple[dict | None, str]:
    """Run ``program`` as a Python and return (its identity, "") or (None, why it gave none)."""
    code = IDENTITY_SOURCE + "\nimport json\nprint(json.dumps(identity()))\n"
    try:
        done = subprocess.run([program, "-c", code], capture_output=True, text=True,  # nosec B603 # see the import
                              timeout=PROBE_TIMEOUT_S, env=env)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return None, f"does not run ({exc})"
    try:
        return json.loads(done.stdout.strip().splitlines()[-1]), ""
    except (IndexError, ValueError):
        said = ((done.stderr or done.stdout).strip().splitlines() or ["no output"])[0]
        return None, f"is not a Python (exit {done.returncode}: {said[:120]})"


def verdict(identity: dict | None, why: str, running: dict) -> str:
    """'' when the candidate is the running Python with pip, else what is wrong with it."""
    if identity is None:
        return why
    if any(identity.get(key) != running[key] for key in SAME_PYTHON_KEYS):
        return f"is {describe(identity)}, another Python"
    if not identity.get("pip"):
        return "is this Python, but has no pip"
    return ""


def find(programs: list[str] | None = None, env: dict | None = None) -> str:
    """The first of ``programs`` (default :func:`candidates`) that is the running Python with pip.

    ``env``: the environment pip will run in (PYTHONHOME and the like change which Python a
    program is), so the check sees what pip will see. Raises :class:`QgisPythonNotFound`.
    """
    running = running_identity()
    problems = []
    for program in candidates() if programs is None else programs:
        problem = verdict(*probe(program, env), running)
        if not problem:
            return program
        problems.append(f"  {program} {problem}")
    raise QgisPythonNotFound(not_found_message(running, problems))


def not_found_message(running: dict, problems: list[str]) -> str:
    tried = "\n".join(problems) or "  (no Python program found beside QGIS)"
    missing_pip = any(line.endswith("has no pip") for line in problems)
    advice = ("Install pip for it (Debian and Ubuntu: sudo apt-get install python3-pip), then try again."
              if missing_pip else "Install the packages by hand with QGIS's own Python, as below.")
    return (f"Cannot install with pip: none of the Python programs found is the one QGIS runs "
            f"({describe(running)}).\nFound:\n{tried}\n{advice}")

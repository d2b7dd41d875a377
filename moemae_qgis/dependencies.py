"""Missing Python packages inside QGIS: find them, say so, install them into our own folder.

QGIS's Python usually has NumPy and GDAL but not PyTorch, scikit-learn or platformdirs. The
plugin must then load anyway, tell the user what is missing, and offer to install it with
QGIS's own Python into ``<user data dir>/python3.X`` (one folder per Python version, see
``backend.paths.dependency_dir``), which is put on ``sys.path``.

That folder is *appended* to ``sys.path``: packages QGIS already has (NumPy above all, which
GDAL's bindings are compiled against) keep winning over copies pip drags in as dependencies, and
a constraints file holds pip to the NumPy QGIS runs, so it never brings another version.

PyTorch comes from PyTorch's own wheel index as well as the package index: the CPU-only build when
no NVIDIA driver answers (about 200 MB instead of 1 to 3 GB), the CUDA build the driver can run
when one does (:func:`torch_wheels`). pip goes through the proxy set in QGIS's network settings
(:func:`proxy_url`).
"""
from __future__ import annotations

import functools
import importlib
import json
import os
import platform
import queue
import re
import shlex
import shutil
import subprocess  # nosec B404 # runs pip with QGIS's Python: an argument list, never a shell
import sys
import tempfile
import threading
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from . import qgis_python
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


#: PyTorch's wheel indexes (pytorch.org, "Get started": ``--index-url .../whl/cpu`` or ``/whl/cu128``):
#: ``cpu`` holds the CPU-only builds, ``cuXYZ`` the builds for CUDA X.Y(.Z).
PYTORCH_INDEX = "https://download.pytorch.org/whl"

#: (lowest NVIDIA driver major version, PyTorch wheel variant, CUDA), newest CUDA first. A PyTorch
#: CUDA wheel brings its CUDA libraries; the driver is the one thing it needs from the machine.
#: PyTorch defers to NVIDIA's CUDA Compatibility guide for the driver each CUDA needs
#: (docs.nvidia.com/deploy/cuda-compatibility, "Minor Version Compatibility", Table 1: CUDA 13.x
#: needs a driver >= 580, CUDA 12.x >= 525); CUDA 12.8's own driver is 570 (CUDA 12.8 release
#: notes, Table 3: >= 570.26), so 570-579 get 12.8 and 525-569 get 12.6. Older drivers get the CPU
#: build: PyTorch no longer builds for CUDA 11.
CUDA_WHEELS = ((580, "cu130", "13.0"), (570, "cu128", "12.8"), (525, "cu126", "12.6"))

#: Seconds nvidia-smi may take to answer (it loads the driver's library; a hung driver must not
#: hang the installer).
NVIDIA_SMI_TIMEOUT_S = 20


@dataclass(frozen=True)
class TorchWheels:
    """Which PyTorch build pip is pointed at, and why, in words for the user."""

    index_url: str | None  # an extra index holding that build; None: the package index's own
    description: str


def nvidia_driver_version(timeout_s: float = NVIDIA_SMI_TIMEOUT_S) -> str | None:
    """The NVIDIA driver's version (``575.51.03``) as nvidia-smi reports it, or None when there is
    no nvidia-smi, or it fails (no GPU, no driver loaded), or says something else."""
    program = shutil.which("nvidia-smi")
    if program is None:
        return None
    command = [program, "--query-gpu=driver_version", "--format=csv,noheader"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout_s)  # nosec B603 # fixed
    except (OSError, subprocess.TimeoutExpired):
        return None
    first = (done.stdout.strip().splitlines() or [""])[0].strip()
    return first if done.returncode == 0 and re.fullmatch(r"\d+(\.\d+)+", first) else None


def torch_wheels(driver: str | None = None, platform_name: str = sys.platform) -> TorchWheels:
    """The PyTorch build for this machine: CUDA when the NVIDIA ``driver`` (default: asked of
    nvidia-smi) can run one (:data:`CUDA_WHEELS`), else CPU-only. macOS has one build, on the
    package index (CPU and Apple's MPS)."""
    if platform_name == "darwin":
        return TorchWheels(None, "PyTorch for macOS (CPU and Apple MPS) from the package index")
    if driver is None:
        driver = nvidia_driver_version()
    if driver is None:
        return TorchWheels(f"{PYTORCH_INDEX}/cpu", "CPU-only PyTorch: no NVIDIA driver found")
    major = int(driver.split(".")[0])
    for minimum, variant, cuda in CUDA_WHEELS:
        if major >= minimum:
            return TorchWheels(f"{PYTORCH_INDEX}/{variant}", f"PyTorch for CUDA {cuda}, which the NVIDIA "
                                                               f"driver {driver} runs")
    oldest = CUDA_WHEELS[-1][0]
    return TorchWheels(f"{PYTORCH_INDEX}/cpu", f"CPU-only PyTorch: the NVIDIA driver {driver} is older than "
                                                 f"CUDA 12 needs ({oldest}); update it to use the GPU")


def proxy_url(value: Callable) -> str | None:
    """pip's ``--proxy`` from QGIS's network settings (Settings › Options › Network), read with
    ``value(key, default)`` (``QgsSettings().value``); None when QGIS uses no proxy of its own (off,
    or the system's: pip then reads it from the environment itself, as QGIS does)."""
    if str(value("proxy/proxyEnabled", False)).lower() not in ("true", "1"):
        return None
    kind = str(value("proxy/proxyType", "") or "DefaultProxy")
    host = str(value("proxy/proxyHost", "") or "").strip()
    if kind == "DefaultProxy" or not host:
        return None
    scheme = "socks5" if kind == "Socks5Proxy" else "http"  # HttpProxy, HttpCachingProxy
    port = str(value("proxy/proxyPort", "") or "").strip()
    user = str(value("proxy/proxyUser", "") or "")
    password = str(value("proxy/proxyPassword", "") or "")
    quote = functools.partial(urllib.parse.quote, safe="")
    credentials = f"{quote(user)}:{quote(password)}@" if user else ""
    return f"{scheme}://{credentials}{host}" + (f":{port}" if port else "")


def pip_options(requirements: list[str], proxy: str | None = None, wheels: TorchWheels | None = None
                ) -> list[str]:
    """The pip options for this machine: PyTorch's index for the build :func:`torch_wheels` chose
    (when ``requirements`` name torch), and QGIS's proxy."""
    options = []
    if wheels is not None and wheels.index_url and any(_project(r) == "torch" for r in requirements):
        options += ["--extra-index-url", wheels.index_url]
    return options + (["--proxy", proxy] if proxy else [])


def _project(requirement: str) -> str:
    return re.split(r"[\s=<>!~;\[]", requirement.strip(), maxsplit=1)[0].lower()


def redact(text: str) -> str:
    """``text`` with the password in any URL's credentials (after the user name) shown as ``****``,
    for logs and messages."""
    return re.sub(r"(://[^:/@\s]+):[^@\s]*@", r"\1:****@", text)


def pip_environment() -> dict:
    """The environment pip runs in: QGIS's, without the user's own site-packages."""
    return dict(os.environ, PYTHONNOUSERSITE="1")


def python_executable() -> str:
    """The program that is the Python QGIS runs, checked by running it (see :mod:`.qgis_python`).

    Raises ``QgisPythonNotFound`` (a ``RuntimeError``) saying what was found instead and the
    commands to install by hand.
    """
    try:
        return qgis_python.find(env=pip_environment())
    except qgis_python.QgisPythonNotFound as exc:
        raise qgis_python.QgisPythonNotFound(f"{exc}\n\n{manual_install_text()}") from None


def manual_install_text(requirements=None, python: str | None = None, options: list[str] = ()) -> str:
    """The one pip command a user can run by hand, with ``python`` (the interpreter the plugin found
    and checked; when None, the one beside QGIS's Python home) and the ``options`` the installer
    used (PyTorch's index, the proxy, its password hidden), and where."""
    if requirements is None:
        requirements = load_backend("paths").runtime_requirements()
    pins = [*requirements, *_numpy_constraint().split()]
    target = dependency_dir()
    hidden = [redact(option) for option in options]
    if python is None and sys.platform == "win32":
        shell = (f'In the OSGeo4W Shell, run:\n  python -m pip install --target "{target}" '
                 + " ".join([*hidden, *pins]))
    else:
        python = python or _python_beside_home()
        words = [python, "-m", "pip", "install", "--target", str(target), *hidden, *pins]
        quoted = subprocess.list2cmdline if sys.platform == "win32" else shlex.join
        line = quoted(words)
        shell = (f"In a terminal, run (with Python {platform.python_version()}, the Python QGIS runs):\n"
                 f"  {line}")
    if any("****@" in option for option in hidden):
        shell += "\n(with your proxy password in place of ****)"
    console = ", ".join(repr(arg) for arg in ["install", "--target", str(target), *hidden, *pins])
    return (f"{shell}\nOr, in QGIS's Python console (QGIS does not respond until it ends), run:\n"
            f"  from pip._internal.cli.main import main; main([{console}])\nThen restart QGIS.")


def _python_beside_home() -> str:
    """/usr/bin/python3.11 (not a shim found on PATH), or the bare name when it is not there."""
    name = f"python{sys.version_info[0]}.{sys.version_info[1]}"
    beside = Path(sys.base_prefix) / "bin" / name
    return str(beside) if beside.is_file() else name


def install_command(target: Path, constraints_file: Path, requirements=None, wheel_folder: Path | None = None,
                    python: str | None = None, options: list[str] = ()) -> list[str]:
    """The pip command line that installs ``requirements`` (default: the runtime list) into ``target``.

    ``wheel_folder``: install from the wheels in that folder only, without the network
    (``--no-index --find-links``): for machines off the internet, with wheels brought on a disk.
    ``python``: the interpreter already found by :func:`python_executable` (looked for when None).
    ``options``: more of pip's options (:func:`pip_options`: PyTorch's index, the proxy).
    """
    if requirements is None:
        requirements = load_backend("paths").runtime_requirements()
    source = ["--no-index", "--find-links", str(wheel_folder)] if wheel_folder else []
    return [python or python_executable(), "-m", "pip", "install", "--disable-pip-version-check",
            "--no-input", "--upgrade", *source, *options, "--target", str(target), "--constraint",
            str(constraints_file), *requirements]


def _numpy_constraint() -> str:
    """Keep pip on the NumPy QGIS already runs: its GDAL bindings are built against it."""
    try:
        import numpy
    except ImportError:
        return ""
    return f"numpy=={numpy.__version__}\n"


def _write_constraints(folder: str) -> Path:
    constraints = Path(folder) / "constraints.txt"
    constraints.write_text(_numpy_constraint(), encoding="utf-8")
    return constraints


def _read_lines(stream, lines: queue.Queue) -> None:
    for line in stream:
        lines.put(line.rstrip())
    lines.put(None)  # pip has closed its output


def _run_pip(command: list[str], on_line: Callable[[str], None], is_cancelled: Callable[[], bool]
             ) -> tuple[int, list[str]]:
    """Run pip, hand each output line to ``on_line``; returns (exit status, its last 15 lines).

    Lines are read in a thread so that a cancel is seen within 0.2 s even while pip downloads a
    large wheel in silence. Raises ``RuntimeError`` once ``is_cancelled()`` turns true (pip is
    stopped first).
    """
    on_line("$ " + redact(" ".join(command)))
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,  # nosec B603 # see the import
                               text=True, env=pip_environment())
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=_read_lines, args=(process.stdout, lines), daemon=True).start()
    tail: list[str] = []
    while True:
        try:
            line = lines.get(timeout=0.2)
        except queue.Empty:
            line = ""
        if line is None:  # pip has finished: its exit status is the answer, even if Cancel came late
            return process.wait(), tail
        if is_cancelled():
            process.terminate()
            process.wait()
            raise RuntimeError("installation cancelled; nothing was changed in QGIS's own Python")
        if line:
            tail = (tail + [line])[-15:]
            on_line(line)


def install(requirements=None, on_line: Callable[[str], None] = print,
            is_cancelled: Callable[[], bool] = lambda: False, wheel_folder: Path | None = None,
            python: str | None = None, options: list[str] = ()) -> Path:
    """Install the runtime requirements with QGIS's Python into :func:`dependency_dir`
    (from the Python Package Index, or from ``wheel_folder`` alone; see :func:`install_command`).

    ``python``, ``options``: as for :func:`install_command`.
    ``on_line`` receives pip's output line by line (for a log or progress text). Raises
    ``RuntimeError`` with pip's last lines when pip fails, and when ``is_cancelled()``
    turns true (pip is then stopped). Returns the folder, already on ``sys.path``.
    """
    target = dependency_dir()
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="moemae-pip-") as tmp:
        command = install_command(target, _write_constraints(tmp), requirements, wheel_folder, python,
                                  options)
        status, tail = _run_pip(command, on_line, is_cancelled)
        if status != 0:
            raise RuntimeError(f"pip failed (exit {status}):\n" + redact("\n".join(tail)))
    activate_dependency_dir()
    return target


@dataclass(frozen=True)
class PlannedPackage:
    """One distribution pip would install, and the file it would download for it."""

    name: str
    version: str
    url: str
    size: int | None  # bytes; None when its source does not say


def plan(requirements=None, on_line: Callable[[str], None] = print,
         is_cancelled: Callable[[], bool] = lambda: False, wheel_folder: Path | None = None,
         python: str | None = None, options: list[str] = ()) -> list[PlannedPackage]:
    """What :func:`install` would download, biggest first, without installing anything.

    pip's own dry run resolves exactly what the install would (same command, same Python,
    same constraints) and reports each file's URL (``--dry-run --report``). The report holds
    no sizes: a local file's size is read from the disk, a remote one's from an HTTP HEAD (through
    the ``--proxy`` of ``options``, as pip went).
    """
    with tempfile.TemporaryDirectory(prefix="moemae-pip-") as tmp:
        report = Path(tmp) / "report.json"
        command = install_command(dependency_dir(), _write_constraints(tmp), requirements, wheel_folder,
                                  python, options)
        command[4:4] = ["--dry-run", "--quiet", "--report", str(report)]
        status, tail = _run_pip(command, on_line, is_cancelled)
        if status != 0:
            raise RuntimeError(f"pip cannot work out what to install (exit {status}):\n"
                               + redact("\n".join(tail)))
        items = json.loads(report.read_text(encoding="utf-8"))["install"]
    urls = [item["download_info"]["url"] for item in items]
    proxy = options[options.index("--proxy") + 1] if "--proxy" in options else None
    with ThreadPoolExecutor(max_workers=8) as pool:  # one HEAD each: a dozen wheels for PyTorch
        sizes = list(pool.map(functools.partial(download_size, proxy=proxy), urls))
    planned = [PlannedPackage(item["metadata"]["name"], item["metadata"]["version"], url, size)
               for item, url, size in zip(items, urls, sizes)]
    return sorted(planned, key=lambda p: -1 if p.size is None else p.size, reverse=True)


def download_size(url: str, timeout_s: float = 15, proxy: str | None = None) -> int | None:
    """Bytes of the file at ``url`` (file:, http:, https:), or None when that cannot be known.
    ``proxy``: the proxy pip used (else urllib's own, from the environment)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme == "file":
        path = Path(urllib.request.url2pathname(parts.path))
        return path.stat().st_size if path.is_file() else None
    if parts.scheme not in ("http", "https"):
        return None
    request = urllib.request.Request(url, method="HEAD")
    handlers = [urllib.request.ProxyHandler({"http": proxy, "https": proxy})] if proxy else []
    try:
        with urllib.request.build_opener(*handlers).open(request, timeout=timeout_s) as response:
            length = response.headers.get("Content-Length", "")
    except (OSError, ValueError):  # offline, refused, or a server without HEAD: size unknown
        return None
    return int(length) if length.isdigit() else None


def format_size(size: int) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}" if size < 10 * scale else f"{size / scale:.0f} {unit}"
    return f"{max(1, round(size / 1e3))} kB"


def describe_plan(planned: list[PlannedPackage]) -> str:
    """One line per package (name, version, download size), then the total."""
    lines = [f"{p.name} {p.version}: " + (format_size(p.size) if p.size is not None else "size not known")
             for p in planned]
    total = sum(p.size or 0 for p in planned)
    unknown = sum(p.size is None for p in planned)
    amount = ("at least " if unknown else "about ") + format_size(total)
    return "\n".join(lines + [f"{len(planned)} packages, {amount} to download."])

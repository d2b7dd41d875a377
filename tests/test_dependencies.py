"""Finding and installing missing packages for QGIS's Python, with real pip and real folders.

pip installs from a folder of wheels the tests make (``--no-index --find-links``): the tests
prove the installer, not the network, and pass on a machine without one.
"""
import base64
import functools
import glob
import hashlib
import http.server
import json
import os
import shlex
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path
from typing import ClassVar

import platformdirs
import pytest

from backend import paths
from moemae_qgis import dependencies, qgis_python


@pytest.fixture(autouse=True)
def isolated_pip(monkeypatch):
    """pip sees no configuration of this machine (its indexes, find-links, constraints): only what a
    test gives it, so that nothing reaches beyond 127.0.0.1."""
    for name in [name for name in os.environ if name.startswith("PIP_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("PIP_CONFIG_FILE", os.devnull)
    monkeypatch.setenv("PIP_NO_CACHE_DIR", "1")


def test_fallback_data_dir_matches_platformdirs(monkeypatch, tmp_path):
    # Must agree, or installed packages would be lost once platformdirs becomes importable.
    monkeypatch.delenv("MOEMAE_DATA_DIR")
    for xdg in (None, str(tmp_path / "xdg")):
        if xdg is None:
            monkeypatch.delenv("XDG_DATA_HOME", raising=False)
        else:
            monkeypatch.setenv("XDG_DATA_HOME", xdg)
        expected = Path(platformdirs.user_data_dir(paths.APP_NAME, appauthor=False))
        assert paths._fallback_user_data_dir() == expected
        assert paths.user_data_dir() == expected


def test_user_data_dir_without_platformdirs(monkeypatch):
    monkeypatch.delenv("MOEMAE_DATA_DIR")
    with_platformdirs = paths.user_data_dir()
    monkeypatch.setitem(sys.modules, "platformdirs", None)
    assert paths.user_data_dir() == with_platformdirs


def test_dependency_dir_is_one_folder_per_python_version(tmp_path, monkeypatch):
    monkeypatch.setenv("MOEMAE_DATA_DIR", str(tmp_path))
    assert paths.dependency_dir((3, 11)) == tmp_path / "python3.11"
    assert paths.dependency_dir((3, 12)) == tmp_path / "python3.12"
    assert paths.user_models_dir() == tmp_path / "models"


def test_install_command_targets_plugin_folder(tmp_path):
    command = dependencies.install_command(tmp_path / "deps", tmp_path / "c.txt")
    assert command[1:4] == ["-m", "pip", "install"]
    assert command[command.index("--target") + 1] == str(tmp_path / "deps")
    assert command[command.index("--constraint") + 1] == str(tmp_path / "c.txt")
    assert command[-3:] == paths.runtime_requirements()


def write_wheel(folder: Path, name: str, version: str, module_text: str, requires: tuple = ()) -> Path:
    """A real pure-Python wheel (PEP 427) of one module, with a RECORD pip can check."""
    module = name.replace("-", "_")
    dist_info = f"{module}-{version}.dist-info"
    requirements = "".join(f"Requires-Dist: {r}\n" for r in requires)
    files = {f"{module}/__init__.py": module_text,
             f"{dist_info}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
                                      + requirements,
             f"{dist_info}/WHEEL": "Wheel-Version: 1.0\nGenerator: moemae-tests\nRoot-Is-Purelib: true\n"
                                   "Tag: py3-none-any\n"}
    record = []
    for path, text in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(text.encode())}")
    files[f"{dist_info}/RECORD"] = "\n".join([*record, f"{dist_info}/RECORD,,"]) + "\n"
    folder.mkdir(parents=True, exist_ok=True)
    wheel = folder / f"{module}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        for path, text in files.items():
            archive.writestr(path, text)
    return wheel


def test_install_puts_packages_in_plugin_folder_and_on_sys_path(monkeypatch, tmp_path):
    """A real pip run into the plugin's folder, from a folder of wheels (no network)."""
    monkeypatch.setenv("MOEMAE_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(sys, "path", list(sys.path))
    write_wheel(tmp_path / "wheels", "moemae-offline-probe", "1.0", "ANSWER = 42\n")
    lines = []
    target = dependencies.install(["moemae-offline-probe==1.0"], on_line=lines.append,
                                  wheel_folder=tmp_path / "wheels")
    assert target == tmp_path / f"python{sys.version_info[0]}.{sys.version_info[1]}"
    assert (target / "moemae_offline_probe" / "__init__.py").read_text() == "ANSWER = 42\n"
    assert sys.path[-1] == str(target)  # appended: QGIS's own NumPy keeps priority
    assert lines[0].startswith("$ ") and "--target" in lines[0] and "--no-index" in lines[0]
    imported = subprocess.run([sys.executable, "-c", "import moemae_offline_probe as m; print(m.ANSWER)"],
                              env={"PYTHONPATH": str(target)}, capture_output=True, text=True)
    assert imported.stdout.strip() == "42", imported.stderr


def test_failed_install_raises_with_pips_words(monkeypatch, tmp_path):
    """A requirement the wheel folder cannot satisfy: pip's own words, and nothing installed."""
    monkeypatch.setenv("MOEMAE_DATA_DIR", str(tmp_path))
    write_wheel(tmp_path / "wheels", "moemae-offline-probe", "1.0", "ANSWER = 42\n")
    with pytest.raises(RuntimeError, match=r"pip failed.*(?s:.*)No matching distribution found for "
                                           "moemae-offline-probe==2.0"):
        dependencies.install(["moemae-offline-probe==2.0"], on_line=lambda line: None,
                             wheel_folder=tmp_path / "wheels")
    assert not (dependencies.dependency_dir() / "moemae_offline_probe").exists()


def test_activate_adds_existing_folder_once(monkeypatch, tmp_path):
    monkeypatch.setenv("MOEMAE_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(sys, "path", list(sys.path))
    target = dependencies.activate_dependency_dir()
    assert str(target) not in sys.path  # not created yet: nothing to add
    target.mkdir(parents=True)
    dependencies.activate_dependency_dir()
    dependencies.activate_dependency_dir()
    assert sys.path.count(str(target)) == 1


# --- Which Python pip runs with (issue 18, finding 3) ---

def identity_of(python: str) -> tuple[str, str]:
    """(version, base prefix) as the program itself says them: asked directly, not through the module."""
    said = subprocess.run([python, "-c", "import platform, sys; print(platform.python_version()); "
                                         "print(sys.base_prefix)"],
                          capture_output=True, text=True, check=True).stdout.split("\n")
    return said[0], os.path.realpath(said[1])


def write_script(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    path.chmod(0o755)
    return path


def other_python(tmp_path: Path) -> tuple[Path, str, str]:
    """A shim named python3 that runs another Python than this one, with that Python's version and prefix.

    It execs a real other interpreter when the machine has one (pyenv's, or another python3.X on
    PATH), as the pyenv shim of the issue did; otherwise a script answers as a Python 3.99 would.
    """
    this = identity_of(sys.executable)
    found = [shutil.which(f"python3.{minor}") for minor in range(6, 16)]
    found += sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/*/bin/python3")))
    for python in filter(None, found):
        try:
            other = identity_of(python)
        except (OSError, subprocess.CalledProcessError):
            continue
        if other != this:
            shim = write_script(tmp_path / "shims" / "python3", f'#!/bin/sh\nexec "{python}" "$@"\n')
            return shim, *other
    answer = json.dumps({"version": "3.99.0", "base_prefix": "/opt/python3.99", "abi": ".cpython-399.so",
                         "stdlib": "/opt/python3.99/lib", "pip": True})
    shim = write_script(tmp_path / "shims" / "python3", f"#!/bin/sh\necho '{answer}'\n")
    return shim, "3.99.0", "/opt/python3.99"


def pyenv_shim_without_that_python(tmp_path: Path) -> Path:
    """What a pyenv shim does when the version it is asked for is not installed."""
    return write_script(tmp_path / "pyenv" / "python3.11",
                        "#!/bin/sh\necho \"pyenv: python3.11: command not found\" >&2\nexit 127\n")


def test_the_running_python_is_found_and_accepted():
    python = dependencies.python_executable()
    assert identity_of(python) == identity_of(sys.executable)
    assert qgis_python.probe(python, dependencies.pip_environment())[0] == qgis_python.running_identity()


def test_a_shim_for_another_python_as_sys_executable_is_passed_over(monkeypatch, tmp_path):
    """Inside QGIS sys.executable was a pyenv shim for another Python: pip must not run with it."""
    shim, _, _ = other_python(tmp_path)
    monkeypatch.setattr(sys, "executable", str(shim))
    python = dependencies.python_executable()
    assert python != str(shim)
    assert identity_of(python) == identity_of(sys._base_executable)


def test_qgis_own_program_as_sys_executable_is_never_run(monkeypatch, tmp_path):
    """On Windows sys.executable is qgis-bin.exe: running it to ask who it is would open another QGIS."""
    opened = tmp_path / "another-qgis-opened"
    qgis_bin = write_script(tmp_path / "bin" / "qgis-bin", f"#!/bin/sh\ntouch '{opened}'\n")
    monkeypatch.setattr(sys, "executable", str(qgis_bin))
    assert str(qgis_bin) not in qgis_python.candidates()
    assert identity_of(dependencies.python_executable()) == identity_of(sys._base_executable)
    assert not opened.exists()


def test_no_python_that_is_qgis_python_is_refused_naming_both(tmp_path):
    shim, version, prefix = other_python(tmp_path)
    missing = pyenv_shim_without_that_python(tmp_path)
    not_python = write_script(tmp_path / "bin" / "python", "#!/bin/sh\necho hello\n")
    with pytest.raises(qgis_python.QgisPythonNotFound) as refused:
        qgis_python.find([str(shim), str(missing), str(not_python), str(tmp_path / "nowhere" / "python")])
    this_version, this_prefix = identity_of(sys.executable)
    assert str(refused.value).splitlines() == [
        "Cannot install with pip: none of the Python programs found is the one QGIS runs "
        f"(Python {this_version} in {this_prefix}).",
        "Found:",
        f"  {shim} is Python {version} in {prefix}, another Python",
        f"  {missing} is not a Python (exit 127: pyenv: python3.11: command not found)",
        f"  {not_python} is not a Python (exit 0: hello)",
        f"  {tmp_path / 'nowhere' / 'python'} does not run ([Errno 2] No such file or directory: "
        f"'{tmp_path / 'nowhere' / 'python'}')",
        "Install the packages by hand with QGIS's own Python, as below."]


def test_refusal_gives_the_exact_command_to_run_by_hand(monkeypatch, tmp_path):
    shim, _, _ = other_python(tmp_path)
    monkeypatch.setattr(qgis_python, "candidates", lambda: [str(shim)])
    with pytest.raises(RuntimeError) as refused:
        dependencies.python_executable()
    import numpy

    pins = " ".join([*paths.runtime_requirements(), f"numpy=={numpy.__version__}"])
    message = str(refused.value)
    assert f"-m pip install --target {shlex.quote(str(dependencies.dependency_dir()))} {pins}\n" in message
    # The command it gives is one that works: run here, pip accepts it (a dry run, from no index at all).
    line = next(line for line in message.splitlines() if "-m pip install" in line)
    command = [*shlex.split(line), "--dry-run", "--no-index", "--quiet"]
    assert identity_of(command[0]) == identity_of(sys._base_executable)
    done = subprocess.run(command, capture_output=True, text=True)
    assert "No matching distribution found for torch==2.13.0" in done.stderr


# --- What the installer will download, asked of pip before anything is installed ---

class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def local_index(tmp_path, monkeypatch):
    """A package index (PEP 503, as folder listings) on a real HTTP server at 127.0.0.1, set as pip's
    index the way a user sets a mirror (PIP_INDEX_URL). Holds moemae-offline-probe 1.0, which needs
    moemae-offline-dep 2.0. Yields {wheel file name: its size in bytes}."""
    root = tmp_path / "index"
    probe = write_wheel(root / "simple" / "moemae-offline-probe", "moemae-offline-probe", "1.0",
                        "ANSWER = 42\n" + "# padding\n" * 4000, requires=("moemae-offline-dep==2.0",))
    dep = write_wheel(root / "simple" / "moemae-offline-dep", "moemae-offline-dep", "2.0",
                      "".join(f"# {i:x}\n" for i in range(40_000)))  # compresses less: a bigger file
    handler = functools.partial(QuietHandler, directory=root)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("PIP_INDEX_URL", f"http://127.0.0.1:{server.server_port}/simple/")
    yield {probe.name: probe.stat().st_size, dep.name: dep.stat().st_size}
    server.shutdown()
    server.server_close()


def test_plan_says_what_pip_would_download_and_installs_nothing(local_index):
    planned = dependencies.plan(["moemae-offline-probe==1.0"], on_line=lambda line: None)
    assert [(p.name, p.version) for p in planned] == [("moemae-offline-dep", "2.0"),
                                                      ("moemae-offline-probe", "1.0")]
    for package in planned:
        assert package.url.startswith("http://127.0.0.1:")
        assert package.size == local_index[package.url.rsplit("/", 1)[1]]  # from the server's HEAD
    assert planned[0].size > planned[1].size  # biggest first
    sizes = [dependencies.format_size(p.size) for p in planned]
    total = dependencies.format_size(sum(local_index.values()))
    assert dependencies.describe_plan(planned).splitlines() == [
        f"moemae-offline-dep 2.0: {sizes[0]}", f"moemae-offline-probe 1.0: {sizes[1]}",
        f"2 packages, about {total} to download."]
    assert not dependencies.dependency_dir().exists()


def test_plan_refuses_with_pips_words_when_it_cannot_resolve(local_index):
    with pytest.raises(RuntimeError, match=r"pip cannot work out what to install .exit 1.:(?s:.*)No matching "
                                           "distribution found for moemae-offline-probe==3.0"):
        dependencies.plan(["moemae-offline-probe==3.0"], on_line=lambda line: None)


def test_download_size_of_files_and_of_what_cannot_be_reached(tmp_path):
    wheel = write_wheel(tmp_path, "moemae-offline-probe", "1.0", "ANSWER = 42\n")
    assert dependencies.download_size(wheel.as_uri()) == wheel.stat().st_size
    with socket.socket() as closed:  # a port nothing listens on
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    assert dependencies.download_size(f"http://127.0.0.1:{port}/x.whl", timeout_s=5) is None
    unknown = dependencies.PlannedPackage("torch", "2.13.0", f"http://127.0.0.1:{port}/x.whl", None)
    known = dependencies.PlannedPackage("scikit-learn", "1.9.1", wheel.as_uri(), 9_315_422)
    assert dependencies.describe_plan([known, unknown]).splitlines() == [
        "scikit-learn 1.9.1: 9.3 MB", "torch 2.13.0: size not known",
        "2 packages, at least 9.3 MB to download."]
    assert [dependencies.format_size(n) for n in (400, 35_402, 17_276_093, 2_900_000_000)] == [
        "1 kB", "35 kB", "17 MB", "2.9 GB"]


def test_cancel_stops_pip_while_it_prints_nothing():
    """pip prints nothing for minutes while it downloads PyTorch: Cancel must not wait for a line."""
    started = time.monotonic()
    with pytest.raises(RuntimeError, match="installation cancelled"):
        dependencies._run_pip([sys.executable, "-c", "import time; time.sleep(60)"],
                              on_line=lambda line: None,
                              is_cancelled=lambda: time.monotonic() - started > 0.5)
    assert time.monotonic() - started < 5


# --- The plugin's Install…: in a real QgsApplication, with a real QgsMessageBar and real dialogs ---

@pytest.fixture
def plugin_missing_a_package(qgis_iface, monkeypatch, tmp_path):
    """The plugin loaded in QGIS whose Python lacks one required package, moemae-offline-probe (the
    runtime requirement list names it): its "lacks" warning is in the message bar, a real
    QgsMessageBar (pytest-qgis's own only records the texts pushed to it)."""
    from qgis.gui import QgsMessageBar

    import moemae_qgis
    from backend import environment

    bar = QgsMessageBar()
    monkeypatch.setattr(qgis_iface, "messageBar", lambda: bar)

    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.setitem(environment.REQUIRED_MODULES, "moemae_offline_probe", "moemae-offline-probe")
    requirements = tmp_path / "requirements-runtime.txt"
    requirements.write_text("# the one requirement missing here\nmoemae-offline-probe==1.0\n")
    monkeypatch.setattr(paths, "RUNTIME_REQUIREMENTS_FILE", requirements)
    qgis_iface.messageBar().clearWidgets()
    plugin = moemae_qgis.classFactory(qgis_iface)
    plugin.initGui()
    yield plugin
    plugin.unload()
    sys.modules.pop("moemae_offline_probe", None)  # imported once installed: the next test starts without it


def message_bar_texts(iface) -> list[str]:
    return [item.text() for item in iface.messageBar().items()]


def answer_message_boxes(button):
    """Press ``button`` in each modal QMessageBox as it opens, as a user would; returns (texts, timer)."""
    from qgis.PyQt.QtCore import QTimer
    from qgis.PyQt.QtWidgets import QApplication, QMessageBox

    texts = []

    def look():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible():
            texts.append(box.text())
            pressed = box.button(button)
            pressed.click() if pressed is not None else box.reject()  # a box of other buttons: close it

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(50)
    return texts, timer


def wait_until(condition, seconds: float = 120) -> None:
    from qgis.PyQt.QtCore import QCoreApplication

    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        QCoreApplication.processEvents()
        time.sleep(0.02)


def test_install_shows_what_it_downloads_then_clears_the_lacks_warning(plugin_missing_a_package, qgis_iface,
                                                                       local_index):
    from qgis.PyQt.QtWidgets import QMessageBox

    plugin = plugin_missing_a_package
    assert [m.package for m in plugin.missing] == ["moemae-offline-probe"]
    assert message_bar_texts(qgis_iface)[0].startswith("QGIS's Python lacks moemae-offline-probe")
    texts, timer = answer_message_boxes(QMessageBox.StandardButton.Yes)
    plugin.offer_install()
    wait_until(lambda: texts and plugin.install_task is None)
    timer.stop()
    sizes = {name.split("-")[0]: dependencies.format_size(size) for name, size in local_index.items()}
    assert texts == [
        dependencies.missing_message(plugin.missing) + "\n\npip will download and install:\n"
        f"moemae-offline-dep 2.0: {sizes['moemae_offline_dep']}\n"
        f"moemae-offline-probe 1.0: {sizes['moemae_offline_probe']}\n"
        f"2 packages, about {dependencies.format_size(sum(local_index.values()))} to download.\n\n"
        f"with QGIS's Python, {dependencies.python_executable()}.\n\nInstall now?"]
    assert (dependencies.dependency_dir() / "moemae_offline_probe" / "__init__.py").is_file()
    # The stale warning is gone; what is left says the packages are ready.
    assert [t for t in message_bar_texts(qgis_iface) if "lacks" in t] == []
    assert qgis_iface.messageBar().currentItem().text() == "Python packages installed; MoE-MAE is ready."


def test_install_answered_no_installs_nothing(plugin_missing_a_package, qgis_iface, local_index):
    from qgis.PyQt.QtWidgets import QMessageBox

    texts, timer = answer_message_boxes(QMessageBox.StandardButton.No)
    plugin_missing_a_package.offer_install()
    wait_until(lambda: texts and plugin_missing_a_package.install_task is None)
    timer.stop()
    assert "2 packages, about" in texts[0]
    assert not dependencies.dependency_dir().exists()
    assert any(t.startswith("QGIS's Python lacks moemae-offline") for t in message_bar_texts(qgis_iface))


def test_install_with_another_python_is_refused_before_pip_runs(plugin_missing_a_package, qgis_iface,
                                                                monkeypatch, tmp_path):
    from qgis.PyQt.QtWidgets import QMessageBox

    shim, version, prefix = other_python(tmp_path)
    monkeypatch.setattr(sys, "executable", str(shim))
    monkeypatch.setattr(qgis_python, "candidates", lambda: [str(shim)])
    texts, timer = answer_message_boxes(QMessageBox.StandardButton.Ok)
    plugin_missing_a_package.offer_install()
    wait_until(lambda: texts, seconds=30)
    timer.stop()
    assert plugin_missing_a_package.install_task is None  # nothing started
    lines = texts[0].splitlines()
    assert lines[0].startswith("Cannot install with pip: none of the Python programs found is the one QGIS "
                               "runs (Python ")
    assert lines[2] == f"  {shim} is Python {version} in {prefix}, another Python"
    target = shlex.quote(str(dependencies.dependency_dir()))
    assert f"-m pip install --target {target} moemae-offline-probe==1.0" in texts[0]
    assert not dependencies.dependency_dir().exists()


def test_install_that_pip_cannot_resolve_says_why_and_installs_nothing(plugin_missing_a_package, qgis_iface,
                                                                      local_index, tmp_path):
    from qgis.PyQt.QtWidgets import QMessageBox

    paths.RUNTIME_REQUIREMENTS_FILE.write_text("moemae-offline-probe==3.0\n")  # the index has 1.0 only
    texts, timer = answer_message_boxes(QMessageBox.StandardButton.Ok)
    plugin_missing_a_package.offer_install()
    wait_until(lambda: texts and plugin_missing_a_package.install_task is None)
    timer.stop()
    assert texts[0].startswith("pip cannot work out what to install (exit 1):")
    assert "No matching distribution found for moemae-offline-probe==3.0" in texts[0]
    assert "To install them by hand:\nIn a terminal" in texts[0]
    assert not (dependencies.dependency_dir() / "moemae_offline_probe").exists()
    assert any(t.startswith("QGIS's Python lacks moemae-offline") for t in message_bar_texts(qgis_iface))


# --- Which PyTorch build, through which proxy, with which NumPy ---

def fake_nvidia_smi(tmp_path, monkeypatch, answer: str, status: int = 0) -> None:
    """An nvidia-smi first on PATH that answers the installer's query as the real one does."""
    folder = tmp_path / "nvidia-bin"
    folder.mkdir(exist_ok=True)
    write_script(folder / "nvidia-smi",
                 '#!/bin/sh\n[ "$1 $2" = "--query-gpu=driver_version --format=csv,noheader" ] || exit 2\n'
                 f'echo "{answer}"\nexit {status}\n')
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")


@pytest.mark.parametrize("answer, status, variant, words", [
    ("580.65.06", 0, "cu130", "PyTorch for CUDA 13.0, which the NVIDIA driver 580.65.06 runs"),
    ("575.51.03\n575.51.03", 0, "cu128", "CUDA 12.8, which the NVIDIA driver 575.51.03 runs"),
    ("535.104.05", 0, "cu126", "CUDA 12.6"),
    ("470.82.01", 0, "cpu", "the NVIDIA driver 470.82.01 is older than CUDA 12 needs (525)"),
    ("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.", 9, "cpu",
     "no NVIDIA driver found")])
def test_the_pytorch_build_follows_the_nvidia_driver(tmp_path, monkeypatch, answer, status, variant, words):
    fake_nvidia_smi(tmp_path, monkeypatch, answer, status)
    wheels = dependencies.torch_wheels(platform_name="linux")
    assert wheels.index_url == f"{dependencies.PYTORCH_INDEX}/{variant}"
    assert words in wheels.description


def test_without_nvidia_smi_pytorch_is_cpu_only_and_macos_uses_the_index(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # no nvidia-smi anywhere
    assert dependencies.nvidia_driver_version() is None
    assert dependencies.torch_wheels(platform_name="win32").index_url == f"{dependencies.PYTORCH_INDEX}/cpu"
    assert dependencies.torch_wheels(platform_name="darwin").index_url is None
    cpu = dependencies.torch_wheels(platform_name="linux")
    assert dependencies.pip_options(["torch==2.13.0", "platformdirs"], None, cpu) == [
        "--extra-index-url", cpu.index_url]
    assert dependencies.pip_options(["scikit-learn==1.9.1"], None, cpu) == []  # no torch: no index


@pytest.fixture
def torch_index(tmp_path, monkeypatch):
    """The package index at 127.0.0.1 holding a (tiny) torch 1.0, and PyTorch's wheel index beside it
    holding the builds torch 1.0+cpu, +cu126, +cu128, +cu130, as download.pytorch.org/whl does."""
    root = tmp_path / "torch-index"
    write_wheel(root / "simple" / "torch", "torch", "1.0", "BUILD = 'index'\n")
    for variant in ("cpu", "cu126", "cu128", "cu130"):
        write_wheel(root / "whl" / variant / "torch", "torch", f"1.0+{variant}", f"BUILD = {variant!r}\n")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(QuietHandler, directory=root))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("PIP_INDEX_URL", f"http://127.0.0.1:{server.server_port}/simple/")
    monkeypatch.setattr(dependencies, "PYTORCH_INDEX", f"http://127.0.0.1:{server.server_port}/whl")
    yield server.server_port
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("driver, build", [(None, "cpu"), ("575.51.03", "cu128"), ("560.35.03", "cu126")])
def test_pip_resolves_the_build_the_driver_runs(torch_index, tmp_path, monkeypatch, driver, build):
    if driver:
        fake_nvidia_smi(tmp_path, monkeypatch, driver)
    else:
        monkeypatch.setenv("PATH", str(tmp_path))
    options = dependencies.pip_options(["torch==1.0"], None, dependencies.torch_wheels(platform_name="linux"))
    planned = dependencies.plan(["torch==1.0"], on_line=lambda line: None, options=options)
    assert [(p.name, p.version) for p in planned] == [("torch", f"1.0+{build}")]
    assert f"/whl/{build}/torch/" in planned[0].url


class RecordingProxy(http.server.BaseHTTPRequestHandler):
    """An HTTP proxy that asks for Basic credentials, records each request and passes it on to
    127.0.0.1 only (never further)."""

    expected_auth = ""
    requests: ClassVar[list] = []

    def do_GET(self):
        self.forward("GET")

    def do_HEAD(self):
        self.forward("HEAD")

    def forward(self, method: str) -> None:
        if self.headers.get("Proxy-Authorization") != self.expected_auth:
            self.send_response(407)
            self.send_header("Proxy-Authenticate", 'Basic realm="test"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        assert self.path.startswith("http://127.0.0.1:"), self.path  # nothing beyond this machine
        self.requests.append((method, self.path))
        direct = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        try:
            with direct.open(urllib.request.Request(self.path, method=method), timeout=30) as answer:
                status, headers, body = answer.status, answer.headers, answer.read()
        except urllib.error.HTTPError as error:
            status, headers, body = error.code, error.headers, b""
        self.send_response(status)
        for name in ("Content-Type", "Content-Length"):
            if headers.get(name):
                self.send_header(name, headers[name])
        self.end_headers()
        self.wfile.write(body if method == "GET" else b"")

    def log_message(self, *args):
        pass


@pytest.fixture
def recording_proxy(monkeypatch):
    """(QGIS's proxy settings for it, as QgsSettings holds them; the requests it passed on)."""
    for name in ("NO_PROXY", "no_proxy", "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    handler = type("Proxy", (RecordingProxy,), {"requests": [],
                                                 "expected_auth": "Basic " + base64.b64encode(
                                                     b"moemae:p@ss word").decode()})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings = {"proxy/proxyEnabled": "true", "proxy/proxyType": "HttpProxy", "proxy/proxyHost": "127.0.0.1",
                "proxy/proxyPort": str(server.server_port), "proxy/proxyUser": "moemae",
                "proxy/proxyPassword": "p@ss word"}
    yield settings, handler.requests
    server.shutdown()
    server.server_close()


def test_the_proxy_of_qgis_settings_becomes_pips(recording_proxy):
    settings, _ = recording_proxy
    port = settings["proxy/proxyPort"]
    assert dependencies.proxy_url(settings.get) == f"http://moemae:p%40ss%20word@127.0.0.1:{port}"
    assert dependencies.redact(dependencies.proxy_url(settings.get)) == f"http://moemae:****@127.0.0.1:{port}"
    assert dependencies.proxy_url(dict(settings, **{"proxy/proxyEnabled": "false"}).get) is None
    assert dependencies.proxy_url(dict(settings, **{"proxy/proxyType": "DefaultProxy"}).get) is None
    socks = dependencies.proxy_url(dict(settings, **{"proxy/proxyType": "Socks5Proxy"}).get)
    assert socks.startswith("socks5://moemae:")


def test_pip_and_the_size_requests_go_through_qgis_proxy(local_index, recording_proxy):
    settings, requests = recording_proxy
    options = dependencies.pip_options([], dependencies.proxy_url(settings.get))
    lines = []
    planned = dependencies.plan(["moemae-offline-probe==1.0"], on_line=lines.append, options=options)
    assert {p.name: p.size for p in planned} == {
        "moemae-offline-probe": local_index["moemae_offline_probe-1.0-py3-none-any.whl"],
        "moemae-offline-dep": local_index["moemae_offline_dep-2.0-py3-none-any.whl"]}
    paths_asked = [(method, url.split("/", 3)[3]) for method, url in requests]
    assert ("GET", "simple/moemae-offline-probe/") in paths_asked
    assert ("HEAD", "simple/moemae-offline-dep/moemae_offline_dep-2.0-py3-none-any.whl") in paths_asked
    assert "p@ss" not in lines[0] and "p%40ss" not in lines[0] and "moemae:****@127.0.0.1" in lines[0]


def test_a_wrong_proxy_password_fails_with_pips_words_and_no_password(local_index, recording_proxy):
    settings, requests = recording_proxy
    proxy = dependencies.proxy_url(dict(settings, **{"proxy/proxyPassword": "wrong"}).get)
    with pytest.raises(RuntimeError) as failed:
        dependencies.plan(["moemae-offline-probe==1.0"], on_line=lambda line: None,
                          options=dependencies.pip_options([], proxy))
    assert "pip cannot work out what to install" in str(failed.value) and "wrong" not in str(failed.value)
    assert requests == []
    by_hand = dependencies.manual_install_text(["moemae-offline-probe==1.0"], python=sys.executable,
                                               options=dependencies.pip_options([], proxy))
    hidden = shlex.quote(f"http://moemae:****@127.0.0.1:{settings['proxy/proxyPort']}")
    assert f"{sys.executable} -m pip install --target " in by_hand and f" --proxy {hidden} " in by_hand
    assert "in place of ****" in by_hand and "wrong" not in by_hand


def test_the_proxy_keys_are_the_ones_qgis_itself_reads(qgis_app, recording_proxy):
    """QGIS's own network manager, set up from the same QgsSettings keys, uses the same proxy."""
    from qgis.core import QgsNetworkAccessManager, QgsSettings

    settings, _ = recording_proxy
    stored = QgsSettings()
    before = {key: stored.value(key) for key in settings}
    try:
        for key, value in settings.items():
            stored.setValue(key, value)
        manager = QgsNetworkAccessManager.instance()
        manager.setupDefaultProxyAndCache()
        proxy = manager.fallbackProxy()
        port = int(settings["proxy/proxyPort"])
        assert (proxy.hostName(), proxy.port(), proxy.user()) == ("127.0.0.1", port, "moemae")
        assert dependencies.proxy_url(stored.value) == dependencies.proxy_url(settings.get)
    finally:
        for key, value in before.items():
            stored.remove(key) if value is None else stored.setValue(key, value)
        QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()


def test_pip_keeps_the_numpy_qgis_runs(tmp_path, monkeypatch):
    """An index offering a newer NumPy: the plan takes the NumPy QGIS runs, never the newer one."""
    import numpy

    root = tmp_path / "numpy-index"
    for version in (numpy.__version__, "99.0"):
        write_wheel(root / "simple" / "numpy", "numpy", version, "FAKE = True\n")
    write_wheel(root / "simple" / "moemae-needs-numpy", "moemae-needs-numpy", "1.0", "X = 1\n",
                requires=("numpy>=1",))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(QuietHandler, directory=root))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("PIP_INDEX_URL", f"http://127.0.0.1:{server.server_port}/simple/")
    try:
        planned = dependencies.plan(["moemae-needs-numpy==1.0"], on_line=lambda line: None)
    finally:
        server.shutdown()
        server.server_close()
    assert ("numpy", numpy.__version__) in [(p.name, p.version) for p in planned]
    assert "99.0" not in [p.version for p in planned]


def test_install_through_qgis_proxy_that_fails_says_the_command_to_run_by_hand(
        plugin_missing_a_package, qgis_iface, local_index, recording_proxy, tmp_path):
    """The user's QGIS proxy carries pip; the index loses its files between the plan and Yes, so pip
    fails: the message bar says so, and the log gives the one command, with the interpreter found."""
    from qgis.core import QgsApplication, QgsSettings
    from qgis.PyQt.QtWidgets import QMessageBox

    settings, requests = recording_proxy
    stored = QgsSettings()
    before = {key: stored.value(key) for key in settings}
    logged = []

    def record(text, tag, level):
        logged.append(text)

    QgsApplication.messageLog().messageReceived.connect(record)
    try:
        for key, value in settings.items():
            stored.setValue(key, value)
        texts, timer = answer_message_boxes(QMessageBox.StandardButton.Yes)
        timer.timeout.connect(lambda: [wheel.unlink() for wheel in (tmp_path / "index").rglob("*.whl")]
                              if texts else None)
        plugin_missing_a_package.offer_install()
        wait_until(lambda: texts and plugin_missing_a_package.install_task is None
                   and any(t.startswith("Installation failed") for t in message_bar_texts(qgis_iface)))
        timer.stop()
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(record)
        for key, value in before.items():
            stored.remove(key) if value is None else stored.setValue(key, value)
    port = settings["proxy/proxyPort"]
    assert f"Through QGIS's proxy, http://moemae:****@127.0.0.1:{port}." in texts[0]
    assert any(url.endswith("/simple/moemae-offline-probe/") for _, url in requests)
    failure = next(text for text in logged if "To install" in text or "-m pip install --target" in text)
    python = dependencies.python_executable()
    assert f"{python} -m pip install --target " in failure
    assert shlex.quote(f"http://moemae:****@127.0.0.1:{port}") in failure and "p@ss" not in failure
    assert not (dependencies.dependency_dir() / "moemae_offline_probe").exists()

"""Finding and installing missing packages for QGIS's Python, with real pip and real folders.

pip installs from a folder of wheels the tests make (``--no-index --find-links``): the tests
prove the installer, not the network, and pass on a machine without one.
"""
import base64
import hashlib
import subprocess
import sys
import zipfile
from pathlib import Path

import platformdirs
import pytest

from backend import paths
from moemae_qgis import dependencies


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


def test_python_executable_is_this_python_version():
    python = dependencies.python_executable()
    version = subprocess.run([python, "-c", "import sys; print(sys.version_info[:2])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    assert version == str(tuple(sys.version_info[:2]))


def test_install_command_targets_plugin_folder(tmp_path):
    command = dependencies.install_command(tmp_path / "deps", tmp_path / "c.txt")
    assert command[1:4] == ["-m", "pip", "install"]
    assert command[command.index("--target") + 1] == str(tmp_path / "deps")
    assert command[command.index("--constraint") + 1] == str(tmp_path / "c.txt")
    assert command[-3:] == paths.runtime_requirements()


def write_wheel(folder: Path, name: str, version: str, module_text: str) -> Path:
    """A real pure-Python wheel (PEP 427) of one module, with a RECORD pip can check."""
    module = name.replace("-", "_")
    dist_info = f"{module}-{version}.dist-info"
    files = {f"{module}/__init__.py": module_text,
             f"{dist_info}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n",
             f"{dist_info}/WHEEL": "Wheel-Version: 1.0\nGenerator: moemae-tests\nRoot-Is-Purelib: true\n"
                                   "Tag: py3-none-any\n"}
    record = []
    for path, text in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(text.encode())}")
    files[f"{dist_info}/RECORD"] = "\n".join(record + [f"{dist_info}/RECORD,,"]) + "\n"
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
    with pytest.raises(RuntimeError, match="pip failed.*(?s:.*)No matching distribution found for "
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

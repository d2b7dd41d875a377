"""Finding and installing missing packages for QGIS's Python, with real pip and real folders."""
import subprocess
import sys
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


def test_install_puts_packages_in_plugin_folder_and_on_sys_path(monkeypatch, tmp_path):
    """A real pip run (a small pure-Python package) into the plugin's folder."""
    monkeypatch.setenv("MOEMAE_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(sys, "path", list(sys.path))
    lines = []
    target = dependencies.install(["iniconfig==2.3.1"], on_line=lines.append)
    assert target == tmp_path / f"python{sys.version_info[0]}.{sys.version_info[1]}"
    assert (target / "iniconfig" / "__init__.py").is_file()
    assert sys.path[-1] == str(target)  # appended: QGIS's own NumPy keeps priority
    assert lines[0].startswith("$ ") and "--target" in lines[0]


def test_failed_install_raises_with_pips_words(monkeypatch, tmp_path):
    monkeypatch.setenv("MOEMAE_DATA_DIR", str(tmp_path))
    with pytest.raises(RuntimeError, match="pip failed"):
        dependencies.install(["moemae-no-such-package-exists==0.0.1"], on_line=lambda line: None)


def test_activate_adds_existing_folder_once(monkeypatch, tmp_path):
    monkeypatch.setenv("MOEMAE_DATA_DIR", str(tmp_path))
    monkeypatch.setattr(sys, "path", list(sys.path))
    target = dependencies.activate_dependency_dir()
    assert str(target) not in sys.path  # not created yet: nothing to add
    target.mkdir(parents=True)
    dependencies.activate_dependency_dir()
    dependencies.activate_dependency_dir()
    assert sys.path.count(str(target)) == 1

"""`make package` output installs into a throwaway QGIS profile, where qgis_process loads it."""
import importlib.util
import zipfile
from pathlib import Path

import pytest

from helpers import LIVERPOOL, REPO, SAMPLE, classify_request, qgis_process_json, run_qgis_process

spec = importlib.util.spec_from_file_location("package_tool", REPO / "tools" / "package.py")
package_tool = importlib.util.module_from_spec(spec)
spec.loader.exec_module(package_tool)


@pytest.fixture(scope="module")
def plugin_zip(tmp_path_factory) -> Path:
    return package_tool.build_zip(tmp_path_factory.mktemp("dist") / "moemae_qgis.zip")


def test_zip_holds_one_plugin_folder_with_backend_and_resources(plugin_zip):
    names = zipfile.ZipFile(plugin_zip).namelist()
    assert {name.split("/")[0] for name in names} == {"moemae_qgis"}
    for required in ["moemae_qgis/__init__.py", "moemae_qgis/metadata.txt", "moemae_qgis/LICENSE",
                     "moemae_qgis/backend/__init__.py", "moemae_qgis/backend/paths.py",
                     "moemae_qgis/resources/icon.svg", "moemae_qgis/resources/requirements-runtime.txt"]:
        assert required in names
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc") or "/tests/" in n]


def test_zip_is_reproducible(plugin_zip, tmp_path):
    again = package_tool.build_zip(tmp_path / "again.zip")
    assert again.read_bytes() == plugin_zip.read_bytes()


@pytest.mark.slow
def test_unpacked_zip_loads_in_qgis_process(plugin_zip, tmp_path):
    profile = tmp_path / "qgis-config"
    plugins = profile / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    zipfile.ZipFile(plugin_zip).extractall(plugins)

    enable = run_qgis_process(["plugins", "enable", "moemae_qgis"], profile)
    assert enable.returncode == 0, enable.stdout + enable.stderr

    listed = run_qgis_process(["plugins"], profile)
    assert listed.returncode == 0, listed.stderr
    assert "* moemae_qgis" in listed.stdout.splitlines()

    algorithms = qgis_process_json(["list"], profile)
    provider = algorithms["providers"]["moemae"]
    assert provider["name"] == "MoE-MAE land cover"
    assert "moemae:checkenvironment" in provider["algorithms"]

    # The packaged layout imports its backend as moemae_qgis.backend and finds its resources.
    run = qgis_process_json(["run", "moemae:checkenvironment"], profile)
    assert run["results"]["READY"] is True
    assert "moemae-qgis backend" in run["results"]["REPORT"]


@pytest.mark.slow
def test_packaged_plugin_reports_missing_torch_in_qgis_process(plugin_zip, tmp_path):
    """QGIS's own Python (Debian's, without the venv, so no torch): it runs and says what is missing."""
    profile = tmp_path / "qgis-config"
    package_tool.deploy(plugin_zip, profile / "profiles" / "default", enable=True)
    run = qgis_process_json(["run", "moemae:checkenvironment"], profile, python_path=False)
    assert run["results"]["READY"] is False
    assert "torch          MISSING" in run["results"]["REPORT"]


def test_deploy_honours_custom_config_path_and_replaces_old_copy(plugin_zip, tmp_path, monkeypatch):
    monkeypatch.setenv("QGIS_CUSTOM_CONFIG_PATH", str(tmp_path / "cfg"))
    profile = package_tool.qgis_profile_dir()
    assert profile == tmp_path / "cfg" / "profiles" / "default"
    stale = profile / "python" / "plugins" / "moemae_qgis" / "stale_module.py"
    stale.parent.mkdir(parents=True)
    stale.write_text("raise ImportError('old copy')\n")
    target = package_tool.deploy(plugin_zip, profile)
    assert target == stale.parent
    assert not stale.exists()
    assert (target / "backend" / "__init__.py").is_file()
    assert [p.name for p in target.parent.iterdir()] == ["moemae_qgis"]  # no staging left behind
    ini = (profile / "QGIS" / "QGIS3.ini").read_text()
    assert "[PythonPlugins]" in ini and "moemae_qgis=true" in ini


@pytest.mark.slow
def test_classify_from_the_command_line_with_enum_words(plugin_zip, tmp_path):
    """qgis_process.bin run moemae:classify -- INPUT=scene.tif DEVICE=cpu OUTPUT=map.tif"""
    import numpy as np
    from osgeo import gdal

    from backend import data
    from helpers import write_raster

    arrays = data.load(data.open_dataset(SAMPLE))
    crops = np.asarray(arrays.images[:4]).reshape(2, 2, 7, 40, 40)
    pixels = crops.transpose(2, 0, 3, 1, 4).reshape(7, 80, 80)
    scene = write_raster(tmp_path / "scene.tif", pixels)
    profile = tmp_path / "qgis-config"
    package_tool.deploy(plugin_zip, profile / "profiles" / "default", enable=True)
    out = tmp_path / "map.tif"
    run = qgis_process_json(["run", "moemae:classify", "--", f"INPUT={scene}", "DEVICE=cpu", "STRIDE=40",
                             f"OUTPUT={out}"], profile)
    assert run["results"]["OUTPUT"] == str(out)
    written = gdal.Open(str(out))
    assert written.ReadAsArray().shape == (20, 20) and written.GetMetadataItem("RESOLUTION") == "token"


@pytest.mark.slow
def test_ctrl_c_cancels_qgis_process_with_an_error_and_no_output(plugin_zip, tmp_path):
    """SIGINT (Ctrl+C) to a long qgis_process run: QGIS cancels the feedback, the plugin stops at
    its next batch, removes what it was writing and fails (a cancel is not a success)."""
    import os
    import signal
    import subprocess
    import sysconfig
    import time

    from backend.demo_scene import make_demo_scene

    scene = make_demo_scene(SAMPLE, tmp_path / "scene", size=1200)
    profile = tmp_path / "qgis-config"
    package_tool.deploy(plugin_zip, profile / "profiles" / "default", enable=True)
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(profile), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=sysconfig.get_paths()["purelib"], XDG_RUNTIME_DIR=str(profile / "runtime"))
    log = tmp_path / "log.txt"
    with open(log, "w") as out:
        process = subprocess.Popen(["qgis_process.bin", "run", "moemae:classify", "--", f"INPUT={scene}",
                                    "DEVICE=cpu",
                                    "STRIDE=5", "BATCH_SIZE=64", f"OUTPUT={tmp_path / 'map.tif'}"],
                                   stdout=out, stderr=subprocess.STDOUT, env=env, stdin=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while "tiles at stride 5 px" not in log.read_text() and time.monotonic() < deadline:
            assert process.poll() is None, log.read_text()
            time.sleep(0.2)
        time.sleep(2)  # inside the tile loop
        process.send_signal(signal.SIGINT)
        code = process.wait(timeout=60)
    finally:
        process.kill()
    assert code != 0, log.read_text()
    assert "Cancelled: no output was written." in log.read_text()
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith((".tif", ".xml"))]


def test_demo_renderer_draws_the_scene_and_its_map(tmp_path):
    """tools/render_map.py, the last step of make demo: the scene and its styled map side by side."""
    import os
    import subprocess
    import sys

    from qgis.PyQt.QtGui import QImage

    from backend import product, raster
    from backend.catalogue import DEFAULT_CHECKPOINT, DEFAULT_PROBE

    scene = tmp_path / "liverpool.vrt"
    # What make demo draws: the real product, as loadproduct stacks it.
    product.write_stack(product.open_product(LIVERPOOL), scene)
    landcover = tmp_path / "landcover.tif"
    raster.classify_raster(classify_request(
        input=str(scene), output=str(landcover), stride=40, device="cpu", checkpoint=str(DEFAULT_CHECKPOINT),
        probe=str(DEFAULT_PROBE)))
    picture = tmp_path / "landcover.png"
    renderer = REPO / "tools" / "render_map.py"
    command = [sys.executable, str(renderer), str(scene), str(landcover), str(picture), "a caption"]
    result = subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 0, result.stderr
    image = QImage(str(picture))
    assert image.width() > 1000 and 330 < image.height() < 500  # the scene's own shape: 433 × 267 px
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 50  # a scene and a map, not an empty canvas

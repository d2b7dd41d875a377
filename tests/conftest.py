"""Shared fixtures. QGIS itself is started by pytest-qgis (a real QgsApplication, offscreen)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
#: Small real data the tests (and the demo and bench) read; kept out of the plugin zip. See its README.
DATA = REPO / "tests" / "data"
#: 150 real BigEarthNet-L patches in the reference's layout.
SAMPLE = DATA / "bigearthnet-l-sample"
#: A checkpoint in the published format and the embeddings the reference computes from it.
REFERENCE = DATA / "reference"
QGIS_PROCESS = "qgis_process.bin"  # Debian's /usr/bin/qgis_process wrapper passes a flag 3.22 rejects


@pytest.fixture(autouse=True)
def isolated_user_data(tmp_path_factory, monkeypatch):
    """Every test gets its own user data folder: nothing touches the real ~/.local/share."""
    monkeypatch.setenv("MOEMAE_DATA_DIR", str(tmp_path_factory.mktemp("moemae-data")))


def run_qgis_process(args: list[str], profile: Path, timeout: float = 300, python_path: bool = True):
    """Run ``qgis_process.bin`` with a throwaway profile; returns the CompletedProcess.

    With ``python_path`` the venv's site-packages (PyTorch, scikit-learn, platformdirs) are
    visible to QGIS's Python, as the plugin's own dependency folder would make them for a user.
    """
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(profile), QT_QPA_PLATFORM="offscreen")
    env.setdefault("XDG_RUNTIME_DIR", str(profile / "runtime"))
    if python_path:
        env["PYTHONPATH"] = sysconfig.get_paths()["purelib"]
    else:
        env.pop("PYTHONPATH", None)
    return subprocess.run([QGIS_PROCESS, *args], capture_output=True, text=True, env=env,
                          timeout=timeout, stdin=subprocess.DEVNULL)


def qgis_process_json(args: list[str], profile: Path, **kwargs) -> dict:
    """``qgis_process.bin --json ...`` parsed; fails the test with QGIS's own output otherwise."""
    result = run_qgis_process(["--json", *args], profile, **kwargs)
    start = result.stdout.find("{")
    if result.returncode != 0 or start < 0:
        pytest.fail(f"qgis_process {' '.join(args)} exited {result.returncode}\n"
                    f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}")
    return json.loads(result.stdout[start:])


def run_backend_cli(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    """``python -m backend ARGS`` in a fresh interpreter, from the repository root."""
    return subprocess.run([sys.executable, "-m", "backend", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def write_raster(path, pixels, epsg=32634, origin=(500000.0, 7000020.0), data_type=None, descriptions=None,
                 nodata=None):
    """A real GeoTIFF of (bands, H, W) pixels, 30 m pixels in a UTM CRS (zone 34N by default)."""
    from osgeo import gdal, osr

    bands, h, w = pixels.shape
    ds = gdal.GetDriverByName("GTiff").Create(str(path), w, h, bands, data_type or gdal.GDT_UInt16)
    ds.SetGeoTransform((origin[0], 30.0, 0.0, origin[1], 0.0, -30.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    ds.SetProjection(srs.ExportToWkt())
    for b in range(bands):
        band = ds.GetRasterBand(b + 1)
        band.WriteArray(pixels[b])
        if descriptions:
            band.SetDescription(descriptions[b])
        if nodata is not None:
            band.SetNoDataValue(nodata)
    ds = None
    return path


@pytest.fixture(scope="module")
def provider(qgis_processing):
    """The plugin's Processing provider registered, as qgis_process registers it (no GUI)."""
    import moemae_qgis

    plugin = moemae_qgis.classFactory(None)
    plugin.initProcessing()
    yield
    plugin.unload()

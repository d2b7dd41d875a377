"""``make demo``: the most complete real path that exists, end to end.

Builds the plugin zip, installs it into a throwaway QGIS profile under ``out/demo/``, and runs
the plugin's algorithms through ``qgis_process.bin`` exactly as a user on the command line
would. QGIS's Python sees the project's venv (PyTorch and friends) through PYTHONPATH, as it
would see the plugin's own dependency folder on a user's machine. It adds the real USGS
Level-2 product of Liverpool (``tests/data/landsat-c2l2/``, as downloaded: one file per band
and the MTL) with ``moemae:loadproduct``, classifies it with ``moemae:classify`` and renders
the scene in natural colour beside the map and its legend to ``out/demo/landcover.png``.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "out" / "demo"
QGIS_PROCESS = "qgis_process.bin"  # Debian's qgis_process wrapper passes a flag 3.22 rejects
#: The real USGS Level-2 product the demo classifies: Liverpool and the Sefton coast, 2020-09-27.
PRODUCT_ID = "LC08_L2SP_204023_20200927_20201006_02_T1"
#: Pixels between tiles, the default: 308 tiles on the 433 × 267 px crop. RESOLUTION is left at
#: its default (auto), which gives cells of one 4 × 4 px token, 120 m, with the bundled probe.
STRIDE = 20


def qgis_process(*args: str, profile: Path) -> dict:
    env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(profile), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=sysconfig.get_paths()["purelib"])
    env.setdefault("XDG_RUNTIME_DIR", str(profile / "runtime"))
    result = subprocess.run([QGIS_PROCESS, "--json", *args], capture_output=True, text=True, env=env,
                            stdin=subprocess.DEVNULL)
    start = result.stdout.find("{")
    if result.returncode != 0 or start < 0:
        sys.exit(f"demo: qgis_process {' '.join(args)} failed ({result.returncode}):\n"
                 f"{result.stdout}\n{result.stderr}")
    return json.loads(result.stdout[start:])


def gdal_tag(path: Path, name: str) -> str:
    """A GDAL metadata item the map records (what made it: CELL_PX, RESOLUTION, …)."""
    from osgeo import gdal

    value = gdal.Open(str(path)).GetMetadataItem(name)
    if value is None:
        sys.exit(f"demo: {path.name} does not record {name}")
    return value


def main() -> int:
    sys.path[:0] = [str(REPO), str(REPO / "tools")]
    import package

    import backend

    started = time.perf_counter()
    shutil.rmtree(OUT, ignore_errors=True)
    profile = OUT / "qgis-profile"
    zip_path = package.build_zip(REPO / "dist" / f"moemae_qgis-{backend.__version__}.zip")
    package.deploy(zip_path, profile / "profiles" / "default")
    print(f"demo: installed {zip_path.name} into the throwaway profile {profile}")

    report = qgis_process("run", "moemae:checkenvironment", profile=profile)["results"]
    print("demo: moemae:checkenvironment through qgis_process.bin:")
    print("  " + report["REPORT"].replace("\n", "\n  "))
    if not report["READY"]:
        sys.exit("demo: a required Python package is missing (see above); run make setup")

    product = REPO / "tests" / "data" / "landsat-c2l2" / PRODUCT_ID
    if not product.is_dir():
        sys.exit(f"demo: {product} not found: the demo reads the repository's real Landsat product; run "
                 "the demo from a complete clone")
    vrt = OUT / f"{PRODUCT_ID}.vrt"
    print(f"demo: qgis_process.bin run moemae:loadproduct -- INPUT={product.relative_to(REPO)} "
          f"OUTPUT={vrt.name}")
    loaded = qgis_process("run", "moemae:loadproduct", "--", f"INPUT={product}", f"OUTPUT={vrt}",
                          profile=profile)["results"]
    print(f"demo: {loaded['PRODUCT_ID']}, acquired {loaded['ACQUISITION']} UTC, stacked in {vrt.name}")
    landcover = OUT / "landcover.tif"
    print(f"demo: qgis_process.bin run moemae:classify -- INPUT={vrt.name} STRIDE={STRIDE} DEVICE=auto "
          "OUTPUT=landcover.tif")
    result = qgis_process("run", "moemae:classify", "--", f"INPUT={vrt}", f"STRIDE={STRIDE}", "DEVICE=auto",
                          f"OUTPUT={landcover}", profile=profile)
    for line in result.get("log", {}).get("warning", []):
        print(f"demo: warning from moemae:classify: {line}")
    cell_px = int(gdal_tag(landcover, "CELL_PX"))
    print(f"demo: wrote {Path(result['results']['OUTPUT']).relative_to(REPO)} (cells of {cell_px} px)")
    picture = OUT / "landcover.png"
    caption = (f"{loaded['PRODUCT_ID']}, {loaded['ACQUISITION'][:16].replace('T', ' ')} UTC · stride "
               f"{STRIDE} px, {cell_px * 30} m cells · the bundled demonstration model (pretrained on 150 "
               "patches: expect rough maps)")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, str(REPO / "tools" / "render_map.py"), str(vrt), str(landcover), str(picture),
               caption]
    rendered = subprocess.run(command, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if rendered.returncode != 0 or not picture.is_file():
        sys.exit(f"demo: rendering failed:\n{rendered.stdout}{rendered.stderr}")
    print(f"demo: wrote {picture.relative_to(REPO)} (the scene and the map as QGIS draws them, with the "
          "legend)")
    print(f"demo: done in {time.perf_counter() - started:.1f} s; outputs in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

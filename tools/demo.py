"""``make demo``: the most complete real path that exists, end to end.

Builds the plugin zip, installs it into a throwaway QGIS profile under ``out/demo/``, and runs
the plugin's algorithms through ``qgis_process.bin`` exactly as a user on the command line
would. QGIS's Python sees the project's venv (PyTorch and friends) through PYTHONPATH, as it
would see the plugin's own dependency folder on a user's machine. It makes the demo scene
(real BigEarthNet-L pixels, with an MTL file), classifies it with ``moemae:classify`` and
renders the map with its legend to ``out/demo/landcover.png``.
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

    from backend.demo_scene import make_demo_scene
    from backend.paths import REPOSITORY_SAMPLE_DIR as sample

    if not sample.is_dir():
        sys.exit(f"demo: {sample} not found: the demo scene is made from the repository's BigEarthNet-L "
                 "sample; run the demo from a complete clone")

    scene = make_demo_scene(sample, OUT / "scene")
    print(f"demo: made the demo scene {scene.relative_to(REPO)} (with its MTL file)")
    landcover = OUT / "landcover.tif"
    print(f"demo: qgis_process.bin run moemae:classify -- INPUT={scene.name} DEVICE=auto "
          "OUTPUT=landcover.tif")
    result = qgis_process("run", "moemae:classify", "--", f"INPUT={scene}", "DEVICE=auto",
                          f"OUTPUT={landcover}",
                          profile=profile)
    print(f"demo: wrote {Path(result['results']['OUTPUT']).relative_to(REPO)}")
    picture = OUT / "landcover.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    rendered = subprocess.run([sys.executable, str(REPO / "tools" / "render_map.py"), str(scene),
                               str(landcover),
                               str(picture)], env=env, capture_output=True, text=True,
                              stdin=subprocess.DEVNULL)
    if rendered.returncode != 0 or not picture.is_file():
        sys.exit(f"demo: rendering failed:\n{rendered.stdout}{rendered.stderr}")
    print(f"demo: wrote {picture.relative_to(REPO)} (the map as QGIS draws it, with its legend)")
    print(f"demo: done in {time.perf_counter() - started:.1f} s; outputs in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

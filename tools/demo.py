"""``make demo``: the most complete real path that exists, end to end.

Builds the plugin zip, installs it into a throwaway QGIS profile under ``out/demo/``, and runs
the plugin's algorithms through ``qgis_process.bin`` exactly as a user on the command line
would. QGIS's Python sees the project's venv (PyTorch and friends) through PYTHONPATH, as it
would see the plugin's own dependency folder on a user's machine. Then the bundled model embeds
the shared BigEarthNet-L sample and the bundled probe is scored on it, through the CLI.
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

    # The headless path on the bundled model: embed real BigEarthNet-L patches and score the
    # bundled probe on them (the classification algorithm comes with the plugin issue).
    sample = REPO.parent / "shared" / "data" / "bigearthnet-l-sample"
    if not sample.is_dir():
        print(f"demo: {sample} not found; the embedding step is skipped")
    else:
        from backend.catalogue import DEFAULT_CHECKPOINT, DEFAULT_PROBE

        embeddings = OUT / "sample-embeddings.npz"
        for args in (["embed", str(sample), "--checkpoint", str(DEFAULT_CHECKPOINT), "--out", str(embeddings)],
                     ["probe", "eval", str(DEFAULT_PROBE), str(embeddings), "--out", str(OUT / "metrics.json")]):
            print("demo: python -m backend " + " ".join(args))
            result = subprocess.run([sys.executable, "-m", "backend", *args], cwd=REPO, capture_output=True,
                                    text=True, stdin=subprocess.DEVNULL)
            if result.returncode != 0:
                sys.exit(f"demo: failed:\n{result.stderr}")
        scores = json.loads((OUT / "metrics.json").read_text())
        print(f"demo: bundled probe on the 150 sample patches (its own training data): micro mAP "
              f"{scores['micro_map']:.3f}, macro mAP {scores['macro_map']:.3f}")
    print(f"demo: done in {time.perf_counter() - started:.1f} s; outputs in {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

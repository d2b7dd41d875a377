"""moemae-qgis backend: the MoE-MAE model, data, training, probes and raster inference.

Plain Python and PyTorch; never imports qgis, so the same code runs in a test, under
torchrun on a GPU box, behind ``python -m backend`` and inside the QGIS plugin.

Importing this package is cheap and needs only the standard library: the plugin imports
it to find its folders before it knows whether PyTorch is installed.
"""
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def _read_version() -> str:
    # metadata.txt is the one place the version lives. It sits beside backend/ both in the
    # repository and inside the packaged plugin folder.
    metadata = PACKAGE_DIR.parent / "metadata.txt"
    for line in metadata.read_text(encoding="utf-8").splitlines():
        if line.startswith("version="):
            return line.split("=", 1)[1].strip()
    raise RuntimeError(f"no version= line in {metadata}")


__version__ = _read_version()

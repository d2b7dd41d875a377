"""moemae-qgis backend: the MoE-MAE model, data, training, probes and raster inference.

Plain Python and PyTorch; never imports qgis, so the same code runs in a test, under
torchrun on a GPU box, behind ``python -m backend`` and inside the QGIS plugin.

Importing this package is cheap and needs only the standard library: the plugin imports
it to find its folders before it knows whether PyTorch is installed.
"""
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def plugin_metadata() -> dict:
    """The ``key=value`` lines of metadata.txt, the one place the version and the project's
    addresses live. It sits beside backend/ both in the repository and inside the packaged
    plugin folder."""
    metadata = PACKAGE_DIR.parent / "metadata.txt"
    # Comments and indented continuation lines (the packaged changelog) are no keys.
    lines = [line for line in metadata.read_text(encoding="utf-8").splitlines() if line[:1] not in "# \t"]
    return {key.strip(): value.strip() for key, sep, value in (line.partition("=") for line in lines) if sep}


__version__ = plugin_metadata()["version"]

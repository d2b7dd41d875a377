"""The options of a run on a scene, with their defaults named once.

The CLI, the Processing algorithms, the dialog and trainprobe all read their defaults from here,
so a default is never written twice. No torch, no GDAL: the QGIS plugin reads these while it
loads, before it knows whether PyTorch is installed.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .landsat import DEFAULT_QA_MASK

if TYPE_CHECKING:
    from .acquisition import Acquisition

#: Pixels between 40 × 40 px tiles: each pixel is then seen by 4 tiles, the map's cost and its
#: smoothness in balance (the cells are 120 m tokens all the same where the probe allows it).
DEFAULT_STRIDE_PX = 20
#: Tiles per encoder call (``backend.raster.effective_batch_size`` lowers it to what the device holds).
DEFAULT_BATCH_SIZE = 256
#: "auto": CUDA, then Apple's MPS, then the CPU (``backend.device.resolve_device``).
DEFAULT_DEVICE = "auto"
#: "auto": told from the data type and values (``backend.pixel_quality.resolve_scale``).
DEFAULT_INPUT_SCALE = "auto"

#: A map's cells: "tile" one per stride; "token" one per 4 × 4 px token (120 m); "pixel" one per
#: 30 m pixel, on the input's own grid (``backend.tiling.PIXEL_SHIFTS_PX``); "auto" token where
#: the probe allows it, else tile.
RESOLUTIONS = ("auto", "tile", "token", "pixel")
#: The cells of features rather than classes (an embedding raster or field, a probe's samples):
#: no pixel, since a pixel's features would only repeat its tokens'.
FEATURE_RESOLUTIONS = ("auto", "tile", "token")
#: A map's default cells: 120 m tokens where the probe allows it (``backend.catalogue.token_cells``).
MAP_RESOLUTION_DEFAULT = "auto"
#: An embedding raster's default cells: one per stride, since a field of 120 m cells is
#: (stride / 4)² times as large (25× at stride 20: 2.2 GB of float32 for a whole scene).
EMBEDDING_RESOLUTION_DEFAULT = "tile"


@dataclass(frozen=True)
class SceneOptions:
    """How a scene is read and encoded: the options a classification, an embedding raster and a
    probe fitted on training areas share.

    ``bands``: 1-based band numbers of SR_B1…SR_B7 (None: by band name, see
    ``backend.scene.band_mapping``); ``qa_pixel``: a QA_PIXEL file on the input's grid (a product
    brings its own); ``mask``: the QA_PIXEL flags that mask a pixel; ``input_scale``: "auto", "dn"
    or "reflectance"; ``stride``: px between tiles; ``resolution``: one of :data:`RESOLUTIONS`, or
    None for the run's own default (a map's :data:`MAP_RESOLUTION_DEFAULT`, an embedding raster's
    :data:`EMBEDDING_RESOLUTION_DEFAULT`); ``acquisition``: the date and where it was found (None:
    unknown, encoded as missing); ``window``: (x0, y0, width, height) px of the input to work on,
    as ``backend.grids.overlap`` gives it (None: all of it): the outputs then lie on that window's
    grid, so two dates cut to their common window have the same tiles and 120 m cells.
    """

    bands: list[int] | None = None
    qa_pixel: str | None = None
    mask: tuple[str, ...] = DEFAULT_QA_MASK
    input_scale: str = DEFAULT_INPUT_SCALE
    stride: int = DEFAULT_STRIDE_PX
    resolution: str | None = None
    use_metadata: bool = True
    device: str = DEFAULT_DEVICE
    batch_size: int = DEFAULT_BATCH_SIZE
    acquisition: Acquisition | None = None
    window: tuple[int, int, int, int] | None = None

    def resolution_or(self, default: str) -> str:
        """The resolution asked for, or ``default`` (the run's own) when none was."""
        return self.resolution or default

"""Facts about the model's input, in one place: band order, patch size, fill value, statistics.

Everything that reads pixels (datasets, raster inference, the plugin's band mapping) imports
these; nothing else states them.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import torch

#: Landsat 8/9 Collection 2 Level-2 surface-reflectance bands, in the order the model expects.
BANDS = ("SR_B1", "SR_B2", "SR_B3", "SR_B4", "SR_B5", "SR_B6", "SR_B7")
NUM_BANDS = len(BANDS)
#: A band description that names a Collection 2 product band (``SR_B4``, ``…_ST_B10``,
#: ``QA_PIXEL``): a raster whose bands are named so is picked by name, never by position.
LANDSAT_BAND_NAME = re.compile(r"(^|_)(SR_B\d+|ST_B\d+|QA_[A-Z]+|SR_QA_AEROSOL)$")

#: Collection 2 Level-2 surface reflectance from digital numbers: reflectance = DN × scale + offset
#: (USGS, the same for SR_B1…SR_B7 of Landsat 8 and 9; the MTL repeats it per band).
SR_SCALE = 0.0000275
SR_OFFSET = -0.2
#: Largest Level-2 digital number (UInt16): values above it, or below 0, are no reflectance.
DN_MAX = 65535

#: A Landsat product id, ``LC08_L2SP_204023_20200927_20201006_02_T1``: sensor and satellite,
#: processing level, path and row, acquisition date, processing date, collection, category.
PRODUCT_ID = re.compile(r"(?P<sensor>L[COTEM])(?P<satellite>0\d)_(?P<level>L[12][A-Z]{2})_"
                        r"(?P<path_row>\d{6})_"
                        r"(?P<acquired>\d{8})_(?P<processed>\d{8})_(?P<collection>\d{2})_(?P<category>[A-Z0-9]{2})")

#: Launch dates (USGS): no scene of Landsat 8 or 9 was acquired before its satellite flew.
LAUNCHED = {"08": (2013, 2, 11), "09": (2021, 9, 27)}
#: The WRS-2 grid of Landsat 4-9 scenes: paths 1-233, rows 1-248.
WRS2_PATHS, WRS2_ROWS = 233, 248

#: The name of the Collection 2 pixel-quality band, in a product and as a band description.
QA_PIXEL = "QA_PIXEL"
#: Bits of the Collection 2 QA_PIXEL band (Landsat 8/9 Level-2) that can mask a pixel, by name.
#: Bit 6 is "clear" and bits 8-15 are confidences: they mask nothing here.
QA_PIXEL_BITS = {"fill": 0, "dilated cloud": 1, "cirrus": 2, "cloud": 3, "cloud shadow": 4, "snow": 5,
                 "water": 7}
#: What QA_PIXEL masks unless the user says otherwise: no data, clouds and their shadows.
DEFAULT_QA_MASK = ("fill", "dilated cloud", "cloud", "cloud shadow")

#: Ground size of a Landsat 8/9 Level-2 surface-reflectance pixel, in metres.
PIXEL_M = 30
#: Side of one model input tile, in pixels (30 m Landsat pixels: 1.2 km).
PATCH_SIZE_PX = 40
#: Side of one transformer token's square of pixels (a 10 × 10 grid of tokens per tile).
TOKEN_PATCH_PX = 4
#: Digital number the Level-2 product uses for "no data".
FILL_VALUE = 0

#: Per-band z-score statistics of BigEarthNet-L, in raw uint16 digital numbers (no
#: 0.0000275 scale or -0.2 offset applied), as the published model was trained with.
NORM_MEAN = (9405.194, 9649.677, 10425.686, 10444.589, 16067.627, 12699.184, 10596.475)
NORM_STD = (6016.344, 6095.472, 5839.462, 6068.493, 6271.440, 4256.046, 3130.776)


def normalize(digital_numbers: np.ndarray | torch.Tensor, mean: Sequence[float] = NORM_MEAN,
              std: Sequence[float] = NORM_STD) -> np.ndarray | torch.Tensor:
    """Z-score raw digital numbers band by band: (x - mean) / std.

    ``digital_numbers``: array or tensor (..., 7, H, W) of SR_B1…SR_B7 digital numbers;
    ``mean``, ``std``: 7 per-band statistics (default: BigEarthNet-L's, as the published model
    was trained with; a checkpoint may state others, ``MoEMAE.normalization``).
    Returns float32 of the same shape: a NumPy array for a NumPy input, else a tensor on the
    input's device.
    """
    import numpy as np

    if isinstance(digital_numbers, np.ndarray):
        mean = np.asarray(mean, dtype=np.float32)[:, None, None]
        std = np.asarray(std, dtype=np.float32)[:, None, None]
        return (digital_numbers.astype(np.float32) - mean) / std
    import torch

    x = digital_numbers.to(torch.float32)
    mean = torch.tensor(mean, dtype=torch.float32, device=x.device)[:, None, None]
    std = torch.tensor(std, dtype=torch.float32, device=x.device)[:, None, None]
    return (x - mean) / std

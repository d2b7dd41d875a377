"""What an input pixel's values mean: digital numbers or reflectance, and whether to use it.

- The input scale: Level-2 digital numbers (the model's own unit) or surface reflectance as
  floats (what other tools export: DN × 0.0000275 − 0.2), told apart by the data type and the
  values (:func:`resolve_scale`) and converted back to digital numbers before the z-score
  (:func:`to_digital_numbers`).
- Why a pixel is not used, as a code per pixel (:func:`reasons`): a QA_PIXEL flag the user
  masks (fill, cloud, cloud shadow, …), else "no data" (fill in the bands, a nodata value, a
  value that is no digital number). A tile more than half such pixels gives no prediction.
"""
from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from osgeo import gdal

from . import landsat
from .errors import UserError
from .geo import INTEGER_TYPES
from .landsat import DN_MAX

#: INPUT_SCALE's choices: decide from the data, digital numbers, surface reflectance.
INPUT_SCALES = ("auto", "dn", "reflectance")
#: Reflectance of the digital numbers 0 and 65535: a reflectance raster lies within (a little
#: slack for rounding in other tools' exports).
REFLECTANCE_RANGE = (landsat.SR_OFFSET - 1e-3, DN_MAX * landsat.SR_SCALE + landsat.SR_OFFSET + 1e-3)
#: Windows read to tell the scale of a float raster: a 5 × 5 grid of 64 × 64 px.
SAMPLE_WINDOWS, SAMPLE_SIZE = 5, 64

#: The QA_PIXEL flags in the order that names a pixel's reason (the first set one wins), then
#: "no data" for pixels the bands themselves mark. A pixel's code is its index here + 1; 0: used.
REASONS = ("fill", "cloud", "cloud shadow", "dilated cloud", "cirrus", "snow", "water", "no data")
NO_DATA_CODE = len(REASONS)


def check_mask(names: Iterable[str]) -> tuple:
    """The QA_PIXEL flags to mask, validated: a tuple of names of ``landsat.QA_PIXEL_BITS``
    (``cloud-shadow`` and ``cloud_shadow`` read as ``cloud shadow``; ``none``: mask nothing)."""
    names = tuple(dict.fromkeys(str(n).strip().lower().replace("-", " ").replace("_", " ") for n in names))
    if names == ("none",):
        return ()
    unknown = [n for n in names if n not in landsat.QA_PIXEL_BITS]
    if unknown:
        raise UserError(f"{', '.join(map(repr, unknown))}: no QA_PIXEL flag of that name; the mask is "
                        f"made of {', '.join(landsat.QA_PIXEL_BITS)} (or none)")
    return names


def reasons(qa: np.ndarray | None, mask: tuple, invalid: np.ndarray) -> np.ndarray:
    """(H, W) uint8 codes: 0 where a pixel is used; else 1 + its reason's index in
    :data:`REASONS`. ``qa``: (H, W) QA_PIXEL values or None; ``mask``: the flags to mask;
    ``invalid``: (H, W) True where the bands hold no reflectance."""
    codes = np.where(invalid, NO_DATA_CODE, 0).astype(np.uint8)
    if qa is None:
        return codes
    qa = qa.astype(np.uint16)
    for code in range(len(REASONS) - 1, 0, -1):  # backwards, so that the first reason wins
        name = REASONS[code - 1]
        if name in mask:
            codes[(qa >> landsat.QA_PIXEL_BITS[name]) & 1 == 1] = code
    return codes


def describe_counts(counts: dict, total: int, unit: str = "") -> str:
    """``{code: n}`` as "cloud 25.3 %, fill 10.1 %" (shares of ``total``), largest first."""
    parts = sorted(((n, REASONS[code - 1]) for code, n in counts.items() if code and n), reverse=True)
    if unit:
        return ", ".join(f"{n} {unit} {name}" for n, name in parts)
    return ", ".join(f"{name} {_percent(n, total)}" for n, name in parts)


def _percent(n: int, total: int) -> str:
    share = 100 * n / max(total, 1)
    return f"{share:.1f} %" if share >= 0.05 else "< 0.1 %"


# --------------------------------------------------------------------------- the input scale
def resolve_scale(dataset: gdal.Dataset, bands: list, declared: str, name: str) -> str:
    """"dn" or "reflectance": ``declared``, checked against the data type, or for "auto" told
    from the data type (integers: digital numbers) and, for floats, the values."""
    if declared not in INPUT_SCALES:
        raise UserError(f"INPUT_SCALE must be one of {', '.join(INPUT_SCALES)}, not {declared!r}")
    is_integer = dataset.GetRasterBand(bands[0]).DataType in INTEGER_TYPES
    if declared == "reflectance" and is_integer:
        raise UserError(f"{name} holds integers, but INPUT_SCALE says reflectance (floats from "
                        f"{landsat.SR_OFFSET:g} to 1.6); leave INPUT_SCALE on auto for Level-2 digital "
                        "numbers")
    if declared == "reflectance" or is_integer:
        return "dn" if declared == "auto" else declared
    values = _sample(dataset, bands)
    if declared == "dn":
        if values.size and np.any(values != np.round(values)):
            raise UserError(f"{name} holds floats that are not whole numbers (from {values.min():g} to "
                            f"{values.max():g}), but INPUT_SCALE says digital numbers; leave it on auto, or "
                            "say reflectance")
        return "dn"
    if values.size == 0:
        return "dn"  # nothing valid to tell by: every tile will be refused as no data anyway
    low, high = np.percentile(values, [0.1, 99.9])
    if REFLECTANCE_RANGE[0] <= low and high <= REFLECTANCE_RANGE[1]:
        return "reflectance"
    if low >= 0 and high <= DN_MAX and np.all(values == np.round(values)):
        return "dn"
    raise UserError(f"{name} holds floating-point values from {low:g} to {high:g}: neither Level-2 digital "
                    f"numbers (whole numbers 0-{DN_MAX}) nor surface reflectance ({landsat.SR_OFFSET:g} to "
                    "1.6, DN × 0.0000275 − 0.2). Export the bands unscaled, or as reflectance with the USGS "
                    "scale, or set INPUT_SCALE if you know which it is")


def _sample(dataset: gdal.Dataset, bands: list) -> np.ndarray:
    """Finite values, not a band's nodata, from windows spread over the raster (1-D float64)."""
    width, height = dataset.RasterXSize, dataset.RasterYSize
    size_x, size_y = min(SAMPLE_SIZE, width), min(SAMPLE_SIZE, height)
    found = []
    for y0 in np.linspace(0, height - size_y, SAMPLE_WINDOWS).astype(int):
        for x0 in np.linspace(0, width - size_x, SAMPLE_WINDOWS).astype(int):
            for number in bands:
                band = dataset.GetRasterBand(number)
                values = band.ReadAsArray(int(x0), int(y0), size_x, size_y).astype(np.float64).ravel()
                keep = np.isfinite(values) & (values != 0)  # 0: fill, whatever the scale
                if band.GetNoDataValue() is not None:
                    keep &= values != band.GetNoDataValue()
                found.append(values[keep])
    return np.concatenate(found)


def to_digital_numbers(pixels: np.ndarray, scale: str) -> tuple[np.ndarray, np.ndarray]:
    """(7, H, W) pixels in ``scale`` → (the same as digital numbers, (H, W) True where a pixel
    holds no digital number: not finite, or outside 0-65535 once converted)."""
    if scale == "reflectance":
        with np.errstate(invalid="ignore"):
            pixels = np.rint((pixels.astype(np.float64) - landsat.SR_OFFSET) / landsat.SR_SCALE)
    if pixels.dtype == np.uint16:
        return pixels, np.zeros(pixels.shape[1:], bool)
    with np.errstate(invalid="ignore"):
        bad = np.any(~np.isfinite(pixels) | (pixels < 0) | (pixels > DN_MAX), axis=0)
    return pixels, bad

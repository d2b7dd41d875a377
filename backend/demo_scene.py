"""A realistic demo scene: a Landsat-like 7-band GeoTIFF made of real BigEarthNet-L pixels.

The scene is a landscape of irregular fields (a Voronoi partition); each field is textured
with one real 40 × 40 patch of a BigEarthNet-L sample (the repository's, in tests/data),
mirrored to fill it, so that spectra and texture are those of real Landsat 8 surface reflectance.
It is georeferenced in UTM zone 34N (where the sample lies), written as UInt16 digital numbers
with bands named SR_B1…SR_B7, next to a Landsat MTL file giving the acquisition date and time,
and named like a Level-2 product.
"""
from __future__ import annotations

import shutil
import tarfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from osgeo import gdal, osr

from . import data, geo, landsat
from .errors import UserError
from .files import remove_stale_temporaries, temporary_name, write_atomically

PRODUCT_ID = "LC08_L2SP_190016_20170613_20200903_02_T1"
ACQUIRED = ("2017-06-13", "09:42:31.1200000Z")
ORIGIN = (460000.0, 7020000.0)  # UTM 34N, western Finland
EPSG = 32634


@geo.with_gdal_exceptions
def make_demo_scene(sample_dir: str | Path, out_dir: str | Path, size: int = 400, fields: int = 14,
                    seed: int = 7) -> Path:
    """Write ``<out>/<product id>_SR_stack.tif`` (size × size px) and its ``_MTL.txt``; returns the tif."""
    layout = _field_layout(sample_dir, size, size, fields, seed)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{PRODUCT_ID}_SR_stack.tif"
    tmp = temporary_name(path, "part.tif")  # renamed when complete: a killed run leaves no half scene
    remove_stale_temporaries(path)
    try:
        options = ["COMPRESS=DEFLATE", "TILED=YES", "BIGTIFF=IF_SAFER"]
        ds = _create(tmp, size, size, landsat.NUM_BANDS, options)
        _paint_fields([ds.GetRasterBand(b + 1) for b in range(landsat.NUM_BANDS)], layout)
        for b, name in enumerate(landsat.BANDS):
            band = ds.GetRasterBand(b + 1)
            band.SetDescription(name)
            band.SetNoDataValue(landsat.FILL_VALUE)
        ds = None
        write_atomically(out / f"{PRODUCT_ID}_MTL.txt", lambda f: f.write(_mtl()))
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


#: QA_PIXEL of a fill pixel, and of a clear land pixel: bit 6 "clear", and "low" (01) in each
#: two-bit confidence (cloud 8-9, cloud shadow 10-11, snow/ice 12-13, cirrus 14-15), as USGS
#: writes them: 1 and 21824.
QA_FILL = 1 << landsat.QA_PIXEL_BITS["fill"]
QA_CLEAR = (1 << 6) | 0b01_01_01_01 << 8
#: A whole Landsat 8/9 Level-2 scene: its grid (px) and, inside it, the footprint of the
#: 185 km swath, 180 km along track (in px of 30 m), turned by the orbit's heading.
WHOLE_SCENE_PX = (7700, 7800)
FOOTPRINT_PX, FOOTPRINT_DEGREES = (6170, 6000), 12.0
#: How USGS writes the band files of a Collection 2 product: cloud-optimised GeoTIFFs, tiled
#: 256 × 256, DEFLATE with horizontal differencing (overviews left out: nothing here reads them).
USGS_TIFF_OPTIONS = ["COMPRESS=DEFLATE", "PREDICTOR=2", "TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256",
                     "NUM_THREADS=ALL_CPUS", "BIGTIFF=IF_SAFER"]


@geo.with_gdal_exceptions
def make_scene_product(sample_dir: str | Path, out_dir: str | Path, size: tuple = WHOLE_SCENE_PX,
                       fields: int = 40, seed: int = 7, days_later: int = 0) -> Path:
    """Write ``<out>/<product id>.tar``, a Level-2 product in USGS's layout and size: SR_B1…SR_B7,
    QA_PIXEL and the MTL file, the scene's fields inside a turned footprint with fill (0, QA_PIXEL
    fill) around it, as a real scene's grid holds. ``size``: (width, height) px; ``days_later``:
    acquired that many days after :data:`ACQUIRED` (another product of the same path/row, as a
    mosaic's or a time series' inputs are). Returns the tar."""
    width, height = size
    product_id, day = _product_of(days_later)
    layout = _field_layout(sample_dir, width, height, fields, seed)
    out = Path(out_dir)
    folder = out / f"{product_id}.part"
    tar_path = out / f"{product_id}.tar"
    tmp = temporary_name(tar_path, "part")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    try:
        names = [f"{product_id}_{band}.TIF" for band in (*landsat.BANDS, "QA_PIXEL")]
        files = [_create(folder / name, width, height, 1, USGS_TIFF_OPTIONS) for name in names]
        _paint_fields([f.GetRasterBand(1) for f in files], layout, footprint=_footprint(width, height))
        del files  # closes them
        mtl = f"{product_id}_MTL.txt"
        (folder / mtl).write_text(_mtl(names, product_id, day))
        with tarfile.open(tmp, "w") as tar:  # USGS delivers an uncompressed tar
            for name in [*names, mtl]:
                tar.add(folder / name, arcname=name)
        tmp.replace(tar_path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return tar_path


def _create(path: Path, width: int, height: int, bands: int, options: list) -> gdal.Dataset:
    """A UInt16 GeoTIFF on the demo's UTM grid (30 m pixels)."""
    ds = gdal.GetDriverByName("GTiff").Create(str(path), width, height, bands, gdal.GDT_UInt16,
                                              options=options)
    ds.SetGeoTransform((ORIGIN[0], 30.0, 0.0, ORIGIN[1], 0.0, -30.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    ds.SetProjection(srs.ExportToWkt())
    return ds


def _product_of(days_later: int) -> tuple[str, str]:
    """(product id, acquisition date) of the demo product acquired ``days_later`` days after it."""
    from datetime import date, timedelta

    day = date.fromisoformat(ACQUIRED[0]) + timedelta(days=days_later)
    parts = PRODUCT_ID.split("_")
    parts[3] = day.strftime("%Y%m%d")
    return "_".join(parts), day.isoformat()


def _mtl(files: Sequence[str] = (), product_id: str = PRODUCT_ID, day: str = ACQUIRED[0]) -> str:
    """The MTL file: the acquisition and, for a product, its id, level and files."""
    listed = "".join(f'    FILE_NAME_{_MTL_KEYS[Path(name).stem.split("_", 7)[-1]]} = "{name}"\n'
                     for name in files)
    contents = (f'  GROUP = PRODUCT_CONTENTS\n    LANDSAT_PRODUCT_ID = "{product_id}"\n'
                f'    PROCESSING_LEVEL = "L2SP"\n{listed}  END_GROUP = PRODUCT_CONTENTS\n') if files else ""
    return ("GROUP = LANDSAT_METADATA_FILE\n" + contents + "  GROUP = IMAGE_ATTRIBUTES\n"
            f"    SPACECRAFT_ID = \"LANDSAT_8\"\n    DATE_ACQUIRED = {day}\n"
            f"    SCENE_CENTER_TIME = \"{ACQUIRED[1]}\"\n  END_GROUP = IMAGE_ATTRIBUTES\n"
            "END_GROUP = LANDSAT_METADATA_FILE\nEND\n")


#: The MTL's PRODUCT_CONTENTS key of each file (FILE_NAME_<key>), as USGS names them.
_MTL_KEYS = {**{band: f"BAND_{band[-1]}" for band in landsat.BANDS}, "QA_PIXEL": "QUALITY_L1_PIXEL"}


def _field_layout(sample_dir: str | Path, width: int, height: int, fields: int, seed: int) -> dict:
    """The fields of a scene: their seeds (px), the real patch each is textured with, and the
    phases of the wobble of their borders."""
    arrays = data.load(data.open_dataset(sample_dir))
    images = np.asarray(arrays.images)
    fill = np.all(images == 0, axis=1).mean(axis=(1, 2))
    bright = images[:, 1:4].mean(axis=(1, 2, 3))  # clouds and snow: blue-green-red far above the land
    usable = np.flatnonzero((fill < 0.01) & (bright < 14000))
    if len(usable) < fields:
        raise UserError(f"{sample_dir} has only {len(usable)} patches without fill; need {fields}")
    rng = np.random.default_rng(seed)
    seeds = rng.uniform(0, [width, height], (fields, 2)).astype(np.float32)
    chosen = rng.choice(usable, fields, replace=False)
    phases = rng.uniform(0, 6, 2)
    p = landsat.PATCH_SIZE_PX
    tiles = []
    for index in chosen:
        patch = data.resize_to_patch(images[index], size=3 * p)  # 3× larger: fewer visible repeats
        tile = np.concatenate([patch, patch[:, ::-1]], axis=1)  # mirrored: seamless repeats
        tiles.append(np.concatenate([tile, tile[:, :, ::-1]], axis=2))
    return {"width": width, "height": height, "tiles": tiles, "seeds": seeds, "phases": phases}


def _footprint(width: int, height: int):
    """(rows, cols) → True inside the turned footprint of a scene centred in the grid (scaled
    with the grid when it is not a whole scene's)."""
    turn = np.radians(FOOTPRINT_DEGREES)
    half_across = FOOTPRINT_PX[0] / 2 * width / WHOLE_SCENE_PX[0]
    half_along = FOOTPRINT_PX[1] / 2 * height / WHOLE_SCENE_PX[1]

    def inside(yy: np.ndarray, xx: np.ndarray) -> np.ndarray:
        dx, dy = xx - width / 2, yy - height / 2
        across = dx * np.cos(turn) + dy * np.sin(turn)
        along = -dx * np.sin(turn) + dy * np.cos(turn)
        return (np.abs(across) < half_across) & (np.abs(along) < half_along)
    return inside


def _paint_fields(bands: list, layout: dict, footprint=None) -> None:
    """Write the fields into the 7 SR ``bands`` (and, with ``footprint``, fill outside it and an
    8th band, QA_PIXEL) a block of rows at a time: each pixel takes its field's tile."""
    width, height, tiles, seeds, phases = (layout[k] for k in ("width", "height", "tiles", "seeds", "phases"))
    period = tiles[0].shape[1]
    # Rows at a time: the (fields, rows, width) distances stay near 100 MB for any size.
    block = max(1, min(height, 25_000_000 // (width * len(tiles))))
    for top in range(0, height, block):
        rows = min(block, height - top)
        yy, xx = np.mgrid[top:top + rows, 0:width].astype(np.float32)
        # Irregular fields: nearest seed, with wobbly borders from a little low-frequency noise.
        wobble = 480 * np.sin(xx / 23.0 + phases[0]) * np.cos(yy / 31.0 + phases[1])
        distance = (xx[None] - seeds[:, 0, None, None]) ** 2 + (yy[None] - seeds[:, 1, None, None]) ** 2
        field_of = np.argmin(distance + wobble[None], axis=0)
        pixels = np.zeros((landsat.NUM_BANDS, rows, width), np.uint16)
        iy, ix = yy.astype(np.int64) % period, xx.astype(np.int64) % period
        for k, tile in enumerate(tiles):
            mask = field_of == k
            pixels[:, mask] = tile[:, iy[mask], ix[mask]]
        if footprint is not None:
            inside = footprint(yy, xx)
            pixels[:, ~inside] = landsat.FILL_VALUE
            bands[landsat.NUM_BANDS].WriteArray(np.where(inside, QA_CLEAR, QA_FILL).astype(np.uint16), 0, top)
        for b in range(landsat.NUM_BANDS):
            bands[b].WriteArray(pixels[b], 0, top)

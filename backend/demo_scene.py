"""A realistic demo scene: a Landsat-like 7-band GeoTIFF made of real BigEarthNet-L pixels.

The scene is a landscape of irregular fields (a Voronoi partition); each field is textured
with one real 40 × 40 patch of a BigEarthNet-L sample (the repository's, in tests/data),
mirrored to fill it, so that spectra and texture are those of real Landsat 8 surface reflectance.
It is georeferenced in UTM zone 34N (where the sample lies), written as UInt16 digital numbers
with bands named SR_B1…SR_B7, next to a Landsat MTL file giving the acquisition date and time,
and named like a Level-2 product.
"""
from __future__ import annotations

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
    arrays = data.load(data.open_dataset(sample_dir))
    images = np.asarray(arrays.images)
    fill = np.all(images == 0, axis=1).mean(axis=(1, 2))
    bright = images[:, 1:4].mean(axis=(1, 2, 3))  # clouds and snow: blue-green-red far above the land
    usable = np.flatnonzero((fill < 0.01) & (bright < 14000))
    if len(usable) < fields:
        raise UserError(f"{sample_dir} has only {len(usable)} patches without fill; need {fields}")
    rng = np.random.default_rng(seed)
    seeds = rng.uniform(0, size, (fields, 2)).astype(np.float32)
    chosen = rng.choice(usable, fields, replace=False)
    phases = rng.uniform(0, 6, 2)
    p = landsat.PATCH_SIZE_PX
    tiles = []
    for index in chosen:
        patch = data.resize_to_patch(images[index], size=3 * p)  # 3× larger: fewer visible repeats
        tile = np.concatenate([patch, patch[:, ::-1]], axis=1)  # mirrored: seamless repeats
        tiles.append(np.concatenate([tile, tile[:, :, ::-1]], axis=2))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{PRODUCT_ID}_SR_stack.tif"
    tmp = temporary_name(path, "part.tif")  # renamed when complete: a killed run leaves no half scene
    remove_stale_temporaries(path)
    try:
        ds = gdal.GetDriverByName("GTiff").Create(str(tmp), size, size, landsat.NUM_BANDS, gdal.GDT_UInt16,
                                                  options=["COMPRESS=DEFLATE", "TILED=YES",
                                                           "BIGTIFF=IF_SAFER"])
        ds.SetGeoTransform((ORIGIN[0], 30.0, 0.0, ORIGIN[1], 0.0, -30.0))
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(EPSG)
        ds.SetProjection(srs.ExportToWkt())
        _paint_fields(ds, size, tiles, seeds, phases)
        for b, name in enumerate(landsat.BANDS):
            band = ds.GetRasterBand(b + 1)
            band.SetDescription(name)
            band.SetNoDataValue(landsat.FILL_VALUE)
        ds = None
        mtl = ("GROUP = LANDSAT_METADATA_FILE\n  GROUP = IMAGE_ATTRIBUTES\n"
               f"    SPACECRAFT_ID = \"LANDSAT_8\"\n    DATE_ACQUIRED = {ACQUIRED[0]}\n"
               f"    SCENE_CENTER_TIME = \"{ACQUIRED[1]}\"\n  END_GROUP = IMAGE_ATTRIBUTES\n"
               "END_GROUP = LANDSAT_METADATA_FILE\nEND\n")
        write_atomically(out / f"{PRODUCT_ID}_MTL.txt", lambda f: f.write(mtl))
        tmp.replace(path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def _paint_fields(ds, size: int, tiles: list, seeds, phases) -> None:
    """Write the fields into ``ds`` a block of rows at a time: each pixel takes its field's tile."""
    period = tiles[0].shape[1]
    block = max(1, min(size, 2_000_000 // size))  # rows at a time: memory stays small for any size
    for top in range(0, size, block):
        rows = min(block, size - top)
        yy, xx = np.mgrid[top:top + rows, 0:size].astype(np.float32)
        # Irregular fields: nearest seed, with wobbly borders from a little low-frequency noise.
        wobble = 480 * np.sin(xx / 23.0 + phases[0]) * np.cos(yy / 31.0 + phases[1])
        distance = (xx[None] - seeds[:, 0, None, None]) ** 2 + (yy[None] - seeds[:, 1, None, None]) ** 2
        field_of = np.argmin(distance + wobble[None], axis=0)
        pixels = np.zeros((landsat.NUM_BANDS, rows, size), np.uint16)
        iy, ix = yy.astype(np.int64) % period, xx.astype(np.int64) % period
        for k, tile in enumerate(tiles):
            mask = field_of == k
            pixels[:, mask] = tile[:, iy[mask], ix[mask]]
        for b in range(landsat.NUM_BANDS):
            ds.GetRasterBand(b + 1).WriteArray(pixels[b], 0, top)

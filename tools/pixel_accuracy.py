"""How a 30 m map (RESOLUTION pixel) compares with the 120 m map (RESOLUTION token) of the same
probe, against references derived from the product's own pixels, overall and where classes meet.

References (pixels where the two indices disagree, or fall between the thresholds, are left out):
- water: MNDWI = (G − SWIR1) / (G + SWIR1) > 0 and NDWI = (G − NIR) / (G + NIR) > 0; land: both
  < 0 (McFeeters 1996, Xu 2006); the map's water: its most likely class is a water class;
- vegetation: NDVI > 0.5 and not water; built or bare: NDVI < 0.25 and not water; the map's
  vegetation: a class that names no water, town, industry, beach or wetland.

"Edge" pixels are those within ``EDGE_PX`` px (Chebyshev) of a pixel of the other reference class.
Maps: the 120 m map (RESOLUTION token, each pixel given its token's class) and the 30 m map
(RESOLUTION pixel, ``backend.pixel_map``) at strides 20 and 40, timed on this machine (float32,
CPU). Usage: ``python tools/pixel_accuracy.py [PRODUCT] [--png PNG]``; Liverpool by default;
``--png``: the RGB, the water reference, the 120 m map and the 30 m map side by side.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from osgeo import gdal

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from backend import landsat, raster  # noqa: E402
from backend.catalogue import DEFAULT_CHECKPOINT, DEFAULT_PROBE  # noqa: E402
from backend.errors import UserError  # noqa: E402
from backend.options import SceneOptions  # noqa: E402
from backend.scene import open_scene  # noqa: E402

LIVERPOOL = REPO / "tests/data/landsat-c2l2/LC08_L2SP_204023_20200927_20201006_02_T1"
EDGE_PX = 2
HEADER = ("| map | seconds | water overall | water at edges | vegetation overall | vegetation at edges |\n"
          "|---|---:|---:|---:|---:|---:|")
NOT_VEGETATION = ("water", "urban", "industrial", "beach", "wetland")


def reflectance(product: Path) -> np.ndarray:
    """(7, H, W) surface reflectance of SR_B1…SR_B7, NaN where the pixel is fill."""
    scene = open_scene(str(product), SceneOptions())
    strip = scene.read_window(0, 0, scene.width, scene.height)
    values = strip.pixels.astype(np.float64) * 0.0000275 - 0.2
    return np.where(strip.unused[None], np.nan, values)


def references(sr: np.ndarray) -> dict:
    """name → (H, W) int8: 1 the class, 0 the other, -1 left out."""
    green, red, nir, swir1 = sr[2], sr[3], sr[4], sr[5]
    with np.errstate(invalid="ignore", divide="ignore"):
        mndwi, ndwi, ndvi = (green - swir1) / (green + swir1), (green - nir) / (green + nir), \
            (nir - red) / (nir + red)
    water = np.full(green.shape, -1, np.int8)
    water[(mndwi > 0) & (ndwi > 0)] = 1
    water[(mndwi < 0) & (ndwi < 0)] = 0
    vegetation = np.full(green.shape, -1, np.int8)
    vegetation[(ndvi > 0.5) & (water == 0)] = 1
    vegetation[(ndvi < 0.25) & (water == 0)] = 0
    return {"water": water, "vegetation": vegetation}


def edges(reference: np.ndarray, radius: int = EDGE_PX) -> np.ndarray:
    """(H, W) True within ``radius`` px of a pixel of the other class."""
    near = {}
    for value in (0, 1):
        grown = reference == value
        padded = np.pad(grown, radius)
        h, w = reference.shape
        near[value] = np.zeros_like(grown)
        for dy in range(2 * radius + 1):
            for dx in range(2 * radius + 1):
                near[value] |= padded[dy:dy + h, dx:dx + w]
    return ((reference == 0) & near[1]) | ((reference == 1) & near[0])


def classify(product: Path, out: Path, resolution: str, stride: int) -> tuple[np.ndarray, float]:
    """(H, W) class per pixel (token cells repeated over their 16 px) and the run's seconds."""
    request = raster.ClassifyRequest(input=str(product), output=str(out), checkpoint=str(DEFAULT_CHECKPOINT),
                                     probe=str(DEFAULT_PROBE), precision="float32",
                                     options=SceneOptions(stride=stride, resolution=resolution, device="cpu"))
    started = time.perf_counter()
    raster.classify_raster(request)
    seconds = time.perf_counter() - started
    classes = gdal.Open(str(out)).ReadAsArray()
    if resolution == "token":
        side = landsat.TOKEN_PATCH_PX
        classes = np.repeat(np.repeat(classes, side, axis=0), side, axis=1)
    return classes, seconds


def scores(classes: np.ndarray, names: list, refs: dict) -> dict:
    """reference → (right overall, scored overall, right at edges, scored at edges), in pixels."""
    h, w = refs["water"].shape
    classes = classes[:h, :w]
    known = classes != 255
    water_ids = [k for k, n in enumerate(names) if "water" in n.lower()]
    not_veg = [k for k, n in enumerate(names) if any(word in n.lower() for word in NOT_VEGETATION)]
    predicted = {"water": np.isin(classes, water_ids), "vegetation": ~np.isin(classes, not_veg)}
    result = {}
    for name, ref in refs.items():
        scored = (ref >= 0) & known
        edge = edges(ref) & scored
        right = predicted[name] == (ref == 1)
        result[name] = np.array([right[scored].sum(), scored.sum(), right[edge].sum(), edge.sum()])
    return result


def table_row(name: str, seconds: float | None, got: dict) -> str:
    cells = []
    for reference in ("water", "vegetation"):
        right, scored, edge_right, edge = got[reference]
        cells += [f"{100 * right / max(scored, 1):.1f} %",
                  f"{100 * edge_right / max(edge, 1):.1f} % ({edge:,} px)"]
    return f"| {name} | {'—' if seconds is None else f'{seconds:.1f}'} | {' | '.join(cells)} |"


def patches(folder: Path, names: list) -> None:
    """Each real BigEarthNet-L patch of ``folder`` (41-45 px a side) as its own scene, stride 40:
    the 120 m and the 30 m maps scored against the patch's own references, pooled."""
    totals: dict = {}
    used = 0
    with tempfile.TemporaryDirectory() as tmp:
        for image in sorted((folder / "images").glob("*.tif")):
            refs = references(reflectance(image))
            try:
                maps = {resolution: classify(image, Path(tmp) / f"{resolution}.tif", resolution, 40)[0]
                        for resolution in ("token", "pixel")}
            except UserError:  # a patch mostly fill: no tile to classify
                continue
            used += 1
            for resolution, classes in maps.items():
                for reference, counts in scores(classes, names, refs).items():
                    key = (resolution, reference)
                    totals[key] = totals.get(key, 0) + counts
    for resolution in ("token", "pixel"):
        pooled = {reference: totals[(resolution, reference)] for reference in ("water", "vegetation")}
        print(table_row(f"{resolution}40, {used} patches", None, pooled))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("product", nargs="?", default=str(LIVERPOOL))
    parser.add_argument("--maps", default="token20,pixel20,token40,pixel40",
                        help="RESOLUTION and STRIDE of each map (default: token20,pixel20,token40,pixel40)")
    parser.add_argument("--png", default=None, help="write the picture of the first two maps here")
    parser.add_argument("--patches", default=None,
                        help="a BigEarthNet-L folder: score each of its patches as a scene instead")
    args = parser.parse_args()
    from backend.probe import LinearProbe

    names = LinearProbe.load(DEFAULT_PROBE).class_names
    if args.patches:
        print(HEADER)
        patches(Path(args.patches), names)
        return 0
    product = Path(args.product)
    refs = references(reflectance(product))
    water, vegetation = refs["water"], refs["vegetation"]
    print(f"{product.name}: water {int((water == 1).sum())} px, land {int((water == 0).sum())} px; "
          f"vegetation {int((vegetation == 1).sum())} px, built or bare {int((vegetation == 0).sum())} px")
    print(HEADER)
    with tempfile.TemporaryDirectory() as tmp:
        maps = []
        for variant in args.maps.split(","):
            resolution, stride = variant.rstrip("0123456789"), int("".join(c for c in variant if c.isdigit()))
            classes, seconds = classify(product, Path(tmp) / f"{variant}.tif", resolution, stride)
            maps.append(classes)
            print(table_row(variant, seconds, scores(classes, names, refs)), flush=True)
    if args.png:
        picture(product, refs["water"], maps[:2], LinearProbe.load(DEFAULT_PROBE).colours, Path(args.png))
    return 0


def picture(product: Path, water: np.ndarray, maps: list, colours: list, path: Path, zoom: int = 2) -> None:
    """The product in natural colour, the water reference (blue water, grey land, dark grey left
    out) and ``maps`` in the probe's colours, side by side, each pixel ``zoom`` × ``zoom``."""
    sr = np.nan_to_num(reflectance(product))
    h, w = water.shape
    panels = [(np.clip(sr[[3, 2, 1]] / 0.15, 0, 1).transpose(1, 2, 0) * 255).astype(np.uint8)]
    reference = np.full((h, w, 3), 90, np.uint8)
    reference[water == 1], reference[water == 0] = (31, 120, 180), (200, 200, 200)
    panels.append(reference)
    for classes in maps:
        painted = np.full((h, w, 3), 255, np.uint8)
        for k, colour in enumerate(colours):
            painted[classes[:h, :w] == k] = colour
        panels.append(painted)
    gap = np.full((h, 4, 3), 255, np.uint8)
    row = np.concatenate([x for panel in panels for x in (panel, gap)][:-1], axis=1)
    row = np.repeat(np.repeat(row, zoom, axis=0), zoom, axis=1)
    driver = gdal.GetDriverByName("MEM").Create("", row.shape[1], row.shape[0], 3, gdal.GDT_Byte)
    for band in range(3):
        driver.GetRasterBand(band + 1).WriteArray(row[:, :, band])
    gdal.GetDriverByName("PNG").CreateCopy(str(path), driver)


if __name__ == "__main__":
    raise SystemExit(main())

"""backend.grids: rasters of one path/row put on one grid exactly, and others refused with a way out."""
from __future__ import annotations

import numpy as np
import pytest
from osgeo import gdal

from backend import grids
from backend.errors import UserError
from helpers import LIVERPOOL, write_raster

ORIGIN = (500000.0, 7000020.0)


def frame_of(path, name):
    return grids.Frame.of(gdal.Open(str(path)), name)


def raster(tmp_path, name, width, height, dx_px=0, dy_px=0, epsg=32634, pixel=30.0, shift_m=0.0):
    """A real GeoTIFF whose value at each pixel is its ground position (column and row counted in
    30 m from ORIGIN), so windows can be checked by the pixels they read."""
    cols = np.arange(width) + dx_px
    rows = np.arange(height) + dy_px
    pixels = np.stack([np.broadcast_to(cols + 1000, (height, width)),
                       np.broadcast_to((rows + 1000)[:, None], (height, width))]).astype(np.uint16)
    transform = (ORIGIN[0] + dx_px * pixel + shift_m, pixel, 0.0, ORIGIN[1] - dy_px * pixel, 0.0, -pixel)
    return write_raster(tmp_path / name, pixels, epsg=epsg, transform=transform)


def test_overlap_windows_read_the_same_ground(tmp_path):
    a = raster(tmp_path, "a.tif", 50, 40)
    b = raster(tmp_path, "b.tif", 45, 48, dx_px=7, dy_px=-3)
    common, (wa, wb) = grids.overlap([frame_of(a, "A"), frame_of(b, "B")])
    assert (common.width, common.height) == (43, 40)
    assert (wa.x0, wa.y0, wb.x0, wb.y0) == (7, 0, 0, 3)
    read_a = gdal.Open(str(a)).ReadAsArray(*wa.srcwin)
    read_b = gdal.Open(str(b)).ReadAsArray(*wb.srcwin)
    np.testing.assert_array_equal(read_a, read_b)  # the same ground position at every pixel
    assert common.transform[0] == ORIGIN[0] + 7 * 30.0 and common.transform[3] == ORIGIN[1]


def test_offset_counts_whole_pixels_east_and_south(tmp_path):
    a = frame_of(raster(tmp_path, "a.tif", 20, 20), "A")
    b = frame_of(raster(tmp_path, "b.tif", 20, 20, dx_px=-4, dy_px=9), "B")
    assert grids.offset(a, b) == (-4, 9)
    assert grids.offset(b, a) == (4, -9)


def test_union_covers_every_input_and_aligns_cells(tmp_path):
    a = frame_of(raster(tmp_path, "a.tif", 40, 40), "A")
    b = frame_of(raster(tmp_path, "b.tif", 30, 30, dx_px=25, dy_px=-6), "B")
    frame, corners = grids.union([a, b])
    assert (frame.width, frame.height) == (55, 46) and corners == [(0, 6), (25, 0)]
    frame, corners = grids.union([a, b], align_px=4)
    # The first raster's 4 px cells stay cells of the union: its corner is a multiple of 4.
    assert all(c % 4 == 0 for c in corners[0]) and frame.width % 4 == 0 and frame.height % 4 == 0
    assert frame.width >= 55 and frame.height >= 46
    x0, y0 = corners[1]
    assert x0 + 30 <= frame.width and y0 + 30 <= frame.height


def test_a_real_product_against_a_shifted_copy_of_itself(tmp_path):
    band = LIVERPOOL / f"{LIVERPOOL.name}_SR_B4.TIF"
    cut = gdal.Translate(str(tmp_path / "cut.tif"), str(band), srcWin=[11, 5, 200, 150])
    del cut  # GDAL 3.6 writes the file when the dataset is released
    _, (w_full, w_cut) = grids.overlap([frame_of(band, "full"), frame_of(tmp_path / "cut.tif", "cut")])
    assert (w_full.x0, w_full.y0, w_cut.x0, w_cut.y0) == (11, 5, 0, 0)
    full = gdal.Open(str(band)).ReadAsArray(*w_full.srcwin)
    np.testing.assert_array_equal(full, gdal.Open(str(tmp_path / "cut.tif")).ReadAsArray())


@pytest.mark.parametrize("kind, fragment", [
    ("crs", "EPSG:32635"),
    ("pixel", "pixels of 60 × 60"),
    ("fraction", "fraction of a pixel"),
])
def test_grids_that_do_not_share_edges_are_refused_with_a_way_out(tmp_path, kind, fragment):
    a = frame_of(raster(tmp_path, "a.tif", 20, 20), "A")
    other = {"crs": dict(epsg=32635), "pixel": dict(pixel=60.0), "fraction": dict(shift_m=15.0)}[kind]
    b = frame_of(raster(tmp_path, "b.tif", 20, 20, **other), "B")
    with pytest.raises(UserError) as error:
        grids.overlap([a, b])
    assert fragment in str(error.value) and "gdalwarp" in str(error.value) and "-tap" in str(error.value)


def test_rasters_apart_are_refused(tmp_path):
    a = frame_of(raster(tmp_path, "a.tif", 20, 20), "A")
    b = frame_of(raster(tmp_path, "b.tif", 20, 20, dx_px=30), "B")
    with pytest.raises(UserError, match="A and B do not overlap"):
        grids.overlap([a, b])
    c = frame_of(raster(tmp_path, "c.tif", 20, 20, dx_px=15), "C")
    with pytest.raises(UserError, match="overlap by only 5 × 20 px"):
        grids.overlap([a, c], min_px=10)


def test_a_raster_without_georeferencing_is_refused(tmp_path):
    path = write_raster(tmp_path / "plain.tif", np.ones((1, 8, 8), np.uint16), georeferenced=False)
    with pytest.raises(UserError, match="no georeferencing"):
        frame_of(path, "plain.tif")

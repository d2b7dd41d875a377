"""Findings 5 and 6 of the December hostile run (issue 19): embedding and probability rasters
many times their data on disk, a space check that did not know it, and a 100000² raster at
120 m that ran out of memory after all its tiles were done. Real GeoTIFFs, real GDAL, the real
model; the CLI's contract as in test_hostile_cli.py (one error line, nothing half-written)."""
import tracemalloc

import numpy as np
from osgeo import gdal

from backend import raster
from backend.catalogue import DEFAULT_CHECKPOINT, DEFAULT_PROBE
from backend.map_writer import TAKE_BYTES
from helpers import mosaic_pixels, write_raster


# --------------------------------------------------------------------------- finding 6
def token_grid(width, height):
    """The grid of 120 m cells of a ``width`` × ``height`` px scene at stride 40, as plan_grid
    makes it (without a scene to open)."""
    return raster.Grid(xs=raster.tile_starts(width, 40, align=4), ys=raster.tile_starts(height, 40, align=4),
                       rows=height // 4, cols=width // 4, stride=40, width=width, height=height, token=True)


def hand_out(accumulator, next_y0, first_row=0):
    """Read the pieces of the rows final before ``next_y0``: (first row, rows, cells with a hit,
    their mean) of each, checked to follow one another from ``first_row`` on and to be no larger
    than TAKE_BYTES."""
    seen = []
    for row0, mean, hits in accumulator.take_final(next_y0):
        assert row0 == (seen[-1][0] + seen[-1][1] if seen else first_row)
        assert mean.nbytes <= TAKE_BYTES
        seen.append((row0, hits.shape[0], int((hits > 0).sum()), mean[:, hits > 0]))
    return seen


def test_rows_no_tile_reached_are_handed_out_a_piece_at_a_time_not_made_at_once():
    grid = token_grid(8000, 8000)  # 2000 × 2000 cells; 19 values each: 304 MB for the whole grid
    accumulator = raster.Accumulator(grid, 19)
    value = np.arange(19, dtype=np.float32)[None, :, None, None] * np.ones((1, 19, 10, 10), np.float32)
    tracemalloc.start()
    accumulator.add_values([(0, 0)], value, np.ones((1, 10, 10), bool))
    seen = hand_out(accumulator, None)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert sum(rows for _, rows, _, _ in seen) == 2000
    assert sum(hit for _, _, hit, _ in seen) == 100  # the tile's 10 × 10 cells, nothing else
    np.testing.assert_array_equal(seen[0][3], value[0].reshape(19, -1))
    assert peak < 4 * TAKE_BYTES, f"{peak / 2**20:.0f} MB"


def test_the_100000_px_raster_of_finding_6_takes_memory_for_its_tiles_only():
    """The grid of the finding: 25,000 × 25,000 cells (625 M) of 19 probabilities, a tile at the
    top and one at the bottom, fill between: 47 GB if the rows between were made at once."""
    grid = token_grid(100_000, 100_000)
    accumulator = raster.Accumulator(grid, 19)
    tile, keep = np.ones((1, 19, 10, 10), np.float32), np.ones((1, 10, 10), bool)
    tracemalloc.start()
    accumulator.add_values([(0, 0)], tile, keep)
    first = next(accumulator.take_final(99_960))  # the rows between are due, but made one piece at a time
    accumulator.add_values([(99_960, 99_960)], 2 * tile, keep)
    last = hand_out(accumulator, None, first_row=24_990)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert first[0] == 0 and first[1].nbytes <= TAKE_BYTES
    assert (first[2] > 0).sum() == 10 * len(first[2])  # the tile's 10 columns in each of its rows
    assert sum(rows for _, rows, _, _ in last) == 10 and sum(hit for _, _, hit, _ in last) == 100
    assert all(np.all(mean == 2) for _, _, _, mean in last)
    assert peak < 4 * TAKE_BYTES, f"{peak / 2**20:.0f} MB"


def test_a_map_with_fill_between_its_tiles_is_nodata_there_and_classified_around_it(tmp_path):
    """A real 1200 × 4000 px raster, real patches in its first and last rows of tiles, fill (0)
    between: one batch of tiles, a gap of 980 rows of 120 m cells inside it."""
    pixels = np.zeros((7, 4000, 1200), np.uint16)
    pixels[:, :40] = np.concatenate([mosaic_pixels(1, 15)] * 2, axis=2)
    pixels[:, -40:] = pixels[:, :40]
    scene = write_raster(tmp_path / "scene.tif", pixels)
    out, probabilities = tmp_path / "map.tif", tmp_path / "p.tif"
    result = raster.classify_raster(raster.ClassifyRequest(
        input=str(scene), output=str(out), probabilities=str(probabilities),
        checkpoint=str(DEFAULT_CHECKPOINT), probe=str(DEFAULT_PROBE), stride=40, resolution="token",
        device="cpu", use_metadata=False))  # without latitudes the top and bottom tiles are alike
    assert result.grid == (1000, 300) and result.tiles_skipped_fill == 3000 - 60
    classes = gdal.Open(str(out)).ReadAsArray()
    assert np.all(classes[10:990] == 255) and np.all(classes[:10] < 19) and np.all(classes[990:] < 19)
    shares = gdal.Open(str(probabilities)).ReadAsArray()
    assert np.all(np.isnan(shares[:, 10:990]))
    assert np.all((shares[:, :10] >= 0) & (shares[:, :10] <= 1))  # the probe's 19 labels, one share each
    np.testing.assert_allclose(shares[:, :10], shares[:, 990:], atol=1e-4)  # the same patches


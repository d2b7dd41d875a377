"""Findings 5 and 6 of the December hostile run (issue 19): embedding and probability rasters
many times their data on disk, a space check that did not know it, and a 100000² raster at
120 m that ran out of memory after all its tiles were done. Real GeoTIFFs, real GDAL, the real
model; the CLI's contract as in test_hostile_cli.py (one error line, nothing half-written)."""
import os
import resource
import shutil
import subprocess
import sys
import tracemalloc

import numpy as np
import pytest
from osgeo import gdal

from backend import raster
from backend.catalogue import DEFAULT_CHECKPOINT, DEFAULT_PROBE
from backend.checkpoint import load_pretrained
from backend.embed import embed_tile_tokens
from backend.errors import UserError
from backend.map_writer import TAKE_BYTES, file_bytes
from backend.tiling import Accumulator, Grid, tile_starts
from helpers import REPO, assert_one_error_line, classify_request, mosaic_pixels, snapshot, write_raster

#: A field 28 tiles (280 cells of 120 m) wide and 2 tiles high: two blocks of 256 cells side by
#: side, of 144 bands, more than GDAL's block cache holds while a scene is read when the bands
#: share their blocks (pixel interleaving, 2 × 37.7 MB), as before the fix.
FIELD_TILES = (2, 28)


def field_scene(folder):
    """A real 80 × 1120 px scene: 56 tiles of real patches (a 2 × 14 mosaic, twice side by side)."""
    folder.mkdir()
    pixels = np.concatenate([mosaic_pixels(2, 14)] * 2, axis=2)
    return write_raster(folder / "scene.tif", pixels), pixels


def run_cli(*args, file_size_limit=None, gdal_cache_mb=None):
    """``python -m backend ARGS`` in a fresh process, its files no larger than ``file_size_limit``
    bytes (RLIMIT_FSIZE: the kernel refuses more, as a disk with that much room left would), GDAL's
    block cache ``gdal_cache_mb`` MB (None: GDAL's default)."""
    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    env = dict(os.environ, **({"GDAL_CACHEMAX": str(gdal_cache_mb)} if gdal_cache_mb else {}))
    return subprocess.run([sys.executable, "-m", "backend", *map(str, args)], cwd=REPO, capture_output=True,
                          text=True, timeout=120, stdin=subprocess.DEVNULL, env=env,
                          preexec_fn=limit if file_size_limit else None)


def embed_args(scene, out):
    return ["embed", scene, "--out", out, "--device", "cpu", "--stride", "40", "--resolution", "token",
            "--no-metadata"]


def expected_field(pixels):
    """(144, 20, 280) the field as the model gives it tile by tile: at stride 40 each 120 m cell
    lies in one tile, and holds its token's share of the tile's mean embedding."""
    rows, cols = FIELD_TILES
    tiles = pixels.reshape(7, rows, 40, cols, 40).transpose(1, 3, 0, 2, 4).reshape(rows * cols, 7, 40, 40)
    model = load_pretrained(str(DEFAULT_CHECKPOINT), "cpu")
    tokens = embed_tile_tokens(model, tiles, None, pooling="mean", precision="float32")  # (56, 100, 144)
    field = tokens.reshape(rows, cols, 10, 10, -1).transpose(4, 0, 2, 1, 3)
    return field.reshape(-1, rows * 10, cols * 10)


def test_an_embedding_field_is_about_its_datas_size_and_reads_back_as_the_model_gives_it(tmp_path):
    scene, pixels = field_scene(tmp_path / "in")
    out = tmp_path / "out" / "field.tif"
    data_bytes = 144 * 20 * 280 * 4  # 3.2 MB of float32
    # A disk with room for 1.1 times the data: before the fix the file grew to many times that.
    result = run_cli(*embed_args(scene, out), file_size_limit=int(1.1 * data_bytes) + (256 << 10))
    assert result.returncode == 0, result.stderr
    assert out.stat().st_size <= 1.1 * data_bytes + (256 << 10)
    assert out.stat().st_size <= file_bytes(144, 280, 20, gdal.GDT_Float32)  # what the space check counts
    written = gdal.Open(str(out)).ReadAsArray()
    assert written.shape == (144, 20, 280)
    np.testing.assert_allclose(written, expected_field(pixels), rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("gdal_cache_mb", [None, 1], ids=["when-closing", "while-writing-rows"])
def test_a_disk_that_fills_during_an_embedding_write_leaves_one_error_line_and_nothing_else(tmp_path,
                                                                                           gdal_cache_mb):
    """The disk fills when GDAL writes its blocks: at the end (its cache held them all) or, with
    a cache of 1 MB, while a row of blocks is written and more rows wait (the run used to spin
    there for ever). The field: 260 rows of 10 cells, more than one row of blocks (256)."""
    (tmp_path / "in").mkdir()
    scene = write_raster(tmp_path / "in" / "column.tif", mosaic_pixels(26, 1))
    out = tmp_path / "out" / "field.tif"
    out.parent.mkdir()
    out.write_bytes(b"the earlier field")
    before = snapshot(out.parent)
    result = run_cli(*embed_args(scene, out), file_size_limit=256 << 10,  # a sixth of the data
                     gdal_cache_mb=gdal_cache_mb)
    assert_one_error_line(result.returncode, result.stderr, f"writing {out} failed", "Nothing was replaced")
    assert "Exception ignored" not in result.stderr
    assert snapshot(out.parent) == before  # the earlier output, and no temporary file


def huge_vrt(path, width, height):
    """A real VRT of 7 UInt16 bands (no sources: all fill) of ``width`` × ``height`` px, which
    costs nothing to open however large it is."""
    dataset = gdal.GetDriverByName("VRT").Create(str(path), width, height, 7, gdal.GDT_UInt16)
    dataset.SetGeoTransform((500000.0, 30.0, 0.0, 7000020.0, 0.0, -30.0))
    dataset = None
    return path


@pytest.mark.parametrize("folder", ["out", "out/still/to/make"])
def test_an_embedding_field_larger_than_the_free_space_is_refused_before_any_work(tmp_path, folder):
    (tmp_path / "out").mkdir()
    free = shutil.disk_usage(tmp_path / "out").free
    # 10,000 cells of 120 m a row, 576 bytes each: enough rows to need 1.2 times the free space.
    rows = int(1.2 * free / (576 * 10_000)) + 1
    scene = huge_vrt(tmp_path / "huge.vrt", 40_000, 4 * rows)
    request = classify_request(input=str(scene), output=str(tmp_path / folder / "field.tif"),
                                     probe=None, checkpoint=str(DEFAULT_CHECKPOINT), stride=40,
                                     resolution="token", device="cpu")
    refusal = (r"the embedding raster needs up to [\d,.]+ MB but only [\d,.]+ MB are free in .*/out; "
               r"free some space or choose another folder")
    with pytest.raises(UserError, match=refusal):
        raster.embed_raster(request)
    assert list((tmp_path / "out").iterdir()) == []


def test_outputs_on_one_disk_must_fit_there_together(tmp_path):
    from backend.files import check_free_space

    free = shutil.disk_usage(tmp_path).free
    check_free_space([(tmp_path, free // 2, "the land-cover map")])  # fits alone
    with pytest.raises(UserError, match="the land-cover map and the probabilities raster need up to"):
        check_free_space([(tmp_path, free // 2, "the land-cover map"),
                          (tmp_path, free // 2 + (64 << 20), "the probabilities raster")])


def test_sizes_that_differ_are_printed_with_enough_digits_to_differ(tmp_path):
    from backend.files import check_free_space

    free = shutil.disk_usage(tmp_path).free
    with pytest.raises(UserError) as refused:
        check_free_space([(tmp_path, free + 2000, "the map")])
    needed, available = refused.value.args[0].split("up to ")[1].split(" are free")[0].split(" but only ")
    assert needed != available


def test_a_field_that_may_pass_4_gb_is_a_bigtiff_so_its_write_cannot_stop_there(tmp_path):
    """144 bands of 3000 × 3000 cells: 5.2 GB of float32. A classic TIFF stops at 4 GB, and GDAL
    cannot tell in advance how far DEFLATE gets, so only a BigTIFF is safe."""
    from backend.map_writer import GeoTiffWriter

    writer = GeoTiffWriter(tmp_path / "big.tif", size=(3000, 3000), bands=144, data_type=gdal.GDT_Float32,
                           transform=(0, 120, 0, 0, 0, -120), crs="", nodata=float("nan"))
    try:
        writer.dataset.FlushCache()  # writes the header (the blocks are left sparse)
        assert writer.tmp.read_bytes()[2:4] == b"+\x00"  # version 43: BigTIFF (42: classic)
    finally:
        writer.abort()
    assert list(tmp_path.iterdir()) == []

# --------------------------------------------------------------------------- finding 6
def token_grid(width, height):
    """The grid of 120 m cells of a ``width`` × ``height`` px scene at stride 40, as plan_grid
    makes it (without a scene to open)."""
    return Grid(xs=tile_starts(width, 40, align=4), ys=tile_starts(height, 40, align=4),
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
    accumulator = Accumulator(grid, 19)
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
    accumulator = Accumulator(grid, 19)
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
    result = raster.classify_raster(classify_request(
        input=str(scene), output=str(out), probabilities=str(probabilities),
        checkpoint=str(DEFAULT_CHECKPOINT), probe=str(DEFAULT_PROBE), stride=40, resolution="token",
        device="cpu", use_metadata=False))  # without latitudes the top and bottom tiles are alike
    assert result.grid == (1000, 300) and result.tiles_without_prediction == 3000 - 60
    classes = gdal.Open(str(out)).ReadAsArray()
    assert np.all(classes[10:990] == 255) and np.all(classes[:10] < 19) and np.all(classes[990:] < 19)
    shares = gdal.Open(str(probabilities)).ReadAsArray()
    assert np.all(np.isnan(shares[:, 10:990]))
    assert np.all((shares[:, :10] >= 0) & (shares[:, :10] <= 1))  # the probe's 19 labels, one share each
    np.testing.assert_allclose(shares[:, :10], shares[:, 990:], atol=1e-4)  # the same patches


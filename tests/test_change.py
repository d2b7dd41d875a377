"""Change between two dates (issue 23), on a pair built from real pixels of the Liverpool product.

The later "date" is a copy of the product whose most vegetated block holds the pixels of the
block most unlike it (both chosen by rules on the product's own reflectances, never by
coordinates), whose extent starts 3 px east and 5 px south (an offset that is no whole token, so
the common grid must be cut exactly), and whose MTL says a date nine months on. A second copy
moves only the date: its pixels are the original's.
"""
import csv

import numpy as np
import pytest
from osgeo import gdal

from backend.change import CHANGED_BAND, SCORE_BAND, TRANSITION_BAND, auto_threshold
from backend.cli import main
from helpers import (
    CLOUDY,
    LIVERPOOL,
    assert_one_error_line,
    auc,
    band_files,
    changed_product,
    land_cover_blocks,
    mosaic_pixels,
    run_backend_cli,
    write_raster,
)

SHIFT, SIZE, TOKEN = (3, 5), 48, 4


def read_band(path, number: int = 1) -> np.ndarray:
    """Band ``number`` of a raster (its dataset held while the band is read)."""
    dataset = gdal.Open(str(path))
    return dataset.GetRasterBand(number).ReadAsArray()


def change(*args: str) -> int:
    return main(["change", *map(str, args), "--device", "cpu"])


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    """The changed copy, the date-only copy, the block's (x, y) in the original, and the outputs."""
    folder = tmp_path_factory.mktemp("pair")
    target, source = land_cover_blocks(LIVERPOOL, SIZE)
    after = changed_product(LIVERPOOL, folder, "LC08_L2SP_204023_20210620_20210701_02_T1", "2021-06-20",
                            SHIFT, (target, source), SIZE)
    same = changed_product(LIVERPOOL, folder, "LC08_L2SP_204023_20210320_20210401_02_T1", "2021-03-20",
                           SHIFT)
    out = {name: folder / f"{name}.tif" for name in ("changed", "date", "date-nometa")}
    assert change(LIVERPOOL, after, "--out", out["changed"], "--threshold", "auto",
                  "--probe", "bigearthnet19-demo") == 0
    assert change(LIVERPOOL, same, "--out", out["date"], "--threshold", "auto") == 0
    assert change(LIVERPOOL, same, "--out", out["date-nometa"], "--no-metadata") == 0
    return after, target, out


def block_cells(shape, target):
    """(inside, near): cells wholly inside the changed block, and cells within one tile (40 px) of it,
    on the change raster's grid (which starts at the later date's first pixel)."""
    rows, cols = shape
    x0, y0 = target[0] - SHIFT[0], target[1] - SHIFT[1]
    r, c = np.arange(rows)[:, None] * TOKEN, np.arange(cols)[None, :] * TOKEN
    inside = (r >= y0) & (r + TOKEN <= y0 + SIZE) & (c >= x0) & (c + TOKEN <= x0 + SIZE)
    near = (r + TOKEN > y0 - 40) & (r < y0 + SIZE + 40) & (c + TOKEN > x0 - 40) & (c < x0 + SIZE + 40)
    return inside, near


def test_the_changed_block_scores_above_everything_else(pair):
    _, target, out = pair
    written = gdal.Open(str(out["changed"]))
    scores = written.GetRasterBand(1).ReadAsArray()
    inside, _ = block_cells(scores.shape, target)
    scored = np.isfinite(scores)
    assert inside.sum() >= 100
    assert auc(scores[inside & scored], scores[~inside & scored]) > 0.98


def test_the_common_grid_is_the_overlap_at_120_m(pair):
    after, _, out = pair
    written = gdal.Open(str(out["changed"]))
    later = gdal.Open(str(band_files(after)["SR_B1"]))
    x0, y0 = later.GetGeoTransform()[0], later.GetGeoTransform()[3]
    assert written.GetGeoTransform() == (x0, 120.0, 0.0, y0, 0.0, -120.0)
    assert (written.RasterXSize, written.RasterYSize) == (-(-later.RasterXSize // TOKEN),
                                                          -(-later.RasterYSize // TOKEN))
    assert written.GetProjection() == later.GetProjection()
    assert [written.GetRasterBand(b).GetDescription() for b in (1, 2, 3)] == [SCORE_BAND, CHANGED_BAND,
                                                                               TRANSITION_BAND]
    assert written.GetMetadataItem("AFTER_OFFSET_PX") == f"{SHIFT[0]} {SHIFT[1]}"
    assert written.GetMetadataItem("AFTER_ACQUISITION").startswith("2021-06-20")
    assert written.GetMetadataItem("BEFORE_ACQUISITION").startswith("2020-09-27")


def test_otsu_flags_the_block_and_nothing_far_from_it(pair):
    _, target, out = pair
    written = gdal.Open(str(out["changed"]))
    scores, changed = (written.GetRasterBand(b).ReadAsArray() for b in (1, 2))
    threshold = float(written.GetMetadataItem("THRESHOLD"))
    assert threshold == pytest.approx(auto_threshold(scores)[0], abs=1e-6)
    assert np.array_equal(np.isnan(changed), np.isnan(scores))
    assert np.array_equal(changed[np.isfinite(scores)] == 1, scores[np.isfinite(scores)] > threshold)
    inside, near = block_cells(scores.shape, target)
    assert (changed[inside] == 1).mean() > 0.4
    assert not (changed[~near] == 1).any()


def test_only_the_date_moved_the_scores_stay_low(pair):
    _, target, out = pair
    changed = read_band(out["changed"])
    inside, _ = block_cells(changed.shape, target)
    block = np.median(changed[inside & np.isfinite(changed)])
    dated = read_band(out["date"])
    assert np.nanmax(dated) < block / 5
    # Otsu's rule alone split this one-hump histogram and flagged most cells; the outlier floor
    # leaves only the few that stand out from the rest.
    flagged = read_band(out["date"], 2)
    assert np.nanmean(flagged) < 0.05
    # Without metadata the same pixels, cut to the same common grid, give the same vectors.
    plain = read_band(out["date-nometa"])
    assert np.nanmax(plain) < 1e-4
    assert np.array_equal(np.isnan(plain), np.isnan(dated))


def test_the_transition_table_holds_every_scored_cell_in_hectares(pair):
    _, _, out = pair
    table = out["changed"].with_name("changed_transitions.csv")
    header, *rows = csv.reader(table.read_text(encoding="utf-8").splitlines())
    assert header == ["from", "to", "area_ha", "share", "class_changed", "flagged_changed_cells"]
    written = gdal.Open(str(out["changed"]))
    codes = written.GetRasterBand(3).ReadAsArray()
    assert sum(float(r[2]) for r in rows) == pytest.approx(np.isfinite(codes).sum() * 1.44, abs=0.05)
    assert all((r[0] != r[1]) == (r[4] == "yes") for r in rows)
    assert sum(int(r[5]) for r in rows) == int(np.nansum(read_band(out["changed"], 2)))
    html = table.with_suffix(".html").read_text(encoding="utf-8")
    assert "From → to" in html and rows[0][0] in html


def test_masked_cells_are_nodata_and_the_log_says_why(tmp_path, capsys):
    later = changed_product(CLOUDY, tmp_path, "LC08_L2SP_001070_20190302_20200830_02_T2", "2019-03-02",
                            (2, 1))
    out = tmp_path / "change.tif"
    assert change(CLOUDY, later, "--out", out) == 0
    said = capsys.readouterr().out
    scores = gdal.Open(str(out)).ReadAsArray()
    qa = gdal.Open(str(band_files(CLOUDY)["QA_PIXEL"])).ReadAsArray()[1:, 2:]  # the common ground
    rows, cols = scores.shape
    fill_or_cloud = (qa & 0b1001) > 0  # bit 0 fill, bit 3 cloud
    padded = np.zeros((rows * TOKEN, cols * TOKEN), bool)
    padded[:qa.shape[0], :qa.shape[1]] = fill_or_cloud
    all_masked = padded.reshape(rows, TOKEN, cols, TOKEN).all(axis=(1, 3))
    assert all_masked.any() and np.isnan(scores[all_masked]).all()
    assert np.isfinite(scores).any()
    assert f"{int(np.isnan(scores).sum()):,} of {scores.size:,} cells have no score" in said
    assert "cloud" in said and "fill" in said


@pytest.mark.parametrize("make, fragment", [
    (lambda t: write_raster(t / "b.tif", mosaic_pixels(), epsg=32633), "is in EPSG:32633"),
    (lambda t: write_raster(t / "b.tif", mosaic_pixels(), origin=(500015.0, 7000020.0)),
     "shifted by a fraction of a pixel"),
    (lambda t: write_raster(t / "b.tif", mosaic_pixels(), origin=(530000.0, 7000020.0)), "do not overlap"),
])
def test_dates_on_other_grids_are_refused_with_the_way_to_align_them(tmp_path, make, fragment):
    before = write_raster(tmp_path / "a.tif", mosaic_pixels())
    result = run_backend_cli("change", str(before), str(make(tmp_path)), "--out", str(tmp_path / "c.tif"),
                             "--device", "cpu")
    assert_one_error_line(result.returncode, result.stderr, fragment)
    assert not (tmp_path / "c.tif").exists()


def test_an_output_that_is_an_input_is_refused(tmp_path):
    before = write_raster(tmp_path / "a.tif", mosaic_pixels())
    after = write_raster(tmp_path / "b.tif", mosaic_pixels())
    result = run_backend_cli("change", str(before), str(after), "--out", str(after), "--device", "cpu")
    assert_one_error_line(result.returncode, result.stderr, "b.tif")


def test_a_window_reads_exactly_its_pixels_on_its_own_grid(tmp_path):
    from backend.errors import UserError
    from backend.options import SceneOptions
    from backend.scene import open_scene

    pixels = mosaic_pixels()
    path = write_raster(tmp_path / "a.tif", pixels)
    scene = open_scene(str(path), SceneOptions(window=(3, 5, 120, 100)))
    assert (scene.width, scene.height) == (120, 100)
    assert scene.transform == (500000.0 + 3 * 30, 30.0, 0.0, 7000020.0 - 5 * 30, 0.0, -30.0)
    assert np.array_equal(scene.read_window(0, 0, 120, 100).pixels, pixels[:, 5:105, 3:123])
    for window in ((-1, 0, 100, 100), (100, 0, 100, 100), (0, 0, 39, 100)):
        with pytest.raises(UserError, match="does not fit"):
            open_scene(str(path), SceneOptions(window=window))

"""Stacks of many dates (issue 23): three "dates" of the real Liverpool product (the original, the
same pixels three weeks of the year later, and a copy whose most vegetated block holds other
ground), each shifted as a later product would be, given out of order."""
import numpy as np
import pytest
from osgeo import gdal

from backend.cli import main
from backend.timeseries import FIRST_CHANGE_BAND
from helpers import (
    LIVERPOOL,
    assert_one_error_line,
    changed_product,
    land_cover_blocks,
    mosaic_pixels,
    run_backend_cli,
    write_raster,
)

SIZE, TOKEN = 48, 4


@pytest.fixture(scope="module")
def dates(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dates")
    target, source = land_cover_blocks(LIVERPOOL, SIZE)
    same = changed_product(LIVERPOOL, folder, "LC08_L2SP_204023_20201018_20201030_02_T1", "2020-10-18",
                           (1, 2))
    changed = changed_product(LIVERPOOL, folder, "LC08_L2SP_204023_20210620_20210701_02_T1", "2021-06-20",
                              (3, 5), (target, source), SIZE)
    return [changed, LIVERPOOL, same], target  # out of order on purpose


def series(*args) -> int:
    return main(["timeseries", *map(str, args), "--device", "cpu"])


def test_a_band_per_date_oldest_first_and_the_first_date_of_change(dates, tmp_path, capsys):
    inputs, target = dates
    out = tmp_path / "stack.tif"
    assert series(*inputs, "--out", out) == 0
    stack = gdal.Open(str(out))
    assert stack.RasterCount == 4
    assert [stack.GetRasterBand(b).GetMetadataItem("ACQUISITION_DATE")[:10] for b in (1, 2, 3)] == [
        "2020-09-27", "2020-10-18", "2021-06-20"]
    assert stack.GetRasterBand(2).GetDescription() == "2020-10-18 (change score against 2020-09-27)"
    assert stack.GetRasterBand(4).GetDescription() == FIRST_CHANGE_BAND
    assert stack.GetMetadataItem("DATES").split()[0].startswith("2020-09-27")
    first_scores, first_change = stack.GetRasterBand(1).ReadAsArray(), stack.GetRasterBand(4).ReadAsArray()
    assert np.nanmax(np.abs(first_scores)) == 0
    # The common ground starts at the most shifted date's first pixel: (3, 5) px from the original.
    x0, y0 = target[0] - 3, target[1] - 5
    r, c = np.indices(first_change.shape) * TOKEN
    inside = (r >= y0) & (r + TOKEN <= y0 + SIZE) & (c >= x0) & (c + TOKEN <= x0 + SIZE)
    far = (r + TOKEN <= y0 - 40) | (r >= y0 + SIZE + 40) | (c + TOKEN <= x0 - 40) | (c >= x0 + SIZE + 40)
    assert (first_change[inside] == 3).mean() > 0.4  # band 3: 2021-06-20
    assert not (first_change == 2).any()  # the same pixels three weeks on never count as change
    assert (first_change[far & np.isfinite(first_change)] == 0).all()
    assert "0 of them from the work folder" in capsys.readouterr().out


def test_a_second_run_reuses_every_date_and_redoes_a_damaged_one(dates, tmp_path, capsys):
    inputs, _ = dates
    out, work = tmp_path / "stack.tif", tmp_path / "work"
    assert series(*inputs, "--out", out, "--work", work) == 0
    first = gdal.Open(str(out)).ReadAsArray()
    capsys.readouterr()
    assert series(*inputs, "--out", out, "--work", work) == 0
    said = capsys.readouterr().out
    assert "3 of them from the work folder" in said and "embedding" not in said.replace("embeddings of", "")
    assert np.array_equal(gdal.Open(str(out)).ReadAsArray(), first, equal_nan=True)
    scores = sorted(work.glob("*/scores.npy"))[0]
    scores.write_bytes(scores.read_bytes()[:-8] + b"\0" * 8)
    assert series(*inputs, "--out", out, "--work", work) == 0
    said = capsys.readouterr().out
    assert "is damaged" in said and "2 of them from the work folder" in said
    assert np.array_equal(gdal.Open(str(out)).ReadAsArray(), first, equal_nan=True)


def test_classes_per_date_with_a_probe(dates, tmp_path):
    inputs, _ = dates
    out = tmp_path / "classes.tif"
    assert series(*inputs[:2], "--probe", "bigearthnet19-demo", "--out", out) == 0
    stack = gdal.Open(str(out))
    before, after, first = (stack.GetRasterBand(b).ReadAsArray() for b in (1, 2, 3))
    both = np.isfinite(before) & np.isfinite(after)
    assert np.array_equal(first[both] == 2, before[both] != after[both])
    assert stack.GetRasterBand(1).GetDescription() == "2020-09-27 (classes)"


def test_dates_it_cannot_order_are_refused(tmp_path):
    a = write_raster(tmp_path / "a.tif", mosaic_pixels())
    b = write_raster(tmp_path / "b.tif", mosaic_pixels())
    result = run_backend_cli("timeseries", str(a), str(b), "--out", str(tmp_path / "s.tif"), "--device",
                             "cpu")
    assert_one_error_line(result.returncode, result.stderr, "acquisition date of")
    assert not (tmp_path / "s.tif").exists() and not (tmp_path / "s_work").exists()

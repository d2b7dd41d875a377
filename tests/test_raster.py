"""The inference core on real GeoTIFFs: a mosaic of real patches, edges, fill, bad input."""
from datetime import datetime

import numpy as np
import pytest
from osgeo import gdal

from backend import data, geo, landsat, raster
from backend.catalogue import DEFAULT_CHECKPOINT, DEFAULT_PROBE
from backend.checkpoint import load_pretrained
from backend.embed import embed_tiles
from backend.errors import UserError
from backend.metadata import encode_metadata
from backend.options import SceneOptions
from backend.probe import LinearProbe
from backend.scene import BandChoice, band_mapping, open_scene
from backend.tiling import TileCounts, plan_grid, read_ahead, tile_batches
from helpers import REFERENCE, SAMPLE, classify_request, write_raster

WHEN = datetime(2017, 6, 13, 10, 10, 31)


@pytest.fixture(scope="module")
def mosaic(tmp_path_factory):
    """16 real centre crops side by side (4 × 4 tiles of 40 × 40 px) in UTM zone 34N."""
    arrays = data.load(data.open_dataset(SAMPLE))
    crops = np.asarray(arrays.images[:16])
    pixels = crops.reshape(4, 4, 7, 40, 40).transpose(2, 0, 3, 1, 4).reshape(7, 160, 160)
    return write_raster(tmp_path_factory.mktemp("mosaic") / "mosaic.tif", pixels), crops


def request(path, out, **overrides):
    """Cells of one tile (RESOLUTION tile): these tests compare each cell with its tile through the
    backend; cells of one token, the default, are tests/test_token_resolution.py's."""
    values = dict(input=str(path), output=str(out), checkpoint=str(DEFAULT_CHECKPOINT),
                  probe=str(DEFAULT_PROBE), resolution="tile",
                  stride=40, acquisition=WHEN, device="cpu", precision="float32")
    values.update(overrides)
    return classify_request(**values)


def test_mosaic_cells_match_the_backend_on_each_patch(mosaic, tmp_path):
    path, crops = mosaic
    result = raster.classify_raster(request(path, tmp_path / "map.tif"))
    out = gdal.Open(result.output)
    classes_map = out.ReadAsArray()
    assert classes_map.shape == (4, 4)
    assert out.GetGeoTransform() == (500000.0, 1200.0, 0.0, 7000020.0, 0.0, -1200.0)
    # The same tiles through the backend directly, with the metadata each tile gets in the mosaic.
    model, probe = load_pretrained(DEFAULT_CHECKPOINT), LinearProbe.load(DEFAULT_PROBE)
    src = gdal.Open(str(path))
    cx = np.tile(np.arange(4) * 40 + 20, 4)
    cy = np.repeat(np.arange(4) * 40 + 20, 4)
    lon, lat = geo.to_lonlat(src.GetProjection(), *geo.pixel_to_map(src.GetGeoTransform(), cx, cy))
    meta = np.stack(encode_metadata(WHEN, list(lat), list(lon)), axis=1)
    expected = probe.predict_proba(embed_tiles(model, crops, meta, pooling="mean")).argmax(axis=1)
    # One of these real patches (the 4th) is entirely fill (0 in every band): no data there.
    fill = np.all(crops == 0, axis=1).mean(axis=(1, 2)) > 0.5
    assert fill.tolist() == [False] * 3 + [True] + [False] * 12
    expected[fill] = 255
    assert np.array_equal(classes_map.reshape(-1), expected)
    band = out.GetRasterBand(1)
    assert band.GetNoDataValue() == 255
    assert band.GetCategoryNames()[:2] == ["Urban fabric", "Industrial or commercial units"]
    assert band.GetColorTable().GetColorEntry(9)[:3] == (0, 166, 0)  # Coniferous forest


def test_stride_grid_edges_and_probabilities(mosaic, tmp_path):
    path, _ = mosaic
    src = gdal.Open(str(path))
    # 150 × 115 px, not a multiple of the stride, below the row of tiles that holds the fill patch.
    odd = write_raster(tmp_path / "odd.tif", src.ReadAsArray(0, 40, 150, 115))
    result = raster.classify_raster(request(odd, tmp_path / "m.tif", stride=20,
                                            probabilities=str(tmp_path / "p.tif")))
    assert result.grid == (6, 8)  # ceil(115 / 20), ceil(150 / 20)
    classes_map = gdal.Open(result.output).ReadAsArray()
    assert (classes_map != 255).all()  # the edge tiles moved inward cover every cell
    proba = gdal.Open(str(tmp_path / "p.tif"))
    assert proba.RasterCount == 19 and proba.GetRasterBand(19).GetDescription() == "Marine waters"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.tif", "m.tif.aux.xml", "odd.tif", "p.tif"]


def test_fill_tiles_become_nodata(mosaic, tmp_path):
    path, _ = mosaic
    pixels = gdal.Open(str(path)).ReadAsArray()
    pixels[:, :, :40] = 0  # the left column of tiles is fill
    filled = write_raster(tmp_path / "fill.tif", pixels)
    result = raster.classify_raster(request(filled, tmp_path / "m.tif"))
    classes_map = gdal.Open(result.output).ReadAsArray()
    expected_nodata = np.zeros((4, 4), bool)
    expected_nodata[:, 0] = True  # the column blanked here
    expected_nodata[0, 3] = True  # the sample's own all-fill patch
    assert np.array_equal(classes_map == 255, expected_nodata)
    assert result.tiles_without_prediction == 5


def test_bands_found_by_description(mosaic, tmp_path):
    path, _ = mosaic
    pixels = gdal.Open(str(path)).ReadAsArray()
    shuffled = [6, 0, 1, 2, 3, 4, 5]  # SR_B7 first, then SR_B1…SR_B6, plus a thermal band
    stacked = np.concatenate([pixels[shuffled], pixels[:1] * 0 + 30000])
    names = [landsat.BANDS[i] for i in shuffled] + ["ST_B10"]
    named = write_raster(tmp_path / "named.tif", stacked, descriptions=names)
    assert band_mapping(gdal.Open(str(named)), None) == BandChoice([2, 3, 4, 5, 6, 7, 1],
                                                                                 "by band names")
    a = raster.classify_raster(request(named, tmp_path / "a.tif"))
    b = raster.classify_raster(request(path, tmp_path / "b.tif"))
    assert np.array_equal(gdal.Open(a.output).ReadAsArray(), gdal.Open(b.output).ReadAsArray())


@pytest.mark.parametrize("make, match", [
    (lambda p: write_raster(p, np.ones((4, 60, 60), np.uint16)), "has 4 band.*needs 7.*BANDS"),
    (lambda p: write_raster(p, np.ones((7, 60, 60), np.uint8), data_type=gdal.GDT_Byte),
     "holds Byte pixels.*8-bit"),
    (lambda p: write_raster(p, np.ones((7, 30, 60), np.uint16)), "is 60 × 30 px.*at least 40 × 40"),
    (lambda p: write_raster(p, np.zeros((7, 60, 60), np.uint16)), "no usable tile"),
    (lambda p: p.write_bytes(b"II*\x00 truncated"), "cannot be opened as a raster"),
])
def test_bad_rasters_are_refused_and_nothing_is_written(tmp_path, make, match):
    path = tmp_path / "bad.tif"
    make(path)
    with pytest.raises(UserError, match=match):
        raster.classify_raster(request(path, tmp_path / "out.tif"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.tif"]


def test_missing_output_folder_is_made_and_mismatched_probe_refused(mosaic, tmp_path):
    path, _ = mosaic
    raster.classify_raster(request(path, tmp_path / "new" / "folder" / "m.tif"))
    assert gdal.Open(str(tmp_path / "new" / "folder" / "m.tif")).ReadAsArray().shape == (4, 4)
    with pytest.raises(UserError, match="fitted on another model"):
        raster.classify_raster(request(path, tmp_path / "m.tif",
                                       checkpoint=str(REFERENCE / "moe_mae_S_fixture_checkpoint.pth")))
    assert not (tmp_path / "m.tif").exists()


def test_gdal_exception_mode_of_the_host_is_left_alone(mosaic, tmp_path):
    """Inside QGIS, other code relies on GDAL's default (no exceptions); the backend switches them
    on only while it works, even when it fails."""
    path, _ = mosaic
    previous = gdal.GetUseExceptions()
    gdal.DontUseExceptions()
    try:
        raster.classify_raster(request(path, tmp_path / "m.tif"))
        assert gdal.GetUseExceptions() == 0
        with pytest.raises(UserError):
            raster.classify_raster(request(tmp_path / "missing.tif", tmp_path / "n.tif"))
        assert gdal.GetUseExceptions() == 0
    finally:
        if previous:
            gdal.UseExceptions()


# --------------------------------------------------------------------------- reading ahead (GPU runs)
def cloudy_batches(progress, counts, mask=landsat.DEFAULT_QA_MASK):
    from helpers import CLOUDY

    scene = open_scene(str(CLOUDY), SceneOptions(mask=mask))
    grid = plan_grid(scene, 40, 19, token=True)
    return tile_batches(scene, grid, 16, progress, counts)


def test_reading_ahead_gives_the_same_batches_and_counts_in_the_same_order():
    from backend.progress import LockedProgress, NullProgress

    plain, ahead = TileCounts(), TileCounts()
    expected = list(cloudy_batches(NullProgress(), plain, mask=("fill",)))
    progress = LockedProgress(NullProgress())
    got = list(read_ahead(cloudy_batches(progress, ahead, mask=("fill",))))
    assert [b[0] for b in got] == [b[0] for b in expected] and len(got) >= 3
    assert all(np.array_equal(g[1], e[1]) and np.array_equal(g[2], e[2]) for g, e in zip(got, expected))
    assert (ahead.skipped, ahead.pixels_by) == (plain.skipped, plain.pixels_by)
    assert progress.inner.count == plain.skipped  # the thread counted the tiles it skipped


def test_reading_ahead_raises_what_the_reader_raised_and_stops_its_thread():
    import threading

    from backend.progress import Cancelled, LockedProgress, NullProgress

    class CancelAfter(NullProgress):
        def cancelled(self):
            return self.count >= 100  # cancelled by the user once 100 tiles were skipped

    with pytest.raises(Cancelled):
        list(read_ahead(cloudy_batches(LockedProgress(CancelAfter()), TileCounts())))
    batches = read_ahead(cloudy_batches(NullProgress(), TileCounts()))
    next(batches)
    batches.close()  # the consumer stops early (an encoder error): no reader thread is left behind
    assert not [t for t in threading.enumerate() if t.name == "moemae-read-ahead"]

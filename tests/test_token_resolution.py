"""Maps at token resolution (4 × 4 px, 120 m): each patch token's share of its tile's feature,
through the probe, averages back to the tile's logits; the token map of the sample mosaic
averaged over each tile is the tile map; the grid, its alignment and its edges; refusals."""
from __future__ import annotations

import numpy as np
import pytest
from osgeo import gdal

from backend import data, raster
from backend.catalogue import DEFAULT_CHECKPOINT, DEFAULT_PROBE
from backend.checkpoint import load_pretrained
from backend.embed import embed_tile_tokens, embed_tiles
from backend.probe import LinearProbe
from helpers import LIVERPOOL, SAMPLE, assert_one_error_line, classify_request, write_raster


@pytest.fixture(scope="module")
def crops():
    arrays = data.load(data.open_dataset(SAMPLE))
    images = np.asarray(arrays.images)
    usable = np.flatnonzero(np.all(images == 0, axis=1).mean(axis=(1, 2)) < 0.5)
    return images[usable[:16]], np.asarray(arrays.metadata)[usable[:16]]


@pytest.mark.parametrize("pooling", ["mean", "patch-mean"])
def test_the_mean_of_a_tiles_token_logits_is_its_tile_logits(crops, pooling):
    """z = W · pool(t) + b; with each token's share of the pooled feature, mean_k z_k = z."""
    images, meta = crops
    model, probe = load_pretrained(DEFAULT_CHECKPOINT), LinearProbe.load(DEFAULT_PROBE)
    tile = probe.logits(embed_tiles(model, images, meta, pooling=pooling))
    tokens = embed_tile_tokens(model, images, meta, pooling=pooling)  # (16, 100, 144)
    per_token = probe.logits(tokens.reshape(-1, tokens.shape[-1])).reshape(16, 100, -1)
    assert tokens.dtype == np.float32 and per_token.shape == (16, 100, 19)
    np.testing.assert_allclose(per_token.mean(axis=1), tile, atol=1e-5 * np.abs(tile).max())
    assert np.abs(per_token - per_token.mean(axis=1, keepdims=True)).max() > 0.1  # tokens do differ


def mosaic(crops, tmp_path):
    images, _ = crops
    pixels = images.reshape(4, 4, 7, 40, 40).transpose(2, 0, 3, 1, 4).reshape(7, 160, 160)
    return write_raster(tmp_path / "mosaic.tif", pixels)


def classify(source, out, **overrides):
    values = dict(input=str(source), output=str(out), checkpoint=str(DEFAULT_CHECKPOINT),
                  probe=str(DEFAULT_PROBE), resolution="tile",
                  stride=40, device="cpu", precision="float32", probabilities=str(out.with_suffix(".p.tif")))
    values.update(overrides)
    return raster.classify_raster(classify_request(**values))


def test_a_token_map_averaged_back_over_each_tile_is_the_tile_map(crops, tmp_path):
    """Stride 40: no overlap, so each token cell holds its own logits (the bundled probe is
    multi-label: logit = log(p / (1 - p)) reads them back from the probabilities raster)."""
    scene = mosaic(crops, tmp_path)
    classify(scene, tmp_path / "tile.tif")
    result = classify(scene, tmp_path / "token.tif", resolution="token")
    tokens = gdal.Open(str(tmp_path / "token.tif"))
    assert (tokens.RasterXSize, tokens.RasterYSize) == (40, 40) and result.grid == (40, 40)
    p = gdal.Open(str(tmp_path / "token.p.tif")).ReadAsArray().astype(np.float64)  # (19, 40, 40)
    logits = np.log(p / (1 - p)).reshape(19, 4, 10, 4, 10).mean(axis=(2, 4))
    assert np.array_equal(logits.argmax(axis=0), gdal.Open(str(tmp_path / "tile.tif")).ReadAsArray())
    tile_p = gdal.Open(str(tmp_path / "tile.p.tif")).ReadAsArray()
    np.testing.assert_allclose(1 / (1 + np.exp(-logits)), tile_p, atol=2e-4)
    assert tokens.GetMetadataItem("RESOLUTION") == "token" and tokens.GetMetadataItem("CELL_PX") == "4"


@pytest.mark.parametrize("stride", [20, 40])
def test_the_token_grid_is_aligned_to_the_input_with_nodata_only_where_no_tile_reaches(tmp_path, stride):
    """A 90 × 70 px scene: token cells of 4 px from the input's own origin, 23 × 18 of them; the
    last tiles start at multiples of 4 (48 and 28 px), so the last column (px 88-89) and the last
    row (px 68-69), which no tile covers, are nodata, and every other cell has a class."""
    images = np.asarray(data.load(data.open_dataset(SAMPLE)).images)
    pixels = np.tile(images[0], (1, 2, 3))[:, :70, :90]
    scene = write_raster(tmp_path / "odd.tif", pixels, origin=(500000.0, 7000020.0))
    classify(scene, tmp_path / "map.tif", stride=stride, resolution="token", probabilities=None)
    written = gdal.Open(str(tmp_path / "map.tif"))
    assert (written.RasterXSize, written.RasterYSize) == (23, 18)
    assert written.GetGeoTransform() == (500000.0, 120.0, 0.0, 7000020.0, 0.0, -120.0)
    classes = written.ReadAsArray()
    assert (classes[:, -1] == 255).all() and (classes[-1, :] == 255).all()
    assert (classes[:-1, :-1] != 255).all()


def test_token_cells_mostly_fill_or_masked_get_no_class(tmp_path):
    """Per 4 × 4 px cell as per tile: a kept tile's cells that are more than half fill are nodata."""
    images = np.asarray(data.load(data.open_dataset(SAMPLE)).images)
    pixels = images[0][:, :40, :40].copy()
    pixels[:, :, :12] = 0  # three columns of token cells of fill, under half the tile
    scene = write_raster(tmp_path / "edge.tif", pixels)
    classify(scene, tmp_path / "map.tif", resolution="token", probabilities=None)
    classes = gdal.Open(str(tmp_path / "map.tif")).ReadAsArray()
    assert (classes[:, :3] == 255).all() and (classes[:, 3:] != 255).all()


def test_the_liverpool_product_at_120_m_against_600_m(tmp_path):
    tile = classify(LIVERPOOL, tmp_path / "tile.tif", stride=20, probabilities=None)
    token = classify(LIVERPOOL, tmp_path / "token.tif", stride=20, resolution="token", probabilities=None)
    assert tile.grid == (14, 22) and token.grid == (67, 109)
    coarse, fine = (gdal.Open(str(tmp_path / f"{n}.tif")).ReadAsArray() for n in ("tile", "token"))
    sea = coarse.flat[0]
    assert fine[0, 0] == sea and len(np.unique(fine[fine != 255])) >= len(np.unique(coarse))


def test_token_resolution_refuses_what_has_no_per_token_form(tmp_path, cli):
    code, _, err = cli("classify", LIVERPOOL, "--resolution", "token", "--stride", "30", "--out",
                       tmp_path / "m.tif")
    assert_one_error_line(code, err, "RESOLUTION token needs a STRIDE that is a multiple of 4 px")
    cls_probe = LinearProbe.load(DEFAULT_PROBE)
    cls_probe.pooling = "cls"
    cls_probe.save(tmp_path / "probe_cls.json")
    code, _, err = cli("classify", LIVERPOOL, "--resolution", "token", "--probe", tmp_path / "probe_cls.json",
                       "--out", tmp_path / "m.tif")
    assert_one_error_line(code, err, "reads the 'cls' feature of a tile, which has no per-token form",
                          "use RESOLUTION tile")
    assert not (tmp_path / "m.tif").exists()


def test_an_embedding_field_at_120_m_averages_back_to_the_tile_embeddings(crops, tmp_path):
    scene = mosaic(crops, tmp_path)
    common = dict(input=str(scene), probe=None, probabilities=None, stride=40, device="cpu",
                  checkpoint=str(DEFAULT_CHECKPOINT))
    raster.embed_raster(classify_request(output=str(tmp_path / "tile.tif"), **common))
    raster.embed_raster(classify_request(output=str(tmp_path / "token.tif"), resolution="token",
                                               **common))
    tokens = gdal.Open(str(tmp_path / "token.tif"))
    assert (tokens.RasterCount, tokens.RasterXSize, tokens.RasterYSize) == (144, 40, 40)
    assert tokens.GetRasterBand(7).GetDescription() == "embedding 6 (mean, per 4 × 4 px token)"
    field = tokens.ReadAsArray().astype(np.float64).reshape(144, 4, 10, 4, 10).mean(axis=(2, 4))
    tile = gdal.Open(str(tmp_path / "tile.tif")).ReadAsArray()
    np.testing.assert_allclose(field, tile, atol=1e-4)
    assert np.abs(tokens.ReadAsArray()[:, :10, :10] - tile[:, :1, :1]).max() > 0.01  # tokens differ


def test_an_embedding_field_of_the_cls_token_is_refused(tmp_path, cli):
    code, _, err = cli("embed", LIVERPOOL, "--pooling", "cls", "--resolution", "token", "--out",
                       tmp_path / "e.tif")
    assert_one_error_line(code, err, "POOLING cls has no per-token form")
    assert not (tmp_path / "e.tif").exists()


def test_a_probe_fitted_on_tokens_says_so_and_paints_the_coast_at_120_m(tmp_path):
    """Sea and land positions on the real Liverpool product, read per token: the probe records
    it, and its map at 120 m puts the sea west of the land along each row."""
    from backend.options import SceneOptions
    from backend.training_areas import LabelledSamples, fit_probe_on_areas

    sea = [(col, row, 0) for col in range(30, 150, 12) for row in range(30, 240, 12)]
    land = [(col, row, 1) for col in range(330, 420, 12) for row in range(30, 240, 12)]
    samples = LabelledSamples(sea + land, ["sea", "land"])
    probe, report = fit_probe_on_areas(str(LIVERPOOL), samples, DEFAULT_CHECKPOINT,
                                       SceneOptions(device="cpu", resolution="token"))
    tile_probe, _ = fit_probe_on_areas(str(LIVERPOOL), samples, DEFAULT_CHECKPOINT,
                                       SceneOptions(device="cpu", resolution="tile"))
    assert probe.training["resolution"] == "token" and tile_probe.training["resolution"] == "tile"
    assert not np.allclose(probe.coef, tile_probe.coef)  # fitted on other features
    assert report.counts == {"sea": len(sea), "land": len(land)}
    probe.save(tmp_path / "probe_coast.json")
    classify(LIVERPOOL, tmp_path / "coast.tif", probe=str(tmp_path / "probe_coast.json"), stride=20,
             resolution="token", probabilities=None)
    coast = gdal.Open(str(tmp_path / "coast.tif")).ReadAsArray()
    assert (coast[:, :30] == 0).mean() > 0.95 and (coast[:, 85:105] == 1).mean() > 0.9


def test_by_default_a_map_has_120_m_cells_where_the_probe_and_stride_allow_it(tmp_path, cli):
    """auto, the default of classify: token cells for a probe on the mean of the tokens at a
    stride that is a multiple of 4 px; else one cell per stride, and the log says why. An
    embedding raster keeps one cell per stride unless asked (a 120 m field is 25× as large)."""
    def run(*args):
        code, out, err = cli(*args)
        assert code == 0, err
        return out + err

    run("classify", LIVERPOOL, "--stride", "40", "--out", tmp_path / "a.tif")
    log = run("classify", LIVERPOOL, "--stride", "30", "--out", tmp_path / "b.tif")
    assert "RESOLUTION auto: a cell per stride, since STRIDE 30 px is not a multiple of 4 px\n" in log
    cls_probe = LinearProbe.load(DEFAULT_PROBE)
    cls_probe.pooling = "cls"
    cls_probe.save(tmp_path / "probe_cls.json")
    log = run("classify", LIVERPOOL, "--stride", "40", "--probe", tmp_path / "probe_cls.json",
              "--out", tmp_path / "c.tif")
    assert ("RESOLUTION auto: a cell per stride, since this legend classifies whole 1.2 km tiles; choose a "
            "legend on the mean of the tokens (bigearthnet19-demo, eurosat10-mean, bigearthnet19-mean) for "
            "120 m cells\n") in log
    run("embed", LIVERPOOL, "--stride", "40", "--out", tmp_path / "e.tif")
    cells = {}
    for name in "abce":
        written = gdal.Open(str(tmp_path / f"{name}.tif"))
        cells[name] = (written.GetMetadataItem("RESOLUTION"), written.GetGeoTransform()[1])
    assert cells == {"a": ("token", 120.0), "b": ("tile", 900.0), "c": ("tile", 1200.0),
                     "e": ("tile", 1200.0)}


def test_the_toolbox_defaults_match_the_command_line(provider):
    from qgis.core import QgsApplication

    def default(name):
        algorithm = QgsApplication.processingRegistry().algorithmById(f"moemae:{name}")
        return algorithm.parameterDefinition("RESOLUTION").defaultValue()

    assert [default(name) for name in ("classify", "trainprobe", "embed")] == ["auto", "auto", "tile"]


def test_why_a_map_is_not_at_120_m_says_what_to_choose_instead():
    from backend.catalogue import why_not_tokens

    assert why_not_tokens("cls", 20) == (
        "this legend classifies whole 1.2 km tiles; choose a legend on the mean of the tokens "
        "(bigearthnet19-demo, eurosat10-mean, bigearthnet19-mean) for 120 m cells")
    assert why_not_tokens("cls", 20, legend=False) == (
        "POOLING cls describes whole 1.2 km tiles; POOLING mean or patch-mean gives 120 m cells")
    assert why_not_tokens("mean", 20) == ""

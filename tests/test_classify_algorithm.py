"""moemae:classify in real QGIS (pytest-qgis): the mosaic test, styling, dates, bad input."""
from datetime import datetime

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import QgsProcessingException, QgsRasterLayer

from backend import data, geo
from backend.catalogue import DEFAULT_CHECKPOINT, DEFAULT_PROBE
from backend.checkpoint import load_pretrained
from backend.embed import embed_tiles
from backend.metadata import encode_metadata
from backend.probe import LinearProbe
from helpers import SAMPLE, box, training_layer, write_raster
from moemae_qgis.algorithms.base import LandCoverStyler

WHEN = datetime(2017, 6, 13, 10, 10, 31)


@pytest.fixture(scope="module")
def mosaic(tmp_path_factory):
    arrays = data.load(data.open_dataset(SAMPLE))
    images = np.asarray(arrays.images)
    usable = np.flatnonzero(np.all(images == 0, axis=1).mean(axis=(1, 2)) < 0.5)  # no all-fill patch
    crops = images[usable[:16]]
    pixels = crops.reshape(4, 4, 7, 40, 40).transpose(2, 0, 3, 1, 4).reshape(7, 160, 160)
    folder = tmp_path_factory.mktemp("scene")
    return write_raster(folder / "mosaic.tif", pixels), crops


def direct_classes(path, crops, when):
    """What the backend gives for each patch on its own, with the metadata of its place in the mosaic."""
    model, probe = load_pretrained(DEFAULT_CHECKPOINT), LinearProbe.load(DEFAULT_PROBE)
    src = gdal.Open(str(path))
    cx, cy = np.tile(np.arange(4) * 40 + 20, 4), np.repeat(np.arange(4) * 40 + 20, 4)
    lon, lat = geo.to_lonlat(src.GetProjection(), *geo.pixel_to_map(src.GetGeoTransform(), cx, cy))
    meta = np.stack(encode_metadata(when, list(lat), list(lon)), axis=1)
    return probe.predict_proba(embed_tiles(model, crops, meta, pooling="mean")).argmax(axis=1).reshape(4, 4)


def test_mosaic_through_moemae_classify_matches_the_backend(provider, mosaic, tmp_path):
    import processing

    path, crops = mosaic
    out = tmp_path / "landcover.tif"
    result = processing.run("moemae:classify", {"INPUT": str(path), "STRIDE": 40, "DEVICE": "cpu",
                                                "ACQUISITION_DATE": "2017-06-13T10:10:31",
                                                "RESOLUTION": "tile", "OUTPUT": str(out)})
    assert result["OUTPUT"] == str(out)
    classes_map = gdal.Open(str(out)).ReadAsArray()
    assert np.array_equal(classes_map, direct_classes(path, crops, WHEN))


def test_output_is_styled_as_land_cover(provider, mosaic, tmp_path):
    """The algorithm itself attaches the styling QGIS applies when it loads the result."""
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback, QgsProject

    path, _ = mosaic
    out = tmp_path / "landcover.tif"
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    details = QgsProcessingContext.LayerDetails("land cover", QgsProject.instance(), "OUTPUT")
    context.addLayerToLoadOnCompletion(str(out), details)
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("moemae:classify")
    results, ok = algorithm.run({"INPUT": str(path), "STRIDE": 40, "DEVICE": "cpu", "OUTPUT": str(out)},
                                context,
                                QgsProcessingFeedback())
    assert ok and results["OUTPUT"] == str(out)
    styler = context.layerToLoadOnCompletionDetails(str(out)).postProcessor()
    assert isinstance(styler, LandCoverStyler) and styler in LandCoverStyler.pending
    layer = QgsRasterLayer(str(out), "land cover")
    styler.postProcessLayer(layer, context, QgsProcessingFeedback())
    assert styler not in LandCoverStyler.pending  # kept only until it has run
    renderer = layer.renderer()
    assert renderer.type() == "paletted"
    labels = {c.value: c.label for c in renderer.classes()}
    assert labels[9] == "Coniferous forest" and renderer.classes()[9].color.name() == "#00a600"


def test_date_from_an_mtl_file_beside_the_raster(provider, mosaic, tmp_path):
    import processing
    from qgis.core import QgsProcessingFeedback

    path, crops = mosaic
    scene = tmp_path / "LC08_L2SP_190017_20210615_20210622_02_T1_SR.tif"
    scene.write_bytes(path.read_bytes())
    (tmp_path / "LC08_L2SP_190017_20210615_20210622_02_T1_MTL.txt").write_text(
        "DATE_ACQUIRED = 2021-06-15\nSCENE_CENTER_TIME = \"09:53:12.45Z\"\n")
    log = []

    class Feedback(QgsProcessingFeedback):
        def pushInfo(self, info):  # noqa: N802
            log.append(info)

    out = tmp_path / "map.tif"
    processing.run("moemae:classify",
                   {"INPUT": str(scene), "STRIDE": 40, "DEVICE": "cpu", "RESOLUTION": "tile",
                    "OUTPUT": str(out)},
                   feedback=Feedback())
    assert any(line.startswith("Acquisition: 2021-06-15 09:53 UTC (from the MTL file") for line in log)
    assert np.array_equal(gdal.Open(str(out)).ReadAsArray(),
                          direct_classes(scene, crops, datetime(2021, 6, 15, 9, 53, 12)))


def test_too_few_bands_is_refused_without_output(provider, tmp_path):
    import processing

    path = write_raster(tmp_path / "rgb.tif", np.ones((3, 80, 80), np.uint16))
    out = tmp_path / "map.tif"
    with pytest.raises(QgsProcessingException, match=r"has 3 band.*needs 7"):
        processing.run("moemae:classify", {"INPUT": str(path), "DEVICE": "cpu", "OUTPUT": str(out)})
    assert not out.exists()


def test_embed_writes_one_band_per_embedding_dimension(provider, mosaic, tmp_path):
    import processing

    path, crops = mosaic
    out = tmp_path / "embeddings.tif"
    processing.run("moemae:embed", {"INPUT": str(path), "STRIDE": 40, "DEVICE": "cpu", "POOLING": "mean",
                                    "ACQUISITION_DATE": "2017-06-13T10:10:31", "OUTPUT": str(out)})
    ds = gdal.Open(str(out))
    assert ds.RasterCount == 144 and (ds.RasterXSize, ds.RasterYSize) == (4, 4)
    assert ds.GetRasterBand(1).DataType == gdal.GDT_Float32
    values = ds.ReadAsArray().reshape(144, 16).T
    model = load_pretrained(DEFAULT_CHECKPOINT)
    src = gdal.Open(str(path))
    cx, cy = np.tile(np.arange(4) * 40 + 20, 4), np.repeat(np.arange(4) * 40 + 20, 4)
    lon, lat = geo.to_lonlat(src.GetProjection(), *geo.pixel_to_map(src.GetGeoTransform(), cx, cy))
    meta = np.stack(encode_metadata(WHEN, list(lat), list(lon)), axis=1)
    direct = embed_tiles(model, crops, meta, pooling="mean", precision="auto")
    assert np.linalg.norm(values - direct) / np.linalg.norm(direct) < 2e-2


def test_trainprobe_fits_the_users_classes_and_classify_uses_them(provider, mosaic, tmp_path):
    import processing
    from qgis.core import QgsProcessingFeedback

    path, _ = mosaic
    # Left half of the mosaic "west", right half "east": polygons over each.
    areas = training_layer(tmp_path / "areas.gpkg",
                           [(box(0, 0, 80, 160), "west"), (box(80, 0, 160, 160), "east")])
    log = []

    class Feedback(QgsProcessingFeedback):
        def pushInfo(self, info):  # noqa: N802
            log.append(info)

    probe_path = tmp_path / "probe.json"
    processing.run("moemae:trainprobe", {"INPUT": str(path), "TRAINING": areas, "CLASS_FIELD": "cover",
                                         "SPACING": 20, "DEVICE": "cpu", "OUTPUT": str(probe_path)},
                   feedback=Feedback())
    probe = LinearProbe.load(probe_path)
    assert probe.class_names == ["west", "east"] and not probe.multilabel
    assert any(line.startswith("Cross-validated accuracy (5-fold): ") for line in log)
    assert any(line.strip().startswith("west: ") for line in log)
    out = tmp_path / "map.tif"
    processing.run("moemae:classify",
                   {"INPUT": str(path), "PROBE": str(probe_path), "STRIDE": 40, "DEVICE": "cpu",
                                       "OUTPUT": str(out)})
    classes_map = gdal.Open(str(out)).ReadAsArray()  # 40 × 40 cells of 4 px: the probe and map are per token
    assert probe.training["resolution"] == "token" and classes_map.shape == (40, 40)
    assert (classes_map[:, :20] == 0).mean() > 0.7 and (classes_map[:, 20:] == 1).mean() > 0.7


def test_trainprobe_refuses_a_class_with_too_few_samples(provider, mosaic, tmp_path):
    import processing

    path, _ = mosaic
    areas = training_layer(tmp_path / "areas.gpkg",
                           [(box(0, 0, 160, 160), "land"), (box(60, 60, 62, 62), "lake")])
    with pytest.raises(QgsProcessingException, match="too few samples: 'lake' has 1"):
        processing.run("moemae:trainprobe", {"INPUT": str(path), "TRAINING": areas, "CLASS_FIELD": "cover",
                                             "DEVICE": "cpu", "OUTPUT": str(tmp_path / "probe.json")})
    assert not (tmp_path / "probe.json").exists()


def test_geographic_crs_and_non_square_raster(provider, mosaic, tmp_path):
    import processing

    path, _ = mosaic
    pixels = gdal.Open(str(path)).ReadAsArray()[:, :80, :]  # 160 × 80 px
    geographic = write_raster(tmp_path / "wgs84.tif", pixels, epsg=4326,
                              transform=(21.0, 0.00054, 0.0, 63.3, 0.0, -0.00027))  # ~27 × 30 m at 63° N
    out = tmp_path / "map.tif"
    processing.run("moemae:classify",
                   {"INPUT": str(geographic), "STRIDE": 40, "DEVICE": "cpu", "OUTPUT": str(out)})
    result = gdal.Open(str(out))
    assert (result.RasterXSize, result.RasterYSize) == (40, 20)  # cells of 4 px, the default
    assert result.GetGeoTransform() == pytest.approx((21.0, 0.00216, 0.0, 63.3, 0.0, -0.00108))
    assert (result.ReadAsArray() != 255).all()


def test_missing_torch_is_a_clear_error_not_a_crash(provider, mosaic, tmp_path, monkeypatch):
    import sys

    import processing

    path, _ = mosaic
    monkeypatch.setitem(sys.modules, "torch", None)  # as in a QGIS whose Python has no torch
    with pytest.raises(QgsProcessingException, match=r"QGIS's Python lacks torch.*Install missing Python "
                                                     "packages"):
        processing.run("moemae:classify",
                       {"INPUT": str(path), "DEVICE": "cpu", "OUTPUT": str(tmp_path / "m.tif")})
    assert not (tmp_path / "m.tif").exists()


@pytest.mark.parametrize("bands", ["1,2,3,4,5,6,7", "1 2 3 4 5 6 7", "SR_B1"])
def test_a_band_list_qgis_would_misread_is_refused_with_the_separator_it_wants(provider, tmp_path, bands):
    """Issue 19, finding 10: QGIS read BANDS=1,2,3,4,5,6,7 as one band, and the user was told
    "BANDS lists 1 bands"."""
    import processing

    path = write_raster(tmp_path / "stack.tif", np.ones((8, 80, 80), np.uint16))
    out = tmp_path / "map.tif"
    with pytest.raises(QgsProcessingException) as refused:
        processing.run("moemae:classify", {"INPUT": str(path), "BANDS": bands, "DEVICE": "cpu",
                                           "OUTPUT": str(out)})
    assert f"BANDS {bands!r} was not understood: QGIS wants the band numbers separated by ';'" \
        in str(refused.value)
    assert "lists 1 bands" not in str(refused.value) and not out.exists()


def test_a_band_list_with_semicolons_is_read(provider, tmp_path):
    """The separator QGIS wants passes the check and reaches the backend's own (8 bands given)."""
    import processing

    path = write_raster(tmp_path / "stack.tif", np.ones((8, 80, 80), np.uint16))
    with pytest.raises(QgsProcessingException, match="BANDS lists 8 bands; the model needs 7"):
        processing.run("moemae:classify", {"INPUT": str(path), "BANDS": "1;2;3;4;5;6;7;8", "DEVICE": "cpu",
                                           "OUTPUT": str(tmp_path / "map.tif")})


def test_a_raster_inside_a_zip_is_read_as_the_cli_reads_it(provider, mosaic, tmp_path):
    """Issue 19, finding 10: QGIS's Processing found no layer in a /vsizip/ path that the CLI
    reads; the map is the one the unzipped raster gives."""
    import zipfile

    import processing

    path, _ = mosaic
    archive = tmp_path / "scene.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(path, "inside/scene.tif")
    maps = {}
    for name, source in (("plain", str(path)), ("zipped", f"/vsizip/{archive}/inside/scene.tif")):
        maps[name] = tmp_path / f"{name}.tif"
        processing.run("moemae:classify", {"INPUT": source, "STRIDE": 40, "DEVICE": "cpu",
                                           "RESOLUTION": "tile", "ACQUISITION_DATE": "2017-06-13T10:10:31",
                                           "OUTPUT": str(maps[name])})
    zipped, plain = (gdal.Open(str(maps[name])).ReadAsArray() for name in ("zipped", "plain"))
    assert np.array_equal(zipped, plain) and (plain != 255).all()
    with pytest.raises(QgsProcessingException, match=r"GDAL cannot open /vsizip/.*missing.tif as a raster"):
        processing.run("moemae:classify", {"INPUT": f"/vsizip/{archive}/missing.tif", "DEVICE": "cpu",
                                           "OUTPUT": str(tmp_path / "none.tif")})
    assert not (tmp_path / "none.tif").exists()

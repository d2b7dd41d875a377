"""The hostile-input battery through the QGIS algorithms (pytest-qgis, real QGIS): outputs that
are inputs, training areas on transformed rasters and with NULL classes, cancel, rasters without
georeferencing, dates, devices. The CLI and backend side is in test_hostile_cli.py."""
import math
from datetime import date, datetime

import numpy as np
import pytest
import torch
from osgeo import gdal
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsRasterLayer

from backend import raster
from backend.catalogue import DEFAULT_CHECKPOINT, DEFAULT_PROBE
from backend.probe import LinearProbe
from helpers import (
    box,
    classify_request,
    mosaic_pixels,
    sample_images,
    snapshot,
    training_layer,
    write_raster,
)


class Feedback(QgsProcessingFeedback):
    """Records what the algorithm tells the user; cancels itself once progress passes ``cancel_at``."""

    def __init__(self, cancel_at=None):
        super().__init__()
        self.infos, self.warnings, self.cancel_at = [], [], cancel_at

    def pushInfo(self, info):  # noqa: N802 - QGIS's name
        self.infos.append(info)

    def pushWarning(self, warning):  # noqa: N802
        self.warnings.append(warning)

    def setProgress(self, progress):  # noqa: N802
        super().setProgress(progress)
        if self.cancel_at is not None and progress > self.cancel_at:
            self.cancel()


def run(algorithm, parameters, feedback=None):
    import processing

    return processing.run(f"moemae:{algorithm}", parameters, feedback=feedback or Feedback())


@pytest.fixture
def scene(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    return write_raster(folder / "scene.tif", mosaic_pixels())


# --------------------------------------------------------------------------- 1. outputs that are inputs
def test_classify_refuses_its_input_as_output(provider, scene):
    before = snapshot(scene.parent)
    with pytest.raises(QgsProcessingException, match="is also the input raster"):
        run("classify", {"INPUT": str(scene), "DEVICE": "cpu", "OUTPUT": str(scene)})
    assert snapshot(scene.parent) == before


@pytest.mark.parametrize("target", ["scene", "training", "no extension"])
def test_trainprobe_refuses_an_output_that_is_an_input_or_not_json(provider, scene, target):
    areas = training_layer(scene.parent / "areas.gpkg",
                           [(box(0, 0, 80, 160), "west"), (box(80, 0, 160, 160), "east")])
    output = {"scene": str(scene), "training": areas, "no extension": str(scene.parent / "probe")}[target]
    before = snapshot(scene.parent)
    with pytest.raises(QgsProcessingException, match=r"is also the input raster|is also the training layer|"
                                                     "must end in .json"):
        run("trainprobe", {"INPUT": str(scene), "TRAINING": areas, "CLASS_FIELD": "cover", "DEVICE": "cpu",
                           "OUTPUT": output})
    assert snapshot(scene.parent) == before


# --------------------------------------------------------------------------- 5. training areas
def rotated_scene(path, angle_degrees=30.0):
    """A 160 × 160 px raster whose grid is rotated by ``angle_degrees`` (a geotransform with
    rotation terms, UTM 34N): its top-left quarter one real patch repeated (dark: water), its
    bottom-right quarter another (bright), the rest fill (0)."""
    images = sample_images()
    brightness = images[:, 4].mean(axis=(1, 2))  # near infrared: water is dark, vegetation bright
    usable = np.flatnonzero(np.all(images == 0, axis=1).mean(axis=(1, 2)) == 0)
    dark = images[usable[np.argmin(brightness[usable])]]
    bright = images[usable[np.argmax(brightness[usable])]]
    pixels = np.zeros((7, 160, 160), np.uint16)
    pixels[:, :80, :80] = np.tile(dark, (1, 2, 2))
    pixels[:, 80:, 80:] = np.tile(bright, (1, 2, 2))
    a = math.radians(angle_degrees)
    transform = (500000.0, 30 * math.cos(a), 30 * math.sin(a), 7000020.0, 30 * math.sin(a), -30 * math.cos(a))
    return write_raster(path, pixels, transform=transform), transform


def point_at(transform, col, row):
    x, y = gdal.ApplyGeoTransform(transform, col, row)
    return f"POINT({x} {y})"


def test_training_points_land_on_the_pixels_the_backend_reads_on_a_rotated_raster(provider, tmp_path):
    """Points at pixel centres inside the two valid quarters of a rotated raster: every one of
    their tiles lies inside its quarter, so none may be skipped as fill, and the probe paints each
    quarter with its class. (Positions taken from QGIS's extent, the bounding box of the rotated
    grid, fall tens of pixels away, on fill.)"""
    path, transform = rotated_scene(tmp_path / "rotated.tif")
    water, land = (20, 40, 60), (100, 120, 140)
    points = [(point_at(transform, c + 0.5, r + 0.5), "water") for c in water for r in water]
    points += [(point_at(transform, c + 0.5, r + 0.5), "land") for c in land for r in land]
    areas = training_layer(tmp_path / "points.gpkg", points, geometry="Point")
    probe_path, feedback = tmp_path / "probe.json", Feedback()
    run("trainprobe", {"INPUT": str(path), "TRAINING": areas, "CLASS_FIELD": "cover", "DEVICE": "cpu",
                       "OUTPUT": str(probe_path)}, feedback)
    assert "  water: 9 tiles" in feedback.infos and "  land: 9 tiles" in feedback.infos
    assert not any("skipped" in line for line in feedback.infos)
    out = tmp_path / "map.tif"
    run("classify",
        {"INPUT": str(path), "PROBE": str(probe_path), "STRIDE": 40, "DEVICE": "cpu", "RESOLUTION": "tile",
         "OUTPUT": str(out)})
    expected = np.full((4, 4), 255)
    expected[:2, :2], expected[2:, 2:] = 0, 1
    assert np.array_equal(gdal.Open(str(out)).ReadAsArray(), expected)


def test_sample_positions_are_the_raster_grid_positions(provider, tmp_path):
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject, QgsVectorLayer

    from backend.geo import PixelGrid
    from moemae_qgis.algorithms.trainprobe import sample_positions

    path, transform = rotated_scene(tmp_path / "rotated.tif", angle_degrees=17.0)
    wanted = [(12.5, 7.5), (100.5, 150.5), (159.5, 0.5)]
    layer = QgsVectorLayer(training_layer(tmp_path / "p.gpkg",
                                          [(point_at(transform, c, r), "x") for c, r in wanted]
                                          + [(point_at(transform, 170.5, 5.5), "x")], geometry="Point"), "p",
                           "ogr")
    crs = QgsCoordinateReferenceSystem("EPSG:32634")
    found = sample_positions(layer, "cover", QgsCoordinateTransform(crs, crs, QgsProject.instance()),
                             PixelGrid.of(str(path)), 20, Feedback())
    assert np.allclose([s[:2] for s in found.samples], wanted, atol=1e-6)
    assert (found.features, found.outside, found.no_class) == (4, 1, 0)


def test_null_classes_are_left_out_and_counted_never_a_class_named_null(provider, scene, tmp_path):
    areas = training_layer(tmp_path / "areas.gpkg",
                           [(box(0, 0, 80, 160), "west"), (box(80, 0, 160, 160), "east"),
                                                     (box(0, 0, 160, 40), None),
                            (box(0, 120, 160, 160), "  ")])
    feedback = Feedback()
    run("trainprobe", {"INPUT": str(scene), "TRAINING": areas, "CLASS_FIELD": "cover", "DEVICE": "cpu",
                       "SPACING": 20, "OUTPUT": str(tmp_path / "probe.json")}, feedback)
    assert LinearProbe.load(tmp_path / "probe.json").class_names == ["west", "east"]
    assert "2 of 4 features have no class ('cover' is NULL or empty) and were left out" in feedback.warnings


def test_training_areas_all_outside_the_raster_are_said_to_be_outside(provider, scene, tmp_path):
    far = (600000.0, 6000000.0)
    areas = training_layer(tmp_path / "areas.gpkg", [(box(0, 0, 80, 160, origin=far), "west"),
                                                     (box(80, 0, 160, 160, origin=far), "east")])
    with pytest.raises(QgsProcessingException, match=r"none of the 2 training features lies on the raster.*"
                                                     "EPSG:32634.*do not overlap"):
        run("trainprobe", {"INPUT": str(scene), "TRAINING": areas, "CLASS_FIELD": "cover", "DEVICE": "cpu",
                           "OUTPUT": str(tmp_path / "probe.json")})
    assert not (tmp_path / "probe.json").exists()


# --------------------------------------------------------------------------- 6. cancel and memory
@pytest.mark.parametrize("algorithm, extra", [("classify", {"BATCH_SIZE": 4}), ("embed", {"BATCH_SIZE": 4}),
                                              ("trainprobe", {}), ("similarity", {}), ("cluster", {})])
def test_a_cancelled_run_is_an_error_and_leaves_nothing(provider, scene, tmp_path, algorithm, extra):
    """A cancel must not look like success (qgis_process exited 0 after one)."""
    parameters = {"INPUT": str(scene), "DEVICE": "cpu", "STRIDE": 40, "OUTPUT": str(tmp_path / "out.tif"),
                  **extra}
    if algorithm == "trainprobe":
        parameters.update(TRAINING=training_layer(tmp_path / "areas.gpkg", [(box(0, 0, 80, 160), "west"),
                                                                           (box(80, 0, 160, 160), "east")]),
                          CLASS_FIELD="cover", SPACING=10, OUTPUT=str(tmp_path / "out.json"))
    if algorithm == "similarity":
        parameters.update(POINTS=training_layer(tmp_path / "points.gpkg", [("POINT(500600 6999420)", "here")],
                                                       "Point"))
    before = snapshot(tmp_path)
    with pytest.raises(QgsProcessingException, match=r"Cancelled: no (output|probe) was written"):
        run(algorithm, parameters, Feedback(cancel_at=0))
    assert snapshot(tmp_path) == before
    from backend.embedding_cache import cache_dir

    assert not cache_dir().exists() or not any(cache_dir().iterdir())  # no half-built field either


def test_a_huge_batch_size_is_lowered_and_said(provider, scene, tmp_path):
    feedback = Feedback()
    run("classify",
        {"INPUT": str(scene), "DEVICE": "cpu", "BATCH_SIZE": 65536, "OUTPUT": str(tmp_path / "m.tif")},
        feedback)
    assert any(line.startswith("batch size 65536 lowered to 256") for line in feedback.infos)


# --------------------------------------------------------------------------- 10. smaller
def test_a_map_of_a_raster_without_georeferencing_overlays_it_in_qgis(provider, tmp_path):
    path = write_raster(tmp_path / "plain.tif", mosaic_pixels()[:, :120], georeferenced=False)
    out = tmp_path / "map.tif"
    feedback = Feedback()
    run("classify", {"INPUT": str(path), "STRIDE": 40, "DEVICE": "cpu", "OUTPUT": str(out)}, feedback)
    source, result = QgsRasterLayer(str(path), "in"), QgsRasterLayer(str(out), "out")
    assert result.extent() == source.extent(), (result.extent().toString(), source.extent().toString())
    assert any("no georeferencing" in line for line in feedback.warnings)  # a warning, not plain info


@pytest.mark.parametrize("text, when", [("2021-06-15T11:53:12+02:00", datetime(2021, 6, 15, 9, 53, 12)),
                                        ("2021-06-15", date(2021, 6, 15))])
def test_a_text_date_means_what_it_means_in_the_cli(provider, scene, tmp_path, text, when):
    feedback = Feedback()
    run("classify", {"INPUT": str(scene), "STRIDE": 40, "DEVICE": "cpu", "ACQUISITION_DATE": text,
                     "OUTPUT": str(tmp_path / "q.tif"), "OUTPUT_PROBABILITIES": str(tmp_path / "pq.tif")},
        feedback)
    raster.classify_raster(classify_request(
        input=str(scene), output=str(tmp_path / "b.tif"), checkpoint=str(DEFAULT_CHECKPOINT),
        probe=str(DEFAULT_PROBE),
        stride=40, acquisition=when, device="cpu", probabilities=str(tmp_path / "pb.tif")))
    assert np.array_equal(gdal.Open(str(tmp_path / "pq.tif")).ReadAsArray(),
                          gdal.Open(str(tmp_path / "pb.tif")).ReadAsArray())
    expected = when.strftime("%Y-%m-%d %H:%M UTC") if isinstance(when, datetime) else when.isoformat()
    assert f"Acquisition: {expected} (from the ACQUISITION_DATE parameter)" in feedback.infos


def test_device_cuda_n_is_accepted_as_the_readme_promises(provider, scene, tmp_path):
    parameters = {"INPUT": str(scene), "STRIDE": 40, "DEVICE": "cuda:0", "OUTPUT": str(tmp_path / "m.tif")}
    if torch.cuda.is_available():
        assert run("classify", parameters)["OUTPUT"] == str(tmp_path / "m.tif")
    else:  # refused by the backend, which says why, not by the parameter's list of choices
        with pytest.raises(QgsProcessingException, match="device 'cuda' was asked for but PyTorch sees no "
                                                         "CUDA GPU"):
            run("classify", parameters)


# --------------------------------------------------------------------------- sample and assess
@pytest.fixture
def class_map(tmp_path):
    from backend.map_writer import category_names

    codes = np.repeat(np.arange(3, dtype=np.uint8), 400).reshape(1, 30, 40)
    path = write_raster(tmp_path / "map.tif", codes, data_type=gdal.GDT_Byte, nodata=255)
    ds = gdal.Open(str(path), gdal.GA_Update)
    ds.GetRasterBand(1).SetCategoryNames(category_names(["Water", "Forest", "Town"]))
    ds = None
    return path


def test_sample_refuses_an_output_it_cannot_write_as_a_geopackage(provider, class_map, tmp_path):
    before = snapshot(tmp_path)
    with pytest.raises(QgsProcessingException, match=r"must end in .gpkg"):
        run("sample", {"INPUT": str(class_map), "OUTPUT": str(tmp_path / "points.shp")})
    with pytest.raises(QgsProcessingException, match="not both"):
        run("sample", {"INPUT": str(class_map), "SIZE": 10, "TARGET_SE": 0.01, "USERS_ACCURACY": "0.8",
                       "OUTPUT": str(tmp_path / "points.gpkg")})
    with pytest.raises(QgsProcessingException, match="a number between 0 and 1"):
        run("sample", {"INPUT": str(class_map), "TARGET_SE": 0.01, "USERS_ACCURACY": "0.8; Water=high",
                       "OUTPUT": str(tmp_path / "points.gpkg")})
    assert snapshot(tmp_path) == before


def test_assess_refuses_its_map_as_output_and_writes_nothing(provider, class_map, tmp_path):
    points = run("sample", {"INPUT": str(class_map), "SIZE": 12, "MIN_PER_CLASS": 2,
                            "OUTPUT": str(tmp_path / "points.gpkg")})["OUTPUT"]
    before = snapshot(tmp_path)
    with pytest.raises(QgsProcessingException, match="is also the map"):
        run("assess", {"INPUT": str(class_map), "REFERENCE": points, "FIELD": "reference",
                       "OUTPUT": str(tmp_path / "r.json"), "OUTPUT_HTML": str(class_map)})
    unlabelled = "no point of .* can be used: 0 outside the map, 0 on nodata, 12 without a label"
    with pytest.raises(QgsProcessingException, match=unlabelled):
        run("assess", {"INPUT": str(class_map), "REFERENCE": points, "FIELD": "reference",
                       "OUTPUT": str(tmp_path / "r.json"), "OUTPUT_HTML": str(tmp_path / "r.html")})
    assert snapshot(tmp_path) == before


# --------------------------------------------------------------------------- change between two dates
def test_change_refuses_an_input_as_output_and_dates_on_other_grids(provider, scene, tmp_path):
    other = write_raster(tmp_path / "other.tif", mosaic_pixels(), epsg=32633)
    before = snapshot(tmp_path)
    with pytest.raises(QgsProcessingException, match=r"is in EPSG:32633.*gdalwarp"):
        run("change", {"BEFORE": str(scene), "AFTER": str(other), "DEVICE": "cpu",
                       "OUTPUT": str(tmp_path / "c.tif"), "OUTPUT_CHANGED": str(tmp_path / "m.tif")})
    with pytest.raises(QgsProcessingException, match=r"scene\.tif"):
        run("change", {"BEFORE": str(scene), "AFTER": str(scene), "DEVICE": "cpu", "OUTPUT": str(scene),
                       "OUTPUT_CHANGED": str(tmp_path / "m.tif")})
    assert snapshot(tmp_path) == before


def test_a_cancelled_change_is_an_error_and_leaves_nothing(provider, scene, tmp_path):
    before = snapshot(tmp_path)
    with pytest.raises(QgsProcessingException, match=r"Cancelled: no output was written"):
        run("change", {"BEFORE": str(scene), "AFTER": str(scene), "DEVICE": "cpu", "STRIDE": 40,
                       "OUTPUT": str(tmp_path / "c.tif"), "OUTPUT_CHANGED": str(tmp_path / "m.tif")},
            Feedback(cancel_at=0))
    assert snapshot(tmp_path) == before


def test_change_of_a_scene_with_itself_flags_nothing_and_says_so(provider, scene, tmp_path):
    feedback = Feedback()
    result = run("change", {"BEFORE": str(scene), "AFTER": str(scene), "DEVICE": "cpu",
                            "OUTPUT": str(tmp_path / "c.tif"), "OUTPUT_CHANGED": str(tmp_path / "m.tif")},
                 feedback)
    mask = gdal.Open(result["OUTPUT_CHANGED"]).ReadAsArray()
    scores = gdal.Open(result["OUTPUT"]).ReadAsArray()
    assert not (mask == 1).any() and np.nanmax(scores) < 1e-4
    assert any("hardly differ" in line for line in feedback.warnings), feedback.warnings


def test_change_takes_two_products_as_downloaded(provider, tmp_path):
    from helpers import LIVERPOOL, changed_product

    later = changed_product(LIVERPOOL, tmp_path, "LC08_L2SP_204023_20201018_20201030_02_T1", "2020-10-18",
                            (2, 6))
    feedback = Feedback()
    result = run("change", {"BEFORE": str(LIVERPOOL), "AFTER": str(later), "DEVICE": "cpu",
                            "OUTPUT": str(tmp_path / "c.tif"), "OUTPUT_CHANGED": str(tmp_path / "m.tif")},
                 feedback)
    assert any("starts +2, +6 px" in line for line in feedback.infos), feedback.infos
    assert any("2020-10-18" in line for line in feedback.infos)
    scores = gdal.Open(result["OUTPUT"]).ReadAsArray()
    assert np.nanmax(scores) < 0.01  # the same pixels, three weeks on


class CancelAfter(Feedback):
    """Cancels at the ``n``-th progress report: on a scene of one batch, the end of the n-th pass
    (embedding before, after; classifying before, after)."""

    def __init__(self, n):
        super().__init__()
        self.n, self.reports = n, 0

    def setProgress(self, progress):  # noqa: N802
        self.reports += 1
        super().setProgress(progress)
        if self.reports >= self.n:
            self.cancel()


@pytest.mark.parametrize("n", [1, 3])
def test_change_cancelled_in_a_later_pass_leaves_nothing(provider, scene, tmp_path, n):
    other = write_raster(tmp_path / "in" / "other.tif", mosaic_pixels(), origin=(500030.0, 7000020.0))
    before = snapshot(tmp_path)
    feedback = CancelAfter(n)
    with pytest.raises(QgsProcessingException, match=r"Cancelled: no output was written"):
        run("change", {"BEFORE": str(scene), "AFTER": str(other), "DEVICE": "cpu",
                       "PROBE": str(DEFAULT_PROBE), "OUTPUT": str(tmp_path / "c.tif"),
                       "OUTPUT_CHANGED": str(tmp_path / "m.tif"), "OUTPUT_TABLE": str(tmp_path / "t.csv")},
            feedback)
    assert feedback.reports == n
    assert snapshot(tmp_path) == before


def test_change_takes_the_same_layer_twice_and_says_so(provider, scene, tmp_path):
    layer = QgsRasterLayer(str(scene), "scene")
    feedback = Feedback()
    result = run("change", {"BEFORE": layer, "AFTER": layer, "DEVICE": "cpu", "STRIDE": 40,
                            "OUTPUT": str(tmp_path / "c.tif"), "OUTPUT_CHANGED": str(tmp_path / "m.tif")},
                 feedback)
    assert np.nanmax(gdal.Open(result["OUTPUT"]).ReadAsArray()) < 1e-4
    assert any("same files" in line for line in feedback.warnings), feedback.warnings


def test_change_refuses_a_layer_without_crs_and_one_not_read_by_gdal(provider, scene, tmp_path):
    bare = write_raster(tmp_path / "bare.tif", mosaic_pixels(), georeferenced=False)
    # The file, not a QgsRasterLayer of it: a layer object of a raster without georeferencing
    # passed to processing.run leaves the test process to crash as it exits (QGIS 3.22; not yet
    # understood), though the run itself refuses it as here.
    with pytest.raises(QgsProcessingException, match=r"AFTER \(bare\.tif\) has no georeferencing.*Assign"):
        run("change", {"BEFORE": str(scene), "AFTER": str(bare), "DEVICE": "cpu",
                       "OUTPUT": str(tmp_path / "c.tif"), "OUTPUT_CHANGED": str(tmp_path / "m.tif")})
    # A layer no GDAL file is behind (QGIS's raster calculator, in memory; a WMS layer would do
    # as well, but one left to the interpreter's exit crashes the test process as it exits).
    calc = QgsRasterLayer("?crs=EPSG:32634&extent=0,0,1200,1200&width=40&height=40&formula=1", "calc",
                          "virtualraster")
    assert calc.isValid()
    with pytest.raises(QgsProcessingException, match="calc is a virtualraster layer; save it as a GeoTIFF"):
        run("change", {"BEFORE": calc, "AFTER": str(scene), "DEVICE": "cpu",
                       "OUTPUT": str(tmp_path / "c.tif"), "OUTPUT_CHANGED": str(tmp_path / "m.tif")})
    assert not (tmp_path / "c.tif").exists() and not (tmp_path / "m.tif").exists()


def test_change_takes_a_layer_held_in_memory(provider, scene, tmp_path):
    gdal.Translate("/vsimem/change-before.tif", str(scene))
    try:
        layer = QgsRasterLayer("/vsimem/change-before.tif", "in memory", "gdal")
        result = run("change", {"BEFORE": layer, "AFTER": str(scene), "DEVICE": "cpu", "STRIDE": 40,
                                "OUTPUT": str(tmp_path / "c.tif"), "OUTPUT_CHANGED": str(tmp_path / "m.tif")})
    finally:
        gdal.Unlink("/vsimem/change-before.tif")
    assert np.nanmax(gdal.Open(result["OUTPUT"]).ReadAsArray()) < 1e-4  # the same pixels


def test_low_change_scores_let_the_scenes_show_through(provider, tmp_path):
    """The score layer's style: a cell that did not change is drawn see-through, so the two dates
    under it stay visible; the threshold half see-through; twice it and above, opaque red."""
    from qgis.PyQt.QtGui import QColor

    from moemae_qgis.algorithms.change import apply_change_style

    scores = np.array([[[0.0, 0.05, 0.1, 0.2, 0.5]]], np.float32)
    path = write_raster(tmp_path / "scores.tif", scores, data_type=gdal.GDT_Float32)
    layer = QgsRasterLayer(str(path), "scores")
    apply_change_style(layer, threshold=0.1)
    block = layer.renderer().block(1, layer.extent(), 5, 1)
    colours = [QColor.fromRgba(block.color(0, col)) for col in range(5)]
    alpha = [colour.alpha() for colour in colours]
    assert alpha[0] == 0 and 0 < alpha[1] < alpha[2] < alpha[3] == alpha[4] == 255, alpha
    assert colours[4].red() > 150 and colours[4].green() < 50
    assert layer.opacity() == 1.0


@pytest.mark.parametrize("threshold", [float("nan"), "nan", "abc"])
def test_change_refuses_a_threshold_that_is_no_score_before_any_work(provider, scene, tmp_path, threshold):
    """QGIS's number parameter lets NaN and text through (qgis_process, a model): NaN flagged no
    cell, and text was read as 0, every cell changed."""
    feedback = Feedback()
    refused = r"the change threshold must be auto or a score from 0 to 2"
    with pytest.raises(QgsProcessingException, match=refused):
        run("change", {"BEFORE": str(scene), "AFTER": str(scene), "DEVICE": "cpu", "THRESHOLD": threshold,
                       "OUTPUT": str(tmp_path / "c.tif"), "OUTPUT_CHANGED": str(tmp_path / "m.tif")},
            feedback)
    assert not any(line.startswith("time:") for line in feedback.infos)  # nothing was encoded
    assert not (tmp_path / "c.tif").exists()

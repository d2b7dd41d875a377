"""moemae:trainprobe in real QGIS: its own inputs first, colours from names or a colour field,
samples in small polygons, and a warning when too few samples make the accuracy meaningless."""
import colorsys

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from backend.probe import LinearProbe
from backend.training_areas import MIN_SAMPLES_FOR_ACCURACY, accuracy_interval, accuracy_warning
from helpers import box, mosaic_pixels, snapshot, training_layer, write_raster


class Feedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.infos, self.warnings = [], []

    def pushInfo(self, info):  # noqa: N802 - QGIS's name
        self.infos.append(info)

    def pushWarning(self, warning):  # noqa: N802
        self.warnings.append(warning)


def run(parameters, feedback=None):
    import processing

    return processing.run("moemae:trainprobe", {"DEVICE": "cpu", "CLASS_FIELD": "cover", **parameters},
                          feedback=feedback or Feedback())


@pytest.fixture
def scene(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    return write_raster(folder / "scene.tif", mosaic_pixels())


def hue(rgb) -> float:
    return colorsys.rgb_to_hsv(*(v / 255 for v in rgb))[0] * 360


def test_the_probes_own_inputs_come_first_and_scene_options_it_ignores_are_not_offered(provider):
    from qgis.core import QgsApplication

    algorithm = QgsApplication.processingRegistry().algorithmById("moemae:trainprobe")
    names = [p.name() for p in algorithm.parameterDefinitions()]
    assert names[:5] == ["TRAINING", "CLASS_FIELD", "COLOUR_FIELD", "SPACING", "INPUT"]
    assert "STRIDE" not in names and "BATCH_SIZE" not in names
    resolution = algorithm.parameterDefinition("RESOLUTION")
    assert resolution.description() == "Sample features" and "120 m token" in resolution.help()


def test_classes_are_coloured_by_their_names(provider, scene, tmp_path):
    areas = training_layer(tmp_path / "areas.gpkg", [(box(0, 0, 80, 160), "Open water"),
                                                     (box(80, 0, 160, 160), "forest")])
    run({"INPUT": str(scene), "TRAINING": areas, "SPACING": 20, "OUTPUT": str(tmp_path / "probe.json")})
    water, forest = LinearProbe.load(tmp_path / "probe.json").colours
    assert 180 <= hue(water) <= 250 and 90 <= hue(forest) <= 160


def test_a_colour_field_gives_the_classes_their_colours(provider, scene, tmp_path):
    areas = training_layer(tmp_path / "areas.gpkg", [(box(0, 0, 80, 80), "town", "#FF7F00"),
                                                     (box(0, 80, 80, 160), "town", None),
                                                     (box(80, 0, 160, 160), "lake", "31, 120, 180")])
    run({"INPUT": str(scene), "TRAINING": areas, "COLOUR_FIELD": "colour", "SPACING": 20,
         "OUTPUT": str(tmp_path / "probe.json")})
    assert LinearProbe.load(tmp_path / "probe.json").colours == [(255, 127, 0), (31, 120, 180)]


@pytest.mark.parametrize("colours, message", [
    (["#1f78b4", "blu"], "feature 2 (class 'east'), field 'colour': 'blu' is no colour: write it as #1f78b4 "
                         "or 31,120,180"),
    (["#1f78b4", "1,2,3", "#ff0000"], "feature 3 gives the class 'west' the colour #ff0000, another feature "
                                      "gave it #1f78b4: give each class one colour in 'colour'")])
def test_a_bad_colour_is_refused_naming_the_feature_and_nothing_is_written(provider, scene, tmp_path, colours,
                                                                           message):
    shapes = [(box(0, 0, 80, 160), "west"), (box(80, 0, 160, 160), "east"), (box(0, 0, 40, 40), "west")]
    areas = training_layer(tmp_path / "areas.gpkg", [(wkt, name, colour) for (wkt, name), colour
                                                     in zip(shapes, colours)])
    before = snapshot(tmp_path)
    with pytest.raises(QgsProcessingException, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        run({"INPUT": str(scene), "TRAINING": areas, "COLOUR_FIELD": "colour",
             "OUTPUT": str(tmp_path / "probe.json")})
    assert snapshot(tmp_path) == before


def test_the_default_spacing_samples_a_600_m_polygon_many_times(provider, scene, tmp_path):
    from qgis.core import (
        QgsApplication,
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsProject,
        QgsVectorLayer,
    )

    from backend.geo import PixelGrid
    from moemae_qgis.algorithms.trainprobe import sample_positions

    algorithm = QgsApplication.processingRegistry().algorithmById("moemae:trainprobe")
    spacing = algorithm.parameterDefinition("SPACING").defaultValue()
    layer = QgsVectorLayer(training_layer(tmp_path / "a.gpkg", [(box(40, 40, 60, 60), "field")]), "a", "ogr")
    crs = QgsCoordinateReferenceSystem("EPSG:32634")
    found = sample_positions(layer, "cover", QgsCoordinateTransform(crs, crs, QgsProject.instance()),
                             PixelGrid.of(str(scene)), spacing, Feedback())
    assert len(found.samples) == 25  # 20 × 20 px: every 4 px, a sample per 120 m token


def test_a_polygon_smaller_than_a_pixel_still_gives_a_sample_inside_it(provider, scene, tmp_path):
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject, QgsVectorLayer

    from backend.geo import PixelGrid
    from moemae_qgis.algorithms.trainprobe import sample_positions

    # No pixel centre lies inside it (they are at x.5), so a grid of samples finds nothing.
    layer = QgsVectorLayer(training_layer(tmp_path / "a.gpkg", [(box(10.6, 20.6, 11.4, 21.4), "pond")]), "a",
                           "ogr")
    crs = QgsCoordinateReferenceSystem("EPSG:32634")
    found = sample_positions(layer, "cover", QgsCoordinateTransform(crs, crs, QgsProject.instance()),
                             PixelGrid.of(str(scene)), 4, Feedback())
    assert found.outside == 0 and found.samples == [pytest.approx((11.0, 21.0, 0))]


def test_too_few_samples_for_the_accuracy_to_mean_much_are_warned_of(provider, scene, tmp_path):
    def point(col, row):
        return f"POINT({500000 + 30 * col} {7000020 - 30 * row})"

    points = [(point(c, r), "west") for c in (10, 30) for r in range(5, 150, 30)]  # 10 a class
    points += [(point(c, r), "east") for c in (110, 130) for r in range(5, 150, 30)]
    feedback = Feedback()
    run({"INPUT": str(scene), "TRAINING": training_layer(tmp_path / "p.gpkg", points, geometry="Point"),
         "OUTPUT": str(tmp_path / "probe.json")}, feedback)
    probe = LinearProbe.load(tmp_path / "probe.json")
    accuracy, (low, high) = probe.training["cv_accuracy"], probe.training["cv_interval"]
    warning = (f"cross-validated accuracy {accuracy:.3f} on only 20 samples (95 % interval "
               f"{low:.2f}-{high:.2f}): too few for the figure to mean much")
    assert any(w.startswith(warning) for w in feedback.warnings), feedback.warnings
    assert probe.training["warnings"][0].startswith(warning)
    line = (f"Cross-validated accuracy (5-fold): {accuracy:.3f} (95 % interval {low:.2f}-{high:.2f}, "
            "20 samples)")
    assert line in feedback.infos
    assert high - low > 0.2


def test_the_warning_threshold_is_where_the_interval_narrows_to_a_tenth():
    assert accuracy_warning(0.5, MIN_SAMPLES_FOR_ACCURACY) is None
    assert accuracy_warning(1.0, MIN_SAMPLES_FOR_ACCURACY - 1) is not None
    low, high = accuracy_interval(0.5, MIN_SAMPLES_FOR_ACCURACY)
    assert high - low <= 0.2 < (lambda i: i[1] - i[0])(accuracy_interval(0.5, MIN_SAMPLES_FOR_ACCURACY // 2))
    low, high = accuracy_interval(1.0, 19)  # the run: "1.000" meant anything from 0.83 up
    assert high == 1.0 and low == pytest.approx(0.832, abs=1e-3)


@pytest.mark.parametrize("correct, samples", [(8, 10), (19, 19), (0, 7), (412, 500)])
def test_the_accuracy_interval_is_the_wilson_interval(correct, samples):
    from scipy.stats import binomtest

    wilson = binomtest(correct, samples).proportion_ci(method="wilson")
    # z = 1.96 here, 1.959964… in scipy: the same interval to 1e-4
    assert accuracy_interval(correct / samples, samples) == pytest.approx((wilson.low, wilson.high), abs=1e-4)


def test_the_probes_cross_validated_error_matrix_and_f1_are_written_beside_it(provider, scene, tmp_path):
    import re

    import numpy as np

    areas = training_layer(tmp_path / "areas.gpkg", [(box(0, 0, 80, 160), "Open water"),
                                                     (box(80, 0, 160, 160), "forest")])
    feedback = Feedback()
    run({"INPUT": str(scene), "TRAINING": areas, "SPACING": 20, "OUTPUT": str(tmp_path / "probe.json")},
        feedback)
    page = (tmp_path / "probe.check.html").read_text()
    assert f"Cross-validated error matrix and F1 per class: {tmp_path / 'probe.check.html'}" in feedback.infos
    counts = [int(v) for v in re.findall(r"<td(?: class=diag)?>(\d+)</td>", page.split("error matrix")[1])]
    matrix = np.array(counts).reshape(2, 3)[:, :2]  # rows: water, forest; last column: the row's total
    accuracy = float(re.search(r"cross-validated accuracy ([\d.]+)", page).group(1))
    tiles = [int(re.search(r"(\d+) tiles", line).group(1))
             for line in feedback.infos if line.endswith(" tiles")]
    assert matrix.sum(axis=1).tolist() == tiles  # every tile the probe was fitted on, held out once
    assert accuracy == pytest.approx(np.trace(matrix) / matrix.sum(), abs=5e-4)
    assert "data:image/png;base64," in page and "Open water" in page

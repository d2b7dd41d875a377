"""The hostile findings of December on probes and training areas (issue 19): probes with absurd
numbers or misleading fields, and trainprobe on large, odd or unusable training layers."""
import json

import numpy as np
import pytest
from qgis.core import QgsProcessingException

from backend.catalogue import DEFAULT_CHECKPOINT, DEFAULT_PROBE
from backend.probe import LinearProbe, ProbeError
from helpers import assert_one_error_line, box, mosaic_pixels, run_backend_cli, training_layer, write_raster


@pytest.fixture
def scene(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    return write_raster(folder / "scene.tif", mosaic_pixels())


def edited_probe(tmp_path, edit, source=DEFAULT_PROBE):
    content = json.loads(source.read_text())
    edit(content)
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(content))
    return path


def classify(scene, probe, out):
    result = run_backend_cli("classify", str(scene), "--probe", str(probe), "--out", str(out),
                             "--device", "cpu", "--stride", "40", "--model", str(DEFAULT_CHECKPOINT))
    return result.returncode, result.stderr


# --------------------------------------------------------------------------- 11. absurd numbers
def huge_coefficient(content):
    content["coef"][0][0] = 1e308


def tiny_scale(content):
    content["scaler_scale"][3] = 1e-300


@pytest.mark.parametrize("edit, message", [
    (huge_coefficient, "coef holds 1e+308, beyond ±1e+06: no fitted probe has such values, and its scores "
                       "would overflow to NaN"),
    (tiny_scale, "scaler_scale holds 1e-300, below 1e-06: dividing by it would blow the scores up to "
                 "overflow")])
def test_a_probe_whose_scores_would_overflow_is_refused_and_paints_no_map(scene, tmp_path, edit, message):
    """1e308 passed the field checks, and the NaN logits painted class 0 in 828 of 900 cells, rc 0."""
    probe = edited_probe(tmp_path, edit)
    with pytest.raises(ProbeError, match="is not a usable probe: " + message.replace("+", r"\+")):
        LinearProbe.load(probe)
    code, err = classify(scene, probe, tmp_path / "map.tif")
    assert_one_error_line(code, err, message)
    assert not (tmp_path / "map.tif").exists()


def test_scores_that_overflow_anyway_are_refused_never_class_0():
    probe = LinearProbe.load(DEFAULT_PROBE)
    features = np.full((4, probe.num_features), 1e308)  # no embedding is like this, but never class 0
    with pytest.raises(ProbeError, match="overflowed to infinity or NaN"):
        probe.predict(features)


def test_a_fitted_probe_with_a_constant_feature_still_loads(tmp_path):
    from backend.probe import fit

    x = np.random.default_rng(0).normal(size=(60, 5))
    x[:, 2] = 7.0 + np.arange(60) * 1e-12  # constant to 1e-10: no spread worth dividing by
    probe = fit(x, np.arange(60) % 2, ["a", "b"], multilabel=False, standardize=True)
    assert LinearProbe.load(probe.save(tmp_path / "p.json")).scaler_scale[2] == 1.0


# --------------------------------------------------------------------------- 10. probe messages
def test_a_probe_without_a_format_version_is_told_it_lacks_one(tmp_path):
    probe = edited_probe(tmp_path, lambda content: content.pop("format_version"))
    with pytest.raises(ProbeError) as caught:
        LinearProbe.load(probe)
    assert str(caught.value) == (f"{probe} has no 'format_version': every probe this plugin writes has "
                                 "one (\"format_version\": 1); the file was made by hand or damaged, so "
                                 "refit the probe or add the field")


@pytest.mark.parametrize("version", ["1", 0, True, 1.5])
def test_a_format_version_that_is_no_version_is_not_called_newer(tmp_path, version):
    probe = edited_probe(tmp_path, lambda content: content.update(format_version=version))
    with pytest.raises(ProbeError, match=f"'format_version' is {version!r}, not a version"):
        LinearProbe.load(probe)


def test_a_probe_whose_pooling_does_not_match_its_coefficients_is_told_so(scene, tmp_path):
    probe = edited_probe(tmp_path, lambda content: content.update(pooling="all"))
    code, err = classify(scene, probe, tmp_path / "map.tif")
    assert_one_error_line(code, err, "the probe edited.json says pooling 'all' (15,120 features with the "
                          f"model {DEFAULT_CHECKPOINT.name}) but its coefficients have 144, the size of "
                          "one token (pooling mean, cls or patch-mean): it was fitted with another pooling; "
                          "fix its 'pooling' or refit it")
    assert not (tmp_path / "map.tif").exists()


def test_a_probe_of_every_token_called_mean_is_told_its_pooling_too(tmp_path):
    from backend.probe import feature_mismatch

    source = DEFAULT_PROBE.parent / "published_eurosat10_all.json"
    probe = LinearProbe.load(edited_probe(tmp_path, lambda content: content.update(pooling="mean"), source))
    assert "its coefficients have 15,120, the size of every token (pooling all)" in feature_mismatch(
        probe, 144, "p.json", "m.pt")
    assert "expects 15,120 features but the model m.pt gives 192 with pooling 'mean'" in feature_mismatch(
        probe, 192, "p.json", "m.pt")


# --------------------------------------------------------------------------- 4. training areas
def run_trainprobe(parameters, feedback=None):
    import processing
    from qgis.core import QgsProcessingFeedback

    return processing.run("moemae:trainprobe", {"DEVICE": "cpu", "CLASS_FIELD": "cover", **parameters},
                          feedback=feedback or QgsProcessingFeedback())


def halves(size):
    """Two polygons, west and east halves of a size × size px raster at the helpers' origin."""
    return [(box(0, 0, size // 2, size), "west"), (box(size // 2, 0, size, size), "east")]


HUGE_SAMPLING = """
import resource, sys
from osgeo import ogr
from backend.geo import PixelGrid
from backend.training_areas import area_samples
source = ogr.Open(sys.argv[1])  # kept: a layer outlives its dataset only as a dangling pointer
layer = source.GetLayer(0)
areas = [(f.GetFID(), f.GetGeometryRef().ExportToWkb(), i) for i, f in enumerate(layer)]
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
grid = PixelGrid((500000.0, 30.0, 0.0, 7000020.0, 0.0, -30.0), 20000, 20000)
first, again = (area_samples(areas, grid, 1, seed=3) for _ in range(2))
grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
print(first.given, len(first.samples), sum(s[2] for s in first.samples), first.samples == again.samples,
      grown)
"""


def test_a_polygon_over_a_huge_grid_is_sampled_within_the_cap_in_flat_memory(provider, tmp_path):
    """One polygon over 8000² at spacing 1 grew to 4.2 GB: here 400,000,000 positions, 20,000 kept."""
    import subprocess
    import sys

    from helpers import REPO

    areas = training_layer(tmp_path / "halves.gpkg", halves(20000))
    result = subprocess.run([sys.executable, "-c", HUGE_SAMPLING, areas], cwd=REPO, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    given, kept, east, same, grown_mb = result.stdout.split()
    assert (int(given), int(kept), int(east), same) == (400_000_000, 20_000, 10_000, "True")
    assert float(grown_mb) < 200, grown_mb  # 2M-cell strips: a few tens of MB, however large the grid


def test_a_cancel_from_another_thread_stops_the_sampling_of_a_huge_polygon_promptly(provider, tmp_path):
    """Cancel was read between features only: one polygon was sampled to the end, 120 s and more."""
    import signal
    import threading
    import time

    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsProcessingFeedback,
        QgsProject,
        QgsVectorLayer,
    )

    from backend.geo import PixelGrid
    from moemae_qgis.algorithms.trainprobe import sample_positions

    def stuck(*_):
        raise TimeoutError("sampling went on 30 s after the cancel")

    layer = QgsVectorLayer(training_layer(tmp_path / "a.gpkg", halves(100000)), "a", "ogr")
    crs = QgsCoordinateReferenceSystem("EPSG:32634")
    feedback = QgsProcessingFeedback()
    threading.Timer(0.5, feedback.cancel).start()
    previous = signal.signal(signal.SIGALRM, stuck)
    signal.alarm(30)
    try:
        start = time.monotonic()
        found = sample_positions(layer, "cover", QgsCoordinateTransform(crs, crs, QgsProject.instance()),
                                 PixelGrid((500000.0, 30.0, 0.0, 7000020.0, 0.0, -30.0), 100000, 100000), 1,
                                 feedback)
        took = time.monotonic() - start
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert feedback.isCanceled() and found.samples == []
    assert took < 5, took  # cancelled at 0.5 s; strips take milliseconds


def line_layer(path):
    return training_layer(path, [("LINESTRING(500300 7000000, 503000 6996000)", "road"),
                                 ("LINESTRING(500300 6996000, 503000 7000000)", "river")],
                          geometry="LineString")


def test_a_line_layer_is_refused_in_the_algorithm_and_the_backend(provider, scene, tmp_path):
    from osgeo import ogr

    from backend.errors import UserError
    from backend.geo import PixelGrid
    from backend.training_areas import area_samples

    with pytest.raises(QgsProcessingException, match=r"^the training layer holds LineString, not points or "
                                                     r"polygons: .*buffer the lines"):
        run_trainprobe({"INPUT": str(scene), "TRAINING": line_layer(tmp_path / "lines.gpkg"),
                        "OUTPUT": str(tmp_path / "probe.json")})
    assert not (tmp_path / "probe.json").exists()
    line = ogr.CreateGeometryFromWkt("GEOMETRYCOLLECTION(POINT(500300 7000000), LINESTRING(500300 7000000, "
                                     "503000 6996000))")
    with pytest.raises(UserError, match=r"^training feature 7 is a line: training areas are points or "
                                        "polygons"):
        area_samples([(7, line.ExportToWkb(), 0)], PixelGrid.of(str(scene)), 4)


def test_a_layer_without_a_crs_is_refused_saying_to_assign_one(provider, scene, tmp_path):
    from osgeo import ogr

    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(tmp_path / "nocrs.gpkg"))
    layer = source.CreateLayer("areas", None, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("cover", ogr.OFTString))
    for wkt, name in halves(160):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        feature.SetField("cover", name)
        layer.CreateFeature(feature)
    source = None
    with pytest.raises(QgsProcessingException, match=r"^the training layer has no CRS.*assign it one"):
        run_trainprobe({"INPUT": str(scene), "TRAINING": str(tmp_path / "nocrs.gpkg"),
                        "OUTPUT": str(tmp_path / "probe.json")})
    assert not (tmp_path / "probe.json").exists()


def test_a_class_field_that_does_not_exist_is_refused_naming_the_fields(provider, scene, tmp_path):
    areas = training_layer(tmp_path / "a.gpkg", halves(160))
    with pytest.raises(QgsProcessingException, match=r"^CLASS_FIELD 'kind' is not a field of the training "
                                                     r"layer; its fields are: .*cover"):
        run_trainprobe({"INPUT": str(scene), "TRAINING": areas, "CLASS_FIELD": "kind",
                        "OUTPUT": str(tmp_path / "probe.json")})
    assert not (tmp_path / "probe.json").exists()


@pytest.mark.parametrize("angle", [0.0, 17.0])
def test_a_multipolygon_with_holes_gives_the_pixel_centres_inside_it_as_contains_does(angle):
    """The positions GDAL burns are those a point-in-polygon test gives, on rotated grids too."""
    import math

    from osgeo import ogr

    from backend.geo import PixelGrid
    from backend.training_areas import area_samples

    a = math.radians(angle)
    grid = PixelGrid((500000.0, 30 * math.cos(a), 30 * math.sin(a), 7000020.0, 30 * math.sin(a),
                      -30 * math.cos(a)), 120, 120)

    def ring(*corners):
        xy = ("{} {}".format(*map(float, grid.to_map(c, r))) for c, r in corners + corners[:1])
        return "(" + ", ".join(xy) + ")"

    shape = ogr.CreateGeometryFromWkt(
        f"MULTIPOLYGON(({ring((10.2, 12.7), (90.3, 20.1), (70.7, 110.9), (5.1, 100.4))}, "
        f"{ring((30, 40), (50, 40), (50, 60), (30, 60))}), ({ring((100.5, 5), (130, 5), (130, 30))}))")
    for spacing in (1, 3, 4):
        got = {s[:2] for s in area_samples([(1, shape.ExportToWkb(), 0)], grid, spacing).samples}
        cols, rows = grid.to_pixel(*np.array([[x, y] for x in shape.GetEnvelope()[:2]
                                              for y in shape.GetEnvelope()[2:]]).T)
        wanted = set()
        for r in range(max(0, math.floor(rows.min())), min(120, math.ceil(rows.max()) + 1), spacing):
            for c in range(max(0, math.floor(cols.min())), min(120, math.ceil(cols.max()) + 1), spacing):
                x, y = map(float, grid.to_map(c + .5, r + .5))
                point = ogr.CreateGeometryFromWkt(f"POINT({x} {y})")
                if shape.Contains(point):
                    wanted.add((c + .5, r + .5))
        assert len(got ^ wanted) <= 2, (spacing, got ^ wanted)  # a centre exactly on an edge: either way
        assert (40.5, 50.5) not in got  # the hole


def test_a_geometry_collection_gives_its_points_and_polygons_and_empty_or_outside_areas_are_counted(scene):
    from osgeo import ogr

    from backend.geo import PixelGrid
    from backend.training_areas import area_samples

    mixed = ogr.CreateGeometryFromWkt(f"GEOMETRYCOLLECTION(POINT(500150 6999900), {box(100, 100, 108, 108)})")
    empty = ogr.CreateGeometryFromWkt("POLYGON EMPTY")
    far = ogr.CreateGeometryFromWkt(box(500, 500, 510, 510))
    found = area_samples([(1, mixed.ExportToWkb(), 0), (2, empty.ExportToWkb(), 1),
                          (3, far.ExportToWkb(), 1)],
                         PixelGrid.of(str(scene)), 4)
    assert found.samples[0] == (5.0, 4.0, 0) and len(found.samples) == 1 + 4  # the point, then 2 × 2 lattice
    assert found.outside == 2


def test_numbers_as_classes_and_names_with_commas_or_accents_make_a_probe(provider, scene, tmp_path):
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant

    layer = QgsVectorLayer("Polygon?crs=EPSG:32634", "areas", "memory")
    layer.dataProvider().addAttributes([QgsField("code", QVariant.Int), QgsField("name", QVariant.String)])
    layer.updateFields()
    for (wkt, _), code, name in zip(halves(160), (11, 42), ("forêt, claire", "Wasser/水")):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes([code, name])
        layer.dataProvider().addFeature(feature)
    for field, names in (("code", ["11", "42"]), ("name", ["forêt, claire", "Wasser/水"])):
        out = tmp_path / f"{field}.json"
        run_trainprobe({"INPUT": str(scene), "TRAINING": layer, "CLASS_FIELD": field, "SPACING": 10,
                        "OUTPUT": str(out)})
        assert LinearProbe.load(out).class_names == names


def test_more_classes_than_a_map_holds_are_refused_before_any_tile_is_read(provider, scene, tmp_path):
    points = [(f"POINT({500015 + 30 * (k % 150)} {7000005 - 30 * (k // 150)})", f"class {k}")
              for k in range(300)]
    with pytest.raises(QgsProcessingException, match=r"^the field 'cover' holds 300 classes on the raster; a "
                                                     r"map holds at most 255 .*merge some classes"):
        run_trainprobe({"INPUT": str(scene), "TRAINING": training_layer(tmp_path / "p.gpkg", points,
                                                                        geometry="Point"),
                        "OUTPUT": str(tmp_path / "probe.json")})


def test_an_empty_layer_is_told_it_is_empty(provider, scene, tmp_path):
    from qgis.core import QgsField, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant

    layer = QgsVectorLayer("Polygon?crs=EPSG:32634", "areas", "memory")
    layer.dataProvider().addAttributes([QgsField("cover", QVariant.String)])
    layer.updateFields()
    with pytest.raises(QgsProcessingException, match=r"^the training layer has no features: draw"):
        run_trainprobe({"INPUT": str(scene), "TRAINING": layer, "OUTPUT": str(tmp_path / "probe.json")})

"""The hostile run against ``sample`` and ``assess`` (and moemae:sample / moemae:assess): each finding
as a real GeoTIFF map and real GeoPackage points through the command line, in a fresh process
where a full disk is at stake (RLIMIT_FSIZE: the kernel refuses the write, as on a full disk).

The contract: bad input gets one ``error:`` line that says what to do (exit 2), loses nothing (no
input overwritten, no earlier output replaced, no half-written file) and never a wrong result
without a word."""
import json
import os
import resource
import subprocess
import sys

import numpy as np
import pytest
from osgeo import gdal, ogr, osr
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from backend.map_writer import category_names
from helpers import REPO, assert_one_error_line, snapshot

X0, Y0, PIXEL = 500000.0, 7000000.0, 30.0  # UTM 34N, 30 m pixels
NAMES = ["Water", "Forest", "Urban", "Crop"]


def srs_of(epsg):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def class_map(path, codes=None, names=NAMES, epsg=32634, nodata=255, transform=None, data_type=gdal.GDT_Byte,
              bands=1):
    """A real class GeoTIFF (four 50 × 25 px classes by default) with its category names."""
    codes = np.repeat(np.arange(4, dtype=np.uint8), 25).reshape(1, 100).repeat(50, axis=0) if codes is None \
        else codes
    rows, cols = codes.shape
    ds = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, bands, data_type)
    if transform != ():
        ds.SetGeoTransform(transform or (X0, PIXEL, 0.0, Y0, 0.0, -PIXEL))
    if epsg:
        ds.SetProjection(srs_of(epsg).ExportToWkt())
    band = ds.GetRasterBand(1)
    if nodata is not None:
        band.SetNoDataValue(nodata)
    band.WriteArray(codes)
    if names:
        band.SetCategoryNames(category_names(names))
    ds = None
    return path


def cli(*args, limit_bytes=None, memory_bytes=None):
    """``python -m backend ARGS`` in a fresh process, with RLIMIT_FSIZE ``limit_bytes`` (a full
    disk) and RLIMIT_AS ``memory_bytes`` (a machine without 32 GB to spare) if given."""
    def limit():
        for kind, value in ((resource.RLIMIT_FSIZE, limit_bytes), (resource.RLIMIT_AS, memory_bytes)):
            if value:
                resource.setrlimit(kind, (value, value))

    return subprocess.run([sys.executable, "-m", "backend", *map(str, args)], cwd=REPO, capture_output=True,
                          text=True, timeout=300, preexec_fn=limit, stdin=subprocess.DEVNULL,
                          env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))


def label_all(path, label_of=lambda feature: feature.GetField("map_class"), layer_name="sample"):
    """Label every point of a sample with ``label_of(feature)`` (its map class by default)."""
    source = ogr.Open(str(path), update=1)
    layer = source.GetLayerByName(layer_name)
    for feature in layer:
        feature.SetField("reference", label_of(feature))
        layer.SetFeature(feature)
    source = None
    return path


# ------------------------------------------------------------------------- 1: a full disk
def test_sample_on_a_full_disk_fails_and_keeps_the_earlier_sample(tmp_path):
    the_map = class_map(tmp_path / "map.tif")
    out = tmp_path / "s.gpkg"
    assert cli("sample", the_map, "--out", out, "--n", "20", "--min-per-class", "2").returncode == 0
    before = snapshot(tmp_path)
    result = cli("sample", the_map, "--out", out, "--n", "4000", "--min-per-class", "1", limit_bytes=120_000)
    assert_one_error_line(result.returncode, result.stderr, "s.gpkg failed (", "Nothing was replaced")
    assert snapshot(tmp_path) == before  # the earlier sample, and no temporary file
    assert ogr.Open(str(out)).GetLayerByName("sample").GetFeatureCount() == 20


# ------------------------------------------------------------------------- 2: an existing GeoPackage
def test_sample_refuses_a_geopackage_with_other_layers_and_keeps_it(tmp_path):
    the_map = class_map(tmp_path / "map.tif")
    project = tmp_path / "project.gpkg"
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(project))
    source.CreateLayer("roads", srs_of(32634), ogr.wkbLineString)
    source = None
    before = snapshot(tmp_path)
    result = cli("sample", the_map, "--out", project, "--n", "8", "--min-per-class", "2")
    assert_one_error_line(result.returncode, result.stderr, "project.gpkg already holds the layer(s) roads",
                          "choose another file for the sample (or delete that one first)")
    assert snapshot(tmp_path) == before


def test_sample_refuses_to_replace_labelled_points_but_replaces_an_unlabelled_sample(tmp_path):
    the_map = class_map(tmp_path / "map.tif")
    out = tmp_path / "s.gpkg"
    assert cli("sample", the_map, "--out", out, "--n", "8", "--min-per-class", "2").returncode == 0
    again = cli("sample", the_map, "--out", out, "--n", "12", "--min-per-class", "2", "--seed", "4")
    assert again.returncode == 0, again.stderr  # an earlier unlabelled sample is fine to replace
    assert ogr.Open(str(out)).GetLayerByName("sample").GetFeatureCount() == 12
    label_all(out)
    before = snapshot(tmp_path)
    result = cli("sample", the_map, "--out", out, "--n", "8", "--min-per-class", "2")
    assert_one_error_line(result.returncode, result.stderr, "holds a sample with 12 labelled point(s) in "
                          "'reference'", "choose another file for the sample")
    assert snapshot(tmp_path) == before


# ------------------------------------------------------------------------- 3: the report and its page
def test_assess_replaces_neither_report_when_the_html_does_not_fit(tmp_path):
    the_map = class_map(tmp_path / "map.tif")
    points = tmp_path / "s.gpkg"
    assert cli("sample", the_map, "--out", points, "--n", "40", "--min-per-class", "5").returncode == 0
    label_all(points)
    (tmp_path / "r.json").write_text("OLD JSON")
    (tmp_path / "r.html").write_text("OLD HTML")
    before = snapshot(tmp_path)
    result = cli("assess", the_map, points, "--field", "reference", "--out", tmp_path / "r.json", "--html",
                 tmp_path / "r.html", limit_bytes=5000)  # the JSON fits, the page does not
    assert_one_error_line(result.returncode, result.stderr, "r.html failed (File too large)",
                          "Nothing was replaced")
    assert snapshot(tmp_path) == before


# ------------------------------------------------------------------------- 4: strata in another CRS
def test_strata_in_another_crs_are_read_where_the_points_are(tmp_path):
    the_map = class_map(tmp_path / "map.tif")
    strata = tmp_path / "strata_35n.tif"  # the same map, warped to the next UTM zone
    gdal.Warp(str(strata), str(the_map), dstSRS="EPSG:32635", resampleAlg="near")
    points = tmp_path / "s.gpkg"
    assert cli("sample", the_map, "--out", points, "--n", "40", "--min-per-class", "5").returncode == 0
    label_all(points)
    result = cli("assess", the_map, points, "--field", "reference", "--strata", strata, "--out",
                 tmp_path / "r.json")
    assert result.returncode == 0, result.stderr
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["points"]["used"] >= 36  # nearest-neighbour warping may shift an edge pixel or two
    assert report["overall_accuracy"]["estimate"] == 1.0


def test_strata_without_a_crs_are_refused_before_the_points_are_read(tmp_path):
    the_map = class_map(tmp_path / "map.tif")
    strata = class_map(tmp_path / "strata.tif", epsg=None)
    points = tmp_path / "s.gpkg"
    assert cli("sample", the_map, "--out", points, "--n", "40", "--min-per-class", "5").returncode == 0
    label_all(points)
    result = cli("assess", the_map, points, "--field", "reference", "--strata", strata, "--out",
                 tmp_path / "r.json")
    assert_one_error_line(result.returncode, result.stderr, "strata.tif has no coordinate reference system",
                          "gdal_edit.py -a_srs")


# ------------------------------------------------------------------------- 5-7, 9: maps read wrong
@pytest.mark.parametrize("names, listed", [
    (["Water ", "Water", "Urban", "Crop"], "0 ('Water') and 1 ('Water')"),  # made by a probe's stray space
    (["Water", "WATER", "Urban", "Crop"], "0 ('Water') and 1 ('WATER')")])
@pytest.mark.parametrize("command", ["sample", "assess"])
def test_a_map_naming_two_codes_alike_is_refused(tmp_path, names, listed, command):
    good = class_map(tmp_path / "good.tif")
    points = tmp_path / "s.gpkg"
    assert cli("sample", good, "--out", points, "--n", "20", "--min-per-class", "2").returncode == 0
    label_all(points, lambda feature: "water")
    the_map = class_map(tmp_path / "map.tif", names=names)
    args = (["--out", tmp_path / "new.gpkg"] if command == "sample"
            else [points, "--field", "reference", "--out", tmp_path / "r.json"])
    result = cli(command, the_map, *args)
    assert_one_error_line(result.returncode, result.stderr, f"gives codes {listed} the same class name",
                          "give each class its own name")
    assert not (tmp_path / "new.gpkg").exists() and not (tmp_path / "r.json").exists()


@pytest.mark.parametrize("transform, found", [((X0, 0.0, 0.0, Y0, 0.0, 0.0), "has the geotransform"),
                                              ((), "has no geotransform")])
@pytest.mark.parametrize("command", ["sample", "assess"])
def test_a_map_whose_pixels_have_no_size_is_refused(tmp_path, transform, found, command):
    points = tmp_path / "s.gpkg"
    assert cli("sample", class_map(tmp_path / "good.tif"), "--out", points, "--n", "20", "--min-per-class",
               "2").returncode == 0
    label_all(points)
    the_map = class_map(tmp_path / "map.tif", transform=transform)
    args = (["--out", tmp_path / "new.gpkg"] if command == "sample"
            else [points, "--field", "reference", "--out", tmp_path / "r.json"])
    result = cli(command, the_map, *args)
    assert_one_error_line(result.returncode, result.stderr, f"map.tif {found}", "georeference it")


def test_a_fractional_nodata_is_refused_not_truncated(tmp_path):
    the_map = class_map(tmp_path / "map.tif", nodata=2.7)
    result = cli("sample", the_map, "--out", tmp_path / "s.gpkg", "--n", "20", "--min-per-class", "2")
    assert_one_error_line(result.returncode, result.stderr, "has nodata 2.7, which no integer class code "
                          "equals", "gdal_edit.py -a_nodata 255")


def test_a_huge_class_code_is_counted_without_allocating_for_every_code_below_it(tmp_path):
    codes = np.repeat(np.arange(4, dtype=np.uint32), 25).reshape(1, 100).repeat(50, axis=0)
    codes[0, 0] = 4_000_000_000
    the_map = class_map(tmp_path / "map.tif", codes, names=None, data_type=gdal.GDT_UInt32)
    result = cli("sample", the_map, "--out", tmp_path / "s.gpkg", "--n", "20", "--min-per-class", "2",
                 memory_bytes=3 << 30)
    assert result.returncode == 0, result.stderr
    assert "  4000000000: 1 of 1 pixels" in result.stdout


# ------------------------------------------------------------------------- 8: tracebacks
@pytest.fixture
def labelled(tmp_path):
    """(map, its sample of 20 points labelled with their map class)."""
    the_map = class_map(tmp_path / "map.tif")
    points = tmp_path / "s.gpkg"
    assert cli("sample", the_map, "--out", points, "--n", "20", "--min-per-class", "2").returncode == 0
    return the_map, label_all(points)


def test_a_superscript_digit_label_is_an_unknown_label_not_a_traceback(tmp_path, labelled):
    the_map, points = labelled
    label_all(points, lambda feature: "²" if feature.GetFID() == 1 else feature.GetField("map_class"))
    result = cli("assess", the_map, points, "--field", "reference", "--out", tmp_path / "r.json")
    assert result.returncode == 0, result.stderr
    assert "reference labels that name no map class were left out: '²' (1)" in result.stdout


@pytest.mark.parametrize("args, words", [
    (["--n", "99999999999999999999999"], "the sample size (--n, SIZE) is 99,999,999,999,999,999,999,999: it "
                                         "must be from 1 to 10,000,000"),
    (["--min-per-class", "99999999999999999999"], "the points per class (--min-per-class, MIN_PER_CLASS) is"),
    (["--target-se", "1e-300", "--users-accuracy", "0.8"], "a standard error of 1e-300 needs more than the "
                                                            "10,000,000 points a sample may have"),
    (["--out", ""], "the sample points: the file name is empty; give one, e.g. output.gpkg")])
def test_sample_bounds_are_one_line(tmp_path, labelled, args, words):
    the_map, _ = labelled
    options = args if "--out" in args else ["--out", tmp_path / "new.gpkg", *args]
    result = cli("sample", the_map, *options)
    assert_one_error_line(result.returncode, result.stderr, words)
    assert not (tmp_path / "new.gpkg").exists()


def test_a_negative_seed_is_a_seed(tmp_path, labelled):
    the_map, _ = labelled
    runs = [cli("sample", the_map, "--out", tmp_path / f"n{k}.gpkg", "--n", "20", "--seed", "-1")
            for k in (1, 2)]
    assert [run.returncode for run in runs] == [0, 0], runs[0].stderr
    assert runs[0].stdout.splitlines()[:-1] == runs[1].stdout.splitlines()[:-1]


@pytest.mark.parametrize("flag", ["--out", "--html"])
def test_assess_refuses_an_empty_output_name(tmp_path, labelled, flag):
    the_map, points = labelled
    outputs = {"--out": tmp_path / "r.json", "--html": tmp_path / "r.html", flag: ""}
    result = cli("assess", the_map, points, "--field", "reference", *sum(outputs.items(), ()))
    assert_one_error_line(result.returncode, result.stderr, ": the file name is empty; give one, e.g. output")


# ------------------------------------------------------------------------- 10: reference layers read wrong
def points_layer(path, points, epsg=32634, layer_name="points", geometry_type=ogr.wkbPoint):
    """A real GeoPackage of (wkt, label) features; epsg None: a layer without a CRS."""
    source = ogr.Open(str(path), update=1) if path.exists() else ogr.GetDriverByName("GPKG").CreateDataSource(
        str(path))
    layer = source.CreateLayer(layer_name, srs_of(epsg) if epsg else None, geometry_type)
    layer.CreateField(ogr.FieldDefn("reference", ogr.OFTString))
    for wkt, label in points:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("reference", label)
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    source = None
    return path


def centres(n=8):
    """(wkt, label) of n pixel centres of the default map, labelled with their class."""
    return [(f"POINT ({X0 + (col + 0.5) * PIXEL} {Y0 - 10.5 * PIXEL})", NAMES[col // 25])
            for col in range(3, 100, 100 // n)][:n]


def test_a_layer_without_a_crs_is_read_in_the_maps_crs_and_said(tmp_path):
    the_map = class_map(tmp_path / "map.tif")
    points = points_layer(tmp_path / "p.gpkg", centres(), epsg=None)
    result = cli("assess", the_map, points, "--field", "reference", "--out", tmp_path / "r.json")
    assert result.returncode == 0, result.stderr
    assert "warning: the reference layer has no CRS (its GeoPackage says 'Undefined " in result.stdout
    assert json.loads((tmp_path / "r.json").read_text())["points"]["used"] == 8
    assert "RuntimeWarning" not in result.stderr


def test_empty_points_and_points_that_do_not_transform_are_counted_as_such(tmp_path):
    the_map = class_map(tmp_path / "map.tif")
    odd = [("POINT EMPTY", "Water"), ("POINT (15 900)", "Water")]  # latitude 900
    points = points_layer(tmp_path / "p.gpkg", centres() + odd[:1])
    points_layer(tmp_path / "p.gpkg", odd[1:], epsg=4326, layer_name="lonlat")
    result = cli("assess", the_map, points, "--field", "reference", "--out", tmp_path / "r.json")
    assert result.returncode == 0, result.stderr
    assert "1 point(s) outside the map (1 with an empty geometry) and 0 on nodata" in result.stdout
    assert "layer 'points' was read; " in result.stdout and "|layername=NAME picks another" in result.stdout
    result = cli("assess", the_map, f"{points}|layername=lonlat", "--field", "reference", "--out",
                 tmp_path / "r.json")
    assert_one_error_line(result.returncode, result.stderr, "1 outside the map (1 whose coordinates do not "
                          "transform to the map's CRS)")
    assert "RuntimeWarning" not in result.stderr


def test_a_polygon_first_layer_says_how_to_pick_the_point_layer(tmp_path):
    the_map = class_map(tmp_path / "map.tif")
    both = points_layer(tmp_path / "both.gpkg", [(f"POLYGON (({X0} {Y0}, {X0 + 90} {Y0}, {X0} {Y0 - 90}, "
                                                  f"{X0} {Y0}))", "Water")], layer_name="areas",
                        geometry_type=ogr.wkbPolygon)
    points_layer(both, centres())
    result = cli("assess", the_map, both, "--field", "reference", "--out", tmp_path / "r.json")
    assert_one_error_line(result.returncode, result.stderr, "(layer 'areas') is no point (POLYGON)",
                          "has 2 layers (areas, points): give the point layer as ",
                          "both.gpkg|layername=NAME")


def test_a_csv_is_told_to_become_a_point_layer(tmp_path):
    the_map = class_map(tmp_path / "map.tif")
    table = tmp_path / "points.csv"
    table.write_text("x,y,reference\n500045,6999685,Water\n")
    result = cli("assess", the_map, table, "--field", "reference", "--out", tmp_path / "r.json")
    assert_one_error_line(result.returncode, result.stderr, "points.csv are a table without geometries; "
                          "give a point layer", "ogr2ogr -a_srs EPSG:")


# ------------------------------------------------------------------------- 12: sample as strict as assess
def test_sample_warns_of_a_map_assess_will_refuse_and_of_a_second_band(tmp_path):
    degrees = class_map(tmp_path / "geo.tif", epsg=4326, transform=(15.0, 0.0003, 0.0, 45.0, 0.0, -0.0003))
    result = cli("sample", degrees, "--out", tmp_path / "s.gpkg", "--n", "20", "--min-per-class", "2")
    assert result.returncode == 0, result.stderr
    assert "warning: assess will refuse this map as it is: " in result.stdout
    assert "is in a geographic CRS (WGS 84)" in result.stdout
    two = class_map(tmp_path / "two.tif", bands=2)
    result = cli("sample", two, "--out", tmp_path / "t.gpkg", "--n", "20", "--min-per-class", "2")
    assert result.returncode == 0, result.stderr
    assert "warning: the map " in result.stdout and "two.tif has 2 bands: band 1 is read as the classes" \
        in result.stdout


@pytest.mark.parametrize("given", [["0.9", "0.5"], ["Water=0.9", "water=0.6", "0.8"]])
def test_contradicting_expected_accuracies_are_refused(tmp_path, given):
    the_map = class_map(tmp_path / "map.tif")
    result = cli("sample", the_map, "--out", tmp_path / "s.gpkg", "--target-se", "0.05", "--users-accuracy",
                 *given)
    assert_one_error_line(result.returncode, result.stderr, f"expected user's accuracy {given[1]!r} "
                          "contradicts the earlier 0.9 for ", "give one each")


def test_expected_accuracies_name_classes_ignoring_case_as_labels_do(tmp_path):
    the_map = class_map(tmp_path / "map.tif")
    result = cli("sample", the_map, "--out", tmp_path / "s.gpkg", "--target-se", "0.05", "--users-accuracy",
                 "water=0.95", "FOREST=0.9", "0.8", "--min-per-class", "1")
    assert result.returncode == 0, result.stderr
    assert "units: Cochran's formula" in result.stdout


def test_a_map_inside_a_zip_is_sampled_as_classify_reads_it(tmp_path):
    import zipfile

    the_map = class_map(tmp_path / "map.tif")
    with zipfile.ZipFile(tmp_path / "maps.zip", "w") as archive:
        archive.write(the_map, "map.tif")
        archive.write(f"{the_map}.aux.xml", "map.tif.aux.xml")
    result = cli("sample", f"/vsizip/{tmp_path}/maps.zip/map.tif", "--out", tmp_path / "s.gpkg", "--n", "10",
                 "--min-per-class", "1")
    assert result.returncode == 0, result.stderr
    assert "  Water: 3 of 1,250 pixels" in result.stdout


# ------------------------------------------------------------------------- 11: QGIS's OUTPUT, progress
class Feedback(QgsProcessingFeedback):
    """A Processing feedback that records its progress values."""

    def __init__(self):
        super().__init__()
        self.progress = []

    def setProgress(self, progress):  # noqa: N802 - QGIS's name
        self.progress.append(progress)
        super().setProgress(progress)


def run(algorithm, parameters, feedback=None):
    import processing

    return processing.run(f"moemae:{algorithm}", parameters, feedback=feedback or Feedback())


def test_save_to_geopackage_adds_the_sample_layer_and_keeps_the_others(provider, tmp_path):
    the_map = class_map(tmp_path / "map.tif")
    project = tmp_path / "project.gpkg"
    points_layer(project, centres(), layer_name="roads_and_notes")
    output = f"ogr:dbname='{project}' table=\"my sample\" (geom)"
    result = run("sample", {"INPUT": str(the_map), "SIZE": 20, "MIN_PER_CLASS": 2, "OUTPUT": output})
    assert result["OUTPUT"] == output
    source = ogr.Open(str(project))
    assert [source.GetLayer(i).GetName() for i in range(source.GetLayerCount())] == ["roads_and_notes",
                                                                                     "my sample"]
    assert source.GetLayerByName("my sample").GetFeatureCount() == 20
    assert source.GetLayerByName("roads_and_notes").GetFeatureCount() == 8


def test_a_memory_output_is_refused_saying_to_give_a_file(provider, tmp_path):
    with pytest.raises(QgsProcessingException, match=r"give OUTPUT a file name ending in \.gpkg"):
        run("sample", {"INPUT": str(class_map(tmp_path / "map.tif")), "SIZE": 20, "OUTPUT": "memory:"})


def test_sample_and_assess_move_the_progress_bar(provider, tmp_path):
    codes = np.repeat(np.arange(4, dtype=np.uint8), 5).reshape(1, 20).repeat(1200, axis=0)  # 3 blocks
    the_map = class_map(tmp_path / "map.tif", codes)
    feedback = Feedback()
    points = run("sample", {"INPUT": str(the_map), "SIZE": 40, "MIN_PER_CLASS": 2,
                            "OUTPUT": str(tmp_path / "s.gpkg")}, feedback)["OUTPUT"]
    assert feedback.progress[-1] == 100 and len(feedback.progress) >= 6  # two passes of three blocks
    label_all(points)
    feedback = Feedback()
    run("assess", {"INPUT": str(the_map), "REFERENCE": points, "FIELD": "reference",
                   "OUTPUT": str(tmp_path / "r.json"), "OUTPUT_HTML": str(tmp_path / "r.html")}, feedback)
    assert feedback.progress[-1] == 100 and len(feedback.progress) >= 3

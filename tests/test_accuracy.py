"""Accuracy assessment and area estimates: the papers' worked examples to their last printed digit,
built as real GeoTIFF maps and GeoPackage points and run through ``sample`` and ``assess``; the
estimators' properties; and what is never silent."""
import json

import numpy as np
import pytest
from osgeo import gdal, ogr, osr

from backend import accuracy
from backend.map_writer import category_names
from helpers import assert_one_error_line

X0, Y0, PIXEL = 500000.0, 7000000.0, 30.0  # UTM 34N, Landsat's 30 m pixels (0.09 ha)

# Olofsson et al. (2014), Remote Sensing of Environment 148:42-57, Table 8: the sample counts n_ij
# (rows: map classes, columns: reference classes) and the mapped pixels of each class.
OLOFSSON_2014_CLASSES = ["Deforestation", "Forest gain", "Stable forest", "Stable non-forest"]
OLOFSSON_2014_COUNTS = [[66, 0, 5, 4], [0, 55, 8, 12], [1, 0, 153, 11], [2, 1, 9, 313]]
OLOFSSON_2014_PIXELS = [200_000, 150_000, 3_200_000, 6_450_000]
# Olofsson et al. (2013), RSE 129:122-131, Example 1.
OLOFSSON_2013_COUNTS = [[97, 0, 3], [3, 279, 18], [2, 1, 97]]
OLOFSSON_2013_PIXELS = [22_353, 1_122_543, 610_228]
# Stehman (2014), International Journal of Remote Sensing 35:4923-4939, the numerical example:
# 10 units per stratum, listed as (stratum, map class, reference class).
STEHMAN_STRATA = "A" * 10 + "B" * 10 + "C" * 10 + "D" * 10
STEHMAN_MAP = "AAAAAAABBB" + "ABBBBBBBBB" + "BBCCCCCCBB" + "DDDDDDDDDD"
STEHMAN_REFERENCE = "AAAAACBABC" + "ABBBBBAABB" + "CCCCCDDBBA" + "DDDDDDDCCB"
STEHMAN_STRATUM_PIXELS = [40_000, 30_000, 20_000, 10_000]


def srs_of(epsg):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def class_map(path, codes, names, epsg=32634, nodata=255, transform=None):
    """A real class GeoTIFF of (rows, cols) ``codes`` with its category names, as classify writes it."""
    rows, cols = codes.shape
    ds = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, 1, gdal.GDT_Byte,
                                              ["COMPRESS=DEFLATE", "TILED=YES"])
    ds.SetGeoTransform(transform or (X0, PIXEL, 0.0, Y0, 0.0, -PIXEL))
    ds.SetProjection(srs_of(epsg).ExportToWkt())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(nodata)
    band.WriteArray(codes)
    band.SetCategoryNames(category_names(names))
    ds = None
    return path


def runs_map(path, pixels, names, width):
    """A map whose class k covers exactly ``pixels[k]`` pixels, one run after another in row-major
    order, the rest nodata; returns (path, first pixel index of each class)."""
    total = sum(pixels)
    flat = np.full(-(-total // width) * width, 255, np.uint8)
    starts = np.concatenate([[0], np.cumsum(pixels)[:-1]])
    for code, (start, count) in enumerate(zip(starts, pixels)):
        flat[start:start + count] = code
    return class_map(path, flat.reshape(-1, width), names), starts


def centre(index, width):
    """The map coordinates of the centre of pixel ``index`` (row-major) of a map ``width`` wide."""
    row, col = divmod(int(index), width)
    return X0 + (col + 0.5) * PIXEL, Y0 - (row + 0.5) * PIXEL


def points_layer(path, points, epsg=32634, field="reference", kind=ogr.OFTString):
    """A real GeoPackage of (x, y, label) points (label None: NULL) in EPSG:``epsg``."""
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = source.CreateLayer("points", srs_of(epsg), ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn(field, kind))
    for x, y, label in points:
        feature = ogr.Feature(layer.GetLayerDefn())
        if label is not None:
            feature.SetField(field, label)
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(x, y)
        feature.SetGeometry(point)
        layer.CreateFeature(feature)
    source = None
    return path


def matrix_points(counts, starts, names, width):
    """Points with exactly ``counts[i][j]`` units mapped i and labelled j, each on its own pixel."""
    points = []
    for i, row in enumerate(counts):
        index = starts[i]
        for j, n in enumerate(row):
            for _ in range(n):
                points.append((*centre(index, width), names[j]))
                index += 1
    return points


def assess(cli, tmp_path, *args):
    code, out, err = cli("assess", *args, "--out", tmp_path / "report.json",
                         "--html", tmp_path / "report.html")
    assert code == 0, err
    return json.loads((tmp_path / "report.json").read_text()), out


def printed(value, digits):
    """A number as the papers print it: rounded to ``digits`` decimals, thousands with commas."""
    return f"{value:,.{digits}f}"


# --------------------------------------------------------------------------- the papers' examples
@pytest.fixture(scope="module")
def olofsson_2014(tmp_path_factory):
    """The 10,000,000-pixel map of Olofsson et al. (2014) Table 8 and its 640 labelled points."""
    folder = tmp_path_factory.mktemp("olofsson2014")
    path, starts = runs_map(folder / "map.tif", OLOFSSON_2014_PIXELS, OLOFSSON_2014_CLASSES, 2500)
    points = points_layer(folder / "points.gpkg", matrix_points(OLOFSSON_2014_COUNTS, starts,
                                                                OLOFSSON_2014_CLASSES, 2500))
    return path, points


def test_olofsson_2014_table_8_to_the_last_printed_digit(cli, tmp_path, olofsson_2014):
    report, out = assess(cli, tmp_path, *olofsson_2014, "--field", "reference")
    # Olofsson et al. (2014) p. 54: user's, producer's accuracy and area (ha), ± the 95 % half-width.
    expected = {"Deforestation": ("0.88", "0.07", "0.75", "0.21", "21,158", "6,158"),
                "Forest gain": ("0.73", "0.10", "0.85", "0.25", "11,686", "3,756"),
                "Stable forest": ("0.93", "0.04", "0.93", "0.03", "285,770", "15,510"),
                "Stable non-forest": ("0.96", "0.02", "0.96", "0.02", "581,386", "16,282")}
    for name, (users, users_ci, producers, producers_ci, area, area_ci) in expected.items():
        c = report["classes"][name]
        assert (printed(c["users_accuracy"]["estimate"], 2), printed(c["users_accuracy"]["ci95"], 2)) == (
            users, users_ci), name
        assert (printed(c["producers_accuracy"]["estimate"], 2),
                printed(c["producers_accuracy"]["ci95"], 2)) == (producers, producers_ci), name
        assert (printed(c["area_ha"]["estimate"], 0), printed(c["area_ha"]["ci95"], 0)) == (area, area_ci)
        pixels = OLOFSSON_2014_PIXELS[OLOFSSON_2014_CLASSES.index(name)]
        assert c["mapped_area_ha"] == pytest.approx(pixels * 0.09)
    overall = report["overall_accuracy"]
    assert (printed(overall["estimate"], 2), printed(overall["ci95"], 2)) == ("0.95", "0.02")
    assert report["error_matrix"]["counts"] == OLOFSSON_2014_COUNTS
    assert report["points"] == {"used": 640, "outside_map": 0, "on_nodata": 0, "unlabelled": 0}
    assert ("Deforestation                0.88 ± 0.07     0.75 ± 0.21       18,000         21,158 ± 6,158"
            in out)


def test_olofsson_2014_sample_size_from_cochrans_formula(cli, tmp_path, olofsson_2014):
    # §5.1.1: W = 0.02, 0.015, 0.32, 0.645, expected user's accuracies 0.7, 0.6, 0.9, 0.95 and a
    # standard error of 0.01 for the overall accuracy give n = 641.
    code, out, err = cli("sample", olofsson_2014[0], "--out", tmp_path / "s.gpkg", "--target-se", "0.01",
                         "--users-accuracy", "Deforestation=0.7", "Forest gain=0.6", "Stable forest=0.9",
                         "Stable non-forest=0.95")
    assert code == 0, err
    assert out.startswith("641 points, 641 units: Cochran's formula")
    source = ogr.Open(str(tmp_path / "s.gpkg"))
    assert source.GetLayer(0).GetFeatureCount() == 641
    assert accuracy.cochran_sample_size(np.array([0.02, 0.015, 0.32, 0.645]), np.array([0.7, 0.6, 0.9, 0.95]),
                                        0.01) == 641


def test_olofsson_2013_example_1(cli, tmp_path):
    names = ["1", "2", "3"]
    path, starts = runs_map(tmp_path / "map.tif", OLOFSSON_2013_PIXELS, [f"class {n}" for n in names], 2000)
    labels = ["0", "1", "2"]  # the map's codes
    points = points_layer(tmp_path / "p.gpkg", matrix_points(OLOFSSON_2013_COUNTS, starts, labels, 2000))
    report, _ = assess(cli, tmp_path, path, points, "--field", "reference")  # labels as the map's codes
    classes = report["classes"]
    # Eqs. 9-12: the area of class 1 in pixels (30 m: 0.09 ha each), its standard error and interval.
    area = {k: v / 0.09 for k, v in classes["class 1"]["area_ha"].items()}
    assert (printed(area["estimate"], 0), printed(area["se"], 0)) == ("45,112", "10,751")
    # The paper's ± 21,072 pixels is 1.96 × the rounded 10,751; the report keeps full precision.
    assert printed(1.96 * round(area["se"]), 0) == "21,072"
    assert area["ci95"] == pytest.approx(1.96 * area["se"])
    # Eqs. 14-16 and Table 4: overall, user's and producer's accuracies, the matrix of area proportions.
    assert printed(report["overall_accuracy"]["estimate"], 2) == "0.94"
    assert [printed(classes[f"class {n}"]["users_accuracy"]["estimate"], 2) for n in names] == [
        "0.97", "0.93", "0.97"]
    assert [printed(classes[f"class {n}"]["producers_accuracy"]["estimate"], 2) for n in names] == [
        "0.48", "0.99", "0.90"]
    assert [[printed(p, 4) for p in row] for row in report["error_matrix"]["area_proportions"]] == [
        ["0.0124", "0.0000", "0.0004"], ["0.0064", "0.5948", "0.0384"], ["0.0070", "0.0035", "0.3373"]]


def test_stehman_2014_strata_that_differ_from_the_map_classes(cli, tmp_path):
    names = ["A", "B", "C", "D"]
    width = 400  # 100,000 pixels: strata A-D hold 40,000, 30,000, 20,000 and 10,000 of them
    strata, starts = runs_map(tmp_path / "strata.tif", STEHMAN_STRATUM_PIXELS, names, width)
    codes = gdal.Open(str(strata)).ReadAsArray().ravel().copy()
    points = []
    for unit, (s, m, r) in enumerate(zip(STEHMAN_STRATA, STEHMAN_MAP, STEHMAN_REFERENCE)):
        index = starts[names.index(s)] + unit % 10 * 37  # ten pixels of the stratum, apart
        codes[index] = names.index(m)  # the map differs from the strata at these units
        points.append((*centre(index, width), r))
    the_map = class_map(tmp_path / "map.tif", codes.reshape(-1, width), names)
    layer = points_layer(tmp_path / "p.gpkg", points)
    report, _ = assess(cli, tmp_path, the_map, layer, "--field", "reference", "--strata", strata)
    classes = report["classes"]
    # Stehman (2014), the numerical example's printed results.
    assert (printed(classes["A"]["area_proportion"]["estimate"], 2),
            printed(classes["A"]["area_proportion"]["se"], 3)) == ("0.35", "0.082")
    assert (printed(classes["C"]["area_proportion"]["estimate"], 2),
            printed(classes["C"]["area_proportion"]["se"], 3)) == ("0.20", "0.064")
    overall = report["overall_accuracy"]
    assert (printed(overall["estimate"], 2), printed(overall["se"], 3)) == ("0.63", "0.085")
    assert (printed(classes["B"]["users_accuracy"]["estimate"], 3),
            printed(classes["B"]["users_accuracy"]["se"], 3)) == ("0.574", "0.125")
    assert printed(classes["B"]["producers_accuracy"]["estimate"], 3) == "0.794"
    assert printed(report["error_matrix"]["area_proportions"][1][2], 2) == "0.08"


# --------------------------------------------------------------------------- the estimators' properties
def random_sample(rng, n_per_stratum, k=4, accuracy_of_map=0.8):
    strata = np.repeat(np.arange(k), n_per_stratum)
    wrong = rng.random(len(strata)) > accuracy_of_map
    reference = np.where(wrong, rng.integers(0, k, len(strata)), strata)
    return accuracy.Sample(strata, strata, reference, rng.integers(1_000, 100_000, k), k)


@pytest.mark.parametrize("seed", range(5))
def test_area_proportions_and_the_error_matrix_sum_to_one(seed):
    result = accuracy.assess(random_sample(np.random.default_rng(seed), 30))
    assert sum(a.estimate for a in result.area_proportions) == pytest.approx(1.0)
    assert result.proportions.sum() == pytest.approx(1.0)


def test_a_perfect_sample_gives_accuracy_one_and_zero_variance():
    sample = random_sample(np.random.default_rng(0), 20, accuracy_of_map=1.0)
    result = accuracy.assess(sample)
    assert (result.overall.estimate, result.overall.se) == (1.0, 0.0)
    for estimate in result.users + result.producers:
        assert (estimate.estimate, estimate.se) == (pytest.approx(1.0), 0.0)


def test_intervals_narrow_as_the_sample_grows():
    counts = np.array(OLOFSSON_2014_COUNTS)
    widths = []
    for times in (1, 2, 4):
        mapped = np.repeat(np.arange(4), (counts * times).sum(axis=1))
        reference = np.concatenate([np.repeat(np.arange(4), row * times) for row in counts])
        result = accuracy.assess(accuracy.Sample(mapped, mapped, reference, OLOFSSON_2014_PIXELS, 4))
        widths.append([result.overall.ci95] + [e.ci95 for e in result.users + result.producers
                                               + result.area_proportions])
    assert np.all(np.diff(np.array(widths), axis=0) < 0)


def test_allocation_is_proportional_with_a_minimum_per_class():
    units = accuracy.allocate(np.array(OLOFSSON_2014_PIXELS), 641, 75)
    assert units.tolist()[:2] == [75, 75] and units.sum() == 641
    assert units[3] / units[2] == pytest.approx(6_450_000 / 3_200_000, rel=0.01)
    assert accuracy.allocate(np.array([3, 1000]), 10, 50).tolist() == [3, 50]  # all 3, and the minimum


# --------------------------------------------------------------------------- sample
@pytest.fixture
def small_map(tmp_path):
    codes = np.full((60, 80), 255, np.uint8)
    codes[:, :50] = 0  # water
    codes[:30, 50:] = 1  # forest
    codes[30:, 50:70] = 2  # town
    codes[58:, 0:2] = 3  # a rare class: 4 pixels
    return class_map(tmp_path / "map.tif", codes, ["Water", "Forest", "Town", "Wetland"])


def read_points(path):
    source = ogr.Open(str(path))  # held: a layer outlives no data source
    layer = source.GetLayer(0)
    rows = [(f.GetGeometryRef().GetX(), f.GetGeometryRef().GetY(), f["map_class"], f["stratum"],
             f["reference"]) for f in layer]
    return rows, layer.GetSpatialRef().Clone()


def test_sample_points_sit_at_pixel_centres_of_their_class_never_on_nodata(cli, tmp_path, small_map):
    code, out, err = cli("sample", small_map, "--out", tmp_path / "s.gpkg", "--n", "120",
                         "--min-per-class", "20")
    assert code == 0, err
    rows, srs = read_points(tmp_path / "s.gpkg")
    assert srs.IsSame(srs_of(32634))
    codes = gdal.Open(str(small_map)).ReadAsArray()
    names = ["Water", "Forest", "Town", "Wetland"]
    for x, y, map_class, stratum, reference in rows:
        col, row = (x - X0) / PIXEL - 0.5, (Y0 - y) / PIXEL - 0.5
        assert col == int(col) and row == int(row)
        assert names[codes[int(row), int(col)]] == map_class == stratum and reference is None
    found = {name: sum(r[2] == name for r in rows) for name in names}
    # Wetland: all its 4 pixels; Town's proportional share (15.5) is below 20: 20; the other 96
    # shared as 2996 : 900 pixels.
    assert found == {"Water": 74, "Forest": 22, "Town": 20, "Wetland": 4}
    assert len({(r[0], r[1]) for r in rows}) == len(rows)
    assert "Wetland: 4 of 4 pixels" in out


def test_the_same_seed_gives_the_same_points(cli, tmp_path, small_map):
    for name, seed in (("a", "3"), ("b", "3"), ("c", "4")):
        assert cli("sample", small_map, "--out", tmp_path / f"{name}.gpkg", "--seed", seed)[0] == 0
    a, b, c = (read_points(tmp_path / f"{n}.gpkg")[0] for n in "abc")
    assert a == b and a != c


def test_sample_refuses_both_a_size_and_a_target(cli, tmp_path, small_map):
    code, _, err = cli("sample", small_map, "--out", tmp_path / "s.gpkg", "--n", "10", "--target-se", "0.01",
                       "--users-accuracy", "0.8")
    assert_one_error_line(code, err, "not both")
    code, _, err = cli("sample", small_map, "--out", tmp_path / "s.gpkg", "--target-se", "0.01",
                       "--users-accuracy", "Clouds=0.8")
    assert_one_error_line(code, err, "name no class of the map: Clouds")
    assert not (tmp_path / "s.gpkg").exists()


# --------------------------------------------------------------------------- never silent
def test_what_cannot_be_used_is_counted_and_said(cli, tmp_path, small_map):
    def at(col, row):
        return X0 + (col + 0.5) * PIXEL, Y0 - (row + 0.5) * PIXEL

    points = [(*at(c, r), "Water") for c, r in [(1, 1), (2, 1), (3, 1), (4, 1)]]
    points += [(*at(c, 2), "Town") for c in range(1, 4)]  # water mapped as... the map says water
    points += [(*at(55, r), "Forest") for r in range(1, 6)] + [(*at(55, 7), "1")]  # a code as the label
    points += [(*at(60, 40), "Town"), (*at(61, 40), "Wetland")]
    points += [(*at(1, 59), "Wetland")]  # the one Wetland unit: its stratum has 1 unit
    points += [(*at(75, 50), "Town"), (*at(-5, 3), "Water")]  # on nodata, outside the map
    points += [(*at(5, 5), None), (*at(6, 5), " "), (*at(7, 5), "Clouds"), (*at(8, 5), "Clouds")]
    points += [(*at(1, 1), "Town")]  # a second point on a pixel already used
    # In geographic coordinates: the layer is reprojected to the map's CRS.
    transform = osr.CoordinateTransformation(srs_of(32634), srs_of(4326))
    lonlat = [(*transform.TransformPoint(x, y)[:2], label) for x, y, label in points]
    layer = points_layer(tmp_path / "p.gpkg", lonlat, epsg=4326)
    report, out = assess(cli, tmp_path, small_map, layer, "--field", "reference")
    assert report["points"] == {"used": 16, "outside_map": 1, "on_nodata": 1, "unlabelled": 2}
    forest = report["classes"]["Forest"]
    assert forest["samples"] == 6 and forest["users_accuracy"]["se"] == 0
    wetland = report["classes"]["Wetland"]
    assert wetland["samples"] == 1 and wetland["users_accuracy"]["se"] is None
    assert report["overall_accuracy"]["se"] is None and report["overall_accuracy"]["ci95"] is None
    for line in ["warning: 1 point(s) outside the map and 1 on nodata were left out",
                 "warning: 2 point(s) have no reference label and were left out",
                 "warning: reference labels that name no map class were left out: 'Clouds' (2)",
                 "warning: 1 point(s) fall on a pixel another point already has",
                 "warning: fewer than 2 sample units in stratum Wetland: its variance is undefined"]:
        assert line in out, line
    page = (tmp_path / "report.html").read_text()
    assert "&#x27;Clouds&#x27; (2)" in page and "fewer than 2 sample units in stratum Wetland" in page
    assert set(report) == {"overall_accuracy", "classes", "error_matrix", "points"}
    assert set(wetland) == {"users_accuracy", "producers_accuracy", "area_proportion", "area_ha",
                            "mapped_area_ha", "samples"}


def test_a_reference_class_absent_from_the_map_is_said(cli, tmp_path):
    codes = np.zeros((20, 20), np.uint8)
    codes[:, 10:] = 1
    the_map = class_map(tmp_path / "map.tif", codes, ["Water", "Forest", "Town"])  # Town: never mapped
    labels = ["Water", "Water", "Town", "Water", "Forest", "Forest", "Forest", "Town"]
    points = [(X0 + (c * 3 + 0.5) * PIXEL, Y0 - 10.5 * PIXEL, label) for c, label in enumerate(labels)]
    layer = points_layer(tmp_path / "p.gpkg", points)
    report, out = assess(cli, tmp_path, the_map, layer, "--field", "reference")
    assert report["error_matrix"]["classes"] == ["Water", "Forest", "Town"]
    town = report["classes"]["Town"]
    assert town["mapped_area_ha"] == 0 and town["producers_accuracy"]["estimate"] == 0
    assert town["users_accuracy"]["estimate"] is None and town["area_ha"]["estimate"] > 0
    assert "warning: reference class(es) absent from the map: Town" in out


def test_a_map_in_a_geographic_crs_is_refused_for_areas(cli, tmp_path):
    the_map = class_map(tmp_path / "map.tif", np.zeros((10, 10), np.uint8), ["Water"], epsg=4326,
                        transform=(20.0, 0.001, 0.0, 60.0, 0.0, -0.001))
    layer = points_layer(tmp_path / "p.gpkg", [(20.0005, 59.9995, "Water")], epsg=4326)
    code, _, err = cli("assess", the_map, layer, "--field", "reference", "--out", tmp_path / "r.json")
    assert_one_error_line(code, err, "is in a geographic CRS", "reproject the map to a projected CRS")
    assert not (tmp_path / "r.json").exists()


@pytest.mark.parametrize("args, fragment", [
    (lambda t, m: [m, t / "none.gpkg", "--field", "reference", "--out", t / "r.json"], "do not exist"),
    (lambda t, m: [m, t / "p.gpkg", "--field", "label", "--out", t / "r.json"], "have no field 'label'"),
    (lambda t, m: [m, t / "p.gpkg", "--field", "reference", "--out", m.with_suffix(".json"), "--html", m],
     "is also the map"),
    (lambda t, m: [m, t / "p.gpkg", "--field", "reference", "--out", t / "r.txt"], "must end in .json"),
    (lambda t, m: [m, t / "p.gpkg", "--field", "reference", "--out", t / "r.json", "--html", t / "p.gpkg"],
     "is also the reference points"),
])
def test_assess_refuses_bad_input_with_one_line_and_writes_nothing(cli, tmp_path, small_map, args, fragment):
    points_layer(tmp_path / "p.gpkg", [(X0 + 15, Y0 - 15, None)])
    code, _, err = cli("assess", *args(tmp_path, small_map))
    assert_one_error_line(code, err, fragment)
    assert not list(tmp_path.glob("*.json")) and not list(tmp_path.glob("*.htm*"))


def test_no_usable_point_says_why(cli, tmp_path, small_map):
    layer = points_layer(tmp_path / "p.gpkg", [(X0 + 15, Y0 - 15, None), (X0 + 45, Y0 - 15, "Clouds")])
    code, _, err = cli("assess", small_map, layer, "--field", "reference", "--out", tmp_path / "r.json")
    assert_one_error_line(code, err, "no point of", "1 without a label", "name no map class: Clouds")


# --------------------------------------------------------------------------- the probe's own check
def test_probe_fit_writes_its_cross_validated_error_matrix_and_f1_beside_the_probe(cli, tmp_path):
    from backend.files import write_npz
    from backend.probe_check import error_matrix, f1_scores

    rng = np.random.default_rng(0)
    labels = np.repeat(np.arange(3), 20)
    features = rng.normal(size=(60, 8)).astype(np.float32) + labels[:, None] * np.array([3.0] + [0.0] * 7)
    features[:5, 0] = 6.0  # five samples of class 0 that look like class 2
    write_npz(tmp_path / "e.npz", {
        "patch_ids": np.arange(60).astype(str), "embeddings": features, "pooling": np.asarray("mean"),
        "normed": np.asarray(False), "use_metadata": np.asarray(True), "multilabel": np.asarray(False),
        "model_fingerprint": np.asarray("x"), "model_size": np.asarray("S"),
        "checkpoint": np.asarray("c.pth"),
        "labels": labels, "class_names": np.asarray(["Water", "Forest", "Town"])})
    code, out, err = cli("probe", "fit", tmp_path / "e.npz", "--out", tmp_path / "p.json")
    assert code == 0, err
    page = (tmp_path / "p.check.html").read_text()
    assert f"error matrix and F1 per class: {tmp_path / 'p.check.html'}" in out
    assert "Cross-validated error matrix" in page and "Town" in page
    matrix = error_matrix(np.array([0, 0, 1, 1]), np.array([0, 1, 1, 1]), 2)
    assert matrix.tolist() == [[1, 1], [0, 2]]
    assert f1_scores(matrix) == pytest.approx([2 / 3, 0.8])  # precision 1, recall ½; precision ⅔, recall 1

"""Similarity search, clusters and probes from clicks on the real Liverpool product (issue 22).

Which cells are sea, town or fields is decided by rules on the product's own reflectances,
written here (near infrared, NDVI, NDBI over every pixel of a 120 m cell), never by picked
coordinates: the same rules hold for any clear Landsat scene with sea, towns and fields.
"""
import json
import os
import shutil

import numpy as np
import pytest
from osgeo import gdal, ogr, osr

from backend import cluster, embedding_cache, similarity
from backend.click_probe import fit_click_probe, save_click_probe, write_class_view
from backend.embedding_field import GeoTiffField, is_embedding_raster, read_points
from backend.progress import Cancelled, NullProgress
from backend.raster import ClassifyRequest
from helpers import LIVERPOOL, auc, mosaic_pixels, write_raster

SCALE, OFFSET = 0.0000275, -0.2  # Level-2 DN → surface reflectance
TOKEN_PX = 4


def reflectance(scene, band: int) -> np.ndarray:
    path = next(scene.glob(f"*_SR_B{band}.TIF"))
    return gdal.Open(str(path)).ReadAsArray().astype(np.float64) * SCALE + OFFSET


def per_cell(pixels: np.ndarray, rows: int, cols: int) -> np.ndarray:
    """(rows, 4, cols, 4) pixels of each 120 m cell (NaN past the scene's edge)."""
    padded = np.full((rows * TOKEN_PX, cols * TOKEN_PX), np.nan)
    h, w = min(pixels.shape[0], rows * TOKEN_PX), min(pixels.shape[1], cols * TOKEN_PX)
    padded[:h, :w] = pixels[:h, :w]
    return padded.reshape(rows, TOKEN_PX, cols, TOKEN_PX)


def cover_rules(scene, rows: int, cols: int) -> dict:
    """Cells whose every pixel is water (NIR < 0.05), field (NDVI > 0.6), town (NDVI < 0.35, NIR
    > 0.08, NDBI > −0.05: built-up and bare), or land (NIR > 0.15): name → (rows, cols) bool."""
    nir, red, swir = (reflectance(scene, b) for b in (5, 4, 6))
    with np.errstate(invalid="ignore", divide="ignore"):
        ndvi, ndbi = (nir - red) / (nir + red), (swir - nir) / (swir + nir)
    low = {name: np.min(per_cell(a, rows, cols), axis=(1, 3)) for name, a in
           (("nir", nir), ("ndvi", ndvi), ("ndbi", ndbi))}
    high = {name: np.max(per_cell(a, rows, cols), axis=(1, 3)) for name, a in (("nir", nir), ("ndvi", ndvi))}
    with np.errstate(invalid="ignore"):
        return {"sea": high["nir"] < 0.05, "land": low["nir"] > 0.15, "fields": low["ndvi"] > 0.6,
                "town": (high["ndvi"] < 0.35) & (low["nir"] > 0.08) & (low["ndbi"] > -0.05)}


def write_points(path, xy, crs_wkt, to_epsg=4326):
    """A GeoPackage of points given in ``crs_wkt``, stored in EPSG:``to_epsg``."""
    source, target = osr.SpatialReference(wkt=crs_wkt), osr.SpatialReference()
    target.ImportFromEPSG(to_epsg)
    for srs in (source, target):
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    transform = osr.CoordinateTransformation(source, target)
    data = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = data.CreateLayer("points", target, ogr.wkbPoint)
    for x, y in xy:
        feature = ogr.Feature(layer.GetLayerDefn())
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(*transform.TransformPoint(float(x), float(y))[:2])
        feature.SetGeometry(point)
        layer.CreateFeature(feature)
    data = None
    return path


def cell_centres(field, rows, cols):
    x = field.transform[0] + (np.asarray(cols) + 0.5) * field.transform[1]
    y = field.transform[3] + (np.asarray(rows) + 0.5) * field.transform[5]
    return list(zip(x, y))


def pick(mask, count, seed):
    rows, cols = np.nonzero(mask)
    chosen = np.random.default_rng(seed).choice(len(rows), count, replace=False)
    return rows[chosen], cols[chosen]


@pytest.fixture(scope="module")
def scene(tmp_path_factory):
    """A copy of the real Liverpool product (the original is never written to)."""
    copy = tmp_path_factory.mktemp("liverpool") / LIVERPOOL.name
    shutil.copytree(LIVERPOOL, copy)
    return copy


@pytest.fixture(scope="module")
def embedded(scene, tmp_path_factory):
    """The product's 120 m embedding raster, written once by ``embed`` (stride 20, as classify's
    default), with the cover rules on its grid."""
    from backend.cli import main

    out = tmp_path_factory.mktemp("field") / "field.tif"
    assert main(["embed", str(scene), "--resolution", "token", "--device", "cpu", "--out", str(out)]) == 0
    field = GeoTiffField(out)
    rules = cover_rules(scene, field.rows, field.cols)
    data = np.isfinite(field.read_window(0, field.rows, 0, field.cols)).all(axis=2)
    return out, field, {name: mask & data for name, mask in rules.items()}


def test_an_embedding_raster_is_known_by_its_record(embedded, scene):
    path, _, _ = embedded
    assert is_embedding_raster(path)
    assert not is_embedding_raster(next(scene.glob("*_SR_B1.TIF")))


def test_similarity_to_points_on_the_sea_ranks_sea_cells_above_land(cli, embedded, tmp_path):
    path, field, rules = embedded
    rows, cols = pick(rules["sea"], 5, seed=0)
    points = write_points(tmp_path / "sea.gpkg", cell_centres(field, rows, cols), field.crs)  # in degrees
    code, _, err = cli("similarity", path, "--points", points, "--out", tmp_path / "sim.tif")
    assert code == 0, err
    written = gdal.Open(str(tmp_path / "sim.tif"))
    scores = written.ReadAsArray()
    assert written.RasterCount == 1 and scores.dtype == np.float32
    assert written.GetGeoTransform()[1] == 120.0 and written.GetGeoTransform() == field.transform
    assert np.isnan(written.GetRasterBand(1).GetNoDataValue())
    finite = scores[np.isfinite(scores)]
    assert finite.min() >= -1 and finite.max() <= 1
    assert auc(scores[rules["sea"]], scores[rules["land"]]) > 0.95
    no_data = ~np.isfinite(field.read_window(0, field.rows, 0, field.cols)).all(axis=2)
    assert np.array_equal(np.isnan(scores), no_data)


def test_negatives_push_their_kind_below_zero_and_keep_the_score_within_minus_one_to_one(cli, embedded,
                                                                                          tmp_path):
    path, field, rules = embedded
    sea = write_points(tmp_path / "sea.gpkg", cell_centres(field, *pick(rules["sea"], 5, 1)), field.crs)
    land = write_points(tmp_path / "land.gpkg", cell_centres(field, *pick(rules["land"], 5, 1)), field.crs,
                        to_epsg=3857)
    code, _, err = cli("similarity", path, "--points", sea, "--negatives", land, "--out", tmp_path / "s.tif")
    assert code == 0, err
    scores = gdal.Open(str(tmp_path / "s.tif")).ReadAsArray()
    assert np.nanmin(scores) >= -1 and np.nanmax(scores) <= 1
    assert np.median(scores[rules["sea"]]) > 0 > np.median(scores[rules["land"]])
    assert auc(scores[rules["sea"]], scores[rules["land"]]) > 0.95


def test_a_scene_is_embedded_once_into_the_cache_and_scores_as_its_embedding_raster(cli, embedded, scene,
                                                                                    tmp_path):
    path, field, rules = embedded
    points = write_points(tmp_path / "sea.gpkg", cell_centres(field, *pick(rules["sea"], 3, 2)), field.crs)
    runs = [cli("similarity", scene, "--points", points, "--device", "cpu", "--precision", "float32", "--out",
                tmp_path / f"{n}.tif")
            for n in ("first", "second")]
    assert [code for code, _, _ in runs] == [0, 0], runs
    assert "read from the cache" not in runs[0][1] and "read from the cache" in runs[1][1]
    assert len(embedding_cache.entries()) == 1
    cli("similarity", path, "--points", points, "--out", tmp_path / "from-raster.tif")
    cached, direct = (gdal.Open(str(tmp_path / n)).ReadAsArray() for n in ("second.tif", "from-raster.tif"))
    assert np.allclose(cached, direct, atol=1e-5, equal_nan=True)


def test_clusters_of_liverpool_separate_sea_from_land(cli, embedded, tmp_path):
    path, field, rules = embedded
    code, _, err = cli("cluster", path, "--clusters", "6", "--out", tmp_path / "c.tif", "--pca",
                         tmp_path / "pca.tif", "--seed", "4")
    assert code == 0, err
    written = gdal.Open(str(tmp_path / "c.tif"))
    labels = written.ReadAsArray()
    band = written.GetRasterBand(1)
    assert band.GetNoDataValue() == 255 and band.DataType == gdal.GDT_Byte
    colours = {band.GetColorTable().GetColorEntry(k)[:3] for k in range(6)}
    assert len(colours) == 6 and band.GetCategoryNames()[:2] == ["cluster 1", "cluster 2"]
    sea, land = labels[rules["sea"]], labels[rules["land"]]
    # Each cluster called sea or land by its majority of these cells: how many cells it gets right.
    right = sum(max((sea == k).sum(), (land == k).sum()) for k in range(6))
    assert right / (len(sea) + len(land)) > 0.97
    pca = gdal.Open(str(tmp_path / "pca.tif")).ReadAsArray()
    assert pca.shape == (3, field.rows, field.cols) and (pca[:, labels == 255] == 0).all()
    assert cli("cluster", path, "--clusters", "6", "--out", tmp_path / "again.tif", "--seed", "4")[0] == 0
    assert np.array_equal(gdal.Open(str(tmp_path / "again.tif")).ReadAsArray(), labels)


def test_a_probe_from_ten_clicks_per_class_separates_sea_town_and_fields(cli, embedded, scene, tmp_path):
    _, field, rules = embedded
    names, clicks, held_out = ["sea", "town", "fields"], [], []
    for k, name in enumerate(names):
        rows, cols = np.nonzero(rules[name])
        order = np.random.default_rng(k).permutation(len(rows))
        clicks += [(x, y, k) for x, y in cell_centres(field, rows[order[:10]], cols[order[:10]])]
        held_out += [(rows[i], cols[i], k) for i in order[10:]]
    result = fit_click_probe(field, clicks, names)
    assert result.counts == {"sea": 10, "town": 10, "fields": 10} and result.folds == 5
    assert result.cv_accuracy is not None and 0 <= result.cv_accuracy <= 1
    rows, cols, truth = (np.array(v) for v in zip(*held_out))
    predicted = result.probe.predict(field.vectors_at(rows, cols))
    for k, name in enumerate(names):
        assert (predicted[truth == k] == k).mean() > 0.75, name
    assert (predicted == truth).mean() > 0.9
    probe = save_click_probe(result, tmp_path / "clicks.json")
    code, _, err = cli("classify", scene, "--probe", probe, "--device", "cpu", "--out", tmp_path / "map.tif")
    assert code == 0, err
    painted = gdal.Open(str(tmp_path / "map.tif")).ReadAsArray()
    assert painted.shape == (field.rows, field.cols)
    assert (painted[rows, cols] == predicted).mean() > 0.95  # classify reads the features the clicks did
    view = write_class_view(field, result.probe, (field.transform[0], field.transform[3] - 40 * 120,
                                                 field.transform[0] + 30 * 120, field.transform[3]),
                            tmp_path / "view.tif")
    assert gdal.Open(str(view)).ReadAsArray().shape == (40, 30)


def test_points_in_any_crs_land_on_the_same_cells(embedded, tmp_path):
    _, field, rules = embedded
    centres = cell_centres(field, *pick(rules["land"], 4, 3))
    for epsg in (4326, 3857, 27700):
        x, y = read_points(write_points(tmp_path / f"{epsg}.gpkg", centres, field.crs, epsg), field.crs)
        assert np.allclose(np.c_[x, y], centres, atol=0.01), epsg


# --------------------------------------------------------------------------- the cache
@pytest.fixture
def small_scene(tmp_path):
    """A real 160 × 160 px raster of 16 real patches: a field of 40 × 40 cells in a second."""
    return write_raster(tmp_path / "scene.tif", mosaic_pixels())


def small_request(path, **changes):
    from backend.catalogue import resolve_model
    from backend.options import SceneOptions

    values = {**dict(input=str(path), output="", checkpoint=str(resolve_model(None)), probe=None, stride=40,
                     device="cpu", resolution="token"), **changes}
    options = {name: values.pop(name) for name in list(values) if hasattr(SceneOptions, name)}
    return ClassifyRequest(**values, options=SceneOptions(**options))


def test_a_stale_or_damaged_entry_is_rebuilt_never_used(small_scene, caplog):
    caplog.set_level("INFO")
    first = embedding_cache.field_for(small_request(small_scene))
    folder = first.path.parent
    expected = first.read_window(0, first.rows, 0, first.cols)
    first.close()
    with open(folder / "field.bin", "r+b") as f:  # one value changed: the bytes no longer hash right
        f.seek(1000)
        f.write(b"\x00\x00\x80\x7f")
    again = embedding_cache.field_for(small_request(small_scene))
    assert "damaged" in caplog.text
    assert np.array_equal(again.read_window(0, again.rows, 0, again.cols), expected, equal_nan=True)
    again.close()
    stat = small_scene.stat()
    os.utime(small_scene, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # the scene changed
    caplog.clear()
    embedding_cache.field_for(small_request(small_scene)).close()
    assert "stale" in caplog.text and len(embedding_cache.entries()) == 1


def test_the_key_is_the_scene_the_models_sha256_and_the_settings(small_scene, tmp_path):
    base = embedding_cache.key_of(embedding_cache.identity(small_request(small_scene)))
    other = shutil.copy(small_scene, tmp_path / "other.tif")
    changed = [small_request(small_scene, stride=20), small_request(other),
               small_request(small_scene, use_metadata=False),
               small_request(small_scene, precision="float32"),
               small_request(small_scene, checkpoint=str(shutil.copy(small_request(small_scene).checkpoint,
                                                                     tmp_path / "model.pt")))]
    keys = [embedding_cache.key_of(embedding_cache.identity(r)) for r in changed]
    assert base not in keys[:4] and len(set(keys[:4])) == 4
    assert keys[4] == base  # the same model bytes under another name: the same field


def test_the_least_recently_used_fields_go_when_the_cap_is_passed(small_scene, monkeypatch):
    fields = [embedding_cache.field_for(small_request(small_scene, stride=s)) for s in (40, 20, 32)]
    size = fields[0].path.stat().st_size
    for field in fields:
        field.close()
    embedding_cache.field_for(small_request(small_scene, stride=40)).close()  # used again: now the newest
    monkeypatch.setenv("MOEMAE_EMBEDDING_CACHE_MB", str(2.5 * size / 2**20))
    embedding_cache.field_for(small_request(small_scene, stride=24)).close()
    kept = {json.loads((f / "entry.json").read_text())["identity"]["settings"]["stride"]
            for f, _, _ in embedding_cache.entries()}
    assert kept == {40, 24}


def test_a_cancelled_build_leaves_nothing_in_the_cache(small_scene):
    class CancelAtOnce(NullProgress):
        def check(self):
            raise Cancelled("cancelled")

    with pytest.raises(Cancelled):
        embedding_cache.field_for(small_request(small_scene), CancelAtOnce())
    assert not embedding_cache.cache_dir().exists() or not any(embedding_cache.cache_dir().iterdir())


@pytest.fixture
def thin_strips(monkeypatch):
    """Strips of a row or two, so that a small field passes in many strips."""
    from backend import embedding_field

    monkeypatch.setattr(embedding_field, "STRIP_BYTES", 1)


def test_a_cancelled_similarity_leaves_no_file(embedded, tmp_path, thin_strips):
    _, field, _ = embedded
    query = similarity.Query(np.eye(field.dim, dtype=np.float32)[0], None, field.mean().astype(np.float32))

    class CancelAfterOneStrip(NullProgress):
        seen = 0

        def check(self):
            self.seen += 1
            if self.seen > 1:
                raise Cancelled("cancelled")

    with pytest.raises(Cancelled):
        similarity.write_similarity(field, query, tmp_path / "s.tif", CancelAfterOneStrip())
    assert list(tmp_path.iterdir()) == []


def test_clusters_and_the_pca_are_written_together_or_not_at_all(embedded, tmp_path, thin_strips):
    _, field, _ = embedded

    class CancelLate(NullProgress):
        def __init__(self):
            super().__init__()
            self.count = 0

        def check(self):
            self.count += 1
            if self.count > field.rows:  # in the second pass, while writing
                raise Cancelled("cancelled")

    with pytest.raises(Cancelled):
        cluster.write_clusters(field, tmp_path / "c.tif", 4, pca_out=tmp_path / "p.tif",
                               progress=CancelLate())
    assert list(tmp_path.iterdir()) == []

"""``sample`` and ``assess`` on a real map: the cloudy real product classified (stride 40), sampled,
its points labelled by hand-written rules on the product's own reflectances, and assessed from the
CLI, in QGIS's Processing (moemae:sample, moemae:assess) and in qgis_process.bin."""
import json

import numpy as np
import pytest
from osgeo import gdal, ogr

from backend.cli import main
from helpers import CLOUDY, qgis_process_json

#: Hand-written labelling rules, as a person might label from the image: by NDVI of the pixel.
#: Below 0.3 the place is taken for cloud: a label the map does not have.
RULES = ((0.88, "Broad-leaved forest"), (0.7, "Mixed forest"), (0.3, "Natural grassland and sparsely "
                                                                      "vegetated areas"), (-1.0, "Clouds"))


@pytest.fixture(scope="module")
def cloudy_map(tmp_path_factory):
    path = tmp_path_factory.mktemp("cloudy") / "map.tif"
    assert main(["classify", str(CLOUDY), "--out", str(path), "--stride", "40", "--device", "cpu"]) == 0
    return path


def reflectance(band):
    return gdal.Open(str(CLOUDY / f"{CLOUDY.name}_{band}.TIF")).ReadAsArray() * 0.0000275 - 0.2


def label_by_rules(points_path, every_nth_unlabelled=10):
    """Fill ``reference`` of the sample points from the product's NDVI under each; every n-th point is
    left unlabelled, as a person who could not tell would."""
    red, nir = reflectance("SR_B4"), reflectance("SR_B5")
    transform = gdal.Open(str(CLOUDY / f"{CLOUDY.name}_SR_B4.TIF")).GetGeoTransform()
    source = ogr.Open(str(points_path), update=1)
    layer = source.GetLayer(0)
    labels = []
    for k, feature in enumerate(layer):
        point = feature.GetGeometryRef()
        col = int((point.GetX() - transform[0]) / transform[1])
        row = int((point.GetY() - transform[3]) / transform[5])
        ndvi = (nir[row, col] - red[row, col]) / (nir[row, col] + red[row, col])
        label = None if k % every_nth_unlabelled == 0 else next(name for low, name in RULES if ndvi >= low)
        if label:
            feature.SetField("reference", label)
            layer.SetFeature(feature)
        labels.append(label)
    source = None
    return labels


def check_report(report, labels):
    points = report["points"]
    unknown = sum(label == "Clouds" for label in labels)
    assert points == {"used": len(labels) - labels.count(None) - unknown, "outside_map": 0, "on_nodata": 0,
                      "unlabelled": labels.count(None)}
    counts = np.array(report["error_matrix"]["counts"])
    assert counts.sum() == points["used"]
    classes = report["classes"]
    mapped = sum(c["mapped_area_ha"] for c in classes.values())
    assert sum(c["area_ha"]["estimate"] for c in classes.values()) == pytest.approx(mapped)
    proportions = np.array(report["error_matrix"]["area_proportions"])
    assert report["overall_accuracy"]["estimate"] == pytest.approx(np.trace(proportions))
    assert 0 < report["overall_accuracy"]["estimate"] < 1


def test_sample_label_and_assess_the_real_cloudy_map_from_the_cli(cli, tmp_path, cloudy_map):
    code, out, err = cli("sample", cloudy_map, "--out", tmp_path / "sample.gpkg", "--seed", "1")
    assert code == 0, err
    labels = label_by_rules(tmp_path / "sample.gpkg")
    assert "Clouds" in labels and None in labels and len(set(labels)) >= 4
    code, out, err = cli("assess", cloudy_map, tmp_path / "sample.gpkg", "--field", "reference", "--out",
                         tmp_path / "report.json", "--html", tmp_path / "report.html")
    assert code == 0, err
    check_report(json.loads((tmp_path / "report.json").read_text()), labels)
    assert "warning: reference labels that name no map class were left out: 'Clouds'" in out
    assert "Mapped and estimated area" in (tmp_path / "report.html").read_text()


def test_sample_and_assess_in_qgis_processing(provider, tmp_path, cloudy_map):
    import processing

    sampled = processing.run("moemae:sample", {"INPUT": str(cloudy_map), "SEED": 1,
                                               "OUTPUT": str(tmp_path / "sample.gpkg")})
    labels = label_by_rules(sampled["OUTPUT"])
    result = processing.run("moemae:assess", {"INPUT": str(cloudy_map), "REFERENCE": sampled["OUTPUT"],
                                              "FIELD": "reference", "OUTPUT": str(tmp_path / "r.json"),
                                              "OUTPUT_HTML": str(tmp_path / "r.html")})
    check_report(json.loads((tmp_path / "r.json").read_text()), labels)
    assert result["OUTPUT_HTML"] == str(tmp_path / "r.html")
    # The same seed gives the same points from QGIS as from the CLI.
    assert main(["sample", str(cloudy_map), "--out", str(tmp_path / "cli.gpkg"), "--seed", "1"]) == 0
    assert label_by_rules(tmp_path / "cli.gpkg") == labels


def test_assess_refuses_a_points_layer_kept_only_in_memory(provider, tmp_path, cloudy_map):
    import processing
    from qgis.core import QgsProcessingException, QgsVectorLayer

    memory = QgsVectorLayer("Point?crs=EPSG:32619&field=reference:string", "drawn", "memory")
    with pytest.raises(QgsProcessingException, match="is not saved in a file"):
        processing.run("moemae:assess", {"INPUT": str(cloudy_map), "REFERENCE": memory, "FIELD": "reference",
                                         "OUTPUT": str(tmp_path / "r.json"),
                                         "OUTPUT_HTML": str(tmp_path / "r.html")})
    assert not list(tmp_path.iterdir())


@pytest.mark.slow
def test_sample_and_assess_in_qgis_process(tmp_path, cloudy_map, deployed_profile):
    sampled = qgis_process_json(["run", "moemae:sample", "--", f"INPUT={cloudy_map}", "SEED=1",
                                 f"OUTPUT={tmp_path / 'sample.gpkg'}"], deployed_profile)
    labels = label_by_rules(sampled["results"]["OUTPUT"])
    result = qgis_process_json(["run", "moemae:assess", "--", f"INPUT={cloudy_map}",
                                f"REFERENCE={tmp_path / 'sample.gpkg'}", "FIELD=reference",
                                f"OUTPUT={tmp_path / 'r.json'}", f"OUTPUT_HTML={tmp_path / 'r.html'}"],
                               deployed_profile)
    check_report(json.loads((tmp_path / "r.json").read_text()), labels)
    assert result["results"]["OUTPUT_HTML"] == str(tmp_path / "r.html")

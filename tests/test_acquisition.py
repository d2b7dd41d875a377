"""Acquisition dates from MTL files, product ids and GDAL tags, in that order."""
import json
from datetime import date, datetime

from backend import acquisition as sm

PRODUCT = "LC08_L2SP_190017_20210615_20210622_02_T1"


def test_mtl_text_gives_date_and_time(tmp_path):
    raster = tmp_path / f"{PRODUCT}_SR_stack.tif"
    (tmp_path / f"{PRODUCT}_MTL.txt").write_text(
        'GROUP = IMAGE_ATTRIBUTES\n    DATE_ACQUIRED = 2021-06-15\n    SCENE_CENTER_TIME = '
        '"09:53:12.4570000Z"\n')
    found = sm.find_acquisition(raster)
    assert found.when == datetime(2021, 6, 15, 9, 53, 12)
    assert found.source == f"the MTL file {PRODUCT}_MTL.txt"
    assert found.describe() == f"2021-06-15 09:53 UTC (from the MTL file {PRODUCT}_MTL.txt)"


def test_mtl_xml_and_json(tmp_path):
    (tmp_path / "a_MTL.xml").write_text("<LANDSAT_METADATA_FILE><IMAGE_ATTRIBUTES><DATE_ACQUIRED>2020-01-02"
                                        "</DATE_ACQUIRED><SCENE_CENTER_TIME>23:05:00.1Z</SCENE_CENTER_TIME>"
                                        "</IMAGE_ATTRIBUTES></LANDSAT_METADATA_FILE>")
    assert sm.from_mtl(tmp_path / "scene.tif").when == datetime(2020, 1, 2, 23, 5, 0)
    other = tmp_path / "json"
    other.mkdir()
    (other / "b_MTL.json").write_text(json.dumps({"LANDSAT_METADATA_FILE": {"IMAGE_ATTRIBUTES": {
        "DATE_ACQUIRED": "2019-03-04", "SCENE_CENTER_TIME": "10:11:12Z"}}}))
    assert sm.from_mtl(other / "scene.tif").when == datetime(2019, 3, 4, 10, 11, 12)


def test_product_id_gives_the_date_only(tmp_path):
    found = sm.find_acquisition(tmp_path / f"{PRODUCT}_SR_B1.TIF")
    assert found.when == date(2021, 6, 15) and not found.has_time
    assert "product id" in found.source


def test_tags_then_nothing(tmp_path):
    found = sm.find_acquisition(tmp_path / "scene.tif", {"TIFFTAG_DATETIME": "2018:07:01 11:00:00"})
    assert found.when == datetime(2018, 7, 1, 11, 0, 0) and "TIFFTAG_DATETIME" in found.source
    nothing = sm.find_acquisition(tmp_path / "scene.tif", {"OTHER": "x"})
    assert nothing.when is None and nothing.describe() == "unknown"


def test_mtl_wins_over_product_id_and_tags(tmp_path):
    (tmp_path / f"{PRODUCT}_MTL.txt").write_text("DATE_ACQUIRED = 2021-06-16\n")
    found = sm.find_acquisition(tmp_path / f"{PRODUCT}_SR.tif", {"ACQUISITION_DATE": "2000-01-01"})
    assert found.when == date(2021, 6, 16)

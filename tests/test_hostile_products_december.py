"""Hostile products, MTL files and inputs of the December review (issue 19: findings 3 and 9,
and four misleading messages of finding 10), each on real files: copies of the real USGS
products, real tars, real GeoTIFFs. Each failed before its fix: a wrong band file read without
a word, a traceback, or a message that sent the user the wrong way."""
from __future__ import annotations

import os
import shutil
import tarfile
from datetime import date, datetime, timedelta, timezone

import numpy as np
import pytest
from osgeo import gdal

from backend import acquisition, mtl, product
from backend.errors import UserError
from helpers import (
    CLOUDY,
    LIVERPOOL,
    assert_one_error_line,
    copy_product,
    mosaic_pixels,
    mtl_of,
    product_tar,
    snapshot,
    write_raster,
)


def classify(cli, source, out, *extra):
    return cli("classify", source, "--out", out, "--stride", "40", "--device", "cpu", *extra)


def edit_mtl(folder, old: str, new: str, suffix: str = "txt"):
    """Replace ``old`` by ``new`` in a copied product's MTL (``old`` must be there)."""
    path = mtl_of(folder, suffix)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- 3. wrong band files
def test_a_lower_case_twin_of_a_band_file_is_refused_as_ambiguous(cli, tmp_path):
    folder = copy_product(LIVERPOOL, tmp_path / "in")
    twin = folder / f"{LIVERPOOL.name}_sr_b1.tif"
    shutil.copy(folder / f"{LIVERPOOL.name}_SR_B2.TIF", twin)  # other pixels under SR_B1's name
    before = snapshot(folder)
    code, _, err = classify(cli, folder, tmp_path / "map.tif")
    assert_one_error_line(code, err, f"holds both {LIVERPOOL.name}_SR_B1.TIF and {twin.name}",
                          "differ only in case are ambiguous")
    assert not (tmp_path / "map.tif").exists() and snapshot(folder) == before
    with pytest.raises(UserError, match="ambiguous"):  # inside a tar too
        product.open_product(product_tar(folder, tmp_path / "p.tar"))


def test_an_mtl_listing_a_thermal_band_as_band_1_is_refused(cli, tmp_path):
    folder = copy_product(CLOUDY, tmp_path / "in")
    edit_mtl(folder, f'FILE_NAME_BAND_1 = "{CLOUDY.name}_SR_B1.TIF"',
             f'FILE_NAME_BAND_1 = "{CLOUDY.name}_ST_B10.TIF"')
    code, _, err = classify(cli, folder, tmp_path / "map.tif")
    assert_one_error_line(code, err, f"lists {CLOUDY.name}_ST_B10.TIF as SR_B1, but that file's name says "
                          "ST_B10", "the MTL is damaged or edited")
    assert not (tmp_path / "map.tif").exists()


@pytest.mark.parametrize("suffix", ["txt", "xml", "json"])
def test_an_mtl_that_swaps_red_and_green_is_refused(cli, tmp_path, suffix):
    folder = copy_product(CLOUDY, tmp_path / "in")
    green, red = f"{CLOUDY.name}_SR_B3.TIF", f"{CLOUDY.name}_SR_B4.TIF"
    path = edit_mtl(folder, green, "@", suffix)
    edit_mtl(folder, red, green, suffix)
    edit_mtl(folder, "@", red, suffix)
    code, _, err = classify(cli, path, tmp_path / "map.tif")
    assert_one_error_line(code, err, f"{path.name} lists {red} as SR_B3, but that file's name says SR_B4")


def test_an_mtl_naming_a_file_outside_its_folder_is_refused(cli, tmp_path):
    folder = copy_product(LIVERPOOL, tmp_path / "in")
    name = f"{LIVERPOOL.name}_SR_B3.TIF"
    shutil.copy(folder / f"{LIVERPOOL.name}_SR_B5.TIF", tmp_path / name)  # a decoy one folder up
    edit_mtl(folder, f'"{name}"', f'"../{name}"')
    code, _, err = classify(cli, folder, tmp_path / "map.tif")
    assert_one_error_line(code, err, f"lists ../{name} as SR_B3, but USGS names SR_B3's file {name}")


def test_an_mtl_dated_otherwise_than_its_product_id_is_refused(cli, tmp_path):
    folder = copy_product(LIVERPOOL, tmp_path / "in")
    edit_mtl(folder, "DATE_ACQUIRED = 2020-09-27", "DATE_ACQUIRED = 2020-09-28")
    code, _, err = classify(cli, folder, tmp_path / "map.tif")
    assert_one_error_line(code, err, "gives DATE_ACQUIRED 2020-09-28, but the product id "
                          f"{LIVERPOOL.name} says 2020-09-27")


def test_a_product_acquired_after_today_is_refused(cli, tmp_path):
    tomorrow = datetime.now(timezone.utc).date() + timedelta(days=1)
    product_id = LIVERPOOL.name.replace("_20200927_", f"_{tomorrow:%Y%m%d}_")
    folder = copy_product(LIVERPOOL, tmp_path / "in", product_id=product_id)
    edit_mtl(folder, "DATE_ACQUIRED = 2020-09-27", f"DATE_ACQUIRED = {tomorrow}")
    code, _, err = classify(cli, folder, tmp_path / "map.tif")
    assert_one_error_line(code, err, f"{product_id} says it was acquired on {tomorrow}, after today")


def test_a_band_file_that_is_a_folder_or_a_link_loop_is_said_so(cli, tmp_path):
    folder = copy_product(LIVERPOOL, tmp_path / "in")
    band = folder / f"{LIVERPOOL.name}_SR_B3.TIF"
    band.unlink()
    band.mkdir()
    code, _, err = classify(cli, folder, tmp_path / "map.tif")
    assert_one_error_line(code, err, f"SR_B3 ({band.name}) is a folder, not a GeoTIFF")
    band.rmdir()
    os.symlink(band, band)
    code, _, err = classify(cli, folder, tmp_path / "map.tif")
    assert_one_error_line(code, err, f"SR_B3 ({band.name}) cannot be read", "symbolic links")


def test_the_log_says_how_the_band_files_were_found(cli, tmp_path):
    code, out, err = classify(cli, CLOUDY, tmp_path / "a.tif")
    assert code == 0, err
    assert f"as its MTL {CLOUDY.name}_MTL.txt lists them" in out + err and "by band names" not in out + err
    code, out, err = classify(cli, mtl_of(CLOUDY, "json"), tmp_path / "b.tif")
    assert code == 0, err
    assert f"as its MTL {CLOUDY.name}_MTL.json lists them" in out + err
    folder = copy_product(LIVERPOOL, tmp_path / "in", drop=("MTL",))
    code, out, err = classify(cli, folder, tmp_path / "c.tif")
    assert code == 0, err
    assert "by their USGS names; it has no MTL file" in out + err
    mtl_of(folder).write_text("GROUP = LANDSAT_METADATA_FILE\nEND_GROUP = LANDSAT_METADATA_FILE\nEND\n")
    code, out, err = classify(cli, folder, tmp_path / "d.tif")
    assert code == 0, err
    assert f"by their USGS names; its MTL {mtl_of(folder).name} lists none" in out + err


# --------------------------------------------------------------------------- 9. untrusted MTL text
@pytest.mark.parametrize("time_of_day", ["99:99:99", "24:00:00.0000000Z", "ten past two"])
def test_an_impossible_scene_center_time_is_one_line(cli, tmp_path, time_of_day):
    folder = copy_product(CLOUDY, tmp_path / "in")
    edit_mtl(folder, '"14:34:30.4390740Z"', f'"{time_of_day}"')
    code, _, err = classify(cli, folder, tmp_path / "map.tif")
    assert_one_error_line(code, err, f"gives SCENE_CENTER_TIME = {time_of_day}, which is no time of day")


def test_an_impossible_time_in_an_mtl_beside_a_plain_raster_leaves_the_date(tmp_path):
    raster = tmp_path / f"{CLOUDY.name}_stack.tif"
    shutil.copy(CLOUDY / f"{CLOUDY.name}_SR_B1.TIF", raster)
    text = mtl_of(CLOUDY).read_text().replace('"14:34:30.4390740Z"', '"99:99:99"')
    (tmp_path / mtl_of(CLOUDY).name).write_text(text)
    found = acquisition.find_acquisition(raster)  # no product: the MTL beside it is only a hint
    assert found.when == date(2019, 1, 14) and "product id" in found.source


def nested(suffix: str, depth: int) -> str:
    return {"json": "[" * depth + "]" * depth,
            "xml": "<LANDSAT_METADATA_FILE>" + "<G>" * depth + "</G>" * depth + "</LANDSAT_METADATA_FILE>",
            "txt": "GROUP = G\n" * depth}[suffix]


@pytest.mark.parametrize("suffix", ["json", "xml", "txt"])
def test_an_mtl_nested_100000_deep_is_one_line(cli, tmp_path, suffix):
    folder = copy_product(CLOUDY, tmp_path / "in")
    path = mtl_of(folder, suffix)
    path.write_text(nested(suffix, 100_000))
    code, _, err = classify(cli, path, tmp_path / "map.tif")
    assert_one_error_line(code, err, f"{path.name} nests groups more than {mtl.MAX_DEPTH} deep")


def test_an_mtl_of_many_megabytes_is_refused_before_it_is_parsed(cli, tmp_path):
    folder = copy_product(LIVERPOOL, tmp_path / "in")
    path = mtl_of(folder)
    path.write_text(path.read_text() + "  PADDING = 0\n" * (mtl.MAX_BYTES // 10))
    code, _, err = classify(cli, folder, tmp_path / "map.tif")
    assert_one_error_line(code, err, f"{path.name} is over 4 MB, but a Landsat MTL file is about 20 KB")


def test_an_xml_mtl_declaring_entities_is_refused_unexpanded(cli, tmp_path):
    folder = copy_product(CLOUDY, tmp_path / "in")
    path = mtl_of(folder, "xml")
    laughs = "".join(f'<!ENTITY l{k} "{f"&l{k - 1};" * 10}">' for k in range(1, 10))
    text = path.read_text()
    path.write_text(text.replace("<LANDSAT_METADATA_FILE>", f'<!DOCTYPE m [<!ENTITY l0 "ha">{laughs}]>'
                                 "<LANDSAT_METADATA_FILE><BOMB>&l9;</BOMB>", 1))
    code, _, err = classify(cli, path, tmp_path / "map.tif")
    assert_one_error_line(code, err, f"{path.name} declares a DOCTYPE or entities")


def test_the_three_mtl_formats_read_alike_and_a_bad_xml_reads_as_nothing(tmp_path):
    txt, xml, js = (mtl.read_mtl(str(mtl_of(CLOUDY, s))) for s in ("txt", "xml", "json"))
    for key in ("PRODUCT_CONTENTS", "IMAGE_ATTRIBUTES"):
        assert txt[key] == xml[key] == js[key]
    for broken in ("<A><B>1</A></B>", "<A>1 < 2</A>", "<A><B>open"):
        (tmp_path / "x_MTL.xml").write_text(broken)
        assert mtl.read_mtl(str(tmp_path / "x_MTL.xml")) == {}


def test_an_mtl_that_is_not_utf8_is_read_for_its_ascii_fields(cli, tmp_path):
    folder = copy_product(LIVERPOOL, tmp_path / "in")
    path = mtl_of(folder)
    path.write_bytes(path.read_bytes().replace(b"Image courtesy", b"Image \xe9\xff courtesy"))
    code, out, _ = classify(cli, folder, tmp_path / "map.tif")
    assert code == 0
    assert "acquisition: 2020-09-27 11:10 UTC (from the MTL file" in out


@pytest.mark.parametrize("kind", ["folder", "fifo", "/dev/zero"])
def test_an_mtl_that_is_no_plain_file_is_refused_without_reading_it(cli, tmp_path, kind):
    folder = copy_product(LIVERPOOL, tmp_path / "in")
    path = mtl_of(folder)
    path.unlink()
    make = {"folder": path.mkdir, "fifo": lambda: os.mkfifo(path),
            "/dev/zero": lambda: path.symlink_to("/dev/zero")}
    make[kind]()
    code, _, err = classify(cli, folder, tmp_path / "map.tif")  # a FIFO read would wait for ever
    assert_one_error_line(code, err, f"the MTL {path} is not a file")


def test_loadproduct_says_in_one_line_that_a_deep_mtl_is_damaged(provider, tmp_path):
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

    folder = copy_product(CLOUDY, tmp_path / "in")
    path = mtl_of(folder, "json")
    path.write_text(nested("json", 100_000))
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("moemae:loadproduct")
    feedback = QgsProcessingFeedback()
    _, ok = algorithm.run({"INPUT": str(path), "OUTPUT": str(tmp_path / "p.vrt")}, QgsProcessingContext(),
                          feedback)
    log = feedback.textLog()
    assert not ok and "Traceback" not in log and "RecursionError" not in log
    assert "nests groups more than 16 deep" in log.strip().splitlines()[-1]
    assert not (tmp_path / "p.vrt").exists()


# --------------------------------------------------------------------------- 10. messages
def test_a_damaged_tar_is_called_damaged(cli, tmp_path):
    whole = product_tar(LIVERPOOL, tmp_path / "whole.tar").read_bytes()
    first = tmp_path / "first.tar"
    first.write_bytes(b"\x07" * 512 + whole[512:])  # the first header overwritten
    code, _, err = classify(cli, first, tmp_path / "map.tif")
    assert_one_error_line(code, err, "first.tar is damaged at byte 0", "download the product again")
    third = tmp_path / "third.tar"
    with tarfile.open(tmp_path / "whole.tar") as archive:
        offsets = [info.offset for info in archive]
    third.write_bytes(whole[:offsets[2]] + b"\x07" * 512 + whole[offsets[2] + 512:])  # a header midway
    code, _, err = classify(cli, third, tmp_path / "map.tif")
    assert_one_error_line(code, err, f"third.tar is damaged at byte {offsets[2]:,}")


def test_a_whole_tar_without_a_product_still_says_so(cli, tmp_path):
    with tarfile.open(tmp_path / "other.tar", "w") as archive:
        archive.add(CLOUDY.parent / "README.md", arcname="README.md")
    code, _, err = classify(cli, tmp_path / "other.tar", tmp_path / "map.tif")
    assert_one_error_line(code, err, "other.tar holds no Landsat product")


def test_a_missing_qa_pixel_file_is_called_the_qa_pixel_file(cli, tmp_path):
    code, _, err = classify(cli, LIVERPOOL, tmp_path / "map.tif", "--qa-pixel", tmp_path / "qa.tif")
    assert_one_error_line(code, err, f"{tmp_path / 'qa.tif'} does not exist; check the path of the QA_PIXEL "
                          "file")


@pytest.mark.parametrize("name, example", [(".tif", "output.tif"), ("map.tif.png", "map.tif"),
                                           ("map.png", "map.tif")])
def test_an_output_name_is_never_told_to_take_a_second_extension(cli, tmp_path, name, example):
    code, _, err = classify(cli, LIVERPOOL, tmp_path / name)
    assert_one_error_line(code, err, f"{name} does not; e.g. {example}")
    assert ".tif.tif" not in err


def test_utm_metres_labelled_as_degrees_are_refused(cli, tmp_path):
    utm_as_degrees = write_raster(tmp_path / "scene.tif", mosaic_pixels(2, 2), epsg=4326,
                                  origin=(500000.0, 7000020.0))
    code, _, err = classify(cli, utm_as_degrees, tmp_path / "map.tif")
    assert_one_error_line(code, err, "scene.tif has a corner at latitude 7,000,020°", "(EPSG:4326)",
                          "the raster's CRS seems wrong")
    assert not (tmp_path / "map.tif").exists()


def test_real_degrees_and_utm_metres_pass_the_latitude_check(cli, tmp_path):
    pixels = mosaic_pixels(2, 2)
    degrees = write_raster(tmp_path / "deg.tif", pixels, epsg=4326,
                           transform=(21.0, 0.00054, 0.0, 63.3, 0.0, -0.00027))
    metres = write_raster(tmp_path / "utm.tif", pixels)
    for source in (degrees, metres):
        code, _, err = classify(cli, source, tmp_path / f"{source.stem}-map.tif")
        assert code == 0, err
        assert np.isfinite(gdal.Open(str(tmp_path / f"{source.stem}-map.tif")).GetGeoTransform()).all()


def _projected(wkt_proj4: str, half_width_m: float, centre=(0.0, 0.0)) -> gdal.Dataset:
    """A 10 × 10 px in-memory raster in the projection ``wkt_proj4``, centred on ``centre``."""
    from osgeo import osr

    dataset = gdal.GetDriverByName("MEM").Create("", 10, 10, 1, gdal.GDT_UInt16)
    size = 2 * half_width_m / 10
    dataset.SetGeoTransform((centre[0] - half_width_m, size, 0.0, centre[1] + half_width_m, 0.0, -size))
    srs = osr.SpatialReference()
    srs.ImportFromProj4(wkt_proj4)
    dataset.SetProjection(srs.ExportToWkt())
    return dataset


def test_a_projected_raster_whose_corners_lie_off_its_projection_is_not_refused():
    """An orthographic view 14,000 km wide: its corners are beyond the Earth's disk (PROJ cannot
    take them to degrees) but its centre is a real place: a real image, never refused for that."""
    from backend.geo import check_latitudes

    check_latitudes(_projected("+proj=ortho +lat_0=45 +lon_0=10 +datum=WGS84", 7_000_000), "view.tif")


def test_a_projected_raster_whose_centre_is_no_place_is_refused():
    from backend.geo import check_latitudes

    with pytest.raises(UserError, match=r"view.tif has its centre at latitude .* which is no place on Earth"):
        check_latitudes(_projected("+proj=ortho +lat_0=45 +lon_0=10 +datum=WGS84", 1000,
                                   centre=(9_000_000.0, 0.0)), "view.tif")

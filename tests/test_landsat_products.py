"""Real USGS Landsat 8 Collection 2 Level-2 products as input: read as downloaded (MTL file,
folder, tar), QA_PIXEL masking on a real 75 %-cloud product, reflectance input, the record of
what made a map, and every refusal of a product the model cannot read."""
from __future__ import annotations

import logging
import shutil
import subprocess
from datetime import datetime

import numpy as np
import pytest
from osgeo import gdal

from backend import __version__, mtl, product, raster
from backend.catalogue import DEFAULT_CHECKPOINT, DEFAULT_PROBE
from backend.errors import UserError
from backend.runtime import resolve_precision
from backend.scene import open_scene
from helpers import (
    CLOUDY,
    LANDSAT,
    LIVERPOOL,
    REFERENCE,
    SAMPLE,
    assert_one_error_line,
    classify_request,
    copy_product,
    mtl_of,
    product_tar,
)

FIXTURE_CHECKPOINT = REFERENCE / "moe_mae_S_fixture_checkpoint.pth"
#: QA_PIXEL bits as USGS documents them for Landsat 8/9 Collection 2 Level-2 (written out here,
#: not taken from the backend, so that a wrong bit there fails these tests).
USGS_QA_BITS = {"fill": 0, "dilated cloud": 1, "cirrus": 2, "cloud": 3, "cloud shadow": 4}


def request(source, out, **overrides) -> raster.ClassifyRequest:
    values = dict(input=str(source), output=str(out), checkpoint=str(DEFAULT_CHECKPOINT),
                  probe=str(DEFAULT_PROBE),
                  stride=40, device="cpu", precision="float32", probabilities=str(out.with_suffix(".p.tif")))
    values.update(overrides)
    return classify_request(**values)


def read(path) -> np.ndarray:
    return gdal.Open(str(path)).ReadAsArray()


def stacked_copy(source, path, data_type=gdal.GDT_UInt16, scale=None) -> str:
    """The 7 SR bands of a product as one GeoTIFF, in digital numbers or (``scale``) converted."""
    stack = open_scene(str(source))
    pixels = stack.read(0, 0, stack.width, stack.height).astype(np.float64)
    if scale:
        pixels = scale(pixels)
    out = gdal.GetDriverByName("GTiff").Create(str(path), stack.width, stack.height, 7, data_type)
    out.SetGeoTransform(stack.transform)
    out.SetProjection(stack.crs)
    for k in range(7):
        out.GetRasterBand(k + 1).WriteArray(pixels[k])
    out = None
    return str(path)


# --------------------------------------------------------------------------- as downloaded
@pytest.mark.parametrize("given", ["folder", "mtl", "tar", "nested tar"])
def test_a_product_as_folder_mtl_or_tar_gives_the_same_map(tmp_path, given):
    sources = {"folder": lambda: LIVERPOOL, "mtl": lambda: mtl_of(LIVERPOOL),
               "tar": lambda: product_tar(LIVERPOOL, tmp_path / "p.tar"),
               "nested tar": lambda: product_tar(LIVERPOOL, tmp_path / "p.tar", nested=True)}
    stacked = stacked_copy(LIVERPOOL, tmp_path / "stack.tif")
    when = datetime(2020, 9, 27, 11, 10)
    raster.classify_raster(request(stacked, tmp_path / "by_hand.tif", acquisition=when))
    raster.classify_raster(request(sources[given](), tmp_path / "map.tif", acquisition=when))
    assert np.array_equal(read(tmp_path / "map.p.tif"), read(tmp_path / "by_hand.p.tif"), equal_nan=True)
    assert np.array_equal(read(tmp_path / "map.tif"), read(tmp_path / "by_hand.tif"))


def test_the_stack_is_the_bands_files_without_a_copy(tmp_path):
    found = product.open_product(product_tar(CLOUDY, tmp_path / "p.tar"))
    vrt = product.stack(found)
    assert [vrt.GetRasterBand(k).GetDescription() for k in range(1, 9)] == [
        "SR_B1", "SR_B2", "SR_B3", "SR_B4", "SR_B5", "SR_B6", "SR_B7", "QA_PIXEL"]
    assert vrt.GetMetadataItem(product.MTL_ITEM).endswith(f"p.tar/{CLOUDY.name}_MTL.txt")
    for k, band in enumerate(["SR_B1", "SR_B4", "SR_B7", "QA_PIXEL"]):
        number = [1, 4, 7, 8][k]
        expected = read(CLOUDY / f"{CLOUDY.name}_{band}.TIF")
        assert np.array_equal(vrt.GetRasterBand(number).ReadAsArray(), expected)
    assert vrt.GetDriver().ShortName == "VRT"


@pytest.mark.parametrize("suffix", ["txt", "xml", "json"])
def test_the_acquisition_comes_from_the_products_mtl_in_each_format(suffix):
    from backend.acquisition import find_acquisition

    found = find_acquisition(mtl_of(CLOUDY, suffix))
    assert found.when == datetime(2019, 1, 14, 14, 34, 30)
    assert found.source == f"the MTL file {CLOUDY.name}_MTL.{suffix}"


def test_a_tars_mtl_gives_the_date_and_time(tmp_path):
    from backend.acquisition import find_acquisition

    found = find_acquisition(product_tar(LIVERPOOL, tmp_path / "p.tar"))
    assert found.when == datetime(2020, 9, 27, 11, 10, 50) and found.path.startswith("/vsitar/")


# --------------------------------------------------------------------------- clouds
@pytest.mark.parametrize("mask", [("fill", "dilated cloud", "cloud", "cloud shadow"),
                                  ("fill", "cloud", "cloud shadow"), ("fill",)])
def test_on_the_cloudy_product_each_tile_follows_its_qa_pixel_share(tmp_path, mask):
    """Stride 40: one cell per tile. A tile more than half masked by QA_PIXEL gives nodata (255),
    every other tile a class; the share is counted here from the QA_PIXEL file itself."""
    result = raster.classify_raster(request(CLOUDY, tmp_path / "map.tif", mask=mask, resolution="tile"))
    classes = read(tmp_path / "map.tif")
    qa = read(CLOUDY / f"{CLOUDY.name}_QA_PIXEL.TIF").astype(np.int64)
    masked = np.zeros(qa.shape, bool)
    for name in mask:
        masked |= (qa >> USGS_QA_BITS[name]) & 1 == 1
    starts = [*range(0, 512 - 40 + 1, 40), 512 - 40]
    outcome = {"predicted": 0, "no prediction": 0}
    for row, y0 in enumerate(starts):
        for col, x0 in enumerate(starts):
            share = masked[y0:y0 + 40, x0:x0 + 40].mean()
            assert (classes[row, col] == 255) == (share > 0.5), (y0, x0, share, classes[row, col])
            outcome["predicted" if share <= 0.5 else "no prediction"] += 1
    assert outcome["predicted"] >= 2 and outcome["no prediction"] >= 50, outcome
    assert result.tiles_without_prediction == outcome["no prediction"]
    assert sum(result.skipped_by.values()) == outcome["no prediction"] and "fill" in result.skipped_by


def test_the_log_says_how_many_tiles_were_masked_and_why(tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="backend")
    result = raster.classify_raster(request(mtl_of(CLOUDY, "json"), tmp_path / "map.tif"))
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert (f"QA_PIXEL (band 8 of {CLOUDY.name}) masks fill, dilated cloud, cloud, cloud shadow"
            in text)
    assert "% of the scene's pixels (cloud 51.6 %, fill 31.7 %, cloud shadow 5.9 %" in text
    assert f"{result.skipped_by['cloud']} mostly cloud" in result.summary()
    assert result.skipped_by["cloud"] > 50 and result.skipped_by["fill"] > 30


def test_a_stacked_raster_is_masked_by_a_qa_pixel_file_as_its_product_is(tmp_path):
    stacked = stacked_copy(CLOUDY, tmp_path / "stack.tif")
    when = datetime(2019, 1, 14, 14, 34, 30)
    raster.classify_raster(request(CLOUDY, tmp_path / "product.tif"))
    raster.classify_raster(request(stacked, tmp_path / "stacked.tif", acquisition=when,
                                   qa_pixel=str(CLOUDY / f"{CLOUDY.name}_QA_PIXEL.TIF")))
    raster.classify_raster(request(stacked, tmp_path / "unmasked.tif", acquisition=when))
    product_map, stacked_map = read(tmp_path / "product.tif"), read(tmp_path / "stacked.tif")
    assert np.array_equal(stacked_map == 255, product_map == 255)
    assert (read(tmp_path / "unmasked.tif") == 255).sum() < (stacked_map == 255).sum()


# --------------------------------------------------------------------------- input scale
def test_reflectance_floats_give_the_same_map_as_digital_numbers(tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="backend")
    when = datetime(2020, 9, 27, 11, 10)
    dn = stacked_copy(LIVERPOOL, tmp_path / "dn.tif")
    reflectance = stacked_copy(LIVERPOOL, tmp_path / "sr.tif", gdal.GDT_Float32,
                               scale=lambda x: x * 0.0000275 - 0.2)
    raster.classify_raster(request(dn, tmp_path / "a.tif", acquisition=when))
    raster.classify_raster(request(reflectance, tmp_path / "b.tif", acquisition=when))
    raster.classify_raster(request(reflectance, tmp_path / "c.tif", acquisition=when,
                                   input_scale="reflectance"))
    for other in ("b", "c"):
        assert np.array_equal(read(tmp_path / f"{other}.p.tif"), read(tmp_path / "a.p.tif"), equal_nan=True)
    assert "surface reflectance, converted to digital numbers" in caplog.text
    assert gdal.Open(str(tmp_path / "b.tif")).GetMetadataItem("INPUT_SCALE") == "reflectance"


def test_digital_numbers_stored_as_floats_are_read_as_digital_numbers(tmp_path):
    dn = stacked_copy(LIVERPOOL, tmp_path / "dn.tif")
    as_floats = stacked_copy(LIVERPOOL, tmp_path / "dnf.tif", gdal.GDT_Float32)
    raster.classify_raster(request(dn, tmp_path / "a.tif"))
    raster.classify_raster(request(as_floats, tmp_path / "b.tif"))
    assert np.array_equal(read(tmp_path / "a.p.tif"), read(tmp_path / "b.p.tif"), equal_nan=True)
    assert gdal.Open(str(tmp_path / "b.tif")).GetMetadataItem("INPUT_SCALE") == "dn"


# --------------------------------------------------------------------------- what made the map
def test_gdalinfo_shows_what_made_the_map(tmp_path, cli):
    code, _, err = cli("classify", mtl_of(LIVERPOOL), "--out", tmp_path / "map.tif", "--probabilities",
                       tmp_path / "map.p.tif", "--device", "cpu")
    assert code == 0, err
    precision = str(resolve_precision("cpu", "auto")).replace("torch.", "")  # bfloat16 where the CPU has it
    shown = subprocess.run(["gdalinfo", str(tmp_path / "map.tif")], capture_output=True, text=True).stdout
    for line in ["MODEL=moemae_S_bigearthnet_sample.pt", "PROBE=probe_bigearthnet19_mean.json",
                 "MODEL_FINGERPRINT=6e175692a6ff10a98b6ba141ac2dee803a67f94f90d402ff5a503b3b1cca345d",
                 f"PRECISION={precision}", "STRIDE_PX=20", "ACQUISITION=2020-09-27T11:10:50",
                 f"ACQUISITION_SOURCE=the MTL file {LIVERPOOL.name}_MTL.txt", f"INPUT={LIVERPOOL.name}",
                 "QA_PIXEL_MASK=none: no "
                 "QA_PIXEL", "MASKED_SHARE=0.0000", f"MOEMAE_QGIS_VERSION={__version__}",
                 "MODEL_IS_DEMONSTRATION=yes"]:
        assert f"  {line}\n" in shown, line
    probabilities = subprocess.run(["gdalinfo", str(tmp_path / "map.p.tif")], capture_output=True, text=True)
    assert "MODEL_FINGERPRINT=6e175692" in probabilities.stdout


def test_the_demonstration_model_is_said_plainly_wherever_its_file_lies(tmp_path):
    copy = tmp_path / "renamed.pt"
    shutil.copy(DEFAULT_CHECKPOINT, copy)
    result = raster.classify_raster(request(LIVERPOOL, tmp_path / "map.tif", checkpoint=str(copy)))
    assert any("demonstration" in w and "150 BigEarthNet-L patches" in w
               and "python -m backend models download published-S" in w
               for w in result.warnings)
    other = raster.embed_raster(request(LIVERPOOL, tmp_path / "emb.tif", checkpoint=str(FIXTURE_CHECKPOINT),
                                        probe=None, probabilities=None))
    assert not any("demonstration" in w for w in other.warnings)
    assert gdal.Open(str(tmp_path / "emb.tif")).GetMetadataItem("MODEL_IS_DEMONSTRATION") == "no"


# --------------------------------------------------------------------------- refusals
def classify_cli(cli, source, out, *extra):
    return cli("classify", source, "--out", out, "--stride", "40", "--device", "cpu", *extra)


REFUSED_PRODUCTS = {
    "a missing SR band": (dict(drop=("SR_B5",)), ["lacks SR_B5", f"{LIVERPOOL.name}_SR_B5.TIF",
                                                  "listed in its MTL", "download the product again"]),
    "Landsat 7": (dict(product_id="LE07_L2SP_204023_20200927_20201006_02_T1"),
                  ["Landsat 7 (ETM+) product", "Landsat 4-7 have other bands"]),
    "Landsat 5": (dict(product_id="LT05_L2SP_204023_20100927_20201006_02_T1"), ["Landsat 5 (TM) product"]),
    "Collection 1": (dict(product_id="LC08_L2SP_204023_20200927_20201006_01_T1"),
                     ["Collection 1 product", "Collection 2 Level-2 product of the same scene"]),
    "Level-1": (dict(product_id="LC08_L1TP_204023_20200927_20201006_02_T1"),
                ["Level-1 product (L1TP", "no surface reflectance", "(L2SP)"]),
    "only the MTL": (dict(drop=("SR_B1", "SR_B2", "SR_B3", "SR_B4", "SR_B5", "SR_B6", "SR_B7", "ST_B10")),
                     ["lacks SR_B1, SR_B2, SR_B3, SR_B4, SR_B5, SR_B6, SR_B7"]),
}


@pytest.mark.parametrize("case", REFUSED_PRODUCTS)
def test_a_product_the_model_cannot_read_is_refused_naming_what_was_found(tmp_path, cli, case):
    changes, fragments = REFUSED_PRODUCTS[case]
    folder = copy_product(LIVERPOOL, tmp_path / "in", **changes)
    for source in (folder, mtl_of(folder)):
        code, _, err = classify_cli(cli, source, tmp_path / "map.tif")
        assert_one_error_line(code, err, *fragments)
        assert not list(tmp_path.glob("map*"))


def test_an_mtl_listing_band_files_that_are_not_there_is_refused(tmp_path, cli):
    folder = copy_product(LIVERPOOL, tmp_path / "in")
    mtl = mtl_of(folder)
    mtl.write_text(mtl.read_text().replace(f"{LIVERPOOL.name}_SR_B3.TIF", "elsewhere_SR_B3.TIF"))
    code, _, err = classify_cli(cli, mtl, tmp_path / "map.tif")
    assert_one_error_line(code, err, f"lists elsewhere_SR_B3.TIF as SR_B3, but USGS names SR_B3's file "
                          f"{LIVERPOOL.name}_SR_B3.TIF")
    assert not (tmp_path / "map.tif").exists()


def test_a_folder_of_two_products_is_refused_saying_how_to_pick_one(tmp_path, cli):
    code, _, err = classify_cli(cli, LANDSAT, tmp_path / "map.tif")
    assert_one_error_line(code, err, "holds 2 Landsat products", CLOUDY.name, LIVERPOOL.name,
                          "give the MTL file of the one to use")
    assert not (tmp_path / "map.tif").exists()


def test_a_truncated_tar_is_refused_and_the_tar_is_kept(tmp_path, cli):
    whole = product_tar(LIVERPOOL, tmp_path / "whole.tar").read_bytes()
    cut = tmp_path / "cut.tar"
    cut.write_bytes(whole[:len(whole) // 2 + 100])
    code, _, err = classify_cli(cli, cut, tmp_path / "map.tif")
    assert_one_error_line(code, err, "cut.tar is truncated", "download the product again")
    assert cut.read_bytes() == whole[:len(whole) // 2 + 100] and not (tmp_path / "map.tif").exists()


def test_a_tar_cut_at_a_block_boundary_is_refused_too(tmp_path, cli):
    whole = product_tar(LIVERPOOL, tmp_path / "whole.tar").read_bytes()
    cut = tmp_path / "cut.tar"
    cut.write_bytes(whole[:512 * 600])
    code, _, err = classify_cli(cli, cut, tmp_path / "map.tif")
    assert_one_error_line(code, err, "cut.tar lacks SR_B", "the .tar may be cut short: download it again")
    assert not (tmp_path / "map.tif").exists()


def test_a_qa_pixel_of_another_size_or_grid_is_refused(tmp_path, cli):
    stacked = stacked_copy(CLOUDY, tmp_path / "stack.tif")
    qa = str(CLOUDY / f"{CLOUDY.name}_QA_PIXEL.TIF")
    gdal.Translate(str(tmp_path / "qa_small.tif"), qa, srcWin=[0, 0, 400, 400])
    shifted = gdal.Translate(str(tmp_path / "qa_shifted.tif"), qa)
    transform = list(shifted.GetGeoTransform())
    transform[0] += 900
    shifted.SetGeoTransform(transform)
    shifted = None  # closes the file
    for bad, size in (("qa_small.tif", "400 × 400 px"), ("qa_shifted.tif", "512 × 512 px")):
        code, _, err = classify_cli(cli, stacked, tmp_path / "map.tif", "--qa-pixel", tmp_path / bad)
        assert_one_error_line(code, err, f"QA_PIXEL {bad} is {size} on another grid than stack.tif",
                              "cropped as the bands were")
        assert not (tmp_path / "map.tif").exists()


def test_a_product_band_on_another_grid_is_refused(tmp_path):
    folder = copy_product(CLOUDY, tmp_path / "in")
    qa = folder / f"{CLOUDY.name}_QA_PIXEL.TIF"
    gdal.Translate(str(tmp_path / "small.tif"), str(qa), srcWin=[0, 0, 256, 256])
    shutil.move(tmp_path / "small.tif", qa)
    with pytest.raises(UserError, match=r"QA_PIXEL .* is 256 × 256 px .* but SR_B1 is 512 × 512 px"):
        open_scene(str(folder))


def test_floats_that_are_neither_digital_numbers_nor_reflectance_are_refused(tmp_path, cli):
    odd = stacked_copy(LIVERPOOL, tmp_path / "odd.tif", gdal.GDT_Float32, scale=lambda x: x / 7.3)
    code, _, err = classify_cli(cli, odd, tmp_path / "map.tif")
    assert_one_error_line(code, err, "odd.tif holds floating-point values from",
                          "neither Level-2 digital numbers", "INPUT_SCALE")
    assert not (tmp_path / "map.tif").exists()
    code, _, err = classify_cli(cli, stacked_copy(LIVERPOOL, tmp_path / "dn.tif"), tmp_path / "map.tif",
                                "--input-scale", "reflectance")
    assert_one_error_line(code, err, "holds integers, but INPUT_SCALE says reflectance")


def test_an_unknown_mask_flag_is_refused_with_the_flags_there_are(tmp_path, cli):
    code, _, err = classify_cli(cli, LIVERPOOL, tmp_path / "map.tif", "--mask", "clouds")
    assert_one_error_line(code, err, "'clouds': no QA_PIXEL flag of that name",
                          "fill, dilated cloud, cirrus, cloud, cloud shadow, snow, water")


def test_the_cli_classifies_a_product_and_embeds_it(tmp_path, cli):
    code, out, err = classify_cli(cli, mtl_of(CLOUDY, "xml"), tmp_path / "map.tif", "--mask", "fill", "cloud",
                                  "cloud-shadow")
    assert code == 0, err
    assert "acquisition: 2019-01-14 14:34 UTC (from the MTL file" in out
    mask = gdal.Open(str(tmp_path / "map.tif")).GetMetadataItem("QA_PIXEL_MASK")
    assert mask == "fill, cloud, cloud shadow"
    code, out, err = cli("embed", product_tar(LIVERPOOL, tmp_path / "p.tar"), "--checkpoint",
                         FIXTURE_CHECKPOINT, "--stride", "40", "--device", "cpu", "--out",
                         tmp_path / "emb.tif")
    assert code == 0, err
    embedded = gdal.Open(str(tmp_path / "emb.tif"))
    assert (embedded.RasterCount, embedded.RasterXSize, embedded.RasterYSize) == (144, 11, 7)


# --------------------------------------------------------------------------- the bench's whole-scene product
def test_a_generated_whole_scene_product_reads_like_a_real_one(tmp_path):
    """make_scene_product (the bench's 7700 × 7800 px scene, here small): a USGS tar with the MTL
    listing its files, the scene inside a turned footprint, fill and QA_PIXEL fill around it."""
    from backend.demo_scene import QA_CLEAR, QA_FILL, make_scene_product

    tar = make_scene_product(SAMPLE, tmp_path, size=(500, 420), fields=6)
    found = product.open_product(tar)
    assert sorted(p.name for p in tmp_path.iterdir()) == [tar.name]  # no folder or part file left
    listed = mtl.read_mtl(found.mtl)["PRODUCT_CONTENTS"]
    assert listed["FILE_NAME_QUALITY_L1_PIXEL"] == f"{found.product_id}_QA_PIXEL.TIF"
    qa = gdal.Open(found.qa_pixel).ReadAsArray()
    red = gdal.Open(found.bands[3]).ReadAsArray()
    assert set(np.unique(qa)) == {QA_FILL, QA_CLEAR} and QA_CLEAR == 21824
    assert ((qa == QA_FILL) == (red == 0)).all()
    assert qa[0, 0] == QA_FILL and qa[210, 250] == QA_CLEAR and 0.2 < (qa == QA_FILL).mean() < 0.5


def test_the_stack_reads_plain_band_copies_as_simple_sources():
    """BuildVRT writes ComplexSources, which GDAL reads about 4× slower; a plain copy of a band
    becomes a SimpleSource (in two halves: see the test of a product layer's folder), and a
    source that changes pixels stays as it is."""
    vrt = product.stack(product.open_product(CLOUDY))
    xml = vrt.GetMetadata("xml:VRT")[0]
    assert xml.count("<SimpleSource") == 16 and "ComplexSource" not in xml  # two halves per band
    assert np.array_equal(vrt.GetRasterBand(4).ReadAsArray(), read(CLOUDY / f"{CLOUDY.name}_SR_B4.TIF"))
    band = ('<VRTDataset rasterXSize="2" rasterYSize="2"><VRTRasterBand dataType="UInt16" band="1">{}'
            '<ComplexSource><SourceFilename>a.tif</SourceFilename><SourceBand>1</SourceBand>{}'
            '</ComplexSource></VRTRasterBand></VRTDataset>')
    same_nodata = product.simple_sources(band.format("<NoDataValue>0</NoDataValue>", "<NODATA>0</NODATA>"))
    assert "<SimpleSource>" in same_nodata and "NODATA>" not in same_nodata
    for kept in (band.format("<NoDataValue>0</NoDataValue>", "<NODATA>7</NODATA>"),
                 band.format("", "<NODATA>0</NODATA>"), band.format("", "<ScaleRatio>2</ScaleRatio>")):
        made = product.simple_sources(kept)
        assert "<ComplexSource>" in made and "SimpleSource" not in made


def test_a_product_named_relative_to_the_working_folder_stacks_into_a_vrt_that_reads_anywhere(
        tmp_path, monkeypatch):
    copy_product(LIVERPOOL, tmp_path / "downloads")
    monkeypatch.chdir(tmp_path / "downloads")
    found = product.open_product(LIVERPOOL.name)  # as typed in a shell, relative
    vrt = product.write_stack(found, tmp_path / "elsewhere" / "p.vrt")
    monkeypatch.chdir(tmp_path)
    assert np.array_equal(gdal.Open(str(vrt)).GetRasterBand(4).ReadAsArray(),
                          read(LIVERPOOL / f"{LIVERPOOL.name}_SR_B4.TIF"))
    assert gdal.Open(str(vrt)).GetMetadataItem("LANDSAT_MTL") == str(
        tmp_path / "downloads" / LIVERPOOL.name / f"{LIVERPOOL.name}_MTL.txt")

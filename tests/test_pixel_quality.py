"""Why a pixel is not used, and what its values mean: QA_PIXEL flags, the input scale."""
import numpy as np
import pytest
from osgeo import gdal

from backend import landsat
from backend.errors import UserError
from backend.pixel_quality import (
    NO_DATA_CODE,
    REASONS,
    check_mask,
    reasons,
    resolve_scale,
    to_digital_numbers,
)


def bits(*names):
    return sum(1 << landsat.QA_PIXEL_BITS[n] for n in names)


def test_each_pixel_gets_its_first_masked_reason_and_no_data_comes_first():
    qa = np.array([[0, bits("cloud"), bits("cloud", "dilated cloud"), bits("snow")]], np.uint16)
    invalid = np.array([[False, False, False, True]])
    codes = reasons(qa, ("cloud", "dilated cloud"), invalid)
    cloud = REASONS.index("cloud") + 1
    assert codes.tolist() == [[0, cloud, cloud, NO_DATA_CODE]]  # snow is not masked: its pixel is no data
    assert reasons(None, ("cloud",), invalid).tolist() == [[0, 0, 0, NO_DATA_CODE]]


def test_mask_names_are_read_as_users_write_them():
    assert check_mask(["Cloud-Shadow", "cloud_shadow", "fill"]) == ("cloud shadow", "fill")
    assert check_mask(["none"]) == ()
    with pytest.raises(UserError, match="'haze': no QA_PIXEL flag of that name"):
        check_mask(["haze"])


def raster(values, data_type):
    dataset = gdal.GetDriverByName("MEM").Create("", values.shape[1], values.shape[0], 1, data_type)
    dataset.GetRasterBand(1).WriteArray(values)
    return dataset


@pytest.mark.parametrize("values, data_type, declared, scale", [
    (np.full((8, 8), 9000), gdal.GDT_UInt16, "auto", "dn"),
    (np.full((8, 8), 0.12), gdal.GDT_Float32, "auto", "reflectance"),
    (np.full((8, 8), 9000.0), gdal.GDT_Float32, "auto", "dn"),
    (np.full((8, 8), 9000.0), gdal.GDT_Float32, "dn", "dn"),
])
def test_the_input_scale_is_told_from_the_type_and_values(values, data_type, declared, scale):
    assert resolve_scale(raster(values, data_type), [1], declared, "scene.tif") == scale


@pytest.mark.parametrize("values, data_type, declared, match", [
    (np.full((8, 8), 9000), gdal.GDT_UInt16, "reflectance",
     "holds integers, but INPUT_SCALE says reflectance"),
    (np.full((8, 8), 0.5), gdal.GDT_Float32, "dn", "floats that are not whole numbers"),
    (np.full((8, 8), 1e6), gdal.GDT_Float32, "auto", "neither Level-2 digital numbers"),
    (np.full((8, 8), 1), gdal.GDT_UInt16, "kelvin", "INPUT_SCALE must be one of auto, dn, reflectance"),
])
def test_a_scale_the_values_deny_is_refused(values, data_type, declared, match):
    with pytest.raises(UserError, match=match):
        resolve_scale(raster(values, data_type), [1], declared, "scene.tif")


def test_reflectance_becomes_digital_numbers_and_what_is_none_is_flagged():
    pixels = np.array([[[0.0, np.nan, -0.3]]])  # (1, 1, 3)
    dn, bad = to_digital_numbers(pixels, "reflectance")
    assert dn[0, 0, 0] == round(0.2 / landsat.SR_SCALE) and bad.tolist() == [[False, True, True]]

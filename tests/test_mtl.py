"""The MTL file in its three formats, read within bounds, and the acquisition it gives."""
import json
from datetime import date, datetime

import pytest

from backend.errors import UserError
from backend.mtl import acquisition, product_files, product_id, read_mtl

ID = "LC08_L2SP_204023_20200927_20201006_02_T1"
FIELDS = {"PRODUCT_CONTENTS": {"LANDSAT_PRODUCT_ID": ID, "FILE_NAME_BAND_1": f"{ID}_SR_B1.TIF",
                               "FILE_NAME_QUALITY_L1_PIXEL": f"{ID}_QA_PIXEL.TIF"},
          "IMAGE_ATTRIBUTES": {"DATE_ACQUIRED": "2020-09-27", "SCENE_CENTER_TIME": "11:03:27.1234560Z"}}


def write(tmp_path, suffix: str) -> str:
    path = tmp_path / f"{ID}_MTL.{suffix}"
    if suffix == "json":
        path.write_text(json.dumps({"LANDSAT_METADATA_FILE": FIELDS}))
    elif suffix == "xml":
        groups = "".join(f"<{g}>" + "".join(f"<{k}>{v}</{k}>" for k, v in fields.items()) + f"</{g}>"
                         for g, fields in FIELDS.items())
        path.write_text(f'<?xml version="1.0" encoding="UTF-8"?><LANDSAT_METADATA_FILE>{groups}'
                        "</LANDSAT_METADATA_FILE>")
    else:
        lines = ["GROUP = LANDSAT_METADATA_FILE"]
        for group, fields in FIELDS.items():
            lines += [f"  GROUP = {group}", *(f'    {k} = "{v}"' for k, v in fields.items()),
                      f"  END_GROUP = {group}"]
        path.write_text("\n".join([*lines, "END_GROUP = LANDSAT_METADATA_FILE", "END"]) + "\n")
    return str(path)


@pytest.mark.parametrize("suffix", ["txt", "xml", "json"])
def test_each_format_gives_the_same_fields(tmp_path, suffix):
    mtl = read_mtl(write(tmp_path, suffix))
    assert product_id(mtl) == ID
    assert product_files(mtl) == {"SR_B1": f"{ID}_SR_B1.TIF", "QA_PIXEL": f"{ID}_QA_PIXEL.TIF"}
    assert acquisition(mtl, "x_MTL") == datetime(2020, 9, 27, 11, 3, 27)


def test_a_date_without_a_time_is_a_date_and_a_damaged_one_is_refused():
    assert acquisition({"IMAGE_ATTRIBUTES": {"DATE_ACQUIRED": "2020-09-27"}}, "m") == date(2020, 9, 27)
    assert acquisition({}, "m") is None
    with pytest.raises(UserError, match="DATE_ACQUIRED = 2020-13-27, which is no date"):
        acquisition({"IMAGE_ATTRIBUTES": {"DATE_ACQUIRED": "2020-13-27"}}, "m")
    with pytest.raises(UserError, match="SCENE_CENTER_TIME = 25:00:00Z, which is no time of day"):
        acquisition({"IMAGE_ATTRIBUTES": {"DATE_ACQUIRED": "2020-09-27", "SCENE_CENTER_TIME": "25:00:00Z"}},
                    "m")


def test_what_is_no_mtl_reads_as_nothing_or_is_refused(tmp_path):
    (tmp_path / "broken_MTL.xml").write_text("<LANDSAT_METADATA_FILE><A>1</B>")
    assert read_mtl(str(tmp_path / "broken_MTL.xml")) == {}
    (tmp_path / "deep_MTL.json").write_text("[" * 40 + "]" * 40)
    with pytest.raises(UserError, match="nests groups more than 16 deep"):
        read_mtl(str(tmp_path / "deep_MTL.json"))
    (tmp_path / "doctype_MTL.xml").write_text("<!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>")
    with pytest.raises(UserError, match="declares a DOCTYPE"):
        read_mtl(str(tmp_path / "doctype_MTL.xml"))

"""Hostile input to the mosaics of several inputs (backend.mosaic, backend.work_cache): lists of
inputs as editors write them, outputs and work folders that collide with inputs, one product
given twice, damaged or foreign work entries, two runs on one work folder, a CRS far from the
inputs'. Tiny real pieces of a product (80 × 80 px) keep it fast."""
import json
import os

import numpy as np
import pytest
from osgeo import gdal
from test_mosaic import cut_product, mosaic_request

from backend.errors import UserError
from backend.mosaic import MAP, VALID, map_inputs, plan, read_inputs_list
from backend.work_cache import WorkFolder
from helpers import CLOUDY, LIVERPOOL, mtl_of


@pytest.fixture(scope="module")
def pieces(tmp_path_factory):
    """Two overlapping 80 × 80 px pieces of LIVERPOOL with their own dates."""
    dest = tmp_path_factory.mktemp("tiny")
    return [cut_product(LIVERPOOL, dest, window, day)
            for window, day in (((0, 0, 80, 80), "20200901"), ((40, 40, 80, 80), "20200915"))]


# --------------------------------------------------------------------------- the list of inputs
def test_a_list_saved_with_a_byte_order_mark_names_its_first_input(pieces, tmp_path):
    listed = tmp_path / "list.txt"
    listed.write_bytes(f"{pieces[0]}\r\n{pieces[1]} 2020-09-16\r\n".encode("utf-8-sig"))  # Notepad's UTF-8
    inputs = read_inputs_list(listed)
    assert [path for path, _ in inputs] == [str(pieces[0]), str(pieces[1])]
    assert inputs[0][1] is None and str(inputs[1][1].when) == "2020-09-16"


def test_a_mistyped_date_in_the_list_is_called_a_date_on_its_line(pieces, tmp_path):
    listed = tmp_path / "list.txt"
    listed.write_text(f"# scenes\n{pieces[0]}\n{pieces[1]} 2020-13-45\n", encoding="utf-8")
    with pytest.raises(UserError, match="line 3: '2020-13-45' is not a date; write PATH 2021-06-15"):
        read_inputs_list(listed)


def test_a_path_written_from_the_current_folder_is_said_to_be_read_from_the_lists(pieces, tmp_path,
                                                                                   monkeypatch):
    monkeypatch.chdir(pieces[0].parent)
    lists = tmp_path / "lists"
    lists.mkdir()
    (lists / "list.txt").write_text(f"{pieces[0].name}\n", encoding="utf-8")  # from the cwd, not the list
    with pytest.raises(UserError, match=f"line 1: {lists / pieces[0].name} does not exist; {pieces[0].name} "
                                        f"is there from the current folder, but the list's paths are read"):
        read_inputs_list(lists / "list.txt")


def test_a_binary_file_given_as_the_list_is_called_not_text(tmp_path):
    listed = tmp_path / "list.txt"
    listed.write_bytes(b"\x7fELF\x02\x01\x01\x00\xd0\xff\xfe")
    with pytest.raises(UserError) as error:
        read_inputs_list(listed)
    assert "is not a text file in UTF-8" in str(error.value) and "output open" not in str(error.value)


# --------------------------------------------------------------------------- refused before any work
def test_a_mosaic_named_as_a_band_of_an_input_is_refused_and_the_band_kept(pieces, tmp_path):
    band = pieces[0] / f"{pieces[0].name}_SR_B1.TIF"
    before = band.read_bytes()
    with pytest.raises(UserError, match="named like a file of the product"):
        plan(mosaic_request(pieces, band, work=str(tmp_path / "w")))
    assert band.read_bytes() == before and not (tmp_path / "w").exists()


@pytest.mark.parametrize("work", ["output", "input"])
def test_a_work_folder_that_is_the_mosaic_or_an_input_is_refused_before_any_work(pieces, tmp_path, work):
    out = tmp_path / "m.tif"
    folder = out if work == "output" else pieces[1]
    files = sorted(pieces[1].iterdir())
    with pytest.raises(UserError, match=f"the work folder {folder} is also (the mosaic|an input)"):
        plan(mosaic_request(pieces, out, work=str(folder)))
    assert not out.exists() and sorted(pieces[1].iterdir()) == files


def test_one_product_given_as_its_folder_and_its_mtl_is_refused_as_given_twice(pieces, tmp_path):
    with pytest.raises(UserError, match=f"is the product {pieces[0].name} again"):
        plan(mosaic_request([pieces[0], pieces[1], mtl_of(pieces[0])], tmp_path / "m.tif",
                            work=str(tmp_path / "w")))


# --------------------------------------------------------------------------- the work folder
def test_an_entry_whose_manifest_does_not_record_the_map_is_made_again(pieces, tmp_path):
    work = tmp_path / "w"
    assert map_inputs(mosaic_request(pieces, tmp_path / "m.tif", work=str(work))).made == 2
    entry = next(p for p in work.iterdir() if (p / "entry.json").exists())
    manifest = json.loads((entry / "entry.json").read_text())
    manifest["files"] = {}  # a manifest that vouches for nothing: the map may be anything, or gone
    (entry / "entry.json").write_text(json.dumps(manifest))
    (entry / MAP).unlink()
    assert map_inputs(mosaic_request(pieces, tmp_path / "again.tif", work=str(work))).made == 1
    assert np.array_equal(gdal.Open(str(tmp_path / "again.tif")).ReadAsArray(),
                          gdal.Open(str(tmp_path / "m.tif")).ReadAsArray())


def test_a_crs_in_metres_far_from_the_inputs_keeps_their_cell_size_on_the_landsat_lattice(pieces, tmp_path):
    mercator = "+proj=merc +lon_0=180"
    map_inputs(mosaic_request(pieces, tmp_path / "m.tif", work=str(tmp_path / "w"), crs=mercator))
    x0, xs, _, y0, _, ys = gdal.Open(str(tmp_path / "m.tif")).GetGeoTransform()
    assert (xs, ys) == (120.0, -120.0)  # the inputs' cells, not GDAL's 201 m of Mercator at 53°
    assert (x0 - 15) % 30 == 0 and (y0 - 15) % 30 == 0  # on the Landsat 30 m lattice


def test_an_entry_another_run_put_in_place_meanwhile_is_kept_not_replaced(tmp_path):
    work = WorkFolder(tmp_path / "w")

    def build(folder, text):
        (folder / MAP).write_text(text)
        (folder / VALID).write_text(text)

    def build_while_another_run_finishes(folder):
        build(folder, "mine")
        work.make("k", {"n": 1}, lambda other: build(other, "theirs"))
        held = os.open(work.path("k") / MAP, os.O_RDONLY)  # the other run reading its entry
        inodes.append(os.fstat(held).st_ino)
        os.close(held)

    inodes: list = []
    entry = work.make("k", {"n": 1}, build_while_another_run_finishes)
    assert (entry / MAP).read_text() == "theirs" and os.stat(entry / MAP).st_ino == inodes[0]
    assert [p.name for p in work.folder.iterdir()] == ["k"]  # this run's copy is gone


def test_required_files_are_checked_only_as_the_caller_asks(tmp_path):
    work = WorkFolder(tmp_path / "w")
    work.make("k", {"n": 1}, lambda folder: (folder / MAP).write_text("x"))
    assert work.find("k") is not None and work.find("k", (MAP,)) is not None
    assert work.find("k", (MAP, VALID)) is None and not work.path("k").exists()


def test_inputs_far_apart_whose_mosaic_cannot_fit_are_refused_before_any_work(pieces, tmp_path, monkeypatch):
    """A piece of Liverpool and a scene of Peru: on one UTM grid, a mosaic ~9,000 km a side."""
    import shutil

    free = shutil.disk_usage(tmp_path)._replace(free=2 << 30)
    monkeypatch.setattr("backend.files.shutil.disk_usage", lambda _folder: free)
    request = mosaic_request([pieces[0], CLOUDY], tmp_path / "m.tif", work=str(tmp_path / "w"))
    with pytest.raises(UserError, match=r"the land-cover mosaic \(\d+ × \d+ cells\) needs up to .* apart"):
        plan(request)
    assert not (tmp_path / "w").exists()
    assert len(plan(mosaic_request(pieces, tmp_path / "m.tif", work=str(tmp_path / "w")))) == 2

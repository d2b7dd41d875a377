"""Several inputs, one map (backend.mosaic): a real product cut into overlapping pieces with their
own dates, mapped one by one and as a mosaic; resumed after SIGKILL; shared among torchrun's
processes (gloo on the CPU)."""
import json
import logging
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal

from backend import raster
from backend.acquisition import find_acquisition
from backend.catalogue import DEFAULT_CHECKPOINT, DEFAULT_PROBE
from backend.classes import CLASS_NODATA
from backend.errors import UserError
from backend.mosaic import MosaicRequest, map_inputs, read_inputs_list
from backend.options import SceneOptions
from backend.probe import LinearProbe
from helpers import (
    LIVERPOOL,
    REPO,
    assert_one_error_line,
    classify_request,
    copy_product,
    mosaic_pixels,
    write_raster,
)

#: (x0, y0, width, height) px of LIVERPOOL (433 × 267) and the date each piece is given. Corners on
#: multiples of 4 px: the pieces' 120 m cells share edges, so each keeps its own cells exactly.
PIECES = (((0, 0, 200, 160), "20200901"), ((160, 80, 200, 160), "20200915"),
          ((232, 100, 200, 167), "20200927"))
CELL = 4  # px of a 120 m token cell
STRIDE = "40"


def cut_product(product: Path, dest: Path, window: tuple, acquired: str) -> Path:
    """A real product of ``window`` (x0, y0, width, height px) of ``product``, acquired on
    ``acquired`` (YYYYMMDD): its bands cut with GDAL, its id and MTL's DATE_ACQUIRED changed."""
    old_id, old_day = product.name, product.name.split("_")[3]
    new_id = old_id.replace(old_day, acquired)
    folder = dest / new_id
    folder.mkdir(parents=True)
    iso = f"{acquired[:4]}-{acquired[4:6]}-{acquired[6:]}"
    for file in product.iterdir():
        target = folder / file.name.replace(old_id, new_id)
        if "_MTL." in file.name:
            text = file.read_text(encoding="utf-8").replace(old_id, new_id)
            text = text.replace(f"{old_day[:4]}-{old_day[4:6]}-{old_day[6:]}", iso)
            target.write_text(text, encoding="utf-8")
        else:
            gdal.Translate(str(target), str(file), srcWin=list(window))
    return folder


@pytest.fixture(scope="module")
def pieces(tmp_path_factory):
    dest = tmp_path_factory.mktemp("pieces")
    return [cut_product(LIVERPOOL, dest, window, day) for window, day in PIECES]


def options(**more) -> SceneOptions:
    return SceneOptions(stride=int(STRIDE), device="cpu", **more)


@pytest.fixture(scope="module")
def own_maps(pieces, tmp_path_factory):
    """Each piece's own map and probabilities, classified alone: (classes, (C, rows, cols) probabilities)."""
    folder = tmp_path_factory.mktemp("own")
    maps = []
    for k, piece in enumerate(pieces):
        request = classify_request(input=str(piece), output=str(folder / f"{k}.tif"),
                                   probabilities=str(folder / f"{k}-p.tif"),
                                   checkpoint=str(DEFAULT_CHECKPOINT), probe=str(DEFAULT_PROBE),
                                   stride=int(STRIDE), device="cpu", acquisition=find_acquisition(piece))
        raster.classify_raster(request)
        maps.append((gdal.Open(request.output).ReadAsArray(), gdal.Open(request.probabilities).ReadAsArray()))
    return maps


def mosaic_request(inputs, out, **more) -> MosaicRequest:
    return MosaicRequest(inputs=[str(p) for p in inputs], output=str(out), checkpoint=str(DEFAULT_CHECKPOINT),
                         probe=str(DEFAULT_PROBE), options=options(), **more)


def layout():
    """Each piece's top-left cell in the mosaic and its size in cells, and the mosaic's size."""
    corners = [(x // CELL, y // CELL, -(-w // CELL), -(-h // CELL)) for (x, y, w, h), _ in PIECES]
    return corners, (max(c + w for c, _, w, _ in corners), max(r + h for _, r, _, h in corners))


def on_mosaic(per_piece, fill):
    """Each piece's (…, rows, cols) array placed on the mosaic's cells (``fill`` elsewhere)."""
    corners, (cols, rows) = layout()
    placed = []
    for (c, r, w, h), array in zip(corners, per_piece):
        canvas = np.full((*array.shape[:-2], rows, cols), fill, dtype=np.float64)
        canvas[..., r:r + h, c:c + w] = array
        placed.append(canvas)
    return placed


def own_classes(own):
    """A piece's own classes, -1 where it has none."""
    return np.where(own == CLASS_NODATA, -1, own)


def valid_pixels():
    """Pixels of each piece under each mosaic cell (all of LIVERPOOL's are valid: its edge cells
    are partly outside the piece), as the rule ``best`` compares them."""
    shares = []
    for (_, _, w, h), _ in PIECES:
        cols = np.minimum(CELL, w - CELL * np.arange(-(-w // CELL)))
        rows = np.minimum(CELL, h - CELL * np.arange(-(-h // CELL)))
        shares.append(np.outer(rows, cols).astype(float))
    return on_mosaic(shares, -1)


def check_mosaic(path, own_maps, expected_overlap):
    """The mosaic covers the pieces' union on the first piece's grid; where one piece alone covers a
    cell it is that piece's own map; elsewhere ``expected_overlap`` (rows, cols) classes."""
    _, (cols, rows) = layout()
    dataset = gdal.Open(str(path))
    assert (dataset.RasterXSize, dataset.RasterYSize) == (cols, rows)
    first = gdal.Open(str(LIVERPOOL / f"{LIVERPOOL.name}_SR_B1.TIF")).GetGeoTransform()
    assert dataset.GetGeoTransform() == (first[0], 120.0, 0.0, first[3], 0.0, -120.0)
    mosaic = dataset.ReadAsArray()
    classes = on_mosaic([own_classes(own) for own, _ in own_maps], -1)
    covering = np.sum([c >= 0 for c in classes], axis=0)
    assert (covering > 0).sum() > 0 and ((mosaic == CLASS_NODATA) == (covering == 0)).all()
    for piece in classes:
        alone = (piece >= 0) & (covering == 1)
        assert alone.sum() > 100 and np.array_equal(mosaic[alone], piece[alone])
    several = covering > 1
    assert several.sum() > 100 and np.array_equal(mosaic[several], expected_overlap[several])
    return dataset


def winner_of(keys, classes):
    """Per cell, the class of the covering piece with the largest key (ties: the first given)."""
    classes = np.array(classes)
    keys = np.where(classes >= 0, [np.broadcast_to(k, classes.shape[1:]) for k in keys], -np.inf)
    best = np.argmax(keys, axis=0)
    return np.take_along_axis(classes, best[None], axis=0)[0]


def test_best_keeps_each_piece_alone_and_takes_the_fullest_cell_then_the_latest(pieces, own_maps, tmp_path):
    result = map_inputs(mosaic_request(pieces, tmp_path / "best.tif"))
    assert result.made == 3
    classes = on_mosaic([own_classes(own) for own, _ in own_maps], -1)
    order = np.arange(len(pieces))  # the pieces are in date order: a later one wins a tie
    keys = [valid * 10 + k for valid, k in zip(valid_pixels(), order)]
    dataset = check_mosaic(tmp_path / "best.tif", own_maps, winner_of(keys, classes))
    listed = json.loads(dataset.GetMetadataItem("MOSAIC_INPUTS"))
    assert [entry["acquired"][:10] for entry in listed] == ["2020-09-01", "2020-09-15", "2020-09-27"]
    assert [entry["input"] for entry in listed] == [str(p) for p in pieces]
    mosaic = dataset.ReadAsArray()
    assert abs(sum(entry["share"] for entry in listed) - 1) < 1e-5
    assert all(0 < entry["share"] < 1 for entry in listed)
    assert dataset.GetMetadataItem("MOSAIC_COMPOSITE").startswith("best")
    assert dataset.GetMetadataItem("PROBE") == DEFAULT_PROBE.name
    names = LinearProbe.load(DEFAULT_PROBE).class_names
    band = dataset.GetRasterBand(1)
    assert band.GetCategoryNames()[:len(names)] == names and band.GetColorTable() is not None
    assert (mosaic != CLASS_NODATA).sum() == round(sum(entry["cells"] for entry in listed))


def test_a_mosaic_composed_a_row_at_a_time_is_the_same(pieces, tmp_path, monkeypatch):
    from backend import mosaic

    assert mosaic.block_rows(120, 19) == mosaic.BLOCK_ROWS and mosaic.block_rows(33_000, 144) < 16
    for composite in ("best", "mean"):
        work = str(tmp_path / "w")
        map_inputs(mosaic_request(pieces, tmp_path / f"{composite}.tif", composite=composite, work=work))
        with monkeypatch.context() as patched:
            patched.setattr(mosaic, "BLOCK_BYTES", 1)  # one row a block
            again = map_inputs(mosaic_request(pieces, tmp_path / f"{composite}-rows.tif", composite=composite,
                                              work=work))
        assert again.made == 0
        whole, rows = gdal.Open(str(tmp_path / f"{composite}.tif")), gdal.Open(str(again.output))
        assert np.array_equal(whole.ReadAsArray(), rows.ReadAsArray())
        assert whole.GetMetadata() == rows.GetMetadata()  # the shares too


def test_latest_takes_the_last_date_and_mean_averages_the_probabilities(pieces, own_maps, tmp_path):
    # Given out of date order: the rule, not the order, decides.
    shuffled = [pieces[2], pieces[0], pieces[1]]
    work = str(tmp_path / "w")
    map_inputs(mosaic_request(shuffled, tmp_path / "latest.tif", composite="latest", work=work))
    classes = on_mosaic([own_classes(own) for own, _ in own_maps], -1)
    # The mosaic's grid is the first input's: check it on the pieces' own layout shifted to piece 3.
    dataset = gdal.Open(str(tmp_path / "latest.tif"))
    gt = dataset.GetGeoTransform()
    first = gdal.Open(str(LIVERPOOL / f"{LIVERPOOL.name}_SR_B1.TIF")).GetGeoTransform()
    assert gt == (first[0], 120.0, 0.0, first[3], 0.0, -120.0)  # the union, on piece 3's grid
    check_mosaic(tmp_path / "latest.tif", own_maps, winner_of([0, 1, 2], classes))

    map_inputs(mosaic_request(pieces, tmp_path / "mean.tif", composite="mean", work=work))
    probabilities = on_mosaic([p for _, p in own_maps], np.nan)
    covered = [np.isfinite(p[0]) for p in probabilities]
    total = np.sum([np.nan_to_num(p) for p in probabilities], axis=0) / np.maximum(np.sum(covered, axis=0), 1)
    check_mosaic(tmp_path / "mean.tif", own_maps, total.argmax(axis=0))


def test_an_embedding_mosaic_keeps_each_piece_alone_and_averages_the_overlap(pieces, tmp_path):
    own = []
    for k, piece in enumerate(pieces[:2]):  # cells of 40 px: piece 2 starts 4 cells east, 2 south
        request = classify_request(input=str(piece), output=str(tmp_path / f"{k}.tif"),
                                   checkpoint=str(DEFAULT_CHECKPOINT), probe=None, stride=int(STRIDE),
                                   device="cpu", acquisition=find_acquisition(piece))
        raster.embed_raster(request)
        own.append(gdal.Open(request.output).ReadAsArray().astype(np.float64))
    request = MosaicRequest(inputs=[str(p) for p in pieces[:2]], output=str(tmp_path / "e.tif"),
                            checkpoint=str(DEFAULT_CHECKPOINT), probe=None, options=options(),
                            composite="mean")
    map_inputs(request)
    mosaic = gdal.Open(str(tmp_path / "e.tif")).ReadAsArray()
    assert mosaic.shape == (own[0].shape[0], 6, 9)
    a = np.full(mosaic.shape, np.nan)
    b = a.copy()
    a[:, :4, :5], b[:, 2:, 4:] = own
    in_a, in_b = ~np.isnan(a[0]), ~np.isnan(b[0])
    alone_a, alone_b, both = in_a & ~in_b, in_b & ~in_a, in_a & in_b
    assert np.array_equal(mosaic[:, alone_a], a[:, alone_a])
    assert np.array_equal(mosaic[:, alone_b], b[:, alone_b])
    assert both.sum() == 2 and np.array_equal(mosaic[:, both], ((a + b) / 2)[:, both].astype(np.float32))
    assert np.isnan(mosaic[:, ~(alone_a | alone_b | both)]).all()


def test_an_input_on_another_grid_is_warped_and_the_log_says_so(pieces, tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="backend.mosaic")
    shifted = cut_product(LIVERPOOL, tmp_path, (2, 2, 200, 160), "20200903")  # 2 px off the cells
    map_inputs(mosaic_request([pieces[0], shifted], tmp_path / "m.tif"))
    assert any("warped onto it with GDAL" in r.getMessage() and shifted.name in r.getMessage()
               for r in caplog.records)
    dataset = gdal.Open(str(tmp_path / "m.tif"))
    assert dataset.GetGeoTransform()[1] == 120.0 and dataset.RasterXSize == 51
    listed = json.loads(dataset.GetMetadataItem("MOSAIC_INPUTS"))
    assert listed[0]["warped"] == "no" and "shifted by a fraction" in listed[1]["warped"]
    map_inputs(mosaic_request([pieces[0], shifted], tmp_path / "web.tif", crs="EPSG:3857"))
    web = gdal.Open(str(tmp_path / "web.tif"))
    assert web.GetMetadataItem("MOSAIC_CRS") == "EPSG:3857" and "3857" in web.GetProjection()
    listed = json.loads(web.GetMetadataItem("MOSAIC_INPUTS"))
    assert all("EPSG:32630" in entry["warped"] for entry in listed)  # both from their UTM zone
    assert (web.ReadAsArray() != CLASS_NODATA).sum() > 0.8 * (dataset.ReadAsArray() != CLASS_NODATA).sum()


def test_a_run_again_with_one_more_input_maps_only_that_one_and_damage_is_redone(pieces, tmp_path, caplog):
    work = tmp_path / "w"
    first = map_inputs(mosaic_request(pieces[:2], tmp_path / "two.tif", work=str(work)))
    entries = {p.parent.name: p.stat().st_mtime_ns for p in work.glob("*/map.tif")}
    again = map_inputs(mosaic_request(pieces, tmp_path / "three.tif", work=str(work)))
    assert (first.made, again.made) == (2, 1)
    assert {key: Path(work, key, "map.tif").stat().st_mtime_ns for key in entries} == entries  # untouched
    assert len(finished(work)) == 3
    reference = gdal.Open(str(tmp_path / "three.tif")).ReadAsArray()
    damaged = Path(work, next(iter(entries)), "map.tif")
    data = bytearray(damaged.read_bytes())
    data[-100] ^= 0xFF
    damaged.write_bytes(bytes(data))
    caplog.clear()
    caplog.set_level(logging.INFO, logger="backend.work_cache")
    redone = map_inputs(mosaic_request(pieces, tmp_path / "redone.tif", work=str(work)))
    assert redone.made == 1 and any("is damaged" in r.getMessage() for r in caplog.records)
    assert np.array_equal(gdal.Open(str(tmp_path / "redone.tif")).ReadAsArray(), reference)


def test_inputs_that_cannot_be_mixed_are_refused_before_any_work(pieces, tmp_path):
    level1 = copy_product(LIVERPOOL, tmp_path, LIVERPOOL.name.replace("L2SP", "L1TP"))
    undated = write_raster(tmp_path / "undated.tif", mosaic_pixels(2, 2), epsg=32630)
    work = tmp_path / "w"
    for inputs, said in (([pieces[0], level1], "Level-1"), ([pieces[0], undated], "no acquisition date"),
                         ([pieces[0], pieces[0]], "given twice")):
        with pytest.raises(UserError, match=said):
            map_inputs(mosaic_request(inputs, tmp_path / "m.tif", work=str(work)))
        assert not work.exists() and not (tmp_path / "m.tif").exists()
    listed = tmp_path / "list.txt"
    listed.write_text(f"# the pieces\n{pieces[0]}\n\nundated.tif 2020-09-02\n", encoding="utf-8")
    (path_a, when_a), (path_b, when_b) = read_inputs_list(listed)
    assert (path_a, when_a, path_b) == (str(pieces[0]), None, str(undated))
    assert str(when_b.when) == "2020-09-02"


def test_one_failed_input_fails_the_run_by_name_and_keeps_the_others(pieces, tmp_path):
    broken = cut_product(LIVERPOOL, tmp_path, (100, 40, 200, 160), "20200910")
    band = broken / f"{broken.name}_SR_B4.TIF"
    band.write_bytes(band.read_bytes()[:len(band.read_bytes()) // 2])  # its header reads; its pixels do not
    work = tmp_path / "w"
    with pytest.raises(UserError, match=f"1 of 3 inputs failed.*{broken.name}"):
        map_inputs(mosaic_request([pieces[0], broken, pieces[1]], tmp_path / "m.tif", work=str(work)))
    assert len(finished(work)) == 2 and not (tmp_path / "m.tif").exists()


def finished(work: Path) -> list:
    """The work folder's entries in place (not those still being built at a hidden temporary name)."""
    return [p.parent for p in work.glob("*/entry.json") if not p.parent.name.startswith(".")]


def cli_args(pieces, out, work):
    return ["classify", *map(str, pieces), "--out", str(out), "--work", str(work), "--stride", STRIDE,
            "--device", "cpu"]


def test_a_run_killed_halfway_redoes_only_the_rest_and_makes_the_same_mosaic(pieces, tmp_path):
    work = tmp_path / "w"
    process = subprocess.Popen([sys.executable, "-m", "backend", *cli_args(pieces, tmp_path / "m.tif", work)],
                               cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while not finished(work) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    done = {p.name: p.joinpath("map.tif").stat().st_mtime_ns for p in finished(work)}
    assert 1 <= len(done) < 3 and not (tmp_path / "m.tif").exists()
    again = subprocess.run([sys.executable, "-m", "backend", *cli_args(pieces, tmp_path / "m.tif", work)],
                           cwd=REPO, capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
    assert again.returncode == 0, again.stderr
    assert again.stdout.count("not made again") == len(done)
    assert {key: Path(work, key, "map.tif").stat().st_mtime_ns for key in done} == done
    assert len(finished(work)) == 3 and not list(work.glob("*.entry*"))
    whole = map_inputs(mosaic_request(pieces, tmp_path / "whole.tif", work=str(tmp_path / "fresh")))
    assert whole.made == 3
    resumed, uninterrupted = gdal.Open(str(tmp_path / "m.tif")), gdal.Open(str(tmp_path / "whole.tif"))
    assert np.array_equal(resumed.ReadAsArray(), uninterrupted.ReadAsArray())
    assert resumed.GetMetadata() == uninterrupted.GetMetadata()
    assert resumed.GetGeoTransform() == uninterrupted.GetGeoTransform()


def test_torchrun_shares_the_inputs_and_rank_0_composes(pieces, own_maps, tmp_path):
    work = tmp_path / "w"
    result = subprocess.run(
        [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node=2", "-m", "backend",
         *cli_args(pieces, tmp_path / "m.tif", work)],
        cwd=REPO, capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert result.stdout.count("mapping it into the work folder") == 3
    assert len(finished(work)) == 3
    single = map_inputs(mosaic_request(pieces, tmp_path / "single.tif", work=str(work)))
    assert single.made == 0  # the ranks' results are the single process's
    assert np.array_equal(gdal.Open(str(tmp_path / "m.tif")).ReadAsArray(),
                          gdal.Open(str(tmp_path / "single.tif")).ReadAsArray())

    broken = cut_product(LIVERPOOL, tmp_path, (100, 40, 200, 160), "20200910")
    band = broken / f"{broken.name}_SR_B4.TIF"
    band.write_bytes(band.read_bytes()[:len(band.read_bytes()) // 2])  # its header reads; its pixels do not
    failed = subprocess.run(
        [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node=2", "-m", "backend",
         *cli_args([*pieces, broken], tmp_path / "m2.tif", work)],
        cwd=REPO, capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
    assert failed.returncode != 0 and not (tmp_path / "m2.tif").exists()
    assert f"error: 1 of 4 inputs failed, so no mosaic was written: {broken}" in failed.stderr
    assert len(finished(work)) == 3  # the others' results are kept


@pytest.mark.parametrize("more, fragment", [
    (["--composite", "median"], "invalid choice: 'median'"),
    (["--crs", "EPSG:0"], "no coordinate reference system"),
    (["--inputs", "missing.txt"], "cannot be read"),
    (["--acquisition-date", "2020-09-01"], "several inputs"),
    (["--probabilities", "p.tif"], "--probabilities is for one input"),
])
def test_the_mosaic_options_answer_a_bad_argument_with_one_error_line(pieces, tmp_path, more, fragment):
    result = subprocess.run([sys.executable, "-m", "backend", *cli_args(pieces[:2], tmp_path / "m.tif",
                                                                         tmp_path / "w"), *more],
                            cwd=tmp_path, capture_output=True, text=True, timeout=300,
                            stdin=subprocess.DEVNULL, env=dict(os.environ, PYTHONPATH=str(REPO)))
    assert_one_error_line(result.returncode, result.stderr, fragment)
    assert not (tmp_path / "w").exists()


# --------------------------------------------------------------------------- QGIS: moemae:classify
def qgis_rows(pieces, tmp_path):
    """Parameters of moemae:classify as two rows of the batch dialog: one scene, and a mosaic of a
    product (INPUT), a product and a layer (MORE_INPUTS)."""
    from qgis.core import QgsRasterLayer

    from backend.product import open_product, write_stack

    stack = write_stack(open_product(pieces[2]), tmp_path / "third.vrt")
    layer = QgsRasterLayer(str(stack), "third", "gdal")
    assert layer.isValid()
    common = {"STRIDE": 40, "DEVICE": "cpu"}
    return [{**common, "INPUT": str(pieces[0]), "OUTPUT": str(tmp_path / "one.tif")},
            {**common, "INPUT": str(pieces[0]), "MORE_INPUTS": [str(pieces[1]), layer], "COMPOSITE": "latest",
             "WORK": str(tmp_path / "work"), "OUTPUT": str(tmp_path / "mosaic.tif")}], layer


def test_moemae_classify_takes_more_scenes_and_runs_row_by_row_as_in_batch_mode(provider, pieces, own_maps,
                                                                               tmp_path):
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

    rows, _layer = qgis_rows(pieces, tmp_path)
    registered = QgsApplication.processingRegistry().algorithmById("moemae:classify")
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    for row in rows:  # as the batch dialog runs its rows: a fresh instance, checked, then run
        algorithm = registered.create()
        ok, message = algorithm.checkParameterValues(row, context)
        assert ok, message
        results, ok = algorithm.run(row, context, feedback)
        assert ok and results["OUTPUT"] == row["OUTPUT"]
    assert np.array_equal(gdal.Open(str(tmp_path / "one.tif")).ReadAsArray(), own_maps[0][0])
    map_inputs(mosaic_request(pieces, tmp_path / "api.tif", composite="latest"))
    mosaic = gdal.Open(str(tmp_path / "mosaic.tif"))
    assert np.array_equal(mosaic.ReadAsArray(), gdal.Open(str(tmp_path / "api.tif")).ReadAsArray())
    listed = json.loads(mosaic.GetMetadataItem("MOSAIC_INPUTS"))
    assert [entry["acquired"][:10] for entry in listed] == ["2020-09-01", "2020-09-15", "2020-09-27"]
    assert len(finished(tmp_path / "work")) == 3


def test_moemae_classify_refuses_what_a_mosaic_cannot_take(provider, pieces, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    mosaic = {"INPUT": str(pieces[0]), "MORE_INPUTS": [str(pieces[1])], "STRIDE": 40, "DEVICE": "cpu",
              "WORK": str(tmp_path / "work"), "OUTPUT": str(tmp_path / "mosaic.tif")}
    for more, said in (({"ACQUISITION_DATE": "2020-09-01"}, "several scenes"),
                       ({"OUTPUT_PROBABILITIES": str(tmp_path / "p.tif")}, "for one scene"),
                       ({"MORE_INPUTS": [str(pieces[0])]}, "given twice"),
                       ({"MORE_INPUTS": [str(tmp_path / "nothing.tif")]}, "MORE_INPUTS")):
        with pytest.raises(QgsProcessingException, match=said):
            processing.run("moemae:classify", {**mosaic, **more})
        assert not (tmp_path / "mosaic.tif").exists() and not (tmp_path / "work").exists()

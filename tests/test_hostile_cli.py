"""The hostile-input battery, through the command line and the backend: each kind of finding of
the 2026-11-22 hostile run (issue 9) has tests here; the QGIS side is in test_hostile_qgis.py.

The contract: bad input gets one ``error:`` line that says what to do (exit 2), loses nothing
(no input overwritten, no earlier output replaced, no half-written file) and never a wrong result
without a word.
"""
import json
import logging
import os
import resource
import shutil
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest
import torch
from osgeo import gdal

from backend import data, raster
from backend.catalogue import DEFAULT_CHECKPOINT, DEFAULT_PROBE
from backend.checkpoint import CheckpointError, load_pretrained
from backend.errors import UserError
from backend.options import SceneOptions
from backend.probe import LinearProbe, ProbeError
from backend.progress import Cancelled, NullProgress
from backend.scene import fill_invalid
from backend.tiling import CPU_MAX_BATCH
from backend.training_areas import LabelledSamples, ProbeFitting, fit_probe_on_areas
from helpers import (
    CLOUDY,
    LIVERPOOL,
    REPO,
    SAMPLE,
    assert_one_error_line,
    classify_request,
    mosaic_pixels,
    snapshot,
    write_raster,
)

WHEN = "2017-06-13T10:10:31"


@pytest.fixture
def scene(tmp_path):
    """A real 160 × 160 px scene (16 real patches) in a folder of its own, with its MTL file."""
    folder = tmp_path / "in"
    folder.mkdir()
    path = write_raster(folder / "LC08_L2SP_190017_20170613_20200903_02_T1_SR.tif", mosaic_pixels())
    (folder / "LC08_L2SP_190017_20170613_20200903_02_T1_MTL.txt").write_text(
        "DATE_ACQUIRED = 2017-06-13\nSCENE_CENTER_TIME = \"10:10:31Z\"\n")
    shutil.copy(DEFAULT_PROBE, folder / "probe.json")
    shutil.copy(DEFAULT_CHECKPOINT, folder / "model.pt")
    return path


def classify_args(scene, out, *more):
    return ["classify", scene, "--out", out, "--device", "cpu", "--stride", "40", *more]


@pytest.fixture
def read_only_dir(tmp_path):
    """A folder where no file can be made, for whoever runs the tests (root ignores permission
    bits, but not a file system that refuses new files, such as sysfs)."""
    candidates = [tmp_path / "read-only"]
    candidates[0].mkdir()
    candidates[0].chmod(0o555)
    candidates.append(Path("/sys"))
    for folder in candidates:
        try:
            (folder / ".moemae-probe").open("x").close()
            (folder / ".moemae-probe").unlink()
        except OSError:
            yield folder
            candidates[0].chmod(0o755)
            return
    pytest.fail("no folder here refuses new files; cannot test read-only outputs")


# --------------------------------------------------------------------------- 1. outputs that are inputs
@pytest.mark.parametrize("case", ["out=input", "out=hard link to input", "out=probe", "out=checkpoint",
                                  "out=MTL", "probabilities=input", "out=probabilities", "out=png",
                                  "out=folder"])
def test_an_output_that_is_an_input_is_refused_and_nothing_changes(cli, scene, tmp_path, case):
    folder = scene.parent
    (folder / "maps").mkdir()
    os.link(scene, folder / "linked.tif")
    extra = {"out=input": (scene, []), "out=hard link to input": (folder / "linked.tif", []),
             "out=probe": (folder / "probe.json", ["--probe", folder / "probe.json"]),
             "out=checkpoint": (folder / "model.pt", ["--checkpoint", folder / "model.pt"]),
             "out=MTL": (next(folder.glob("*_MTL.txt")), []),
             "probabilities=input": (folder / "map.tif", ["--probabilities", scene]),
             "out=probabilities": (folder / "map.tif", ["--probabilities", folder / "map.tif"]),
             "out=png": (folder / "map.png", []), "out=folder": (folder / "maps", [])}[case]
    before = snapshot(folder)
    code, _, err = cli(*classify_args(scene, extra[0], *extra[1]))
    assert_one_error_line(code, err)
    assert snapshot(folder) == before  # nothing overwritten, nothing left (no stray .aux.xml)


def test_refusals_name_the_clash(cli, scene):
    folder = scene.parent
    assert "is also the input raster" in cli(*classify_args(scene, scene))[2]
    assert "is also the land-cover map" in cli(*classify_args(scene, folder / "x.tif", "--probabilities",
                                                              folder / "x.tif"))[2]
    assert "must end in .tif or .tiff: map.png does not" in cli(*classify_args(scene, folder / "map.png"))[2]
    assert "is a folder" in cli(*classify_args(scene, folder))[2]


def test_probe_fit_and_embed_never_write_over_their_inputs(cli, tmp_path):
    arrays = data.load(data.open_dataset(SAMPLE))
    pack = data.pack(data.PatchArrays(ids=arrays.ids[:4], images=arrays.images[:4],
                                      metadata=arrays.metadata[:4],
                                      kind=arrays.kind), tmp_path / "pack")
    embeddings = tmp_path / "e.npz"
    np.savez(embeddings, embeddings=np.zeros((4, 144)), pooling=np.asarray("mean"))
    before = snapshot(tmp_path)
    assert_one_error_line(*cli("probe", "fit", embeddings, "--out", embeddings)[::2],
                          "is also the embeddings file")
    assert_one_error_line(*cli("embed", pack, "--out", pack / "images.npy", "--device", "cpu")[::2],
                          "must end in .npz")
    assert snapshot(tmp_path) == before


# --------------------------------------------------------------------------- 2. a nearly full disk
def run_cli_with_file_size_limit(limit_bytes, *args):
    """``python -m backend ARGS`` in a process that cannot write more than ``limit_bytes`` into any
    one file (RLIMIT_FSIZE: the kernel refuses the write, as on a disk that is all but full)."""
    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    return subprocess.run([sys.executable, "-m", "backend", *map(str, args)], cwd=REPO, capture_output=True,
                          text=True, timeout=300, preexec_fn=limit, stdin=subprocess.DEVNULL,
                          env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))


@pytest.mark.slow
def test_a_full_disk_fails_the_run_and_keeps_the_earlier_map_and_its_class_names(cli, scene, tmp_path):
    out = tmp_path / "map.tif"
    code, _, err = cli(*classify_args(scene, out))
    assert code == 0, err
    before = snapshot(tmp_path)
    tif, sidecar = out.stat().st_size, (tmp_path / "map.tif.aux.xml").stat().st_size
    assert sidecar > tif + 1024  # the premise: the class names need more room than the map
    result = run_cli_with_file_size_limit(tif + 512,
                                          *classify_args(scene, out, "--acquisition-date", "2017-09-01"))
    assert_one_error_line(result.returncode, result.stderr, "map.tif failed (the class names (in the "
                                                            ".aux.xml sidecar) were not saved; Unable to "
                                                            "save auxiliary information in ",
                          "Nothing was replaced")
    assert snapshot(tmp_path) == before  # the old map and its class names, and no temporary file
    kept = gdal.Open(str(out))  # held: GDAL's band objects die with their dataset
    kept.GetGeoTransform()  # GDAL 3.6 reads the .aux.xml sidecar on such a call only
    assert kept.GetRasterBand(1).GetCategoryNames()[0] == "Urban fabric"


@pytest.mark.slow
def test_a_full_disk_leaves_no_partial_embeddings_file(tmp_path):
    arrays = data.load(data.open_dataset(SAMPLE))
    pack = data.pack(data.PatchArrays(ids=arrays.ids[:8], images=arrays.images[:8],
                                      metadata=arrays.metadata[:8],
                                      kind=arrays.kind), tmp_path / "pack")
    result = run_cli_with_file_size_limit(4096, "embed", pack, "--out", tmp_path / "e.npz", "--device", "cpu")
    assert_one_error_line(result.returncode, result.stderr, "e.npz failed", "File too large",
                          "Nothing was replaced")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack"]


@pytest.mark.parametrize("error, words", [
    (OSError(28, "No space left on device"), "the disk is full ("),
    (RuntimeError("Free disk space available is 1024 bytes, whereas 409600 are at least necessary"),
     "the disk is full ("),
    (OSError(27, "File too large"), "File too large"),
])
def test_write_failures_say_their_true_cause(tmp_path, error, words):
    from backend.files import write_failure

    message = write_failure(tmp_path / "map.tif", error)
    assert message.startswith(f"writing {tmp_path / 'map.tif'} failed") and words in message
    assert message.endswith("Nothing was replaced")


def test_free_space_is_checked_before_the_long_computation(monkeypatch, scene, tmp_path):
    monkeypatch.setattr(shutil, "disk_usage", lambda path: shutil._ntuple_diskusage(10**9, 10**9 - 100, 100))
    with pytest.raises(UserError, match=r"needs up to .* MB but only 0.0 MB are free"):
        raster.classify_raster(request(scene, tmp_path / "m.tif"))
    assert not (tmp_path / "m.tif").exists()


# --------------------------------------------------------------------------- 3. wrong bands
def request(path, out, **overrides):
    values = dict(input=str(path), output=str(out), checkpoint=str(DEFAULT_CHECKPOINT),
                  probe=str(DEFAULT_PROBE),
                  stride=40, acquisition=datetime(2017, 6, 13, 10, 10, 31), device="cpu", precision="float32")
    values.update(overrides)
    return classify_request(**values)


@pytest.mark.parametrize("descriptions, match", [
    (["SR_B2", "SR_B3", "SR_B4", "SR_B5", "SR_B6", "SR_B7", "ST_B10", "QA_PIXEL"], "SR_B1 is missing"),
    (["SR_B1", "SR_B1", "SR_B3", "SR_B4", "SR_B5", "SR_B6", "SR_B7", "ST_B10"], "SR_B1 is named 2 times"),
    ([""] * 8, "8 bands without Landsat band names.*BANDS"),
])
def test_bands_are_never_guessed(tmp_path, descriptions, match):
    pixels = np.concatenate([mosaic_pixels(), mosaic_pixels()[:1]])
    path = write_raster(tmp_path / "stack.tif", pixels, descriptions=descriptions)
    with pytest.raises(UserError, match=match):
        raster.classify_raster(request(path, tmp_path / "m.tif"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["stack.tif"]


def test_bands_given_twice_are_refused(cli, scene, tmp_path):
    code, _, err = cli(*classify_args(scene, tmp_path / "m.tif", "--bands", *"1111111"))
    assert_one_error_line(code, err, "BANDS gives band(s) [1] more than once")


def test_seven_unnamed_bands_are_taken_in_order_and_the_log_says_so(scene, tmp_path, caplog):
    caplog.set_level(logging.INFO)
    raster.classify_raster(request(scene, tmp_path / "m.tif"))
    assert any("(bands 1-7 in order (the bands carry no SR_B names))" in m for m in caplog.messages)


@pytest.mark.parametrize("data_type, bad_value", [(gdal.GDT_Int16, -5), (gdal.GDT_UInt32, 70000)])
def test_values_that_are_not_digital_numbers_are_no_data_and_said(tmp_path, caplog, data_type, bad_value):
    """Int16 negatives and UInt32 values above 65535 are not clipped into the encoder: they are
    treated exactly as declared nodata pixels, and the log says how many tiles held them."""
    pixels = np.minimum(mosaic_pixels(), 30000).astype(np.int64)  # every valid value fits an Int16
    pixels[:, 5:15, 45:60] = bad_value  # inside one tile, far less than half of it
    odd = write_raster(tmp_path / "odd.tif", pixels, data_type=data_type)
    declared = pixels.copy()
    declared[:, 5:15, 45:60] = 65535
    reference = write_raster(tmp_path / "declared.tif", declared.astype(np.uint16), nodata=65535)
    result = raster.classify_raster(request(odd, tmp_path / "a.tif", probabilities=str(tmp_path / "pa.tif")))
    raster.classify_raster(request(reference, tmp_path / "b.tif", probabilities=str(tmp_path / "pb.tif")))
    # Cells of 4 px (the default): the cells under the odd values are NaN in both, every other equal.
    assert np.array_equal(gdal.Open(str(tmp_path / "pa.tif")).ReadAsArray(),
                          gdal.Open(str(tmp_path / "pb.tif")).ReadAsArray(), equal_nan=True)
    assert np.isnan(gdal.Open(str(tmp_path / "pa.tif")).ReadAsArray()[:, 1:4, 11:15]).all()
    assert any("values outside 0-65535" in r.getMessage() and r.levelno == logging.WARNING
               for r in caplog.records)
    assert any(w.startswith("1 tile(s) held values outside 0-65535") for w in result.warnings)


# --------------------------------------------------------------------------- 4. nodata inside kept tiles
def test_nodata_pixels_in_a_kept_tile_are_given_the_tiles_mean_never_their_value(tmp_path):
    """Every other column is nodata (65535): each tile is half invalid, so kept; the encoder must
    see each tile with those pixels at the mean of its valid ones, as the core documents."""
    pixels = mosaic_pixels()
    holes = pixels.copy()
    holes[:, :, ::2] = 65535
    with_holes = write_raster(tmp_path / "holes.tif", holes, nodata=65535)
    filled = pixels.copy()
    for y0 in range(0, 160, 40):
        for x0 in range(0, 160, 40):
            tile = holes[:, y0:y0 + 40, x0:x0 + 40]
            invalid = np.zeros((40, 40), bool)
            invalid[:, ::2] = True
            filled[:, y0:y0 + 40, x0:x0 + 40] = fill_invalid(tile, invalid)
    assert filled.max() < 65535
    prefilled = write_raster(tmp_path / "prefilled.tif", filled)
    result = raster.classify_raster(request(with_holes, tmp_path / "a.tif",
                                            probabilities=str(tmp_path / "pa.tif")))
    raster.classify_raster(request(prefilled, tmp_path / "b.tif", probabilities=str(tmp_path / "pb.tif")))
    assert np.array_equal(gdal.Open(str(tmp_path / "pa.tif")).ReadAsArray(),
                          gdal.Open(str(tmp_path / "pb.tif")).ReadAsArray())
    assert (result.tiles_without_prediction, result.tiles_patched) == (0, 16)
    assert "16 more had some such pixels, given their tile's mean before encoding" in result.summary()


def test_fill_invalid_keeps_valid_pixels_and_gives_the_rest_their_bands_mean():
    tile = np.arange(7 * 40 * 40, dtype=np.int64).reshape(7, 40, 40) % 1000 + 100
    invalid = np.zeros((40, 40), bool)
    invalid[10:20, 5:30] = True
    tile[:, invalid] = -1
    out = fill_invalid(tile, invalid)
    assert out.dtype == np.uint16
    assert np.array_equal(out[:, ~invalid], tile[:, ~invalid])
    assert np.array_equal(out[:, invalid], np.repeat(np.rint(tile[:, ~invalid].mean(axis=1))[:, None],
                                                     invalid.sum(), axis=1))


# --------------------------------------------------------------------------- 6. memory and progress
class Recorder(NullProgress):
    """Progress that remembers every update and can cancel after ``cancel_after`` of them."""

    def __init__(self, cancel_after=None):
        super().__init__()
        self.updates, self.cancel_after = [], cancel_after

    def update(self, n=1):
        super().update(n)
        self.updates.append(n)

    def cancelled(self):
        return self.cancel_after is not None and self.count >= self.cancel_after


def test_a_huge_batch_size_is_bounded_and_progress_keeps_moving(tmp_path, caplog):
    from backend.demo_scene import make_demo_scene

    scene = make_demo_scene(SAMPLE, tmp_path / "scene", size=360)
    caplog.set_level(logging.INFO)
    progress = Recorder()
    result = raster.classify_raster(request(scene, tmp_path / "m.tif", stride=20, batch_size=65536),
                                    progress=progress)
    assert result.batch_size == CPU_MAX_BATCH
    assert any(m.startswith("batch size 65536 lowered to 256") for m in caplog.messages)
    encoded = [n for n in progress.updates if n > 1]
    assert sum(encoded) == result.tiles - result.tiles_without_prediction
    assert max(encoded) <= 256 and len(encoded) >= 2


def test_cancel_stops_a_classification_and_leaves_nothing(scene, tmp_path):
    with pytest.raises(Cancelled):
        raster.classify_raster(request(scene, tmp_path / "m.tif", batch_size=4),
                               progress=Recorder(cancel_after=4))
    assert list(tmp_path.iterdir()) == [scene.parent]


def grid_samples(classes, per_class, width=160):
    """``per_class`` pixel positions for each class, class k in the k-th vertical band of the scene."""
    rng = np.random.default_rng(0)
    band = width / classes
    return [(k * band + rng.uniform(0, band), rng.uniform(0, 160), k)
            for k in range(classes) for _ in range(per_class)]


def test_trainprobe_thins_a_flood_of_positions_evenly(scene, caplog):
    caplog.set_level(logging.INFO)
    probe, report = fit_probe_on_areas(scene, LabelledSamples(grid_samples(3, 200), ["a", "b", "c"]),
                                       DEFAULT_CHECKPOINT, SceneOptions(device="cpu"),
                                       ProbeFitting(max_samples=90))
    assert caplog.messages[0].startswith("600 sample positions; 90 kept, an even share of each class")
    assert report.thinned_from == 600 and report.counts == {"a": 30, "b": 30, "c": 30}
    assert probe.training["samples"] == 90


@pytest.mark.parametrize("cancel_after, positions_done", [(1, 4), (9, 9)])
def test_trainprobe_honours_cancel_in_every_phase(scene, cancel_after, positions_done):
    """9 positions in 3 classes, read and embedded 4 at a time: a cancel after the first batch
    stops the embedding (4 done); one after the last batch stops the cross-validation (9 done)."""
    progress = Recorder(cancel_after=cancel_after)
    with pytest.raises(Cancelled):
        fit_probe_on_areas(scene, LabelledSamples(grid_samples(3, 3), ["a", "b", "c"]), DEFAULT_CHECKPOINT,
                           SceneOptions(device="cpu", batch_size=4), progress=progress)
    assert progress.count == positions_done


# --------------------------------------------------------------------------- 7. a damaged checkpoint
def flip_one_byte_of(path, tensor):
    """Change one byte inside the stored bytes of ``tensor`` in the checkpoint file ``path``."""
    content = bytearray(path.read_bytes())
    stored = tensor.contiguous().view(torch.uint8).numpy().tobytes()
    at = content.find(stored)
    assert at > 0 and content.find(stored, at + 1) < 0
    content[at + len(stored) // 2] ^= 0x40
    path.write_bytes(bytes(content))


def test_a_checkpoint_with_one_flipped_byte_is_refused_as_damaged(cli, tmp_path):
    damaged = tmp_path / "model.pt"
    shutil.copy(DEFAULT_CHECKPOINT, damaged)
    state = torch.load(damaged, weights_only=True)["model_state"]
    flip_one_byte_of(damaged, state["encoder.layers.3.attn.q_proj.weight"])
    with pytest.raises(CheckpointError, match="is damaged: its contents no longer match the checksum"):
        load_pretrained(damaged)
    code, _, err = cli("embed", SAMPLE, "--checkpoint", damaged, "--out", tmp_path / "e.npz", "--device",
                       "cpu")
    assert_one_error_line(code, err, "is damaged")
    assert not (tmp_path / "e.npz").exists()


# --------------------------------------------------------------------------- 8. probes that cannot paint
def probe_json(**changes):
    content = json.loads(DEFAULT_PROBE.read_text())
    content.update(changes)
    return json.dumps(content)


@pytest.mark.parametrize("text, match", [
    (lambda: probe_json(scaler_scale=[0.0] * 144), "scaler_scale must be positive"),
    (lambda: probe_json(scaler_mean=[float("nan")] + [0.0] * 143),
     "scaler_mean holds NaN or infinite values"),
    (lambda: probe_json(scaler_mean=[float("inf")] * 144), "scaler_mean holds NaN or infinite values"),
    (lambda: probe_json(class_names=[f"c{i}" for i in range(256)], colours=[[0, 0, 0]] * 256,
                        coef=[[0.0] * 144] * 256, intercept=[0.0] * 256),
     "it has 256 classes; a map holds 2 to 255"),
    (lambda: probe_json(class_names=["Urban fabric"] * 19), "class_names repeats a name"),
    (lambda: probe_json(class_names=["Water", "Water "] + [f"c{i}" for i in range(17)]),
     "do not tell names apart.: 'Water'"),
    (lambda: probe_json(class_names=[""] + [f"c{i}" for i in range(18)]),
     "class_names must be a list of non-empty"),
    (lambda: probe_json(colours=[[0.5, 0, 0]] * 19), "colours must be one"),
    (lambda: probe_json(colours=[[True, 0, 0]] * 19), "colours must be one"),
    (lambda: probe_json(multilabel="false"), "multilabel must be true or false, not 'false'"),
    (lambda: probe_json(coef=[["1"] * 144] * 19), "coef must be a"),
    (lambda: '{"format": ' + "[" * 100000 + "]" * 100000 + "}", "nested far too deeply"),
])
def test_probes_that_would_paint_wrong_maps_are_refused(cli, scene, tmp_path, text, match):
    bad = tmp_path / "bad.json"
    bad.write_text(text())
    with pytest.raises(ProbeError, match=match):
        LinearProbe.load(bad)
    code, _, err = cli(*classify_args(scene, tmp_path / "m.tif", "--probe", bad))
    assert_one_error_line(code, err, "is not a")
    assert not (tmp_path / "m.tif").exists()


# ------------------------------------------------------------------- 9. one error line, the true cause
def test_a_truncated_geotiff_is_one_error_line(cli, tmp_path):
    whole = tmp_path / "whole.tif"
    gdal.Translate(str(whole), str(write_raster(tmp_path / "src.tif", mosaic_pixels())),
                   creationOptions=["TILED=NO"])
    truncated = tmp_path / "truncated.tif"
    truncated.write_bytes(whole.read_bytes()[:int(whole.stat().st_size * 0.6)])
    code, _, err = cli(*classify_args(truncated, tmp_path / "m.tif"))
    assert_one_error_line(code, err, "truncated.tif")
    assert "truncated or damaged" in err or "cannot be opened" in err
    assert not (tmp_path / "m.tif").exists()


def test_a_vrt_whose_source_is_missing_is_one_error_line(cli, tmp_path):
    source = write_raster(tmp_path / "source.tif", mosaic_pixels())
    vrt = tmp_path / "stack.vrt"
    gdal.BuildVRT(str(vrt), [str(source)]).FlushCache()
    source.unlink()
    code, _, err = cli(*classify_args(vrt, tmp_path / "m.tif"))
    assert_one_error_line(code, err, "stack.vrt")
    assert not (tmp_path / "m.tif").exists()


def small_pack(tmp_path, labelled=False):
    arrays = data.load(data.open_dataset(SAMPLE))
    return data.pack(data.PatchArrays(ids=arrays.ids[:8], images=arrays.images[:8],
                                      metadata=arrays.metadata[:8],
                                      labels=arrays.labels[:8] if labelled else None,
                                      class_names=arrays.class_names if labelled else None,
                                      multilabel=labelled,
                                      kind=arrays.kind), tmp_path / "pack")


def test_read_only_outputs_are_refused_before_any_work(cli, scene, tmp_path, read_only_dir):
    pack = small_pack(tmp_path, labelled=True)
    embeddings = tmp_path / "e.npz"
    assert cli("embed", pack, "--out", embeddings, "--device", "cpu")[0] == 0
    shutil.copy(DEFAULT_PROBE, tmp_path / "probe.json")
    for args in (["embed", pack, "--out", read_only_dir / "e.npz", "--device", "cpu"],
                 ["probe", "fit", embeddings, "--out", read_only_dir / "p.json"],
                 ["probe", "eval", tmp_path / "probe.json", embeddings, "--out", read_only_dir / "m.json"],
                 ["pack", SAMPLE, "--out", read_only_dir / "pack"],
                 ["pretrain", pack, "--out", read_only_dir / "run", "--epochs", "1", "--device", "cpu"],
                 ["demo-scene", "--out", read_only_dir / "demo"],
                 ["evaluate", pack, "--folds", "2", "--out", read_only_dir / "r.json"],
                 classify_args(scene, read_only_dir / "m.tif")):
        code, out, err = cli(*args)
        assert_one_error_line(code, err, f"in {read_only_dir}", "choose a folder you can write to")
        # Refused before reading or computing anything (classify has only said which date it found).
        assert all(line.startswith("acquisition: ") for line in out.splitlines()), out


def test_a_probe_that_cannot_be_read_does_not_stop_the_models_listing(cli, tmp_path, monkeypatch):
    models = tmp_path / "models"
    models.mkdir()
    (models / "probe_nested.json").write_text("[" * 100000 + "]" * 100000)
    (models / "probe_text.json").write_text('{"format": "moemae-qgis/linear-probe", "format_version": 1, '
                                            '"class_names": "not a list"}')
    monkeypatch.setenv("MOEMAE_DATA_DIR", str(tmp_path))
    code, out, err = cli("models")
    assert code == 0, err
    assert "not usable: probe_nested.json is not a probe file (its JSON is nested" in out
    assert "not usable: probe_text.json is not a usable probe: class_names must be a list" in out


def test_a_first_epoch_that_diverges_points_to_no_checkpoint_that_does_not_exist(tmp_path):
    from backend.train import PretrainConfig, TrainingDiverged, pretrain

    with pytest.raises(TrainingDiverged,
                       match="No epoch finished, so no checkpoint was written: start again"):
        pretrain(PretrainConfig(data=str(small_pack(tmp_path)), out=str(tmp_path / "run"), epochs=1,
                                batch_size=4,
                                lr=1e30, warmup=0, device="cpu"))
    assert not (tmp_path / "run" / "last.pt").exists()


def test_temporaries_of_killed_runs_are_cleared_and_live_ones_kept(cli, scene, tmp_path):
    from backend.files import remove_stale_temporaries

    dead = 4_000_000
    while True:
        try:
            os.kill(dead, 0)
            dead -= 1
        except ProcessLookupError:
            break
    stale = tmp_path / f".map.tif.{dead}.0123abcd.part.tif"
    live = tmp_path / f".map.tif.{os.getppid()}.4567cdef.part.tif"
    stale.write_bytes(b"half a map")
    live.write_bytes(b"another run's map")
    assert cli(*classify_args(scene, tmp_path / "map.tif"))[0] == 0
    assert not stale.exists() and live.exists()
    assert remove_stale_temporaries(tmp_path / "map.tif") == []
    staging = tmp_path / f".pack.{dead}.89abcdef.staging"  # a pack killed while it wrote
    staging.mkdir()
    (staging / "images.npy").write_bytes(b"half an array")
    assert cli("pack", SAMPLE, "--out", tmp_path / "pack")[0] == 0
    assert not staging.exists() and sorted(p.name for p in (tmp_path / "pack").iterdir()) == [
        "images.npy", "labels.npy", "manifest.json", "metadata.npy"]


# --------------------------------------------------------------------------- every command, a bad argument
@pytest.mark.slow
@pytest.mark.parametrize("args, fragment", [
    (lambda t: ["info", "--verbose"], "python -m backend info has no option --verbose"),
    (lambda t: ["bench", "--device", "tpu"], "unknown device 'tpu'"),
    (lambda t: ["bench", "--device", "cuda:x"], "unknown device 'cuda:x'"),
    (lambda t: ["bench", "--product-size", "7700"], "'7700' is not WIDTHxHEIGHT"),
    (lambda t: ["bench", "--product-size", "30x7800"], "a scene needs at least 40 × 40 px"),
    (lambda t: ["bench", "--clock", "sundial"], "invalid choice: 'sundial'"),
    (lambda t: ["pack", t / "nowhere", "--out", t / "pack"], "does not exist"),
    (lambda t: ["pretrain", SAMPLE, "--out", t / "run", "--lr", "nan"], "--lr: must be a finite number"),
    (lambda t: ["embed", SAMPLE, "--out", t, "--device", "cpu"], "is a folder"),
    (lambda t: ["probe", "fit", t / "none.npz", "--out", t / "p.json"], "does not exist"),
    (lambda t: ["probe", "eval", t / "none.json", t / "none.npz"], "does not exist"),
    (lambda t: ["evaluate", SAMPLE, "--folds", "1"], "--folds: must be at least 2"),
    (lambda t: ["evaluate", t / "unlabelled"], "has no labels"),
    (lambda t: ["classify", t, "--out", t / "m.tif"], "holds no Landsat product"),
    (lambda t: ["classify", "/vsizip/" + str(t / "none.zip") + "/a.tif", "--out", t / "m.tif"],
     "does not exist"),
    (lambda t: ["classify", SAMPLE / "patches.csv", "--out", t / "m.tif", "--stride", "41"],
     "cannot be opened as a raster"),
    (lambda t: ["classify", LIVERPOOL, LIVERPOOL, "--out", t / "m.tif"], "is given twice"),
    (lambda t: ["embed", LIVERPOOL, t / "none", "--out", t / "m.tif", "--composite", "median"],
     "invalid choice: 'median'"),
    (lambda t: ["demo-scene", "--sample", t / "nowhere", "--out", t / "demo"], "does not exist"),
    (lambda t: ["sample", t / "nowhere.tif", "--out", t / "s.gpkg"], "does not exist"),
    (lambda t: ["sample", t / "nowhere.tif", "--out", t / "s.gpkg", "--users-accuracy", "1.5", "--target-se",
                "0.01"], "a number between 0 and 1"),
    (lambda t: ["assess", t / "nowhere.tif", t / "p.gpkg", "--field", "reference", "--out", t / "r.json"],
     "does not exist"),
    (lambda t: ["assess", t / "nowhere.tif", t / "p.gpkg", "--out", t / "r.json"],
     "the following arguments are required: --field"),
    (lambda t: ["similarity", SAMPLE / "patches.csv", "--points", t / "none.gpkg", "--out", t / "s.tif"],
     "cannot be opened as a raster"),
    (lambda t: ["similarity", t / "in.tif", "--points", t / "p.gpkg", "--out", t / "s.png"],
     "must end in .tif"),
    (lambda t: ["cluster", t / "in.tif", "--clusters", "1", "--out", t / "c.tif"],
     "--clusters: must be at least 2"),
    (lambda t: ["cluster", t / "in.tif", "--clusters", "65", "--out", t / "c.tif"],
     "must be 2 to 64, not 65"),
    (lambda t: ["cluster", t / "in.tif", "--out", t / "c.tif", "--pca", t / "c.tif"], "two outputs into one"),
    (lambda t: ["change", LIVERPOOL, LIVERPOOL, "--out", t / "c.tif", "--threshold", "3"],
     "--threshold: must be auto or a score from 0 to 2"),
    (lambda t: ["change", LIVERPOOL, t / "nowhere", "--out", t / "c.tif"], "does not exist"),
    (lambda t: ["timeseries", LIVERPOOL, "--out", t / "s.tif"], "needs at least two dates"),
    (lambda t: ["timeseries", LIVERPOOL, CLOUDY, "--out", t / "s.png"], "must end in .tif"),
    (lambda t: ["change", LIVERPOOL, LIVERPOOL, "--out", t / "c.tif", "--table", t / "t.csv"],
     "--table is the from → to table of a probe's classes: add --probe"),
    (lambda t: ["timeseries", LIVERPOOL, LIVERPOOL, "--out", t / "s.tif", "--probe", "bigearthnet19-demo",
                "--threshold", "0.1"], "leave out --threshold"),
])
def test_every_command_answers_a_bad_argument_with_one_error_line(tmp_path, args, fragment):
    unlabelled = tmp_path / "unlabelled"
    unlabelled.mkdir()
    for i in range(2):
        write_raster(unlabelled / f"p{i}.tif", mosaic_pixels(1, 1))
    result = subprocess.run([sys.executable, "-m", "backend", *map(str, args(tmp_path))], cwd=REPO,
                            capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    assert_one_error_line(result.returncode, result.stderr, fragment)


# --------------------------------------------------------------------------- 10. smaller
def test_gdal_virtual_paths_are_read(cli, scene, tmp_path):
    archive = tmp_path / "scene.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(scene, "scene.tif")
    code, _out, err = cli(*classify_args(f"/vsizip/{archive}/scene.tif", tmp_path / "m.tif",
                                        "--acquisition-date", WHEN))
    assert code == 0, err
    direct = tmp_path / "direct.tif"
    assert cli(*classify_args(scene, direct, "--acquisition-date", WHEN))[0] == 0
    assert np.array_equal(gdal.Open(str(tmp_path / "m.tif")).ReadAsArray(),
                          gdal.Open(str(direct)).ReadAsArray())


def test_a_raster_without_georeferencing_gives_a_map_on_qgis_pixel_grid(tmp_path, caplog):
    path = write_raster(tmp_path / "plain.tif", mosaic_pixels()[:, :120], georeferenced=False)
    result = raster.classify_raster(request(path, tmp_path / "m.tif"))
    assert gdal.Open(result.output).GetGeoTransform() == (0.0, 4.0, 0.0, 0.0, 0.0, -4.0)  # 4 px cells
    assert any("no georeferencing" in r.getMessage() and r.levelno == logging.WARNING for r in caplog.records)


@pytest.mark.parametrize("date_a, date_b, same", [
    ("2021-06-15T11:53:12+02:00", "2021-06-15T09:53:12Z", True),
    ("2021-06-15T03:53:12-06:00", "2021-06-15 09:53:12", True),
    ("2021-06-15", "2021-06-15T00:00:00", False),  # a date alone: the hour is unknown, not midnight
])
def test_dates_with_offsets_mean_utc_and_a_date_alone_leaves_the_hour_unknown(cli, scene, tmp_path,
                                                                              date_a, date_b, same):
    maps = []
    for name, when in (("a", date_a), ("b", date_b)):
        code, _out, err = cli(*classify_args(scene, tmp_path / f"{name}.tif", "--acquisition-date", when,
                                            "--probabilities", tmp_path / f"p{name}.tif"))
        assert code == 0, err
        maps.append(gdal.Open(str(tmp_path / f"p{name}.tif")).ReadAsArray())
    assert np.array_equal(maps[0], maps[1]) == same


@pytest.mark.parametrize("argv, option, nearest", [
    (("classify", "scene.tif", "--out", "map.tif", "--strid", "40"), "--strid", "--stride"),
    (("classify", "scene.tif", "--out", "map.tif", "--strdie", "40"), "--strdie", "--stride"),
    (("probe", "fit", "emb.npz", "--out", "p.json", "--standardise"), "--standardise", "--standardize"),
    (("models", "download", "published-S", "--ulr", "http://x"), "--ulr", "--url"),
])
def test_a_mistyped_option_is_refused_by_its_command_with_the_nearest_option(cli, tmp_path, monkeypatch, argv,
                                                                              option, nearest):
    """Issue 18, finding 9: argparse took --strid for --stride by prefix, and answered --strdie
    with the top-level help. Nothing runs: no output appears."""
    monkeypatch.chdir(tmp_path)  # and back afterwards: later tests run subprocesses from the cwd
    code, _out, err = cli(*argv)
    command = " ".join(argv[:2] if argv[0] == "probe" else argv[:1])
    assert_one_error_line(code, err, f"python -m backend {command} has no option {option}",
                          f"did you mean {nearest}?", f"python -m backend {command} --help")
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_option_with_no_near_one_is_named_alone(cli):
    code, _, err = cli("classify", "scene.tif", "--out", "map.tif", "--zzzz")
    assert_one_error_line(code, err, "classify has no option --zzzz (see:")
    assert "did you mean" not in err


def test_option_values_that_look_like_options_are_still_values(cli, tmp_path):
    """A negative number and ``--opt=value`` are not mistaken for unknown options: the command
    reaches its own check of the input."""
    code, _, err = cli("classify", str(tmp_path / "missing.tif"), "--out=" + str(tmp_path / "m.tif"),
                       "--stride", "-4")
    assert_one_error_line(code, err)
    assert "has no option" not in err


@pytest.mark.slow
def test_pack_on_a_full_disk_says_so_and_where_and_leaves_nothing(tmp_path):
    """Issue 19, finding 10: numpy's short write said only "1680000 requested and 10176 written"
    (no errno, no file). The kernel's own refusal reaches the user, with the pack's path."""
    out = tmp_path / "pack"
    result = run_cli_with_file_size_limit(65536, "pack", SAMPLE, "--out", out)
    assert_one_error_line(result.returncode, result.stderr, f"writing {out} failed (File too large)",
                          "Nothing was replaced")
    assert "requested and" not in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("needed, free, said", [
    (110_000, 100_000, ("0.105 MB", "0.095 MB")),
    (5 * 2**20 + 1, 5 * 2**20, ("5.000001 MB", "5.000000 MB")),
    (5 * 2**20 + 11, 5 * 2**20 + 10, ("5,242,891 bytes", "5,242,890 bytes")),
    (300 * 2**20, 12 * 2**20, ("300.0 MB", "12.0 MB")),
])
def test_a_space_refusal_shows_the_difference(tmp_path, monkeypatch, needed, free, said):
    """Issue 19, finding 10: "needs up to 0.1 MB but only 0.1 MB are free" hid the difference."""
    import shutil as shutil_module

    from backend.files import check_free_space

    usage = shutil_module.disk_usage(tmp_path)
    monkeypatch.setattr(shutil_module, "disk_usage", lambda _: usage._replace(free=free))
    with pytest.raises(UserError) as refused:
        check_free_space([(tmp_path, needed, "the map")])
    assert f"the map needs up to {said[0]} but only {said[1]} are free in {tmp_path}" in str(refused.value)


@pytest.mark.slow
def test_pretraining_on_a_full_disk_says_so_in_one_line_and_keeps_no_checkpoint(tmp_path):
    """Issue 19, finding 9: torch.save answered the kernel's refusal with 'unexpected pos … vs …'
    while closing its zip, and the user got two tracebacks."""
    pack = small_pack(tmp_path)
    run = tmp_path / "run"
    result = run_cli_with_file_size_limit(200_000, "pretrain", pack, "--out", run, "--epochs", "1",
                                          "--device", "cpu")
    assert_one_error_line(result.returncode, result.stderr,
                          f"writing {run / 'last.pt'} failed (File too large)", "Nothing was replaced")
    assert "unexpected pos" not in result.stderr
    assert not [p for p in run.rglob("*") if p.is_file()]

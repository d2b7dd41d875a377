"""Warm runs: a second classification in one process reuses the loaded model; a checkpoint changed
in place is loaded again; releasing (the plugin's unload) drops the models."""
import shutil

import numpy as np
import pytest
import torch
from osgeo import gdal

from backend import model_cache, raster
from backend.catalogue import DEFAULT_CHECKPOINT, DEFAULT_PROBE
from backend.checkpoint import checkpoint_dict, load_pretrained, save_checkpoint
from helpers import LIVERPOOL, classify_request, mtl_of


@pytest.fixture(autouse=True)
def empty_cache():
    model_cache.release()
    yield
    model_cache.release()


def classify(out, checkpoint=DEFAULT_CHECKPOINT):
    return raster.classify_raster(classify_request(
        input=str(mtl_of(LIVERPOOL)), output=str(out), checkpoint=str(checkpoint), probe=str(DEFAULT_PROBE),
        stride=40, resolution="tile", device="cpu", precision="float32"))


def test_a_second_run_in_the_process_reuses_the_loaded_model(tmp_path, monkeypatch):
    used, shared = [], model_cache.shared_model
    monkeypatch.setattr(model_cache, "shared_model", lambda *a: used.append(shared(*a)) or used[-1])
    loads = model_cache.loads
    first = classify(tmp_path / "first.tif")
    second = classify(tmp_path / "second.tif")
    assert model_cache.loads == loads + 1  # the file was read and the model built once
    assert used[0] is used[1] and model_cache.kept_models() == 1
    maps = [gdal.Open(r.output).ReadAsArray() for r in (first, second)]
    assert np.array_equal(*maps) and first.counts == second.counts


def test_a_checkpoint_changed_in_place_is_loaded_again(tmp_path):
    path = shutil.copy(DEFAULT_CHECKPOINT, tmp_path / "mine.pt")
    loads = model_cache.loads
    before = model_cache.shared_model(path, "cpu")
    assert model_cache.shared_model(path, "cpu") is before and model_cache.loads == loads + 1
    changed = load_pretrained(path)
    with torch.no_grad():
        changed.encoder.norm.bias.add_(1.0)
    save_checkpoint(path, checkpoint_dict(changed, {"made_by": "test"}))
    after = model_cache.shared_model(path, "cpu")
    assert after is not before and model_cache.loads == loads + 2
    assert torch.equal(after.encoder.norm.bias, before.encoder.norm.bias + 1.0)


def test_the_device_is_part_of_the_key_and_only_a_few_models_stay(tmp_path):
    paths = [shutil.copy(DEFAULT_CHECKPOINT, tmp_path / f"m{i}.pt") for i in range(2)]
    changed = load_pretrained(paths[1])
    with torch.no_grad():
        changed.encoder.norm.bias.add_(1.0)
    save_checkpoint(paths[1], checkpoint_dict(changed, {"made_by": "test"}))
    third = tmp_path / "m2.pt"
    with torch.no_grad():
        changed.encoder.norm.bias.add_(1.0)
    save_checkpoint(third, checkpoint_dict(changed, {"made_by": "test"}))
    first = model_cache.shared_model(paths[0], "cpu")
    model_cache.shared_model(paths[1], "cpu")
    model_cache.shared_model(third, "cpu")  # the oldest, the first, goes
    assert model_cache.kept_models() == model_cache.KEEP == 2
    assert model_cache.shared_model(paths[0], "cpu") is not first


def test_release_drops_the_models_and_the_next_run_loads_again(tmp_path):
    loads = model_cache.loads
    model_cache.shared_model(DEFAULT_CHECKPOINT, "cpu")
    assert model_cache.kept_models() == 1
    model_cache.release()
    assert model_cache.kept_models() == 0
    model_cache.shared_model(DEFAULT_CHECKPOINT, "cpu")
    assert model_cache.loads == loads + 2


def test_a_bad_checkpoint_is_refused_and_not_kept(tmp_path):
    from backend.checkpoint import CheckpointError

    bad = tmp_path / "bad.pt"
    bad.write_bytes(b"not a checkpoint")
    for path in (bad, tmp_path / "missing.pt"):
        with pytest.raises(CheckpointError):
            model_cache.shared_model(path, "cpu")
    assert model_cache.kept_models() == 0


def test_a_scene_error_comes_first_while_the_model_loads_behind_it(tmp_path):
    """A device other than the CPU is started, and the model loaded, on a thread while the scene
    opens (here cuda:99, which no machine has: the loader's error); the scene's error comes
    first, the loader's once the scene is fine."""
    from backend.errors import UserError

    with pytest.raises(UserError, match="does not exist"):
        raster.classify_raster(classify_request(
            input=str(tmp_path / "nowhere.tif"), output=str(tmp_path / "map.tif"),
            checkpoint=str(DEFAULT_CHECKPOINT), probe=str(DEFAULT_PROBE), device="cuda:99"))
    with pytest.raises(UserError, match=r"device .cuda(:99)?. was asked for"):
        raster.classify_raster(classify_request(
            input=str(mtl_of(LIVERPOOL)), output=str(tmp_path / "map.tif"),
            checkpoint=str(DEFAULT_CHECKPOINT), probe=str(DEFAULT_PROBE), device="cuda:99"))
    with pytest.raises(UserError, match=r"no-model\.pt does not exist"):
        classify(tmp_path / "map.tif", checkpoint=tmp_path / "no-model.pt")
    assert not (tmp_path / "map.tif").exists()


def test_in_background_hands_over_the_value_or_the_error():
    assert model_cache.InBackground(lambda: 42).result() == 42
    failing = model_cache.InBackground(lambda: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        failing.result()

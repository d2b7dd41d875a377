"""Checkpoints: both formats load, every bad file is refused with a clear message, saves are atomic."""
import os
import pickle
import shutil

import pytest
import torch

from backend import checkpoint, landsat
from backend.checkpoint import CheckpointError, checkpoint_dict, load_pretrained, save_checkpoint
from backend.model import MoEMAE
from helpers import REFERENCE

PROVENANCE = {"made_by": "tests", "data": "random"}


@pytest.fixture(scope="module")
def published():
    return REFERENCE / "moe_mae_S_fixture_checkpoint.pth"


@pytest.fixture(scope="module")
def published_state(published):
    return torch.load(published, map_location="cpu", weights_only=True)["model_state"]


def test_published_format_loads_in_eval_mode(published):
    model = load_pretrained(published)
    assert not model.training
    assert model.checkpoint_info["format"] == "published"
    assert model.checkpoint_info["model_size"] == "S"
    assert model.normalization == (landsat.NORM_MEAN, landsat.NORM_STD)


def test_project_format_round_trips_with_what_it_expects(published, tmp_path):
    model = load_pretrained(published)
    path = save_checkpoint(tmp_path / "model.pt", checkpoint_dict(model, PROVENANCE))
    content = torch.load(path, weights_only=True)
    assert content["format"] == checkpoint.FORMAT and content["model_size"] == "S"
    assert content["bands"] == list(landsat.BANDS)
    assert content["normalization"]["mean"] == list(landsat.NORM_MEAN)
    assert content["provenance"] == PROVENANCE
    again = load_pretrained(path)
    assert again.checkpoint_info["provenance"] == PROVENANCE
    x = torch.randn(2, 7, 40, 40)
    assert torch.equal(model.encode(x), again.encode(x))


def test_bare_state_dict_loads(published_state, tmp_path):
    torch.save(published_state, tmp_path / "bare.pth")
    assert load_pretrained(tmp_path / "bare.pth").checkpoint_info["format"] == "state_dict"


def test_other_sizes_are_recognised(tmp_path):
    model = MoEMAE("XXS")
    save_checkpoint(tmp_path / "xxs.pt", checkpoint_dict(model, PROVENANCE))
    assert load_pretrained(tmp_path / "xxs.pt").config.size == "XXS"


def refused(path, match):
    with pytest.raises(CheckpointError, match=match) as info:
        load_pretrained(path)
    assert "Traceback" not in str(info.value)
    return str(info.value)


def test_missing_file(tmp_path):
    refused(tmp_path / "nope.pth", "does not exist")


def test_text_file_is_not_a_checkpoint(tmp_path):
    (tmp_path / "notes.pth").write_text("these are not weights\n")
    refused(tmp_path / "notes.pth", "is not a PyTorch checkpoint")


def test_empty_and_truncated_files(published, tmp_path):
    (tmp_path / "empty.pth").write_bytes(b"")
    refused(tmp_path / "empty.pth", "not a PyTorch checkpoint")
    data = published.read_bytes()
    (tmp_path / "half.pth").write_bytes(data[: len(data) // 2])
    refused(tmp_path / "half.pth", "not a PyTorch checkpoint or is damaged")


class RunsCode:
    """Unpickling this would run a shell command (it must never be unpickled)."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_pickle_that_runs_code_is_refused_and_nothing_runs(tmp_path):
    marker = tmp_path / "pwned"
    # The legacy pickle format and torch.save's zip format: both refused.
    (tmp_path / "evil.pkl").write_bytes(pickle.dumps({"model_state": RunsCode(marker)}, protocol=2))
    torch.save({"model_state": RunsCode(marker)}, tmp_path / "evil.pth")
    assert not marker.exists()
    for name in ("evil.pkl", "evil.pth"):
        message = refused(tmp_path / name, "refused to load")
        assert "system" in message and "could run code" in message
    assert not marker.exists()


def test_missing_keys_are_named(published_state, tmp_path):
    state = dict(published_state)
    del state["encoder.layers.3.attn.q_proj.weight"]
    torch.save({"model_state": state, "epoch": 1}, tmp_path / "missing.pth")
    refused(tmp_path / "missing.pth", r"1 missing key\(s\), e.g. encoder.layers.3.attn.q_proj.weight")


def test_wrong_shapes_are_named(published_state, tmp_path):
    state = dict(published_state)
    state["encoder.layers.0.moe.gate.Wg.weight"] = torch.zeros(4, 144)
    torch.save({"model_state": state}, tmp_path / "shape.pth")
    refused(tmp_path / "shape.pth", r"encoder.layers.0.moe.gate.Wg.weight \(4, 144\) \(expected \(3, 144\)\)")


def test_unexpected_keys_are_named(published_state, tmp_path):
    state = dict(published_state, **{"encoder.extra.weight": torch.zeros(3)})
    torch.save({"model_state": state}, tmp_path / "extra.pth")
    refused(tmp_path / "extra.pth", r"1 unexpected key\(s\), e.g. encoder.extra.weight")


def test_differing_shared_weights_are_refused(published_state, tmp_path):
    state = {k: v.clone() for k, v in published_state.items()}
    state["encoder.layers.2.moe.experts.1.V.weight"] += 1
    torch.save({"model_state": state}, tmp_path / "shared.pth")
    refused(tmp_path / "shared.pth", "must hold the same shared weights")


def test_nan_weights_are_refused(published_state, tmp_path):
    state = {k: v.clone() for k, v in published_state.items()}
    state["encoder.norm.weight"][0] = float("nan")
    torch.save({"model_state": state}, tmp_path / "nan.pth")
    refused(tmp_path / "nan.pth", "NaN or infinite")


def test_not_a_dict_and_foreign_dict(tmp_path):
    torch.save([1, 2, 3], tmp_path / "list.pth")
    refused(tmp_path / "list.pth", "holds a list")
    torch.save({"weights": torch.zeros(2)}, tmp_path / "foreign.pth")
    refused(tmp_path / "foreign.pth", "no 'model_state'")


def test_project_checkpoint_that_lies_about_itself(published, tmp_path):
    content = checkpoint_dict(load_pretrained(published), PROVENANCE)
    for key, value, match in [("model_size", "XS", "says it is size 'XS'"),
                              ("bands", ["B1", "B2"], "expects bands"),
                              ("format_version", 99, "format version 99"),
                              ("normalization", {"mean": [0] * 7, "std": [0] * 7}, "normalization")]:
        save_checkpoint(tmp_path / "lie.pt", dict(content, **{key: value}))
        refused(tmp_path / "lie.pt", match)


def test_atomic_save_keeps_the_old_file_when_writing_fails(published, tmp_path):
    target = tmp_path / "best.pt"
    shutil.copy(published, target)
    before = target.read_bytes()

    with pytest.raises((pickle.PicklingError, AttributeError)):  # a lambda cannot be saved
        save_checkpoint(target, {"model_state": {}, "bad": lambda: None})
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["best.pt"]  # no temporary file left

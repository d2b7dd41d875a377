"""Pretraining for real (size S, CPU): the loss falls, resume is exact, NaN stops cleanly, torchrun works."""
import json
import subprocess
import sys

import pytest
import torch

from backend import data
from backend.checkpoint import load_pretrained, read_file
from backend.train import PretrainConfig, TrainingDiverged, lr_factor, pretrain
from helpers import REPO, SAMPLE


@pytest.fixture(scope="module")
def small_pack(tmp_path_factory):
    arrays = data.load(data.open_dataset(SAMPLE))
    subset = data.PatchArrays(ids=arrays.ids[:24], images=arrays.images[:24], metadata=arrays.metadata[:24],
                              labels=arrays.labels[:24], class_names=arrays.class_names, multilabel=True,
                              kind=arrays.kind)
    return data.pack(subset, tmp_path_factory.mktemp("pack") / "small")


def config(pack, out, **overrides):
    values = dict(data=str(pack), out=str(out), epochs=4, batch_size=8, lr=1e-3, device="cpu", seed=3)
    values.update(overrides)
    return PretrainConfig(**values)


def metrics(out):
    return [json.loads(line) for line in (out / "metrics.jsonl").read_text().splitlines()]


def test_schedule_warms_up_then_decays_to_zero():
    assert lr_factor(0, 100, 10) == pytest.approx(0.1)
    assert lr_factor(9, 100, 10) == pytest.approx(1.0)
    assert lr_factor(10, 100, 10) == pytest.approx(1.0)
    assert lr_factor(55, 100, 10) == pytest.approx(0.5)
    assert lr_factor(100, 100, 10) == pytest.approx(0.0)


@pytest.mark.slow
def test_short_pretraining_lowers_the_loss_and_writes_checkpoints(small_pack, tmp_path):
    out = tmp_path / "run"
    summary = pretrain(config(small_pack, out))
    history = metrics(out)
    assert [h["epoch"] for h in history] == [1, 2, 3, 4]
    assert history[-1]["loss"] < history[0]["loss"]
    assert summary["best_loss"] == min(h["loss"] for h in history)
    model = load_pretrained(out / "best.pt")
    assert model.checkpoint_info["provenance"]["patches"] == 24
    assert read_file(out / "last.pt")["training"]["step"] == 4 * 3


@pytest.mark.slow
def test_resume_continues_bit_for_bit(small_pack, tmp_path):
    straight, split = tmp_path / "straight", tmp_path / "split"
    pretrain(config(small_pack, straight))
    pretrain(config(small_pack, split, stop_after=2))
    assert len(metrics(split)) == 2
    pretrain(config(small_pack, split, resume=True))
    assert metrics(split) == [dict(m, seconds=n["seconds"], images_per_s=n["images_per_s"])
                              for m, n in zip(metrics(straight), metrics(split))]
    a, b = read_file(straight / "last.pt")["model_state"], read_file(split / "last.pt")["model_state"]
    assert all(torch.equal(a[k], b[k]) for k in a)


def test_a_second_run_into_the_same_folder_is_refused(small_pack, tmp_path):
    pretrain(config(small_pack, tmp_path, epochs=1))
    with pytest.raises(Exception, match="--resume"):
        pretrain(config(small_pack, tmp_path, epochs=1))


def test_nan_loss_stops_and_keeps_the_last_good_checkpoint(small_pack, tmp_path):
    pretrain(config(small_pack, tmp_path, stop_after=1))
    good = (tmp_path / "last.pt").read_bytes()
    with pytest.raises(TrainingDiverged, match=r"the loss became (nan|inf).*last good checkpoint"):
        pretrain(config(small_pack, tmp_path, resume=True, lr=1e12))
    assert (tmp_path / "last.pt").read_bytes() == good
    assert len(metrics(tmp_path)) == 1
    load_pretrained(tmp_path / "last.pt")  # still a valid checkpoint


@pytest.mark.slow
def test_torchrun_two_processes_train_the_same_weights(small_pack, tmp_path):
    out = tmp_path / "ddp"
    result = subprocess.run(
        [sys.executable, "-m", "torch.distributed.run", "--nproc_per_node=2", "--master_port=29517",
         "-m", "backend", "pretrain", str(small_pack), "--out", str(out), "--epochs", "3", "--batch-size",
         "4",
         "--lr", "1e-3", "--device", "cpu", "--seed", "1"],
        cwd=REPO, capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    ranks = json.loads((out / "ranks.json").read_text())
    assert ranks["world_size"] == 2
    assert len(set(ranks["fingerprints"])) == 1
    history = metrics(out)
    assert len(history) == 3 and history[-1]["loss"] < history[0]["loss"]
    # Each rank trained on its half: 24 patches / 2 ranks / 4 per step = 3 steps an epoch.
    assert history[-1]["step"] == 9


@pytest.mark.slow
def test_init_weights_bring_their_own_statistics(small_pack, tmp_path):
    """A checkpoint that declares other z-score statistics is trained on with those, and the run's
    checkpoints (and a resume) keep them: the one z-score, with the checkpoint's numbers."""
    from backend.checkpoint import checkpoint_dict, save_checkpoint
    from backend.model import MoEMAE

    mean, std = [9000.0 + b for b in range(7)], [5000.0 + b for b in range(7)]
    start = tmp_path / "start.pt"
    save_checkpoint(start, checkpoint_dict(MoEMAE("S"), {"made_by": "tests"}, normalization=(mean, std)))
    pretrain(config(small_pack, tmp_path / "run", init=str(start), stop_after=1))
    assert read_file(tmp_path / "run" / "last.pt")["normalization"] == {"mean": mean, "std": std}
    pretrain(config(small_pack, tmp_path / "run", init=str(start), resume=True, stop_after=1))
    assert load_pretrained(tmp_path / "run" / "last.pt").normalization == (tuple(mean), tuple(std))

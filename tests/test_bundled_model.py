"""The bundled default model and probe: they load, belong together, and `models` lists them."""

import re

from backend import classes
from backend.catalogue import DEFAULT_CHECKPOINT, DEFAULT_PROBE
from backend.checkpoint import load_pretrained, model_fingerprint
from backend.probe import LinearProbe
from helpers import REPO, run_backend_cli


def test_bundled_model_and_probe_belong_together():
    model = load_pretrained(DEFAULT_CHECKPOINT)
    probe = LinearProbe.load(DEFAULT_PROBE)
    assert model.config.size == "S"
    assert model.checkpoint_info["format"] == "moemae-qgis/checkpoint"
    assert model.checkpoint_info["provenance"]["made_by"] == "tools/make_bundled_model.py"
    assert probe.model["fingerprint"] == model_fingerprint(model)
    assert probe.class_names == list(classes.BIGEARTHNET19_NAMES)
    assert probe.colours == list(classes.BIGEARTHNET19_COLOURS)
    assert probe.multilabel and probe.pooling == "mean" and probe.num_features == 144


def test_bundled_files_stay_light():
    assert DEFAULT_CHECKPOINT.stat().st_size < 6_000_000  # float16 weights, no optimizer state
    assert DEFAULT_PROBE.stat().st_size < 200_000
    card = (REPO / "resources" / "models" / "README.md").read_text()
    assert "pretrained_S_best.pth" in card and "micro mAP" in card


def test_models_command_lists_bundled_and_user_models(tmp_path, monkeypatch):
    user_models = tmp_path / "data" / "models"
    user_models.mkdir(parents=True)
    (user_models / "broken.pt").write_text("not a checkpoint")
    monkeypatch.setenv("MOEMAE_DATA_DIR", str(tmp_path / "data"))
    result = run_backend_cli("models")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any(re.match(r"model  demo-S +bundled ", line) and "demonstration" in line
               and "probes: bigearthnet19-demo (default)" in line for line in lines)
    assert any(re.match(r"model  published-S +not downloaded \(about 30 MB\) ", line)
               and "probes: eurosat10-cls (default), eurosat10-mean" in line for line in lines)
    assert any(re.match(r"model  broken\.pt +yours, unverified ", line) and "not usable" in line
               for line in lines)

"""The hostile findings of December on probes and training areas (issue 19): probes with absurd
numbers or misleading fields, and trainprobe on large, odd or unusable training layers."""
import json

import numpy as np
import pytest

from backend.catalogue import DEFAULT_CHECKPOINT, DEFAULT_PROBE
from backend.probe import LinearProbe, ProbeError
from helpers import assert_one_error_line, mosaic_pixels, run_backend_cli, write_raster


@pytest.fixture
def scene(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    return write_raster(folder / "scene.tif", mosaic_pixels())


def edited_probe(tmp_path, edit, source=DEFAULT_PROBE):
    content = json.loads(source.read_text())
    edit(content)
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(content))
    return path


def classify(scene, probe, out):
    result = run_backend_cli("classify", str(scene), "--probe", str(probe), "--out", str(out),
                             "--device", "cpu", "--stride", "40", "--model", str(DEFAULT_CHECKPOINT))
    return result.returncode, result.stderr


# --------------------------------------------------------------------------- 11. absurd numbers
def huge_coefficient(content):
    content["coef"][0][0] = 1e308


def tiny_scale(content):
    content["scaler_scale"][3] = 1e-300


@pytest.mark.parametrize("edit, message", [
    (huge_coefficient, "coef holds 1e+308, beyond ±1e+06: no fitted probe has such values, and its scores "
                       "would overflow to NaN"),
    (tiny_scale, "scaler_scale holds 1e-300, below 1e-06: dividing by it would blow the scores up to "
                 "overflow")])
def test_a_probe_whose_scores_would_overflow_is_refused_and_paints_no_map(scene, tmp_path, edit, message):
    """1e308 passed the field checks, and the NaN logits painted class 0 in 828 of 900 cells, rc 0."""
    probe = edited_probe(tmp_path, edit)
    with pytest.raises(ProbeError, match="is not a usable probe: " + message.replace("+", r"\+")):
        LinearProbe.load(probe)
    code, err = classify(scene, probe, tmp_path / "map.tif")
    assert_one_error_line(code, err, message)
    assert not (tmp_path / "map.tif").exists()


def test_scores_that_overflow_anyway_are_refused_never_class_0():
    probe = LinearProbe.load(DEFAULT_PROBE)
    features = np.full((4, probe.num_features), 1e308)  # no embedding is like this, but never class 0
    with pytest.raises(ProbeError, match="overflowed to infinity or NaN"):
        probe.predict(features)


def test_a_fitted_probe_with_a_constant_feature_still_loads(tmp_path):
    from backend.probe import fit

    x = np.random.default_rng(0).normal(size=(60, 5))
    x[:, 2] = 7.0 + np.arange(60) * 1e-12  # constant to 1e-10: no spread worth dividing by
    probe = fit(x, np.arange(60) % 2, ["a", "b"], multilabel=False, standardize=True)
    assert LinearProbe.load(probe.save(tmp_path / "p.json")).scaler_scale[2] == 1.0


# --------------------------------------------------------------------------- 10. probe messages
def test_a_probe_without_a_format_version_is_told_it_lacks_one(tmp_path):
    probe = edited_probe(tmp_path, lambda content: content.pop("format_version"))
    with pytest.raises(ProbeError) as caught:
        LinearProbe.load(probe)
    assert str(caught.value) == (f"{probe} has no 'format_version': every probe this plugin writes has "
                                 "one (\"format_version\": 1); the file was made by hand or damaged, so "
                                 "refit the probe or add the field")


@pytest.mark.parametrize("version", ["1", 0, True, 1.5])
def test_a_format_version_that_is_no_version_is_not_called_newer(tmp_path, version):
    probe = edited_probe(tmp_path, lambda content: content.update(format_version=version))
    with pytest.raises(ProbeError, match=f"'format_version' is {version!r}, not a version"):
        LinearProbe.load(probe)


def test_a_probe_whose_pooling_does_not_match_its_coefficients_is_told_so(scene, tmp_path):
    probe = edited_probe(tmp_path, lambda content: content.update(pooling="all"))
    code, err = classify(scene, probe, tmp_path / "map.tif")
    assert_one_error_line(code, err, "the probe edited.json says pooling 'all' (15,120 features with the "
                          f"model {DEFAULT_CHECKPOINT.name}) but its coefficients have 144, the size of "
                          "one token (pooling mean, cls or patch-mean): it was fitted with another pooling; "
                          "fix its 'pooling' or refit it")
    assert not (tmp_path / "map.tif").exists()


def test_a_probe_of_every_token_called_mean_is_told_its_pooling_too(tmp_path):
    from backend.probe import feature_mismatch

    source = DEFAULT_PROBE.parent / "published_eurosat10_all.json"
    probe = LinearProbe.load(edited_probe(tmp_path, lambda content: content.update(pooling="mean"), source))
    assert "its coefficients have 15,120, the size of every token (pooling all)" in feature_mismatch(
        probe, 144, "p.json", "m.pt")
    assert "expects 15,120 features but the model m.pt gives 192 with pooling 'mean'" in feature_mismatch(
        probe, 192, "p.json", "m.pt")

"""embed → probe fit → probe eval through the command line, on the sample in tests/data."""
import json

import numpy as np
import pytest

from backend import data
from backend.probe import LinearProbe, ProbeError, fit
from helpers import REFERENCE, SAMPLE, run_backend_cli


@pytest.fixture(scope="module")
def fixture_pack(tmp_path_factory):
    """A pack of the four fixture patches, read from their GeoTIFFs."""
    arrays = data.load(data.open_dataset(SAMPLE))
    expected = np.load(REFERENCE / "moe_mae_S_fixture_expected.npz")
    rows = [arrays.ids.index(str(i)) for i in expected["patch_ids"]]
    subset = data.PatchArrays(ids=[arrays.ids[r] for r in rows], images=arrays.images[rows],
                              metadata=arrays.metadata[rows], labels=arrays.labels[rows],
                              class_names=arrays.class_names, multilabel=True, kind=arrays.kind)
    return data.pack(subset, tmp_path_factory.mktemp("fixture") / "pack"), expected


@pytest.mark.parametrize("options, key", [([], "tokens_prenorm"), (["--normed"], "tokens_normed"),
                                          (["--no-metadata"], "tokens_prenorm_nometa")])
def test_embed_reproduces_the_fixture_tokens(fixture_pack, tmp_path, options, key):
    pack, expected = fixture_pack
    out = tmp_path / "tokens.npz"
    result = run_backend_cli("embed", str(pack), "--checkpoint",
                             str(REFERENCE / "moe_mae_S_fixture_checkpoint.pth"),
                             "--pooling", "tokens", "--device", "cpu", "--out", str(out), *options)
    assert result.returncode == 0, result.stderr
    with np.load(out, allow_pickle=False) as npz:
        assert list(npz["patch_ids"]) == [str(i) for i in expected["patch_ids"]]
        assert npz["embeddings"].shape == (4, 105, 144)
        assert np.abs(npz["embeddings"] - expected[key]).max() < 1e-4
        assert npz["labels"].shape == (4, 19)


@pytest.fixture(scope="module")
def sample_embeddings(tmp_path_factory):
    out = tmp_path_factory.mktemp("emb") / "sample.npz"
    result = run_backend_cli("embed", str(SAMPLE), "--checkpoint",
                             str(REFERENCE / "moe_mae_S_fixture_checkpoint.pth"),
                             "--device", "cpu", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_probe_fit_and_eval_give_metrics_in_range(sample_embeddings, tmp_path):
    probe_path = tmp_path / "probe.json"
    result = run_backend_cli("probe", "fit", str(sample_embeddings), "--out", str(probe_path),
                             "--standardize")
    assert result.returncode == 0, result.stderr
    assert "one-vs-rest probe on 150 patches (144 features, 19 classes)" in result.stdout
    result = run_backend_cli("probe", "eval", str(probe_path), str(sample_embeddings),
                             "--out", str(tmp_path / "m.json"))
    assert result.returncode == 0, result.stderr
    scores = json.loads((tmp_path / "m.json").read_text())
    for key in ("micro_map", "macro_map", "micro_f1", "macro_f1", "overall_accuracy"):
        assert 0.0 <= scores[key] <= 1.0, key
    assert scores["per_class_ap"]["Beaches, dunes, sands"] is None  # no positive sample in the sample
    assert scores["micro_map"] > 0.5  # fitted and scored on the same patches


def test_saved_probe_reloads_to_identical_predictions(sample_embeddings, tmp_path):
    with np.load(sample_embeddings, allow_pickle=False) as npz:
        x, y, names = npz["embeddings"], npz["labels"], [str(n) for n in npz["class_names"]]
    probe = fit(x, y, names, multilabel=True, standardize=True)
    again = LinearProbe.load(probe.save(tmp_path / "p.json"))
    assert np.array_equal(again.predict_proba(x), probe.predict_proba(x))
    assert again.colours[0] == probe.colours[0]


def test_single_label_probe_is_multinomial(sample_embeddings):
    with np.load(sample_embeddings, allow_pickle=False) as npz:
        x = npz["embeddings"]
    y = np.arange(len(x)) % 3
    probe = fit(x, y, ["a", "b", "c", "d"], multilabel=False)
    proba = probe.predict_proba(x)
    assert np.allclose(proba.sum(axis=1), 1) and proba[:, 3].max() < 1e-9  # "d" never seen


@pytest.mark.parametrize("content, match", [
    ("not json at all", "not JSON"),
    ('{"format": "something-else"}', "is not a moemae-qgis probe"),
    ('{"format": "moemae-qgis/linear-probe", "format_version": 1, "class_names": ["a", "b"], '
     '"colours": [[0,0,0],[1,1,1]], "coef": [[1, 2]], "intercept": [0, 0], "multilabel": false}',
     r"coef has 1 rows for 2 classes"),
    ('{"format": "moemae-qgis/linear-probe", "format_version": 1, "class_names": ["a", "b"], '
     '"colours": [[0,0,0],[1,1,1]], "coef": [[1, NaN], [0, 0]], "intercept": [0, 0], "multilabel": false}',
     "NaN or infinite"),
    ('{"format": "moemae-qgis/linear-probe", "format_version": 1, "class_names": ["a", "b"]}',
     "colours must be one .r, g, b. of integers 0-255 per class; multilabel must be true or false"),
])
def test_malformed_probe_files_are_refused_clearly(tmp_path, sample_embeddings, content, match):
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    with pytest.raises(ProbeError, match=match):
        LinearProbe.load(bad)
    result = run_backend_cli("probe", "eval", str(bad), str(sample_embeddings))
    assert result.returncode == 2 and result.stderr.startswith("error: ") and "Traceback" not in result.stderr


@pytest.mark.slow
def test_probe_of_another_model_is_refused(sample_embeddings, tmp_path):
    probe_path = tmp_path / "probe.json"
    run_backend_cli("probe", "fit", str(sample_embeddings), "--out", str(probe_path))
    other = tmp_path / "random.npz"
    result = run_backend_cli("embed", str(SAMPLE), "--device", "cpu",
                             "--out", str(other))
    assert result.returncode == 0, result.stderr
    result = run_backend_cli("probe", "eval", str(probe_path), str(other))
    assert result.returncode == 2 and "fitted on embeddings of another model" in result.stderr


@pytest.mark.slow
def test_evaluate_compares_against_zonal_statistics(tmp_path):
    result = run_backend_cli("evaluate", str(SAMPLE), "--random-init",
                             "--folds", "3", "--device", "cpu", "--out", str(tmp_path / "e.json"))
    assert result.returncode == 0, result.stderr
    assert "3-fold cross-validation on 150 patches" in result.stdout
    results = json.loads((tmp_path / "e.json").read_text())
    assert set(results) == {"zonal statistics (per-band mean, std)", "MoE-MAE random init (mean pooling)"}
    assert all(0 < r["micro_map"] < 1 for r in results.values())


def test_a_probes_logits_of_a_tensor_are_those_of_the_array_on_its_device():
    """A map on a GPU runs the probe where the tokens are: the same float64 affine map."""
    import torch

    from backend.catalogue import DEFAULT_PROBE

    probe = LinearProbe.load(DEFAULT_PROBE)
    features = np.random.default_rng(3).normal(size=(50, probe.num_features)).astype(np.float32)
    on_device = probe.logits(torch.from_numpy(features))
    assert isinstance(on_device, torch.Tensor) and on_device.dtype == torch.float64
    np.testing.assert_allclose(on_device.numpy(), probe.logits(features), rtol=1e-12, atol=1e-12)

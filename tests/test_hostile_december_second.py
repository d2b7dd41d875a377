"""The second round of December's hostile findings (issues 10-16, 19-22): probes fitted on odd
embeddings or stripped of their scaler, band files that are one file, downloads that hang or
say the wrong thing, models added under names that cannot be names, a damaged checksum
registry, and product ids that cannot be."""
import json

import pytest

from backend.catalogue import DEFAULT_CHECKPOINT, DEFAULT_PROBE
from backend.probe import LinearProbe, ProbeError
from helpers import assert_one_error_line, mosaic_pixels, run_backend_cli, write_raster


# --------------------------------------------------------------------------- 11. probe without scaler
def test_a_standardised_probe_without_its_scaler_is_refused_and_paints_no_map(tmp_path):
    """training.standardize true with scaler_mean/scaler_scale deleted loaded, and 19 % of the
    cells of the map changed without a word."""
    content = json.loads(DEFAULT_PROBE.read_text())
    assert content["training"]["standardize"] is True
    del content["scaler_mean"], content["scaler_scale"]
    probe = tmp_path / "no_scaler.json"
    probe.write_text(json.dumps(content))
    message = "training.standardize is true but scaler_mean and scaler_scale are missing"
    with pytest.raises(ProbeError, match=message):
        LinearProbe.load(probe)
    (tmp_path / "in").mkdir()
    scene = write_raster(tmp_path / "in" / "scene.tif", mosaic_pixels())
    result = run_backend_cli("classify", str(scene), "--probe", str(probe), "--out", str(tmp_path / "m.tif"),
                             "--device", "cpu", "--stride", "40", "--model", str(DEFAULT_CHECKPOINT))
    assert_one_error_line(result.returncode, result.stderr, message)
    assert not (tmp_path / "m.tif").exists()


def test_a_probe_fitted_without_standardising_needs_no_scaler(tmp_path):
    content = json.loads(DEFAULT_PROBE.read_text())
    del content["scaler_mean"], content["scaler_scale"]
    content["training"]["standardize"] = False
    probe = tmp_path / "raw.json"
    probe.write_text(json.dumps(content))
    assert LinearProbe.load(probe).scaler_mean is None

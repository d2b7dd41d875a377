"""Check environment…'s Copy report: what a bug report needs, from a real failed run in real QGIS."""
import hashlib

import numpy as np
import pytest
from qgis.core import Qgis, QgsProcessingException, QgsSettings

from backend import paths
from helpers import write_raster
from moemae_qgis import diagnostics


def test_a_failed_run_is_kept_with_its_traceback_for_the_report(provider, tmp_path):
    import processing

    four_bands = write_raster(tmp_path / "four.tif", np.ones((4, 48, 48), dtype=np.uint16) * 8000)
    with pytest.raises(QgsProcessingException) as failed:
        processing.run("moemae:classify", {"INPUT": str(four_bands), "DEVICE": "cpu",
                                           "OUTPUT": str(tmp_path / "map.tif")})
    kept = diagnostics.last_failure()
    assert f"Classify land cover failed: {failed.value}" in kept.splitlines()[0]
    # The backend's own traceback, which the message raised "from None" hides from the user.
    assert "Traceback (most recent call last):" in kept and "backend/" in kept and "UserError" in kept
    assert diagnostics.last_error_path().parent == paths.user_data_dir()


def test_without_a_failure_the_report_says_none():
    assert diagnostics.last_failure() == "none recorded"
    assert "Last error:\n  none recorded" in diagnostics.report_sections()


def test_the_report_holds_versions_settings_and_model_hashes(qgis_app, tmp_path):
    settings = QgsSettings()
    settings.setValue("moemae_qgis/dialog/mirror", "https://someone:secret@mirror.example/m.pt")
    settings.setValue("moemae_qgis/dialog/probe", "published-S-eurosat10")
    try:
        user_model = paths.user_models_dir() / "mine.pt"
        user_model.parent.mkdir(parents=True, exist_ok=True)
        user_model.write_bytes(b"not really a model")
        text = diagnostics.report_sections()
    finally:
        settings.remove("moemae_qgis/dialog/mirror")
        settings.remove("moemae_qgis/dialog/probe")
    assert text.splitlines()[0].startswith(f"QGIS {Qgis.version()}, Qt 5.")
    assert "  moemae_qgis/dialog/probe = published-S-eurosat10" in text
    assert "  moemae_qgis/dialog/mirror = https://someone:****@mirror.example/m.pt" in text
    assert "secret" not in text
    bundled = paths.RESOURCES_DIR / "models" / "moemae_S_bigearthnet_sample.pt"
    assert f"  {hashlib.sha256(bundled.read_bytes()).hexdigest()}  {bundled}" in text
    assert f"  {hashlib.sha256(b'not really a model').hexdigest()}  {user_model}" in text
    assert "catalogue.json" not in text

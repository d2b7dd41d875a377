"""The model catalogue, the published probe heads and downloads from a real HTTP server on
127.0.0.1 (serving the repository's fixture checkpoint, in the published format, under the
published file name): whole, resumed after a cut, corrupted, missing, refused, cancelled."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal

from backend import catalogue
from backend.errors import UserError
from backend.progress import Cancelled, NullProgress
from helpers import DATA, LIVERPOOL, PUBLISHED_NAME, REFERENCE, assert_one_error_line, mtl_of

FIXTURE = REFERENCE / "moe_mae_S_fixture_checkpoint.pth"
EXPECTED = REFERENCE / "moe_mae_S_fixture_expected.npz"
HEADS = DATA / "published-probes"


def published():
    return catalogue.model_entry(catalogue.PUBLISHED_MODEL)


# --------------------------------------------------------------------------- the catalogue
def test_the_catalogue_names_both_models_and_every_probe_belongs_to_one():
    models, probes = catalogue.read_catalogue()
    assert [m.name for m in models] == ["demo-S", "published-S"]
    assert published().url.startswith("https://huggingface.co/albughdadim/") and published().licence == "MIT"
    for probe in probes:
        assert catalogue.model_entry(probe.model) is not None and probe.path.is_file(), probe.name
    assert catalogue.default_probe("published-S").name == "eurosat10-cls"
    assert catalogue.default_probe("demo-S").path == catalogue.DEFAULT_PROBE


def test_a_model_not_downloaded_is_refused_saying_how_to_get_it(tmp_path, cli):
    code, _, err = cli("classify", LIVERPOOL, "--model", "published-S", "--out", tmp_path / "map.tif")
    assert_one_error_line(code, err, "published-S", "is not downloaded yet",
                          "python -m backend models download published-S")


def test_the_published_heads_are_refused_with_the_demonstration_model(tmp_path, cli):
    code, _, err = cli("classify", LIVERPOOL, "--probe", "eurosat10-cls", "--stride", "40", "--device", "cpu",
                       "--out", tmp_path / "map.tif")
    assert_one_error_line(code, err,
                          "the probe published_eurosat10_cls.json belongs to the model published-S",
                          "not to moemae_S_bigearthnet_sample.pt")
    assert not (tmp_path / "map.tif").exists()


# --------------------------------------------------------------------------- the published heads
@pytest.mark.parametrize("name", ["bigearthnet19_mean", "bigearthnet19_cls", "bigearthnet19_all",
                                  "eurosat10_mean", "eurosat10_cls", "eurosat10_all"])
def test_each_published_head_is_evaluated_as_its_readme_specifies(name):
    """Features from the project's own pipeline (the fixture model on the fixture patches) through
    the shipped probe, against the README's arithmetic on the reference's pre-norm tokens and the
    authors' arrays: mean of the 105 tokens, token 4, or all flattened row-major; sigmoid per
    class (BigEarthNet) or softmax (EuroSAT); no scaling."""
    from backend.checkpoint import load_pretrained
    from backend.embed import embed_tiles
    from backend.probe import LinearProbe

    reference = np.load(EXPECTED)
    # (4, 105, 144): week, hour, lat, lon, CLS, then the 100 patch tokens
    tokens = reference["tokens_prenorm"].astype(np.float64)
    heads = np.load(HEADS / f"{name}.npz")
    pooling = name.split("_")[1]
    features = {"mean": tokens.mean(axis=1), "cls": tokens[:, 4, :],
                "all": tokens.reshape(4, 105 * 144)}[pooling]
    logits = features @ heads["coef"].T + heads["intercept"]
    if name.startswith("bigearthnet"):
        expected = 1 / (1 + np.exp(-logits))
    else:
        expected = np.exp(logits - logits.max(axis=1, keepdims=True))
        expected /= expected.sum(axis=1, keepdims=True)

    probe = LinearProbe.load(catalogue.BUNDLED_DIR / f"published_{name}.json")
    assert np.array_equal(probe.coef, heads["coef"]) and np.array_equal(probe.intercept, heads["intercept"])
    assert probe.scaler_mean is None and not probe.normed and probe.use_metadata
    meta = np.stack([reference[f"meta_{k}"] for k in ("week", "hour", "lat", "lon")], axis=1)
    ours = embed_tiles(load_pretrained(FIXTURE), reference["center_crop_uint16"], meta, pooling=probe.pooling,
                       normed=probe.normed, precision="float32")
    np.testing.assert_allclose(probe.predict_proba(ours), expected, atol=2e-4)
    assert json.loads((HEADS / f"{name}.json").read_text())["classes"] == probe.class_names


# --------------------------------------------------------------------------- downloads
def test_a_whole_download_is_verified_registered_and_used_with_its_default_head(server, tmp_path, cli):
    code, out, err = cli("models", "download", "published-S", "--url", server.url())
    assert code == 0, err
    path = published().path
    assert path.read_bytes() == FIXTURE.read_bytes() and not Path(f"{path}.part").exists()
    record = json.loads(Path(f"{path}{catalogue.RECORD_SUFFIX}").read_text())
    assert record["sha256"] == catalogue.file_sha256(FIXTURE) and record["url"] == server.url()
    assert catalogue.identify(path) == "published-S" and catalogue.default_model().name == "published-S"
    code, out, _ = cli("models")
    assert "published-S          downloaded" in out
    code, out, err = cli("classify", mtl_of(LIVERPOOL), "--model", "published-S", "--stride", "40",
                         "--device", "cpu", "--out", tmp_path / "map.tif")
    assert code == 0, err
    written = gdal.Open(str(tmp_path / "map.tif"))
    assert written.GetMetadataItem("MODEL") == PUBLISHED_NAME
    assert written.GetMetadataItem("PROBE") == "published_eurosat10_cls.json"
    assert written.GetMetadataItem("MODEL_IS_DEMONSTRATION") == "no" and "demonstration" not in err
    band = written.GetRasterBand(1)
    band.GetNoDataValue()  # GDAL 3.6 reads the .aux.xml (class names) only after such a call
    assert band.GetCategoryNames()[:10] == ["AnnualCrop", "Forest", "HerbaceousVegetation", "Highway",
                                            "Industrial", "Pasture", "PermanentCrop", "Residential", "River",
                                            "SeaLake"]


def test_a_cut_connection_is_resumed_with_a_range_request(server):
    from backend.download import download_model

    path = download_model(published(), server.url("cut"))
    assert path.read_bytes() == FIXTURE.read_bytes()
    assert server.ranges == [f"bytes={len(FIXTURE.read_bytes()) // 2}-"]


def test_a_cancel_keeps_what_arrived_and_the_next_run_resumes(server):
    from backend.download import download_model, part_path

    class CancelSoon(NullProgress):
        def check(self):
            if self.count >= 1 << 20:
                raise Cancelled("cancelled")

    with pytest.raises(Cancelled):
        download_model(published(), server.url(), progress=CancelSoon())
    part = part_path(published().path)
    assert not published().path.exists() and 1 << 20 <= part.stat().st_size < FIXTURE.stat().st_size
    download_model(published(), server.url())
    assert published().path.read_bytes() == FIXTURE.read_bytes() and server.ranges


def test_a_body_that_is_not_a_checkpoint_is_refused_and_nothing_kept(server, cli):
    code, _, err = cli("models", "download", "published-S", "--url", server.url("corrupt"))
    assert_one_error_line(code, err, "is not the model published-S", "nothing was kept")
    assert not list(published().path.parent.glob("pretrained_S_best*"))


def test_http_and_network_failures_say_what_to_do(server, cli):
    code, _, err = cli("models", "download", "published-S", "--url", server.url("missing"))
    assert_one_error_line(code, err, "does not exist on the server (HTTP 404)")
    port = server.server_address[1]
    server.shutdown()
    server.server_close()
    code, _, err = cli("models", "download", "published-S", "--url", f"http://127.0.0.1:{port}/x.pth")
    assert_one_error_line(code, err, "127.0.0.1:", "refused the connection")
    code, _, err = cli("models", "download", "published-S", "--url", "http://no-such-host.invalid/x.pth")
    assert_one_error_line(code, err, "cannot find no-such-host.invalid (DNS")


def test_a_downloaded_model_that_changed_is_refused_as_damaged(server, tmp_path, cli):
    from backend.download import download_model

    path = download_model(published(), server.url())
    content = bytearray(path.read_bytes())
    content[-100] ^= 0xFF
    path.write_bytes(bytes(content))
    code, _, err = cli("classify", LIVERPOOL, "--model", "published-S", "--out", tmp_path / "map.tif")
    assert_one_error_line(code, err, "changed since it was downloaded", "download it again")


def test_http_error_messages_for_refusals_and_server_failures():
    from backend.download import http_error

    assert "HTTP 403 Forbidden" in http_error("https://h/x", 403, "Forbidden")
    assert "proxy asks for credentials (HTTP 407)" in http_error("https://h/x", 407)
    assert "try again later" in http_error("https://h/x", 503, "Service Unavailable")


def test_a_full_disk_keeps_what_arrived_and_says_so(server, monkeypatch):
    import errno

    from backend import download

    real_open = open

    class FillsUp:
        """A file on a disk that is full after 1 MB."""

        def __init__(self, path, mode):
            self.file = real_open(path, mode)

        def write(self, block):
            if self.file.tell() >= 1 << 20:
                raise OSError(errno.ENOSPC, "No space left on device")
            return self.file.write(block)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.file.close()

    monkeypatch.setattr(download, "open", FillsUp, raising=False)
    with pytest.raises(UserError, match="what arrived is kept: free some space and run the download again"):
        download.download_model(published(), server.url())
    assert download.part_path(published().path).stat().st_size >= 1 << 20
    assert not published().path.exists()

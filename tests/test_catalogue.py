"""The model catalogue, the published probe heads and downloads from a real HTTP server on
127.0.0.1 (serving the repository's fixture checkpoint, in the published format, under the
published file name): whole, resumed after a cut, corrupted, missing, refused, cancelled."""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
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


def blob_sha1(data: bytes) -> str:
    """A git blob id, as git computes it (written here again, not taken from the code tested)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def left_in_models_folder() -> list:
    folder = published().path.parent
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


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
    assert f"saved {path}, verified against the authors' repository: AlbughdadiM/geo-moe-mae at " in out
    assert path.read_bytes() == FIXTURE.read_bytes() and not Path(f"{path}.part").exists()
    record = json.loads(Path(f"{path}{catalogue.RECORD_SUFFIX}").read_text())
    assert record["sha256"] == hashlib.sha256(FIXTURE.read_bytes()).hexdigest()
    assert record["url"] == server.url()
    assert record["git_blob_sha1"] == blob_sha1(FIXTURE.read_bytes())
    assert record["verified"].startswith("verified against the authors' repository: AlbughdadiM/geo-moe-mae")
    assert catalogue.identify(path) == "published-S" and catalogue.default_model().name == "published-S"
    code, out, _ = cli("models")
    assert re.search(r"^model  published-S +downloaded, verified against the authors' repository ", out, re.M)
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


# --------------------------------------------------------------------------- the authors' pin
def test_the_published_model_is_pinned_to_the_authors_repository():
    pin = published().pin
    assert (pin.repository, pin.commit[:8], pin.date) == ("AlbughdadiM/geo-moe-mae", "f1116f4a", "2025-09-13")
    assert pin.path == "weights/moe_mae_bigearthnet_ls/pretrained_S_best.pth"
    assert pin.git_blob_sha1 == "600cdf535fa7fefbf89fbfaeda25bf47285b0a8b"
    assert catalogue.model_entry(catalogue.DEMONSTRATION_MODEL).pin is None


def test_a_files_git_blob_sha1_is_what_git_hash_object_says(tmp_path):
    padded = tmp_path / "padded.pth"
    padded.write_bytes(FIXTURE.read_bytes() + b"\0" * 1000)
    for path in (FIXTURE, padded):
        git = subprocess.run(["git", "hash-object", "--no-filters", str(path)], capture_output=True,
                             text=True, check=True).stdout.strip()
        assert catalogue.git_blob_sha1(path) == git == blob_sha1(path.read_bytes())


def test_a_mirror_serving_another_file_is_refused_by_its_announced_size(mirror, cli):
    """The random-weight fixture in the published format (10 MB against about 30) is refused
    from the headers, before its first byte; the part of an earlier try goes with it."""
    published().path.parent.mkdir(parents=True)
    Path(f"{published().path}.part").write_bytes(b"PK\x03\x04 an earlier try")
    code, _, err = cli("models", "download", "published-S", "--url", mirror.url())
    assert_one_error_line(code, err, f"what 127.0.0.1:{mirror.server_address[1]} sent is not the model "
                          "published-S (it is 9.9 MB, far from the catalogue's about 30 MB, as announced); "
                          "nothing was kept", "save it and add it as a model of your own, under another "
                          "name: python -m backend models add FILE --name NAME")
    assert left_in_models_folder() == [] and catalogue.default_model().name == "demo-S"


def test_a_file_of_the_right_size_that_is_not_the_authors_is_refused(mirror, cli):
    mirror.body = FIXTURE.read_bytes() + bytes(20 << 20)  # about 30 MB: only the pin tells it apart
    code, _, err = cli("models", "download", "published-S", "--url", mirror.url())
    assert_one_error_line(code, err, "is not the model published-S (its git blob SHA-1 is "
                          f"{blob_sha1(mirror.body)[:12]}…, not the 600cdf535fa7… of AlbughdadiM/geo-moe-mae "
                          "at f1116f4a (2025-09-13), weights/moe_mae_bigearthnet_ls/pretrained_S_best.pth); "
                          "nothing was kept", "models add FILE --name NAME")
    assert left_in_models_folder() == []


def test_a_refused_file_keeps_the_demonstration_warning_and_can_be_added_as_ones_own(cli, tmp_path):
    own = tmp_path / "mine.pth"
    shutil.copy(FIXTURE, own)
    code, _, err = cli("models", "download", "published-S", "--url", own.as_uri())
    assert_one_error_line(code, err, "far from the catalogue's about 30 MB",
                          f"python -m backend models add {own} --name NAME")
    assert own.read_bytes() == FIXTURE.read_bytes() and left_in_models_folder() == []
    code, out, err = cli("classify", mtl_of(LIVERPOOL), "--stride", "40", "--device", "cpu",
                         "--out", tmp_path / "map.tif")
    assert code == 0 and f"warning: {catalogue.DEMONSTRATION_WARNING}" in out, err
    assert gdal.Open(str(tmp_path / "map.tif")).GetMetadataItem("MODEL_IS_DEMONSTRATION") == "yes"

    code, out, err = cli("models", "add", own, "--name", "amazon-S")
    added = published().path.parent / "amazon-S.pth"
    assert code == 0 and out.startswith(f"added {added} as a model of your own"), err
    assert added.read_bytes() == own.read_bytes() == FIXTURE.read_bytes() and not published().available
    assert catalogue.identify(added) is None and catalogue.default_model().name == "demo-S"
    code, out, _ = cli("models")
    row = next(line for line in out.splitlines() if line.startswith("model  amazon-S.pth"))
    assert " yours, unverified " in row and "published" not in row, row
    assert re.search(r"^model  published-S +not downloaded \(about 30 MB\) ", out, re.M)

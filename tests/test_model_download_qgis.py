"""Downloading the published model inside QGIS, through QgsNetworkAccessManager, from a real
HTTP server on 127.0.0.1: whole with progress, resumed after a cut, a 404, a cancel, a body that
is no checkpoint; and, with the catalogue as shipped, a mirror that serves another file than the
authors'."""
from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

import pytest
from qgis.PyQt.QtCore import QCoreApplication

from backend import catalogue
from helpers import REFERENCE, run_qgis_download

FIXTURE = REFERENCE / "moe_mae_S_fixture_checkpoint.pth"


def published_path():
    return catalogue.model_entry(catalogue.PUBLISHED_MODEL).path


def test_a_download_in_qgis_reports_progress_verifies_and_registers(qgis_app, server):
    ok, message, seen = run_qgis_download(server.url("slow"))
    assert ok, message
    assert message == str(published_path()) and published_path().read_bytes() == FIXTURE.read_bytes()
    assert seen[-1] == (FIXTURE.stat().st_size, FIXTURE.stat().st_size) and len(seen) >= 3
    assert [received for received, _ in seen] == sorted(received for received, _ in seen)
    assert catalogue.identify(published_path()) == catalogue.PUBLISHED_MODEL
    record = json.loads(Path(f"{published_path()}{catalogue.RECORD_SUFFIX}").read_text())
    assert record["verified"].startswith("verified against the authors' repository: AlbughdadiM/geo-moe-mae")


def test_a_cut_connection_in_qgis_is_resumed(qgis_app, server):
    ok, message, _ = run_qgis_download(server.url("cut"))
    assert ok, message
    assert published_path().read_bytes() == FIXTURE.read_bytes()
    assert server.ranges == [f"bytes={FIXTURE.stat().st_size // 2}-"]


def test_a_cancel_in_qgis_keeps_what_arrived_for_the_next_download(qgis_app, server):
    ok, message, _ = run_qgis_download(server.url("slow"), cancel_after=1 << 20)
    assert not ok and message.startswith("Cancelled: what arrived is kept")
    part = published_path().with_name(published_path().name + ".part")
    assert 1 << 20 <= part.stat().st_size < FIXTURE.stat().st_size and not published_path().exists()
    ok, message, _ = run_qgis_download(server.url())
    assert ok, message
    assert published_path().read_bytes() == FIXTURE.read_bytes()
    assert server.ranges and server.ranges[-1] != "bytes=0-"  # resumed where the cancel left it


@pytest.mark.parametrize("mode, fragment", [("missing", "does not exist on the server (HTTP 404)"),
                                            ("corrupt", "is not the model published-S")])
def test_a_failed_download_in_qgis_says_why_and_keeps_nothing(qgis_app, server, mode, fragment):
    ok, message, _ = run_qgis_download(server.url(mode))
    assert not ok and fragment in message, message
    assert not published_path().exists()


# --------------------------------------------------------------------------- the authors' pin
def test_a_mirror_serving_another_file_is_refused_in_qgis_before_its_first_byte(qgis_app, mirror):
    part = published_path().with_name(published_path().name + ".part")
    part.parent.mkdir(parents=True)
    part.write_bytes(b"PK\x03\x04 an earlier try")
    ok, message, _ = run_qgis_download(mirror.url("slow"))
    assert not ok and ("is not the model published-S (it is 9.9 MB, far from the catalogue's about 30 MB, as "
                       "announced); nothing was kept") in message, message
    assert "python -m backend models add FILE --name NAME" in message and "\n" not in message
    assert not list(published_path().parent.iterdir())  # no model, no record, no part


def test_a_file_of_the_right_size_that_is_not_the_authors_is_refused_in_qgis(qgis_app, mirror):
    mirror.body = FIXTURE.read_bytes() + bytes(20 << 20)  # about 30 MB: only the pin tells it apart
    blob = hashlib.sha1(b"blob %d\0" % len(mirror.body) + mirror.body).hexdigest()
    ok, message, _ = run_qgis_download(mirror.url())
    expected = f"(its git blob SHA-1 is {blob[:12]}…, not the 600cdf535fa7… of AlbughdadiM/geo-moe-mae"
    assert not ok and expected in message, message
    assert not list(published_path().parent.iterdir())
    assert catalogue.default_model().name == catalogue.DEMONSTRATION_MODEL


# --------------------------------------------------------------------------- the dialog's model list
def test_the_dialog_lists_models_by_name_and_downloads_the_published_one(provider, qgis_iface, server):
    from moemae_qgis.dialog import ClassifyDialog

    dialog = ClassifyDialog(qgis_iface)
    labels = [dialog.model.itemText(i) for i in range(dialog.model.count())]
    assert labels == ["MoE-MAE S, demonstration (pretrained on 150 patches): a demonstration, expect rough "
                      "maps",
                      "MoE-MAE S, published (pretrained on BigEarthNet-L): not downloaded, about "
                      f"{catalogue.model_entry('published-S').approx_mb:g} MB"]  # pinned to the fixture: 9.9
    assert dialog.model.currentData() == "demo-S" and not dialog.model_note.isHidden()
    assert [dialog.probe.itemData(i) for i in range(dialog.probe.count())] == ["bigearthnet19-demo"]
    dialog.picker.choose(dialog.model, "published-S")
    assert not dialog.picker.download.isHidden() and not dialog.picker.ready()
    assert dialog.model_note.isHidden()
    dialog.picker.mirror.setText(server.url("slow"))
    statuses = []
    dialog.picker.message.connect(statuses.append)
    dialog.picker.download.click()
    assert dialog.cancel_button.isEnabled()  # Cancel stops a download too
    deadline = time.monotonic() + 60
    while dialog.picker.download_job is not None and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.005)
    assert any(s.startswith("Downloading published-S: ") and s.endswith(" MB") for s in statuses), statuses
    assert dialog.status.text().startswith(
        "Downloaded published-S, verified against the authors' repository: ")
    assert dialog.model.currentText() == "MoE-MAE S, published (pretrained on BigEarthNet-L)"
    assert dialog.picker.download.isHidden() and dialog.picker.ready()
    assert not dialog.cancel_button.isEnabled()
    probes = [dialog.probe.itemData(i) for i in range(dialog.probe.count())]
    assert probes[0] == "eurosat10-cls" and "bigearthnet19-mean" in probes and len(probes) == 6
    assert dialog.parameters()["MODEL"] == "published-S" and dialog.parameters()["PROBE"] == "eurosat10-cls"

"""Downloading the published model inside QGIS, through QgsNetworkAccessManager, from a real
HTTP server on 127.0.0.1: whole with progress, resumed after a cut, a 404, a cancel, a body that
is no checkpoint."""
from __future__ import annotations

import time

import pytest
from qgis.PyQt.QtCore import QCoreApplication

from backend import catalogue
from helpers import REFERENCE

FIXTURE = REFERENCE / "moe_mae_S_fixture_checkpoint.pth"


def run_download(url, cancel_after: int | None = None, seconds: float = 60):
    """A ModelDownload run to its end with the event loop turning: (ok, message, progress seen)."""
    from moemae_qgis.model_download import ModelDownload

    job, seen, outcome = ModelDownload(catalogue.PUBLISHED_MODEL, url), [], []
    job.progressed.connect(lambda received, total: seen.append((received, total)))
    job.finished.connect(lambda ok, message: outcome.append((ok, message)))
    if cancel_after is not None:
        job.progressed.connect(lambda received, total: received >= cancel_after and job.cancel())
    job.start()
    deadline = time.monotonic() + seconds
    while not outcome and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.005)
    assert outcome, "the download did not finish"
    return outcome[0][0], outcome[0][1], seen


def published_path():
    return catalogue.model_entry(catalogue.PUBLISHED_MODEL).path


def test_a_download_in_qgis_reports_progress_verifies_and_registers(qgis_app, server):
    ok, message, seen = run_download(server.url("slow"))
    assert ok, message
    assert message == str(published_path()) and published_path().read_bytes() == FIXTURE.read_bytes()
    assert seen[-1] == (FIXTURE.stat().st_size, FIXTURE.stat().st_size) and len(seen) >= 3
    assert [received for received, _ in seen] == sorted(received for received, _ in seen)
    assert catalogue.identify(published_path()) == catalogue.PUBLISHED_MODEL


def test_a_cut_connection_in_qgis_is_resumed(qgis_app, server):
    ok, message, _ = run_download(server.url("cut"))
    assert ok, message
    assert published_path().read_bytes() == FIXTURE.read_bytes()
    assert server.ranges == [f"bytes={FIXTURE.stat().st_size // 2}-"]


def test_a_cancel_in_qgis_keeps_what_arrived_for_the_next_download(qgis_app, server):
    ok, message, _ = run_download(server.url("slow"), cancel_after=1 << 20)
    assert not ok and message.startswith("Cancelled: what arrived is kept")
    part = published_path().with_name(published_path().name + ".part")
    assert 1 << 20 <= part.stat().st_size < FIXTURE.stat().st_size and not published_path().exists()
    ok, message, _ = run_download(server.url())
    assert ok, message
    assert published_path().read_bytes() == FIXTURE.read_bytes()
    assert server.ranges and server.ranges[-1] != "bytes=0-"  # resumed where the cancel left it


@pytest.mark.parametrize("mode, fragment", [("missing", "does not exist on the server (HTTP 404)"),
                                            ("corrupt", "is not the model published-S")])
def test_a_failed_download_in_qgis_says_why_and_keeps_nothing(qgis_app, server, mode, fragment):
    ok, message, _ = run_download(server.url(mode))
    assert not ok and fragment in message, message
    assert not published_path().exists()

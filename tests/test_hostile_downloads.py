"""Hostile servers against both download paths (the CLI's urllib, QGIS's network stack), one test
per finding of issue 19 (findings 1 and 2) and of the attack that followed: an error answer to
a resumed download, a gzip body, a size the disk cannot hold, a body longer than announced or
endless, a Content-Range that lies, a part longer than the file, redirects to loops and to other
schemes, a server that never answers, and two downloads at once. Every server is real, on
127.0.0.1, sends a bounded number of bytes, and stops with its test."""
from __future__ import annotations

import gzip
import http.server
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from backend import catalogue, download
from backend.errors import UserError
from backend.progress import NullProgress
from helpers import PUBLISHED_NAME, REFERENCE, REPO, assert_one_error_line, run_qgis_download

FIXTURE = REFERENCE / "moe_mae_S_fixture_checkpoint.pth"
BODY = FIXTURE.read_bytes()
EARLIER = BODY[:3 << 20]  # a good part: the first 3 MB of the file, from an earlier try


def published():
    return catalogue.model_entry(catalogue.PUBLISHED_MODEL)


def part():
    return download.part_path(published().path)


def with_good_part() -> Path:
    part().parent.mkdir(parents=True, exist_ok=True)
    part().write_bytes(EARLIER)
    return part()


class Hostile(http.server.ThreadingHTTPServer):
    """A server whose every GET is answered by ``answer(handler)``; counts the body bytes it
    managed to send, and the Range and Accept-Encoding headers it was sent."""

    daemon_threads = True

    def __init__(self, answer):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.answer, self.sent, self.ranges, self.encodings = answer, 0, [], []

    def url(self, path: str = PUBLISHED_NAME) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/{path}"

    def handle_error(self, request, client_address):  # a client that hangs up is no server error
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        self.server.ranges.append(self.headers.get("Range"))
        self.server.encodings.append(self.headers.get("Accept-Encoding"))
        self.server.answer(self)

    def send(self, data: bytes) -> None:
        self.wfile.write(data)
        self.server.sent += len(data)


@pytest.fixture
def hostile(pinned_to_fixture):
    """``hostile(answer)``: a running Hostile server (stopped after the test), the catalogue
    pinned to the fixture checkpoint, so that only the server's behaviour is on trial."""
    servers = []

    def start(answer):
        server = Hostile(answer)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return server
    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def headers(handler, status: int, **fields) -> None:
    handler.send_response(status)
    for name, value in fields.items():
        handler.send_header(name.replace("_", "-"), str(value))
    handler.end_headers()


def serve_ranges(handler) -> None:
    """A correct server: Range honoured, the file as it is."""
    start = int((handler.headers.get("Range") or "bytes=0-").split("=")[1].split("-")[0])
    if start:
        headers(handler, 206, Content_Range=f"bytes {start}-{len(BODY) - 1}/{len(BODY)}",
                Content_Length=len(BODY) - start)
    else:
        headers(handler, 200, Content_Length=len(BODY))
    handler.send(BODY[start:])


def cli_download(cli, url):
    return cli("models", "download", "published-S", "--url", url)


# --------------------------------------------------------------------------- the QGIS path
PATHS = ["cli", "qgis"]


def run_path(which, cli, url):
    """(ok, the one line said) of a download by the CLI or in QGIS."""
    if which == "qgis":
        ok, message, _ = run_qgis_download(url)
        assert "\n" not in message
        return ok, message
    code, _, err = cli_download(cli, url)
    if code:
        assert_one_error_line(code, err)
    return code == 0, err.strip().splitlines()[-1] if code else ""


# --------------------------------------------------------------------------- finding 1: data loss
@pytest.mark.parametrize("which", PATHS)
def test_an_error_answer_to_a_resumed_download_leaves_the_part_as_it_was(which, cli, hostile, qgis_app):
    def not_found(handler):
        handler.send_error(404)
    server = hostile(not_found)
    with_good_part()
    ok, message = run_path(which, cli, server.url())
    assert not ok and "does not exist on the server (HTTP 404)" in message, message
    assert server.ranges == [f"bytes={len(EARLIER)}-"]
    assert part().read_bytes() == EARLIER  # not the error page, not appended to
    server.answer = serve_ranges
    ok, message = run_path(which, cli, server.url())
    assert ok, message
    assert published().path.read_bytes() == BODY and server.ranges[-1] == f"bytes={len(EARLIER)}-"


@pytest.mark.parametrize("which", PATHS)
def test_a_gzip_body_is_refused_not_inflated_onto_the_disk(which, cli, hostile, qgis_app):
    bomb = gzip.compress(bytes(200 << 20))  # 200 MB of zeros in about 200 KB

    def gzipped(handler):
        headers(handler, 200, Content_Encoding="gzip", Content_Length=len(bomb))
        handler.send(bomb)
    server = hostile(gzipped)
    with_good_part()
    ok, message = run_path(which, cli, server.url())
    assert not ok and "sent the file encoded (gzip) though it was asked for it as it is" in message, message
    assert "nothing of it was written (what arrived before is kept)" in message
    assert server.encodings == ["identity"]  # asked for the bytes as they are
    assert part().read_bytes() == EARLIER and not published().path.exists()


@pytest.mark.parametrize("which", PATHS)
def test_a_size_the_disk_cannot_hold_is_refused_before_the_first_byte(which, cli, hostile, qgis_app,
                                                                      monkeypatch):
    import shutil
    from collections import namedtuple

    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(download.shutil, "disk_usage",
                        lambda folder: usage(1 << 40, (1 << 40) - (1 << 20), 1 << 20) if Path(folder) ==
                        part().parent else shutil.disk_usage.__wrapped__(folder) if hasattr(
                            shutil.disk_usage, "__wrapped__") else usage(1 << 40, 0, 1 << 40))
    server = hostile(serve_ranges)
    with_good_part()
    ok, message = run_path(which, cli, server.url())
    remaining = (len(BODY) - len(EARLIER)) / 2**20
    assert not ok and (f"the download needs {remaining:.1f} MB more in {part().parent}, but only 1.0 MB are "
                       "free; free some space and download again (what arrived before is kept)") in message
    assert part().read_bytes() == EARLIER


@pytest.mark.parametrize("which", PATHS)
def test_a_huge_announced_size_is_refused_before_the_first_byte(which, cli, hostile, qgis_app):
    def huge(handler):
        headers(handler, 200, Content_Length=10 << 30)
        handler.send(BODY[:1 << 20])
    server = hostile(huge)
    ok, message = run_path(which, cli, server.url())
    assert not ok and "(it is 10240.0 MB, far from the catalogue's about 9.9 MB, as announced)" in message
    assert not part().exists() and not published().path.exists()


@pytest.mark.parametrize("which", PATHS)
def test_an_endless_body_that_announced_nothing_is_cut_at_the_most_the_model_can_be(which, cli, hostile,
                                                                                  qgis_app):
    def endless(handler):  # HTTP/1.0, no Content-Length: the body ends when the server closes
        headers(handler, 200)
        for _ in range(100):  # 100 MB at most, so that the test ends whatever happens
            handler.send(bytes(1 << 20))
    server = hostile(endless)
    ok, message = run_path(which, cli, server.url())
    assert not ok and "is not the model published-S (it is larger than the model can be)" in message, message
    assert not part().exists()
    # Cut at twice the catalogue's 9.9 MB, give or take what the sockets buffer: not 100 MB.
    assert server.sent < 40 << 20, server.sent


@pytest.mark.parametrize("which", PATHS)
def test_a_range_that_lies_leaves_the_part_as_it_was(which, cli, hostile, qgis_app):
    def from_zero(handler):  # asked for bytes 3 MB-, it sends the whole file as a 206
        headers(handler, 206, Content_Range=f"bytes 0-{len(BODY) - 1}/{len(BODY)}", Content_Length=len(BODY))
        handler.send(BODY)
    server = hostile(from_zero)
    with_good_part()
    ok, message = run_path(which, cli, server.url())
    assert not ok and (f"answered with the bytes bytes 0-{len(BODY) - 1}/{len(BODY)} (Content-Length "
                       f"{len(BODY)}) when bytes {len(EARLIER)}- were asked") in message, message
    assert part().read_bytes() == EARLIER


@pytest.mark.parametrize("which", PATHS)
def test_a_part_longer_than_the_file_starts_over_and_a_whole_one_is_kept(which, cli, hostile, qgis_app):
    def range_aware(handler):
        start = int((handler.headers.get("Range") or "bytes=0-").split("=")[1].split("-")[0])
        if start >= len(BODY):
            headers(handler, 416, Content_Range=f"bytes */{len(BODY)}", Content_Length=0)
            return
        serve_ranges(handler)
    server = hostile(range_aware)
    part().parent.mkdir(parents=True)
    part().write_bytes(BODY + b"junk of an earlier, longer file")
    ok, message = run_path(which, cli, server.url())
    assert ok, message
    assert published().path.read_bytes() == BODY and server.ranges[-1] is None  # started over
    published().path.unlink()
    part().write_bytes(BODY)  # whole already: checked, not fetched again
    sent = server.sent
    ok, message = run_path(which, cli, server.url())
    assert ok and published().path.read_bytes() == BODY and server.sent == sent, message


def test_a_body_longer_than_announced_keeps_only_what_was_announced(cli, hostile, qgis_app):
    def longer(handler):  # the file, then junk past its Content-Length on a closing connection
        headers(handler, 200, Content_Length=len(BODY), Connection="close")
        handler.send(BODY + bytes(4 << 20))
    server = hostile(longer)
    for which in PATHS:
        ok, message = run_path(which, cli, server.url())
        assert ok, message
        assert published().path.read_bytes() == BODY
        published().path.unlink()


def test_the_progress_of_a_large_file_is_not_wrapped_at_2_gib(qgis_app, hostile):
    """The QGIS progress signal was pyqtSignal(int, int): a C++ int, -2147483648 past 2 GiB."""
    from moemae_qgis.model_download import ModelDownload

    job, seen = ModelDownload(catalogue.PUBLISHED_MODEL), []
    job.progressed.connect(lambda received, total: seen.append((received, total)))
    job.start_at = 3 << 30  # a resumed 5 GiB file
    job.report(1 << 20, 2 << 30)
    assert seen == [((3 << 30) + (1 << 20), 5 << 30)]


# --------------------------------------------------------------------------- redirects
@pytest.mark.parametrize("which", PATHS)
@pytest.mark.parametrize("target, fragment", [
    ("loop", "redirected the download and the redirect cannot be followed (HTTP 302: The HTTP server "
             "returned a redirect error that would lead to an infinite loop"),
    ("file:///etc/passwd", "redirected the download to file:///etc/passwd: only http and https addresses are "
                           "followed; check the URL"),
    ("ftp://127.0.0.1/x.pth", "redirected the download to ftp://127.0.0.1/x.pth: only http and https")])
def test_a_redirect_to_a_loop_or_another_scheme_is_one_line(which, target, fragment, cli, hostile, qgis_app):
    def redirect(handler):
        headers(handler, 302, Location=handler.server.url(f"again{time.monotonic_ns()}") if target == "loop"
                else target, Content_Length=0)
    server = hostile(redirect)
    with_good_part()
    ok, message = run_path(which, cli, server.url())
    assert not ok and message, message
    if which == "cli":
        assert fragment in message, message
    else:  # in Qt's words: "Too many redirects", "Unknown protocol specified"
        assert "redirected the download and the redirect cannot be followed (HTTP 302: " in message, message
    assert part().read_bytes() == EARLIER and len(server.ranges) <= 60


# --------------------------------------------------------------------------- finding 2: CLI robustness
def test_a_server_that_never_answers_is_said_to_have_not_answered(cli, pinned_to_fixture, monkeypatch):
    monkeypatch.setattr(download, "TIMEOUT_S", 1)
    with socket.socket() as silent:  # the kernel takes connections; nobody ever answers them
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port, began = silent.getsockname()[1], time.monotonic()
        code, _, err = cli_download(cli, f"http://127.0.0.1:{port}/{PUBLISHED_NAME}")
        took = time.monotonic() - began
    assert_one_error_line(code, err, f"127.0.0.1:{port} took the connection but did not answer within 1 s; "
                          "nothing came")
    assert "cut" not in err and took < 3, took


HOLD_LOCK = """
import sys, time
from backend import catalogue, download
lock = download.DownloadLock(catalogue.model_entry("published-S")).acquire()
print("held", flush=True)
time.sleep(60)
"""


@pytest.fixture
def other_download(pinned_to_fixture):
    """Another process holding the download lock of published-S, as a running download does."""
    import os

    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK], cwd=REPO, stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(REPO)})
    assert holder.stdout.readline().strip() == "held"
    yield holder
    holder.kill()
    holder.wait()


@pytest.mark.parametrize("which", PATHS)
def test_a_second_download_at_once_is_told_what_runs_and_the_part_is_untouched(which, cli, hostile,
                                                                              other_download, qgis_app):
    server = hostile(serve_ranges)
    with_good_part()
    ok, message = run_path(which, cli, server.url())
    assert not ok and (f"another download of published-S is running (pid {other_download.pid}); wait for it "
                       "or stop it") in message, message
    assert server.ranges == [] and part().read_bytes() == EARLIER
    other_download.kill()  # its lock goes with it, though its lock file stays
    other_download.wait()
    ok, message = run_path(which, cli, server.url())
    assert ok, message
    assert published().path.read_bytes() == BODY
    assert sorted(p.name for p in published().path.parent.iterdir()) == [
        PUBLISHED_NAME, PUBLISHED_NAME + catalogue.RECORD_SUFFIX]  # no part, no lock file left


def test_two_downloads_at_once_in_one_process_one_waits_its_turn(server, cli):
    """In one process (QGIS runs downloads side by side) the lock holds as well."""
    with download.DownloadLock(published()):
        code, _, err = cli_download(cli, server.url())
    assert_one_error_line(code, err, "another download of published-S is running (in this program)")
    code, _, err = cli_download(cli, server.url())
    assert code == 0, err


# --------------------------------------------------------------------------- finding 12: outside checkpoints
def flip_a_weight_byte(path: Path) -> None:
    """One bit of one stored weight flipped: the file still loads, and gives other embeddings."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        tensor = max((i for i in archive.infolist() if "/data/" in i.filename), key=lambda i: i.file_size)
    content = bytearray(path.read_bytes())
    content[tensor.header_offset + 30 + len(tensor.filename) + len(tensor.extra) + 100] ^= 0x40
    path.write_bytes(bytes(content))


def embed(cli, checkpoint, out):
    from helpers import LIVERPOOL

    return cli("embed", LIVERPOOL, "--model", checkpoint, "--stride", "40", "--device", "cpu", "--out", out)


def test_a_checkpoint_of_ones_own_is_recorded_then_a_change_is_warned_of(cli, tmp_path):
    import hashlib
    import json

    from osgeo import gdal

    from backend import checksums

    own = tmp_path / "my model.pth"
    own.write_bytes(BODY)
    code, out, err = embed(cli, own, tmp_path / "a.tif")
    assert code == 0 and "changed since" not in out, err
    assert gdal.Open(str(tmp_path / "a.tif")).GetMetadataItem("MODEL_VERIFIED") == "no (a file of your own)"
    first = hashlib.sha256(BODY).hexdigest()
    record = json.loads(checksums.registry_path().read_text())[str(own.resolve())]
    assert record["sha256"] == first and record["bytes"] == len(BODY)

    flip_a_weight_byte(own)
    now = hashlib.sha256(own.read_bytes()).hexdigest()
    code, out, err = embed(cli, own, tmp_path / "b.tif")
    assert code == 0, err
    assert (f"warning: the checkpoint {own} changed since it was first used on {record['first_used']} "
            f"(SHA-256 was {first[:16]}…, now {now[:16]}…)") in out, out
    code, out, err = embed(cli, own, tmp_path / "c.tif")  # still changed: said again
    assert code == 0 and f"changed since it was first used on {record['first_used']}" in out, err


def test_a_damaged_record_of_checkpoints_is_said_and_rebuilt(cli, tmp_path):
    import json

    from backend import checksums

    own = tmp_path / "mine.pth"
    own.write_bytes(BODY)
    checksums.registry_path().parent.mkdir(parents=True, exist_ok=True)
    checksums.registry_path().write_text('{"/x": {"sha256": "ab"')  # cut short
    code, out, err = embed(cli, own, tmp_path / "a.tif")
    assert code == 0, err
    assert f"warning: the record of checkpoint checksums {checksums.registry_path()} is damaged" in out, out
    assert list(json.loads(checksums.registry_path().read_text())) == [str(own.resolve())]


def test_the_bundled_and_downloaded_models_are_said_verified_and_not_recorded(cli, server, tmp_path):
    from osgeo import gdal

    from backend import checksums

    code, _, err = embed(cli, catalogue.DEFAULT_CHECKPOINT, tmp_path / "a.tif")
    assert code == 0, err
    assert gdal.Open(str(tmp_path / "a.tif")).GetMetadataItem("MODEL_VERIFIED") == "bundled"
    assert cli_download(cli, server.url())[0] == 0
    code, _, err = embed(cli, "published-S", tmp_path / "b.tif")
    assert code == 0, err
    verified = gdal.Open(str(tmp_path / "b.tif")).GetMetadataItem("MODEL_VERIFIED")
    assert verified.startswith("verified against the authors' repository: AlbughdadiM/geo-moe-mae"), verified
    assert not checksums.registry_path().exists()  # their own records vouch for them


def test_models_lists_a_checkpoint_of_ones_own_as_unverified_and_every_row_aligns(cli, server):
    import re

    assert cli_download(cli, server.url())[0] == 0
    (published().path.parent / "mine.pth").write_bytes(BODY)
    _code, out, _ = cli("models")
    rows = [line for line in out.splitlines() if not line.startswith(" ")]
    assert re.match(r"model  mine\.pth +yours, unverified +geo-moe-mae checkpoint layout", rows[-1]), rows
    assert re.match(r"model  published-S +downloaded, verified against the authors' repository +MoE-MAE S, "
                    "published", rows[1]), rows
    starts = {len(re.match(r"\S+ +\S+ +", row).group()) for row in rows}
    assert len(starts) == 1  # every status in one column
    summaries = {row.index(title) for row, title in zip(rows, ("MoE-MAE S, demonstration",
                                                              "MoE-MAE S, published", "geo-moe-mae"))}
    assert len(summaries) == 1, rows  # and every summary in the next


# --------------------------------------------------------------------------- December, second round
def test_a_file_url_naming_a_fifo_is_refused_before_it_is_opened(cli, tmp_path):
    """Issue 13: --url file://FIFO opened the FIFO and waited for a writer for ever."""
    import os

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    outcome = []
    worker = threading.Thread(target=lambda: outcome.append(cli_download(cli, f"file://{fifo}")), daemon=True)
    worker.start()
    worker.join(20)
    if worker.is_alive():  # unblock the open() that hangs, so the test ends (and fails)
        with open(fifo, "wb"):
            pass
        worker.join(20)
        pytest.fail("the download opened the FIFO and waited for a writer")
    code, _, err = outcome[0]
    assert_one_error_line(code, err, f"{fifo} is not a plain file (a FIFO, a device or a socket)")
    assert not part().exists()


@pytest.mark.parametrize("url, message", [
    ("127.0.0.1:18777/x", "'127.0.0.1:18777/x' is not a URL that can be downloaded (it has no scheme: "
                          "http://127.0.0.1:18777/x ?); give an http://, https:// or file:// URL"),
    ("localhost:18777/x", "'localhost:18777/x' is not a URL that can be downloaded (it has no scheme"),
    ("file:///no/such/model.pth", "/no/such/model.pth does not exist; check the file:// URL"),
    ("", "an empty URL (--url ''): give the mirror's http://, https:// or file:// URL, or leave --url out"),
])
def test_download_urls_that_cannot_be_are_said_for_what_they_are(cli, url, message, monkeypatch):
    """Issue 15: a missing file was a network failure ("check the proxy"), and an empty --url
    downloaded from the internet."""
    def no_network(*args, **kwargs):
        raise AssertionError("the download went to the network")
    monkeypatch.setattr(download.urllib.request.OpenerDirector, "open", no_network)
    code, out, err = cli_download(cli, url)
    assert_one_error_line(code, err, message)
    assert "proxy" not in err and "huggingface" not in out + err


def test_a_file_url_naming_a_folder_says_it_is_a_folder(cli, tmp_path):
    code, _, err = cli_download(cli, f"file://{tmp_path}")
    assert_one_error_line(code, err, f"{tmp_path} is a folder, not a checkpoint; give the file in it")
    assert "proxy" not in err


def drip(handler, count: int) -> None:
    """Headers, then a byte every 50 ms, ``count`` of them: a server that trickles."""
    headers(handler, 200, Content_Length=len(BODY))
    for _ in range(count):
        handler.send(BODY[handler.server.sent:handler.server.sent + 1])
        handler.wfile.flush()
        time.sleep(0.05)


def test_a_server_that_trickles_is_stalled_in_qgis_too(hostile, monkeypatch, qgis_app):
    """The QGIS download counted no pace: a byte every 50 ms kept it open for as long as the
    server liked. Now the backend's rule (a 1 s window here, 30 s in use) stops it, and what
    arrived is kept for the next Download… to resume."""
    monkeypatch.setattr(download, "STALL_WINDOW_S", 1.0)

    server = hostile(lambda handler: drip(handler, 400))
    started = time.monotonic()
    ok, message, _ = run_qgis_download(server.url(), seconds=15)
    assert not ok and time.monotonic() - started < 10
    assert re.fullmatch(r"the server 127\.0\.0\.1:\d+ is sending too slowly \(\d+ bytes in 1 s\); what "
                        r"arrived is kept: try again later \(the download resumes from there\) or use a "
                        r"mirror \(the mirror URL box under the model list\)", message), message
    kept = part().read_bytes()
    assert 0 < len(kept) <= server.sent and kept == BODY[:len(kept)]


def test_a_server_that_trickles_is_stalled_and_what_arrived_is_kept(hostile, monkeypatch):
    """Issue 14: headers, then a byte every 2 s: no progress, no timeout, no word, for hours. The
    window is 1 s here (30 s in use) and the server drips a byte every 50 ms, at most 200."""
    monkeypatch.setattr(download, "STALL_WINDOW_S", 1.0)

    server = hostile(lambda handler: drip(handler, 200))

    class Counted(NullProgress):
        def __init__(self):
            super().__init__()
            self.updates = 0

        def update(self, n: int = 1) -> None:
            super().update(n)
            self.updates += 1

    progress, started = Counted(), time.monotonic()
    part().parent.mkdir(parents=True, exist_ok=True)
    with pytest.raises(UserError, match=r"the server 127\.0\.0\.1:\d+ is sending too slowly \(\d+ "
                                                 r"bytes in 1 s\); what arrived is kept: try again later"):
        download.fetch(server.url(), part(), progress, published())
    assert time.monotonic() - started < 10
    assert progress.updates >= 5 and progress.count == part().stat().st_size  # a move per read
    assert part().read_bytes() == BODY[:progress.count]

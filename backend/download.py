"""Download a catalogue model: resumable, atomic, verified.

- Resumable: the bytes arrive in ``<file>.part`` (a name no loader takes for a model); a cut
  connection is resumed with an HTTP Range request (a few times in one run, and again by the
  next run), a server that ignores Range starts over.
- Verified: the size the server announced, then the file must load as a MoE-MAE checkpoint of
  the expected size (``torch.load(weights_only=True)``); its SHA-256 (and the catalogue's, when
  the catalogue knows one) is recorded beside it, and :func:`backend.catalogue.identify`
  compares it on every later load.
- Atomic: only a verified file is renamed into place; a body that is not a checkpoint is
  deleted, nothing else is touched.

This is the headless path (``python -m backend models download``, urllib, which honours the
``HTTPS_PROXY``/``HTTP_PROXY`` environment); QGIS downloads through its own network stack and
hands the finished ``.part`` file to :func:`finish`.
"""
from __future__ import annotations

import errno
import http.client
import json
import logging
import socket
import urllib.error
import urllib.request
from datetime import datetime, timezone
from pathlib import Path

from . import __version__
from .catalogue import RECORD_SUFFIX, ModelEntry, file_sha256
from .errors import UserError
from .files import write_atomically, write_failure
from .progress import NullProgress, Progress

log = logging.getLogger(__name__)

CHUNK_BYTES = 1 << 16
TIMEOUT_S = 30
#: Resumes after a cut connection within one run, before giving up (the next run resumes too).
RESUMES = 3
CUT = (http.client.IncompleteRead, ConnectionResetError, http.client.RemoteDisconnected, socket.timeout,
       TimeoutError)


def part_path(destination: Path) -> Path:
    return destination.with_name(destination.name + ".part")


def download_model(entry: ModelEntry, url: str | None = None, progress: Progress | None = None) -> Path:
    """Download ``entry`` (from ``url``, a mirror, or the catalogue's), verify and register it;
    returns its path. Raises :class:`UserError` saying what went wrong and what to do."""
    source = url or entry.url
    if not source:
        raise UserError(f"the model {entry.name} is bundled, there is nothing to download")
    destination = entry.path
    destination.parent.mkdir(parents=True, exist_ok=True)
    part = fetch(source, part_path(destination), progress or NullProgress())
    return finish(entry, part, source)


def fetch(url: str, part: Path, progress: Progress) -> Path:
    """The body at ``url`` into ``part``, resuming from what ``part`` already holds."""
    for attempt in range(RESUMES + 1):
        try:
            return _fetch_once(url, part, progress)
        except CUT as exc:
            have = part.stat().st_size if part.exists() else 0
            if attempt == RESUMES:
                raise UserError(f"the connection to {_host(url)} was cut ({type(exc).__name__}) after "
                                f"{have / 2**20:.1f} MB, {RESUMES} times; run the download again to resume "
                                "from there") from None
            log.warning(f"the connection was cut after {have / 2**20:.1f} MB; resuming")
    raise AssertionError("unreachable")


def _fetch_once(url: str, part: Path, progress: Progress) -> Path:
    start = part.stat().st_size if part.exists() else 0
    headers = {"User-Agent": f"moemae-qgis/{__version__}"}
    if start:
        headers["Range"] = f"bytes={start}-"
    try:
        response = urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=TIMEOUT_S)
    except ValueError as exc:  # no scheme, a broken address
        raise UserError(f"{url!r} is not a URL that can be downloaded ({exc}); give an http://, https:// or "
                        "file:// URL") from None
    except urllib.error.HTTPError as exc:
        if exc.code == 416 and start:  # the part is whole already, or longer than the file: start over
            part.unlink()
            return _fetch_once(url, part, progress)
        raise UserError(http_error(url, exc.code, exc.reason)) from None
    except urllib.error.URLError as exc:
        raise UserError(network_error(url, exc.reason)) from None
    with response:
        resumed = response.status == 206
        total = _announced_total(response, start if resumed else 0)
        progress.total, progress.count = total or 0, start if resumed else 0
        _write_body(response, part, "ab" if resumed else "wb", progress)
    size = part.stat().st_size
    if total is not None and size != total:
        raise http.client.IncompleteRead(b"", total - size)
    return part


def _announced_total(response, start: int) -> int | None:
    """The whole file's size, as the server announced it (Content-Range, else Content-Length)."""
    content_range = response.headers.get("Content-Range", "")
    if "/" in content_range and content_range.rsplit("/", 1)[1].isdigit():
        return int(content_range.rsplit("/", 1)[1])
    length = response.headers.get("Content-Length")
    return start + int(length) if length and length.isdigit() else None


def _write_body(response, part: Path, mode: str, progress: Progress) -> None:
    try:
        with open(part, mode) as out:
            while True:
                progress.check()  # a cancel keeps the part: the next run resumes from it
                block = response.read(CHUNK_BYTES)
                if not block:
                    break
                out.write(block)
                progress.update(len(block))
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise UserError(write_failure(part, exc) + "; what arrived is kept: free some space and run the "
                            "download again to resume") from None
        raise


def finish(entry: ModelEntry, part: Path, source: str) -> Path:
    """Check the downloaded ``part`` (a checkpoint of the entry's size, the catalogue's SHA-256
    when known), rename it into place and record where it came from; a body that is not a
    checkpoint is deleted."""
    from .catalogue import is_demonstration_model
    from .checkpoint import CheckpointError, load_pretrained

    try:
        _check_is_torch_file(part)
        model = load_pretrained(part)
        if model.config.size != entry.size:
            raise CheckpointError(f"it is a size-{model.config.size} model, not size {entry.size}")
        if not entry.demonstration and is_demonstration_model(model):
            raise CheckpointError("it holds the weights of the bundled demonstration model")
    except CheckpointError as exc:
        part.unlink(missing_ok=True)
        reason = str(exc).replace(str(part), "the file")
        raise UserError(f"what {_host(source)} sent is not the model {entry.name} ({reason}); nothing was "
                        "kept. Check the URL (a mirror may serve another file) and download again") from None
    sha256 = file_sha256(part)
    if entry.sha256 and sha256 != entry.sha256:
        part.unlink(missing_ok=True)
        raise UserError(f"what {_host(source)} sent has SHA-256 {sha256[:16]}…, not the catalogue's "
                        f"{entry.sha256[:16]}… for {entry.name}; nothing was kept")
    destination = entry.path
    part.replace(destination)
    record = {"catalogue": entry.name, "url": source, "sha256": sha256, "bytes": destination.stat().st_size,
              "downloaded": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    write_atomically(destination.with_name(destination.name + RECORD_SUFFIX),
                     lambda f: json.dump(record, f, indent=1))
    log.info(f"{entry.name}: {record['bytes'] / 2**20:.1f} MB, SHA-256 {sha256}, verified and saved as "
             f"{destination}")
    return destination


def _check_is_torch_file(path: Path) -> None:
    """A PyTorch file begins as a zip archive (or, in the legacy format, a pickle): anything else
    (a login page, an error page, garbage) is named for what it looks like."""
    from .checkpoint import CheckpointError

    with open(path, "rb") as handle:
        head = handle.read(64)
    if not head.startswith((b"PK\x03\x04", b"\x80")):
        looks = "an HTML page" if b"<html" in head.lower() or b"<!doctype" in head.lower() else (
            f"{len(head)} bytes" if len(head) < 64 else "not a PyTorch file")
        raise CheckpointError(f"it is {looks}, not a PyTorch checkpoint")


def http_error(url: str, code: int, reason: str = "") -> str:
    """What an HTTP error status means for the user (one line)."""
    return " ".join(_http_error(url, code, reason).split())


def _http_error(url: str, code: int, reason: str = "") -> str:
    if code == 404:
        return f"{url} does not exist on the server (HTTP 404); check the URL or the mirror"
    if code in (401, 403):
        return f"{_host(url)} refused the download (HTTP {code} {reason}); check the URL and your access"
    if code == 407:
        return (f"the proxy asks for credentials (HTTP 407) to reach {_host(url)}; set them in HTTPS_PROXY "
                "(http://user:password@proxy:port), or download in QGIS, which uses its proxy settings")
    if code >= 500:
        return f"{_host(url)} failed (HTTP {code} {reason}); try again later, or use a mirror (--url)"
    return f"{_host(url)} answered HTTP {code} {reason} for {url}"


def network_error(url: str, reason: object) -> str:
    """What a failure to connect means for the user (one line)."""
    return " ".join(_network_error(url, reason).split())


def _network_error(url: str, reason: object) -> str:
    if isinstance(reason, socket.gaierror):
        return (f"cannot find {_host(url)} (DNS: {reason.strerror or reason}): is the network up, and the "
                "address right?")
    if isinstance(reason, ConnectionRefusedError):
        return f"{_host(url)} refused the connection: is the address (and port) right, or is a proxy needed?"
    if isinstance(reason, (socket.timeout, TimeoutError)):
        return f"{_host(url)} did not answer within {TIMEOUT_S} s; check the network or the proxy"
    return f"cannot reach {_host(url)} ({reason}); check the network, the proxy (HTTPS_PROXY) and the URL"


def _host(url: str) -> str:
    return urllib.request.urlparse(url).netloc or url

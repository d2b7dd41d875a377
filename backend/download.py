"""Download a catalogue model: resumable, atomic, verified.

- Resumable: the bytes arrive in ``<file>.part`` (a name no loader takes for a model); a cut
  connection is resumed with an HTTP Range request (a few times in one run, and again by the
  next run), a server that ignores Range starts over.
- Verified: a body whose announced size is far from the catalogue's is refused before its first
  byte; the file must then be a PyTorch file of about that size, be the git blob its catalogue
  entry is pinned to in the authors' repository (when pinned: "verified against the authors'
  repository"), and load as a MoE-MAE checkpoint of the expected model size
  (``torch.load(weights_only=True)``). Its SHA-256 (and the catalogue's, when the catalogue
  knows one) is recorded beside it, and :func:`backend.catalogue.identify` compares it on every
  later load.
- Atomic: only a verified file is renamed into place; a refused body is deleted (the ``.part``
  of an earlier try too, when the announced size is refused), nothing else is touched: a file
  registered from ``file://`` stays where it was.

This is the headless path (``python -m backend models download``, urllib, which honours the
``HTTPS_PROXY``/``HTTP_PROXY`` environment); QGIS downloads through its own network stack and
hands the finished ``.part`` file to :func:`finish`.

A file refused as a pinned model can still be used, by saying so: :func:`add_own_model`
(``python -m backend models add FILE --name NAME``) puts it in the user models folder under a
name of the user's own, where it is listed as theirs and never taken for the catalogue's.
"""
from __future__ import annotations

import errno
import http.client
import json
import logging
import os
import re
import shutil
import socket
import stat
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from . import __version__, paths
from .catalogue import VERIFIED, ModelEntry, read_catalogue, read_record
from .checksums import RECORD_SUFFIX, file_sha256, git_blob_sha1
from .errors import UserError
from .files import same_file, write_atomically, write_failure
from .progress import NullProgress, Progress

log = logging.getLogger(__name__)

CHUNK_BYTES = 1 << 16
#: Seconds to wait for the connection, for the answer's headers, and for each block of the body.
TIMEOUT_S = 30
#: Resumes after a cut connection within one run, before giving up (the next run resumes too).
RESUMES = 3
#: A body that brings fewer than STALL_MIN_BYTES in STALL_WINDOW_S seconds is stalled: each read
#: returns within TIMEOUT_S, so a server trickling a byte every 2 s would never time out, and a
#: model would take weeks (tests make the window short).
STALL_WINDOW_S = 30.0
STALL_MIN_BYTES = 1 << 16
CUT = (http.client.IncompleteRead, ConnectionResetError, http.client.RemoteDisconnected, socket.timeout,
       TimeoutError)


def part_path(destination: Path) -> Path:
    return destination.with_name(destination.name + ".part")


class DownloadLock:
    """One download of a model at a time, across processes (the CLI, QGIS) and within one: an
    exclusive lock on ``<file>.part.lock`` while the part is written and checked. The operating
    system drops it when its holder ends, however it ends, so a lock never outlives its holder;
    the holder's pid is in the file, for what the next one is told."""

    def __init__(self, entry: ModelEntry):
        self.entry, self.path, self.fd = entry, Path(f"{part_path(entry.path)}.lock"), None

    def acquire(self) -> DownloadLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        while self.fd is None:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            if not _lock(fd):
                os.close(fd)
                raise UserError(self.busy())
            try:  # the file its last holder removed while we waited is no lock any more
                held = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                held = False
            self.fd = fd if held else os.close(fd)
        os.ftruncate(self.fd, 0)
        os.lseek(self.fd, 0, os.SEEK_SET)
        os.write(self.fd, str(os.getpid()).encode())
        return self

    def busy(self) -> str:
        try:
            owner = self.path.read_text(encoding="ascii").strip()
        except (OSError, ValueError):
            owner = ""
        who = "" if not owner.isdigit() else " (in this program)" if owner == str(os.getpid()) else \
            f" (pid {owner})"
        return f"another download of {self.entry.name} is running{who}; wait for it or stop it"

    def release(self) -> None:
        if self.fd is None:
            return
        try:
            self.path.unlink()  # while still held: whoever comes next makes a new one
        except OSError:
            pass  # Windows keeps a file others have open; the next holder takes it over
        _unlock(self.fd)
        os.close(self.fd)
        self.fd = None

    def __enter__(self) -> DownloadLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


#: Where Windows locks the lock file: past the pid, which the next one must be able to read.
_LOCK_OFFSET = 64


def _lock(fd: int) -> bool:
    try:
        if os.name == "nt":
            import msvcrt

            os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(fd: int) -> None:
    if os.name == "nt":
        import msvcrt

        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


def download_model(entry: ModelEntry, url: str | None = None, progress: Progress | None = None) -> Path:
    """Download ``entry`` (from ``url``, a mirror, or the catalogue's), verify and register it;
    returns its path. Raises :class:`UserError` saying what went wrong and what to do."""
    source = entry.url if url is None else url  # an empty --url is refused, never the catalogue's
    if source is None:
        raise UserError(f"the model {entry.name} is bundled, there is nothing to download")
    destination = entry.path
    destination.parent.mkdir(parents=True, exist_ok=True)
    with DownloadLock(entry):
        part = fetch(source, part_path(destination), progress or NullProgress(), entry)
        return finish(entry, part, source)


def fetch(url: str, part: Path, progress: Progress, entry: ModelEntry | None = None) -> Path:
    """The body at ``url`` into ``part``, resuming from what ``part`` already holds; one whose
    announced size cannot be ``entry``'s is refused before its first byte."""
    for attempt in range(RESUMES + 1):
        try:
            return _fetch_once(url, part, progress, entry)
        except CUT as exc:
            have = part.stat().st_size if part.exists() else 0
            if attempt == RESUMES:
                raise UserError(f"the connection to {_host(url)} was cut ({type(exc).__name__}) after "
                                f"{have / 2**20:.1f} MB, {RESUMES} times; run the download again to resume "
                                "from there") from None
            log.warning(f"the connection was cut after {have / 2**20:.1f} MB; resuming")
    raise AssertionError("unreachable")


def _fetch_once(url: str, part: Path, progress: Progress, entry: ModelEntry | None) -> Path:
    start = part.stat().st_size if part.exists() else 0
    try:
        response = _open(url, start)
    except urllib.error.HTTPError as exc:
        if exc.code == 416 and start:  # Range Not Satisfiable: the part is whole, or longer than the file
            if whole_already(start, exc.headers.get):
                return part
            part.unlink()  # longer than the file: it cannot be its start
            return _fetch_once(url, part, progress, entry)
        raise UserError(http_error(url, exc.code, exc.reason)) from None
    with response:
        status = getattr(response, "status", None) or 200  # a file:// answer has none: the whole file
        answer = admit(entry, url, part, start, status, response.headers.get)
        progress.total, progress.count = answer.total or 0, answer.offset
        _write_body(response, part, answer, progress, lambda: refusal(entry, url, "it is larger than the "
                                                                      "model can be"))
    size = part.stat().st_size
    if answer.total is not None and size < answer.total:
        raise http.client.IncompleteRead(b"", answer.total - size)
    return part


def _open(url: str, start: int):
    """The server's answer to a GET of ``url`` from byte ``start`` (its headers read), asking for
    the bytes as they are; failures before an answer become one line (an HTTP error is raised
    as such, for the caller to read)."""
    check_source(url)
    headers = {"User-Agent": f"moemae-qgis/{__version__}", "Accept-Encoding": "identity"}
    if start:
        headers["Range"] = f"bytes={start}-"
    opener = urllib.request.build_opener(_HttpRedirectsOnly)
    try:
        return opener.open(urllib.request.Request(url, headers=headers), timeout=TIMEOUT_S)
    except ValueError as exc:  # no scheme, a broken address
        raise UserError(f"{url!r} is not a URL that can be downloaded ({exc}); give an http://, https:// or "
                        "file:// URL") from None
    except urllib.error.HTTPError:
        raise
    except urllib.error.URLError as exc:  # no connection: DNS, refused, no answer to connect
        raise UserError(network_error(url, exc.reason)) from None
    except (OSError, http.client.HTTPException) as exc:  # connected, but no answer came
        raise UserError(no_answer(url, exc)) from None


def check_source(url: str) -> None:
    """Refuse, before any connection, a URL no model can come from: an empty one, one without an
    http, https or file scheme, and a file:// URL that names no plain file (opening a FIFO would
    wait for ever; a missing file or a folder is no matter for network advice)."""
    if not url.strip():
        raise UserError("an empty URL (--url ''): give the mirror's http://, https:// or file:// URL, or "
                        "leave --url out to download from the catalogue's address")
    try:
        parts = urllib.parse.urlsplit(url)
        scheme = parts.scheme.lower()
    except ValueError:  # e.g. "Invalid IPv6 URL": an unclosed [ in the host
        parts, scheme = None, ""
    if scheme not in URL_SCHEMES:  # urllib would also open ftp:, data: and the like
        hint = f" (it has no scheme: http://{url} ?)" if "://" not in url else ""
        raise UserError(f"{url!r} is not a URL that can be downloaded{hint}; give an http://, https:// or "
                        "file:// URL")
    if scheme == "file":
        _check_local_file(Path(urllib.request.url2pathname(parts.path)))


def _check_local_file(path: Path) -> None:
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise UserError(f"{path} does not exist; check the file:// URL (file:///path/to/file.pth)") from None
    except OSError as exc:
        raise UserError(f"{path} cannot be read ({exc.strerror or exc}); check its permissions") from None
    if stat.S_ISDIR(mode):
        raise UserError(f"{path} is a folder, not a checkpoint; give the file in it (file://{path}/NAME.pth)")
    if not stat.S_ISREG(mode):
        raise UserError(f"{path} is not a plain file (a FIFO, a device or a socket) and cannot be a "
                        "checkpoint; give the downloaded file itself")


#: What a model may be downloaded from: the web, or a file the user names (file://, which the CLI
#: registers where it is, see the module docstring). Redirects go to http and https only.
URL_SCHEMES = ("http", "https", "file")


class _HttpRedirectsOnly(urllib.request.HTTPRedirectHandler):
    """Redirects are followed to http and https addresses only: a server must not send the
    download to a local file or to another protocol (urllib would follow ftp://)."""

    def http_error_302(self, req, fp, code, msg, headers):
        target = urllib.parse.urljoin(req.full_url, headers.get("Location") or headers.get("URI") or "")
        if urllib.parse.urlparse(target).scheme.lower() not in ("http", "https"):
            fp.close()
            raise UserError(f"{_host(req.full_url)} redirected the download to {target}: only http and https "
                            "addresses are followed; check the URL")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


@dataclass(frozen=True)
class Answer:
    """What a server's admitted answer does to the ``.part``: its body goes at ``offset`` (0: the
    part starts afresh), the whole file is ``total`` bytes (None: not announced), and at most
    ``limit`` bytes of body are kept (the announced length, else the most the model can be)."""

    offset: int
    total: int | None
    limit: int | None


def admit(entry: ModelEntry | None, url: str, part: Path, start: int, status: int,
          header: Callable[[str], str | None]) -> Answer:
    """The one rule of both download paths (urllib here, QGIS's network stack in the plugin),
    applied to an answer's headers before its first byte is written: only a 200, or a 206 whose
    range starts where the ``.part`` ends, sent as it is (no Content-Encoding), of a size the
    catalogue allows and the disk can hold, may touch the part. Anything else is refused in one
    line, and an answer refused for its status, encoding or range leaves the part as it was."""
    if status not in (200, 206):
        raise UserError(http_error(url, status) if status >= 300 else f"{_host(url)} answered HTTP {status} "
                        "instead of the file; what arrived before is kept: try again, or use a mirror")
    encoding = (header("Content-Encoding") or "identity").strip().lower()
    if encoding != "identity":
        raise UserError(f"{_host(url)} sent the file encoded ({encoding}) though it was asked for it as it "
                        "is; nothing of it was written (what arrived before is kept): use another mirror")
    offset, piece, total = _piece(url, start, header) if status == 206 else (0, *[_length(header)] * 2)
    if entry is not None:
        check_announced(entry, total, header("Content-Type"), url, part)
    limit = piece if piece is not None else entry.max_bytes - offset if entry else None
    expected = piece if piece is not None else int(entry.approx_mb * 2**20) - offset if entry else 0
    check_room_for_body(part, expected)
    return Answer(offset, total, limit)


def _length(header: Callable[[str], str | None]) -> int | None:
    length = (header("Content-Length") or "").strip()
    return int(length) if length.isdigit() else None


def _piece(url: str, start: int, header: Callable[[str], str | None]) -> tuple[int, int, int]:
    """(offset, length, the file's size) of a 206 answer's piece: it must begin where the part ends (what was
    asked), lie within the file, and be as long as Content-Length says; a range that does not
    is refused, the part kept."""
    content_range = header("Content-Range") or ""
    found = re.fullmatch(r"\s*bytes\s+(\d+)-(\d+)/(\d+)\s*", content_range)
    if found:
        first, last, total = map(int, found.groups())
        length = _length(header)
        if first == start and first <= last < total and length in (None, last - first + 1):
            return first, last - first + 1, total
    raise UserError(f"{_host(url)} answered with the bytes {content_range or '(no range)'} (Content-Length "
                    f"{header('Content-Length') or 'none'}) when bytes {start}- were asked; nothing of it "
                    "was written (what arrived before is kept): try again, or use another mirror")


def whole_already(start: int, header: Callable[[str], str | None]) -> bool:
    """Whether a 416 answer to a request from byte ``start`` says the file is ``start`` bytes
    long (``Content-Range: bytes */start``): the part holds it all already."""
    found = re.fullmatch(r"\s*bytes\s+\*/(\d+)\s*", header("Content-Range") or "")
    return bool(found) and int(found.group(1)) == start


def check_room_for_body(part: Path, needed: int) -> None:
    """Refuse, before its first byte, a body the disk of ``part`` cannot hold."""
    from .files import sizes_apart

    free = shutil.disk_usage(part.parent).free
    if needed > free:
        sizes = sizes_apart(needed, free)
        raise UserError(f"the download needs {sizes[0]} more in {part.parent}, but only {sizes[1]} are free; "
                        "free some space and download again (what arrived before is kept)")


def announced_total(header: Callable[[str], str | None], start: int) -> int | None:
    """The whole file's size, as the server announced it (Content-Range, else Content-Length;
    ``header`` reads a response header by name, None or "" when absent)."""
    content_range = header("Content-Range") or ""
    if "/" in content_range and content_range.rsplit("/", 1)[1].isdigit():
        return int(content_range.rsplit("/", 1)[1])
    length = header("Content-Length")
    return start + int(length) if length and length.isdigit() else None


def check_announced(entry: ModelEntry, total: int | None, content_type: str | None, source: str,
                    part: Path) -> None:
    """Refuse, before its first byte, a body that the server's headers already tell is not
    ``entry``: an HTML page, or a size far from the catalogue's. The ``.part`` of an earlier
    try goes too: it is the start of the same wrong file, and resuming from it would splice."""
    reason = ("it is an HTML page, not a PyTorch checkpoint" if "html" in (content_type or "").lower()
              else entry.size_refusal(total) if total is not None else None)
    if reason:
        part.unlink(missing_ok=True)
        raise UserError(refusal(entry, source, f"{reason}, as announced"))


def _write_body(response, part: Path, answer: Answer, progress: Progress,
                too_large: Callable[[], str]) -> None:
    """The body into ``part`` (appended at ``answer.offset``, else afresh), never more than
    ``answer.limit`` bytes: a server that sends more than it announced is cut there (what it
    announced is then checked as usual); one that announced nothing and sends more than the
    model can be is refused (``too_large``), the part removed."""
    # read1 returns what has arrived (up to a block), so progress moves with every read even when
    # the bytes trickle; read() would wait for a whole 64 KB block.
    read, pace = getattr(response, "read1", response.read), Pace(response.geturl())
    try:
        with open(part, "ab" if answer.offset else "wb") as out:
            kept = 0
            while True:
                progress.check()  # a cancel keeps the part: the next run resumes from it
                block = read(CHUNK_BYTES)
                if not block:
                    return
                pace.arrived(len(block))
                if answer.limit is not None and kept + len(block) > answer.limit:
                    out.write(block[:answer.limit - kept])
                    break
                out.write(block)
                kept += len(block)
                progress.update(len(block))
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise UserError(write_failure(part, exc) + "; what arrived is kept: free some space and run the "
                            "download again to resume") from None
        raise
    if answer.total is None:
        part.unlink(missing_ok=True)
        raise UserError(too_large())
    log.warning(f"the server sent more than the {answer.limit} bytes it announced; the rest was not kept")


class Pace:
    """Refuses a body that stalls: fewer than STALL_MIN_BYTES in a window of STALL_WINDOW_S (the
    CLI's download and the QGIS one, ``moemae_qgis.model_download``, both count through it)."""

    def __init__(self, url: str, mirror_hint: str = "--url"):
        self.url, self.since, self.bytes, self.mirror_hint = url, time.monotonic(), 0, mirror_hint

    def arrived(self, count: int) -> None:
        self.bytes += count
        elapsed = time.monotonic() - self.since
        if elapsed < STALL_WINDOW_S:
            return
        if self.bytes < STALL_MIN_BYTES:
            raise UserError(f"the server {_host(self.url)} is sending too slowly ({self.bytes:,} bytes in "
                            f"{elapsed:.0f} s); what arrived is kept: try again later (the download resumes "
                            f"from there) or use a mirror ({self.mirror_hint})")
        self.since, self.bytes = time.monotonic(), 0


def finish(entry: ModelEntry, part: Path, source: str) -> Path:
    """Check the downloaded ``part`` (a checkpoint of the entry's size, the catalogue's SHA-256
    when known), rename it into place and record where it came from; a body that is not a
    checkpoint is deleted."""
    from .catalogue import is_demonstration_model
    from .checkpoint import CheckpointError, load_pretrained

    try:
        _check_is_torch_file(part)
        if entry.size_refusal(part.stat().st_size):  # before loading: the pin does not load anything
            raise CheckpointError(entry.size_refusal(part.stat().st_size))
        if entry.pin and git_blob_sha1(part) != entry.pin.git_blob_sha1:
            raise CheckpointError(f"its git blob SHA-1 is {git_blob_sha1(part)[:12]}…, not the "
                                  f"{entry.pin.git_blob_sha1[:12]}… of {entry.pin}")
        model = load_pretrained(part, note=False)  # a part is not yet anyone's model
        if model.config.size != entry.size:
            raise CheckpointError(f"it is a size-{model.config.size} model, not size {entry.size}")
        if not entry.demonstration and is_demonstration_model(model):
            raise CheckpointError("it holds the weights of the bundled demonstration model")
    except CheckpointError as exc:
        part.unlink(missing_ok=True)
        raise UserError(refusal(entry, source, str(exc).replace(str(part), "the file"))) from None
    sha256 = file_sha256(part)
    if entry.sha256 and sha256 != entry.sha256:
        part.unlink(missing_ok=True)
        raise UserError(f"what {_host(source)} sent has SHA-256 {sha256[:16]}…, not the catalogue's "
                        f"{entry.sha256[:16]}… for {entry.name}; nothing was kept")
    destination = entry.path
    part.replace(destination)
    record = {"catalogue": entry.name, "url": source, "sha256": sha256, "bytes": destination.stat().st_size,
              "downloaded": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    if entry.pin:
        record.update(git_blob_sha1=entry.pin.git_blob_sha1, verified=f"{VERIFIED}: {entry.pin}")
    write_atomically(destination.with_name(destination.name + RECORD_SUFFIX),
                     lambda f: json.dump(record, f, indent=1))
    log.info(f"{entry.name}: {record['bytes'] / 2**20:.1f} MB, SHA-256 {sha256}, "
             f"{record.get('verified', 'checked')}; saved as {destination}")
    return destination


def refusal(entry: ModelEntry, source: str, reason: str) -> str:
    """One line: why what ``source`` gave is not ``entry``, and what to do instead (for a
    pinned model, keeping the file as a model of one's own, which is never called published)."""
    advice = "Check the URL (a mirror may serve another file) and download again"
    if entry.pin:
        scheme, _, path, *_ = urllib.request.urlparse(source)
        advice += (f", or use the file as a model of your own, under another name: python -m backend models "
                   f"add {urllib.request.url2pathname(path)} --name NAME" if scheme == "file" else
                   ", or, to use that file anyway, save it and add it as a model of your own, under another "
                   "name: python -m backend models add FILE --name NAME")
    return f"what {_host(source)} sent is not the model {entry.name} ({reason}); nothing was kept. {advice}"


def add_own_model(file: str | Path, name: str) -> Path:
    """Put the checkpoint ``file`` in the user models folder as ``NAME.pth`` (``.pt`` kept), a
    model of the user's own: it must load, and ``NAME`` must be new and no catalogue name, so it
    is never taken for a catalogue model. The file is copied; one lying at a catalogue model's
    path without a download record is moved, as there it would pass for that model."""
    from .checkpoint import load_pretrained

    source, stem = Path(file), re.sub(r"\.pth?$", "", name)
    if not source.is_file():
        raise UserError(f"{source} is not a file: give the checkpoint to add, then --name NAME")
    models = read_catalogue()[0]
    _check_own_name(name, stem, models)
    destination = paths.user_models_dir() / (stem + (source.suffix if source.suffix == ".pt" else ".pth"))
    load_pretrained(source)  # a CheckpointError says what is wrong with it
    squatter = next((m for m in models if not m.bundled and same_file(source, m.path) and not _vouched(m)),
                    None)
    if squatter:
        os.replace(source, destination)
        squatter.path.with_name(squatter.file + RECORD_SUFFIX).unlink(missing_ok=True)  # vouched for nothing
    else:
        with open(source, "rb") as handle:
            write_atomically(destination, lambda out: shutil.copyfileobj(handle, out), binary=True)
    return destination


#: Names Windows keeps for devices, whatever the case or extension: a file CON.pth cannot be made
#: there, and a profile copied to Windows would lose the model.
WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"{d}{n}" for d in ("COM", "LPT") for n in range(1, 10))}


def _check_own_name(name: str, stem: str, models: list) -> None:
    """Refuse a name that cannot name a model of one's own: odd characters, a Windows device
    name, a catalogue name, or the name of a model of one's own already there (``twin.pt`` and
    ``twin.pth`` would be one name for two files: ``--model twin`` could not tell which)."""
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", stem):
        raise UserError(f"{name!r} cannot name a model: use letters, digits, '.', '_' and '-'")
    if stem.split(".")[0].upper() in WINDOWS_RESERVED:
        raise UserError(f"{name!r} cannot name a model: Windows reserves CON, PRN, AUX, NUL, COM1-9 and "
                        "LPT1-9 for devices, whatever the case; choose another --name")
    catalogue_names = {m.name.casefold() for m in models} | {Path(m.file).stem.casefold() for m in models}
    if stem.casefold() in catalogue_names:
        raise UserError(f"{name!r} is a name of the catalogue; a model of your own needs a name of its own")
    folder = paths.user_models_dir()
    taken = [p for p in (folder.iterdir() if folder.is_dir() else [])
             if p.suffix in (".pt", ".pth") and p.stem.casefold() == stem.casefold()]
    if taken:
        raise UserError(f"{taken[0]} exists already under the name {stem!r}; choose another --name "
                        "(nothing is overwritten)")


def _vouched(entry: ModelEntry) -> bool:
    """Whether the file at ``entry``'s path is that model by its download record."""
    try:
        return read_record(entry.path) is not None
    except UserError:
        return False


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
                "(http://user:password@proxy:port), "  # pragma: allowlist secret - an example of the form
                "or download in QGIS, which uses its proxy settings")
    if 300 <= code < 400:
        return (f"{_host(url)} redirected the download and the redirect cannot be followed (HTTP {code}: "
                f"{reason}); check the URL")
    if code >= 500:
        return f"{_host(url)} failed (HTTP {code} {reason}); try again later, or use a mirror (--url)"
    return f"{_host(url)} answered HTTP {code} {reason} for {url}"


def no_answer(url: str, exc: BaseException) -> str:
    """What it means that a server took the connection and gave no answer (one line): nothing
    was cut, nothing came."""
    what = (f"did not answer within {TIMEOUT_S} s" if isinstance(exc, (socket.timeout, TimeoutError)) else
            f"closed the connection without answering ({type(exc).__name__})")
    return (f"{_host(url)} took the connection but {what}; nothing came (what arrived before is kept): try "
            "again later, or use a mirror (--url)")


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

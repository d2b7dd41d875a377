"""Download a catalogue model inside QGIS, through QGIS's own network stack.

``QgsNetworkAccessManager`` carries the user's proxy, authentication and SSL settings, so a
download works wherever QGIS itself reaches the web. It runs in the background (the event loop
keeps turning), reports progress, and Cancel aborts it. The bytes go to the backend's ``.part``
file (resumed with an HTTP Range request after a cut, or by the next download), and the
backend's :func:`backend.download.finish` verifies and registers the file, as the CLI does.
The backend's rule for an answer (:func:`backend.download.admit`) is applied to its headers
before its first byte is written: only a 200, or a 206 whose range starts where the part ends,
sent as it is (Qt is asked for identity encoding, so it inflates nothing), of a size the
catalogue allows and the disk can hold; no more than it announced is kept. The backend's lock
(:class:`backend.download.DownloadLock`) keeps a second download of the same model, here or in
the CLI, from writing the same part.
"""
from __future__ import annotations

from qgis.core import QgsNetworkAccessManager
from qgis.PyQt.QtCore import QObject, QTimer, QUrl, pyqtSignal
from qgis.PyQt.QtNetwork import QNetworkReply, QNetworkRequest

from .backend_loader import load_backend
from .i18n import tr

#: Reply errors after which what arrived is kept and the download resumes by itself.
CUT_ERRORS = (QNetworkReply.NetworkError.RemoteHostClosedError, QNetworkReply.NetworkError.TimeoutError,
              QNetworkReply.NetworkError.TemporaryNetworkFailureError)

READ_BUFFER_BYTES = 1 << 20


class ModelDownload(QObject):
    """One download of a catalogue model; connect ``progressed`` and ``finished``, then
    :meth:`start`. ``finished`` carries (ok, the model's path or what went wrong)."""

    # 64-bit: a C++ int (pyqtSignal(int, int)) wraps past 2 GiB (86898688/-2147483648).
    progressed = pyqtSignal("qint64", "qint64")  # bytes received, bytes in all (0: not known yet)
    finished = pyqtSignal(bool, str)

    def __init__(self, name: str, url: str | None = None, parent=None):
        super().__init__(parent)
        catalogue, download = load_backend("catalogue"), load_backend("download")
        self.entry = catalogue.model_entry(name)
        self.url = url or self.entry.url
        self.part = download.part_path(self.entry.path)
        self.reply, self.file, self.cancelled, self.resumes, self.total = None, None, False, 0, 0
        self.write_error = None  # why the bytes could not be written (a full disk), if they could not
        self.refused = None  # why the server's answer may not touch the part, if it may not
        self.answer, self.overlong = None, False  # the admitted answer; whether it sent more than that
        self.stalled = None  # why the download stopped as too slow, if it did
        self.lock = download.DownloadLock(self.entry)

    def start(self) -> None:
        self.entry.path.parent.mkdir(parents=True, exist_ok=True)
        if self.lock.fd is None:
            try:
                self.lock.acquire()
            except load_backend("errors").UserError as exc:  # after start() returns, as any outcome
                QTimer.singleShot(0, lambda message=str(exc): self.finished.emit(False, message))
                return
        start = self.part.stat().st_size if self.part.exists() else 0
        request = QNetworkRequest(QUrl(self.url))
        # Hugging Face answers with a redirect to its content server.
        request.setAttribute(QNetworkRequest.Attribute.FollowRedirectsAttribute, True)
        request.setRawHeader(b"User-Agent", f"moemae-qgis/{load_backend().__version__}".encode())
        # Set by hand, so that Qt neither asks for gzip nor inflates what comes: the bytes as sent.
        request.setRawHeader(b"Accept-Encoding", b"identity")
        if start:
            request.setRawHeader(b"Range", f"bytes={start}-".encode())
        self.start_at, self.file, self.answer, self.overlong = start, None, None, False
        # A server that trickles a byte now and then never times out: the backend's pace rule.
        self.pace = load_backend("download").Pace(self.url, tr("the mirror URL box under the model list"))
        self.reply = QgsNetworkAccessManager.instance().get(request)
        # Qt reads ahead without bound by default: a server sending more than it may would fill
        # memory before the limit is checked; this keeps Qt's read-ahead to a few blocks.
        self.reply.setReadBufferSize(READ_BUFFER_BYTES)
        self.reply.readyRead.connect(self.write_arrived)
        self.reply.downloadProgress.connect(self.report)
        self.reply.finished.connect(self.done)

    def cancel(self) -> None:
        self.cancelled = True
        if self.reply is not None:
            self.reply.abort()

    def write_arrived(self) -> None:
        if self.refused or self.overlong:
            self.reply.readAll()  # not the model, or more than announced: the part keeps what it had
            return
        try:
            if self.file is None:  # the first bytes: the headers decide whether they may touch the part
                if not self.admitted():
                    return
                self.file = open(self.part, "ab" if self.answer.offset else "wb")
            self.keep(bytes(self.reply.readAll()))
        except OSError as exc:  # never let an exception out of a Qt slot: stop, and say why
            self.write_error = load_backend("files").write_failure(self.part, exc)
            self.reply.abort()

    def keep(self, block: bytes) -> None:
        """Write ``block``, up to the answer's limit; a server sending more is cut there, and one
        too slow is stopped (what arrived is kept). Aborting finishes the reply at once (``done``
        closes the file), so the block is written first."""
        limit = self.answer.limit
        if limit is not None and self.file.tell() - self.answer.offset + len(block) > limit:
            self.file.write(block[:limit - (self.file.tell() - self.answer.offset)])
            self.overlong = True
            self.reply.abort()
            return
        self.file.write(block)
        try:
            self.pace.arrived(len(block))
        except load_backend("errors").UserError as exc:
            if not self.stalled:
                self.stalled = str(exc)
                self.reply.abort()

    def admitted(self) -> bool:
        """Whether the answer may touch the part (the backend's rule, on its status and headers);
        if not, stop with the backend's one line."""
        download = load_backend("download")

        def header(name: str) -> str:
            return bytes(self.reply.rawHeader(name.encode())).decode("latin-1")
        status = self.reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        try:
            self.answer = download.admit(self.entry, self.url, self.part, self.start_at, int(status or 0),
                                         header)
        except load_backend("errors").UserError as exc:
            self.refused = str(exc)
            self.reply.abort()
            return False
        self.start_at = self.answer.offset
        return True

    def report(self, received: int, total: int) -> None:
        self.total = self.start_at + total if total > 0 else 0
        self.progressed.emit(self.start_at + received, self.total)

    def done(self) -> None:
        if self.reply.bytesAvailable():
            self.write_arrived()
        if self.file is not None:
            self.file.close()
        error = self.reply.error()
        status = self.reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        message, range_ = self.reply.errorString(), bytes(self.reply.rawHeader(b"Content-Range")).decode()
        self.reply.deleteLater()
        self.reply = None
        if status == 416 and self.start_at and not self.cancelled:  # refused as an answer, yet it tells
            self.unsatisfiable(range_)
        elif self.refused:
            self.end(False, self.refused)
        elif self.stalled:
            self.end(False, self.stalled)
        elif self.write_error:
            self.end(False, self.write_error + tr("; what arrived is kept: free some space and Download… "
                                                  "again"))
        elif self.cancelled:
            self.end(False, tr("Cancelled: what arrived is kept; Download… resumes from there."))
        elif self.overlong:
            self.cut_overlong()
        elif error in CUT_ERRORS or (error == QNetworkReply.NetworkError.NoError and self.incomplete()):
            self.resume_or_give_up()
        elif error != QNetworkReply.NetworkError.NoError:
            self.end(False, self.explain(error, status, message))
        else:
            self.verify()

    def end(self, ok: bool, text: str) -> None:
        """The outcome, once the lock is let go (so that a next Download… can take it)."""
        self.lock.release()
        self.finished.emit(ok, text)

    def cut_overlong(self) -> None:
        """The server sent more than it announced (checked as the announced file) or, announcing
        nothing, more than the model can be (refused, the part removed)."""
        if self.answer.total is not None:
            self.verify()
            return
        self.part.unlink(missing_ok=True)
        self.end(False, load_backend("download").refusal(self.entry, self.url, "it is larger than the model "
                                                                               "can be"))

    def unsatisfiable(self, content_range: str) -> None:
        """A 416 to a resumed request: the part is whole already (``bytes */<its size>``), or it is
        longer than the file, so no start of it, and the download starts over (once)."""
        if load_backend("download").whole_already(self.start_at, lambda name: content_range):
            self.verify()
        elif self.resumes < load_backend("download").RESUMES:
            self.resumes += 1
            self.part.unlink(missing_ok=True)
            self.start()
        else:
            self.end(False, load_backend("download").http_error(self.url, 416, "Range Not Satisfiable"))

    def incomplete(self) -> bool:
        total = self.answer.total if self.answer else None
        return bool(total) and self.part.stat().st_size < total

    def resume_or_give_up(self) -> None:
        download = load_backend("download")
        if self.resumes < download.RESUMES:
            self.resumes += 1
            self.start()
            return
        self.end(False, tr("the connection was cut {} times; Download… again resumes where it "
                           "stopped").format(self.resumes + 1))

    def explain(self, error, status, message: str) -> str:
        download = load_backend("download")
        if status:
            return download.http_error(self.url, int(status), message)
        if error == QNetworkReply.NetworkError.HostNotFoundError:
            return tr("cannot find the server of {} ({}): is the network up, and the address right?").format(
                self.url, message)
        if error == QNetworkReply.NetworkError.ConnectionRefusedError:
            return tr("the server refused the connection ({}): is the address right, or is a proxy needed "
                      "(QGIS Settings › Options › Network)?").format(message)
        if error in (QNetworkReply.NetworkError.ProxyConnectionRefusedError,
                     QNetworkReply.NetworkError.ProxyAuthenticationRequiredError,
                     QNetworkReply.NetworkError.ProxyNotFoundError):
            return tr("the proxy refused ({}): check QGIS Settings › Options › Network").format(message)
        return tr("the download failed: {}").format(message)

    def verify(self) -> None:
        """The backend's checks (a checkpoint of the right size, its SHA-256 recorded)."""
        try:
            path = load_backend("download").finish(self.entry, self.part, self.url)
        except (load_backend("errors").UserError, OSError) as exc:
            self.end(False, str(exc))
            return
        self.end(True, str(path))

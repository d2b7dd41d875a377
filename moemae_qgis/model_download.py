"""Download a catalogue model inside QGIS, through QGIS's own network stack.

``QgsNetworkAccessManager`` carries the user's proxy, authentication and SSL settings, so a
download works wherever QGIS itself reaches the web. It runs in the background (the event loop
keeps turning), reports progress, and Cancel aborts it. The bytes go to the backend's ``.part``
file (resumed with an HTTP Range request after a cut, or by the next download), and the
backend's :func:`backend.download.finish` verifies and registers the file, as the CLI does; a
body whose headers already say it is not the model (its size, an HTML page) is refused by the
backend's :func:`backend.download.check_announced` before its first byte is written.
"""
from __future__ import annotations

from qgis.core import QgsNetworkAccessManager
from qgis.PyQt.QtCore import QObject, QUrl, pyqtSignal
from qgis.PyQt.QtNetwork import QNetworkReply, QNetworkRequest

from .backend_loader import load_backend
from .i18n import tr

#: Reply errors after which what arrived is kept and the download resumes by itself.
CUT_ERRORS = (QNetworkReply.NetworkError.RemoteHostClosedError, QNetworkReply.NetworkError.TimeoutError,
              QNetworkReply.NetworkError.TemporaryNetworkFailureError)


class ModelDownload(QObject):
    """One download of a catalogue model; connect ``progressed`` and ``finished``, then
    :meth:`start`. ``finished`` carries (ok, the model's path or what went wrong)."""

    progressed = pyqtSignal(int, int)  # bytes received, bytes in all (0: not known yet)
    finished = pyqtSignal(bool, str)

    def __init__(self, name: str, url: str | None = None, parent=None):
        super().__init__(parent)
        catalogue, download = load_backend("catalogue"), load_backend("download")
        self.entry = catalogue.model_entry(name)
        self.url = url or self.entry.url
        self.part = download.part_path(self.entry.path)
        self.reply, self.file, self.cancelled, self.resumes, self.total = None, None, False, 0, 0
        self.write_error = None  # why the bytes could not be written (a full disk), if they could not
        self.refused = None  # why the server's headers already tell it is not the model, if they do

    def start(self) -> None:
        self.entry.path.parent.mkdir(parents=True, exist_ok=True)
        start = self.part.stat().st_size if self.part.exists() else 0
        request = QNetworkRequest(QUrl(self.url))
        # Hugging Face answers with a redirect to its content server.
        request.setAttribute(QNetworkRequest.Attribute.FollowRedirectsAttribute, True)
        request.setRawHeader(b"User-Agent", f"moemae-qgis/{load_backend().__version__}".encode())
        if start:
            request.setRawHeader(b"Range", f"bytes={start}-".encode())
        self.start_at, self.file = start, None
        self.reply = QgsNetworkAccessManager.instance().get(request)
        self.reply.readyRead.connect(self.write_arrived)
        self.reply.downloadProgress.connect(self.report)
        self.reply.finished.connect(self.done)

    def cancel(self) -> None:
        self.cancelled = True
        if self.reply is not None:
            self.reply.abort()

    def write_arrived(self) -> None:
        status = self.reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        if self.refused or (status and not 200 <= int(status) < 300):  # refused, or an error page
            self.reply.readAll()  # not the model: the part keeps what it had
            return
        try:
            if self.file is None:  # the first bytes: append to a resumed part, else start it afresh
                resumed = status == 206
                if not self.announced_ok(resumed):
                    return
                self.file = open(self.part, "ab" if resumed else "wb")
                self.start_at = self.start_at if resumed else 0
            self.file.write(bytes(self.reply.readAll()))
        except OSError as exc:  # never let an exception out of a Qt slot: stop, and say why
            self.write_error = load_backend("files").write_failure(self.part, exc)
            self.reply.abort()

    def announced_ok(self, resumed: bool) -> bool:
        """Whether the headers leave the body possibly the model; if not, stop with the backend's
        one line (the part of an earlier try is gone with it)."""
        download = load_backend("download")

        def header(name: str) -> str:
            return bytes(self.reply.rawHeader(name.encode())).decode("latin-1")
        total = download.announced_total(header, self.start_at if resumed else 0)
        try:
            download.check_announced(self.entry, total, header("Content-Type"), self.url, self.part)
        except load_backend("errors").UserError as exc:
            self.refused = str(exc)
            self.reply.abort()
            return False
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
        message = self.reply.errorString()
        self.reply.deleteLater()
        self.reply = None
        if self.refused:
            self.finished.emit(False, self.refused)
        elif self.write_error:
            self.finished.emit(False, self.write_error + tr("; what arrived is kept: free some space and "
                                                            "Download… again"))
        elif self.cancelled:
            self.finished.emit(False, tr("Cancelled: what arrived is kept; Download… resumes from there."))
        elif error in CUT_ERRORS or (error == QNetworkReply.NetworkError.NoError and self.incomplete()):
            self.resume_or_give_up()
        elif error != QNetworkReply.NetworkError.NoError:
            self.finished.emit(False, self.explain(error, status, message))
        else:
            self.verify()

    def incomplete(self) -> bool:
        return bool(self.total) and self.part.stat().st_size < self.total

    def resume_or_give_up(self) -> None:
        download = load_backend("download")
        if self.resumes < download.RESUMES:
            self.resumes += 1
            self.start()
            return
        self.finished.emit(False, tr("the connection was cut {} times; Download… again resumes where it "
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
            self.finished.emit(False, str(exc))
            return
        self.finished.emit(True, str(path))

"""Results kept in a work folder between runs, keyed by what made them.

A run over many inputs (a mosaic's scenes, a time series' dates) keeps each input's result here,
so that a run that is interrupted, or run again with more inputs, redoes only what is missing or
stale, and several processes (torchrun ranks) can fill one folder side by side.

- An entry is a folder ``<key>/`` holding the result's files and ``entry.json``, its manifest:
  what the key was made of and each file's size and SHA-256. It is built at a temporary name and
  renamed into place whole, so a killed run leaves no half entry under a key.
- The key (:func:`entry_key`) is the SHA-256 of the canonical JSON of its parts: the input's
  files (:func:`file_identity`: resolved path, size, time of change), the model's SHA-256 and the
  settings. Change any of them and the entry is another one.
- :meth:`WorkFolder.find` uses an entry only when its manifest is readable, names the same key
  and every file hashes as recorded; anything else is damaged, is removed, and the caller makes
  it again (the log says so).
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from .errors import UserError
from .files import check_writable_folder, remove_stale_temporaries, temporary_name

log = logging.getLogger(__name__)

MANIFEST = "entry.json"
MANIFEST_VERSION = 1


def file_identity(paths: Iterable[str | Path]) -> list[list]:
    """[[resolved path, size in bytes, time of change in ns], …] of every file an input is read
    from, sorted: what tells a changed input from the one an entry was made from, without reading
    a scene's gigabytes again. Raises UserError for a file that is gone."""
    identity = []
    for path in sorted({str(Path(p).resolve()) for p in paths}):
        try:
            stat = os.stat(path)
        except OSError as exc:
            raise UserError(f"{path} cannot be read ({exc.strerror}); check that the input is still "
                            "there") from None
        identity.append([path, stat.st_size, stat.st_mtime_ns])
    return identity


def entry_key(parts: dict) -> str:
    """The key of an entry made of ``parts`` (JSON-serialisable): SHA-256 of their canonical JSON."""
    text = json.dumps(parts, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()


class WorkFolder:
    """A folder of entries (module docstring); created if missing, refused if it cannot be written."""

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)
        if self.folder.exists() and not self.folder.is_dir():
            raise UserError(f"the work folder {self.folder} is a file; choose a folder")
        check_writable_folder(self.folder, "the work folder")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(f"the work folder {self.folder} cannot be made ({exc.strerror}); choose another "
                            "folder") from None

    def path(self, key: str) -> Path:
        return self.folder / key

    def find(self, key: str, required: Sequence[str] = ()) -> Path | None:
        """The entry's folder if it is whole and undamaged, with the ``required`` files among those
        its manifest records; None (the damaged entry removed) if not."""
        entry = self.path(key)
        if not os.path.lexists(entry):
            return None
        stranger = entry.is_symlink() or not entry.is_dir()
        problem = ("it is a file or a link, not an entry's folder" if stranger
                   else _problem(entry, key, required))
        if problem is None:
            return entry
        log.warning("work folder: %s is damaged (%s); it is made again", entry.name, problem)
        _remove(entry)
        return None

    def make(self, key: str, parts: dict, build: Callable[[Path], None],
             required: Sequence[str] = ()) -> Path:
        """The entry ``key``: found whole (:meth:`find`), or built by ``build(folder)`` (which writes
        the result's files into ``folder``) and put into place with its manifest. A failed
        ``build`` leaves nothing behind."""
        found = self.find(key, required)
        if found is not None:
            return found
        entry = self.path(key)
        remove_stale_temporaries(entry)
        tmp = temporary_name(entry, "entry")
        try:
            tmp.mkdir()
            build(tmp)
            _write_manifest(tmp, key, parts)
            if self.find(key, required) is not None:
                # Another process (a second run on this folder) made it meanwhile, and may be reading
                # it: it stays, and this one, made of the same key, goes.
                shutil.rmtree(tmp, ignore_errors=True)
                return entry
            if os.path.lexists(entry):  # a damaged one, or a stranger, that find could not remove
                _remove(entry)
            os.replace(tmp, entry)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return entry


def _remove(entry: Path) -> None:
    """Remove what lies at an entry's name: a folder with its files; a file or a link itself (a
    link's target, which may be anything of the user's, is left alone)."""
    if entry.is_symlink() or not entry.is_dir():
        entry.unlink(missing_ok=True)
    else:
        shutil.rmtree(entry, ignore_errors=True)


def _write_manifest(folder: Path, key: str, parts: dict) -> None:
    files = {p.name: {"bytes": p.stat().st_size, "sha256": _sha256(p)}
             for p in sorted(folder.iterdir()) if p.is_file() and p.name != MANIFEST}
    manifest = {"version": MANIFEST_VERSION, "key": key, "parts": parts, "files": files}
    with open(folder / MANIFEST, "x", encoding="utf-8") as handle:
        json.dump(manifest, handle, indent=1, sort_keys=True, default=str)
        handle.flush()
        os.fsync(handle.fileno())


def _sha256(path: Path) -> str:
    """The file's SHA-256, read now: not ``checksums.file_sha256``, whose memo trusts size and time
    of change, which a damaged file may keep."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _problem(entry: Path, key: str, required: Sequence[str] = ()) -> str | None:
    """Why an entry cannot be used, or None when it is whole."""
    try:
        manifest = json.loads((entry / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return f"no readable manifest: {exc}"
    if not isinstance(manifest, dict) or manifest.get("key") != key \
            or not isinstance(manifest.get("files"), dict):
        return "its manifest is for another entry"
    unrecorded = [name for name in required if name not in manifest["files"]]
    if unrecorded:  # a manifest that records fewer files than the result has cannot vouch for it
        return f"its manifest does not record {', '.join(unrecorded)}"
    for name, record in manifest["files"].items():
        path = entry / name
        if not path.is_file():
            return f"{name} is missing"
        if not isinstance(record, dict) or path.stat().st_size != record.get("bytes"):
            return f"{name} has another size than recorded"
        if _sha256(path) != record.get("sha256"):
            return f"{name}'s bytes differ from those recorded"
    return None

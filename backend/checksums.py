"""Digests of files, and the record of checkpoints of the user's own.

- :func:`file_sha256` and :func:`git_blob_sha1` hash a file once per process while it is
  unchanged (size and time of change), however often a run resolves and checks its model.
- A checkpoint the catalogue does not vouch for (a file given by path, in the authors' layout or
  ours) carries nothing that tells when its bytes change: one flipped byte in a weight changes the
  embeddings without a word. :func:`note_checkpoint` records its SHA-256 the first time it is used,
  in ``<user data dir>/checkpoints.json`` (keyed by the resolved path), and warns on every later
  use while it differs from that first record. The bundled model and downloaded catalogue models
  (their download record beside them) are vouched for elsewhere and not recorded here.
"""
from __future__ import annotations

import functools
import json
import logging
import re
from datetime import date
from pathlib import Path

from . import paths
from .errors import UserError
from .files import write_atomically

log = logging.getLogger(__name__)

#: Beside a downloaded model: where it came from and its SHA-256, checked on every load.
RECORD_SUFFIX = ".download.json"
REGISTRY_NAME = "checkpoints.json"


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's bytes, read 1 MB at a time."""
    stat = Path(path).stat()
    return _digest(str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns, "sha256")


def git_blob_sha1(path: Path) -> str:
    """The file's git blob id, as ``git hash-object`` computes it: SHA-1 over ``blob <size>\\0``
    and then the bytes; what a repository's tree records for the file at a commit."""
    stat = Path(path).stat()
    return _digest(str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns, "git-blob")


@functools.lru_cache(maxsize=16)
def _digest(path: str, size: int, mtime_ns: int, kind: str) -> str:
    import hashlib

    # SHA-1 because git names blobs by it (a pinned file is compared with the authors' repository);
    # the integrity check of a model is its SHA-256.
    if kind == "sha256":
        digest = hashlib.sha256()
    else:
        digest = hashlib.sha1(f"blob {size}\0".encode(), usedforsecurity=False)
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def registry_path() -> Path:
    return paths.user_data_dir() / REGISTRY_NAME


def is_outside(path: Path) -> bool:
    """Whether nothing but this record vouches for the checkpoint at ``path``: not shipped with
    the plugin, and no download record beside it."""
    resolved = Path(path).resolve()
    return (not resolved.is_relative_to(paths.RESOURCES_DIR.resolve())
            and not resolved.with_name(resolved.name + RECORD_SUFFIX).exists())


def note_checkpoint(path: Path) -> None:
    """Record the SHA-256 of the outside checkpoint ``path`` at its first use; at a later use,
    warn when its bytes are no longer the recorded ones. The first record stays: the warning
    comes at every use, until the changed file is given a name of its own."""
    if not Path(path).is_file() or not is_outside(path):
        return
    key, stat = str(Path(path).resolve()), Path(path).stat()
    registry = read_registry()
    known = registry.get(key)
    if known and (known.get("bytes"), known.get("mtime_ns")) == (stat.st_size, stat.st_mtime_ns):
        return  # unchanged since it was hashed: no need to read it again
    sha256 = file_sha256(path)
    if known and known.get("sha256") != sha256:
        log.warning(changed_warning(path, known, sha256))
        return
    first = known.get("first_used") if known else date.today().isoformat()
    registry[key] = {"sha256": sha256, "bytes": stat.st_size, "mtime_ns": stat.st_mtime_ns,
                     "first_used": first}
    _save(registry)


def changed_warning(path: Path, known: dict, sha256: str) -> str:
    return (f"the checkpoint {path} changed since it was first used on {known.get('first_used', '?')} "
            f"(SHA-256 was {str(known.get('sha256'))[:16]}…, now {sha256[:16]}…): its embeddings and maps "
            "differ from those made before; if you did not change it, it is damaged or was replaced. A new "
            "version of your own? Give it a file name of its own")


def read_registry() -> dict:
    """The record, path → {sha256, bytes, mtime_ns, first_used}; a damaged one is said once and
    started afresh (what it held is lost, nothing else)."""
    where = registry_path()
    if not where.is_file():
        return {}
    try:
        content = json.loads(where.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        content = exc
    if not isinstance(content, dict):
        log.warning(f"the record of checkpoint checksums {where} is damaged ({_what(content)}); it is "
                    "started afresh: checkpoints are recorded again at their next use")
        return {}
    damaged = {key: why for key, entry in content.items() if (why := _entry_problem(entry))}
    if damaged:
        # A damaged entry says nothing about its checkpoint: comparing with it would call an
        # unchanged file changed. It is dropped, and its checkpoint recorded afresh at its next use.
        key, why = next(iter(damaged.items()))
        more = f" and {len(damaged) - 1} more" if len(damaged) > 1 else ""
        log.warning(f"the record of checkpoint checksums {where} has a damaged entry for {key} ({why})"
                    f"{more}; it is rebuilt: the checkpoint is recorded afresh at this use, not taken as "
                    "changed")
    return {key: entry for key, entry in content.items() if key not in damaged}


def _entry_problem(entry: object) -> str | None:
    """Why a registry entry cannot be compared with, or None: a SHA-256 of 64 hex digits, a
    byte count and a time of change as whole numbers."""
    if not isinstance(entry, dict):
        return "not a table"
    sha256 = entry.get("sha256")
    if not (isinstance(sha256, str) and re.fullmatch(r"[0-9a-f]{64}", sha256)):
        return f"sha256 is {sha256!r}, not 64 hexadecimal digits"
    for field in ("bytes", "mtime_ns"):
        value = entry.get(field)
        if not isinstance(value, int) or isinstance(value, bool) or (field == "bytes" and value < 0):
            return f"{field} is {value!r}, not a whole number"
    if not isinstance(entry.get("first_used", ""), str):
        return f"first_used is {entry.get('first_used')!r}, not a date"
    return None


def _what(content: object) -> str:
    return str(content).splitlines()[0] if isinstance(content, Exception) else "not a table of checkpoints"


def _save(registry: dict) -> None:
    try:
        write_atomically(registry_path(), lambda f: json.dump(registry, f, indent=1))
    except UserError as exc:  # a read-only data folder must not stop a run; it only goes unrecorded
        log.warning(f"{exc}; the checkpoint's SHA-256 is not recorded")

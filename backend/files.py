"""Writing files so that a crash, a full disk or a cancel never loses anything.

- :func:`check_outputs` refuses, before any work, an output that is one of the run's inputs (by
  resolved path and by file identity), one with the wrong extension, a folder, or one in a
  folder that cannot be written: no run ever overwrites what it reads.
- :func:`write_atomically` writes to a temporary file beside the target, flushes it to disk and
  renames it over the target: the target is either the old file or the complete new one.
- Temporary names carry the writer's process id (``.<name>.<pid>.<random>.<kind>``), so that
  :func:`remove_stale_temporaries` can clear what a killed run left, and only that.
- :func:`write_failure` turns an OS or GDAL error met while writing into a message that says the
  true cause (a full disk above all) and that the old output is untouched.
"""
from __future__ import annotations

import os
import re
import shutil
import tempfile
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Callable

from .errors import UserError, is_disk_full

#: Less free space than this in the output's folder after a failed write: the disk is full.
_NEARLY_FULL_BYTES = 1 << 20


def temporary_name(path: str | Path, kind: str = "tmp") -> Path:
    """A hidden name beside ``path`` that no other writer uses: ``.<name>.<pid>.<random>.<kind>``."""
    path = Path(path)
    return path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.{kind}")


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    return True


def remove_stale_temporaries(path: str | Path) -> list:
    """Delete the temporary files (and folders) that killed runs left beside ``path``: those named
    by :func:`temporary_name` whose process no longer exists. Returns what was removed."""
    path = Path(path)
    pattern = re.compile(rf"^\.{re.escape(path.name)}\.(\d+)\.[0-9a-f]{{8}}\.")
    removed = []
    try:
        siblings = list(path.parent.iterdir())
    except OSError:
        return removed
    for sibling in siblings:
        match = pattern.match(sibling.name)
        if not match or int(match.group(1)) == os.getpid() or _process_alive(int(match.group(1))):
            continue
        try:
            shutil.rmtree(sibling) if sibling.is_dir() and not sibling.is_symlink() else sibling.unlink()
            removed.append(sibling)
        except OSError:
            pass
    return removed


def write_atomically(path: str | Path, write: Callable[[IO], object], binary: bool = False) -> Path:
    """Call ``write(file)`` on a temporary file beside ``path``, flush it to disk, then rename it
    over ``path``. On any error the temporary file is removed and ``path`` is left as it was;
    an OS error (a full disk, a folder that cannot be written) becomes a :class:`UserError`."""
    path = Path(path)
    remove_stale_temporaries(path)
    tmp = temporary_name(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "xb" if binary else "x", **({} if binary else {"encoding": "utf-8"})) as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        cause = os_error_behind(exc)
        if cause is not None:
            raise UserError(write_failure(path, cause)) from None
        # torch.save reports a failed write as a RuntimeError ("... file write failed").
        if isinstance(exc, RuntimeError) and "write" in str(exc).lower():
            raise UserError(write_failure(path, exc)) from None
        raise
    return path


def os_error_behind(exc: BaseException) -> OSError | None:
    """``exc`` if it is an OSError, else the OSError it was raised while handling (torch.save
    answers a full disk with "unexpected pos 188352 vs 188288" while closing its zip, the
    kernel's "File too large" only in its context); None if there is none."""
    seen = 0
    while exc is not None and seen < 8:
        if isinstance(exc, OSError):
            return exc
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return None


def write_npz(path: str | Path, arrays: dict) -> Path:
    """``numpy.savez`` through :func:`write_atomically`: arrays (no pickles) in an uncompressed
    .npz that ``numpy.load`` reads."""
    import zipfile

    import numpy as np

    def write(f):
        archive = zipfile.ZipFile(f, "w", zipfile.ZIP_STORED, allowZip64=True)
        try:
            for name, value in arrays.items():
                with archive.open(f"{name}.npy", "w", force_zip64=True) as member:
                    np.lib.format.write_array(member, np.asanyarray(value), allow_pickle=False)
            archive.close()
        except BaseException:
            # The file is abandoned: without this, ZipFile would try to finish it again when it is
            # garbage-collected, after the file is closed, and print a traceback.
            archive.fp = None
            raise

    return write_atomically(path, write, binary=True)


def _free_bytes(folder) -> int | None:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def write_failure(path: str | Path, error: BaseException | str) -> str:
    """What to tell the user when writing ``path`` failed with ``error`` (nothing was replaced).

    The true cause: a full disk (said by the error, or seen: under 1 MB free after the failure,
    as when GDAL only reports that it could not save a sidecar), or the error's own words.
    """
    path = Path(path)
    free = _free_bytes(path.parent)
    detail = error.strerror if isinstance(error, OSError) and error.strerror else str(error).strip()
    if is_disk_full(error) or (free is not None and free < _NEARLY_FULL_BYTES):
        room = "free space unknown" if free is None else f"{free / 2**20:,.1f} MB free there"
        return (f"writing {path} failed: the disk is full ({room}); free some space or choose another "
                "folder. Nothing was replaced")
    return f"writing {path} failed ({detail}). Nothing was replaced"


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether two paths name one file: the same resolved path, or the same file (hard links)."""
    a, b = Path(a), Path(b)
    try:
        if a.resolve() == b.resolve():
            return True
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def check_free_space(needs: Sequence) -> None:
    """Refuse to start a run whose outputs cannot fit. ``needs``: (folder, bytes at most, what)
    of each output; outputs on one file system must fit there together."""
    by_disk: dict = {}
    for folder, needed, what in needs:
        # A folder still to be made will be on the disk of its nearest existing parent.
        folder = next((p for p in (Path(folder), *Path(folder).parents) if p.exists()), Path(folder))
        try:
            disk, free = os.stat(folder).st_dev, shutil.disk_usage(folder).free
        except OSError:
            continue
        total, names, _ = by_disk.get(disk, (0, [], free))
        by_disk[disk] = (total + needed, [*names, what], free)
        if total + needed > free:
            together = f"{' and '.join([*names, what])} need" if names else f"{what} needs"
            needed_text, free_text = sizes_apart(total + needed, free)
            raise UserError(f"{together} up to {needed_text} but only {free_text} are free in {folder}; free "
                            "some space or choose another folder")


def sizes_apart(a_bytes: int, b_bytes: int) -> tuple[str, str]:
    """Two sizes in MB with just the decimals that show they differ ("needs 0.1 MB, 0.1 MB free"
    says nothing); in bytes when even a millionth of a MB does not tell them apart."""
    for digits in range(1, 7):
        a, b = f"{a_bytes / 2**20:,.{digits}f} MB", f"{b_bytes / 2**20:,.{digits}f} MB"
        if a != b:
            return a, b
    return f"{a_bytes:,} bytes", f"{b_bytes:,} bytes"


def check_writable_folder(folder: str | Path, what: str) -> None:
    """Refuse a folder where no file can be made, by making (and removing) one there, or in its
    nearest existing parent when it is still to be made: ``os.access`` is no guide for root or
    on read-only file systems."""
    folder = Path(folder).absolute()
    existing = next((p for p in (folder, *folder.parents) if p.exists()), None)
    if existing is None or not existing.is_dir():
        raise UserError(f"cannot write {what}: {existing} is not a folder; choose another path")
    try:
        with tempfile.NamedTemporaryFile(dir=existing, prefix=".moemae-write-check-"):
            pass
    except OSError as exc:
        raise UserError(f"cannot write {what} in {existing} ({exc.strerror or exc}); choose a folder you can "
                        "write to") from None


def check_outputs(outputs: Sequence, inputs: Sequence = (), *, folder_outputs: Sequence = ()) -> None:
    """Refuse bad outputs before any work is done.

    ``outputs``: (what, path, suffixes) for each file to write, e.g. ("the land-cover map",
    "map.tif", (".tif", ".tiff")); ``inputs``: (what, path) for everything the run reads;
    ``folder_outputs``: (what, path) for outputs that are folders (a pack, a run). An output
    must differ from every input and from the other outputs, carry one of its suffixes, not be a
    folder, and lie in a folder that can be written.
    """
    named_inputs = [(what, Path(path)) for what, path in inputs if path]
    seen = []
    for what, path, suffixes in outputs:
        if path is None:  # an optional output not asked for; "" is a name left empty, refused below
            continue
        if not str(path).strip():
            raise UserError(f"{what}: the file name is empty; give one, e.g. "
                            f"{_named_like(Path('output'), suffixes)}")
        path = Path(path)
        _refuse_inputs(what, path, named_inputs + seen)
        if path.is_dir():
            raise UserError(f"{what} {path} is a folder; give a file name ending in {suffixes[0]}")
        if path.suffix.lower() not in suffixes:
            raise UserError(f"{what} is written as {_format_of(suffixes)}, so its name must end in "
                            f"{' or '.join(suffixes)}: {path.name} does not; e.g. "
                            f"{_named_like(path, suffixes)}")
        check_writable_folder(path.parent, f"{what} {path.name}")
        if path.exists() and not os.access(path, os.W_OK):
            raise UserError(f"{what} {path} exists and is read-only; choose another name or make it writable")
        seen.append((what, path))
    for what, path in folder_outputs:
        path = Path(path)
        for input_what, input_path in named_inputs:
            if same_file(path, input_path) or path.resolve() in input_path.resolve().parents:
                raise UserError(f"{what} {path} would hold {input_what} {input_path}, which the run reads; "
                                "choose another folder")
        check_writable_folder(path.parent if not path.is_dir() else path, f"{what} {path.name}")


def _refuse_inputs(what: str, path: Path, others) -> None:
    for other_what, other in others:
        if same_file(path, other):
            raise UserError(f"{what} {path} is also {other_what}: a run never writes over what it reads, nor "
                            "two outputs into one file; choose another file name")


def _format_of(suffixes) -> str:
    return {".tif": "a GeoTIFF", ".json": "JSON", ".npz": "a NumPy .npz archive"}.get(suffixes[0],
                                                                                     f"a {suffixes[0]} file")


def _named_like(path: Path, suffixes: Sequence) -> str:
    """A name like ``path``'s that ends in ``suffixes[0]``, without a second extension: ``.tif``
    (to Python a hidden file without a suffix) and ``map.tif.png`` give output.tif and map.tif."""
    stem = path.stem
    while Path(stem).suffix.lower() in suffixes:
        stem = Path(stem).stem
    if not stem.strip(".") or stem.lower().lstrip(".") in (s.lstrip(".") for s in suffixes):
        stem = "output"
    return stem + suffixes[0]

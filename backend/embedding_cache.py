"""The embedding cache: each scene's embedding field computed once per model and settings.

An entry is a folder ``<user data dir>/embedding-cache/<key>/`` holding ``field.bin`` (raw
float32 cells, ``backend.embedding_field.ArrayField``) and ``entry.json`` (what the field is of,
its grid, its mean vector and the SHA-256 of ``field.bin``). The key is the SHA-256 of the
scene's path, the model's SHA-256 and every setting that changes the embeddings (bands, stride,
cells, pooling, precision, metadata, acquisition date, QA_PIXEL mask, input scale).

- **Stale**: the scene's files (their sizes and times of change) or the record's format differ
  from the entry's record: rebuilt.
- **Damaged**: ``field.bin`` is not the size its shape says, or its bytes do not hash to the
  record's SHA-256 (checked once each time an entry is opened): rebuilt, never used.
- **Written atomically**: built in a temporary folder beside the entries (through the public
  pipeline, ``backend.raster.embed_raster``, at 120 m cells by default), then renamed into place;
  a cancelled or failed build leaves nothing.
- **Size cap**: after a build the least recently used entries (by the time ``entry.json`` was
  last touched) are removed until the cache holds at most :func:`cap_bytes` (never the entry just
  built). ``MOEMAE_EMBEDDING_CACHE_MB`` sets the cap.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from . import paths
from .embedding_field import ArrayField, GeoTiffField
from .errors import UserError
from .files import remove_stale_temporaries, temporary_name
from .progress import Progress

if TYPE_CHECKING:
    from .raster import ClassifyRequest

log = logging.getLogger(__name__)

ENTRY_FORMAT = "moemae-qgis/embedding-field"
ENTRY_VERSION = 1
#: The cache's size by default: about seven whole Landsat scenes at 120 m (2.2 GB each).
DEFAULT_CAP_MB = 16 * 1024
#: The settings of a ClassifyRequest that change the embeddings, and so the key.
#: Cells of a field the cache makes unless asked otherwise: one per 4 × 4 px token (120 m), as classify's.
FIELD_RESOLUTION = "token"
KEY_SETTINGS = ("bands", "stride", "use_metadata", "precision", "pooling", "normed", "qa_pixel", "mask",
                "input_scale", "resolution", "window")


def cache_dir() -> Path:
    """``<user data dir>/embedding-cache`` (not created here)."""
    return paths.user_data_dir() / "embedding-cache"


def cap_bytes() -> int:
    """The cache's size cap: ``MOEMAE_EMBEDDING_CACHE_MB`` megabytes, else :data:`DEFAULT_CAP_MB`."""
    text = os.environ.get("MOEMAE_EMBEDDING_CACHE_MB", "").strip()
    try:
        megabytes = float(text) if text else DEFAULT_CAP_MB
    except ValueError:
        raise UserError(f"MOEMAE_EMBEDDING_CACHE_MB={text!r} is not a number of megabytes") from None
    return int(max(0.0, megabytes) * 2**20)


def scene_files(path: str | Path) -> list:
    """The files a scene is read from: the file itself, and for a product (an MTL file or a
    folder) every file of its folder, sorted."""
    path = Path(path)
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.is_file())
    if "_MTL" in path.name.upper():
        return sorted(p for p in path.parent.iterdir() if p.is_file())
    return [path]


def scene_stamp(path: str | Path, also: list | None = None) -> list:
    """[name, size, time of change in ns] of each file the scene is read from: when any of them
    changes, the entry is stale."""
    files = scene_files(path) + [Path(p) for p in also or [] if p]
    return [[str(p.resolve()), p.stat().st_size, p.stat().st_mtime_ns] for p in files if p.exists()]


def identity(request: ClassifyRequest) -> dict:
    """What a field is of: the scene, the model's SHA-256 and the settings of ``request`` (a
    ``backend.raster.ClassifyRequest``)."""
    from .checksums import file_sha256

    options = request.options
    settings = {name: getattr(options, name) if hasattr(options, name) else getattr(request, name)
                for name in KEY_SETTINGS}
    settings["mask"] = list(settings["mask"])
    when = options.acquisition.when if options.acquisition else None
    return {"scene": str(Path(request.input).resolve()),
            "model_sha256": file_sha256(Path(request.checkpoint)),
            "acquisition": when.isoformat() if when else None, "settings": settings}


def key_of(ident: dict) -> str:
    """The entry's folder name: the SHA-256 of its identity."""
    return hashlib.sha256(json.dumps(ident, sort_keys=True, default=str).encode()).hexdigest()[:32]


def field_sha256(path: Path) -> str:
    """SHA-256 of a field's bytes (8 MB at a time)."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(8 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def open_entry(folder: Path, ident: dict, stamp: list) -> tuple[ArrayField | None, str]:
    """(the field, "") of a sound, current entry, touched as just used; else (None, why not)."""
    try:
        record = json.loads((folder / "entry.json").read_text(encoding="utf-8"))
        field_path = folder / "field.bin"
        rows, cols, dim = (int(v) for v in record["shape"])
        if record.get("format") != ENTRY_FORMAT or record.get("format_version") != ENTRY_VERSION:
            return None, "written by another version"
        if record["identity"] != json.loads(json.dumps(ident, default=str)) or record["stamp"] != stamp:
            return None, "stale: the scene or the settings changed since it was made"
        if field_path.stat().st_size != rows * cols * dim * 4:
            return None, "damaged: its field is not the size its record says"
        if field_sha256(field_path) != record["sha256"]:
            return None, "damaged: its field does not hash to its record's SHA-256"
        field = ArrayField(field_path, (rows, cols, dim), record["transform"], record["crs"], record["name"],
                           record["provenance"], mean=record["mean"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return None, f"damaged: {type(exc).__name__}: {exc}"
    # Least recently used goes first. The time is given, in ns: the kernel's own stamp for "now"
    # is coarse (a few ms), and two uses that close together would tie.
    now = time.time_ns()
    os.utime(folder / "entry.json", ns=(now, now))
    return field, ""


def field_for(request: ClassifyRequest, progress: Progress | None = None) -> ArrayField:
    """The cached embedding field of ``request``'s scene (a ``backend.raster.ClassifyRequest``;
    its output is ignored), built through ``embed_raster`` when there is no sound current entry."""
    ident = identity(request)
    stamp = scene_stamp(request.input, [request.options.qa_pixel])
    folder = cache_dir() / key_of(ident)
    if folder.exists():
        field, why = open_entry(folder, ident, stamp)
        if field is not None:
            log.info(f"embedding field of {field.name} read from the cache ({folder})")
            return field
        log.info(f"the cached embedding field {folder.name} is {why}: making it again")
    build_entry(request, ident, stamp, folder, progress)
    field, why = open_entry(folder, ident, stamp)
    if field is None:
        raise UserError(f"the embedding field just cached in {folder} cannot be read back ({why})")
    evict(cap_bytes(), keep=folder)
    return field


def build_entry(request: ClassifyRequest, ident: dict, stamp: list, folder: Path,
                progress: Progress | None) -> None:
    """Embed the scene into a temporary folder beside the entries, then rename it into place."""
    from .raster import embed_raster

    folder.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(folder)
    work = temporary_name(folder, "building")
    work.mkdir()
    try:
        tiff = work / "field.tif"
        embed_raster(replace(request, output=str(tiff), probe=None, probabilities=None), progress)
        record = _convert(GeoTiffField(tiff), work / "field.bin")
        tiff.unlink()
        Path(f"{tiff}.aux.xml").unlink(missing_ok=True)
        record.update(format=ENTRY_FORMAT, format_version=ENTRY_VERSION, identity=ident, stamp=stamp)
        (work / "entry.json").write_text(json.dumps(record, default=str), encoding="utf-8")
        if folder.exists():  # stale or damaged: out of the way first
            shutil.rmtree(folder)
        os.replace(work, folder)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _convert(field: GeoTiffField, out: Path) -> dict:
    """Write ``field``'s cells raw to ``out`` strip by strip; its record (shape, grid, mean, SHA-256)."""
    digest, total, count = hashlib.sha256(), np.zeros(field.dim), 0
    with open(out, "wb") as f:
        for _, cells in field.strips():
            data = np.ascontiguousarray(cells, np.float32)
            f.write(data.tobytes())
            digest.update(data.tobytes())
            flat = data.reshape(-1, field.dim)
            valid = flat[np.isfinite(flat).all(axis=1)]
            total, count = total + valid.sum(axis=0, dtype=np.float64), count + len(valid)
        f.flush()
        os.fsync(f.fileno())
    field.close()
    return {"shape": [field.rows, field.cols, field.dim], "transform": list(field.transform),
            "crs": field.crs,
            "name": field.provenance.get("INPUT", field.name), "provenance": field.provenance,
            "mean": (total / max(count, 1)).tolist(), "sha256": digest.hexdigest(), "cells_with_data": count}


def entries() -> list:
    """(folder, bytes, last used) of every entry, least recently used first."""
    found = []
    for folder in cache_dir().glob("*"):
        record = folder / "entry.json"
        if folder.is_dir() and not folder.name.startswith(".") and record.exists():
            size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
            found.append((folder, size, record.stat().st_mtime_ns))
    return sorted(found, key=lambda entry: entry[2])


def evict(cap: int, keep: Path | None = None) -> list:
    """Remove the least recently used entries until the cache holds at most ``cap`` bytes
    (never ``keep``); returns the folders removed."""
    listed = entries()
    total, removed = sum(size for _, size, _ in listed), []
    for folder, size, _ in listed:
        if total <= cap:
            break
        if keep is not None and folder == keep:
            continue
        shutil.rmtree(folder, ignore_errors=True)
        total -= size
        removed.append(folder)
        log.info(f"embedding cache over {cap / 2**20:,.0f} MB: removed the least recently used field "
                 f"{folder.name} ({size / 2**20:,.0f} MB)")
    return removed


def open_field(scene: str, request: ClassifyRequest | None,
               progress: Progress | None = None) -> GeoTiffField | ArrayField:
    """The embedding field of ``scene``: an embedding raster that ``embed`` wrote is read as it is
    (never encoded again); anything else is a scene, embedded as ``request`` says (a
    ``backend.raster.ClassifyRequest``) through the cache."""
    from .embedding_field import is_embedding_raster

    if is_embedding_raster(scene):
        log.info(f"{Path(scene).name} is an embedding raster written by embed: read as it is")
        return GeoTiffField(scene)
    if request is None:
        raise UserError(f"{scene} is no embedding raster written by embed; give a Landsat scene with its "
                        "options, or such a raster")
    return field_for(request, progress)


def open_checked_field(scene: str, request: ClassifyRequest | None, outputs: list, inputs: list,
                       progress: Progress | None = None) -> GeoTiffField | ArrayField:
    """:func:`open_field`, once ``outputs`` ((what, path, suffixes)) are checked against every
    input (the scene, the model when the scene is embedded, and ``inputs``: (what, path)), so that
    nothing is computed for an output that would be refused."""
    from .embedding_field import is_embedding_raster
    from .files import check_outputs

    embedded = is_embedding_raster(scene)
    model = [] if embedded or request is None else [("the model", request.checkpoint)]
    check_outputs(outputs, [("the scene", scene), *model, *inputs])
    return open_field(scene, None if embedded else request, progress)


#: The click-to-map panel's stride: a tile every 40 px, each 120 m cell from one tile, a whole
#: scene's field in about three minutes on two CPU cores (the bench's whole-scene row).
PANEL_STRIDE = 40


def scene_field_request(scene: str, checkpoint: str | None = None, stride: int = PANEL_STRIDE,
                        device: str = "auto") -> ClassifyRequest:
    """The ``ClassifyRequest`` that embeds ``scene`` into the cache for the click-to-map panel:
    the default (or given) model, 120 m cells, the acquisition date read as classify reads it."""
    from .acquisition import find_acquisition
    from .catalogue import resolve_model
    from .geo import raster_tags
    from .options import SceneOptions
    from .raster import ClassifyRequest

    acquisition = find_acquisition(scene, raster_tags(scene))
    options = SceneOptions(stride=stride, device=device, resolution=FIELD_RESOLUTION,
                           acquisition=acquisition if acquisition.when else None)
    return ClassifyRequest(input=scene, output="", checkpoint=str(resolve_model(checkpoint)), probe=None,
                           options=options)

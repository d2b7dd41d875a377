"""Datasets of Landsat patches, and the packed format that training reads.

Every dataset yields, per patch: an id, the raw SR_B1…SR_B7 digital numbers as a
(7, 40, 40) uint16 array, the (4, 2) float32 metadata pairs (week, hour, lat, lon; see
``backend.metadata``) and, when labelled, its label. :func:`load` reads a whole dataset into a
:class:`PatchArrays`; :func:`pack` writes one to disk once, as memory-mappable arrays, so that
training epochs read one mapped file instead of thousands of GeoTIFFs.

A patch that cannot be used (unreadable, wrong band count or size, no label file) is a
:class:`PatchError` naming the file. :func:`load` stops at the first unless ``skip_bad`` is
set; then bad patches are skipped and listed in ``PatchArrays.skipped``.
"""
from __future__ import annotations

import csv
import json
import os
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Union

import numpy as np
from osgeo import gdal

from . import classes, geo, landsat
from .errors import UserError
from .files import remove_stale_temporaries, temporary_name, write_failure
from .geo import INTEGER_TYPES
from .metadata import encode_metadata
from .progress import NullProgress

if TYPE_CHECKING:
    from .progress import Progress

PACK_FORMAT = "moemae-qgis/packed-patches"
PACK_VERSION = 1


class PatchError(UserError):
    """One patch cannot be used; the message starts with its file name."""


@dataclass
class PatchArrays:
    """A dataset as arrays (in memory, or memory-mapped from a pack).

    ids: N patch ids · images: (N, 7, 40, 40) uint16 digital numbers · metadata: (N, 4, 2)
    float32 (week, hour, lat, lon) pairs · labels: (N, C) uint8 multi-hot when ``multilabel``,
    else (N,) int64 class indices, or None · class_names: the C names, or None.
    """

    ids: list
    images: np.ndarray
    metadata: np.ndarray
    labels: np.ndarray | None = None
    class_names: list | None = None
    multilabel: bool = False
    kind: str = ""
    skipped: list = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.ids)


def _refuse_scene(root: Path) -> None:
    """Refuse a Landsat product or a raster given as a dataset: it is a scene, whose embeddings
    are an embedding raster (--out E.tif). Read as a folder of patches, a product's band files
    were called 1-band patches, with --skip-bad for advice."""
    if root.is_dir():
        names = [p.name.upper() for p in root.iterdir()]
        product = any(landsat.PRODUCT_ID.search(n) and n.endswith(("_SR_B1.TIF", "_MTL.TXT")) for n in names)
        what = "a Landsat product" if product else None
    else:
        what = "a raster" if _is_tiff(root) or root.suffix.lower() == ".vrt" else None
    if what:
        raise UserError(f"{root} is {what}, not a dataset of patches: its embeddings are written as an "
                        "embedding raster, one per cell (embed SCENE --out E.tif)")


@geo.with_gdal_exceptions
def read_landsat_patch(path: Path, *, allow_thermal: bool = False) -> tuple[np.ndarray, gdal.Dataset]:
    """Read a 7-band GeoTIFF patch: returns (digital numbers (7, H, W) uint16, GDAL dataset).

    An 8th band (Landsat's thermal ST_B10, as in EuroSAT-L) is dropped when ``allow_thermal``.
    """
    try:
        dataset = gdal.Open(str(path))
    except RuntimeError as exc:
        raise PatchError(f"{path.name}: cannot be read as a raster ({exc})") from None
    bands = dataset.RasterCount
    if bands != landsat.NUM_BANDS and not (allow_thermal and bands == landsat.NUM_BANDS + 1):
        raise PatchError(f"{path.name}: has {bands} bands; a patch needs the 7 bands SR_B1…SR_B7")
    data_type = dataset.GetRasterBand(1).DataType
    if data_type not in INTEGER_TYPES:
        raise PatchError(f"{path.name}: holds {gdal.GetDataTypeName(data_type)} values; Landsat Level-2 "
                         "digital numbers are UInt16")
    try:
        pixels = dataset.ReadAsArray(band_list=list(range(1, landsat.NUM_BANDS + 1)))
    except RuntimeError as exc:
        raise PatchError(f"{path.name}: its pixels cannot be read ({exc})") from None
    return np.clip(pixels, 0, 65535).astype(np.uint16, copy=False), dataset


def centre_crop(pixels: np.ndarray, name: str, size: int = landsat.PATCH_SIZE_PX) -> np.ndarray:
    """The size × size centre of (C, H, W): top = (H - size) // 2, left = (W - size) // 2."""
    _, h, w = pixels.shape
    if h < size or w < size:
        raise PatchError(f"{name}: is {w} × {h} px; a patch must be at least {size} × {size}")
    top, left = (h - size) // 2, (w - size) // 2
    return np.ascontiguousarray(pixels[:, top:top + size, left:left + size])


def resize_to_patch(pixels: np.ndarray, size: int = landsat.PATCH_SIZE_PX) -> np.ndarray:
    """Bilinear resize of (C, h, w) digital numbers to (C, size, size), rounded back to uint16."""
    import torch
    import torch.nn.functional as F

    tensor = torch.from_numpy(pixels.astype(np.float32))[None]
    resized = F.interpolate(tensor, size=(size, size), mode="bilinear", align_corners=False)[0]
    return resized.round().clamp(0, 65535).numpy().astype(np.uint16)


def _is_tiff(path: Path) -> bool:
    """A GeoTIFF patch, not a sidecar such as ``.tif.aux.xml`` or ``.tif.ovr``."""
    return path.is_file() and path.suffix.lower() in (".tif", ".tiff")


# --------------------------------------------------------------------------- datasets
class BigEarthNetL:
    """BigEarthNet-Landsat, in the layout of the reference's sample::

        <root>/patches.csv                                 header ``patch_id``, one id a line
        <root>/images/<patch_id>.tif                       7 bands SR_B1…SR_B7, UInt16, 30 m, UTM
        <root>/labels/<patch_id>_labels_metadata.json      ``labels`` (CORINE 43-class names),
                                                           ``acquisition_date`` "YYYY-MM-DD HH:MM:SS"

    Patches are 41-45 px a side; the 40 × 40 centre is used. Metadata: the acquisition date
    and time from the label file, the centre of the patch's full extent in EPSG:4326.
    Labels: 19-class multi-hot (``backend.classes``).
    """

    kind = "bigearthnet-l"
    multilabel = True
    class_names: ClassVar[list] = list(classes.BIGEARTHNET19_NAMES)

    def __init__(self, root: str | Path):
        self.root = Path(root)
        listing = self.root / "patches.csv"
        with open(listing, newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            if "patch_id" not in (reader.fieldnames or []):
                raise UserError(f"{listing}: the first line must be the header 'patch_id'")
            self.ids = [row["patch_id"].strip() for row in reader if row["patch_id"].strip()]

    def __len__(self):
        return len(self.ids)

    def read(self, index: int) -> tuple:
        patch_id = self.ids[index]
        image_path = self.root / "images" / f"{patch_id}.tif"
        label_path = self.root / "labels" / f"{patch_id}_labels_metadata.json"
        if not image_path.is_file():
            raise PatchError(f"{image_path.name}: image file is missing")
        if not label_path.is_file():
            raise PatchError(f"{label_path.name}: label file is missing")
        try:
            label_doc = json.loads(label_path.read_text(encoding="utf-8"))
            acquired = datetime.strptime(label_doc["acquisition_date"], "%Y-%m-%d %H:%M:%S")
            label = classes.multi_hot_19(label_doc["labels"])
        except (ValueError, KeyError, TypeError) as exc:
            raise PatchError(f"{label_path.name}: not a valid label file ({exc})") from None
        pixels, dataset = read_landsat_patch(image_path)
        try:
            lon, lat = geo.raster_centre_lonlat(dataset)
        except RuntimeError as exc:
            raise PatchError(f"{image_path.name}: its position cannot be found (no usable CRS: {exc})") \
                from None
        meta = np.stack(encode_metadata(acquired, [lat], [lon]), axis=1)[0]
        return patch_id, centre_crop(pixels, image_path.name), meta, label


class EuroSATL:
    """EuroSAT-Landsat: one folder per class of GeoTIFF patches::

        <root>/<ClassName>/<anything>.tif     7 SR bands (an 8th thermal band is dropped), 22 × 22 px

    Patches are resized to 40 × 40 (bilinear). No metadata (all four pairs missing, as the
    published EuroSAT-L embeddings were made). Labels: the class index, classes sorted by name.
    """

    kind = "eurosat-l"
    multilabel = False

    def __init__(self, root: str | Path):
        self.root = Path(root)
        self.class_names = sorted(p.name for p in self.root.iterdir() if p.is_dir())
        self.items = [(path, index) for index, name in enumerate(self.class_names)
                      for path in sorted((self.root / name).iterdir()) if _is_tiff(path)]
        self.ids = [f"{path.parent.name}/{path.stem}" for path, _ in self.items]

    def __len__(self):
        return len(self.items)

    def read(self, index: int) -> tuple:
        path, label = self.items[index]
        pixels, _ = read_landsat_patch(path, allow_thermal=True)
        meta = np.zeros((4, 2), np.float32)
        return self.ids[index], resize_to_patch(pixels), meta, np.int64(label)


class PatchFolder:
    """Any folder of 7-band GeoTIFF patches, unlabelled (for pretraining)::

        <root>/<anything>.tif     7 bands SR_B1…SR_B7, UInt16, at least 40 × 40 px

    The 40 × 40 centre is used. Latitude and longitude of the patch centre when it is
    georeferenced; the acquisition time is unknown (missing).
    """

    kind = "folder"
    multilabel = False
    class_names = None

    def __init__(self, root: str | Path):
        self.root = Path(root)
        self.paths = sorted(p for p in self.root.iterdir() if _is_tiff(p))
        self.ids = [p.stem for p in self.paths]

    def __len__(self):
        return len(self.paths)

    def read(self, index: int) -> tuple:
        path = self.paths[index]
        pixels, dataset = read_landsat_patch(path)
        lat = lon = None
        if dataset.GetProjection() and dataset.GetGeoTransform() != (0, 1, 0, 0, 0, 1):
            lon, lat = geo.raster_centre_lonlat(dataset)
        meta = np.stack(encode_metadata(None, [lat], [lon]), axis=1)[0]
        return self.ids[index], centre_crop(pixels, path.name), meta, None


#: What :func:`open_dataset` gives: a dataset read patch by patch, or a memory-mapped pack.
Dataset = Union["BigEarthNetL", "EuroSATL", "PatchFolder", PatchArrays]

DATASET_KINDS = {"bigearthnet-l": BigEarthNetL, "eurosat-l": EuroSATL, "folder": PatchFolder}


def open_dataset(path: str | Path, kind: str = "auto") -> Dataset:
    """A dataset object for ``path``: a pack, BigEarthNet-L, EuroSAT-L or a folder of patches."""
    root = Path(path)
    if not root.exists():
        raise UserError(f"dataset {root} does not exist")
    _refuse_scene(root)
    if not root.is_dir():
        raise UserError(f"dataset {root} is not a folder")
    if kind == "auto":
        if (root / "manifest.json").is_file():
            kind = "packed"
        elif (root / "patches.csv").is_file():
            kind = "bigearthnet-l"
        elif any(p.is_dir() and any(_is_tiff(f) for f in p.iterdir()) for p in root.iterdir()):
            kind = "eurosat-l"
        elif any(_is_tiff(p) for p in root.iterdir()):
            kind = "folder"
        else:
            raise UserError(f"{root} holds no dataset: expected a pack (manifest.json), BigEarthNet-L "
                            "(patches.csv, images/, labels/), EuroSAT-L (one folder per class) or .tif "
                            "patches")
    if kind == "packed":
        return open_pack(root)
    if kind not in DATASET_KINDS:
        raise UserError(f"unknown dataset kind {kind!r}; choose auto, packed, {', '.join(DATASET_KINDS)}")
    dataset = DATASET_KINDS[kind](root)
    if len(dataset) == 0:
        raise UserError(f"{root} holds no patches")
    return dataset


@geo.with_gdal_exceptions
def load(dataset: Dataset, skip_bad: bool = False, progress: Progress | None = None) -> PatchArrays:
    """Read every patch of ``dataset`` into memory (a pack is returned as it is, mapped)."""
    if isinstance(dataset, PatchArrays):
        return dataset
    progress = progress or NullProgress(len(dataset))
    n = len(dataset)
    size = landsat.PATCH_SIZE_PX
    images = np.empty((n, landsat.NUM_BANDS, size, size), np.uint16)
    metadata = np.empty((n, 4, 2), np.float32)
    labels, ids, skipped = [], [], []
    for index in range(n):
        progress.check()
        try:
            patch_id, pixels, meta, label = dataset.read(index)
        except PatchError as exc:
            if not skip_bad:
                raise PatchError(f"{exc} (in {dataset.root}; run with --skip-bad to skip such patches)") \
                    from None
            skipped.append(str(exc))
            progress.update()
            continue
        images[len(ids)], metadata[len(ids)] = pixels, meta
        ids.append(patch_id)
        labels.append(label)
        progress.update()
    progress.close()
    if not ids:
        raise UserError(f"no usable patch in {dataset.root}: " + "; ".join(skipped[:3]))
    has_labels = labels[0] is not None
    return PatchArrays(ids=ids, images=images[:len(ids)], metadata=metadata[:len(ids)],
                       labels=np.stack(labels) if has_labels else None,
                       class_names=dataset.class_names if has_labels else None,
                       multilabel=dataset.multilabel, kind=dataset.kind, skipped=skipped)


# --------------------------------------------------------------------------- packs
def band_statistics(images: np.ndarray, chunk: int = 4096) -> dict:
    """Per-band mean and population standard deviation of (N, 7, H, W) digital numbers."""
    total = np.zeros(images.shape[1]), np.zeros(images.shape[1])
    count = 0
    for start in range(0, len(images), chunk):
        block = images[start:start + chunk].astype(np.float64)
        total[0][:] += block.sum(axis=(0, 2, 3))
        total[1][:] += (block ** 2).sum(axis=(0, 2, 3))
        count += block.shape[0] * block.shape[2] * block.shape[3]
    mean = total[0] / count
    std = np.sqrt(np.maximum(total[1] / count - mean ** 2, 0))
    return {"mean": mean.round(3).tolist(), "std": std.round(3).tolist()}



class _Stream:
    """A file as numpy sees a stream: it then writes in chunks through ``write`` (Python's, which
    keeps the errno of a full disk) instead of ``tofile``, whose short write says only "N requested
    and M written"."""

    def __init__(self, handle):
        self.write = handle.write


def _save_array(path: Path, array: np.ndarray) -> None:
    """``array`` as a .npy file at ``path``; a full disk raises OSError(ENOSPC), a file too large
    for the file system OSError(EFBIG)."""
    with open(path, "wb") as handle:
        np.lib.format.write_array(_Stream(handle), np.ascontiguousarray(array), allow_pickle=False)

def pack(arrays: PatchArrays, out_dir: str | Path, source: str = "") -> Path:
    """Write ``arrays`` as a pack folder::

        <out>/images.npy      (N, 7, 40, 40) uint16      <out>/metadata.npy  (N, 4, 2) float32
        <out>/labels.npy      (N, C) uint8 or (N,) int64 (labelled datasets only)
        <out>/manifest.json   format, counts, ids, classes, band statistics, skipped patches

    Written into a temporary folder beside ``out`` and renamed into place: an interrupted
    pack leaves nothing half-written, and an existing pack is replaced only when complete.
    """
    out = Path(out_dir)
    if out.exists() and not (out.is_dir() and (out / "manifest.json").is_file()):
        raise UserError(f"{out} exists and is not a pack: choose a new folder for --out (pack replaces only "
                        "an earlier pack, never other files)")
    if source:
        src = Path(source).resolve()
        if out.resolve() == src or out.resolve() in src.parents:
            raise UserError(f"--out {out} would replace the dataset being packed; choose another folder")
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(out)  # staging folders of packs that were killed
    staging = temporary_name(out, "staging")
    staging.mkdir()
    try:
        _write_pack_files(staging, arrays, source)
        if out.exists():
            retired = temporary_name(out, "old")
            os.replace(out, retired)
            os.replace(staging, out)
            shutil.rmtree(retired, ignore_errors=True)
        else:
            os.replace(staging, out)
    except OSError as exc:
        # Said before the staging folder goes: the disk is still as full as when the write failed.
        message = write_failure(out, exc)
        shutil.rmtree(staging, ignore_errors=True)
        raise UserError(message) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return out


def _write_pack_files(folder: Path, arrays: PatchArrays, source: str) -> None:
    """The arrays and the manifest of a pack, into ``folder``."""
    _save_array(folder / "images.npy", arrays.images)
    _save_array(folder / "metadata.npy", arrays.metadata)
    if arrays.labels is not None:
        _save_array(folder / "labels.npy", arrays.labels)
    manifest = {
        "format": PACK_FORMAT, "format_version": PACK_VERSION, "kind": arrays.kind,
        "source": source, "count": len(arrays), "bands": list(landsat.BANDS),
        "patch_size": landsat.PATCH_SIZE_PX, "multilabel": arrays.multilabel,
        "class_names": arrays.class_names, "statistics": band_statistics(arrays.images),
        "skipped": arrays.skipped, "ids": list(arrays.ids),
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")


def open_pack(root: str | Path) -> PatchArrays:
    """Memory-map a pack written by :func:`pack` (nothing is read until used)."""
    root = Path(root)
    try:
        manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(f"{root}/manifest.json cannot be read ({exc}); pack the dataset again") from None
    if manifest.get("format") != PACK_FORMAT or manifest.get("format_version", 99) > PACK_VERSION:
        raise UserError(f"{root} is not a pack this version reads (format {manifest.get('format')!r}, "
                        f"version {manifest.get('format_version')!r})")
    try:
        images = np.load(root / "images.npy", mmap_mode="r")
        metadata = np.load(root / "metadata.npy", mmap_mode="r")
        labels = np.load(root / "labels.npy", mmap_mode="r") if (root / "labels.npy").is_file() else None
    except (OSError, ValueError) as exc:
        raise UserError(f"{root}: pack arrays cannot be read ({exc}); pack the dataset again") from None
    n = manifest["count"]
    size = landsat.PATCH_SIZE_PX
    if images.shape != (n, landsat.NUM_BANDS, size, size) or images.dtype != np.uint16 \
            or metadata.shape != (n, 4, 2) or (labels is not None and len(labels) != n):
        raise UserError(f"{root}: the arrays do not match the manifest ({n} patches); pack the dataset again")
    return PatchArrays(ids=manifest["ids"], images=images, metadata=metadata, labels=labels,
                       class_names=manifest.get("class_names"), multilabel=manifest.get("multilabel", False),
                       kind=manifest.get("kind", ""), skipped=manifest.get("skipped", []))

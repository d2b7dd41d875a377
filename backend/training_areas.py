"""Fit a probe of the user's own classes from a few labelled places on a scene.

The QGIS algorithm ``moemae:trainprobe`` turns points and polygons into sample positions
(pixel centres on the raster); here each becomes a 40 × 40 tile around it (moved inward at the
edges), is embedded with the frozen encoder exactly as a classification would embed it, and a
multinomial logistic-regression probe is fitted on those embeddings: a few labels instead of a
big training set.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
from osgeo import gdal

from . import classes, geo, landsat
from .errors import UserError
from .metadata import encode_metadata
from .progress import NullProgress
from .raster import MAX_FILL_SHARE, band_mapping, check_raster, fill_mask

MIN_PER_CLASS = 3


@dataclass
class ProbeReport:
    counts: dict  # class name → tiles used
    skipped_fill: int
    cv_accuracy: float | None  # stratified k-fold overall accuracy; None when too few samples
    folds: int


@geo.with_gdal_exceptions
def fit_probe_on_areas(raster_path, samples, class_names, checkpoint, *, bands=None, acquisition=None,
                       use_metadata: bool = True, device: str = "auto", pooling: str = "mean",
                       min_per_class: int = MIN_PER_CLASS, seed: int = 0, log=print, progress=None):
    """Fit a probe from ``samples``: (column, row, class index) pixel positions on the raster.

    Returns (LinearProbe, ProbeReport). Refuses, naming the class, when a class has fewer than
    ``min_per_class`` usable tiles.
    """
    from sklearn.model_selection import StratifiedKFold

    from .checkpoint import load_pretrained
    from .embed import embed_tiles, model_fingerprint
    from .probe import fit

    path = Path(raster_path)
    try:
        dataset = gdal.Open(str(path))
    except RuntimeError as exc:
        raise UserError(f"{path.name} cannot be opened as a raster ({str(exc).strip()})") from None
    bands = band_mapping(dataset, bands)
    check_raster(dataset, bands, path.name)
    width, height, size = dataset.RasterXSize, dataset.RasterYSize, landsat.PATCH_SIZE_PX
    nodata = [dataset.GetRasterBand(b).GetNoDataValue() for b in bands]
    tiles, labels, centres, skipped = [], [], [], 0
    progress = progress or NullProgress(len(samples))
    for col, row, label in samples:
        progress.check()
        progress.update(1)
        x0 = int(min(max(round(col) - size // 2, 0), width - size))
        y0 = int(min(max(round(row) - size // 2, 0), height - size))
        pixels = dataset.ReadAsArray(x0, y0, size, size, band_list=bands)
        if fill_mask(pixels, nodata).mean() > MAX_FILL_SHARE:
            skipped += 1
            continue
        tiles.append(np.clip(pixels, 0, 65535).astype(np.uint16))
        labels.append(int(label))
        centres.append((x0 + size / 2, y0 + size / 2))
    labels = np.asarray(labels, dtype=np.int64)
    counts = {name: int((labels == k).sum()) for k, name in enumerate(class_names)}
    too_few = {name: n for name, n in counts.items() if n < min_per_class}
    if too_few:
        listed = ", ".join(f"'{name}' has {n}" for name, n in too_few.items())
        raise UserError(f"too few samples: {listed} (at least {min_per_class} tiles of 40 × 40 px per class are "
                        "needed); draw more or larger training areas for these classes")

    model = load_pretrained(checkpoint, device)
    meta = None
    if use_metadata:
        lat = lon = None
        crs = dataset.GetProjection()
        if crs:
            cx, cy = np.asarray(centres).T
            lon, lat = geo.to_lonlat(crs, *geo.pixel_to_map(dataset.GetGeoTransform(), cx, cy))
            lat, lon = list(lat), list(lon)
        meta = np.stack(encode_metadata(acquisition, lat, lon, count=len(labels)), axis=1)
    parts = []
    for i in range(0, len(tiles), 256):
        progress.check()
        parts.append(embed_tiles(model, np.stack(tiles[i:i + 256]), None if meta is None else meta[i:i + 256],
                                 pooling=pooling))
    features = np.concatenate(parts)
    folds = min(5, min(counts.values()))
    accuracy = None
    if folds >= 2:
        correct = 0
        for train, test in StratifiedKFold(folds, shuffle=True, random_state=seed).split(features, labels):
            held_out = fit(features[train], labels[train], class_names, multilabel=False, standardize=True, seed=seed)
            correct += int((held_out.predict(features[test]) == labels[test]).sum())
        accuracy = correct / len(labels)
    colours = classes.colours_for(class_names)
    probe = fit(features, labels, class_names, multilabel=False, colours=colours, standardize=True, seed=seed,
                pooling=pooling, use_metadata=use_metadata,
                model_info={"fingerprint": model_fingerprint(model), "size": model.config.size,
                            "checkpoint": Path(checkpoint).name})
    probe.training.update(source_raster=path.name, cv_accuracy=accuracy, folds=folds)
    return probe, ProbeReport(counts=counts, skipped_fill=skipped, cv_accuracy=accuracy, folds=folds)

"""Fit a probe of the user's own classes from a few labelled places on a scene.

The QGIS algorithm ``moemae:trainprobe`` turns points and polygons into sample positions
(pixel positions on the raster's own grid, from its GDAL geotransform); here each becomes a
40 × 40 tile around it (moved inward at the edges), read and cleaned exactly as a
classification reads its tiles (``backend.raster``), embedded with the frozen encoder, and a
multinomial logistic-regression probe is fitted on those embeddings: a few labels instead of a
big training set.

Memory stays flat however many positions come in: tiles are read and embedded a batch at a
time and only their features are kept; beyond :data:`MAX_SAMPLES` positions an even share of
each class is kept (the probe gains nothing from more, and the time would grow without bound).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

import numpy as np

from . import classes, geo, landsat
from .errors import UserError
from .progress import NullProgress, Progress
from .raster import (
    MAP_RESOLUTION_DEFAULT,
    MAX_FILL_SHARE,
    RESOLUTIONS,
    Scene,
    demonstration_warnings,
    fill_invalid,
    open_scene,
    tile_metadata,
)

if TYPE_CHECKING:
    from .model import MoEMAE
    from .probe import LinearProbe

log = logging.getLogger(__name__)

MIN_PER_CLASS = 3
#: Default spacing of samples inside a polygon: one per 4 × 4 px token (120 m), the cell of a map
#: at token resolution, so that a polygon of a few hundred metres gives a few dozen samples, each
#: a different map cell (at 20 px a 600 m polygon gave one).
DEFAULT_SPACING_PX = landsat.TOKEN_PATCH_PX
#: Below this many samples the 95 % interval of a cross-validated accuracy is wider than ±0.1
#: whatever the accuracy (binomial worst case, p = 0.5: 1.96 × √(0.25 / n) > 0.1 for n < 97), so the
#: figure is said to mean little. (Samples from one area are alike, so even more samples still
#: flatter the figure; the warning says the least that is certain.)
MIN_SAMPLES_FOR_ACCURACY = 100
#: Most sample positions a probe is fitted on; more are thinned evenly within each class.
MAX_SAMPLES = 20_000
BATCH = 256


@dataclass
class ProbeReport:
    counts: dict  # class name → tiles used
    skipped_fill: int
    cv_accuracy: float | None  # stratified k-fold overall accuracy; None when too few samples
    folds: int
    thinned_from: int = 0  # positions given, when more than MAX_SAMPLES
    cv_interval: tuple | None = None  # 95 % Wilson interval (low, high) of cv_accuracy
    warnings: list = field(default_factory=list)  # what the user must know about the probe


def accuracy_interval(accuracy: float, samples: int, z: float = 1.96) -> tuple[float, float]:
    """The 95 % Wilson score interval of an accuracy measured on ``samples``: unlike the normal
    approximation it does not shrink to nothing at an accuracy of 1.000."""
    shrink = 1 + z * z / samples
    centre = (accuracy + z * z / (2 * samples)) / shrink
    half = z / shrink * np.sqrt(accuracy * (1 - accuracy) / samples + z * z / (4 * samples ** 2))
    return max(0.0, float(centre - half)), min(1.0, float(centre + half))


def accuracy_warning(accuracy: float | None, samples: int) -> str | None:
    """What to say when ``samples`` are too few for the cross-validated ``accuracy`` to mean much."""
    if accuracy is None or samples >= MIN_SAMPLES_FOR_ACCURACY:
        return None
    low, high = accuracy_interval(accuracy, samples)
    return (f"cross-validated accuracy {accuracy:.3f} on only {samples} samples (95 % interval "
            f"{low:.2f}-{high:.2f}): too few for the figure to mean much (at least "
            f"{MIN_SAMPLES_FOR_ACCURACY} narrow it to about ±0.1); draw more or larger training areas, in "
            "more places")


def thin_samples(samples: list, max_samples: int, seed: int = 0) -> list:
    """At most ``max_samples`` of (col, row, class) ``samples``, each class keeping its share
    (at least :data:`MIN_PER_CLASS` where it has them), chosen at random with ``seed``."""
    if len(samples) <= max_samples:
        return list(samples)
    rng = np.random.default_rng(seed)
    labels = np.asarray([s[2] for s in samples])
    kept = []
    for label in np.unique(labels):
        members = np.flatnonzero(labels == label)
        share = max(min(len(members), MIN_PER_CLASS), round(max_samples * len(members) / len(samples)))
        kept.extend(rng.choice(members, min(share, len(members)), replace=False).tolist())
    return [samples[i] for i in sorted(kept)]


def _tile_origin(col: float, row: float, scene: Scene) -> tuple[int, int]:
    size = landsat.PATCH_SIZE_PX
    return (int(min(max(round(col) - size // 2, 0), scene.width - size)),
            int(min(max(round(row) - size // 2, 0), scene.height - size)))


def embed_samples(scene: Scene, samples: list, model: MoEMAE, *, acquisition: date | datetime | None,
                  use_metadata: bool, pooling: str, progress: Progress,
                  token: bool = False) -> tuple[np.ndarray, np.ndarray, int]:
    """Features (N, F) and labels (N,) of the usable tiles at (col, row, class) ``samples``, and
    how many positions were skipped for being more than half fill, no data or masked. With
    ``token``, a sample's feature is the share of the tile's mean of the 4 × 4 px token under it
    (``backend.embed.token_features``), as a map at token resolution reads it."""
    size = landsat.PATCH_SIZE_PX
    features, labels, skipped = [], [], 0
    for start in range(0, len(samples), BATCH):
        progress.check()
        origins, tiles, batch_labels, tokens = [], [], [], []
        for col, row, label in samples[start:start + BATCH]:
            x0, y0 = _tile_origin(col, row, scene)
            window = scene.read_window(x0, y0, size, size)
            if window.unused.mean() > MAX_FILL_SHARE:
                skipped += 1
                continue
            origins.append((x0, y0))
            tiles.append(fill_invalid(window.pixels, window.unused))
            batch_labels.append(int(label))
            tokens.append(_token_index(col - x0, row - y0))
        if tiles:
            meta = tile_metadata(scene, origins, acquisition, use_metadata)
            features.append(_features(model, np.stack(tiles), meta, pooling, tokens if token else None))
            labels.extend(batch_labels)
        progress.update(min(BATCH, len(samples) - start))
    dim = features[0].shape[1] if features else 0
    return (np.concatenate(features) if features else np.zeros((0, dim), np.float32),
            np.asarray(labels, dtype=np.int64), skipped)


def _token_index(col: float, row: float) -> int:
    """Row-major index of the 4 × 4 px token of a tile under the position (col, row) in it."""
    side, px = landsat.PATCH_SIZE_PX // landsat.TOKEN_PATCH_PX, landsat.TOKEN_PATCH_PX
    clamp = lambda v: int(min(max(v // px, 0), side - 1))  # noqa: E731 - a one-line helper
    return clamp(row) * side + clamp(col)


def _features(model: MoEMAE, tiles: np.ndarray, meta: np.ndarray | None, pooling: str,
              tokens: list | None) -> np.ndarray:
    """(B, F) features of the tiles: pooled, or (``tokens``: an index per tile) the token's share."""
    from .embed import embed_tile_tokens, embed_tiles

    if tokens is None:
        return embed_tiles(model, tiles, meta, pooling=pooling)
    shares = embed_tile_tokens(model, tiles, meta, pooling=pooling)  # (B, 100, D)
    return shares[np.arange(len(shares)), tokens]


def _token_resolution(resolution: str, pooling: str) -> bool:
    """Whether samples are read per token; refused for poolings that have no per-token form."""
    from .embed import TOKEN_POOLINGS

    if resolution not in RESOLUTIONS:
        raise UserError(f"RESOLUTION must be one of {', '.join(RESOLUTIONS)}, not {resolution!r}")
    if resolution == "token" and pooling not in TOKEN_POOLINGS:
        raise UserError(f"POOLING {pooling} has no per-token form: a probe of tokens is fitted on their "
                        "shares of the mean (POOLING mean or patch-mean)")
    return resolution == "token" or (resolution == "auto" and pooling in TOKEN_POOLINGS)


def cross_validated_accuracy(features: np.ndarray, labels: np.ndarray, class_names: list, folds: int,
                             seed: int, progress: Progress) -> float | None:
    """Stratified ``folds``-fold overall accuracy of the probe; None when a class has too few."""
    from sklearn.model_selection import StratifiedKFold

    from .probe import fit

    if folds < 2:
        return None
    correct = 0
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=seed).split(features, labels):
        progress.check()
        held_out = fit(features[train], labels[train], class_names, multilabel=False, standardize=True,
                       seed=seed)
        correct += int((held_out.predict(features[test]) == labels[test]).sum())
    return correct / len(labels)


def _class_counts(labels, class_names: list) -> dict:
    """Class name → how many of ``labels`` (class indices) it has."""
    counts = np.bincount(np.asarray(labels, dtype=np.int64), minlength=len(class_names))
    return {name: int(counts[k]) for k, name in enumerate(class_names)}


def _refuse_classes_with_too_few(counts: dict, min_per_class: int) -> None:
    too_few = {name: n for name, n in counts.items() if n < min_per_class}
    if too_few:
        listed = ", ".join(f"'{name}' has {n}" for name, n in too_few.items())
        raise UserError(f"too few samples: {listed} (at least {min_per_class} tiles of 40 × 40 px per class "
                        "are needed, and tiles more than half fill, no data or masked by QA_PIXEL do not "
                        "count); draw more or "
                        "larger training areas for these classes")


@geo.with_gdal_exceptions
def fit_probe_on_areas(raster_path: str | Path, samples: list, class_names: list, checkpoint: str | Path, *,
                       bands: list | None = None, acquisition: date | datetime | None = None,
                       use_metadata: bool = True, device: str = "auto", pooling: str = "mean",
                       qa_pixel: str | None = None, mask: Sequence[str] = landsat.DEFAULT_QA_MASK,
                       input_scale: str = "auto", resolution: str = MAP_RESOLUTION_DEFAULT,
                       min_per_class: int = MIN_PER_CLASS, max_samples: int = MAX_SAMPLES, seed: int = 0,
                       colours: dict | None = None,
                       progress: Progress | None = None) -> tuple[LinearProbe, ProbeReport]:
    """Fit a probe from ``samples``: (column, row, class index) pixel positions on the raster.

    ``qa_pixel``, ``mask`` and ``input_scale`` are read as a classification reads them
    (``backend.raster.open_scene``): masked tiles are left out. ``resolution`` "token": each
    position's feature is the 4 × 4 px token under it (pooling mean or patch-mean), and the probe
    records it (``training["resolution"]``). ``colours``: class name → (r, g, b) the user chose
    (others: ``backend.classes.colours_for``). Returns (LinearProbe, ProbeReport, with warnings
    such as too few samples for the accuracy to mean much); refuses, naming the class, when a
    class has fewer than ``min_per_class`` usable tiles. ``progress`` counts the positions read
    and embedded, and is checked for a cancel between batches and cross-validation folds.
    """
    from .checkpoint import load_pretrained, model_fingerprint
    from .probe import fit

    scene = open_scene(str(raster_path), bands, qa_pixel=qa_pixel, mask=mask, input_scale=input_scale)
    _refuse_classes_with_too_few(_class_counts([s[2] for s in samples], class_names), min_per_class)
    given = len(samples)
    samples = thin_samples(samples, max_samples, seed)
    if len(samples) < given:
        log.info(f"{given:,} sample positions; {len(samples):,} kept, an even share of each class (more "
                 "would add time and memory, not accuracy)")
    model = load_pretrained(checkpoint, device)
    for line in demonstration_warnings(model):
        log.warning(line)
    progress = progress or NullProgress()
    progress.total = len(samples)
    token = _token_resolution(resolution, pooling)
    features, labels, skipped = embed_samples(scene, samples, model, acquisition=acquisition,
                                              use_metadata=use_metadata, pooling=pooling, progress=progress,
                                              token=token)
    report = _cross_validate(features, labels, class_names, min_per_class, seed, progress)
    report.skipped_fill, report.thinned_from = skipped, given if len(samples) < given else 0
    progress.check()
    probe = fit(features, labels, class_names, multilabel=False,
                colours=classes.colours_for(class_names, given=colours),
                standardize=True, seed=seed, pooling=pooling, use_metadata=use_metadata,
                model_info={"fingerprint": model_fingerprint(model), "size": model.config.size,
                            "checkpoint": Path(checkpoint).name})
    probe.training.update(source_raster=scene.name, cv_accuracy=report.cv_accuracy, folds=report.folds,
                          cv_interval=report.cv_interval, warnings=report.warnings,
                          resolution="token" if token else "tile")
    return probe, report


def _cross_validate(features: np.ndarray, labels: np.ndarray, class_names: list, min_per_class: int,
                    seed: int, progress: Progress) -> ProbeReport:
    """Tiles per class (refused when too few) and the cross-validated accuracy with its interval,
    warned of in the log when the samples are too few for it to mean much."""
    counts = _class_counts(labels, class_names)
    _refuse_classes_with_too_few(counts, min_per_class)
    folds = min(5, min(counts.values()))
    log.info(f"fitting the probe on {len(labels):,} tiles ({folds}-fold cross-validation first)")
    accuracy = cross_validated_accuracy(features, labels, class_names, folds, seed, progress)
    warnings = [w for w in [accuracy_warning(accuracy, len(labels))] if w]
    for line in warnings:
        log.warning(line)
    return ProbeReport(counts=counts, skipped_fill=0, cv_accuracy=accuracy, folds=folds,
                       cv_interval=None if accuracy is None else accuracy_interval(accuracy, len(labels)),
                       warnings=warnings)

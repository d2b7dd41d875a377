"""A probe of the user's own classes from a few clicks on an embedding field (the click-to-map panel).

Each click is a map point and a class; its feature is the field's cell under it: at 120 m cells
that is the token's share of its tile's mean, the very feature a 120 m classification reads, so
the probe saved here paints whole scenes with ``classify`` (``training.resolution`` = token). The
probe is ``backend.probe.fit``'s (multinomial, standardised features) and its cross-validated
accuracy is stratified k-fold over the clicks (``backend.probe_check``), k = min(5, fewest clicks
of a class); with fewer than 2 clicks of a class there is none.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from .embedding_field import EmbeddingField
from .errors import UserError
from .probe import LinearProbe, fit
from .similarity import write_view

#: Clicks of a class a probe needs: two, so that every class can be held out once.
MIN_CLICKS = 2


@dataclass
class ClickProbe:
    probe: LinearProbe
    cv_accuracy: float | None  # None: too few clicks per class to hold any out
    folds: int
    counts: dict = field(default_factory=dict)  # class name → clicks used
    left_out: int = 0  # clicks outside the field or on cells without data


def click_features(field_: EmbeddingField, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """((n, D) float32 features, (n,) bool usable) of the cells under map points x, y (field's CRS)."""
    rows, cols = field_.cells_at(np.asarray(x, float), np.asarray(y, float))
    vectors = field_.vectors_at(rows, cols)
    return vectors, np.isfinite(vectors).all(axis=1)


def fit_click_probe(field_: EmbeddingField, clicks: list, class_names: list, seed: int = 0) -> ClickProbe:
    """Fit a probe of ``class_names`` on ``clicks``: (x, y, class index) in the field's CRS."""
    from .probe_check import cross_validated_predictions

    if len(class_names) < 2:
        raise UserError("name at least two classes and click cells of each")
    clicks = list(clicks)
    x, y, labels = (np.asarray([c[i] for c in clicks], float) for i in range(3))
    features, usable = click_features(field_, x, y)
    features, labels = features[usable], labels[usable].astype(np.int64)
    counts = {name: int((labels == k).sum()) for k, name in enumerate(class_names)}
    short = [f"'{name}' has {n}" for name, n in counts.items() if n < MIN_CLICKS]
    if short:
        raise UserError(f"too few clicks on cells with data: {', '.join(short)}; click at least {MIN_CLICKS} "
                        "cells of every class")
    folds = min(5, min(counts.values()))
    predicted = cross_validated_predictions(features, labels, class_names, folds, seed)
    accuracy = None if predicted is None else float(np.mean(predicted == labels))
    probe = fit(features, labels, class_names, multilabel=False, standardize=True, seed=seed, pooling="mean",
                use_metadata=field_.provenance.get("METADATA_TOKENS", "").startswith("date"),
                model_info=_model_info(field_))
    probe.training.update(source_raster=field_.name, cv_accuracy=accuracy, folds=folds, clicks=len(labels),
                          resolution=field_.provenance.get("RESOLUTION", "token"), made_by="click to map")
    return ClickProbe(probe, accuracy, folds, counts, left_out=int((~usable).sum()))


def _model_info(field_: EmbeddingField) -> dict:
    """The model the field was embedded with, as a probe records it (classify checks it)."""
    info = {"fingerprint": field_.provenance.get("MODEL_FINGERPRINT", ""),
            "checkpoint": field_.provenance.get("MODEL", ""), "dim": field_.dim}
    return {k: v for k, v in info.items() if v}


def write_class_view(field_: EmbeddingField, probe: LinearProbe, extent: tuple,
                     out: str | Path) -> Path | None:
    """The probe's classes over the cells of ``extent`` (the visible map, in the field's CRS) as a
    small Byte GeoTIFF (255: no data); None when the extent misses the field."""
    def classes(cells: np.ndarray) -> np.ndarray:
        flat = cells.reshape(-1, cells.shape[-1])
        usable = np.isfinite(flat).all(axis=1)
        out_ = np.full(len(flat), 255, np.uint8)
        if usable.any():
            out_[usable] = probe.predict(flat[usable])
        return out_.reshape(cells.shape[:2])

    return write_view(field_, extent, out, classes)


def save_click_probe(result: ClickProbe, path: str | Path) -> Path:
    """Write the probe (atomically, ``LinearProbe.save``) for ``classify`` and ``moemae:classify``."""
    if Path(path).suffix.lower() != ".json":
        raise UserError(f"a probe is written as JSON: {Path(path).name} must end in .json")
    return result.probe.save(path)

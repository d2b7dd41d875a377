"""A probe's own check, before any map is made with it: its cross-validated error matrix and the
F1 score of each class, as an HTML page (with a PNG chart) beside the probe file.

Every sample is predicted by a probe fitted without it (stratified k-fold), so the matrix shows
how the probe does on samples it has not seen; samples from one area are alike, so it still
flatters the probe: an assessment of the map (``assess``) is the real test.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np

from .files import write_atomically
from .progress import NullProgress, Progress


def cross_validated_predictions(features: np.ndarray, labels: np.ndarray, class_names: list, folds: int,
                                seed: int, progress: Progress | None = None, standardize: bool = True,
                                c: float = 1.0, max_iter: int = 1000) -> np.ndarray | None:
    """(N,) each sample's class as predicted by a multinomial probe fitted on the other folds
    (stratified ``folds``-fold; ``standardize``, ``c``, ``max_iter`` as ``backend.probe.fit``
    takes them); None when ``folds`` < 2."""
    from sklearn.model_selection import StratifiedKFold

    from .probe import fit

    if folds < 2:
        return None
    progress = progress or NullProgress()
    predicted = np.full(len(labels), -1, dtype=np.int64)
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=seed).split(features, labels):
        progress.check()
        held_out = fit(features[train], labels[train], class_names, multilabel=False,
                       standardize=standardize, c=c, max_iter=max_iter, seed=seed)
        predicted[test] = held_out.predict(features[test])
    return predicted


def error_matrix(labels: np.ndarray, predicted: np.ndarray, n_classes: int) -> np.ndarray:
    """(K, K) counts: rows the labels given, columns the classes predicted."""
    matrix = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(matrix, (np.asarray(labels, dtype=np.int64), np.asarray(predicted, dtype=np.int64)), 1)
    return matrix


def f1_scores(matrix: np.ndarray) -> list:
    """Per class, 2 × precision × recall / (precision + recall) of an error matrix (0 when undefined)."""
    matrix = np.asarray(matrix, dtype=np.float64)
    hits = np.diag(matrix)
    denominator = matrix.sum(axis=0) + matrix.sum(axis=1)
    return [float(2 * h / d) if d else 0.0 for h, d in zip(hits, denominator)]


def check_path(probe_path: str | Path) -> Path:
    """Where the check of the probe at ``probe_path`` goes: ``<probe>.check.html`` beside it."""
    probe_path = Path(probe_path)
    return probe_path.with_name(probe_path.stem + ".check.html")


def write_probe_check(probe_path: str | Path, class_names: list, labels: np.ndarray, predicted: np.ndarray,
                      folds: int) -> Path:
    """Write the check page of a probe beside it (see :func:`check_path`); returns its path."""
    from .report_html import probe_check_html

    matrix = error_matrix(labels, predicted, len(class_names))
    accuracy = float(np.trace(matrix) / max(matrix.sum(), 1))
    summary = (f"{Path(probe_path).name}: {folds}-fold cross-validated accuracy {accuracy:.3f} on "
               f"{int(matrix.sum())} samples of {len(class_names)} classes.")
    page = probe_check_html(list(class_names), matrix, f1_scores(matrix), summary)
    return write_atomically(check_path(probe_path), lambda f: f.write(page))

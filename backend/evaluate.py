"""k-fold evaluation of linear probes for small labelled sets, against a zonal-statistics baseline.

The baseline, as Landsat-Bench uses it: per-band mean and standard deviation of the z-scored
patch (14 numbers), then the same logistic regression. Every method sees the same folds; the
metrics are computed once on the pooled out-of-fold predictions (every patch predicted by a
probe that never saw it), with the spread of micro mAP over the folds beside them.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from . import landsat
from .embed import embed_arrays
from .probe import fit, metrics

if TYPE_CHECKING:
    from .data import PatchArrays


def zonal_statistics(arrays: PatchArrays) -> np.ndarray:
    """(N, 14): per-band mean and standard deviation of each z-scored patch."""
    images = landsat.normalize(np.asarray(arrays.images))
    return np.concatenate([images.mean(axis=(2, 3)), images.std(axis=(2, 3))], axis=1)


def folds_for(labels: np.ndarray, multilabel: bool, k: int, seed: int) -> list:
    """Train/test index pairs: stratified for single-label data when every class allows it."""
    from sklearn.model_selection import KFold, StratifiedKFold

    n = len(labels)
    if k < 2 or k > n:
        raise ValueError(f"need 2 ≤ folds ≤ {n}, got {k}")
    if not multilabel and np.bincount(labels).min(initial=k) >= k:
        return list(StratifiedKFold(k, shuffle=True, random_state=seed).split(np.zeros(n), labels))
    return list(KFold(k, shuffle=True, random_state=seed).split(np.zeros(n)))


def cross_validate(features: np.ndarray, arrays: PatchArrays, splits: list, *, standardize: bool,
                   seed: int) -> dict:
    labels, names, multilabel = np.asarray(arrays.labels), arrays.class_names, arrays.multilabel
    proba = np.zeros((len(labels), len(names)))
    per_fold = []
    for train, test in splits:
        probe = fit(features[train], labels[train], names, multilabel=multilabel, standardize=standardize,
                    seed=seed)
        proba[test] = probe.predict_proba(features[test])
        per_fold.append(metrics(proba[test], None, labels[test], names, multilabel)["micro_map"])
    result = metrics(proba, None, labels, names, multilabel)
    result["micro_map_fold_std"] = float(np.std(per_fold))
    return result


def evaluate(arrays: PatchArrays, models: dict, *, folds: int = 5, pooling: str = "mean", seed: int = 0,
             standardize: bool = False) -> dict:
    """Cross-validate the baseline and a probe on each model's embeddings (``models``: name → MoEMAE).

    Returns {"results": {name: metrics}, "table": a Markdown table}.
    """
    if arrays.labels is None:
        raise ValueError("evaluate needs a labelled dataset")
    splits = folds_for(np.asarray(arrays.labels), arrays.multilabel, folds, seed)
    results = {"zonal statistics (per-band mean, std)": cross_validate(
        zonal_statistics(arrays), arrays, splits, standardize=True, seed=seed)}
    for name, model in models.items():
        features = embed_arrays(model, arrays, pooling=pooling)
        results[f"{name} ({pooling} pooling)"] = cross_validate(features, arrays, splits,
                                                               standardize=standardize, seed=seed)
    task = "multi-label" if arrays.multilabel else "single-label"
    header = (f"{folds}-fold cross-validation on {len(arrays)} patches "
              f"({task}, {len(arrays.class_names)} classes)")
    lines = [header, "", "| method | micro mAP | macro mAP | micro F1 | overall accuracy |",
             "|---|---:|---:|---:|---:|"]
    for name, r in results.items():
        lines.append(f"| {name} | {r['micro_map']:.3f} ± {r['micro_map_fold_std']:.3f} | "
                     f"{r['macro_map']:.3f} | {r['micro_f1']:.3f} | {r['overall_accuracy']:.3f} |")
    return {"results": results, "table": "\n".join(lines)}

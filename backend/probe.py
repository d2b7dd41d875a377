"""Linear probes on frozen embeddings: fit, evaluate, save and load them safely.

As in the paper (spec, "Linear probes"): scikit-learn's LogisticRegression (solver sag,
max_iter 1000), one-vs-rest for multi-label data, multinomial for single-label data,
optionally on standardised features.

A probe is saved as JSON (never a pickle): its coefficients, intercepts, class names and
colours, the pooling and token options it expects, the standardiser, and the fingerprint of the
encoder weights it was fitted on (``backend.embed.model_fingerprint``), so that a model and a
probe that do not belong together are caught before a map is painted with them.
"""
from __future__ import annotations

import json
import math
import warnings
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from . import __version__
from .classes import fallback_colour
from .errors import UserError
from .files import write_atomically

PROBE_FORMAT = "moemae-qgis/linear-probe"
PROBE_VERSION = 1
#: Intercept of a class that never (or always) occurred in training: probability ~1e-13 (or ~1).
_CONSTANT_LOGIT = 30.0


class ProbeError(UserError):
    """A probe file that cannot be used; the message says why."""


@dataclass
class LinearProbe:
    """Logits = standardise(features) · coef.T + intercept; sigmoid (multi-label) or softmax."""

    class_names: list
    colours: list  # [r, g, b] per class
    coef: np.ndarray  # (C, F) float64
    intercept: np.ndarray  # (C,) float64
    multilabel: bool
    pooling: str = "mean"
    normed: bool = False
    use_metadata: bool = True
    scaler_mean: np.ndarray | None = None  # (F,) or None
    scaler_scale: np.ndarray | None = None
    model: dict = field(default_factory=dict)  # fingerprint, size, dim, checkpoint it was fitted on
    training: dict = field(default_factory=dict)  # samples, class counts, metrics, options

    @property
    def num_features(self) -> int:
        return self.coef.shape[1]

    def logits(self, features: np.ndarray) -> np.ndarray:
        x = np.asarray(features, dtype=np.float64)
        if x.ndim != 2 or x.shape[1] != self.num_features:
            raise ProbeError(f"the probe expects {self.num_features} features per sample, got shape {x.shape}")
        if self.scaler_mean is not None:
            x = (x - self.scaler_mean) / self.scaler_scale
        return x @ self.coef.T + self.intercept

    def predict_proba(self, features: np.ndarray) -> np.ndarray:
        """(N, F) features → (N, C) probabilities (independent per class when multi-label)."""
        z = self.logits(features)
        if self.multilabel:
            return 1.0 / (1.0 + np.exp(-np.clip(z, -60, 60)))
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)

    def predict(self, features: np.ndarray) -> np.ndarray:
        """Multi-label: (N, C) 0/1 at probability 0.5; single-label: (N,) class indices."""
        proba = self.predict_proba(features)
        return (proba >= 0.5).astype(np.uint8) if self.multilabel else proba.argmax(axis=1)

    # ---- files
    def to_dict(self) -> dict:
        content = asdict(self)
        for key in ("coef", "intercept", "scaler_mean", "scaler_scale"):
            value = getattr(self, key)
            content[key] = None if value is None else np.asarray(value, float).tolist()
        return {"format": PROBE_FORMAT, "format_version": PROBE_VERSION, "made_by": f"moemae-qgis {__version__}",
                **content}

    def save(self, path) -> Path:
        """Write JSON atomically (``backend.files.write_atomically``)."""
        return write_atomically(path, lambda f: json.dump(self.to_dict(), f))

    @classmethod
    def load(cls, path) -> "LinearProbe":
        """Read and check a probe file; a :class:`ProbeError` names whatever is wrong."""
        path = Path(path)
        if not path.is_file():
            raise ProbeError(f"probe {path} does not exist")
        try:
            content = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise ProbeError(f"{path} is not a probe file (not JSON: {exc})") from None
        if not isinstance(content, dict) or content.get("format") != PROBE_FORMAT:
            raise ProbeError(f"{path} is not a moemae-qgis probe (its 'format' is "
                             f"{content.get('format') if isinstance(content, dict) else None!r})")
        if not isinstance(content.get("format_version"), int) or content["format_version"] > PROBE_VERSION:
            raise ProbeError(f"{path}: probe format version {content.get('format_version')!r} is newer than "
                             f"this version reads ({PROBE_VERSION}); update the plugin")
        try:
            coef = np.asarray(content["coef"], dtype=np.float64)
            intercept = np.asarray(content["intercept"], dtype=np.float64)
            names = [str(n) for n in content["class_names"]]
            colours = [tuple(int(v) for v in c) for c in content["colours"]]
            scaler_mean = None if content.get("scaler_mean") is None else np.asarray(content["scaler_mean"], float)
            scaler_scale = None if content.get("scaler_scale") is None else np.asarray(content["scaler_scale"], float)
            probe = cls(class_names=names, colours=colours, coef=coef, intercept=intercept,
                        multilabel=bool(content["multilabel"]), pooling=str(content.get("pooling", "mean")),
                        normed=bool(content.get("normed", False)),
                        use_metadata=bool(content.get("use_metadata", True)),
                        scaler_mean=scaler_mean, scaler_scale=scaler_scale,
                        model=dict(content.get("model") or {}), training=dict(content.get("training") or {}))
        except (KeyError, TypeError, ValueError) as exc:
            raise ProbeError(f"{path}: a field is missing or malformed ({type(exc).__name__}: {exc})") from None
        c = len(names)
        problems = []
        if coef.ndim != 2 or coef.shape[0] != c:
            problems.append(f"coef has shape {coef.shape}, expected ({c}, features)")
        if intercept.shape != (c,):
            problems.append(f"intercept has shape {intercept.shape}, expected ({c},)")
        if len(colours) != c or any(len(col) != 3 or not all(0 <= v <= 255 for v in col) for col in colours):
            problems.append("colours must be one [r, g, b] (0-255) per class")
        for name, value in (("scaler_mean", scaler_mean), ("scaler_scale", scaler_scale)):
            if value is not None and (coef.ndim != 2 or value.shape != (coef.shape[1],)):
                problems.append(f"{name} does not match the number of features")
        if not problems and not (np.isfinite(coef).all() and np.isfinite(intercept).all()):
            problems.append("coef or intercept holds NaN or infinite values")
        from .embed import VECTOR_POOLINGS

        if probe.pooling not in VECTOR_POOLINGS:
            problems.append(f"unknown pooling {probe.pooling!r}")
        if c < 2:
            problems.append("a probe needs at least 2 classes")
        if problems:
            raise ProbeError(f"{path} is not a usable probe: " + "; ".join(problems))
        return probe


def fit(features: np.ndarray, labels: np.ndarray, class_names: list, *, multilabel: bool, colours=None,
        standardize: bool = False, c: float = 1.0, max_iter: int = 1000, seed: int = 0, pooling: str = "mean",
        normed: bool = False, use_metadata: bool = True, model_info: dict | None = None) -> LinearProbe:
    """Fit a probe. ``labels``: (N, C) 0/1 when multi-label, else (N,) indices into ``class_names``."""
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression

    x = np.asarray(features, dtype=np.float64)
    y = np.asarray(labels)
    if len(x) != len(y):
        raise UserError(f"{len(x)} feature rows but {len(y)} labels")
    scaler_mean = scaler_scale = None
    if standardize:
        scaler_mean = x.mean(axis=0)
        scaler_scale = x.std(axis=0)
        scaler_scale[scaler_scale == 0] = 1.0
        x = (x - scaler_mean) / scaler_scale
    n_classes = len(class_names)
    coef = np.zeros((n_classes, x.shape[1]))
    intercept = np.zeros(n_classes)

    def logistic():
        return LogisticRegression(solver="sag", max_iter=max_iter, C=c, random_state=seed)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        if multilabel:
            for k in range(n_classes):  # one-vs-rest, one binary problem per class
                column = y[:, k]
                if column.min() == column.max():  # never (or always) seen: a constant answer
                    intercept[k] = _CONSTANT_LOGIT if column.max() else -_CONSTANT_LOGIT
                    continue
                model = logistic().fit(x, column)
                coef[k], intercept[k] = model.coef_[0], model.intercept_[0]
        else:
            present = np.unique(y)
            if len(present) < 2:
                raise UserError("a single-label probe needs samples of at least 2 classes")
            model = logistic().fit(x, y)
            if len(present) == 2:  # sklearn's binary form: one row; softmax([0, z]) = sigmoid(z)
                coef[present[1]], intercept[present[1]] = model.coef_[0], model.intercept_[0]
                absent = [k for k in range(n_classes) if k not in present]
            else:
                coef[model.classes_], intercept[model.classes_] = model.coef_, model.intercept_
                absent = [k for k in range(n_classes) if k not in model.classes_]
            intercept[absent] = -_CONSTANT_LOGIT
    counts = (y.sum(axis=0) if multilabel else np.bincount(y, minlength=n_classes)).astype(int).tolist()
    colours = list(colours) if colours else [fallback_colour(i) for i in range(n_classes)]
    return LinearProbe(class_names=list(class_names), colours=[tuple(col) for col in colours], coef=coef,
                       intercept=intercept, multilabel=multilabel, pooling=pooling, normed=normed,
                       use_metadata=use_metadata, scaler_mean=scaler_mean, scaler_scale=scaler_scale,
                       model=dict(model_info or {}),
                       training={"samples": int(len(x)), "class_counts": counts, "standardize": standardize,
                                 "C": c, "max_iter": max_iter, "solver": "sag"})


def metrics(probe_or_proba, features_or_none, labels: np.ndarray, class_names: list, multilabel: bool) -> dict:
    """Micro and macro mAP, per-class AP, overall accuracy, micro and macro F1.

    Pass a probe and features, or (N, C) probabilities and None. Classes without a positive
    sample have no AP (null) and are left out of the macro mAP.
    """
    from sklearn.metrics import accuracy_score, average_precision_score, f1_score

    if isinstance(probe_or_proba, LinearProbe):
        proba = probe_or_proba.predict_proba(features_or_none)
    else:
        proba = np.asarray(probe_or_proba)
    y = np.asarray(labels)
    n_classes = len(class_names)
    if multilabel:
        truth = y.astype(int)
        predicted = (proba >= 0.5).astype(int)
    else:
        truth = np.eye(n_classes, dtype=int)[y]
        predicted = np.eye(n_classes, dtype=int)[proba.argmax(axis=1)]
    per_class = {}
    for k, name in enumerate(class_names):
        per_class[name] = float(average_precision_score(truth[:, k], proba[:, k])) if truth[:, k].any() else None
    present = [v for v in per_class.values() if v is not None]
    result = {
        "samples": int(len(y)),
        "micro_map": float(average_precision_score(truth, proba, average="micro")),
        "macro_map": float(np.mean(present)) if present else math.nan,
        "per_class_ap": per_class,
        "micro_f1": float(f1_score(truth, predicted, average="micro", zero_division=0)),
        "macro_f1": float(f1_score(truth, predicted, average="macro", zero_division=0)),
    }
    if multilabel:
        # Overall accuracy of the individual class decisions; subset accuracy: all of a sample's right.
        result["overall_accuracy"] = float((truth == predicted).mean())
        result["subset_accuracy"] = float(accuracy_score(truth, predicted))
    else:
        result["overall_accuracy"] = float((proba.argmax(axis=1) == y).mean())
    return result

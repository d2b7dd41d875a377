"""Linear probes on frozen embeddings: fit, evaluate, save and load them safely.

As in the paper (spec, "Linear probes"): scikit-learn's LogisticRegression (solver sag,
max_iter 1000), one-vs-rest for multi-label data, multinomial for single-label data,
optionally on standardised features.

A probe is saved as JSON (never a pickle): its coefficients, intercepts, class names and
colours, the pooling and token options it expects, the standardiser, and the fingerprint of the
encoder weights it was fitted on (``backend.checkpoint.model_fingerprint``), so that a model and a
probe that do not belong together are caught before a map is painted with them.
"""
from __future__ import annotations

import json
import logging
import math
import warnings
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from . import __version__
from .classes import MAX_CLASSES, colours_for
from .errors import UserError
from .files import write_atomically

if TYPE_CHECKING:
    import torch

PROBE_FORMAT = "moemae-qgis/linear-probe"
PROBE_VERSION = 1
log = logging.getLogger(__name__)
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

    def logits(self, features: np.ndarray | torch.Tensor) -> np.ndarray | torch.Tensor:
        """(N, F) features → (N, C) logits, in float64: an array from an array, or a tensor on
        the features' device from a tensor (a GPU map computes them before copying back; float32
        on MPS)."""
        mean, scale, coef, intercept = self.scaler_mean, self.scaler_scale, self.coef, self.intercept
        if isinstance(features, np.ndarray) or not hasattr(features, "device"):
            x = np.asarray(features, dtype=np.float64)
        else:
            import torch

            # float64 as on the CPU, except on Apple's MPS, which has no float64.
            dtype = torch.float32 if features.device.type == "mps" else torch.float64
            x = features.to(dtype)
            mean, scale, coef, intercept = (
                None if a is None else torch.as_tensor(a, dtype=dtype, device=x.device)
                for a in (mean, scale, coef, intercept))
        if x.ndim != 2 or x.shape[1] != self.num_features:
            raise ProbeError(f"the probe expects {self.num_features} features per sample, "
                             f"got shape {tuple(x.shape)}")
        if mean is not None:
            x = (x - mean) / scale
        z = x @ coef.T + intercept
        # A NaN logit would be argmax'd into class 0 without a word; the load-time bounds make this
        # unreachable for embeddings of any sane size, so it only fires on features that are not.
        if not bool(np.isfinite(z).all() if isinstance(z, np.ndarray) else z.isfinite().all()):
            raise ProbeError("the probe's scores (logits) overflowed to infinity or NaN: its coefficients "
                             "or the features are far outside any fitted probe's range; refit the probe")
        return z

    def predict_proba(self, features: np.ndarray) -> np.ndarray:
        """(N, F) features → (N, C) probabilities (independent per class when multi-label)."""
        return self.probabilities(self.logits(features))

    def probabilities(self, z: np.ndarray) -> np.ndarray:
        """(N, C) logits → (N, C) probabilities: a sigmoid per class (multi-label) or a softmax."""
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
        return {"format": PROBE_FORMAT, "format_version": PROBE_VERSION,
                "made_by": f"moemae-qgis {__version__}",
                **content}

    def save(self, path: str | Path) -> Path:
        """Write JSON atomically (``backend.files.write_atomically``)."""
        return write_atomically(path, lambda f: json.dump(self.to_dict(), f))

    @classmethod
    def load(cls, path: str | Path) -> LinearProbe:
        """Read and check a probe file; a :class:`ProbeError` names whatever is wrong.

        Every field is checked against what a map needs, so that a probe that loads also paints
        faithfully: 2 to 255 distinct class names (the class raster is UInt8 with 255 as nodata),
        one [r, g, b] of integers 0-255 per class, finite coefficients, a scaler with finite means
        and positive finite scales, true/false flags that are JSON booleans.
        """
        path = Path(path)
        if not path.is_file():
            raise ProbeError(f"probe {path} {'is not a file' if path.exists() else 'does not exist'}")
        if path.stat().st_size > MAX_PROBE_BYTES:
            raise ProbeError(f"{path} is {path.stat().st_size / 2**20:.0f} MB, far larger than any probe "
                             f"({MAX_PROBE_BYTES / 2**20:.0f} MB at most); it is not a probe file")
        try:
            content = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise ProbeError(f"{path} is not a probe file (not JSON: {exc})") from None
        except RecursionError:
            raise ProbeError(f"{path} is not a probe file (its JSON is nested far too deeply)") from None
        except OSError as exc:
            raise ProbeError(f"cannot read {path}: {exc.strerror or exc}") from None
        if not isinstance(content, dict) or content.get("format") != PROBE_FORMAT:
            raise ProbeError(f"{path} is not a moemae-qgis probe (its 'format' is "
                             f"{content.get('format') if isinstance(content, dict) else None!r})")
        _check_version(path, content)
        problems = _problems(content)
        if problems:
            raise ProbeError(f"{path} is not a usable probe: " + "; ".join(problems))
        return cls(class_names=list(content["class_names"]), colours=[tuple(c) for c in content["colours"]],
                   coef=np.asarray(content["coef"], np.float64),
                   intercept=np.asarray(content["intercept"], np.float64),
                   multilabel=content["multilabel"], pooling=content.get("pooling", "mean"),
                   normed=content.get("normed", False), use_metadata=content.get("use_metadata", True),
                   scaler_mean=_optional_array(content.get("scaler_mean")),
                   scaler_scale=_optional_array(content.get("scaler_scale")),
                   model=dict(content.get("model") or {}), training=dict(content.get("training") or {}))


#: A probe of the largest kind (15,120 features, 255 classes) is about 60 MB of JSON.
MAX_PROBE_BYTES = 256 << 20
#: Largest |value| of a coefficient, intercept or scaler mean, and the range of a scaler scale.
#: Fitted probes stay below 100 (standardised, C = 1); with these bounds a logit is at most about
#: 15,120 features × 1e6 / 1e-6 × |feature|, finite in float64 and float32 for any embedding, where
#: 1e308 overflowed into NaN and painted class 0.
MAX_MAGNITUDE = 1e6


def _check_version(path: Path, content: dict) -> None:
    """A probe's ``format_version`` must be a version this plugin reads; each wrong kind says so."""
    version = content.get("format_version")
    if "format_version" not in content:
        raise ProbeError(f"{path} has no 'format_version': every probe this plugin writes has one "
                         f"(\"format_version\": {PROBE_VERSION}); the file was made by hand or damaged, "
                         "so refit the probe or add the field")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ProbeError(f"{path}: 'format_version' is {version!r}, not a version (a whole number from 1); "
                         "the file was made by hand or damaged")
    if version > PROBE_VERSION:
        raise ProbeError(f"{path}: probe format version {version} is newer than this version reads "
                         f"({PROBE_VERSION}); update the plugin")


def _optional_array(value):
    return None if value is None else np.asarray(value, np.float64)


def _is_rgb(colour) -> bool:
    """[r, g, b] of integers 0-255 (not booleans, which JSON would give as true/false)."""
    return isinstance(colour, list) and len(colour) == 3 and all(
        isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 255 for v in colour)


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _numbers(value, shape_text: str, ndim: int) -> tuple[np.ndarray | None, str | None]:
    """``value`` as a float64 array of ``ndim`` dimensions of JSON numbers, or why it is not."""
    rows = value if ndim == 2 else [value]
    if not isinstance(value, list) or not value or not all(isinstance(r, list) and r for r in rows):
        return None, f"must be a non-empty {shape_text}"
    if len({len(r) for r in rows}) != 1 or not all(_is_number(v) for r in rows for v in r):
        return None, f"must be a {shape_text} of numbers"
    array = np.asarray(value, np.float64)
    if not np.isfinite(array).all():
        return None, "holds NaN or infinite values"
    if np.abs(array).max() > MAX_MAGNITUDE:
        return None, (f"holds {_largest(array)}, beyond ±{MAX_MAGNITUDE:.0e}: no fitted probe has such "
                      "values, and its scores would overflow to NaN")
    return array, None


def _largest(array: np.ndarray) -> str:
    return f"{array.flat[np.abs(array).argmax()]:.3g}"


def _problems(content: dict) -> list:
    """Everything in a probe's JSON that would stop it painting a faithful map."""
    from .embed import VECTOR_POOLINGS
    problems = []
    names = content.get("class_names")
    if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
        return ["class_names must be a list of non-empty names"]
    c = len(names)
    if not 2 <= c <= MAX_CLASSES:
        problems.append(f"it has {c} classes; a map holds 2 to {MAX_CLASSES} (UInt8, 255 is nodata)")
    repeated = repeated_names(names)
    if repeated:
        problems.append("class_names repeats a name (spaces at either end do not tell names apart): "
                        + ", ".join(map(repr, repeated)))
    colours = content.get("colours")
    if not (isinstance(colours, list) and len(colours) == c and all(_is_rgb(col) for col in colours)):
        problems.append("colours must be one [r, g, b] of integers 0-255 per class")
    for key in ("multilabel", "normed", "use_metadata"):
        if (key in content or key == "multilabel") and not isinstance(content.get(key), bool):
            problems.append(f"{key} must be true or false, not {content.get(key)!r}")
    if content.get("pooling", "mean") not in VECTOR_POOLINGS:
        problems.append(f"unknown pooling {content.get('pooling')!r} (one of {', '.join(VECTOR_POOLINGS)})")
    coef, why = _numbers(content.get("coef"), "(classes × features) list of lists", 2)
    if why:
        problems.append(f"coef {why}")
    elif coef.shape[0] != c:
        problems.append(f"coef has {coef.shape[0]} rows for {c} classes")
    intercept, why = _numbers(content.get("intercept"), "list with one number per class", 1)
    if why:
        problems.append(f"intercept {why}")
    elif intercept.shape != (c,):
        problems.append(f"intercept has {intercept.shape[0]} values for {c} classes")
    problems += _scaler_problems(content, coef)
    if not isinstance(content.get("model", {}), dict) or not isinstance(content.get("training", {}), dict):
        problems.append("model and training must be JSON objects")
    elif not isinstance(content.get("model", {}).get("fingerprint", ""), str):
        problems.append("model.fingerprint must be a string")
    return problems


def _scaler_problems(content: dict, coef) -> list:
    mean, scale = content.get("scaler_mean"), content.get("scaler_scale")
    training = content.get("training")
    if mean is None and scale is None:
        # Coefficients fitted on standardised features read raw ones as something else: the map
        # would change without a word, so a probe that says it was standardised needs its scaler.
        if isinstance(training, dict) and training.get("standardize") is True:
            return ["training.standardize is true but scaler_mean and scaler_scale are missing: it was "
                    "fitted on standardised features and would paint another map without them; refit it"]
        return []
    if (mean is None) != (scale is None):
        return ["scaler_mean and scaler_scale must be given together"]
    problems = []
    for name, value in (("scaler_mean", mean), ("scaler_scale", scale)):
        array, why = _numbers(value, "list with one number per feature", 1)
        if why:
            problems.append(f"{name} {why}")
        elif coef is not None and array.shape != (coef.shape[1],):
            problems.append(f"{name} has {array.shape[0]} values for {coef.shape[1]} features")
        elif name == "scaler_scale" and (array <= 0).any():
            problems.append("scaler_scale must be positive (a zero scale divides by zero)")
        elif name == "scaler_scale" and array.min() < 1 / MAX_MAGNITUDE:
            problems.append(f"scaler_scale holds {array.min():.3g}, below {1 / MAX_MAGNITUDE:.0e}: dividing "
                            "by it would blow the scores up to overflow")
    return problems


def feature_mismatch(probe: LinearProbe, dim: int, probe_name: str, model_name: str) -> str | None:
    """Why ``probe`` cannot read the features of a model of ``dim`` values per token, or None;
    a pooling that does not match its coefficients is named as such, not as another model."""
    from .embed import VECTOR_POOLINGS, feature_size

    expected = feature_size(dim, probe.pooling)
    if probe.num_features == expected:
        return None
    fitting = [p for p in VECTOR_POOLINGS if feature_size(dim, p) == probe.num_features]
    if fitting:
        size = "one token" if "all" not in fitting else "every token"
        return (f"the probe {probe_name} says pooling '{probe.pooling}' ({expected:,} features with the "
                f"model {model_name}) but its coefficients have {probe.num_features:,}, the size of {size} "
                f"(pooling {_either(fitting)}): it was fitted with another pooling; fix its 'pooling' or "
                "refit it")
    return (f"the probe {probe_name} expects {probe.num_features:,} features but the model {model_name} "
            f"gives {expected:,} with pooling '{probe.pooling}' ({dim} per token): they do not belong "
            "together; pick the probe fitted on this model")


def _either(names: list) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def fit(features: np.ndarray, labels: np.ndarray, class_names: list, *, multilabel: bool,
        colours: list | None = None, standardize: bool = False, c: float = 1.0, max_iter: int = 1000,
        seed: int = 0, pooling: str = "mean", normed: bool = False, use_metadata: bool = True,
        model_info: dict | None = None, every_class: bool = False) -> LinearProbe:
    """Fit a probe. ``labels``: (N, C) 0/1 when multi-label, else (N,) indices into ``class_names``.
    ``every_class`` refuses data that lacks a class (``check_classes``); the folds of a
    cross-validation may lack one, a probe to keep may not."""
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression

    x, y = check_training_data(features, labels, class_names, multilabel)
    if every_class:
        check_classes(y, class_names, multilabel)
    scaler_mean = scaler_scale = None
    if standardize:
        scaler_mean = x.mean(axis=0)
        scaler_scale = x.std(axis=0)
        # A feature constant to 1e-6 carries nothing; dividing by its spread would blow it up
        # (and the probe would not load: see MAX_MAGNITUDE).
        scaler_scale[scaler_scale < 1 / MAX_MAGNITUDE] = 1.0
        x = (x - scaler_mean) / scaler_scale

    def logistic() -> LogisticRegression:
        return LogisticRegression(solver="sag", max_iter=max_iter, C=c, random_state=seed)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        fitter = _fit_one_vs_rest if multilabel else _fit_multinomial
        coef, intercept = fitter(logistic, x, y, len(class_names))
    n_classes = len(class_names)
    counts = (y.sum(axis=0) if multilabel else np.bincount(y, minlength=n_classes)).astype(int).tolist()
    colours = list(colours) if colours else colours_for(class_names)
    return LinearProbe(class_names=list(class_names), colours=[tuple(col) for col in colours], coef=coef,
                       intercept=intercept, multilabel=multilabel, pooling=pooling, normed=normed,
                       use_metadata=use_metadata, scaler_mean=scaler_mean, scaler_scale=scaler_scale,
                       model=dict(model_info or {}),
                       training={"samples": len(x), "class_counts": counts, "standardize": standardize,
                                 "C": c, "max_iter": max_iter, "solver": "sag"})


def check_training_data(features: np.ndarray, labels: np.ndarray, class_names: list,
                        multilabel: bool) -> tuple[np.ndarray, np.ndarray]:
    """The (N, F) features as float64 and the labels as int64, or a UserError that says what in
    them no probe can be fitted on (sklearn would raise a traceback, or fit nonsense)."""
    x, y = np.asarray(features), np.asarray(labels)
    if x.ndim != 2 or x.dtype.kind not in "biuf":
        raise UserError(f"the embeddings must be a table of numbers (samples × features), not {x.dtype} "
                        f"{x.shape}")
    if len(x) == 0:
        raise UserError("the embeddings hold no sample (0 rows): there is nothing to fit a probe on")
    if len(x) != len(y):
        raise UserError(f"{len(x)} embedding rows but {len(y)} labels: one label per row is needed")
    x = x.astype(np.float64)
    bad = np.flatnonzero(~np.isfinite(x).all(axis=1))
    if bad.size:
        raise UserError(f"{bad.size} embedding row(s) hold NaN or infinite values (the first: row {bad[0]}); "
                        "embed the data again")
    if np.abs(x).max() > MAX_MAGNITUDE:
        raise UserError(f"the embeddings hold {_largest(x)}, beyond ±{MAX_MAGNITUDE:.0e}: no encoder gives "
                        "such values (the file is damaged or not embeddings); embed the data again")
    _check_class_names(class_names)
    return x, _label_indices(y, len(class_names), multilabel)


def _check_class_names(class_names: list) -> None:
    if len(class_names) > MAX_CLASSES:
        raise UserError(f"{len(class_names)} classes are more than a land-cover map holds ({MAX_CLASSES}: "
                        "UInt8, 255 is nodata); merge some classes")
    repeated = repeated_names(list(class_names))
    if repeated:
        raise UserError(f"class_names repeats a name ({', '.join(map(repr, repeated))}): a map could not "
                        "tell those classes apart (spaces at either end do not count); give every class its "
                        "own name")


def repeated_names(names: list) -> list:
    """The names that occur more than once once the spaces at either end are gone: a map's
    category names are read stripped (``backend.class_raster``), so "Forest" and "Forest " would be
    one class there."""
    stripped = [str(n).strip() for n in names]
    return sorted({n for n in stripped if stripped.count(n) > 1})


def _label_indices(y: np.ndarray, n_classes: int, multilabel: bool) -> np.ndarray:
    """Labels as int64: (N, C) of 0/1 when multi-label, else (N,) indices 0 … C-1."""
    if y.dtype.kind not in "biuf":
        raise UserError(f"the labels must be numbers, not {y.dtype}")
    if y.dtype.kind == "f" and not (np.isfinite(y).all() and (y == np.round(y)).all()):
        odd = y[~(np.isfinite(y) & (y == np.round(y)))].flat[0]
        raise UserError(f"the labels must be whole numbers (class indices, or 0/1 per class), found {odd:g}")
    y = y.astype(np.int64)
    if multilabel:
        if y.ndim != 2 or y.shape[1] != n_classes:
            raise UserError(f"multi-label labels must be one 0/1 column per class: {n_classes} class names, "
                            f"labels of shape {y.shape}; the class names do not match the labels")
        if ((y != 0) & (y != 1)).any():
            raise UserError(f"multi-label labels must be 0 or 1, found {y[(y != 0) & (y != 1)][0]}")
    elif y.ndim != 1 or not ((y >= 0) & (y < n_classes)).all():
        odd = y[(y < 0) | (y >= n_classes)][0] if y.ndim == 1 else y.shape
        raise UserError(f"single-label labels must be class indices 0 to {n_classes - 1} ({n_classes} class "
                        f"names), found {odd}")
    return y


def check_classes(labels: np.ndarray, class_names: list, multilabel: bool) -> None:
    """Refuse labels (as ``check_training_data`` returns them) from which a probe would learn
    nothing: fewer than 2 classes with samples, or a single-label class without one (softmax
    would give it a logit that never wins, and the map a legend entry it never paints). A
    multi-label class without samples is only said: a subset of BigEarthNet lacks some."""
    counts = labels.sum(axis=0) if multilabel else np.bincount(labels, minlength=len(class_names))
    absent = [repr(n) for n, count in zip(class_names, counts) if count == 0]
    present = [repr(n) for n, count in zip(class_names, counts) if count > 0]
    if len(present) < 2:
        having = f"only {present[0]} has samples" if present else "no class has a sample (every label is 0)"
        raise UserError(f"{having}: a probe needs samples of at least 2 classes")
    if absent and not multilabel:
        them = "it" if len(absent) == 1 else "them"
        raise UserError(f"no sample of {', '.join(absent)}: a probe cannot learn a class it never saw; add "
                        f"samples of {them} or leave {them} out of class_names")
    if absent:
        log.warning("no sample of %s: the probe will never predict %s", ", ".join(absent),
                    "it" if len(absent) == 1 else "them")


def _fit_one_vs_rest(logistic, x: np.ndarray, y: np.ndarray, n_classes: int) -> tuple[np.ndarray, np.ndarray]:
    """(C, F) coefficients and (C,) intercepts: one binary problem per class of the (N, C) labels."""
    coef, intercept = np.zeros((n_classes, x.shape[1])), np.zeros(n_classes)
    for k in range(n_classes):
        column = y[:, k]
        if column.min() == column.max():  # never (or always) seen: a constant answer
            intercept[k] = _CONSTANT_LOGIT if column.max() else -_CONSTANT_LOGIT
            continue
        model = logistic().fit(x, column)
        coef[k], intercept[k] = model.coef_[0], model.intercept_[0]
    return coef, intercept


def _fit_multinomial(logistic, x: np.ndarray, y: np.ndarray, n_classes: int) -> tuple[np.ndarray, np.ndarray]:
    """(C, F) coefficients and (C,) intercepts of one softmax over the (N,) class indices; a class
    without samples gets a logit that never wins."""
    coef, intercept = np.zeros((n_classes, x.shape[1])), np.zeros(n_classes)
    present = np.unique(y)
    if len(present) < 2:
        raise UserError("a single-label probe needs samples of at least 2 classes")
    model = logistic().fit(x, y)
    if len(present) == 2:  # sklearn's binary form: one row; softmax([0, z]) = sigmoid(z)
        coef[present[1]], intercept[present[1]] = model.coef_[0], model.intercept_[0]
    else:
        coef[model.classes_], intercept[model.classes_] = model.coef_, model.intercept_
    intercept[[k for k in range(n_classes) if k not in present]] = -_CONSTANT_LOGIT
    return coef, intercept


def metrics(probe_or_proba: LinearProbe | np.ndarray, features_or_none: np.ndarray | None,
            labels: np.ndarray, class_names: list,
            multilabel: bool) -> dict:
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
        positives = truth[:, k].any()
        per_class[name] = float(average_precision_score(truth[:, k], proba[:, k])) if positives else None
    present = [v for v in per_class.values() if v is not None]
    # sklearn warns on stderr, and answers a meaningless 0, when no label is positive at all.
    micro = float(average_precision_score(truth, proba, average="micro")) if truth.any() else math.nan
    result = {
        "samples": int(len(y)),
        "micro_map": micro,
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

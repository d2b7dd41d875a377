"""Checkpoints: the published format, the project's own format, safe loading, atomic saving.

Published format (the reference implementation's ``pretrained_S_best.pth``): a dict with
``model_state`` (the MAE's state dict), ``opt_state``, ``scaler_state``, ``epoch`` and
``best_train_loss``. Shared modules appear under every name that uses them
(``…experts.0.V.weight`` and ``…experts.1.V.weight`` are one tensor; the patch embedding is
both ``encoder.patch_proj.*`` and ``patch_embed.*``).

Project format: a dict with ``format`` = :data:`FORMAT`, ``format_version``, ``model_size``,
``input_size``, ``patch_size``, ``bands``, ``normalization`` (``mean``, ``std``),
``provenance`` (how the weights were made) and ``model_state``; training checkpoints add
``training`` (optimizer, schedule, step, random state). A checkpoint thus says what it expects.
From format version 2 it also carries ``checksum``, the SHA-256 of everything else in it
(:func:`content_checksum`), verified on every load: a file damaged on disk or in transfer (one
flipped byte in a weight) is refused instead of giving other embeddings without a word.

Every file is read with ``torch.load(weights_only=True)``: no pickled code ever runs. Whatever
is wrong with a file becomes a :class:`CheckpointError` that names the problem.
"""
from __future__ import annotations

import hashlib
import math
import pickle  # nosec B403 # only for pickle.UnpicklingError: torch.load(weights_only=True) reads
import re
import warnings
import zipfile
from pathlib import Path
from typing import Any

import torch

from . import landsat
from .checksums import note_checkpoint
from .errors import UserError
from .files import write_atomically
from .model import SIZES, ModelConfig, MoEMAE

FORMAT = "moemae-qgis/checkpoint"
FORMAT_VERSION = 2  # 1: no checksum (still read); 2: checksum verified on load


class CheckpointError(UserError):
    """A file that is not a usable MoE-MAE checkpoint; the message says why."""


def read_file(path: str | Path) -> Any:
    """``torch.load(path, weights_only=True)`` on the CPU, with its failures explained."""
    path = Path(path)
    if not path.is_file():
        raise CheckpointError(f"checkpoint {path} does not exist" if not path.exists()
                              else f"checkpoint {path} is not a file")
    try:
        with warnings.catch_warnings():
            # torch warns about pickle protocols before refusing; the refusal below says it all.
            warnings.simplefilter("ignore")
            content = torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as exc:
        detail = str(exc)
        if "Weights only load failed" in detail or "GLOBAL" in detail:
            culprit = _unsupported_global(detail)
            raise CheckpointError(
                f"refused to load {path}: it holds Python objects{culprit}, not just tensors, and "
                "loading them could run code. Only checkpoints of plain tensors and numbers are read; "
                "re-save the weights with torch.save(model.state_dict(), …) from a trusted source."
            ) from None
        raise CheckpointError(f"{path} is not a PyTorch checkpoint ({torch_reason(exc)})") from None
    except Exception as exc:  # arbitrary bytes make the unpickler fail in arbitrary ways
        if isinstance(exc, OSError) and not isinstance(exc, zipfile.BadZipFile) and exc.errno is not None:
            raise CheckpointError(f"cannot read {path}: {exc.strerror}") from None
        raise CheckpointError(f"{path} is not a PyTorch checkpoint or is damaged "
                              f"({torch_reason(exc)})") from None
    if isinstance(content, dict) and content.get("format") == FORMAT:
        verify_checksum(content, path)
    return content


#: torch's advice when weights_only=True refuses a file: to load it with weights_only=False, which
#: runs whatever code the file holds. Never passed on to a user holding a file of unknown origin.
_UNSAFE_ADVICE = re.compile(r"weights_only|arbitrary code|trusted source|PyTorch 2\.6", re.IGNORECASE)


def torch_reason(exc: BaseException) -> str:
    """The first line of torch's reason for refusing a file, without its advice to load it
    unsafely: the sentences that speak of weights_only are left out."""
    first = str(exc).splitlines()[0] if str(exc).strip() else ""
    if "legacy .tar format" in first:
        return "not a zip-format PyTorch file; torch took it for the legacy .tar format, which is never read"
    kept = [s for s in re.split(r"(?<=[.!?])\s+", first) if s and not _UNSAFE_ADVICE.search(s)]
    return " ".join(kept) or type(exc).__name__


def content_checksum(content: dict) -> str:
    """SHA-256 of a checkpoint dict without its ``checksum`` entry: every tensor's dtype, shape
    and bytes and every other value, keys in sorted order, so equal contents give equal sums."""
    digest = hashlib.sha256()
    _feed(digest, {k: v for k, v in content.items() if k != "checksum"})
    return digest.hexdigest()


def _feed(digest, value) -> None:
    if isinstance(value, torch.Tensor):
        tensor = value.detach().cpu().contiguous()
        digest.update(f"T{tensor.dtype}{tuple(tensor.shape)}".encode())
        digest.update(tensor.reshape(-1).view(torch.uint8).numpy().tobytes())
    elif isinstance(value, dict):
        digest.update(b"D%d" % len(value))
        for key in sorted(value, key=repr):
            _feed(digest, key)
            _feed(digest, value[key])
    elif isinstance(value, (list, tuple)):
        digest.update(b"L%d" % len(value))
        for item in value:
            _feed(digest, item)
    elif isinstance(value, float):
        digest.update(b"F" + value.hex().encode())
    else:  # int, bool, str, None
        digest.update(f"{type(value).__name__}:{value!r}".encode())


def verify_checksum(content: dict, path: str | Path) -> None:
    """Refuse a project checkpoint whose contents no longer match the checksum written with it."""
    version = content.get("format_version")
    if not isinstance(version, int) or version < 2:
        return  # written before checksums: nothing to compare
    recorded = content.get("checksum")
    if not isinstance(recorded, str):
        raise CheckpointError(f"{path} says it is format version {version} but carries no checksum; it is "
                              "damaged or was not written by moemae-qgis")
    if content_checksum(content) != recorded:
        raise CheckpointError(f"{path} is damaged: its contents no longer match the checksum written with it "
                              "(a byte changed on disk or in transfer). Restore it from a copy, download it "
                              "again, or make it again")


def _unsupported_global(detail: str) -> str:
    """The blocked Python name in torch's refusal message (" (posix.system)"), if it gives one."""
    import re

    match = re.search(r"GLOBAL\s+([\w.]+)", detail)
    return f" ({match.group(1)})" if match else ""


def model_state_of(content: Any, path: str | Path) -> tuple[dict, dict]:
    """The state dict inside a loaded checkpoint, and what the checkpoint says about itself."""
    if not isinstance(content, dict):
        raise CheckpointError(f"{path} holds a {type(content).__name__}, not a checkpoint dict")
    if content.get("format") == FORMAT:
        version = content.get("format_version")
        if not isinstance(version, int) or version > FORMAT_VERSION:
            raise CheckpointError(f"{path} is a moemae-qgis checkpoint of format version {version!r}; "
                                  f"this version reads up to {FORMAT_VERSION}: update the plugin")
        info = {k: v for k, v in content.items() if k not in ("model_state", "training")}
        state = content.get("model_state")
    elif "model_state" in content:
        info = {"format": "published", "epoch": content.get("epoch"),
                "best_train_loss": content.get("best_train_loss")}
        state = content["model_state"]
    elif any(isinstance(k, str) and k.startswith("encoder.") for k in content):
        info, state = {"format": "state_dict"}, content  # a bare MAE state dict
    else:
        keys = ", ".join(sorted(map(str, content))[:6])
        raise CheckpointError(f"{path} is not a MoE-MAE checkpoint: no 'model_state' (its keys: {keys})")
    if not isinstance(state, dict) or not all(isinstance(v, torch.Tensor) for v in state.values()):
        raise CheckpointError(f"{path}: 'model_state' is not a dict of tensors")
    return state, info


def config_for_state(state: dict, path: str | Path) -> ModelConfig:
    """Which size a state dict is, from its width and depth."""
    pos = state.get("encoder.pos_embed")
    if pos is None:
        raise CheckpointError(f"{path}: missing key 'encoder.pos_embed'; not a MoE-MAE encoder")
    depth = len({k.split(".")[2] for k in state if k.startswith("encoder.layers.")})
    for config in SIZES.values():
        if pos.shape[-1] == config.dim and depth == config.depth:
            return config
    raise CheckpointError(f"{path}: width {pos.shape[-1]} and depth {depth} match no MoE-MAE size "
                          f"({', '.join(f'{c.size}: {c.dim}/{c.depth}' for c in SIZES.values())})")


def _check_state(model: MoEMAE, state: dict, path) -> None:
    expected = model.state_dict()
    missing = sorted(set(expected) - set(state))
    unexpected = sorted(set(state) - set(expected))
    problems = []
    if missing:
        problems.append(f"{len(missing)} missing key(s), e.g. {', '.join(missing[:3])}")
    if unexpected:
        problems.append(f"{len(unexpected)} unexpected key(s), e.g. {', '.join(unexpected[:3])}")
    wrong = [f"{k} {tuple(state[k].shape)} (expected {tuple(v.shape)})"
             for k, v in expected.items() if k in state and state[k].shape != v.shape]
    if wrong:
        problems.append(f"{len(wrong)} tensor(s) of the wrong shape, e.g. {'; '.join(wrong[:2])}")
    if problems:
        raise CheckpointError(f"{path} does not fit the MoE-MAE {model.config.size} model: "
                              + "; ".join(problems))
    # Names of one shared tensor (V, W2 of every expert; the two patch embeddings) must agree.
    groups: dict[int, list[str]] = {}
    for name, tensor in expected.items():  # state_dict() detaches: shared names share storage
        groups.setdefault(tensor.data_ptr(), []).append(name)
    for names in groups.values():
        first = state[names[0]]
        for other in names[1:]:
            if not torch.equal(first, state[other]):
                raise CheckpointError(f"{path}: {names[0]} and {other} must hold the same shared weights "
                                      "but differ; the file is damaged or not a MoE-MAE checkpoint")
    bad = [k for k, v in state.items() if v.is_floating_point() and not torch.isfinite(v).all()]
    if bad:
        raise CheckpointError(f"{path}: {len(bad)} tensor(s) hold NaN or infinite values, e.g. {bad[0]}; "
                              "the training run that wrote it diverged")


def model_fingerprint(model: MoEMAE) -> str:
    """SHA-256 of the encoder's weights (float32, names sorted): the same weights give the same
    fingerprint whichever file format they came from. Probes record it."""
    digest = hashlib.sha256()
    for name, tensor in sorted(model.encoder.state_dict().items()):
        digest.update(name.encode())
        digest.update(tensor.detach().to("cpu", torch.float32).contiguous().numpy().tobytes())
    return digest.hexdigest()


def load_pretrained(path: str | Path, device: torch.device | str = "cpu", *, note: bool = True) -> MoEMAE:
    """Load a MoE-MAE from a published or project checkpoint, in eval mode on ``device``.
    A file of the user's own has its SHA-256 recorded at first use, and a later change is warned
    of (:func:`backend.checksums.note_checkpoint`; ``note=False``: a download being checked).

    The model's ``checkpoint_info`` holds what the file says about itself (format, size, bands,
    normalization statistics, provenance); ``normalization`` is the (mean, std) to z-score with.
    Raises :class:`CheckpointError` for anything that is not a valid checkpoint.
    """
    from .device import resolve_device

    content = read_file(path)
    if note:
        note_checkpoint(Path(path))
    state, info = model_state_of(content, path)
    config = config_for_state(state, path)
    if info.get("format") == FORMAT:
        _check_declared(info, config, path)
    model = MoEMAE(config)
    _check_state(model, state, path)
    model.load_state_dict(state)
    model.checkpoint_info = {"path": str(path), "model_size": config.size, **info}
    norm = info.get("normalization") or {}
    model.normalization = (tuple(norm.get("mean", landsat.NORM_MEAN)),
                           tuple(norm.get("std", landsat.NORM_STD)))
    return model.to(resolve_device(str(device))).eval()


def _check_declared(info: dict, config: ModelConfig, path) -> None:
    """A project checkpoint's own statements must match its weights and this code's input."""
    if info.get("model_size") != config.size:
        raise CheckpointError(f"{path} says it is size {info.get('model_size')!r} but its weights are size "
                              f"{config.size}")
    if tuple(info.get("bands", ())) != landsat.BANDS:
        raise CheckpointError(f"{path} expects bands {info.get('bands')}; this version reads "
                              f"{', '.join(landsat.BANDS)}")
    if info.get("input_size") != config.image_size or info.get("patch_size") != config.patch_size:
        raise CheckpointError(f"{path} expects {info.get('input_size')} px tiles of {info.get('patch_size')} "
                              f"px tokens; this version uses {config.image_size} and {config.patch_size}")
    norm = info.get("normalization")
    if not (isinstance(norm, dict) and len(norm.get("mean", ())) == landsat.NUM_BANDS
            and len(norm.get("std", ())) == landsat.NUM_BANDS
            and all(isinstance(s, (int, float)) and math.isfinite(s) and s > 0 for s in norm["std"])):
        raise CheckpointError(f"{path}: its normalization statistics are missing or invalid")


def checkpoint_dict(model: MoEMAE, provenance: dict, normalization: tuple | None = None,
                    training: dict | None = None,
                    weights_dtype: torch.dtype | None = None) -> dict:
    """The project-format dict for ``model`` (see the module docstring).

    ``weights_dtype`` (e.g. torch.float16) stores the weights smaller; they load back as float32.
    """
    mean, std = normalization or getattr(model, "normalization", (landsat.NORM_MEAN, landsat.NORM_STD))
    content = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "model_size": model.config.size,
        "input_size": model.config.image_size,
        "patch_size": model.config.patch_size,
        "bands": list(landsat.BANDS),
        "normalization": {"mean": [float(v) for v in mean], "std": [float(v) for v in std]},
        "provenance": dict(provenance),
        "model_state": _stored_state(model, weights_dtype),
    }
    if training is not None:
        content["training"] = training
    return content


def _stored_state(model: MoEMAE, dtype) -> dict:
    """The state dict on the CPU (in ``dtype``), names of one shared tensor still sharing it, so
    torch.save writes shared V, W2 and patch-embedding weights once."""
    converted: dict = {}
    state = {}
    for name, tensor in model.state_dict().items():
        key = (tensor.data_ptr(), tuple(tensor.shape))
        if key not in converted:
            converted[key] = tensor.detach().cpu().to(dtype or tensor.dtype)
        state[name] = converted[key]
    return state


def save_checkpoint(path: str | Path, content: dict) -> Path:
    """Write ``content`` with torch.save atomically (``backend.files.write_atomically``): a crash
    or a full disk mid-write leaves the previous file at ``path`` untouched. A project-format
    dict gets its ``checksum``."""
    if content.get("format") == FORMAT:
        content = {**content, "checksum": content_checksum(content)}
    return write_atomically(path, lambda f: torch.save(content, f), binary=True)

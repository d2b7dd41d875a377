"""Installed models and probes: the bundled ones in resources/models, the user's own in
``<user data dir>/models``. Read-only: files are read to describe them, never changed."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from . import paths

if TYPE_CHECKING:
    from .model import MoEMAE

BUNDLED_DIR = paths.RESOURCES_DIR / "models"
#: The default model and probe the plugin uses when the user picks none.
DEFAULT_CHECKPOINT = BUNDLED_DIR / "moemae_S_bigearthnet_sample.pt"
DEFAULT_PROBE = BUNDLED_DIR / "probe_bigearthnet19_mean.json"
#: Said whenever the bundled model makes a map or a probe (dialog, toolbox, CLI).
DEMONSTRATION_WARNING = (
    "the bundled model is a demonstration: it was pretrained on only 150 BigEarthNet-L patches of European "
    "landscapes, so expect rough maps (towns may come out as forest or fields). For real maps use the "
    "paper's published checkpoint, pretrained_S_best.pth from the MoE-MAE reference implementation, with a "
    "probe fitted on it: see resources/models/README.md")


def demonstration_fingerprint() -> str | None:
    """The weight fingerprint of the bundled demonstration model, as its bundled probe records it
    (one place: the probe was fitted on exactly those weights)."""
    import json

    try:
        return json.loads(DEFAULT_PROBE.read_text(encoding="utf-8"))["model"]["fingerprint"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def is_demonstration_model(model: MoEMAE) -> bool:
    """Whether ``model`` (a loaded ``MoEMAE``) has the bundled demonstration model's weights,
    wherever its file lies."""
    from .checkpoint import model_fingerprint

    return model_fingerprint(model) == demonstration_fingerprint()


def _probe_summary(path: Path) -> str:
    """One line about a probe file; what is wrong with it when it cannot be used (one bad file
    in the user's folder must not stop the listing)."""
    from .probe import LinearProbe, ProbeError

    try:
        probe = LinearProbe.load(path)
    except ProbeError as exc:
        return f"not usable: {str(exc).replace(str(path), path.name)}"
    return (f"{len(probe.class_names)} classes, {'multi-label' if probe.multilabel else 'single-label'}, "
            f"{probe.pooling} pooling, fitted on {probe.model.get('checkpoint', '?')}")


def _checkpoint_summary(path: Path) -> str:
    from .checkpoint import CheckpointError, model_state_of, read_file

    try:
        content = read_file(path)
        _, info = model_state_of(content, path)
    except CheckpointError as exc:
        return f"not usable: {str(exc).replace(str(path), path.name)}"
    if info.get("format") == "published":
        return f"published format, epoch {info.get('epoch')}"
    provenance = info.get("provenance", {})
    return (f"size {info.get('model_size')}, {provenance.get('made_by', 'unknown origin')}, "
            f"{provenance.get('epochs', '?')} epochs on {provenance.get('patches', '?')} patches")


def list_models() -> list[dict]:
    rows = []
    for origin, folder in (("bundled", BUNDLED_DIR), ("user", paths.user_models_dir())):
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            if path.suffix in (".pt", ".pth"):
                rows.append({"kind": "checkpoint", "origin": origin, "name": path.name, "path": str(path),
                             "summary": _checkpoint_summary(path)})
            elif path.suffix == ".json" and path.name.startswith("probe"):
                rows.append({"kind": "probe", "origin": origin, "name": path.name, "path": str(path),
                             "summary": _probe_summary(path)})
    return rows

"""Installed models and probes: the bundled ones in resources/models, the user's own in
``<user data dir>/models``. Read-only; nothing here loads weights."""
from __future__ import annotations

import json
from pathlib import Path

from . import paths

BUNDLED_DIR = paths.RESOURCES_DIR / "models"
#: The default model and probe the plugin uses when the user picks none.
DEFAULT_CHECKPOINT = BUNDLED_DIR / "moemae_S_bigearthnet_sample.pt"
DEFAULT_PROBE = BUNDLED_DIR / "probe_bigearthnet19_mean.json"


def _probe_summary(path: Path) -> str:
    try:
        content = json.loads(path.read_text(encoding="utf-8"))
        names = content.get("class_names", [])
        return (f"{len(names)} classes, {'multi-label' if content.get('multilabel') else 'single-label'}, "
                f"{content.get('pooling')} pooling, fitted on {content.get('model', {}).get('checkpoint', '?')}")
    except (OSError, ValueError, AttributeError):
        return "unreadable probe file"


def _checkpoint_summary(path: Path) -> str:
    from .checkpoint import CheckpointError, model_state_of, read_file

    try:
        content = read_file(path)
        _, info = model_state_of(content, path)
    except CheckpointError as exc:
        return f"not usable: {exc}"
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

"""Convert the paper's six published probe heads into the project's probe files.

    .venv/bin/python tools/convert_published_probes.py tests/data/published-probes

Reads ``<name>.npz`` (``coef``, ``intercept``: float64, as the authors fitted them) and
``<name>.json`` (classes, pooling, task) and writes ``resources/models/published_<name>.json``:
the same numbers, the classes with their colours (``backend.classes``), the features they
expect (pre-norm tokens, metadata present, no scaling) and the model they belong to, the
catalogue's ``published-S``. Run again whenever the source arrays change; the result is the same
byte for byte.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from backend import classes  # noqa: E402
from backend.catalogue import BUNDLED_DIR, PUBLISHED_MODEL  # noqa: E402
from backend.probe import LinearProbe  # noqa: E402


def convert(npz: Path) -> Path:
    about = json.loads(npz.with_suffix(".json").read_text(encoding="utf-8"))
    arrays = np.load(npz, allow_pickle=False)
    probe = LinearProbe(
        class_names=list(about["classes"]), colours=classes.colours_for(about["classes"]),
        coef=np.asarray(arrays["coef"], np.float64), intercept=np.asarray(arrays["intercept"], np.float64),
        multilabel=about["task"] == "multilabel", pooling=about["pooling"], normed=False, use_metadata=True,
        model={"catalogue": PUBLISHED_MODEL, "size": "S", "checkpoint": "pretrained_S_best.pth"},
        training={"dataset": about["dataset"], "samples": about["training_samples"],
                  "source": about["source"], "converted_by": "tools/convert_published_probes.py"})
    out = BUNDLED_DIR / f"published_{about['name']}.json"
    probe.save(out)
    return out


def main(folder: str) -> int:
    for npz in sorted(Path(folder).glob("*.npz")):
        print(f"wrote {convert(npz).relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:2]))

"""Make the bundled default model and probe in resources/models, reproducibly.

    .venv/bin/python tools/make_bundled_model.py [--epochs 200] [--run out/bundled-run]

1. pack tests/data/bigearthnet-l-sample (150 BigEarthNet-L patches);
2. pretrain a size-S MoE-MAE on it from random weights (`backend pretrain`, batch 32, seed 0);
3. store the lowest-loss weights as float16 (half the size; they load back as float32) in the
   project checkpoint format: resources/models/moemae_S_bigearthnet_sample.pt;
4. embed the sample with exactly those stored weights (mean of the 105 tokens before the final
   LayerNorm, with metadata) and fit the 19-class one-vs-rest probe on standardised features:
   resources/models/probe_bigearthnet19_mean.json (CORINE colours);
5. print a 5-fold cross-validated comparison against the zonal-statistics baseline and a
   randomly initialised model, for the model card.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402
import torch  # noqa: E402

from backend import checkpoint, classes, data, probe  # noqa: E402
from backend.catalogue import DEFAULT_CHECKPOINT, DEFAULT_PROBE  # noqa: E402
from backend.checkpoint import model_fingerprint  # noqa: E402
from backend.embed import embed_arrays  # noqa: E402
from backend.evaluate import evaluate  # noqa: E402
from backend.model import MoEMAE  # noqa: E402
from backend.paths import REPOSITORY_SAMPLE_DIR as SAMPLE  # noqa: E402
from backend.train import PretrainConfig, pretrain  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--epochs", type=int, default=200)
    parser.add_argument("--run", type=Path, default=REPO / "out" / "bundled-run",
                        help="pretraining run folder (resumed when it exists)")
    args = parser.parse_args()
    arrays = data.load(data.open_dataset(SAMPLE))
    with tempfile.TemporaryDirectory() as tmp:
        pack = data.pack(arrays, Path(tmp) / "pack")
        config = PretrainConfig(data=str(pack), out=str(args.run), epochs=args.epochs, batch_size=32, seed=0,
                                device="cpu", resume=(args.run / "last.pt").exists())
        done = checkpoint.read_file(args.run / "last.pt")["training"]["epoch"] + 1 if config.resume else 0
        if done < args.epochs:
            pretrain(config)
    best = checkpoint.load_pretrained(args.run / "best.pt")
    provenance = dict(best.checkpoint_info["provenance"], data="bigearthnet-l-sample (150 patches, "
                                                               "tests/data/)",
                      stored_as="float16", made_by="tools/make_bundled_model.py")
    checkpoint.save_checkpoint(DEFAULT_CHECKPOINT, checkpoint.checkpoint_dict(best, provenance,
                                                                             weights_dtype=torch.float16))
    model = checkpoint.load_pretrained(DEFAULT_CHECKPOINT)
    features = embed_arrays(model, arrays, pooling="mean")
    fitted = probe.fit(features, arrays.labels, arrays.class_names, multilabel=True,
                       colours=list(classes.BIGEARTHNET19_COLOURS), standardize=True, pooling="mean",
                       model_info={"fingerprint": model_fingerprint(model), "size": "S",
                                   "checkpoint": DEFAULT_CHECKPOINT.name})
    fitted.training["train_metrics"] = {k: v for k, v in probe.metrics(
        fitted, features, arrays.labels, arrays.class_names, True).items() if k != "per_class_ap"}
    fitted.save(DEFAULT_PROBE)
    size_mb = DEFAULT_CHECKPOINT.stat().st_size / 1e6
    print(f"wrote {DEFAULT_CHECKPOINT} ({size_mb:.1f} MB) and {DEFAULT_PROBE}")
    torch.manual_seed(0)
    models = {"MoE-MAE random init": MoEMAE("S").eval(), "MoE-MAE pretrained on the sample": model}
    report = evaluate(arrays, models, folds=5, pooling="mean", seed=0, standardize=True)
    print(report["table"])
    print("mean of the 19 classes' prevalence:", np.round(arrays.labels.mean(0), 3).tolist())
    return 0


if __name__ == "__main__":
    sys.exit(main())

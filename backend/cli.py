"""``python -m backend``: the headless command line, a thin adapter over the backend functions.

Each command is a function ``cmd_<name>(args)`` with its ``add_<name>_parser(commands)`` beside it;
:func:`build_parser` calls them all. Every
problem with what the user gave (a bad argument, a missing or damaged file, an output that is
also an input, a full disk) is one line on stderr starting with ``error:`` and exit status 2:
a :class:`~backend.errors.UserError`, an argument argparse refuses, an OS error. Any other
exception is a bug and keeps its traceback. Outputs are checked before any long computation.
"""
from __future__ import annotations

import argparse
import json
import logging
import math
import sys
import textwrap
import time
from pathlib import Path
from typing import NoReturn

from . import __version__
from .errors import UserError

FORMATTER = argparse.RawDescriptionHelpFormatter


class Parser(argparse.ArgumentParser):
    """argparse, with its refusals in the one-line ``error:`` form of every other error, no
    abbreviated options (``--strid`` silently taken for ``--stride`` hides a typo), and an unknown
    option answered by the command it was given to, with the nearest option it has."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"error: {message} (see: {self.prog} --help)\n")

    def parse_known_args(self, args: list | None = None,
                         namespace: argparse.Namespace | None = None) -> tuple[argparse.Namespace, list]:
        # Only a command's own parser knows all its options; a parser with subcommands hands the
        # rest of the line on, and argparse would report a typo there with the top-level help.
        if self._subparsers is None:
            self._refuse_unknown_options(sys.argv[1:] if args is None else list(args))
        return super().parse_known_args(args, namespace)

    def _refuse_unknown_options(self, tokens: list) -> None:
        import difflib

        for word in tokens:  # not "token": Bandit takes `token == "--"` for a password check
            if word == "--":
                return
            if not word.startswith("-") or word == "-" or self._negative_number_matcher.match(word):
                continue
            option = word.split("=", 1)[0]
            if option in self._option_string_actions:
                continue
            known = [name for name in self._option_string_actions if name.startswith("--")]
            nearest = difflib.get_close_matches(option, known, n=1, cutoff=0.6)
            hint = f"; did you mean {nearest[0]}?" if nearest else ""
            self.error(f"{self.prog} has no option {option}{hint}")


def _examples(*lines: str) -> str:
    return "examples:\n" + "\n".join(f"  {line}" for line in lines)


def _add_device(parser, seed: bool = True) -> None:
    from .options import DEFAULT_DEVICE

    parser.add_argument("--device", default=DEFAULT_DEVICE,
                        help="auto (CUDA, then MPS, then CPU) | cpu | cuda | cuda:N | mps")
    if seed:
        parser.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")


def _add_skip_bad(parser) -> None:
    parser.add_argument("--skip-bad", action="store_true",
                        help="skip unusable patches (listed at the end) instead of stopping at the first")


def _seed(args) -> None:
    import numpy as np
    import torch

    torch.manual_seed(args.seed)
    np.random.seed(args.seed)


def _at_least(minimum: int):
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be a whole number, not {value!r}") from None
        if number < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, got {number}")
        return number
    parse.__name__ = f"whole number ≥ {minimum}"
    return parse


_positive = _at_least(1)


def _finite(low: float = 0.0, high: float = math.inf, low_open: bool = False):
    """A float parser that refuses NaN, infinities and values outside [low, high] ((low, high] when
    ``low_open``)."""
    def parse(value: str) -> float:
        try:
            number = float(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be a number, not {value!r}") from None
        if not math.isfinite(number) or number < low or (low_open and number == low) or number > high:
            bounds = f"{'above' if low_open else 'at least'} {low:g}"
            if high != math.inf:
                bounds += f" and at most {high:g}"
            raise argparse.ArgumentTypeError(f"must be a finite number {bounds}, got {value}")
        return number
    parse.__name__ = "number"
    return parse


def _load_model(path: str | None, device: str, size: str = "S"):
    from .checkpoint import load_pretrained
    from .device import resolve_device
    from .model import MoEMAE

    if path:
        from .catalogue import resolve_model

        return load_pretrained(resolve_model(path), device)
    return MoEMAE(size).to(resolve_device(device)).eval()  # random initialisation, on purpose


def _bar(total: int, desc: str, unit: str = "patch"):
    from .progress import ProgressBar

    return ProgressBar(total, desc, unit=unit)


def _load_dataset(path: str, skip_bad: bool, need_labels: bool = False):
    from . import data

    dataset = data.open_dataset(path)
    if isinstance(dataset, data.PatchArrays):
        labelled = dataset.labels is not None
    else:
        labelled = bool(dataset.class_names)
    if need_labels and not labelled:
        raise UserError(f"{path} has no labels ({dataset.kind or 'unlabelled'} patches); this needs a "
                        "labelled dataset: BigEarthNet-L (with labels/) or EuroSAT-L (one folder per class)")
    arrays = data.load(dataset, skip_bad=skip_bad, progress=None if isinstance(dataset, data.PatchArrays)
                       else _bar(len(dataset), "reading"))
    if arrays.skipped:
        print(f"skipped {len(arrays.skipped)} bad patch(es):", file=sys.stderr)
        for line in arrays.skipped[:20]:
            print(f"  {line}", file=sys.stderr)
    return arrays


# --------------------------------------------------------------------------- commands
def cmd_info(args: argparse.Namespace) -> int:
    from . import environment

    report = environment.collect()
    print("\n".join(report.lines()))
    if report.missing:
        names = " ".join(m.package for m in report.missing)
        print(f"\nMissing: {names}. Install them with: python -m pip install -r "
              "resources/requirements-runtime.txt", file=sys.stderr)
        return 1
    return 0


def add_info_parser(commands: argparse._SubParsersAction) -> None:
    _command(commands, "info", cmd_info, "report Python packages, devices and model folders",
             "Report what this Python has: PyTorch, scikit-learn, platformdirs, NumPy and GDAL versions, the "
             "devices PyTorch sees, and where models live. Exits 1 when a required package is missing.",
             ["python -m backend info"])


def cmd_bench(args: argparse.Namespace) -> int:
    from . import bench

    return bench.main(args)


def add_bench_parser(commands: argparse._SubParsersAction) -> None:
    from .bench import add_arguments

    bench = _command(commands, "bench", cmd_bench, "measure this machine: matrix-product roof and model "
                                                   "throughput",
                     "Measure the float32 matrix-product rate (the roof), and the bfloat16 one where the "
                     "hardware has it natively, encoder images/s at batch 256, MAE training images/s at "
                     "batch 128, read rates and scene classification, and print them as a table. --seconds "
                     "bounds every row.",
                     ["python -m backend bench", "python -m backend bench --device cuda --seconds 10"])
    add_arguments(bench)


def cmd_pack(args: argparse.Namespace) -> int:
    from . import data
    from .files import check_outputs

    check_outputs([], [("the dataset", args.data)], folder_outputs=[("the pack", args.out)])
    started = time.perf_counter()
    arrays = _load_dataset(args.data, args.skip_bad)
    out = data.pack(arrays, args.out, source=str(Path(args.data).resolve()))
    seconds = time.perf_counter() - started
    print(f"packed {len(arrays)} patches ({arrays.kind}) into {out} in {seconds:.1f} s"
          + (f"; skipped {len(arrays.skipped)}" if arrays.skipped else ""))
    return 0


def add_pack_parser(commands: argparse._SubParsersAction) -> None:
    pack = _command(commands, "pack", cmd_pack, "convert a dataset once into memory-mappable arrays",
                    "Read every patch of a dataset (BigEarthNet-L, EuroSAT-L or a folder of 7-band GeoTIFF "
                    "patches) and write it as one pack folder (images.npy uint16, metadata.npy, labels.npy, "
                    "manifest.json) that training and embedding map instead of opening each GeoTIFF.",
                    ["python -m backend pack tests/data/bigearthnet-l-sample --out work/ben-pack",
                     "python -m backend pack ~/data/EuroSAT-L --out work/eurosat-pack --skip-bad"])
    pack.add_argument("data", help="dataset folder")
    pack.add_argument("--out", required=True, help="pack folder to write (a new folder, or an earlier pack, "
                                                   "which is replaced when the new one is complete)")
    _add_skip_bad(pack)


def cmd_pretrain(args: argparse.Namespace) -> int:
    from .files import check_outputs
    from .train import PretrainConfig, pretrain

    check_outputs([], [("the training data", args.data), ("the --init weights", args.init)],
                  folder_outputs=[("the run folder", args.out)])
    config = PretrainConfig(data=args.data, out=args.out, size=args.size, epochs=args.epochs,
                            batch_size=args.batch_size, lr=args.lr, weight_decay=args.weight_decay,
                            warmup=args.warmup, clip=args.clip, precision=args.precision,
                            save_every=args.save_every, seed=args.seed, device=args.device,
                            resume=args.resume,
                            skip_bad=args.skip_bad, init=args.init, stop_after=args.stop_after)
    summary = pretrain(config)
    if summary["epochs_run"] and summary.get("main", True):  # under torchrun, rank 0 speaks for all
        print(f"trained {summary['epochs_run']} epoch(s); last loss {summary['last_loss']:.4f}, "
              f"best {summary['best_loss']:.4f}; checkpoints in {args.out}")
    return 0


def add_pretrain_parser(commands: argparse._SubParsersAction) -> None:
    pretrain = _command(
        commands, "pretrain", cmd_pretrain, "pretrain the masked autoencoder (one process or torchrun)",
        "Masked-autoencoder pretraining with the paper's schedule: AdamW, warm-up then cosine, gradient "
        "clipping, mixed precision on GPUs. Writes metrics.jsonl, last.pt, best.pt (and epoch_NNNN.pt with "
        "--save-every) in OUT, atomically. --resume continues exactly. Under torchrun it trains "
        "data-parallel (DistributedDataParallel); rank 0 writes.",
        ["python -m backend pretrain work/ben-pack --out work/run1 --epochs 500",
         "python -m backend pretrain work/ben-pack --out work/run1 --epochs 500 --resume",
         "torchrun --nproc_per_node=8 -m backend pretrain work/ben-pack --out work/run8 --device cuda"])
    pretrain.add_argument("data", help="a pack (fastest) or a dataset folder")
    pretrain.add_argument("--out", required=True, help="run folder for checkpoints and metrics")
    pretrain.add_argument("--size", default="S", choices=["S", "XS", "XXS"], help="model size (default: S)")
    pretrain.add_argument("--epochs", type=_positive, default=500, help="total epochs (default: 500)")
    pretrain.add_argument("--batch-size", type=_positive, default=128,
                          help="images per step per process (128)")
    pretrain.add_argument("--lr", type=_finite(0, low_open=True), default=3e-4,
                          help="peak learning rate (default: 3e-4)")
    pretrain.add_argument("--weight-decay", type=_finite(0), default=0.05,
                          help="AdamW weight decay (default: 0.05)")
    pretrain.add_argument("--warmup", type=_finite(0, 1), default=0.05,
                          help="warm-up fraction of all steps (0.05)")
    pretrain.add_argument("--clip", type=_finite(0, low_open=True), default=1.0,
                          help="gradient-norm clip (default: 1.0)")
    pretrain.add_argument("--precision", default="auto", choices=["auto", "float32", "bfloat16", "float16"],
                          help="auto: bfloat16 on CUDA GPUs that have it, else float32")
    pretrain.add_argument("--save-every", type=_at_least(0), default=0,
                          help="also keep epoch_NNNN.pt every N epochs")
    pretrain.add_argument("--resume", action="store_true", help="continue the run in --out from last.pt")
    pretrain.add_argument("--stop-after", type=_positive, default=None,
                          help="run at most N epochs now; --resume later for the rest")
    pretrain.add_argument("--init", default=None, help="start from these weights instead of random ones")
    _add_skip_bad(pretrain)
    _add_device(pretrain)


def cmd_embed(args: argparse.Namespace) -> int:
    import numpy as np

    if args.out.lower().endswith((".tif", ".tiff")):
        inputs = _mosaic_inputs(args, args.data)
        if inputs is not None:
            from .catalogue import resolve_model

            return _run_mosaic(args, inputs, resolve_model(args.checkpoint), None, pooling=args.pooling,
                               normed=args.normed)
        args.data = args.data[0]
        return _embed_scene(args)
    if not args.data:
        raise UserError("no input given: name a pack or dataset folder (or products or rasters, with --out "
                        "ending in .tif)")
    if len(args.data) != 1 or args.inputs:
        raise UserError("a dataset is embedded into an .npz one at a time; several products or rasters make "
                        "one embedding mosaic: give --out ending in .tif")
    args.data = args.data[0]
    from .product import is_product_path

    if is_product_path(args.data) and not Path(args.data).is_dir():
        raise UserError(f"{Path(args.data).name} is a Landsat product: its embeddings go into a GeoTIFF, one "
                        "per cell; give --out ending in .tif")

    from .checkpoint import model_fingerprint
    from .embed import EmbeddingsFile, embed_arrays
    from .files import check_outputs

    check_outputs([("the embeddings file", args.out, (".npz",))], [("the model", args.checkpoint)])
    _seed(args)
    model = _load_model(args.checkpoint, args.device)
    arrays = _load_dataset(args.data, args.skip_bad)
    features = embed_arrays(model, arrays, pooling=args.pooling, normed=args.normed,
                            use_metadata=not args.no_metadata, batch_size=args.batch_size,
                            precision=args.precision, progress=_bar(len(arrays), "embedding"))
    EmbeddingsFile(patch_ids=np.asarray(arrays.ids, dtype=str), embeddings=features, pooling=args.pooling,
                   normed=args.normed, use_metadata=not args.no_metadata, multilabel=arrays.multilabel,
                   model_fingerprint=model_fingerprint(model), model_size=model.config.size,
                   checkpoint=str(args.checkpoint or "random-init"), labels=arrays.labels,
                   class_names=arrays.class_names if arrays.labels is not None else None).write(args.out)
    print(f"wrote {features.shape} embeddings of {len(arrays)} patches to {args.out}")
    return 0


def _embed_scene(args: argparse.Namespace) -> int:
    """``embed`` of a Landsat product or raster: a GeoTIFF of one embedding per output cell."""
    from .catalogue import resolve_model
    from .raster import embed_raster

    request = _scene_request(args, args.data, args.out, resolve_model(args.checkpoint), probe=None,
                             pooling=args.pooling, normed=args.normed,
                             precision=args.precision)
    result = embed_raster(request, progress=_bar(0, "embedding", unit="tile"))
    print(result.summary())
    return 0


def add_embed_parser(commands: argparse._SubParsersAction) -> None:
    from .embed import POOLINGS
    from .options import DEFAULT_BATCH_SIZE, EMBEDDING_RESOLUTION_DEFAULT

    embed = _command(commands, "embed", cmd_embed, "write embeddings of a dataset (.npz)",
                     "Encode every patch with the frozen encoder and write an .npz with patch_ids, "
                     "embeddings and, for labelled datasets, labels and class_names. Tokens before the final "
                     "LayerNorm unless --normed. With --out ending in .tif, DATA is a Landsat product or "
                     "raster instead, as classify reads it, and the output a float32 GeoTIFF of one "
                     "embedding per STRIDE × STRIDE cell (the moemae:embed algorithm).",
                     ["python -m backend embed work/ben-pack --checkpoint pretrained_S_best.pth --out "
                      "work/emb.npz",
                      "python -m backend embed work/ben-pack --checkpoint work/run1/best.pt --pooling all "
                      "--out work/emb-all.npz",
                      "python -m backend embed LC08_L2SP_204023_20200927_20201006_02_T1_MTL.txt --checkpoint "
                      "pretrained_S_best.pth --stride 40 --out embeddings.tif"])
    embed.add_argument("data", nargs="*", metavar="DATA",
                       help="a pack or a dataset folder; with --out *.tif, a Landsat product (MTL file, "
                            "folder or .tar) or raster, or several of them for one mosaic")
    embed.add_argument("--model", "--checkpoint", dest="checkpoint", default=None,
                       help="a catalogue name or a checkpoint file (default: random weights for a dataset, "
                            "for baselines; the default model for a raster)")
    embed.add_argument("--out", required=True, help=".npz to write, or .tif for a product or raster")
    embed.add_argument("--pooling", default="mean", choices=POOLINGS,
                       help="how tokens become features (mean)")
    embed.add_argument("--normed", action="store_true", help="tokens after the final LayerNorm")
    embed.add_argument("--no-metadata", action="store_true",
                       help="embed as if every metadata item were missing")
    embed.add_argument("--batch-size", type=_positive, default=DEFAULT_BATCH_SIZE,
                       help=f"patches per encoder call ({DEFAULT_BATCH_SIZE})")
    embed.add_argument("--precision", default="float32", choices=["float32", "bfloat16", "auto"],
                       help="float32 (exact, default), bfloat16 or auto")
    _add_scene_options(embed, EMBEDDING_RESOLUTION_DEFAULT, only="rasters only")
    _add_mosaic_options(embed)
    _add_skip_bad(embed)
    _add_device(embed)


def cmd_probe_fit(args: argparse.Namespace) -> int:
    from . import classes, probe
    from .embed import EmbeddingsFile
    from .files import check_outputs

    check_outputs([("the probe", args.out, (".json",))], [("the embeddings file", args.embeddings)])
    content = EmbeddingsFile.read(args.embeddings)
    names = content.class_names
    fitted = probe.fit(content.embeddings, content.labels, names, multilabel=content.multilabel,
                       colours=classes.colours_for(names), standardize=args.standardize, c=args.C,
                       max_iter=args.max_iter, seed=args.seed, pooling=content.pooling,
                       normed=content.normed, use_metadata=content.use_metadata,
                       model_info={"fingerprint": content.model_fingerprint, "size": content.model_size,
                                   "checkpoint": Path(content.checkpoint).name}, every_class=True)
    scores = probe.metrics(fitted, content.embeddings, content.labels, names, fitted.multilabel)
    fitted.training["train_metrics"] = {k: v for k, v in scores.items() if k != "per_class_ap"}
    fitted.save(args.out)
    _probe_check(args, fitted, content, names)
    print(f"fitted a {'one-vs-rest' if fitted.multilabel else 'multinomial'} probe on "
          f"{len(content.labels)} patches ({fitted.num_features} features, {len(names)} classes) → "
          f"{args.out}")
    print(f"on its own training data: micro mAP {scores['micro_map']:.3f}, macro mAP "
          f"{scores['macro_map']:.3f}")
    return 0


def _probe_check(args: argparse.Namespace, fitted, content, names: list) -> None:
    """The probe's cross-validated error matrix and F1 per class, as HTML beside it (single-label
    data with at least 2 samples of every class; multi-label data has no one error matrix)."""
    import numpy as np

    from .probe_check import cross_validated_predictions, write_probe_check

    labels = np.asarray(content.labels)
    if fitted.multilabel or labels.ndim != 1:
        print("multi-label data: no cross-validated error matrix (probe eval gives per-class AP and F1)")
        return
    folds = min(5, int(np.bincount(labels, minlength=len(names)).min()))
    predicted = cross_validated_predictions(content.embeddings, labels, names, folds, args.seed,
                                            standardize=args.standardize, c=args.C, max_iter=args.max_iter)
    if predicted is None:
        print("a class has fewer than 2 samples: no cross-validated error matrix")
        return
    page = write_probe_check(args.out, names, labels, predicted, folds)
    print(f"{folds}-fold cross-validated accuracy {np.mean(predicted == labels):.3f}; error matrix and F1 "
          f"per class: {page}")


def cmd_probe_eval(args: argparse.Namespace) -> int:
    from . import probe
    from .embed import EmbeddingsFile
    from .files import check_outputs, write_atomically

    check_outputs([("the metrics file", args.out, (".json",))],
                  [("the probe", args.probe), ("the embeddings file", args.embeddings)])
    fitted = probe.LinearProbe.load(args.probe)
    content = EmbeddingsFile.read(args.embeddings)
    content.check_probe(fitted, args.probe, args.embeddings)
    scores = probe.metrics(fitted, content.embeddings, content.labels, content.class_names, fitted.multilabel)
    text = json.dumps(scores, indent=2)
    if args.out:
        write_atomically(args.out, lambda f: f.write(text + "\n"))
    print(text)
    return 0


def add_probe_parser(commands: argparse._SubParsersAction) -> None:
    probe = _command(commands, "probe", None, "fit or evaluate a linear probe on embeddings",
                     "Linear probes on embeddings from 'embed'.",
                     ["python -m backend probe fit work/emb.npz --out work/probe.json",
                      "python -m backend probe eval work/probe.json work/emb-test.npz"])
    probe.set_defaults(func=lambda args: (probe.print_help(), 2)[1])
    actions = probe.add_subparsers(dest="probe_command", metavar="ACTION")
    fit = _command(actions, "fit", cmd_probe_fit, "fit a probe",
                   "Fit scikit-learn logistic regression (solver sag): one-vs-rest for multi-label data, "
                   "multinomial for single-label. Saves JSON with class names, CORINE colours, pooling, "
                   "scaler and the fingerprint of the encoder the embeddings came from.",
                   ["python -m backend probe fit work/emb.npz --out work/probe.json --standardize"])
    fit.add_argument("embeddings", help=".npz from 'embed' (with labels)")
    fit.add_argument("--out", required=True, help="probe .json to write")
    fit.add_argument("--standardize", action="store_true", help="standardise features first")
    fit.add_argument("--C", type=_finite(0, low_open=True), default=1.0,
                     help="inverse regularisation strength (default: 1.0)")
    fit.add_argument("--max-iter", type=_positive, default=1000, help="solver iterations (default: 1000)")
    fit.add_argument("--seed", type=int, default=0, help="random seed (default: 0)")
    evaluate = _command(actions, "eval", cmd_probe_eval, "evaluate a probe",
                        "Micro and macro mAP, per-class AP, overall accuracy, micro and macro F1, as JSON.",
                        ["python -m backend probe eval work/probe.json work/emb-test.npz --out metrics.json"])
    evaluate.add_argument("probe", help="probe .json")
    evaluate.add_argument("embeddings", help=".npz from 'embed' (with labels)")
    evaluate.add_argument("--out", default=None, help="also write the metrics JSON here")


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate
    from .files import check_outputs, write_atomically

    check_outputs([("the results file", args.out, (".json",))],
                  [("a model", c) for c in args.checkpoint or []])
    _seed(args)
    arrays = _load_dataset(args.data, args.skip_bad, need_labels=True)
    if args.folds > len(arrays):
        raise UserError(f"--folds {args.folds} is more than the {len(arrays)} patches of {args.data}")
    models = {}
    for spec in args.checkpoint or []:
        models[Path(spec).name] = _load_model(spec, args.device)
    if args.random_init:
        models["MoE-MAE random init"] = _load_model(None, args.device)
    report = evaluate(arrays, models, folds=args.folds, pooling=args.pooling, seed=args.seed,
                      standardize=args.standardize)
    print(report["table"])
    if args.out:
        write_atomically(args.out, lambda f: f.write(json.dumps(report["results"], indent=2) + "\n"))
    return 0


def add_evaluate_parser(commands: argparse._SubParsersAction) -> None:
    from .embed import VECTOR_POOLINGS

    evaluate = _command(commands, "evaluate", cmd_evaluate, "k-fold probe evaluation against a "
                                                            "zonal-statistics baseline",
                        "For small labelled sets: k-fold cross-validated linear probes on each model's "
                        "embeddings and on a zonal-statistics baseline (per-band mean and standard "
                        "deviation), as Landsat-Bench does.",
                        ["python -m backend evaluate tests/data/bigearthnet-l-sample --random-init "
                         "--checkpoint resources/models/moemae_S_bigearthnet_sample.pt --folds 5"])
    evaluate.add_argument("data", help="a labelled pack or dataset folder")
    evaluate.add_argument("--checkpoint", action="append", help="a model to evaluate (repeatable)")
    evaluate.add_argument("--random-init", action="store_true",
                          help="also evaluate a randomly initialised model")
    evaluate.add_argument("--folds", type=_at_least(2), default=5,
                          help="cross-validation folds, at least 2 (default: 5)")
    evaluate.add_argument("--pooling", default="mean", choices=VECTOR_POOLINGS)
    evaluate.add_argument("--standardize", action="store_true", help="standardise features first")
    evaluate.add_argument("--out", default=None, help="also write the results as JSON")
    _add_skip_bad(evaluate)
    _add_device(evaluate)


def cmd_demo_scene(args: argparse.Namespace) -> int:
    from .demo_scene import make_demo_scene
    from .files import check_outputs

    check_outputs([], [("the sample", args.sample)], folder_outputs=[("the demo scene folder", args.out)])
    path = make_demo_scene(args.sample, args.out, size=args.size, seed=args.seed)
    print(f"wrote {path} and its MTL file")
    return 0


def add_demo_scene_parser(commands: argparse._SubParsersAction) -> None:
    from .paths import REPOSITORY_SAMPLE_DIR

    demo = _command(commands, "demo-scene", cmd_demo_scene, "make a realistic demo scene from a "
                                                            "BigEarthNet-L sample",
                    "Write a Landsat-like 7-band GeoTIFF (real BigEarthNet-L pixels in irregular fields, UTM "
                    "34N, bands named SR_B1…SR_B7) with a Landsat MTL file beside it.",
                    ["python -m backend demo-scene --out out/demo/scene"])
    demo.add_argument("--sample", default=str(REPOSITORY_SAMPLE_DIR),
                      help="BigEarthNet-L folder whose patches texture the scene (default: the repository's "
                           "sample, tests/data/bigearthnet-l-sample)")
    demo.add_argument("--out", required=True, help="folder to write the scene into")
    demo.add_argument("--size", type=_positive, default=400, help="pixels a side (default: 400)")
    demo.add_argument("--seed", type=int, default=7, help="random seed of the layout (default: 7)")


def cmd_classify(args: argparse.Namespace) -> int:
    from .catalogue import resolve_model, resolve_probe
    from .memory import peak_memory_mb
    from .raster import classify_raster

    started = time.perf_counter()
    inputs = _mosaic_inputs(args, args.input)
    model = resolve_model(args.checkpoint)
    probe = resolve_probe(args.probe, model, args.checkpoint)
    if inputs is not None:
        if args.probabilities:
            raise UserError("--probabilities is for one input; a mosaic writes its classes (each input's "
                            "probabilities are in the work folder with --composite mean)")
        return _run_mosaic(args, inputs, model, str(probe))
    args.input = args.input[0]
    request = _scene_request(args, args.input, args.out, model, probe=str(probe),
                             probabilities=args.probabilities)
    result = classify_raster(request, progress=_bar(0, "classifying", unit="tile"))
    print(result.summary())
    if args.report_resources:
        print(f"resources: {time.perf_counter() - started:.2f} s, peak memory {peak_memory_mb():.0f} MB; "
              + "; ".join(f"{stage}: {seconds:.2f} s" for stage, seconds in result.seconds.items()))
    return 0


def _acquisition(args: argparse.Namespace, source: str, option: str = "--acquisition-date"):
    """The acquisition: the date given by ``option``, else read from the scene (printed either way)."""
    from .acquisition import Acquisition, find_acquisition, parse_when
    from .geo import raster_tags

    given = getattr(args, option.lstrip("-").replace("-", "_")) if option else None
    if given:
        when = parse_when(given)
        if when is None:
            raise UserError(f"{option} {given!r} is not a date (use 2021-06-15, "
                            "2021-06-15T09:53:12 in UTC, or 2021-06-15T11:53:12+02:00)")
        acquisition = Acquisition(when, option)
    else:
        acquisition = find_acquisition(source, raster_tags(source))
    print(f"acquisition{'' if option == '--acquisition-date' else ' of ' + Path(source).name}: "
          f"{acquisition.describe() if acquisition.when else 'unknown (' + acquisition.source + ')'}")
    return acquisition


def _scene_request(args: argparse.Namespace, source: str, output: str, model: Path, **extra):
    """The ``raster.ClassifyRequest`` of the scene options (:func:`_add_scene_options`) and the
    checkpoint ``model`` (resolved once per run: ``backend.catalogue.resolve_model``)."""
    from .raster import ClassifyRequest

    return ClassifyRequest(input=source, output=output, checkpoint=str(model),
                           options=_scene_options(args, source), **extra)


def _scene_options(args: argparse.Namespace, source: str | None):
    """The ``options.SceneOptions`` of the scene options (:func:`_add_scene_options`); no
    acquisition for ``source`` None (a mosaic finds each input's)."""
    from .options import SceneOptions

    return SceneOptions(bands=args.bands, qa_pixel=args.qa_pixel, mask=tuple(args.mask),
                        input_scale=args.input_scale, stride=args.stride, resolution=args.resolution,
                        use_metadata=not args.no_metadata, device=args.device, batch_size=args.batch_size,
                        acquisition=_acquisition(args, source) if source is not None else None)


# --------------------------------------------------------------------------- several inputs: one mosaic
def _add_mosaic_options(parser: argparse.ArgumentParser) -> None:
    """The options of several inputs made into one map (``backend.mosaic``)."""
    from .mosaic import COMPOSITES

    parser.add_argument("--inputs", default=None, metavar="LIST.txt",
                        help="a text file naming the inputs, one path a line (relative to the list's "
                             "folder), each optionally followed by its date: PATH 2021-06-15")
    parser.add_argument("--composite", default=next(iter(COMPOSITES)), choices=list(COMPOSITES),
                        help="several inputs: where they overlap, " + "; ".join(
                            f"{name}: {what}" for name, what in COMPOSITES.items()) + " (default: best)")
    parser.add_argument("--crs", default=None, help="several inputs: the mosaic's CRS, e.g. EPSG:32630 "
                                                    "(default: the first input's)")
    parser.add_argument("--work", default=None, metavar="DIR",
                        help="several inputs: the work folder keeping each input's map, so that a run "
                             "again redoes only what is missing (default: OUT with .work for .tif)")


def _mosaic_inputs(args: argparse.Namespace, given: list) -> tuple[list, list] | None:
    """(inputs, their acquisitions) when the command makes a mosaic: several inputs, --inputs,
    --work or --crs; None for a single input, which runs as before."""
    if len(given) <= 1 and not (args.inputs or args.work or args.crs):
        if not given:
            raise UserError("no input given: name a product or raster (or several, or a list with --inputs)")
        return None
    from .acquisition import Acquisition, parse_when
    from .mosaic import read_inputs_list

    listed = [(path, None) for path in given] + (read_inputs_list(args.inputs) if args.inputs else [])
    if args.acquisition_date:
        if len(listed) > 1:
            raise UserError("--acquisition-date gives one date, but there are several inputs: give each its "
                            "date in the --inputs list (PATH 2021-06-15), or let each input's MTL say it")
        when = parse_when(args.acquisition_date)
        if when is None:
            raise UserError(f"--acquisition-date {args.acquisition_date!r} is not a date (use 2021-06-15)")
        listed = [(listed[0][0], Acquisition(when, "--acquisition-date"))]
    return [str(path) for path, _ in listed], [when for _, when in listed]


def _run_mosaic(args: argparse.Namespace, inputs: tuple[list, list], model, probe: str | None,
                **extra) -> int:
    from .mosaic import MosaicRequest, map_inputs

    paths, acquisitions = inputs
    precision = getattr(args, "precision", "auto")  # embed has the option; classify encodes as "auto"
    request = MosaicRequest(inputs=paths, acquisitions=acquisitions, output=args.out, checkpoint=str(model),
                            probe=probe, options=_scene_options(args, None), composite=args.composite,
                            crs=args.crs, work=args.work, precision=precision, **extra)
    started = time.perf_counter()
    result = map_inputs(request, progress_for=lambda name: _bar(0, name, unit="tile"))
    if result.output:  # under torchrun, the process that composed the mosaic speaks for all
        for key in sorted(k for k in result.metadata if k.startswith("MOSAIC_INPUT_")):
            print(f"  {result.metadata[key]}")
        if getattr(args, "report_resources", False):
            from .memory import peak_memory_mb

            # Under torchrun: this process's peak (its share of the inputs, and the mosaic).
            print(f"resources: {time.perf_counter() - started:.2f} s, peak memory {peak_memory_mb():.0f} MB")
    return 0


def _add_scene_options(parser: argparse.ArgumentParser, resolution: str, only: str = "",
                       pixel: bool = False) -> None:
    """The options of a Landsat scene, shared by classify and embed (``resolution``: the default
    of --resolution; ``only``: "rasters only"; ``pixel``: a map of classes, which can also have
    a cell per 30 m pixel)."""
    from .landsat import DEFAULT_QA_MASK, QA_PIXEL_BITS
    from .options import DEFAULT_INPUT_SCALE, DEFAULT_STRIDE_PX, FEATURE_RESOLUTIONS, RESOLUTIONS
    from .pixel_quality import INPUT_SCALES

    note = f" ({only})" if only else ""
    parser.add_argument("--bands", type=int, nargs=7, default=None, metavar="N",
                        help="band numbers of SR_B1…SR_B7 (default: by band name; bands 1-7 of a 7-band "
                             f"raster without Landsat band names){note}")
    parser.add_argument("--stride", type=_positive, default=DEFAULT_STRIDE_PX,
                        help="pixels between 40 × 40 px tiles, 1-40: smaller overlaps the tiles more and "
                             f"takes longer; the map's cell size is --resolution's (default: "
                             f"{DEFAULT_STRIDE_PX}){note}")
    parser.add_argument("--acquisition-date", default=None,
                        help="overrides the date read from the scene: 2021-06-15 (hour unknown), "
                             f"2021-06-15T09:53:12 (UTC) or with an offset, 2021-06-15T11:53:12+02:00{note}")
    parser.add_argument("--qa-pixel", default=None,
                        help="the QA_PIXEL file of a stacked raster (a product, or a raster with a band "
                             "named "
                             f"QA_PIXEL, brings its own){note}")
    parser.add_argument("--mask", nargs="+", default=list(DEFAULT_QA_MASK), metavar="FLAG",
                        help=f"QA_PIXEL flags that mask a pixel where QA_PIXEL is at hand (a product, a band "
                             f"named QA_PIXEL, --qa-pixel), among {', '.join(QA_PIXEL_BITS)} (write 'cloud "
                             "shadow' as cloud-shadow), or none (default: "
                             f"{' '.join(f.replace(' ', '-') for f in DEFAULT_QA_MASK)}); put it after the "
                             f"input{note}")
    pixel_help = ("; pixel: a cell per 30 m pixel on the input's grid, the token map refined by each pixel's "
                  "bands (same needs)") if pixel else ""
    choices = RESOLUTIONS if pixel else FEATURE_RESOLUTIONS
    parser.add_argument("--resolution", default=resolution, choices=choices,
                        help="token: a cell per 4 × 4 px token (120 m), for features on the mean of the "
                             f"tokens, STRIDE a multiple of 4{pixel_help}; tile: a cell per stride; auto: "
                             "token where the probe or pooling and STRIDE allow it, else tile (default: "
                             f"{resolution}){note}")
    parser.add_argument("--input-scale", default=DEFAULT_INPUT_SCALE, choices=INPUT_SCALES,
                        help="dn: Level-2 digital numbers (UInt16); reflectance: DN × 0.0000275 − 0.2 as "
                             f"floats; auto: told from the data type and values (default){note}")


def add_classify_parser(commands: argparse._SubParsersAction) -> None:
    from .options import DEFAULT_BATCH_SIZE, MAP_RESOLUTION_DEFAULT

    classify = _command(
        commands, "classify", cmd_classify, "classify a Landsat product or raster into a land-cover GeoTIFF",
        "The same inference core as the QGIS algorithm moemae:classify: 40 × 40 px tiles every STRIDE px, "
        "metadata from the MTL file, product id or tags, the probe's most likely class per cell (UInt8, "
        "nodata 255, palette and class names from the probe). A USGS product is read in place, also inside "
        "its .tar; its QA_PIXEL masks clouds: a tile more than half masked gets no prediction. The output "
        "records what made it (gdalinfo shows it). Several inputs (or --inputs LIST.txt) make one mosaic on "
        "the first input's grid: each input is mapped into a work folder (kept: a run again redoes only what "
        "is missing), then --composite decides where they overlap; under torchrun the processes share the "
        "inputs.",
        ["python -m backend classify LC08_L2SP_204023_20200927_20201006_02_T1.tar --out landcover.tif",
         "python -m backend classify LC08_L2SP_204023_20200927_20201006_02_T1/ --mask fill cloud "
         "cloud-shadow --out landcover.tif",
         "python -m backend classify scene_SR_stack.tif --qa-pixel scene_QA_PIXEL.TIF --out landcover.tif",
         "python -m backend classify scene.tif --bands 2 3 4 5 6 7 8 --stride 40 --device cuda "
         "--out landcover.tif --probabilities proba.tif",
         "python -m backend classify A.tar B.tar C_MTL.txt --composite latest --out mosaic.tif",
         "torchrun --nproc_per_node=4 -m backend classify --inputs scenes.txt --device cuda "
         "--out mosaic.tif"])
    classify.add_argument("input", nargs="*", metavar="INPUT",
                          help="a Landsat 8/9 Collection 2 Level-2 product (its MTL file, folder, or .tar or "
                               ".tar.gz as downloaded) or a surface-reflectance raster; several make one "
                               "mosaic")
    classify.add_argument("--out", required=True, help="class GeoTIFF to write")
    _add_mosaic_options(classify)
    classify.add_argument("--probabilities", default=None, help="also write per-class probabilities here")
    classify.add_argument("--model", "--checkpoint", dest="checkpoint", default=None, metavar="NAME_OR_FILE",
                          help="a catalogue name (demo-S, published-S: python -m backend models) or a "
                               "checkpoint file (default: published-S once downloaded, else the "
                               "demonstration model demo-S)")
    classify.add_argument("--probe", default=None, metavar="NAME_OR_FILE",
                          help="a catalogue name (eurosat10-cls, bigearthnet19-mean …) or a probe file "
                               "(default: the model's default probe: eurosat10-cls for published-S)")
    _add_scene_options(classify, MAP_RESOLUTION_DEFAULT, pixel=True)
    classify.add_argument("--no-metadata", action="store_true", help="encode date and position as missing")
    classify.add_argument("--batch-size", type=_positive, default=DEFAULT_BATCH_SIZE,
                          help=f"tiles per batch ({DEFAULT_BATCH_SIZE})")
    classify.add_argument("--report-resources", action="store_true",
                          help="print the wall time and this program's peak resident memory (MB)")
    _add_device(classify)


def cmd_models(args: argparse.Namespace) -> int:
    if args.action == "download":
        return _download_model(args)
    if args.action == "add":
        return _add_own_model(args)
    if args.item or args.url or args.name:
        raise UserError("models lists everything and takes no name or --url; to download: python -m backend "
                        "models download NAME [--url URL]")
    from .catalogue import list_models

    rows = list_models()
    # Columns as wide as their widest entry, so every row's summary starts at the same place.
    name_w, status_w = (max(len(row[key]) for row in rows) for key in ("name", "status"))
    for row in rows:
        print(f"{row['kind']:<6} {row['name']:<{name_w}} {row['status']:<{status_w}} {row['summary']}")
        print(f"{'':<7}{row['path']}")
    return 0


def _download_model(args: argparse.Namespace) -> int:
    from .catalogue import model_entry, read_catalogue, read_record
    from .download import check_source, download_model

    names = ", ".join(m.name for m in read_catalogue()[0] if m.url)
    entry = model_entry(args.item or "")
    if not args.item:
        raise UserError(f"name the model to download: python -m backend models download NAME ({names})")
    if args.name:
        raise UserError("--name is for a file of your own: python -m backend models add FILE --name NAME")
    if entry is None or not (args.url or entry.url):
        raise UserError(f"{args.item!r} is no model of the catalogue to download; models to download: "
                        f"{names} (a file of your own: python -m backend models add FILE --name NAME)")
    if args.url is not None:  # before saying where from: '' must not read as the catalogue's address
        check_source(args.url)
    print(f"downloading {entry.name} ({entry.title}) from {args.url or entry.url}")
    path = download_model(entry, args.url, progress=_bar(0, "downloading", unit="B"))
    verified = read_record(path).get("verified", "checked")
    print(f"saved {path}, {verified}; its probes: python -m backend models")
    return 0


def _add_own_model(args: argparse.Namespace) -> int:
    from .download import add_own_model

    if not args.item or not args.name or args.url:
        raise UserError("add takes a checkpoint file and the name to list it under: python -m backend models "
                        "add FILE --name NAME")
    path = add_own_model(args.item, args.name)
    print(f"added {path} as a model of your own (listed as yours, never as a catalogue model): use it with "
          f"--model {path.stem}")
    return 0


def add_models_parser(commands: argparse._SubParsersAction) -> None:
    models = _command(commands, "models", cmd_models, "list models and probes; download the published one",
                      "List the models and probes the project knows by name (the bundled demonstration "
                      "model, the paper's published model, their probes) and your own in the user models "
                      "folder (<user data dir>/moemae-qgis/models; MOEMAE_DATA_DIR overrides the user data "
                      "dir); or download a catalogue model: resumable (run it again after a cut), "
                      "verified (the published model must be the file the authors' repository holds, by its "
                      "git blob SHA-1; its SHA-256 is recorded and checked on every later load); or add a "
                      "checkpoint of your own to the user models folder under a name of your own. Catalogue "
                      "names work wherever a model or probe is asked for.",
                      ["python -m backend models",
                       "python -m backend models download published-S",
                       "python -m backend models download published-S --url https://mirror.example.org/"
                       "pretrained_S_best.pth",
                       "python -m backend models add ~/Downloads/my_pretrained.pth --name my-model"])
    models.add_argument("action", nargs="?", default="list", choices=["list", "download", "add"],
                        help="list (default), download or add")
    models.add_argument("item", nargs="?", default=None, metavar="NAME|FILE",
                        help="download: the catalogue model (published-S); add: the checkpoint file")
    models.add_argument("--url", default=None, help="download only: from this URL instead (a mirror, or "
                                                    "file:// to register a file you downloaded yourself)")
    models.add_argument("--name", default=None, help="add only: the name to list your model under (it "
                                                     "becomes NAME.pth in the user models folder)")


def cmd_sample(args: argparse.Namespace) -> int:
    from .sampling import parse_expected_users, sample_map

    expected = parse_expected_users(args.users_accuracy or [])
    lines = sample_map(args.map, args.out, total=args.n, min_per_class=args.min_per_class,
                       target_se=args.target_se, expected_users=expected, seed=args.seed)
    print("\n".join(lines))
    print(f"wrote {args.out}: label each point's 'reference' field with the class you see there, then: "
          f"python -m backend assess {args.map} {args.out} --field reference --out report.json")
    return 0


def add_sample_parser(commands: argparse._SubParsersAction) -> None:
    from .sampling import DEFAULT_MIN_PER_CLASS, DEFAULT_SAMPLE_SIZE

    sample = _command(
        commands, "sample", cmd_sample, "draw a stratified random sample of a map's pixels to label",
        "A stratified random sample with the map classes as strata (Olofsson et al. 2014, §5.1): the size "
        f"is --n (default {DEFAULT_SAMPLE_SIZE}), or with --target-se the size Cochran's formula gives for "
        "that standard error of the overall accuracy with the user's accuracies you expect (§5.1.1, eq. 13). "
        "The size is allocated proportionally to mapped area, with at least --min-per-class points per class "
        "(§5.1.2). Every point is at a pixel centre, never on nodata, in the map's CRS, with the fields "
        "map_class, stratum and an empty reference to fill in. The same --seed gives the same points.",
        ["python -m backend sample landcover.tif --out sample.gpkg",
         "python -m backend sample landcover.tif --out sample.gpkg --n 800 --min-per-class 75 --seed 3",
         "python -m backend sample landcover.tif --out sample.gpkg --target-se 0.01 --users-accuracy 0.8 "
         "Water=0.95"])
    sample.add_argument("map", help="the land-cover map (a class GeoTIFF, e.g. from classify)")
    sample.add_argument("--out", required=True, help="the points to write (.gpkg)")
    sample.add_argument("--n", type=_positive, default=None,
                        help=f"points in all (default: {DEFAULT_SAMPLE_SIZE}; more when the minima need "
                             "more)")
    sample.add_argument("--min-per-class", type=_positive, default=DEFAULT_MIN_PER_CLASS,
                        help=f"points per class at least, or all its pixels if fewer (default: "
                             f"{DEFAULT_MIN_PER_CLASS})")
    sample.add_argument("--target-se", type=_finite(0, 1, low_open=True), default=None,
                        help="instead of --n: the standard error of the overall accuracy to reach, e.g. 0.01")
    sample.add_argument("--users-accuracy", nargs="+", default=None, metavar="[NAME=]U",
                        help="with --target-se: the user's accuracy you expect, one for every class (0.8) "
                             "and/or per class (Water=0.95)")
    sample.add_argument("--seed", type=int, default=0,
                        help="random seed: the same seed, the same points; any whole number, taken modulo "
                             "2**32 (default: 0)")


def cmd_assess(args: argparse.Namespace) -> int:
    from .assessment import summary_lines, write_assessment

    result = write_assessment(args.map, args.reference, args.field, args.out, args.html, args.strata)
    print("\n".join(summary_lines(result.report)))
    print(f"wrote {args.out}" + (f" and {args.html}" if args.html else ""))
    return 0


def add_assess_parser(commands: argparse._SubParsersAction) -> None:
    assess = _command(
        commands, "assess", cmd_assess, "accuracy and area estimates of a map from labelled points",
        "The error matrix in proportions of area, overall, user's and producer's accuracies and each class's "
        "area, each with its standard error and 95 % interval (ci95 = 1.96 × se), from a stratified random "
        "sample (Olofsson et al. 2013, 2014: the map classes as strata; with --strata, Stehman 2014 for "
        "strata that differ from the map classes). Mapped areas are pixel counts × pixel area: a map in a "
        "geographic CRS (degrees) is refused, not measured geodesically; reproject it first. Labels are the "
        "map's class names or codes; points outside the map or on nodata, unlabelled, with unknown labels or "
        "on a pixel already used are counted and said.",
        ["python -m backend assess landcover.tif sample.gpkg --field reference --out report.json",
         "python -m backend assess landcover.tif labels.shp --field class --out report.json --html "
         "report.html",
         "python -m backend assess landcover_2024.tif sample_2020.gpkg --field reference --strata "
         "landcover_2020.tif --out report.json"])
    assess.add_argument("map", help="the land-cover map (a class GeoTIFF in a projected CRS)")
    assess.add_argument("reference", help="labelled points: any OGR point layer (GeoPackage, Shapefile, "
                                          "GeoJSON), in any CRS; its first layer is read "
                                          "(PATH|layername=NAME reads another)")
    assess.add_argument("--field", required=True, help="the field holding each point's reference class")
    assess.add_argument("--strata", default=None,
                        help="the raster the sample was drawn on, when its strata are not the map's classes")
    assess.add_argument("--out", required=True, help="the report to write (.json)")
    assess.add_argument("--html", default=None, help="also write the report a person reads (.html)")


# --------------------------------------------------------------------------- embeddings: similarity, clusters
def _field_request(args: argparse.Namespace):
    """The request that embeds ``args.scene``, or None for an embedding raster (read as it is)."""
    from .catalogue import resolve_model
    from .embedding_field import is_embedding_raster

    if is_embedding_raster(args.scene):
        return None
    return _scene_request(args, args.scene, "", resolve_model(args.checkpoint), probe=None, pooling="mean",
                          precision=args.precision)


def cmd_similarity(args: argparse.Namespace) -> int:
    from .similarity import similarity_map

    similarity_map(args.scene, _field_request(args), args.points, args.negatives, args.out,
                   progress=_bar(0, "embedding and scoring", unit="step"))
    print(f"wrote {args.out}: cosine similarity to the "
          f"{'positives against the negatives' if args.negatives else 'points'}, -1 to 1, nodata NaN")
    return 0


def _add_encoder_options(parser: argparse.ArgumentParser, note: str = "") -> None:
    """How the tiles are encoded, for the commands that embed a scene first (similarity, cluster,
    change, timeseries): batch size, precision (auto, as classify) and device."""
    from .options import DEFAULT_BATCH_SIZE

    parser.add_argument("--batch-size", type=_positive, default=DEFAULT_BATCH_SIZE,
                        help=f"tiles per batch ({DEFAULT_BATCH_SIZE})")
    parser.add_argument("--precision", default="auto", choices=["float32", "bfloat16", "auto"],
                        help=f"the encoder's: auto (bfloat16 where it is fast, as classify), float32 or "
                             f"bfloat16{note}")
    _add_device(parser, seed=False)


def _add_field_options(parser: argparse.ArgumentParser) -> None:
    """The options of a scene that is embedded first (ignored for an embedding raster)."""
    from .embedding_cache import FIELD_RESOLUTION

    note = "scenes only: an embedding raster is read as it is"
    parser.add_argument("scene", help="a Landsat product (MTL file, folder or .tar), a raster, as classify "
                                      "takes, or an embedding raster written by embed (never encoded again)")
    parser.add_argument("--model", "--checkpoint", dest="checkpoint", default=None, metavar="NAME_OR_FILE",
                        help=f"a catalogue name or a checkpoint file (default: the default model; {note})")
    _add_scene_options(parser, FIELD_RESOLUTION, only=note)
    parser.add_argument("--no-metadata", action="store_true", help=f"encode date and position as missing "
                                                                    f"({note})")
    _add_encoder_options(parser, f" ({note})")


def add_similarity_parser(commands: argparse._SubParsersAction) -> None:
    similarity = _command(
        commands, "similarity", cmd_similarity, "map how much every cell looks like given places",
        "A float32 GeoTIFF, band 1 the cosine similarity of each cell's embedding to the points' (both "
        "centred on the scene's mean embedding): 1 alike, 0 no more alike than the average cell, -1 "
        "opposite. With --negatives, (cos to the positives - cos to the negatives) / 2, also -1 to 1. Cells "
        "of 120 m by default; fill, masked and cloud cells are nodata (NaN). A scene is embedded once per "
        "model and settings and kept in the embedding cache (<user data dir>/embedding-cache).",
        ["python -m backend similarity LC08_L2SP_204023_20200927_20201006_02_T1_MTL.txt --points sea.gpkg "
         "--out sea-like.tif",
         "python -m backend similarity embeddings.tif --points woods.gpkg --negatives fields.gpkg --out "
         "woods.tif"])
    _add_field_options(similarity)
    similarity.add_argument("--points", required=True, help="points of the places to find (any OGR point "
                                                            "layer, any CRS)")
    similarity.add_argument("--negatives", default=None, help="points of places that are not wanted")
    similarity.add_argument("--out", required=True, help="the similarity GeoTIFF to write")


def cmd_cluster(args: argparse.Namespace) -> int:
    from .cluster import cluster_map

    counts = cluster_map(args.scene, _field_request(args), args.out, args.clusters, args.seed, args.pca,
                         progress=_bar(0, "embedding and clustering", unit="step"))
    print(f"wrote {args.out}" + (f" and {args.pca}" if args.pca else "") + ": "
          + ", ".join(f"{name} {cells:,} cells" for name, cells in counts.items()))
    return 0


def add_cluster_parser(commands: argparse._SubParsersAction) -> None:
    from .cluster import DEFAULT_CLUSTERS, MAX_CLUSTERS, MIN_CLUSTERS

    cluster = _command(
        commands, "cluster", cmd_cluster, "split a scene into K kinds of place, without labels",
        "Mini-batch k-means (scikit-learn) fitted on a sample of the cells' embeddings (centred, length 1), "
        "then every cell given its nearest cluster strip by strip: a Byte GeoTIFF with a colour table, "
        "nodata 255. --pca also writes the first three principal components as an RGB rendering of "
        "the field.",
        ["python -m backend cluster LC08_L2SP_204023_20200927_20201006_02_T1.tar --clusters 8 --out "
         "clusters.tif",
         "python -m backend cluster embeddings.tif --clusters 12 --seed 3 --out clusters.tif --pca pca.tif"])
    _add_field_options(cluster)
    cluster.add_argument("--clusters", type=_at_least(MIN_CLUSTERS), default=DEFAULT_CLUSTERS,
                         help=f"how many clusters, {MIN_CLUSTERS}-{MAX_CLUSTERS} (default: "
                              f"{DEFAULT_CLUSTERS})")
    cluster.add_argument("--seed", type=int, default=0, help="random seed: the same seed, the same map (0)")
    cluster.add_argument("--out", required=True, help="the cluster GeoTIFF to write")
    cluster.add_argument("--pca", default=None, help="also write a 3-band PCA rendering here (.tif)")


# --------------------------------------------------------------------------- change between dates
def _threshold_value(text: str) -> str | float:
    """--threshold: auto, or a score from 0 to 2."""
    if text == "auto":
        return text
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be auto or a score from 0 to 2, not {text!r}") from None
    if not 0 <= value <= 2:
        raise argparse.ArgumentTypeError(f"must be auto or a score from 0 to 2, got {text}")
    return value


_threshold_value.__name__ = "threshold"


def _dated_options(args: argparse.Namespace, source: str, option: str):
    """One date's ``options.SceneOptions``: the shared options, its own acquisition."""
    from .options import SceneOptions

    return SceneOptions(bands=args.bands, mask=tuple(args.mask), input_scale=args.input_scale,
                        stride=args.stride, use_metadata=not args.no_metadata, device=args.device,
                        batch_size=args.batch_size, acquisition=_acquisition(args, source, option))


def cmd_change(args: argparse.Namespace) -> int:
    from .catalogue import resolve_model, resolve_probe
    from .change import ChangeRequest, change_map

    if args.table and not args.probe:
        raise UserError("--table is the from → to table of a probe's classes: add --probe NAME_OR_FILE, or "
                        "leave --table out")
    model = resolve_model(args.checkpoint)
    probe = str(resolve_probe(args.probe, model, args.checkpoint)) if args.probe else None
    request = ChangeRequest(before=args.before, after=args.after, output=args.out, checkpoint=str(model),
                            before_options=_dated_options(args, args.before, "--before-date"),
                            after_options=_dated_options(args, args.after, "--after-date"), probe=probe,
                            threshold=args.threshold, changed_mask=args.changed_mask, table=args.table,
                            precision=args.precision,
                            centring=args.centring)
    result = change_map(request, progress_for=lambda label: _bar(0, label, unit="tile"))
    print(result.summary())
    return 0


def _add_dated_options(parser: argparse.ArgumentParser) -> None:
    """The options two or more dates share (each date's own acquisition aside)."""
    from .landsat import DEFAULT_QA_MASK, QA_PIXEL_BITS
    from .options import DEFAULT_INPUT_SCALE, DEFAULT_STRIDE_PX
    from .pixel_quality import INPUT_SCALES

    parser.add_argument("--model", "--checkpoint", dest="checkpoint", default=None, metavar="NAME_OR_FILE",
                        help="a catalogue name or a checkpoint file (default: the default model)")
    parser.add_argument("--bands", type=int, nargs=7, default=None, metavar="N",
                        help="band numbers of SR_B1…SR_B7 in every input (default: by band name)")
    parser.add_argument("--stride", type=_positive, default=DEFAULT_STRIDE_PX,
                        help=f"pixels between 40 × 40 px tiles, a multiple of 4 (default: "
                             f"{DEFAULT_STRIDE_PX})")
    parser.add_argument("--mask", nargs="+", default=list(DEFAULT_QA_MASK), metavar="FLAG",
                        help="QA_PIXEL flags that mask a pixel on either date, among "
                             f"{', '.join(QA_PIXEL_BITS)} "
                             f"(cloud shadow as cloud-shadow), or none (default: "
                             f"{' '.join(f.replace(' ', '-') for f in DEFAULT_QA_MASK)})")
    parser.add_argument("--input-scale", default=DEFAULT_INPUT_SCALE, choices=INPUT_SCALES,
                        help="dn, reflectance or auto (default), as classify")
    parser.add_argument("--no-metadata", action="store_true",
                        help="encode date and position as missing on every date")
    _add_encoder_options(parser)


def add_change_parser(commands: argparse._SubParsersAction) -> None:
    from .change import CENTRINGS, DEFAULT_CENTRING

    change = _command(
        commands, "change", cmd_change, "map what changed between two dates of one place",
        "Both inputs (anything classify takes) are cut to their common ground on the Landsat grid (a pixel "
        "offset is handled exactly; different CRSs or grids are refused with the way to align them) and "
        "encoded with their own date and position. Band 1 (float32): each 120 m cell's change score, the "
        "cosine distance of the two dates' embeddings, 0 to 2, higher "
        "meaning more change; cells masked or without data on either date are nodata (NaN), counted in the "
        "log with their reasons. --threshold adds a changed (1) / unchanged (0) band; --probe a from × 100 + "
        "to band and a table of the transitions' areas in hectares (CSV and HTML).",
        ["python -m backend change LC08_L2SP_204023_20200325_…_T1.tar LC08_L2SP_204023_20200927_…_T1.tar "
         "--out change.tif --threshold auto",
         "python -m backend change before/ after/ --probe bigearthnet19-demo --threshold auto "
         "--out change.tif"])
    change.add_argument("before", help="the earlier date: a Landsat product (MTL file, folder or .tar) or a "
                                       "raster, as classify takes")
    change.add_argument("after", help="the later date, of the same place (the same path/row)")
    change.add_argument("--out", required=True, help="the change GeoTIFF to write")
    change.add_argument("--threshold", type=_threshold_value, default=None,
                        help="auto (Otsu's rule on the scores, never below their median + 3 robust "
                             "standard deviations) or a score 0-2: adds a changed/unchanged band")
    change.add_argument("--changed-mask", default=None,
                        help="also write the changed band as a Byte GeoTIFF of its own (1 changed, 0 not, "
                             "255 nodata), with --threshold or else the automatic one")
    change.add_argument("--probe", default=None, metavar="NAME_OR_FILE",
                        help="a probe (catalogue name or file) on the mean of the tokens: adds the from → to "
                             "band and the transition table")
    change.add_argument("--table", default=None,
                        help="the transition table (.csv; the .html beside it) (default: "
                             "OUT_transitions.csv)")
    change.add_argument("--before-date", default=None, help="overrides BEFORE's date read from it")
    change.add_argument("--after-date", default=None, help="overrides AFTER's date read from it")
    change.add_argument("--centring", default=DEFAULT_CENTRING, choices=CENTRINGS,
                        help="none: the plain cosine; each: each date's vectors centred on its own mean; "
                             "common: on both dates' mean (docs/benchmarks.md measures them) (default: "
                             f"{DEFAULT_CENTRING})")
    _add_dated_options(change)


def cmd_timeseries(args: argparse.Namespace) -> int:
    from .catalogue import resolve_model, resolve_probe
    from .timeseries import TimeSeriesRequest, timeseries

    if args.threshold is not None and args.probe:
        raise UserError("--threshold cuts change scores, but with --probe a date changed where its class "
                        "differs from the first date's: leave out --threshold, or --probe for scores")
    model = resolve_model(args.checkpoint)
    probe = str(resolve_probe(args.probe, model, args.checkpoint)) if args.probe else None
    request = TimeSeriesRequest(inputs=args.inputs,
                                options=[_dated_options(args, source, "") for source in args.inputs],
                                output=args.out, checkpoint=str(model), probe=probe,
                                threshold=args.threshold or "auto", work=args.work, precision=args.precision)
    result = timeseries(request, progress_for=lambda label: _bar(0, label, unit="tile"))
    print(result.summary())
    return 0


def add_timeseries_parser(commands: argparse._SubParsersAction) -> None:
    series = _command(
        commands, "timeseries", cmd_timeseries, "stack many dates of one place: a band per date",
        "Every input (anything classify takes, of one path/row) is cut to the common ground on the Landsat "
        "grid and encoded with its own date. A float32 GeoTIFF of 120 m cells, a band per date, oldest "
        "first: with --probe each date's classes, else each date's change score against the first date "
        "(as change). The last band is the first date of change (that date's band number; 0 none). Each "
        "band's description and metadata (ACQUISITION_DATE) hold its date. Each date's result is kept "
        "in the work folder, so a stopped run, or one with a date more, redoes only what is missing.",
        ["python -m backend timeseries LC08_*_204023_2020*.tar --out stack.tif",
         "python -m backend timeseries a/ b/ c/ --probe bigearthnet19-demo --out classes.tif --work work/"])
    series.add_argument("inputs", nargs="+", metavar="PRODUCT",
                        help="the dates: Landsat products (MTL file, folder or .tar) or rasters with a date")
    series.add_argument("--out", required=True, help="the stack GeoTIFF to write")
    series.add_argument("--probe", default=None, metavar="NAME_OR_FILE",
                        help="bands of classes by this probe (on the mean of the tokens) instead of scores")
    series.add_argument("--threshold", type=_threshold_value, default=None,
                        help="scores above it are change, for the first-date band: auto (default: Otsu's "
                             "rule, never below the scores' median + 3 robust standard deviations) or a "
                             "score 0-2")
    series.add_argument("--work", default=None,
                        help="the work folder that keeps each date's result (default: OUT_work beside it)")
    _add_dated_options(series)


# --------------------------------------------------------------------------- the parser
PARSER_ADDERS = (add_info_parser, add_bench_parser, add_pack_parser, add_pretrain_parser, add_embed_parser,
                 add_probe_parser, add_evaluate_parser, add_classify_parser, add_demo_scene_parser,
                 add_models_parser, add_sample_parser, add_assess_parser, add_similarity_parser,
                 add_cluster_parser, add_change_parser,
                 add_timeseries_parser)


def _command(commands, name, func, help_text, description, examples):
    """A subcommand with its help, description and examples; ``func`` runs it."""
    sub = commands.add_parser(name, help=help_text, description=description, formatter_class=FORMATTER,
                              epilog=_examples(*examples))
    sub.set_defaults(func=func)
    return sub


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="python -m backend",
        description=textwrap.dedent("""\
            moemae-qgis backend: the MoE-MAE land-cover model without QGIS.
            Run a command with --help for its options and examples."""),
        formatter_class=FORMATTER,
        epilog=_examples("python -m backend info",
                         "python -m backend pack tests/data/bigearthnet-l-sample --out work/ben-pack",
                         "python -m backend pretrain work/ben-pack --out work/run1 --epochs 100",
                         "python -m backend embed work/ben-pack --checkpoint work/run1/best.pt --out "
                         "work/emb.npz",
                         "python -m backend probe fit work/emb.npz --out work/probe.json"),
    )
    parser.add_argument("--version", action="version", version=f"moemae-qgis backend {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for add_parser in PARSER_ADDERS:
        add_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    from .errors import describe
    from .progress import Cancelled, messages_to

    terminal = logging.StreamHandler(sys.stdout)
    terminal.setFormatter(_TerminalFormatter())
    try:
        with messages_to(terminal, propagate=False):  # the command's lines, once, on stdout
            return int(args.func(args) or 0)
    except (UserError, OSError, MemoryError) as exc:  # OSError: a file the user named cannot be used
        print(f"error: {describe(exc)}", file=sys.stderr)
        return 2
    except (KeyboardInterrupt, Cancelled):
        print("interrupted: nothing was written", file=sys.stderr)
        return 130


class _TerminalFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        text = record.getMessage()
        return f"warning: {text}" if record.levelno >= logging.WARNING else text

"""Masked-autoencoder pretraining, in one process or data-parallel under torchrun.

The schedule of the paper (spec, "Training in the paper"): AdamW (lr 3e-4, weight decay
0.05), linear warm-up over the first 5 % of steps then cosine to 0, gradient-norm clipping at
1.0, mixed precision where the device supports it. Every epoch appends a line to
``metrics.jsonl`` and writes ``last.pt`` (and ``best.pt`` when the epoch's mean loss is the
lowest so far, ``epoch_NNNN.pt`` every ``save_every`` epochs), atomically, in the project's
checkpoint format with the optimizer and schedule state, so ``resume`` continues exactly.

Randomness (masking, gate noise, dropout, the order of patches) is re-seeded at the start of
every epoch from (seed, epoch, rank): a resumed run draws exactly what an uninterrupted one
would have drawn, without saving generator states.

Under ``torchrun --nproc_per_node=N -m backend pretrain …`` each process trains on its shard
of every epoch (a DistributedSampler) through DistributedDataParallel; rank 0 alone logs and
writes checkpoints. The backend is NCCL on CUDA, gloo on CPUs.
"""
from __future__ import annotations

import json
import logging
import math
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable

import numpy as np
import torch
import torch.distributed as dist

from . import __version__, checkpoint, landsat
from .distributed import DistributedContext
from .errors import UserError
from .files import write_atomically
from .model import MoEMAE
from .progress import NullProgress, Progress, ProgressBar
from .runtime import autocast_context, bfloat16_supported

if TYPE_CHECKING:
    from .data import PatchArrays

log = logging.getLogger(__name__)


class TrainingDiverged(UserError):
    """The loss became NaN or infinite; the last good checkpoint is kept."""


@dataclass
class PretrainConfig:
    data: str
    out: str
    size: str = "S"
    epochs: int = 500
    batch_size: int = 128
    lr: float = 3e-4
    weight_decay: float = 0.05
    warmup: float = 0.05  # fraction of all steps
    clip: float = 1.0
    precision: str = "auto"  # auto | float32 | bfloat16 | float16
    save_every: int = 0  # 0: only last and best
    seed: int = 0
    device: str = "auto"
    resume: bool = False
    skip_bad: bool = False
    init: str | None = None  # start from these weights (published or project checkpoint)
    stop_after: int | None = None  # run at most this many epochs now (resume later for the rest)
    extra: dict = field(default_factory=dict)


def lr_factor(step: int, total_steps: int, warmup_steps: int) -> float:
    """Linear warm-up from 0 to 1 over ``warmup_steps``, then cosine from 1 to 0 at ``total_steps``."""
    if warmup_steps > 0 and step < warmup_steps:
        return (step + 1) / warmup_steps
    progress = (step - warmup_steps) / max(1, total_steps - warmup_steps)
    return 0.5 * (1 + math.cos(math.pi * min(1.0, progress)))


def training_precision(device: torch.device, precision: str) -> str:
    """``auto``: bfloat16 on a CUDA GPU that has it, else float32 (bfloat16 autocast trains
    slower than float32 on CPUs: see docs/benchmarks.md)."""
    if precision != "auto":
        if precision == "float16" and device.type != "cuda":
            raise UserError("float16 training needs a CUDA GPU; use --precision float32 or bfloat16")
        return precision
    return "bfloat16" if device.type == "cuda" and bfloat16_supported(device) else "float32"


def _autocast(device, precision: str):
    if precision == "float16":
        return torch.autocast("cuda", dtype=torch.float16)
    return autocast_context(device, precision)


def _epoch_seed(seed: int, epoch: int, rank: int) -> int:
    return (seed * 1_000_003 + epoch * 7919 + rank * 104_729) % (2**63)


def pretrain(config: PretrainConfig, arrays: PatchArrays | None = None,
             progress_factory: Callable[[int, str], Progress] | None = None) -> dict:
    """Run (or resume) pretraining; returns a summary dict. See the module docstring.

    ``arrays``: a ``backend.data.PatchArrays`` (else ``config.data`` is opened, a pack is
    memory-mapped). ``progress_factory(total, desc)`` makes the per-epoch progress object.
    """
    from . import data as data_module

    ctx = DistributedContext(config.device)
    try:
        return _pretrain(config, ctx, arrays, progress_factory, data_module)
    finally:
        ctx.close()


@dataclass
class Run:
    """What one pretraining run carries from epoch to epoch (see :func:`_set_up`)."""

    config: PretrainConfig
    ctx: DistributedContext
    arrays: object  # backend.data.PatchArrays
    precision: str
    model: MoEMAE
    train_model: torch.nn.Module  # the model, or its DistributedDataParallel wrapper
    optimizer: torch.optim.Optimizer
    scaler: torch.amp.GradScaler
    total_steps: int
    warmup_steps: int
    start_epoch: int = 0
    step: int = 0
    best_loss: float = math.inf
    history: list = field(default_factory=list)

    @property
    def out(self) -> Path:
        return Path(self.config.out)

    @property
    def device(self) -> torch.device:
        return self.ctx.device


def _pretrain(config, ctx, arrays, progress_factory, data_module):
    run = _set_up(config, ctx, arrays, data_module)
    summary = {"epochs_run": 0, "last_loss": None}
    last_epoch = config.epochs
    if config.stop_after:
        last_epoch = min(config.epochs, run.start_epoch + config.stop_after)
    for epoch in range(run.start_epoch, last_epoch):
        record = _train_epoch(run, epoch, progress_factory or _default_progress(ctx))
        run.history.append(record)
        summary.update(epochs_run=summary["epochs_run"] + 1, last_loss=record["loss"])
        if ctx.main:
            _save_epoch(run, epoch, record)
        ctx.barrier()
    summary.update(best_loss=run.best_loss, main=ctx.main, history=run.history)
    if ctx.world > 1:
        summary["rank_fingerprints"] = _check_replicas(run)
    return summary


def _set_up(config: PretrainConfig, ctx: DistributedContext, arrays, data_module) -> Run:
    """The data, the model (random, ``--init`` weights or the run to resume), the optimizer and
    the schedule; refuses a run folder that already holds a run unless resuming."""
    out = Path(config.out)
    if arrays is None:
        arrays = data_module.load(data_module.open_dataset(config.data), skip_bad=config.skip_bad)
    if len(arrays) == 0:
        raise UserError(f"{config.data} holds no patches")
    torch.manual_seed(config.seed)  # same initial weights on every rank
    model = _initial_model(config).to(ctx.device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=config.lr, weight_decay=config.weight_decay)
    precision = training_precision(ctx.device, config.precision)
    steps_per_epoch = math.ceil(math.ceil(len(arrays) / ctx.world) / config.batch_size)
    total_steps = steps_per_epoch * config.epochs
    run = Run(config=config, ctx=ctx, arrays=arrays, precision=precision, model=model, train_model=model,
              optimizer=optimizer, scaler=torch.amp.GradScaler("cuda", enabled=precision == "float16"),
              total_steps=total_steps, warmup_steps=int(config.warmup * total_steps))
    if config.resume:
        _resume(run)
    elif (out / "last.pt").exists():
        raise UserError(f"{out} already holds a run (last.pt); pass --resume to continue it or choose "
                        "another --out")
    if ctx.world > 1:
        run.train_model = torch.nn.parallel.DistributedDataParallel(
            model, device_ids=[ctx.device.index] if ctx.device.type == "cuda" else None)
    if ctx.main:
        out.mkdir(parents=True, exist_ok=True)
    if len(arrays) < ctx.world:
        raise UserError(f"{len(arrays)} patches cannot be shared among {ctx.world} processes")
    return run


def _initial_model(config: PretrainConfig) -> MoEMAE:
    """A randomly initialised model, or the ``--init`` weights with the statistics they state."""
    model = MoEMAE(config.size)
    if config.init:
        start = checkpoint.load_pretrained(config.init)
        if start.config.size != config.size:
            raise UserError(f"--init {config.init} is a size-{start.config.size} model; this run trains size "
                            f"{config.size}: pass --size {start.config.size} or another --init")
        model.load_state_dict(start.state_dict())
        model.normalization = start.normalization
    return model


def _resume(run: Run) -> None:
    """Weights, optimizer, scaler, schedule position and statistics from the run's last.pt."""
    state = _read_resume_state(run.out / "last.pt", run.config)
    run.model.load_state_dict(state["model_state"])
    norm = state.get("normalization") or {}
    run.model.normalization = (tuple(norm.get("mean", landsat.NORM_MEAN)),
                               tuple(norm.get("std", landsat.NORM_STD)))
    run.optimizer.load_state_dict(state["training"]["optimizer"])
    run.scaler.load_state_dict(state["training"]["scaler"])
    run.start_epoch = state["training"]["epoch"] + 1
    run.step = state["training"]["step"]
    run.best_loss = state["training"]["best_loss"]
    if run.ctx.main:
        log.info("resuming after epoch %d (step %d) from %s", run.start_epoch, run.step, run.out / "last.pt")


def _train_epoch(run: Run, epoch: int, progress_factory) -> dict:
    """One pass over this rank's shard of the data; returns the epoch's record (mean losses over
    all ranks, learning rate, speed)."""
    config, ctx = run.config, run.ctx
    torch.manual_seed(_epoch_seed(config.seed, epoch, ctx.rank))
    order = torch.randperm(len(run.arrays),
                           generator=torch.Generator().manual_seed(_epoch_seed(config.seed, epoch, 0)))
    shard = order[ctx.rank::ctx.world]  # DistributedSampler's split: every rank a disjoint slice
    run.train_model.train()
    progress = progress_factory(len(shard), f"epoch {epoch + 1}/{config.epochs}")
    sums = {"loss": 0.0, "masked": 0.0, "unmasked": 0.0, "moe": 0.0}
    started, seen = time.perf_counter(), 0
    for batch_start in range(0, len(shard), config.batch_size):
        progress.check()
        index = np.sort(shard[batch_start:batch_start + config.batch_size].numpy())
        parts = _train_step(run, index, epoch)
        seen += len(index)
        for key in sums:
            sums[key] += float(parts[key].detach()) * len(index)
        progress.update(len(index))
        progress.set_postfix(loss=float(parts["loss"].detach()), lr=run.optimizer.param_groups[0]["lr"],
                             img_s=seen * ctx.world / (time.perf_counter() - started))
    progress.close()
    seconds = time.perf_counter() - started
    record = {key: ctx.mean(value / seen) for key, value in sums.items()}
    record.update(epoch=epoch + 1, step=run.step, lr=run.optimizer.param_groups[0]["lr"],
                  seconds=round(seconds, 3),
                  images_per_s=round(seen * ctx.world / seconds, 1))
    return record


def _train_step(run: Run, index: np.ndarray, epoch: int) -> dict:
    """One optimizer step on the patches at ``index``; returns the loss parts. Stops the run
    (:class:`TrainingDiverged`) when the loss is no longer finite."""
    device, config = run.device, run.config
    images = landsat.normalize(torch.from_numpy(np.asarray(run.arrays.images[index])).to(device),
                               *run.model.normalization)
    meta = torch.from_numpy(np.asarray(run.arrays.metadata[index])).to(device)
    for group in run.optimizer.param_groups:
        group["lr"] = config.lr * lr_factor(run.step, run.total_steps, run.warmup_steps)
    with _autocast(device, run.precision):
        parts = run.train_model(images, meta[:, 0], meta[:, 1], meta[:, 2], meta[:, 3])
    loss = parts["loss"]
    if not torch.isfinite(loss):
        raise TrainingDiverged(_divergence_message(loss.item(), epoch, run.step, run.out))
    run.optimizer.zero_grad(set_to_none=True)
    run.scaler.scale(loss).backward()
    run.scaler.unscale_(run.optimizer)
    torch.nn.utils.clip_grad_norm_(run.model.parameters(), config.clip)
    run.scaler.step(run.optimizer)
    run.scaler.update()
    run.step += 1
    return parts


def _save_epoch(run: Run, epoch: int, record: dict) -> None:
    """last.pt (and best.pt, epoch_NNNN.pt) atomically, then the epoch's line in metrics.jsonl."""
    is_best = record["loss"] < run.best_loss
    run.best_loss = min(run.best_loss, record["loss"])
    content = checkpoint.checkpoint_dict(run.model, _provenance(run.config, run.arrays, record), training={
        "optimizer": run.optimizer.state_dict(), "scaler": run.scaler.state_dict(), "epoch": epoch,
        "step": run.step, "best_loss": run.best_loss, "config": asdict(run.config)})
    checkpoint.save_checkpoint(run.out / "last.pt", content)
    if is_best:
        checkpoint.save_checkpoint(run.out / "best.pt", content)
    if run.config.save_every and (epoch + 1) % run.config.save_every == 0:
        checkpoint.save_checkpoint(run.out / f"epoch_{epoch + 1:04d}.pt", content)
    # After the checkpoint: a crash in between must not log an epoch that resume will redo.
    with open(run.out / "metrics.jsonl", "a", encoding="utf-8") as metrics:
        metrics.write(json.dumps(record) + "\n")


def _check_replicas(run: Run) -> list:
    """Data parallelism must leave every replica with the same weights: check, and record it in
    ranks.json. Returns each rank's encoder fingerprint."""
    fingerprints = [None] * run.ctx.world
    dist.all_gather_object(fingerprints, checkpoint.model_fingerprint(run.model))
    if run.ctx.main:
        text = json.dumps({"world_size": run.ctx.world, "fingerprints": fingerprints}, indent=1)
        write_atomically(run.out / "ranks.json", lambda f: f.write(text))
        if len(set(fingerprints)) != 1:
            raise RuntimeError(f"replicas diverged: encoder fingerprints {fingerprints}")
    return fingerprints


def _divergence_message(loss: float, epoch: int, step: int, out: Path) -> str:
    """What to do after the loss became NaN or infinite: resume from the last good checkpoint when
    there is one, else start again with gentler settings."""
    where = f"the loss became {loss} at epoch {epoch + 1}, step {step + 1}; training stopped. "
    if (out / "last.pt").is_file():
        return (where + f"The last good checkpoint is {out / 'last.pt'}: resume from it (--resume) with a "
                        "lower --lr, or --precision float32")
    return (where + "No epoch finished, so no checkpoint was written: start again with a lower --lr, or "
            "--precision float32")


def _default_progress(ctx):
    if ctx.main:
        return lambda total, desc: ProgressBar(total, desc, unit="img")
    return lambda total, desc: NullProgress(total, desc)


def _provenance(config: PretrainConfig, arrays, record: dict) -> dict:
    return {"made_by": f"moemae-qgis {__version__} backend pretrain", "data": str(config.data),
            "data_kind": arrays.kind, "patches": len(arrays), "epochs": record["epoch"],
            "steps": record["step"], "loss": record["loss"], "seed": config.seed,
            "batch_size": config.batch_size, "lr": config.lr, "init": config.init or "random"}


def _read_resume_state(path: Path, config: PretrainConfig) -> dict:
    if not path.is_file():
        raise UserError(f"--resume: {path} does not exist; start without --resume")
    content = checkpoint.read_file(path)
    if not isinstance(content, dict) or "training" not in content:
        raise UserError(f"--resume: {path} holds no training state (optimizer, step); it cannot be resumed")
    previous = content["training"].get("config", {})
    for key in ("size", "batch_size", "epochs", "seed", "precision"):
        if key in previous and previous[key] != getattr(config, key):
            raise UserError(f"--resume: the run in {path.parent} used --{key.replace('_', '-')} "
                            f"{previous[key]}, not {getattr(config, key)}; resume with the same settings")
    return content

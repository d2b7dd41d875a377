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
import math
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import torch
import torch.distributed as dist

from . import __version__, checkpoint, landsat
from .errors import UserError
from .files import write_atomically
from .model import MoEMAE, autocast_context, bfloat16_supported
from .progress import NullProgress, ProgressBar


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


class DistributedContext:
    """rank / world size from torchrun's environment; a no-op in a single process."""

    def __init__(self, device_name: str):
        from .device import resolve_device

        self.world = int(os.environ.get("WORLD_SIZE", "1"))
        self.rank = int(os.environ.get("RANK", "0"))
        self.local_rank = int(os.environ.get("LOCAL_RANK", "0"))
        if self.world > 1:
            device = resolve_device(device_name)
            if device.type == "cuda":
                device = torch.device("cuda", self.local_rank)
                torch.cuda.set_device(device)
            if not dist.is_initialized():
                dist.init_process_group("nccl" if device.type == "cuda" else "gloo")
            self.device = device
        else:
            self.device = resolve_device(device_name)

    @property
    def main(self) -> bool:
        return self.rank == 0

    def mean(self, value: float) -> float:
        """The mean of ``value`` over all processes."""
        if self.world == 1:
            return value
        tensor = torch.tensor([value], dtype=torch.float64, device=self.device)
        dist.all_reduce(tensor)
        return float(tensor.item()) / self.world

    def barrier(self) -> None:
        if self.world > 1:
            dist.barrier()

    def close(self) -> None:
        if self.world > 1 and dist.is_initialized():
            # Every rank reaches this point before any tears its connections down; a rank that
            # leaves early can abort the others' gloo threads at exit.
            dist.barrier()
            dist.destroy_process_group()


def pretrain(config: PretrainConfig, arrays=None, progress_factory=None) -> dict:
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


def _pretrain(config, ctx, arrays, progress_factory, data_module):
    out = Path(config.out)
    device = ctx.device
    precision = training_precision(device, config.precision)
    if arrays is None:
        arrays = data_module.load(data_module.open_dataset(config.data), skip_bad=config.skip_bad)
    n = len(arrays)
    if n == 0:
        raise UserError(f"{config.data} holds no patches")

    torch.manual_seed(config.seed)  # same initial weights on every rank
    model = MoEMAE(config.size)
    if config.init:
        start = checkpoint.load_pretrained(config.init)
        if start.config.size != config.size:
            raise UserError(f"--init {config.init} is a size-{start.config.size} model; this run trains size "
                            f"{config.size}: pass --size {start.config.size} or another --init")
        model.load_state_dict(start.state_dict())
    model.to(device)
    mean = torch.tensor(landsat.NORM_MEAN, device=device).view(1, -1, 1, 1)
    std = torch.tensor(landsat.NORM_STD, device=device).view(1, -1, 1, 1)

    optimizer = torch.optim.AdamW(model.parameters(), lr=config.lr, weight_decay=config.weight_decay)
    per_rank = math.ceil(n / ctx.world)
    steps_per_epoch = math.ceil(per_rank / config.batch_size)
    total_steps = steps_per_epoch * config.epochs
    warmup_steps = int(config.warmup * total_steps)
    scaler = torch.amp.GradScaler("cuda", enabled=precision == "float16")

    start_epoch, step, best_loss, history = 0, 0, math.inf, []
    if config.resume:
        state = _read_resume_state(out / "last.pt", config)
        model.load_state_dict(state["model_state"])
        optimizer.load_state_dict(state["training"]["optimizer"])
        scaler.load_state_dict(state["training"]["scaler"])
        start_epoch = state["training"]["epoch"] + 1
        step = state["training"]["step"]
        best_loss = state["training"]["best_loss"]
        if ctx.main:
            print(f"resuming after epoch {start_epoch} (step {step}) from {out / 'last.pt'}")
    elif (out / "last.pt").exists():
        raise UserError(f"{out} already holds a run (last.pt); pass --resume to continue it or choose "
                        "another --out")

    train_model = model
    if ctx.world > 1:
        train_model = torch.nn.parallel.DistributedDataParallel(
            model, device_ids=[device.index] if device.type == "cuda" else None)
    if ctx.main:
        out.mkdir(parents=True, exist_ok=True)

    if n < ctx.world:
        raise UserError(f"{n} patches cannot be shared among {ctx.world} processes")
    summary = {"epochs_run": 0, "last_loss": None}
    last_epoch = config.epochs if not config.stop_after else min(config.epochs, start_epoch + config.stop_after)
    for epoch in range(start_epoch, last_epoch):
        torch.manual_seed(_epoch_seed(config.seed, epoch, ctx.rank))
        order = torch.randperm(n, generator=torch.Generator().manual_seed(_epoch_seed(config.seed, epoch, 0)))
        shard = order[ctx.rank::ctx.world]  # DistributedSampler's split: every rank a disjoint slice
        train_model.train()
        progress = (progress_factory or _default_progress(ctx))(len(shard), f"epoch {epoch + 1}/{config.epochs}")
        sums = {"loss": 0.0, "masked": 0.0, "unmasked": 0.0, "moe": 0.0}
        started, seen = time.perf_counter(), 0
        for batch_start in range(0, len(shard), config.batch_size):
            progress.check()
            index = np.sort(shard[batch_start:batch_start + config.batch_size].numpy())
            images = torch.from_numpy(np.asarray(arrays.images[index])).to(device).float()
            images = (images - mean) / std
            meta = torch.from_numpy(np.asarray(arrays.metadata[index])).to(device)
            for group in optimizer.param_groups:
                group["lr"] = config.lr * lr_factor(step, total_steps, warmup_steps)
            with _autocast(device, precision):
                parts = train_model(images, meta[:, 0], meta[:, 1], meta[:, 2], meta[:, 3])
            loss = parts["loss"]
            if not torch.isfinite(loss):
                raise TrainingDiverged(_divergence_message(loss.item(), epoch, step, out))
            optimizer.zero_grad(set_to_none=True)
            scaler.scale(loss).backward()
            scaler.unscale_(optimizer)
            torch.nn.utils.clip_grad_norm_(model.parameters(), config.clip)
            scaler.step(optimizer)
            scaler.update()
            step += 1
            seen += len(index)
            for key in sums:
                sums[key] += float(parts[key].detach()) * len(index)
            progress.update(len(index))
            progress.set_postfix(loss=float(loss.detach()), lr=optimizer.param_groups[0]["lr"],
                                 img_s=seen * ctx.world / (time.perf_counter() - started))
        progress.close()
        seconds = time.perf_counter() - started
        record = {key: ctx.mean(value / seen) for key, value in sums.items()}
        record.update(epoch=epoch + 1, step=step, lr=optimizer.param_groups[0]["lr"], seconds=round(seconds, 3),
                      images_per_s=round(seen * ctx.world / seconds, 1))
        history.append(record)
        summary.update(epochs_run=summary["epochs_run"] + 1, last_loss=record["loss"])
        if ctx.main:
            is_best = record["loss"] < best_loss
            best_loss = min(best_loss, record["loss"])
            content = checkpoint.checkpoint_dict(model, _provenance(config, arrays, record), training={
                "optimizer": optimizer.state_dict(), "scaler": scaler.state_dict(), "epoch": epoch,
                "step": step, "best_loss": best_loss, "config": asdict(config)})
            checkpoint.save_checkpoint(out / "last.pt", content)
            if is_best:
                checkpoint.save_checkpoint(out / "best.pt", content)
            if config.save_every and (epoch + 1) % config.save_every == 0:
                checkpoint.save_checkpoint(out / f"epoch_{epoch + 1:04d}.pt", content)
            # After the checkpoint: a crash in between must not log an epoch that resume will redo.
            with open(out / "metrics.jsonl", "a", encoding="utf-8") as log:
                log.write(json.dumps(record) + "\n")
        ctx.barrier()
    summary["best_loss"] = best_loss
    summary["main"] = ctx.main
    summary["history"] = history
    if ctx.world > 1:
        # Data parallelism must leave every replica with the same weights: check, and record it.
        from .embed import model_fingerprint

        fingerprints = [None] * ctx.world
        dist.all_gather_object(fingerprints, model_fingerprint(model))
        summary["rank_fingerprints"] = fingerprints
        if ctx.main:
            text = json.dumps({"world_size": ctx.world, "fingerprints": fingerprints}, indent=1)
            write_atomically(out / "ranks.json", lambda f: f.write(text))
            if len(set(fingerprints)) != 1:
                raise RuntimeError(f"replicas diverged: encoder fingerprints {fingerprints}")
    return summary


def _divergence_message(loss: float, epoch: int, step: int, out: Path) -> str:
    """What to do after the loss became NaN or infinite: resume from the last good checkpoint when
    there is one, else start again with gentler settings."""
    where = f"the loss became {loss} at epoch {epoch + 1}, step {step + 1}; training stopped. "
    if (out / "last.pt").is_file():
        return (where + f"The last good checkpoint is {out / 'last.pt'}: resume from it (--resume) with a lower "
                "--lr, or --precision float32")
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

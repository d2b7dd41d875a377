"""``python -m backend bench``: what this machine can do, measured in one run.

The roof is the rate of a large matrix product in float32 and, where the hardware has it
natively (CUDA with bf16, a CPU with AVX-512 BF16 or AMX), in bfloat16; model figures are
reported as images/s and as a fraction of that roof, so numbers from different machines can be
compared. Elsewhere bfloat16 is emulated at a small fraction of float32's speed, measures
nothing worth knowing, and is reported as "not native here". ``--seconds`` bounds every
measurement. Timings belong here, never in a unit test.
"""
from __future__ import annotations

import argparse
import logging
import platform
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import torch

    from .model import MoEMAE

MATMUL_SIZE = 2048
#: One image through the size-S encoder, as the reference computes it (each chosen expert's
#: W, V and W2 counted), in GFLOP. Throughput as a fraction of the roof uses this figure.
ENCODER_GFLOP_PER_IMAGE = 0.59
ENCODER_BATCH = 256
TRAIN_BATCH = 128


@dataclass
class Row:
    name: str
    value: float | None  # None: not measured here (the note says why)
    unit: str
    note: str = ""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--device", default="auto", help="auto|cpu|cuda|mps (default: auto)")
    parser.add_argument("--seconds", type=float, default=5.0,
                        help="time spent on each measurement after warm-up (default: 5)")
    parser.add_argument("--encoder-batch", type=int, default=ENCODER_BATCH,
                        help=f"images per encoder call (default: {ENCODER_BATCH})")
    parser.add_argument("--train-batch", type=int, default=TRAIN_BATCH,
                        help=f"images per training step (default: {TRAIN_BATCH})")
    from .paths import REPOSITORY_SAMPLE_DIR

    parser.add_argument("--data", default=str(REPOSITORY_SAMPLE_DIR),
                        help="BigEarthNet-L folder for the read-rate, pretraining and classification rows "
                             "(default: the repository's sample, tests/data/bigearthnet-l-sample); "
                             "'none' skips them")
    parser.add_argument("--classify-sizes", default="2000,4000,8000",
                        help="side lengths (px) of generated scenes to classify at stride 40 (default: "
                             "2000,4000,8000; 'none' skips)")
    parser.add_argument("--product-size", default="7700x7800", type=_product_size,
                        help="WIDTHxHEIGHT px of the generated whole-scene product (a USGS .tar) classified "
                             "from the tar to a styled 120 m map at stride 40 (default: 7700x7800, a real "
                             "scene's size; 'none' skips)")
    parser.add_argument("--embed-size", default="2000",
                        help="side length (px) of a generated scene whose 144-band embedding field at "
                             "120 m (stride 40) is written, its file size against its data (default: "
                             "2000; 'none' skips)")
    parser.add_argument("--field-size", default="1925x1950", type=_product_size,
                        help="COLSxROWS cells of a synthetic cached embedding field (144 values a cell) "
                             "for the similarity, k-means and click rows (default: 1925x1950, a whole scene "
                             "at 120 m; 'none' skips)")
    parser.add_argument("--mosaic", default="2,4",
                        help="numbers of generated products (each --mosaic-size) classified into one mosaic, "
                             "in one process and, for the largest, in 2 torchrun processes (default: 2,4; "
                             "'none' skips)")
    parser.add_argument("--mosaic-size", default="1000x1000", type=_product_size,
                        help="WIDTHxHEIGHT px of each generated product of the mosaic rows (default: "
                             "1000x1000)")
    parser.add_argument("--threads", type=int, default=None,
                        help="CPU threads for PyTorch (default: PyTorch's choice)")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="wall",
                        help="what the rates of the roof, encoder and training rows are per: wall seconds "
                             "(default), or seconds of CPU time this process was given ('cpu': for a machine "
                             "shared with other work, where the wall clock also counts their turns; the "
                             "fractions of the roof stay comparable, the rates are per core-second)")


def _product_size(text: str) -> tuple | None:
    """--product-size: "WIDTHxHEIGHT" px → (width, height), at least a tile a side; "none" → None."""
    if text == "none":
        return None
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not WIDTHxHEIGHT (e.g. 7700x7800) or none") from None
    if min(width, height) < 40:
        raise argparse.ArgumentTypeError(f"{text!r}: a scene needs at least 40 × 40 px, one tile")
    return width, height


#: --clock: what a rate is per. The process's CPU time counts every thread of this process (the
#: encoder's workers, the matrix library's) only while it runs, so other tenants' turns do not count.
#: Looked up at each call (a test may stand in for time.perf_counter).
CLOCKS = {"wall": lambda: time.perf_counter(), "cpu": lambda: time.process_time()}
_clock = CLOCKS["wall"]  # main() sets it from --clock for its run


def _timed_rate(fn, seconds: float, sync, trials: int = 5) -> float:
    """Calls per second of ``fn``: the best of up to ``trials`` runs of ``seconds``/``trials`` each,
    after one warm-up call.

    The best, not the mean, because on a shared virtual machine the other tenants only ever
    slow a run down; the best run is the closest to what this code can do on this hardware.
    Each run makes at least one call and no run starts after ``seconds`` have passed, so a
    measurement takes ``seconds`` plus at most two calls (``--seconds 0``: exactly two).
    """
    fn()
    sync()
    best = 0.0
    deadline = time.perf_counter() + seconds
    for _ in range(trials):
        calls, start = 0, _clock()
        while True:
            fn()
            calls += 1
            sync()
            elapsed = max(_clock() - start, 1e-9)
            if elapsed >= seconds / trials:
                break
        best = max(best, calls / elapsed)
        if time.perf_counter() >= deadline:
            break
    return best


def matmul_roof(device: torch.device, dtype: torch.dtype, seconds: float) -> float:
    """FLOP/s of an n × n by n × n matrix product (2·n³ FLOP) in ``dtype`` on ``device``."""
    import torch

    n = MATMUL_SIZE
    a = torch.randn(n, n, device=device).to(dtype)
    b = torch.randn(n, n, device=device).to(dtype)
    sync = torch.cuda.synchronize if device.type == "cuda" else (lambda: None)
    with torch.inference_mode():
        rate = _timed_rate(lambda: torch.mm(a, b), seconds, sync)
    return rate * 2 * n**3


def encoder_rate(model: MoEMAE, device: torch.device, precision: str, batch: int, seconds: float) -> float:
    """Images/s of ``model.encode`` on random z-scored tiles with metadata."""
    import torch

    images = torch.randn(batch, 7, 40, 40, device=device)
    meta = {k: torch.randn(batch, 2, device=device) for k in ("week", "hour", "lat", "lon")}
    sync = torch.cuda.synchronize if device.type == "cuda" else (lambda: None)
    return batch * _timed_rate(lambda: model.encode(images, **meta, precision=precision), seconds, sync)


def training_rate(model: MoEMAE, device: torch.device, precision: str, batch: int, seconds: float) -> float:
    """Images/s of masked-autoencoder training steps (forward, backward, AdamW step)."""
    import torch

    from .runtime import autocast_context

    model.train()
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-4)
    images = torch.randn(batch, 7, 40, 40, device=device)
    sync = torch.cuda.synchronize if device.type == "cuda" else (lambda: None)

    def step():
        with autocast_context(device, precision):
            loss = model(images)["loss"]
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()

    try:
        return batch * _timed_rate(step, seconds, sync)
    finally:
        model.eval()


def read_rates(root: Path, seconds: float) -> tuple[float, float]:
    """Patches/s read from per-file GeoTIFFs (GDAL, crop, label file, metadata) and from a pack
    (random batches of 128 from the memory-mapped arrays, as training reads them)."""
    import numpy as np

    from . import data

    dataset = data.open_dataset(root)
    per_file = len(dataset) * _timed_rate(lambda: data.load(dataset), seconds, lambda: None)
    with tempfile.TemporaryDirectory() as tmp:
        packed = data.open_pack(data.pack(data.load(dataset), Path(tmp) / "pack"))
        rng = np.random.default_rng(0)

        def read_batches():
            order = rng.permutation(len(packed))
            for start in range(0, len(order), 128):
                index = np.sort(order[start:start + 128])
                np.asarray(packed.images[index]).astype(np.float32)
                np.asarray(packed.metadata[index])

        packed_rate = len(packed) * _timed_rate(read_batches, seconds, lambda: None)
        packed = None  # unmaps the arrays before their folder is removed
    return per_file, packed_rate


def pretrain_rate(root: Path, device: torch.device, batch: int, seconds: float, step_rate: float) -> float:
    """Images/s of ``pretrain`` itself (data reading, masking, optimizer, checkpoints) on a pack.

    Three epochs (the first warms up) of as many patches of the sample as ``step_rate``
    (images/s of bare training steps) gets through in about ``seconds`` / 2, at least two batches.
    """
    from . import data
    from .progress import NullProgress
    from .train import PretrainConfig, pretrain

    arrays = data.load(data.open_dataset(root))
    patches = int(min(len(arrays), max(2 * batch, step_rate * seconds / 2)))
    arrays = data.PatchArrays(ids=arrays.ids[:patches], images=arrays.images[:patches],
                              metadata=arrays.metadata[:patches], kind=arrays.kind)
    with tempfile.TemporaryDirectory() as tmp:
        pack = data.pack(arrays, Path(tmp) / "pack")
        summary = pretrain(PretrainConfig(data=str(pack), out=str(Path(tmp) / "run"), epochs=3,
                                          batch_size=batch,
                                          device=str(device), precision="auto"),
                           progress_factory=NullProgress)
    return max(h["images_per_s"] for h in summary["history"][1:])


def run_classify(scene: Path, device: torch.device, out: Path, resolution: str) -> tuple[float, str]:
    """(wall seconds, stdout) of ``python -m backend classify SCENE --stride 40
    --report-resources`` in a fresh process, so that its peak memory is its own; a failure is
    raised with the end of its error output."""
    import subprocess  # nosec B404 # our own CLI in a fresh process, an argument list, no shell
    import sys

    started = time.perf_counter()
    # Run from backend's parent folder, where ``backend`` is importable in either layout.
    result = subprocess.run([sys.executable, "-m", "backend", "classify", str(scene), "--stride", "40",
                             "--device", str(device), "--out", str(out), "--resolution", resolution,
                             "--report-resources"],
                            capture_output=True, text=True,  # nosec B603 # see the import
                            cwd=Path(__file__).resolve().parent.parent)
    if result.returncode != 0 or "\nresources: " not in "\n" + result.stdout:
        raise RuntimeError(f"classify failed: {result.stderr[-2000:]}")
    return time.perf_counter() - started, result.stdout


def resources_line(stdout: str) -> tuple[float, float, dict]:
    """(seconds, peak MB, stage → seconds) from classify's ``resources:`` line."""
    line = next(x for x in stdout.splitlines() if x.startswith("resources:"))
    head, *stages = line.split("; ")
    parts = head.split()
    return float(parts[1]), float(parts[5]), {name: float(value.split()[0])
                                              for name, value in (x.split(": ") for x in stages)}


def classify_scene(root: Path, size: int, device: torch.device, workdir: Path,
                   resolution: str = "tile") -> tuple[float, float]:
    """(seconds, peak MB) of classifying a generated size × size scene at stride 40 (cells of
    one stride, or ``resolution`` token: of one 4 × 4 px token, pixel: of one pixel)."""
    from .demo_scene import make_demo_scene

    made = sorted((workdir / f"scene{size}").glob("*_SR_stack.tif"))  # the tile run made it already
    scene = made[0] if made else make_demo_scene(root, workdir / f"scene{size}", size=size)
    seconds, peak, _ = resources_line(run_classify(scene, device, workdir / f"map{size}.tif", resolution)[1])
    return seconds, peak


def classify_product(tar: Path, device: torch.device, workdir: Path) -> tuple[float, float, dict, tuple]:
    """(seconds, peak MB, stage → seconds, (tiles, tiles without prediction)) of classifying the
    product ``tar`` at 120 m cells: from the tar as downloaded to the styled map (palette and
    class names in the GeoTIFF). The stages are the classification's own; "start-up" is the rest
    of the process's wall time: Python and PyTorch starting, the MTL read."""
    seconds, stdout = run_classify(tar, device, workdir / "product-map.tif", "token")
    _, peak, by_stage = resources_line(stdout)
    by_stage["start-up"] = seconds - sum(by_stage.values())
    skipped, tiles = re.search(r"; (\d+) of (\d+) tiles were", stdout).groups()
    return seconds, peak, by_stage, (int(tiles), int(skipped))


def product_rows(root: Path, device: torch.device, size: tuple) -> list:
    """The whole-scene row: a product of ``size`` (width, height) px made as a USGS tar, then
    classified from the tar to the styled 120 m map, with where the time goes."""
    from .demo_scene import make_scene_product

    width, height = size
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        tar = make_scene_product(root, tmp, size=(width, height))
        made = time.perf_counter() - started
        seconds, peak, stages, (tiles, fill) = classify_product(tar, device, Path(tmp))
        tar_mb = tar.stat().st_size / 2**20
    where = ", ".join(f"{name} {value:.1f} s" for name, value in stages.items())
    return [Row(f"whole-scene product {width} × {height} px (.tar, {tar_mb:,.0f} MB) to a styled 120 m map, "
                "stride 40", seconds, "s",
                f"{tiles:,} tiles, {tiles - fill:,} of them encoded (the rest fill outside the footprint), "
                f"{(tiles - fill) / seconds:,.0f} encoded tiles/s; peak memory {peak:,.0f} MB; {where} "
                f"(making the product took {made:.0f} s, not counted)")]


def embed_field_row(root: Path, size: int, device: torch.device) -> Row:
    """Seconds of ``python -m backend embed SCENE --stride 40 --resolution token`` on a generated
    size × size scene, in a fresh process, with the file's size against its data's and the share
    of the run spent writing (from the run's own "time:" line)."""
    import subprocess
    import sys

    from .demo_scene import make_demo_scene

    with tempfile.TemporaryDirectory() as tmp:
        scene, out = make_demo_scene(root, Path(tmp) / "scene", size=size), Path(tmp) / "field.tif"
        started = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "backend", "embed", str(scene), "--stride", "40",
                                 "--resolution", "token", "--device", str(device), "--out", str(out)],
                                capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent)
        seconds = time.perf_counter() - started
        if result.returncode != 0:
            raise RuntimeError(f"embed failed: {result.stderr[-2000:]}")
        file_mb = out.stat().st_size / 2**20
    line = next(x for x in result.stdout.splitlines() if x.startswith("time: "))
    stages = {}  # "map cells and writing 3.1 s, …" → stage → seconds
    for part in line[len("time: "):].split(", "):
        name, value, _ = part.rsplit(" ", 2)
        stages[name] = float(value)
    writing = stages.get("map cells and writing", 0) + stages.get("finishing the outputs", 0)
    data_mb = 144 * 4 * (size // 4) ** 2 / 2**20
    return Row(f"embedding field of a {size}² scene at 120 m (144 bands, stride 40)", seconds, "s",
               f"file {file_mb:,.0f} MB for {data_mb:,.0f} MB of float32 ({file_mb / data_mb:.2f}×); "
               f"cells, writing and the read-back check {writing:.1f} s ({100 * writing / seconds:.0f} % "
               "of the run)")


def machine_description(device: torch.device) -> str:
    import torch

    from .device import describe_device

    return (f"{platform.machine()} {platform.processor() or ''}".strip()
            + f", {describe_device(device)}, PyTorch {torch.__version__}")


def roof_rows(device: torch.device, precisions: list, seconds: float) -> list:
    """The matmul roof in float32, and in bfloat16 where it is native (else a row saying why not)."""
    import torch

    shape = f"{MATMUL_SIZE}² × {MATMUL_SIZE}²"
    rows = [Row("matmul roof float32", matmul_roof(device, torch.float32, seconds) / 1e9, "GFLOP/s", shape)]
    if "bfloat16" in precisions:
        rows.append(Row("matmul roof bfloat16", matmul_roof(device, torch.bfloat16, seconds) / 1e9,
                        "GFLOP/s", shape))
    else:
        why = {"cpu": "this CPU has neither AVX-512 BF16 nor AMX", "cuda": "this GPU has no bf16"}.get(
            device.type, f"{device.type} has no bf16")
        rows.append(Row("matmul roof bfloat16", None, "", f"not native here ({why}): not measured"))
    return rows


def encoder_rows(model: MoEMAE, device: torch.device, precisions: list, roof: dict, args: argparse.Namespace
                 ) -> list:
    """Encoder images/s per precision and, on a CPU, with the attention kernel "auto" does not
    pick for that precision (to show why it does not)."""
    from .model import GroupedQueryAttention

    def row(precision: str, kernel: str = "") -> Row:
        rate = encoder_rate(model, device, precision, args.encoder_batch, args.seconds)
        share = rate * ENCODER_GFLOP_PER_IMAGE / roof[precision]
        name = f"encoder S {precision}" + (f" with {kernel} attention" if kernel else "")
        return Row(f"{name}, batch {args.encoder_batch}", rate, "images/s",
                   f"{share:.0%} of the {precision} roof" + (" (not the default)" if kernel else ""))

    rows = [row(precision) for precision in precisions]
    if device.type == "cpu":
        for precision, other in (("float32", "matmul"), ("bfloat16", "sdpa")):
            if precision in precisions:
                GroupedQueryAttention.cpu_attention = other
                try:
                    rows.append(row(precision, other))
                finally:
                    GroupedQueryAttention.cpu_attention = "auto"
    return rows


def data_rows(device: torch.device, step_rate: float, args: argparse.Namespace) -> list:
    """Read rates (per file and packed), the whole pretraining loop, and scene classification."""
    rows = []
    if args.data == "none":
        return rows
    if not Path(args.data).is_dir():
        print(f"note: {args.data} not found; read-rate, pretraining and classification rows skipped (--data)")
        return rows
    per_file, packed = read_rates(Path(args.data), args.seconds)
    rows.append(Row("read BigEarthNet-L per-file GeoTIFFs", per_file, "patches/s",
                    "GDAL, crop, labels, metadata"))
    rows.append(Row("read the same data packed", packed, "patches/s",
                    f"{packed / per_file:.0f}× per-file; memory-mapped, random batches of 128"))
    rows.append(Row(f"pretrain on the packed sample, batch {args.train_batch}",
                    pretrain_rate(Path(args.data), device, args.train_batch, args.seconds, step_rate),
                    "images/s",
                    "the whole loop: reads, masking, AdamW, checkpoints"))
    if args.classify_sizes != "none":
        with tempfile.TemporaryDirectory() as tmp:
            for size in (int(v) for v in args.classify_sizes.split(",")):
                seconds, peak = classify_scene(Path(args.data), size, device, Path(tmp))
                rows.append(Row(f"classify {size}² scene, stride 40", seconds, "s",
                                f"{(size // 40) ** 2 / seconds:,.0f} tiles/s, peak memory {peak:,.0f} MB"))
                token_s, token_peak = classify_scene(Path(args.data), size, device, Path(tmp), "token")
                rows.append(Row("the same at 120 m (RESOLUTION token)", token_s, "s",
                                f"{token_s / seconds:.2f}× the time at 1.2 km, peak memory "
                                f"{token_peak:,.0f} MB"))
                pixel_s, pixel_peak = classify_scene(Path(args.data), size, device, Path(tmp), "pixel")
                rows.append(Row("the same at 30 m (RESOLUTION pixel)", pixel_s, "s",
                                f"{pixel_s / token_s:.2f}× the time at 120 m, peak memory "
                                f"{pixel_peak:,.0f} MB"))
    if args.embed_size != "none":
        rows.append(embed_field_row(Path(args.data), int(args.embed_size), device))
    if args.product_size is not None:
        rows += product_rows(Path(args.data), device, args.product_size)
    if args.mosaic != "none" and args.mosaic_size is not None:
        counts = [int(n) for n in args.mosaic.split(",")]
        rows += mosaic_rows(Path(args.data), device, counts, args.mosaic_size)
    return rows


def run_mosaic(tars: list, device: torch.device, out: Path, processes: int = 1) -> tuple[float, float]:
    """(wall seconds, peak MB of the process that composed) of ``classify TARS… --out OUT`` at
    stride 40 and 120 m cells, with a fresh work folder, in fresh processes (``processes`` > 1:
    under torchrun, gloo on CPUs, NCCL on GPUs)."""
    import subprocess  # nosec B404 # our own CLI in fresh processes, an argument list, no shell
    import sys

    launcher = ["-m", "torch.distributed.run", "--standalone", f"--nproc_per_node={processes}"] \
        if processes > 1 else []
    started = time.perf_counter()
    result = subprocess.run([sys.executable, *launcher, "-m", "backend", "classify", *map(str, tars),
                             "--out", str(out), "--work", str(out.with_suffix(".work")), "--stride", "40",
                             "--resolution", "token", "--device", str(device), "--report-resources"],
                            capture_output=True, text=True,  # nosec B603 # see the import
                            cwd=Path(__file__).resolve().parent.parent)
    seconds = time.perf_counter() - started
    if result.returncode != 0 or "\nresources: " not in "\n" + result.stdout:
        raise RuntimeError(f"the mosaic failed: {result.stderr[-2000:]}")
    line = next(x for x in result.stdout.splitlines() if x.startswith("resources:"))
    return seconds, float(line.split()[5])


def mosaic_rows(root: Path, device: torch.device, counts: list, size: tuple) -> list:
    """Scenes per hour of mosaics of N generated products (one scene's fields, each its own date),
    the peak memory of each N (flat in N: the mosaic is composed a block of rows at a time), and
    for the largest N the speed-up of 2 torchrun processes as an efficiency (1: twice as fast)."""

    from .demo_scene import make_scene_product

    width, height = size
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        # Products of one path/row 16 days apart (a mosaic refuses one product given twice).
        tars = [make_scene_product(root, Path(tmp) / f"p{k}", size=(width, height), days_later=16 * k)
                for k in range(max(counts))]
        one = {}
        for n in counts:
            seconds, peak = run_mosaic(tars[:n], device, Path(tmp) / f"mosaic{n}.tif")
            one[n] = seconds
            rows.append(Row(f"mosaic of {n} products {width} × {height} px, 1 process", n * 3600 / seconds,
                            "scenes/h", f"{seconds:.1f} s from the tars to the 120 m mosaic, stride 40; peak "
                                        f"memory {peak:,.0f} MB"))
        n = max(counts)
        seconds, peak = run_mosaic(tars[:n], device, Path(tmp) / "mosaic-2.tif", processes=2)
        rows.append(Row(f"the same {n}, 2 processes (torchrun)", n * 3600 / seconds, "scenes/h",
                        f"{seconds:.1f} s; scaling efficiency {one[n] / (2 * seconds):.2f} (1.00: twice as "
                        f"fast as 1 process); peak memory of rank 0 {peak:,.0f} MB"))
    return rows


def main(args: argparse.Namespace) -> int:
    global _clock
    _clock = CLOCKS[args.clock]
    try:
        return _main(args)
    finally:
        _clock = CLOCKS["wall"]


def _main(args: argparse.Namespace) -> int:
    import torch

    from .device import resolve_device
    from .model import MoEMAE
    from .runtime import bfloat16_supported
    from .train import training_precision

    if args.threads:
        torch.set_num_threads(args.threads)
    device = resolve_device(args.device)
    precisions = ["float32"] + (["bfloat16"] if bfloat16_supported(device) else [])
    rows = roof_rows(device, precisions, args.seconds)
    roof = {"float32": rows[0].value, "bfloat16": rows[1].value}
    model = MoEMAE("S").to(device).eval()
    rows += encoder_rows(model, device, precisions, roof, args)
    step_rate = {}
    for precision in precisions:
        step_rate[precision] = training_rate(model, device, precision, args.train_batch, args.seconds)
        rows.append(Row(f"MAE training S {precision}, batch {args.train_batch}", step_rate[precision],
                        "images/s",
                        "forward + backward + AdamW"))
    rows += data_rows(device, step_rate[training_precision(device, "auto")], args)
    if args.field_size is not None:
        rows += embedding_rows((args.field_size[1], args.field_size[0]))
    print(f"machine: {machine_description(device)}")
    if args.clock == "cpu":
        print("clock: CPU time of this process (rates of the roof, encoder and training rows per "
              "CPU-second; the other rows in wall seconds)")
    print()
    print("| measurement | value | unit | note |")
    print("|---|---:|---|---|")
    for row in rows:
        value = "—" if row.value is None else f"{row.value:,.1f}"
        print(f"| {row.name} | {value} | {row.unit} | {row.note} |")
    return 0


# --------------------------------------------------------------------------- embeddings (issue 22)
#: A whole Landsat scene's field at 120 m: 7,700 × 7,800 px in 4 × 4 px cells.
SCENE_FIELD_CELLS = (1950, 1925)


def synthetic_field(folder: Path, shape: tuple = SCENE_FIELD_CELLS, dim: int = 144, seed: int = 0) -> object:
    """A cached-field entry of ``shape`` (rows, cols) cells of ``dim`` values, as the embedding
    cache keeps one (``backend.embedding_field.ArrayField``): the bench measures speed, not
    accuracy, so the cells are random (a few kinds of place plus noise; the corners no data),
    written a strip at a time so that making it takes no more memory than reading it."""
    import numpy as np

    from .embedding_field import ArrayField

    rows, cols = shape
    rng = np.random.default_rng(seed)
    kinds = rng.normal(0, 1, (8, dim)).astype(np.float32)
    path = folder / "field.bin"
    with open(path, "wb") as f:
        for row0 in range(0, rows, 64):
            n = min(64, rows - row0)
            noise = rng.normal(0, 0.5, (n, cols, dim)).astype(np.float32)
            cells = kinds[rng.integers(0, 8, (n, cols))] + noise
            cells[:, : cols // 10] = np.nan  # fill outside the footprint, as in a real grid
            f.write(cells.astype(np.float32).tobytes())
    provenance = {"INPUT": "synthetic", "RESOLUTION": "token", "METADATA_TOKENS": "date and position"}
    return ArrayField(path, (rows, cols, dim), (0.0, 120.0, 0.0, 0.0, 0.0, -120.0), "", "synthetic",
                      provenance)


def _best_of(fn, trials: int = 3) -> float:
    """Seconds of the fastest of ``trials`` calls of ``fn`` (one call warms up first)."""
    fn()
    best = float("inf")
    for _ in range(trials):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def embedding_rows(shape: tuple = SCENE_FIELD_CELLS) -> list:
    """Similarity over a whole scene's cached field (to the written GeoTIFF), k-means on it (map
    and PCA rendering), a click on a 1,000 × 1,000 px view, and the peak memory of all three."""
    from .cluster import write_clusters
    from .memory import peak_memory_mb
    from .similarity import query_from_clicks, write_similarity, write_view

    with tempfile.TemporaryDirectory() as tmp:
        field = synthetic_field(Path(tmp), shape)
        _reset_peak_memory()  # the rows' own peak, not the bench's before them nor making the field
        mb = field.rows * field.cols * field.dim * 4 / 2**20
        started = time.perf_counter()
        field.mean()  # the cache records it; a synthetic field computes it once here
        mean_s = time.perf_counter() - started
        point = [(60.0 * field.cols, -60.0 * field.rows)]
        query = query_from_clicks(field, point, [])
        similarity_s = _best_of(lambda: write_similarity(field, query, Path(tmp) / "s.tif"))
        view = (50 * 120.0, -300 * 120.0, 300 * 120.0, -50 * 120.0)  # 250 × 250 cells: 1,000² px

        def click():
            write_view(field, view, Path(tmp) / "v.tif", query_from_clicks(field, point, []).scores)

        click_s = _best_of(click)
        started = time.perf_counter()
        quiet = logging.getLogger(write_clusters.__module__)
        level, _ = quiet.level, quiet.setLevel(logging.WARNING)  # the table is all bench prints
        try:
            counts = write_clusters(field, Path(tmp) / "c.tif", 8, 0, Path(tmp) / "p.tif")
        finally:
            quiet.setLevel(level)
        kmeans_s = time.perf_counter() - started
        field.close()
    where = f"{field.cols:,} × {field.rows:,} cells × {field.dim} float32 ({mb:,.0f} MB)"
    return [Row("similarity over a whole scene's cached field, to the GeoTIFF", similarity_s, "s",
                f"{where}, from the page cache; the field's mean (kept in the cache entry) {mean_s:.1f} s"),
            Row("k-means (8 clusters) on it, map and PCA rendering", kmeans_s, "s",
                f"fitted on {min(50_000, sum(counts.values())):,} sampled cells, predicted strip by strip"),
            Row("a click on a 1,000 × 1,000 px view (250 × 250 cells)", click_s * 1000, "ms",
                "query from the clicked cell, window read, scores, small GeoTIFF written"),
            Row("peak memory of the three rows above", peak_memory_mb(), "MB",
                f"the process's high-water mark (VmHWM) from its size at the start of these rows (in a "
                f"whole bench run that includes PyTorch and the model); field {mb:,.0f} MB on disk")]


def _reset_peak_memory() -> None:
    """Start the process's high-water mark (VmHWM) again from its current size (Linux)."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        pass

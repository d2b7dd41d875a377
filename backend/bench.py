"""``python -m backend bench``: what this machine can do, measured in one run.

The roof is the rate of a large matrix product in float32 and in bfloat16; model figures are
reported as images/s and as a fraction of that roof, so numbers from different machines can be
compared. Timings belong here, never in a unit test.
"""
from __future__ import annotations

import argparse
import platform
import time
from dataclasses import dataclass

MATMUL_SIZE = 2048


@dataclass
class Row:
    name: str
    value: float
    unit: str
    note: str = ""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--device", default="auto", help="auto|cpu|cuda|mps (default: auto)")
    parser.add_argument("--seconds", type=float, default=3.0,
                        help="time spent on each measurement after warm-up (default: 3)")
    parser.add_argument("--threads", type=int, default=None,
                        help="CPU threads for PyTorch (default: PyTorch's choice)")


def _timed_rate(fn, seconds: float, sync) -> float:
    """Calls per second of ``fn`` over at least ``seconds``, after one warm-up call."""
    fn()
    sync()
    calls, start = 0, time.perf_counter()
    while True:
        fn()
        calls += 1
        if calls % 4 == 0 or seconds <= 0:
            sync()
            elapsed = time.perf_counter() - start
            if elapsed >= seconds:
                return calls / elapsed


def matmul_roof(device, dtype, seconds: float) -> float:
    """FLOP/s of an n × n by n × n matrix product (2·n³ FLOP) in ``dtype`` on ``device``."""
    import torch

    n = MATMUL_SIZE
    a = torch.randn(n, n, device=device).to(dtype)
    b = torch.randn(n, n, device=device).to(dtype)
    sync = torch.cuda.synchronize if device.type == "cuda" else (lambda: None)
    with torch.inference_mode():
        rate = _timed_rate(lambda: torch.mm(a, b), seconds, sync)
    return rate * 2 * n**3


def machine_description(device) -> str:
    from .device import describe_device

    import torch

    return (f"{platform.machine()} {platform.processor() or ''}".strip()
            + f", {describe_device(device)}, PyTorch {torch.__version__}")


def main(args: argparse.Namespace) -> int:
    import torch

    from .device import resolve_device

    if args.threads:
        torch.set_num_threads(args.threads)
    device = resolve_device(args.device)
    rows = [
        Row("matmul roof float32", matmul_roof(device, torch.float32, args.seconds) / 1e9, "GFLOP/s",
            f"{MATMUL_SIZE}² × {MATMUL_SIZE}²"),
        Row("matmul roof bfloat16", matmul_roof(device, torch.bfloat16, args.seconds) / 1e9, "GFLOP/s",
            f"{MATMUL_SIZE}² × {MATMUL_SIZE}²"),
    ]
    print(f"machine: {machine_description(device)}")
    print()
    print("| measurement | value | unit | note |")
    print("|---|---:|---|---|")
    for row in rows:
        print(f"| {row.name} | {row.value:,.1f} | {row.unit} | {row.note} |")
    return 0

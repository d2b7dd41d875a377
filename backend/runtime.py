"""How the model runs in this process, apart from what it computes: the CPU worker threads,
the allocator setting they need, and the precision policy. ``backend.model`` is the
architecture; this is the machinery around it (as timm keeps its fused-attention switches in its
layer config). Everything here is process-wide, which matters inside QGIS: each piece says what
it changes for the host.
"""
from __future__ import annotations

import ctypes
import platform
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from typing import Callable

import torch

#: Images per step of ``MoEMAE.encode`` on a CPU: small enough that a layer's activations
#: stay in cache, large enough that the matrix products stay efficient (`make bench` decides).
CPU_MICRO_BATCH = 16


# --------------------------------------------------------------------------- CPU parallelism
_allocator_tuned = False


def keep_freed_memory_for_reuse() -> None:
    """On Linux with glibc, let freed blocks of up to 32 MB be reused instead of unmapped.

    Each layer allocates and frees temporaries of 1-10 MB. glibc hands blocks that large back
    to the kernel on free, so every layer page-faults fresh, zeroed pages: measured 3× slower
    attention on a CPU. Raising malloc's mmap and trim thresholds (once per process, also for
    the host, such as QGIS) keeps up to 64 MB of freed memory ready for reuse instead.
    """
    global _allocator_tuned
    if _allocator_tuned or not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc":
        return
    _allocator_tuned = True
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return
    m_trim_threshold, m_mmap_threshold = -1, -3  # <malloc.h>
    libc.mallopt(m_mmap_threshold, 32 << 20)
    libc.mallopt(m_trim_threshold, 64 << 20)


_pool: ThreadPoolExecutor | None = None
_pool_size = 0
_pool_lock = threading.Lock()


def _cpu_pool(workers: int) -> ThreadPoolExecutor:
    """The encoder's worker threads, kept for the life of the process: threads made anew for
    every batch would each get a fresh malloc arena, and memory would grow with the scene."""
    global _pool, _pool_size
    with _pool_lock:
        if _pool is None or _pool_size != workers:
            if _pool is not None:
                _pool.shutdown(wait=True)
            _pool, _pool_size = ThreadPoolExecutor(workers, thread_name_prefix="moemae-encode"), workers
        return _pool


def run_on_cpu_workers(fn: Callable, items: list) -> list:
    """``[fn(item) for item in items]``, spread over one worker thread per CPU thread.

    Each worker runs its operators single-threaded. For a model this small that beats
    splitting every operator over all cores (measured 10-20 % on 2 cores, `make bench`): the
    cores never wait for each other between operators. PyTorch's thread count is restored after.
    """
    threads = torch.get_num_threads()
    workers = min(threads, len(items))
    if workers <= 1:
        return [fn(item) for item in items]

    def single_threaded(item):
        torch.set_num_threads(1)
        # Attention probabilities of far-off tokens underflow into subnormal floats, which
        # CPUs handle up to 100× slower; flushing them to zero changes results by < 1e-38.
        # The flag belongs to this worker thread only.
        torch.set_flush_denormal(True)
        return fn(item)

    try:
        return list(_cpu_pool(threads).map(single_threaded, items))
    finally:
        torch.set_num_threads(threads)


# --------------------------------------------------------------------------- precision
def bfloat16_supported(device: torch.device) -> bool:
    """Whether bfloat16 autocast is fast here: CUDA with bf16, or a CPU with bf16 instructions."""
    device = torch.device(device)
    if device.type == "cuda":
        return torch.cuda.is_bf16_supported()
    if device.type == "cpu":
        return bool(torch.cpu._is_avx512_bf16_supported() or torch.cpu._is_amx_tile_supported())
    return False


PRECISIONS = ("float32", "bfloat16", "auto")


def resolve_precision(device: torch.device | str, precision: str) -> torch.dtype:
    """The compute dtype for ``precision`` ("float32", "bfloat16" or "auto") on ``device``."""
    if precision == "auto":
        precision = "bfloat16" if bfloat16_supported(device) else "float32"
    if precision == "float32":
        return torch.float32
    if precision == "bfloat16":
        return torch.bfloat16
    raise ValueError(f"precision must be one of {', '.join(PRECISIONS)}, not {precision!r}")


def autocast_context(device: torch.device | str, precision: str) -> AbstractContextManager:
    """The autocast region for training in ``precision`` on ``device`` (none for float32)."""
    device = torch.device(device)
    dtype = resolve_precision(device, precision)
    if dtype == torch.float32:
        return nullcontext()
    return torch.autocast(device_type=device.type, dtype=dtype)

"""Several processes under ``torchrun``: who they are, and how they share work and wait for each other.

``torchrun --nproc_per_node=G [--nnodes N …] -m backend COMMAND …`` starts G processes per node
and tells each its place through the environment (RANK, WORLD_SIZE, LOCAL_RANK,
LOCAL_WORLD_SIZE). :class:`DistributedContext` reads it and joins the process group: NCCL on
CUDA GPUs (each process on GPU LOCAL_RANK), gloo on CPUs. In a single process it is a no-op, so
every command runs the same code with or without torchrun. Pretraining (``backend.train``) and
the mosaics of many inputs (``backend.mosaic``) use it.
"""
from __future__ import annotations

import os

import torch
import torch.distributed as dist


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
            else:
                share_cores()
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

    def gather(self, value: object) -> list:
        """Every process's ``value`` (picklable), in rank order; waits for all of them."""
        if self.world == 1:
            return [value]
        values: list = [None] * self.world
        dist.all_gather_object(values, value)
        return values

    def barrier(self) -> None:
        if self.world > 1:
            dist.barrier()

    def close(self) -> None:
        if self.world > 1 and dist.is_initialized():
            # Every rank reaches this point before any tears its connections down; a rank that
            # leaves early can abort the others' gloo threads at exit.
            dist.barrier()
            dist.destroy_process_group()


def share_cores() -> None:
    """On CPUs, give each of the node's processes its share of the cores: PyTorch's threads
    would otherwise use every core in each process, and the processes would slow each other."""
    local_world = int(os.environ.get("LOCAL_WORLD_SIZE", "1"))
    if local_world > 1:
        torch.set_num_threads(max(1, (os.cpu_count() or 1) // local_world))


def share_out(sizes: list[int], world: int) -> list[list[int]]:
    """The indices of ``sizes`` (work per item, e.g. pixels) each of ``world`` processes takes:
    the biggest first, each to the process with the least work so far (ties: the lowest rank),
    so that no process is left with a big item at the end while the others wait. Each
    process's indices are in the order it should do them (biggest first)."""
    loads = [0] * world
    shares: list[list[int]] = [[] for _ in range(world)]
    for index in sorted(range(len(sizes)), key=lambda i: (-sizes[i], i)):
        rank = min(range(world), key=lambda r: (loads[r], r))
        shares[rank].append(index)
        loads[rank] += sizes[index]
    return shares

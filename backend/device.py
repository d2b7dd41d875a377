"""Device choice, in one place: the CLI, the plugin and the benchmarks all call :func:`resolve_device`.

Importable without PyTorch (torch is imported by the functions that need it): the plugin reads
:data:`DEVICE_CHOICES` while it loads, before it knows whether PyTorch is installed.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import UserError

if TYPE_CHECKING:
    import torch

#: The device names a user picks from; ``cuda:N`` picks one GPU among several.
DEVICE_CHOICES = ("auto", "cpu", "cuda", "mps")
#: GPUs a QGIS user can pick by number (``cuda:0`` … ``cuda:7``).
MAX_LISTED_GPUS = 8


class DeviceError(UserError):
    """A device was asked for that this machine does not have."""


def _mps_available() -> bool:
    import torch

    backend = getattr(torch.backends, "mps", None)
    return bool(backend is not None and backend.is_available())


def resolve_device(name: str = "auto") -> torch.device:
    """Turn a device name from the user into a torch device that exists here.

    ``auto`` picks CUDA, then Apple's MPS, then the CPU. ``cuda:1`` style names are accepted.
    An explicit device that is not available raises :class:`DeviceError` with what to do,
    instead of failing later deep inside a tensor operation.
    """
    import torch

    name = (name or "auto").strip().lower()
    if name == "auto":
        if torch.cuda.is_available():
            return torch.device("cuda")
        if _mps_available():
            return torch.device("mps")
        return torch.device("cpu")
    kind, _, index_text = name.partition(":")
    if kind not in DEVICE_CHOICES or (index_text and not (kind == "cuda" and index_text.isdigit())):
        raise DeviceError(f"unknown device {name!r}; choose one of {', '.join(DEVICE_CHOICES)} or cuda:N "
                          "(N = 0, 1, …)")
    if kind == "cuda":
        if not torch.cuda.is_available():
            raise DeviceError(
                "device 'cuda' was asked for but PyTorch sees no CUDA GPU "
                f"(PyTorch {torch.__version__}, CUDA build: {torch.version.cuda or 'no'}); "
                "use --device auto or cpu, or install a CUDA build of PyTorch"
            )
        index = int(index_text or 0)
        if index >= torch.cuda.device_count():
            raise DeviceError(
                f"device {name!r} was asked for but only {torch.cuda.device_count()} CUDA GPU(s) exist"
            )
    if kind == "mps" and not _mps_available():
        raise DeviceError("device 'mps' was asked for but Apple's Metal backend is not available here; "
                          "use --device auto or cpu")
    return torch.device(name)


def describe_device(device: torch.device) -> str:
    """A short human name: ``cpu (2 threads)``, ``cuda:0 (NVIDIA H100 80GB HBM3)`` or ``mps``."""
    import torch

    if device.type == "cuda":
        index = device.index if device.index is not None else torch.cuda.current_device()
        return f"cuda:{index} ({torch.cuda.get_device_name(index)})"
    if device.type == "cpu":
        return f"cpu ({torch.get_num_threads()} threads)"
    return str(device)

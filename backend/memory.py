"""How much memory this machine has free, and how much this process has used: the runs size
their batches and output grids by the first, ``--report-resources`` prints the second."""
from __future__ import annotations

import os
import sys
from pathlib import Path


def available_memory_bytes() -> int | None:
    """Memory the system can give this process now without swapping (Linux: MemAvailable), or
    None where that cannot be read."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024  # kB
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None


def peak_memory_mb() -> float:
    """This process's peak resident memory in MB.

    Linux's VmHWM belongs to this program alone; ru_maxrss, the fallback elsewhere, carries over
    the parent's size from before exec, so a large parent (``bench``) would report its own.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    import resource

    scale = 1024 * 1024 if sys.platform == "darwin" else 1024  # bytes on macOS, kB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale

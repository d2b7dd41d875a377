"""Models kept loaded between runs in one process, and loading them while other work goes on.

Inside QGIS every classification used to read, verify and build its model again (and, on a GPU,
copy it over) although the last run had it ready. :func:`shared_model` keeps the last
:data:`KEEP` models, keyed by the checkpoint file's SHA-256 and the device: a second run with the
same file on the same device reuses the loaded model; a file changed in place has another
SHA-256 and is loaded again. :func:`release` drops them all (the plugin calls it when QGIS unloads
it). The digests come from ``backend.checksums.file_sha256``, which hashes a file once while its
size and time of change stay the same.

:class:`InBackground` runs one call on a thread of its own, so that a run can import PyTorch,
start CUDA and load the model while the scene is being opened.

No torch at the top: the plugin imports this module to release the models when it unloads,
also where PyTorch is missing.
"""
from __future__ import annotations

import gc
import logging
import threading
from collections import OrderedDict
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Generic, TypeVar, cast

if TYPE_CHECKING:
    import torch

    from .model import MoEMAE

log = logging.getLogger(__name__)

#: How many loaded models stay: a size-S model is about 30 MB of float32 weights (and as much
#: again in bfloat16 copies once it ran in bfloat16), so two cost little and cover switching
#: between two models, or between the CPU and a GPU.
KEEP = 2

_models: OrderedDict[tuple[str, str], MoEMAE] = OrderedDict()
_lock = threading.Lock()  # one load at a time: two runs asking for one model load it once
#: Checkpoint loads since the process started (tests read it: a warm run adds none).
loads = 0


def shared_model(path: str | Path, device: torch.device | str = "cpu") -> MoEMAE:
    """``backend.checkpoint.load_pretrained(path, device)``, kept for the next run in this process.

    The model is shared: callers encode with it (eval mode) and never train or change it. Its
    user-record check (``backend.checksums.note_checkpoint``: a warning when a file of the user's
    own changed) runs on every call, as a fresh load would run it."""
    global loads
    from .checkpoint import load_pretrained
    from .checksums import file_sha256, note_checkpoint

    if not Path(path).is_file():
        return load_pretrained(path, device)  # which says what is wrong with the path
    key = (file_sha256(Path(path)), str(device))
    with _lock:
        model = _models.get(key)
        if model is None:
            model = load_pretrained(path, device)
            loads += 1
            _models[key] = model
            while len(_models) > KEEP:
                _models.popitem(last=False)
        else:
            _models.move_to_end(key)
            note_checkpoint(Path(path))
            log.debug("reusing the loaded model %s on %s", Path(path).name, device)
    return model


def kept_models() -> int:
    """How many models are kept loaded now."""
    with _lock:
        return len(_models)


def release() -> None:
    """Drop every kept model and give their memory back (the GPU's cached blocks too)."""
    with _lock:
        had_cuda = any(device.startswith("cuda") for _, device in _models)
        _models.clear()
    gc.collect()
    if had_cuda:
        import torch

        torch.cuda.empty_cache()


T = TypeVar("T")


class InBackground(Generic[T]):
    """``fn()`` started at once on a thread of its own; :meth:`result` waits for it and returns
    its value or raises its exception, in the caller's thread. A result never asked for (the
    scene failed first) is dropped when the thread ends. Not a daemon thread: a process that
    exits on an error still lets the load finish first, rather than tearing the interpreter down
    under a thread that may be starting CUDA."""

    def __init__(self, fn: Callable[[], T], name: str = "moemae-load"):
        self._value: T | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(fn,), name=name)
        self._thread.start()

    def _run(self, fn: Callable[[], T]) -> None:
        try:
            self._value = fn()
        except BaseException as exc:  # handed over to the caller of result()
            self._error = exc

    def result(self) -> T:
        self._thread.join()
        if self._error is not None:
            error, self._error = self._error, None
            raise error
        return cast(T, self._value)  # set: the thread ended without an error

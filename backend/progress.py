"""Progress and cancellation for long jobs, without a dependency.

Backend functions take a ``progress`` object (anything with ``update``, ``set_postfix``,
``close`` and ``cancelled``): :class:`ProgressBar` draws a terminal bar for the CLI; the QGIS
plugin passes an adapter that moves the Processing feedback's bar and reads its Cancel button.
"""
from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol, TextIO


class Cancelled(Exception):
    """The user cancelled the job; whatever it was writing has been removed."""


class Progress(Protocol):
    """What the backend's long jobs report to and ask: ``total`` (settable once known), ``update``
    after each unit of work, ``check`` between steps (raises :class:`Cancelled`)."""

    total: int

    def update(self, n: int = 1) -> None: ...

    def set_postfix(self, **values: object) -> None: ...

    def close(self) -> None: ...

    def cancelled(self) -> bool: ...

    def check(self) -> None: ...


class NullProgress:
    """Progress that shows nothing and is never cancelled."""

    def __init__(self, total: int = 0, desc: str = ""):
        self.total, self.desc, self.count = total, desc, 0

    def update(self, n: int = 1) -> None:
        self.count += n

    def set_postfix(self, **values: object) -> None:
        pass

    def close(self) -> None:
        pass

    def cancelled(self) -> bool:
        return False

    def check(self) -> None:
        """Raise :class:`Cancelled` when the user asked to stop."""
        if self.cancelled():
            raise Cancelled("cancelled")


class ProgressBar(NullProgress):
    """``desc  42% |█████     | 420/1000 [00:12<00:17, 34.1 it/s] loss=0.123`` on stderr.

    Redrawn at most every 0.2 s; on a stream that is not a terminal (a log file, CI) a plain
    line is printed every 10 % instead.
    """

    def __init__(self, total: int, desc: str = "", unit: str = "it", stream: TextIO | None = None):
        super().__init__(total, desc)
        self.unit = unit
        self.stream = stream or sys.stderr
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.start = self.last_draw = time.perf_counter()
        self.postfix = ""
        self.last_decile = -1

    def update(self, n: int = 1) -> None:
        self.count += n
        now = time.perf_counter()
        if self.tty and now - self.last_draw >= 0.2:
            self._draw(now)
        elif not self.tty and self.total:
            decile = int(10 * self.count / self.total)
            if decile > self.last_decile:
                self.last_decile = decile
                self._draw(now, newline=True)

    def set_postfix(self, **values: object) -> None:
        self.postfix = " ".join(f"{k}={v:.4g}" if isinstance(v, float) else f"{k}={v}"
                                for k, v in values.items())

    def close(self) -> None:
        if self.tty or not self.total or self.last_decile < 10:
            self._draw(time.perf_counter(), newline=True)

    def _draw(self, now: float, newline: bool = False) -> None:
        self.last_draw = now
        elapsed = now - self.start
        rate = self.count / elapsed if elapsed > 0 else 0.0
        if self.total:
            share = min(1.0, self.count / self.total)
            bar = "█" * int(share * 20) + " " * (20 - int(share * 20))
            eta = (self.total - self.count) / rate if rate > 0 else 0
            text = (f"{self.desc} {share:4.0%} |{bar}| {self.count}/{self.total} "
                    f"[{_clock(elapsed)}<{_clock(eta)}, {rate:.1f} {self.unit}/s] {self.postfix}")
        else:
            text = f"{self.desc} {self.count} [{_clock(elapsed)}, {rate:.1f} {self.unit}/s] {self.postfix}"
        end = "\n" if newline or not self.tty else ""
        self.stream.write(("\r" if self.tty else "") + text.rstrip() + end)
        self.stream.flush()


def _clock(seconds: float) -> str:
    minutes, seconds = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes:02d}:{seconds:02d}"


class StageClock:
    """Wall seconds spent in each named stage of a long job, summed over its repeats: where the
    time goes. ``with clock("encoder"): …`` adds the block's time to that stage."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def __call__(self, stage: str) -> _Timed:
        return _Timed(self, stage)

    def describe(self) -> str:
        """"reading 12.3 s, encoder 140.2 s, …" in the order the stages first ran."""
        return ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in self.seconds.items())


class _Timed:
    def __init__(self, clock: StageClock, stage: str):
        self.clock, self.stage = clock, stage

    def __enter__(self) -> None:
        self.started = time.perf_counter()

    def __exit__(self, *exc) -> None:
        elapsed = time.perf_counter() - self.started
        self.clock.seconds[self.stage] = self.clock.seconds.get(self.stage, 0.0) + elapsed


class LockedProgress:
    """``progress`` shared by threads (a reader thread and the encoding one): one call at a time,
    so counts add up and a drawn bar is never interleaved."""

    def __init__(self, progress: Progress):
        import threading

        self.inner, self.lock = progress, threading.Lock()

    @property
    def total(self) -> int:
        return self.inner.total

    @total.setter
    def total(self, value: int) -> None:
        with self.lock:
            self.inner.total = value

    def update(self, n: int = 1) -> None:
        with self.lock:
            self.inner.update(n)

    def set_postfix(self, **values: object) -> None:
        with self.lock:
            self.inner.set_postfix(**values)

    def close(self) -> None:
        with self.lock:
            self.inner.close()

    def cancelled(self) -> bool:
        with self.lock:
            return self.inner.cancelled()

    def check(self) -> None:
        with self.lock:
            self.inner.check()


class _Capture:
    """How many :func:`messages_to` blocks are open (``quiet``: of them, those that keep the
    records from the loggers above), and the logger's settings before the first."""

    lock = threading.Lock()
    open = quiet = 0
    before: tuple = (logging.NOTSET, True)

    @classmethod
    def settle(cls, logger: logging.Logger) -> None:
        """The logger's level and propagation for the blocks now open (none: as before them)."""
        logger.setLevel(logging.INFO if cls.open else cls.before[0])
        logger.propagate = cls.before[1] and not cls.quiet


@contextmanager
def messages_to(handler: logging.Handler, propagate: bool = True) -> Iterator[None]:
    """While the block runs, the backend's log records go to ``handler`` too, from INFO up: its
    info lines are for the user. ``propagate`` False: to it only. The logger's level and
    propagation come back as they were when the last such block ends, so that runs which
    overlap (QGIS runs algorithms in threads; each handler then keeps its own thread's
    records) all keep their info lines."""
    logger = logging.getLogger(__package__)  # "backend", or "moemae_qgis.backend" in the plugin
    with _Capture.lock:
        if not _Capture.open:
            _Capture.before = logger.level, logger.propagate
        _Capture.open += 1
        _Capture.quiet += not propagate
        _Capture.settle(logger)
        logger.addHandler(handler)
    try:
        yield
    finally:
        with _Capture.lock:
            logger.removeHandler(handler)
            _Capture.open -= 1
            _Capture.quiet -= not propagate
            _Capture.settle(logger)

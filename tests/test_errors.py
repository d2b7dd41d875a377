"""One mapping from an exception to what the user reads, shared by the CLI and the plugin."""
import errno
import logging

import pytest

from backend.errors import UserError, describe
from backend.progress import messages_to


@pytest.mark.parametrize("error, message", [
    (UserError("BANDS lists 6 bands; the model needs 7"), "BANDS lists 6 bands; the model needs 7"),
    (MemoryError(), "out of memory: use a smaller batch size, a larger stride, a smaller input or the CPU"),
    (RuntimeError("CUDA out of memory. Tried to allocate 2.00 GiB"),
     "out of memory (CUDA out of memory. Tried to allocate 2.00 GiB): use a smaller batch size"),
    (OSError(errno.ENOSPC, "No space left on device", "/out/map.tif"),
     "the disk is full (writing /out/map.tif); free some space or choose another folder. Nothing was "
     "replaced."),
    (RuntimeError("Free disk space available is 1024 bytes"), "the disk is full (Free disk space available"),
    (OSError(errno.EACCES, "Permission denied", "/out/map.tif"),
     "cannot use /out/map.tif: Permission denied"),
    (RuntimeError("TIFFReadEncodedTile failed"),
     "RuntimeError: TIFFReadEncodedTile failed (check the paths, and that no other program holds the output"),
])
def test_each_failure_says_what_to_do(error, message):
    assert describe(error).startswith(message)


def test_overlapping_captures_keep_the_info_lines_until_the_last_ends():
    """Runs in QGIS overlap: the first to end must not silence the other's info lines."""
    logger = logging.getLogger("backend")
    before = logger.level, logger.propagate
    first, second = [], []

    class Keep(logging.Handler):
        def __init__(self, kept):
            super().__init__()
            self.kept = kept

        def emit(self, record):
            self.kept.append(record.getMessage())

    with messages_to(Keep(first)):
        with messages_to(Keep(second), propagate=False):
            logger.info("both")
        logger.info("first only")
        assert logger.propagate == before[1]
    logger.info("nobody")
    assert first == ["both", "first only"] and second == ["both"]
    assert (logger.level, logger.propagate) == before

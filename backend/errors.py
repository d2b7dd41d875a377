"""What a user reads when something goes wrong: the one exception type for problems a user can fix
(bad paths, bad files, bad arguments), and :func:`describe`, the one mapping from any exception a
run can end with to a message.

A message says what was wrong and what to do. The CLI prints it without a traceback; the plugin
shows it in the Processing log or a message bar.
"""
from __future__ import annotations

import errno

#: What GDAL and the OS say when the disk (or a quota) is full.
_DISK_FULL_WORDS = ("no space left", "disk full", "free disk space", "quota exceeded")


class UserError(Exception):
    """Bad input, explained: raised for anything the user can correct."""


def is_disk_full(error: BaseException | str) -> bool:
    """Whether an OSError or a GDAL error message says that the disk (or a quota) is full."""
    if isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    return any(word in str(error).lower() for word in _DISK_FULL_WORDS)


def describe(exc: BaseException) -> str:
    """``exc`` in words that say what to do: a :class:`UserError` is its own message; out of
    memory, a full disk, a file that cannot be used and any other OS, GDAL or PyTorch error say
    what to try."""
    if isinstance(exc, UserError):
        return str(exc)
    text = str(exc).strip()
    if isinstance(exc, MemoryError) or "out of memory" in text.lower():
        said = f" ({text})" if text else ""
        return f"out of memory{said}: use a smaller batch size, a larger stride, a smaller input or the CPU"
    filename = exc.filename if isinstance(exc, OSError) else None
    if is_disk_full(exc):
        where = f"writing {filename}" if filename else text
        return f"the disk is full ({where}); free some space or choose another folder. Nothing was replaced."
    if isinstance(exc, OSError) and filename:
        return f"cannot use {filename}: {exc.strerror or exc}"
    return f"{type(exc).__name__}: {text} (check the paths, and that no other program holds the output open)"

"""Where a sealed file goes and how its progress is counted: a free file name next to
the one asked for, the progress split between reading the attachments and sealing,
syncing the file to the disk, and removing a file published by an operation that failed
afterwards."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

__all__ = ["READ_SHARE", "free_path", "progress_phases", "sync", "unpublish"]

# Reading the attachments before sealing counts for 1/READ_SHARE of their bytes in the
# progress reported: reading and hashing runs several times faster than sealing, which
# encrypts, hashes again and writes two copies (1 GiB: about 1.2 s against 7 s here).
READ_SHARE = 4


def free_path(path: Path) -> Path:
    """``path`` if nothing is there, else the first of ``stem_2.suffix``,
    ``stem_3.suffix``, … that is free (sealing never replaces a file)."""
    if not path.exists():
        return path
    number = 2
    while True:
        candidate = path.with_name(f"{path.stem}_{number}{path.suffix}")
        if not candidate.exists():
            return candidate
        number += 1


def progress_phases(
    progress: Callable[[int], None] | None,
) -> tuple[Callable[[int], None] | None, Callable[[int], None] | None]:
    """``progress`` split between reading the attachments first (1/READ_SHARE of
    their bytes) and sealing (the rest): a count that only grows."""
    if progress is None:
        return None, None
    report = progress
    read = 0

    def reading(done: int) -> None:
        nonlocal read
        read = done
        report(done // READ_SHARE)

    def sealing(done: int) -> None:
        report(read // READ_SHARE + done - done // READ_SHARE)

    return reading, sealing


def sync(out: BinaryIO) -> None:
    """Write ``out`` through to the disk now (publishing it syncs it again, quickly then)."""
    out.flush()
    with contextlib.suppress(OSError):  # a device or pipe: nothing to sync
        os.fsync(out.fileno())


def unpublish(output: Path) -> None:
    """Remove the sealed file just published (not a device written in place)."""
    with contextlib.suppress(OSError):
        if stat.S_ISREG(output.lstat().st_mode):
            output.unlink()

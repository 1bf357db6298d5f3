"""Atomic file writes: a temporary file in the target folder, fsync, rename.

A reader of the target sees either the old file or the complete new one,
never a partial write; if anything fails, the temporary file is removed.

A target that is a device or a pipe (``/dev/null``, ``/dev/stdout``, a FIFO)
is written in place: it cannot be replaced, and renaming a file over it would
destroy it.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from cabledesk.errors import InputError
from cabledesk.phrase import Phrase

__all__ = ["atomic_output", "fsync_folder", "write_atomic"]


@contextlib.contextmanager
def atomic_output(path: Path, *, overwrite: bool = True, mode: int = 0o600) -> Iterator[BinaryIO]:
    """Yield a binary file that replaces ``path`` only when the block completes.

    The file is created with ``mode`` (default owner-only). If the block raises,
    nothing is left behind. Raises InputError when the folder cannot be written
    or, with ``overwrite=False``, when ``path`` already exists.
    """
    path = Path(path)
    if overwrite and _is_device_or_pipe(path):
        try:
            f = path.open("wb")  # closed by the with-block below
        except OSError as exc:
            raise InputError(f"Cannot write {path}: {exc.strerror}.") from exc
        with f:
            yield f
        return
    if not overwrite and path.exists():
        raise InputError(
            Phrase.of("{file} already exists; CableDesk does not overwrite it.", file=str(path)),
            hint="Choose another name, or remove the existing file first.",
        )
    folder = path.parent if str(path.parent) else Path()
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise InputError(f"Cannot write in the folder {folder}: {exc.strerror}.") from exc
    tmp = Path(tmp_name)
    try:
        if hasattr(os, "fchmod"):  # not on Windows, where the ACL of the folder applies
            os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        if not overwrite:
            # link() fails if the target appeared meanwhile: no silent overwrite.
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise InputError(
                    f"{path} already exists; CableDesk does not overwrite it."
                ) from None
            except OSError:
                # No hard links here (FAT and exFAT removable media): check, then rename.
                if path.exists():
                    raise InputError(
                        f"{path} already exists; CableDesk does not overwrite it."
                    ) from None
                tmp.replace(path)
            else:
                tmp.unlink()
        else:
            tmp.replace(path)
        fsync_folder(folder)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _is_device_or_pipe(path: Path) -> bool:
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def write_atomic(path: Path, data: bytes, *, overwrite: bool = True, mode: int = 0o600) -> None:
    """Write ``data`` to ``path`` atomically; see :func:`atomic_output`."""
    try:
        with atomic_output(path, overwrite=overwrite, mode=mode) as f:
            f.write(data)
    except OSError as exc:
        raise InputError(f"Cannot write {path}: {exc.strerror}.") from exc


def fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (where the platform allows fsync on a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # not supported on this platform (Windows)
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)

"""Sealed cables kept beside the archive: the ``.cable`` files as sent or received.

They are age files encrypted to their recipients (the user always among
them), so they are safe at rest as they are. Each gets a random name, so
that nothing about a cable shows in the folder listing.

The archive keeps exactly the bytes that were sealed or verified: a copy is
made *while* the file is written (:class:`CopyingWriter`, when sealing) or
read (:class:`CopyingReader`, when opening) — never by reading a path again
afterwards, when it may be another file, or a device that gives nothing back.
:func:`archive_copy` writes it through :func:`cabledesk.atomic.atomic_output`:
owner-only (0600), synced to disk, and given its final name only when the
caller :meth:`~ArchiveCopy.keep`\\s it; removed if anything fails, or if the
caller does not keep it (a failed verification, a cancellation). No database
transaction is held meanwhile: the caller records the name afterwards, and
calls :func:`remove_copy` if that fails. A copy that an archive entry stops
referencing (the entry was replaced) is removed once the transaction that
replaced it commits (:func:`remove_after_commit`), never before: the archive
folder holds exactly the files the archive refers to.

Where the system offers it (``posix_fadvise``), the written part of a large
copy is handed to the disk every ``WRITEBACK_STEP`` bytes while the cable is
still being sealed or verified, so that the final sync does not wait for a
whole gigabyte at once, and the copy does not crowd the page cache.
"""

from __future__ import annotations

import contextlib
import io
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from cabledesk.atomic import atomic_output
from cabledesk.errors import InputError
from cabledesk.store.database import Database

__all__ = [
    "ArchiveCopy",
    "CopyingReader",
    "CopyingWriter",
    "archive_copy",
    "remove_after_commit",
    "remove_copy",
    "same_copy",
]

MODE = 0o600
FOLDER_MODE = 0o700
WRITEBACK_STEP = 64 * 1024 * 1024
COMPARE_STEP = 1024 * 1024  # bytes of each copy read at a time when comparing two


class _NotKept(Exception):
    """Ends an archive copy's block without publishing the copy."""


class ArchiveCopy:
    """A sealed file being copied into the archive: :meth:`write` its bytes, then
    :meth:`keep` it; ``name`` is its file name in the archive folder once kept."""

    def __init__(self, folder: Path, name: str, out: BinaryIO) -> None:
        self.name = name
        self.size = 0
        self._folder = folder
        self._out = out
        self._kept = False
        self._handed = 0  # bytes already handed to the disk

    def write(self, data: bytes | bytearray | memoryview) -> None:
        """Append ``data``; raises InputError if the archive folder cannot take it."""
        try:
            self._out.write(data)
            self.size += len(data)
            if self.size - self._handed >= WRITEBACK_STEP and hasattr(os, "posix_fadvise"):
                # Starts writing the range back now, and drops it from the cache once written.
                self._out.flush()
                os.posix_fadvise(self._out.fileno(), self._handed, self.size - self._handed,
                                 os.POSIX_FADV_DONTNEED)  # fmt: skip
                self._handed = self.size
        except OSError as exc:
            raise _cannot_keep(self._folder, exc) from exc

    def keep(self) -> None:
        """Publish the copy when its block ends (without an error)."""
        self._kept = True

    @property
    def kept(self) -> bool:
        return self._kept


@contextlib.contextmanager
def archive_copy(folder: Path) -> Iterator[ArchiveCopy]:
    """A new copy in ``folder``, published at the end of the block if it was kept.

    Raises InputError if the folder cannot be written (when the block starts or
    ends); an error raised in the block passes through, and leaves no copy.
    """
    name = f"{uuid.uuid4().hex}.cable"
    in_block = False
    try:
        folder.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
        with atomic_output(folder / name, overwrite=False, mode=MODE) as out:
            copy = ArchiveCopy(folder, name, out)
            in_block = True
            yield copy
            in_block = False
            if not copy.kept:
                raise _NotKept
    except _NotKept:
        pass
    except OSError as exc:
        if in_block:  # the caller's own error, not the archive's
            raise
        raise _cannot_keep(folder, exc) from exc


def _cannot_keep(folder: Path, exc: OSError) -> InputError:
    return InputError(
        f"Cannot keep a copy in the archive folder {folder}: {exc.strerror or exc}.",
        hint="Free some space on the disk of your vault, then try again.",
    )


def remove_copy(folder: Path, name: str) -> None:
    """Remove a kept copy that could not be recorded after all."""
    (folder / name).unlink(missing_ok=True)


def same_copy(folder: Path, a: str, b: str) -> bool:
    """Whether the copies ``a`` and ``b`` in ``folder`` hold the same bytes (False if
    either cannot be read). Reads both only when their sizes are equal."""
    try:
        with (folder / a).open("rb") as fa, (folder / b).open("rb") as fb:
            if os.fstat(fa.fileno()).st_size != os.fstat(fb.fileno()).st_size:
                return False
            while True:
                chunk = fa.read(COMPARE_STEP)
                if chunk != fb.read(COMPARE_STEP):
                    return False
                if not chunk:
                    return True
    except OSError:
        return False


def remove_after_commit(db: Database, folder: Path, name: str) -> None:
    """Remove the copy ``name`` once the current transaction of ``db`` commits (an
    entry that referred to it was replaced); kept if the transaction rolls back."""

    def remove() -> None:
        # The entry no longer refers to it: a copy that cannot be removed now is
        # only a stray file, not a reason to report a failure of what committed.
        with contextlib.suppress(OSError):
            remove_copy(folder, name)

    db.after_commit(remove)


class CopyingWriter:
    """A binary output that writes everything to ``out`` and to ``copy``."""

    def __init__(self, out: BinaryIO, copy: ArchiveCopy) -> None:
        self._out = out
        self._copy = copy

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:
        view = memoryview(data).cast("B")
        self._out.write(view)
        self._copy.write(view)
        return len(view)

    def flush(self) -> None:
        self._out.flush()


class CopyingReader:
    """A binary input that reads ``src`` and writes every byte it gives to ``copy``."""

    def __init__(self, src: io.BufferedIOBase, copy: ArchiveCopy) -> None:
        self._src = src
        self._copy = copy

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:
        view = memoryview(buffer).cast("B")
        n = self._src.readinto(view) or 0
        if n:
            self._copy.write(view[:n])
        return n

    def read(self, size: int = -1) -> bytes:
        data = self._src.read(size)
        if data:
            self._copy.write(data)
        return data

"""Files extracted from a sealed cable: written under temporary names in a private
folder inside the target folder while the package is read, published only once all
of it has verified.

Like :func:`cabledesk.atomic.atomic_output`, each file is a temporary file
(owner-only, synced to disk before it is renamed), so that a reader of the
folder sees a complete file or none; unlike it, the files of one package are
published together, after the last byte has been checked, and one at most is
open at a time (a package may hold a thousand attachments). Publishing never
replaces an existing file. On any failure every temporary file, and every file
already published by that call, is removed.

Unverified plaintext never lies in the target folder itself: the temporary
files are in a folder of their own (``.cabledesk-extract-…``, mode 0700, files
0600), locked (``flock``) while a run uses it. A run that was killed leaves
that folder behind; the next extraction into the same folder removes every
such folder that no running process holds (on Windows, which has no
``flock``, those older than a day).

Names: the document (``cable.docx``) gives way to an attachment of the same
name, and is then published as ``cable (document).docx``.

Where the system offers it (``posix_fadvise``), the written part of a large file
is handed to the disk every ``WRITEBACK_STEP`` bytes, so that the final sync
does not wait for a whole gigabyte at once, and the plaintext does not linger
in the page cache.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from cabledesk.atomic import fsync_folder
from cabledesk.errors import InputError

__all__ = ["PRIVATE_PREFIX", "StagedFile", "Staging", "remove_stale"]

MODE = 0o600
WRITEBACK_STEP = 64 * 1024 * 1024
PRIVATE_PREFIX = ".cabledesk-extract-"
STALE_AFTER_SECONDS = 24 * 3600  # where no lock tells a crashed run from a live one


def _exists_error(path: Path) -> InputError:
    return InputError(
        f"{path} already exists; CableDesk does not overwrite it.",
        hint="Extract into an empty folder, or move the existing file away first.",
    )


class StagedFile:
    """A temporary file being written: :meth:`write` everything, then :meth:`close`."""

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._written = 0
        self._handed = 0  # bytes already handed to the disk

    def write(self, data: bytes | bytearray | memoryview) -> None:
        view = memoryview(data).cast("B")
        while view:
            view = view[os.write(self._fd, view) :]
        self._written += len(data)
        if self._written - self._handed >= WRITEBACK_STEP and hasattr(os, "posix_fadvise"):
            # Starts writing the range back now, and drops it from the cache once written.
            os.posix_fadvise(self._fd, self._handed, self._written - self._handed,
                             os.POSIX_FADV_DONTNEED)  # fmt: skip
            self._handed = self._written

    def close(self, *, sync: bool) -> None:
        """Close the file; with ``sync``, first wait until it is on disk."""
        try:
            if sync:
                os.fsync(self._fd)
        finally:
            os.close(self._fd)


class Staging:
    """Temporary files in ``folder``, published by :meth:`commit` or removed by :meth:`discard`."""

    def __init__(self, folder: Path) -> None:
        if not folder.is_dir():
            raise InputError(
                f"The folder {folder} does not exist.", hint="Choose an existing folder."
            )
        self._folder = folder
        self._staged: list[tuple[Path, Path]] = []  # (temporary, final)
        self._yielding: set[Path] = set()  # temporaries that give way on a clash
        self._open: StagedFile | None = None
        self._private: Path | None = None
        self._lock: int | None = None

    def _private_folder(self) -> Path:
        """The private folder of this run, made (and locked) at the first file."""
        if self._private is None:
            remove_stale(self._folder)
            try:
                self._private = Path(tempfile.mkdtemp(prefix=PRIVATE_PREFIX, dir=self._folder))
            except OSError as exc:
                raise InputError(
                    f"Cannot write in the folder {self._folder}: {exc.strerror}."
                ) from exc
            self._lock = _lock(self._private)
        return self._private

    def create(self, name: str, *, gives_way: bool = False) -> StagedFile:
        """A new file that will become ``folder/name``; the previous one must be closed.
        With ``gives_way``, it is published as ``STEM (document)SUFFIX`` if another
        file of this package has the same name.

        Raises InputError if ``folder/name`` exists or the folder cannot be written.
        """
        if self._open is not None:
            raise RuntimeError("close the previous staged file first")
        final = self._folder / name
        if final.exists() or final.is_symlink():
            raise _exists_error(final)
        private = self._private_folder()
        try:
            fd, tmp_name = tempfile.mkstemp(suffix=".part", dir=private)
        except OSError as exc:
            raise InputError(f"Cannot write in the folder {self._folder}: {exc.strerror}.") from exc
        tmp = Path(tmp_name)
        self._staged.append((tmp, final))
        if gives_way:
            self._yielding.add(tmp)
        if hasattr(os, "fchmod"):  # not on Windows, where the folder's ACL applies
            os.fchmod(fd, MODE)
        self._open = StagedFile(fd)
        return self._open

    def close_current(self) -> None:
        """Flush, sync and close the file being written."""
        f, self._open = self._open, None
        if f is None:
            return
        try:
            f.close(sync=True)
        except OSError as exc:
            raise InputError(f"Cannot write in {self._folder}: {exc.strerror}.") from exc

    def commit(self) -> tuple[Path, ...]:
        """Give every staged file its final name, never replacing a file; returns them."""
        self.close_current()
        published: list[Path] = []
        try:
            for tmp, final in self._final_names():
                _publish(tmp, final)
                published.append(final)
        except BaseException:
            for path in published:
                path.unlink(missing_ok=True)
            self.discard()
            raise
        self._staged = []
        fsync_folder(self._folder)
        self._remove_private()
        return tuple(published)

    def _final_names(self) -> list[tuple[Path, Path]]:
        taken = {final.name.casefold() for tmp, final in self._staged if tmp not in self._yielding}
        named = []
        for tmp, final in self._staged:
            if tmp in self._yielding and final.name.casefold() in taken:
                final = final.with_name(f"{final.stem} (document){final.suffix}")
            named.append((tmp, final))
        return named

    def _remove_private(self) -> None:
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None
        if self._private is not None:
            shutil.rmtree(self._private, ignore_errors=True)
            self._private = None

    def discard(self) -> None:
        """Remove every temporary file; idempotent."""
        f, self._open = self._open, None
        if f is not None:
            with contextlib.suppress(OSError):
                f.close(sync=False)
        for tmp, _ in self._staged:
            tmp.unlink(missing_ok=True)
        self._staged = []
        self._remove_private()


def _lock(folder: Path) -> int | None:
    """An exclusive ``flock`` on ``folder`` for as long as the descriptor is open."""
    if sys.platform == "win32":
        return None
    import fcntl

    fd = os.open(folder, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return fd


def _abandoned(folder: Path) -> bool:
    if sys.platform == "win32":
        try:
            return time.time() - folder.stat().st_mtime > STALE_AFTER_SECONDS
        except OSError:
            return False
    import fcntl

    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False  # a running extraction holds it
    finally:
        os.close(fd)
    return True


def remove_stale(folder: Path) -> int:
    """Remove the private folders that crashed runs left in ``folder``; returns how many."""
    removed = 0
    try:
        candidates = [p for p in folder.iterdir() if p.name.startswith(PRIVATE_PREFIX)]
    except OSError:
        return 0
    for path in candidates:
        if path.is_dir() and not path.is_symlink() and _abandoned(path):
            shutil.rmtree(path, ignore_errors=True)
            removed += 1
    return removed


def _publish(tmp: Path, final: Path) -> None:
    try:
        os.link(tmp, final)  # fails if the name appeared meanwhile: no silent overwrite
    except FileExistsError:
        raise _exists_error(final) from None
    except OSError:
        # No hard links here (FAT and exFAT removable media): check, then rename.
        if final.exists():
            raise _exists_error(final) from None
        try:
            tmp.replace(final)
        except OSError as exc:
            raise InputError(f"Cannot write {final}: {exc.strerror}.") from exc
        return
    tmp.unlink()

"""Files extracted from a sealed cable: written under temporary names in the target
folder while the package is read, published only once all of it has verified.

Like :func:`cabledesk.atomic.atomic_output`, each file is a temporary file in the
target folder (owner-only, synced to disk before it is renamed), so that a
reader of the folder sees a complete file or none; unlike it, the files of one
package are published together, after the last byte has been checked, and one
at most is open at a time (a package may hold a thousand attachments).
Publishing never replaces an existing file. On any failure every temporary
file, and every file already published by that call, is removed.

Where the system offers it (``posix_fadvise``), the written part of a large file
is handed to the disk every ``WRITEBACK_STEP`` bytes, so that the final sync
does not wait for a whole gigabyte at once, and the plaintext does not linger
in the page cache.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from cabledesk.atomic import fsync_folder
from cabledesk.errors import InputError

__all__ = ["StagedFile", "Staging"]

MODE = 0o600
WRITEBACK_STEP = 64 * 1024 * 1024


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
        self._open: StagedFile | None = None

    def create(self, name: str) -> StagedFile:
        """A new file that will become ``folder/name``; the previous one must be closed.

        Raises InputError if ``folder/name`` exists or the folder cannot be written.
        """
        if self._open is not None:
            raise RuntimeError("close the previous staged file first")
        final = self._folder / name
        if final.exists() or final.is_symlink():
            raise _exists_error(final)
        try:
            fd, tmp_name = tempfile.mkstemp(prefix=".", suffix=".part", dir=self._folder)
        except OSError as exc:
            raise InputError(f"Cannot write in the folder {self._folder}: {exc.strerror}.") from exc
        tmp = Path(tmp_name)
        self._staged.append((tmp, final))
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
            for tmp, final in self._staged:
                _publish(tmp, final)
                published.append(final)
        except BaseException:
            for path in published:
                path.unlink(missing_ok=True)
            self.discard()
            raise
        self._staged = []
        fsync_folder(self._folder)
        return tuple(published)

    def discard(self) -> None:
        """Remove every temporary file; idempotent."""
        f, self._open = self._open, None
        if f is not None:
            with contextlib.suppress(OSError):
                f.close(sync=False)
        for tmp, _ in self._staged:
            tmp.unlink(missing_ok=True)
        self._staged = []


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

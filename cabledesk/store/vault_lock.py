"""Who has the vault open: a shared lock while open, an exclusive one to re-key.

Every open vault holds a shared ``flock`` on its folder, so that any number of
CableDesk windows and commands may use it at once (SQLite keeps them
consistent). Re-keying the database replaces ``vault.db`` by a new file; a
process still holding the old one would write into a file that no longer is
the vault, so the re-key needs the lock exclusively: while another process has
the vault open it is refused with a message that says so. The lock is on the
folder rather than on a file of its own, so that it leaves nothing behind, and
the operating system drops it when a process dies.

Windows has no ``flock``: there :class:`VaultLock` locks nothing, and the
re-key relies on Windows itself, which refuses to replace a file that another
process holds open (the re-key then stops before the switch, and the vault
stays on its old key; see :mod:`.rekey`).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from cabledesk.errors import VaultError

__all__ = ["VaultLock"]

_OPEN_ELSEWHERE = "The vault is open in another CableDesk window or command."


class VaultLock:
    """A lock on one vault folder; see the module docstring."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._fd: int | None = None

    def share(self) -> None:
        """Take the shared lock (held until :meth:`release`); raises VaultError
        while another process changes the vault's passphrase."""
        if sys.platform == "win32":
            return
        import fcntl

        if self._fd is None:
            try:
                self._fd = os.open(self._folder, os.O_RDONLY)
            except (FileNotFoundError, NotADirectoryError):
                return  # no vault here: reading its files says so
        try:
            fcntl.flock(self._fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            self.release()
            raise VaultError(
                "The vault is busy: its passphrase is being changed in another "
                "CableDesk window or command.",
                hint="Wait for the change to finish, then try again.",
            ) from None

    @property
    def held(self) -> bool:
        """False once released, or once :meth:`exclusive` lost the shared lock."""
        return self._fd is not None or sys.platform == "win32"

    def exclusive(self) -> None:
        """Turn the shared lock into an exclusive one; raises VaultError while another
        process has the vault open. A failed attempt may lose the shared lock for a
        moment (``flock`` converts by releasing first): it is taken again, and if
        another process took the vault meanwhile, the lock is released (:attr:`held`
        is False) and the caller must close the vault."""
        if sys.platform == "win32":
            return
        import fcntl

        if self._fd is None:
            raise RuntimeError("take the shared lock first")
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            try:
                fcntl.flock(self._fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                self.release()
            raise VaultError(
                _OPEN_ELSEWHERE,
                hint="Close the other windows and commands that use this vault (or lock "
                "them), then try again.",
            ) from None

    def downgrade(self) -> None:
        """Back to the shared lock after :meth:`exclusive`."""
        if sys.platform == "win32" or self._fd is None:
            return
        import fcntl

        fcntl.flock(self._fd, fcntl.LOCK_SH)

    def release(self) -> None:
        """Drop the lock (closing the folder's descriptor); harmless twice."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

"""One desktop window per vault: the second CableDesk started on a vault says so.

Two desktop instances on one vault would each keep their own view of drafts and
settings and lock themselves at different times; the command line's short runs do
not mind each other (SQLite keeps every process consistent), so only the desktop
claims a vault. The claim is a lock file in the user's runtime folder, named after
the vault folder, so that the vault folder itself holds nothing more; Qt's
:class:`QLockFile` records the owner's process and takes over a lock its owner left
behind when it died.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QLockFile

__all__ = ["claim_vault"]


def claim_vault(folder: Path) -> QLockFile | None:
    """This desktop's claim on the vault in ``folder``, held while the returned lock
    lives; None when another CableDesk desktop holds it."""
    key = hashlib.sha256(str(folder.resolve()).encode("utf-8")).hexdigest()[:24]
    lock = QLockFile(str(_runtime_folder() / f"cabledesk-{key}.lock"))
    folder_of_locks = Path(lock.fileName()).parent
    folder_of_locks.mkdir(mode=0o700, parents=True, exist_ok=True)
    lock.setStaleLockTime(0)  # only a dead owner's lock is stale, however old
    if not lock.tryLock(200):
        return None
    return lock


def _runtime_folder() -> Path:
    """The user's runtime folder (``XDG_RUNTIME_DIR``), else the temporary folder, with the
    user's id in the name where the temporary folder is shared."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and Path(runtime).is_dir():
        return Path(runtime)
    uid = getattr(os, "getuid", None)
    base = Path(tempfile.gettempdir())
    return base / f"cabledesk-{uid()}" if uid is not None else base

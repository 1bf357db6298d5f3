"""A consistent copy of an open vault's two files, for a backup.

The database is copied with SQLite's backup API (:meth:`Database.snapshot_to`),
still encrypted under the vault's key. ``vault.key`` is copied as it is on disk,
except that a format /3 file records the copy's own audit head, read from the
copy itself: another window may append entries while the backup is made, and a
restored vault whose record were ahead of its database would be refused as
rolled back.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from cabledesk.store.audit import AuditLog
from cabledesk.store.audit_head import AuditHead
from cabledesk.store.clock import utc_now
from cabledesk.store.database import Database
from cabledesk.store.home import VaultHome
from cabledesk.store.keyfile import KeyFile

__all__ = ["VaultSnapshot", "vault_snapshot"]


@dataclass(frozen=True, slots=True)
class VaultSnapshot:
    """A consistent copy of the vault's two files, which agree with each other."""

    database: Path
    key_file: Path


@contextlib.contextmanager
def vault_snapshot(
    db: Database,
    db_key: bytearray,
    home: VaultHome,
    folder: Path,
    record: Callable[[tuple[int, bytes] | None], AuditHead | None],
) -> Iterator[VaultSnapshot]:
    """The copy in ``folder`` (owner-only files), removed when the block ends;
    ``record`` makes the record of a head under the vault's key."""
    name = folder / f".vault-snapshot-{uuid.uuid4().hex}"
    database, key_path = name.with_suffix(".db"), name.with_suffix(".key")
    try:
        db.snapshot_to(database, db_key)
        key_file = KeyFile.load(home.key_file)
        if key_file.is_v3:
            copy = Database(database, db_key, hmac=key_file.db_hmac)
            try:
                key_file = key_file.with_audit(record(AuditLog(copy, utc_now).head()))
            finally:
                copy.close()
        fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(key_file.to_bytes())
        yield VaultSnapshot(database, key_path)
    finally:
        for path in (database, key_path, Path(f"{database}-wal"), Path(f"{database}-shm")):
            path.unlink(missing_ok=True)

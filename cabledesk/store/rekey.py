"""Re-encrypting the vault database under a new key: a copy, then one rename.

:func:`rekey_database` copies the open database page by page (SQLite's backup
API) into ``.vault.db.rekey.part`` beside it, encrypted under the new key with
the same settings; lets the caller write into the copy (the audit entry of the
change, so that it exists exactly when the switch happened); makes the copy
durable; then :meth:`Database.replace_file` closes the old connection (which
checkpoints and removes ``-wal`` and ``-shm``), renames the copy over
``vault.db`` and reopens it. The rename is the switch: before it the file on
disk is the old database under the old key, after it the new one, never a mix.

Why not SQLCipher's ``PRAGMA rekey``: it does work in WAL mode (checked with
SQLCipher 4.19), but it rewrites every page twice (into the write-ahead log,
then back at the checkpoint), needs the same free space for that log, reports
no progress, and makes a multi-gigabyte transaction of the change. The copy
writes each page once, reports its progress, and its crash states are the
two files' (see docs/FORMAT.md, Part IV).

The caller holds the vault's exclusive lock (:mod:`.vault_lock`): no other
process may have the old file open when it is replaced. Other threads of this
process wait on the database's lock and then go on with the new file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from cabledesk.store.database import Database

__all__ = ["Progress", "leftovers", "part_file", "rekey_database"]

Progress = Callable[[int, int], None]
"""``progress(bytes copied, bytes in all)``."""


def part_file(database: Path) -> Path:
    """Where the copy is built."""
    return database.with_name(f".{database.name}.rekey.part")


def leftovers(database: Path) -> list[Path]:
    """The files an interrupted re-key may have left (removed by the next one)."""
    part = part_file(database)
    return [part, Path(f"{part}-wal"), Path(f"{part}-shm"), Path(f"{part}-journal")]


def rekey_database(
    db: Database,
    new_key: bytes | bytearray,
    old_key: bytes | bytearray,
    *,
    before_switch: Callable[[Database], None],
    progress: Progress | None = None,
) -> None:
    """Re-encrypt ``db`` (open under ``old_key``) under ``new_key``, in place.

    ``before_switch(copy)`` writes into the copy just before it replaces the old
    file. Raises what the copy or the switch raised, and no copy is left. A failure
    before the rename leaves the old database, open under ``old_key``; one after it
    (the new file could not be opened again) leaves the new database on disk, under
    ``new_key``, and ``db`` closed: ask the file (:meth:`Database.opens_with`)
    which side of the switch it is on.
    """
    if db.hmac is None:
        raise ValueError("only an encrypted database is re-keyed")
    part = part_file(db.path)
    with db.serialised():
        _remove(leftovers(db.path))
        try:
            page_size = int(db.query("PRAGMA page_size")[0][0])

            def report(done: int, total: int) -> None:
                if progress is not None:
                    progress(done * page_size, total * page_size)

            db.snapshot_to(part, new_key, progress=report)
            copy = Database(part, new_key, hmac=db.hmac)
            try:
                before_switch(copy)
            finally:
                copy.close()
            if any(p.exists() for p in leftovers(db.path)[1:]):
                raise RuntimeError("the copy's write-ahead log was not folded into it")
            _fsync(part)
            db.replace_file(part, new_key, old_key)
        finally:
            _remove(leftovers(db.path))


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDWR)  # Windows flushes only a file open for writing
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)

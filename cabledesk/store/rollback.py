"""Rollback detection: what ``vault.key`` and ``vault.db`` record of each other, and
what every opening checks (docs/FORMAT.md, Part IV, §4).

``vault.key`` (format ``/3``) records the head of the audit chain: after every
commit that appended entries, :func:`write_key_file` rewrites it with the
newest entry under a MAC keyed from the database key (:mod:`.audit_head`). The
database records, in its table ``meta`` under ``key_file_format``, the format
of ``vault.key`` once it is ``/3`` — as the vault is made, and at the first
opening after its key file became ``/3`` (:func:`record_key_file_format`, in a
transaction that also appends the audit entry ``vault key upgraded``) — because
formats ``/1`` and ``/2`` record no head: putting back the ``vault.key`` of
before the upgrade would otherwise switch the rule off, with any copy of
``vault.db``.

:func:`check_rollback` raises :class:`~cabledesk.errors.VaultRolledBack` for a
key file of an older format than the database records, and for a ``/3`` file
whose recorded entry the database's chain lacks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from cabledesk.errors import VaultError, VaultRolledBack
from cabledesk.store.audit import AuditLog, Event
from cabledesk.store.audit_head import ROLLBACK_HINT, AuditHead, check_head
from cabledesk.store.clock import Clock, utc_now
from cabledesk.store.database import Database
from cabledesk.store.keyfile import FORMAT_VERSION, KeyFile

__all__ = [
    "META_KEY",
    "check_rollback",
    "head_record",
    "record_format",
    "record_key_file_format",
    "recorded_format",
    "write_key_file",
]

META_KEY = "key_file_format"


def check_rollback(
    db: Database, key_file: KeyFile, db_keys: Sequence[bytes | bytearray], now: Clock
) -> None:
    """Raise VaultRolledBack if ``key_file`` is of an older format than ``db`` records
    (an older ``vault.key`` was put back), or (format /3) if ``db``'s audit chain
    lacks the entry it records, or the record's MAC is wrong under every key of
    ``db_keys`` (see :func:`.audit_head.check_head`)."""
    recorded = recorded_format(db)
    if recorded is not None and key_file.version < recorded:
        raise VaultRolledBack(
            f"The vault key file is of an older format ({key_file.format_id}) than the "
            f"vault's database says it was given (cabledesk.vault-key/{recorded}): an "
            "older copy of vault.key was put back, perhaps together with an older "
            "vault.db, which would hide a database copied back from the past.",
            hint=ROLLBACK_HINT,
        )
    if key_file.is_v3:  # older formats record no head: nothing to be older than
        check_head(key_file.audit, AuditLog(db, now), key_file.vault_id, db_keys)


def head_record(
    vault_id: str, head: tuple[int, bytes] | None, db_key: bytes | bytearray
) -> AuditHead | None:
    """The record of ``head`` (sequence number and hash; None: an empty chain)."""
    return None if head is None else AuditHead.make(vault_id, *head, db_key)


def write_key_file(
    db: Database,
    path: Path,
    vault_id: str,
    db_key: bytes | bytearray,
    change: Callable[[KeyFile], KeyFile],
    *,
    only_forward: bool = False,
) -> None:
    """Rewrite the key file at ``path`` as ``change`` makes it, recording the audit
    head of now under ``db_key``. ``db``'s write lock makes every process write it
    in turn, each reading what the last one wrote; ``only_forward`` leaves a
    record alone unless it is older (and leaves old formats alone). Raises
    VaultError (busy; another vault's key file), InputError (cannot be read or
    written)."""
    with db.transaction():
        on_disk = KeyFile.load(path)
        if on_disk.vault_id != vault_id:
            raise VaultError("The vault key file was replaced while the vault was open.")
        updated = change(on_disk)
        if not updated.is_v3:
            return
        head = AuditLog(db, utc_now).head()  # a read: the clock is not used
        if only_forward and (
            head is None or (on_disk.audit is not None and on_disk.audit.seq >= head[0])
        ):
            return
        # a record alone is written without syncing the folder (see KeyFile.save)
        updated = updated.with_audit(head_record(vault_id, head, db_key))
        updated.save(path, durable=updated.slots != on_disk.slots)


def record_key_file_format(db: Database, path: Path, vault_id: str, audit: AuditLog) -> None:
    """If the key file at ``path`` is of format /3 and ``db`` does not record it yet,
    record it, with the audit entry ``vault key upgraded`` appended to ``audit``.
    Raises VaultError (busy), InputError."""
    if (recorded_format(db) or 0) >= FORMAT_VERSION:
        return
    with db.transaction():
        on_disk = KeyFile.load(path)
        mine = on_disk.vault_id == vault_id and on_disk.is_v3
        if mine and (recorded_format(db) or 0) < on_disk.version:
            record_format(db, on_disk.version)
            audit.append(Event.KEY_FILE_UPGRADED, {"format": on_disk.format_id})


def recorded_format(db: Database) -> int | None:
    """The format version of ``vault.key`` that ``db`` records, if any; raises
    VaultError if the record is not a number."""
    row = db.query_one("SELECT value FROM meta WHERE key = ?", (META_KEY,))
    if row is None:
        return None
    value = str(row[0])
    if not value.isascii() or not value.isdigit() or len(value) > 6:
        raise VaultError(
            "The vault database is damaged: its record of the key file's format is "
            f"{value[:20]!r}.",
            hint="Restore the vault from a backup.",
        )
    return int(value)


def record_format(db: Database, version: int) -> None:
    """Record that ``vault.key`` is of format ``version`` (in the caller's transaction)."""
    db.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        (META_KEY, str(version)),
    )

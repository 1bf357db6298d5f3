"""The vault: one folder holding the encrypted database, its wrapped key and the archive.

:meth:`Vault.create` makes a new vault in an empty folder; :meth:`Vault.unlock`
opens one with the passphrase and :meth:`Vault.unlock_with_key` with the
database key remembered by the keychain. While unlocked, the stores
(:attr:`identities`, :attr:`contacts`, :attr:`drafts`, :attr:`archive`,
:attr:`audit`, :attr:`settings`) read and write the database.
:meth:`Vault.lock` closes the database, wipes the key held in this object and
makes every further use raise :class:`~cabledesk.errors.VaultLocked`.

Every opening applies the rollback rule (:mod:`.rollback`) and raises
:class:`~cabledesk.errors.VaultRolledBack` for a database older than the
vault's last recorded state, or a ``vault.key`` older than the database says;
after every commit that appended audit entries the head is recorded again.
:meth:`Vault.change_passphrase` re-encrypts the database under a new key
(:mod:`._passphrase_change`); an opening finishes or undoes an interrupted one
(:attr:`Vault.recovery`), and recomputes banners of older roll-up rules (:mod:`.banner_upgrade`).

``now`` is the clock (a function returning an aware UTC datetime), passed in
so that tests control time.
"""

from __future__ import annotations

import contextlib
import hmac
import os
import uuid
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from cabledesk.errors import (
    InputError,
    VaultError,
    VaultLocked,
    VaultNotRolledBack,
    VaultRolledBack,
)
from cabledesk.store._passphrase_change import PassphraseChange, Progress, Recovery
from cabledesk.store.archive import ArchiveStore
from cabledesk.store.audit import AuditLog, Event
from cabledesk.store.audit_head import AuditHead
from cabledesk.store.banner_upgrade import BannerUpgrade, upgrade_at_opening
from cabledesk.store.clock import Clock, utc_now
from cabledesk.store.contacts import ContactStore
from cabledesk.store.database import Database
from cabledesk.store.drafts import DraftStore
from cabledesk.store.home import VaultHome
from cabledesk.store.identities import IdentityStore
from cabledesk.store.key_slot import wipe
from cabledesk.store.keychain import Keychain
from cabledesk.store.keyfile import DB_KEY_SIZE, FORMAT_VERSION, KdfParams, KeyFile, calibrate
from cabledesk.store.rollback import (
    check_rollback,
    head_record,
    record_format,
    record_key_file_format,
    write_key_file,
)
from cabledesk.store.settings import DRAFT_HISTORY_LIMIT, Settings
from cabledesk.store.vault_lock import VaultLock
from cabledesk.store.vault_snapshot import VaultSnapshot, vault_snapshot

__all__ = ["Clock", "Recovery", "Vault", "VaultSnapshot", "utc_now"]


class Vault:
    """An unlocked vault. Create it with :meth:`create`, :meth:`unlock`,
    :meth:`unlock_with_key` or :meth:`accept_rollback`, never directly.

    :attr:`recovery` says what the opening did about an interrupted change of
    passphrase (None: there was none); a face shows its ``message``.
    """

    def __init__(
        self,
        home: VaultHome,
        db: Database,
        vault_id: str,
        db_key: bytearray,
        now: Clock,
        folder_lock: VaultLock,
    ) -> None:
        self.home = home
        self.vault_id = vault_id
        self.now = now
        self.recovery: Recovery | None = None
        self.banner_upgrade: BannerUpgrade | None = None  # what the opening recomputed
        self._db: Database | None = db
        self._key: bytearray = db_key
        self._folder_lock = folder_lock

    # --- opening and closing -------------------------------------------------

    @classmethod
    def create(
        cls,
        home: VaultHome,
        passphrase: str,
        *,
        params: KdfParams | None = None,
        now: Clock = utc_now,
    ) -> Vault:
        """A new vault in ``home`` (which must not hold one); records it in the audit log.

        ``params`` default to :func:`~cabledesk.store.keyfile.calibrate` (about
        half a second on this machine).
        """
        if home.exists():
            raise VaultError(
                f"There is already a vault in {home.folder}.",
                hint="Unlock it, or choose another folder with --home.",
            )
        home.create_folders()
        vault_id = str(uuid.uuid4())
        db_key = bytearray(os.urandom(DB_KEY_SIZE))
        key_file = KeyFile.create(vault_id, db_key, passphrase, params or calibrate())
        # Build both files under temporary names and rename the key file last:
        # a vault exists only once it is complete, its first entry recorded.
        tmp_db = home.folder / f".vault.db.{vault_id}.part"
        try:
            db = Database(tmp_db, db_key, hmac=key_file.db_hmac)
            try:
                with db.transaction():
                    db.executemany(
                        "INSERT INTO meta(key, value) VALUES (?, ?)",
                        [("vault_id", vault_id), ("created", now().isoformat())],
                    )
                    record_format(db, FORMAT_VERSION)
                    entry = AuditLog(db, now).append(Event.VAULT_CREATED, {"vault": vault_id})
            finally:
                db.close()
            key_file = key_file.with_audit(head_record(vault_id, (entry.seq, entry.hash), db_key))
            tmp_db.replace(home.database)
            key_file.save(home.key_file)
        except BaseException:
            for leftover in (tmp_db, Path(f"{tmp_db}-wal"), Path(f"{tmp_db}-shm")):
                leftover.unlink(missing_ok=True)
            raise
        return cls._locked_open(home, lambda lock: cls._open(home, key_file, db_key, now, lock))

    @classmethod
    def unlock(cls, home: VaultHome, passphrase: str, *, now: Clock = utc_now) -> Vault:
        """Open the vault with its passphrase; raises WrongPassphrase, VaultRolledBack
        (:mod:`.rollback`), VaultError. An old key file is rewritten in the current format; an
        interrupted change of passphrase is finished or undone (:attr:`recovery`)."""
        return cls._unlock(home, passphrase, now)

    @classmethod
    def unlock_with_key(cls, home: VaultHome, db_key: bytearray, *, now: Clock = utc_now) -> Vault:
        """Open the vault with the database key itself (from the keychain); raises
        VaultError (a stale key: "cannot be decrypted"), VaultRolledBack.

        An old key file keeps its format: rewriting it needs the passphrase (the
        associated data of its slot changes)."""
        return cls._locked_open(
            home, lambda lock: cls._open(home, KeyFile.load(home.key_file), db_key, now, lock)
        )

    @classmethod
    def accept_rollback(
        cls, home: VaultHome, passphrase: str, *, reason: str, now: Clock = utc_now
    ) -> Vault:
        """Open a vault that :meth:`unlock` refused with VaultRolledBack, accepting its
        database as it is: the acceptance goes into the audit log (with the entry the
        vault had recorded, the one it found, why it was refused, and ``reason``, the
        person's words) and the record is rewritten (an older key file as /3). An
        interrupted change of passphrase is then finished or undone, as by
        :meth:`unlock`.

        Raises WrongPassphrase, VaultError, and VaultNotRolledBack for a vault that
        was not rolled back (it opens with :meth:`unlock`): nothing is written then,
        and the vault is closed again.
        """
        return cls._unlock(home, passphrase, now, accept_reason=reason)

    @classmethod
    def _unlock(
        cls, home: VaultHome, passphrase: str, now: Clock, *, accept_reason: str | None = None
    ) -> Vault:
        def open_(lock: VaultLock) -> Vault:
            key_file = KeyFile.load(home.key_file)

            def open_db(
                db_key: bytearray,
                also: Sequence[bytes | bytearray] = (),
                change: Callable[[KeyFile], KeyFile] = _unchanged,
            ) -> Vault:
                check = accept_reason is None
                vault = cls._open(home, key_file, db_key, now, lock, also=also, check=check)
                with vault._locked_on_failure():
                    if accept_reason is not None:
                        vault._accept_rollback(key_file, accept_reason, change, also=also)
                    elif not key_file.is_v3:  # if not now (busy…), at the next unlock
                        with contextlib.suppress(VaultError, InputError):
                            vault._write_key_file(change)
                return vault

            if key_file.pending is not None:
                return PassphraseChange.resume(key_file, passphrase, home.database, open_db)
            db_key, slot_key = key_file.open_slot(key_file.current, passphrase)

            def upgrade(on_disk: KeyFile) -> KeyFile:
                return on_disk if on_disk.is_v3 else on_disk.with_current(slot_key, db_key)

            return open_db(db_key, change=upgrade)

        return cls._locked_open(home, open_)

    def _accept_rollback(
        self,
        key_file: KeyFile,
        reason: str,
        change: Callable[[KeyFile], KeyFile],
        *,
        also: Sequence[bytes | bytearray],
    ) -> None:
        """Record the acceptance of this database's history (and rewrite ``vault.key``
        as ``change`` makes it, with the record of now), or (a vault whose database
        is not older than its key file) close the vault and raise VaultNotRolledBack.
        ``also``: as for :meth:`_open`."""
        try:
            check_rollback(self.db, key_file, [self._key, *also], self.now)
        except VaultRolledBack as exc:
            recorded, found = key_file.audit, AuditLog(self.db, self.now).head()
            self.audit.append(
                Event.ROLLBACK_ACCEPTED,
                {
                    "recorded": recorded.seq if recorded else None,
                    "found": found[0] if found else 0,
                    "why": exc.message,
                    "reason": reason,
                },
            )
            self._write_key_file(change)  # the record, now of this history
            return
        self.lock()
        raise VaultNotRolledBack(
            "The vault was not rolled back: its database holds the last state the vault "
            "recorded, so there is nothing to accept. Nothing was changed.",
            hint="Unlock it as usual.",
        )

    @classmethod
    def _locked_open(cls, home: VaultHome, open_: Callable[[VaultLock], Vault]) -> Vault:
        lock = VaultLock(home.folder)
        lock.share()
        try:
            vault = open_(lock)
        except BaseException:
            lock.release()
            raise
        with vault._locked_on_failure():
            vault._record_key_file_format()
            vault.banner_upgrade = upgrade_at_opening(vault.db, vault.audit, vault.now)
        return vault

    @classmethod
    def _open(
        cls,
        home: VaultHome,
        key_file: KeyFile,
        db_key: bytearray,
        now: Clock,
        lock: VaultLock,
        *,
        also: Sequence[bytes | bytearray] = (),
        check: bool = True,
    ) -> Vault:
        """Open the database with ``db_key`` and check it against ``key_file``: the
        same vault, and (format /3) its recorded audit head, whose MAC may also be
        under a key of ``also``."""
        if not home.database.exists():
            wipe(db_key)
            raise VaultError(
                f"The vault database {home.database} is missing.",
                hint="Restore the vault from a backup.",
            )
        try:
            db = Database(home.database, db_key, hmac=key_file.db_hmac)
        except BaseException:
            wipe(db_key)
            raise
        try:
            row = db.query_one("SELECT value FROM meta WHERE key = 'vault_id'")
            if row is None or row[0] != key_file.vault_id:
                raise VaultError(
                    "The vault key file does not belong to this vault database.",
                    hint="Put back the vault.key that was made with this vault.db.",
                )
            if check:
                check_rollback(db, key_file, [db_key, *also], now)
        except BaseException:
            db.close()
            wipe(db_key)
            raise
        return cls(home, db, key_file.vault_id, db_key, now, lock)

    @property
    def locked(self) -> bool:
        return self._db is None

    def lock(self) -> None:
        """Close the database and wipe the key; every later use raises VaultLocked."""
        if self._db is not None:
            self._db.close()
            self._db = None
        wipe(self._key)
        self._folder_lock.release()

    @contextlib.contextmanager
    def _locked_on_failure(self) -> Iterator[None]:
        """An opening's steps after the database opened: if one fails, the vault is
        locked (database closed, key wiped) before the error goes on."""
        try:
            yield
        except BaseException:
            self.lock()
            raise

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()

    # --- the stores ------------------------------------------------------------

    @property
    def db(self) -> Database:
        if self._db is None:
            raise VaultLocked("The vault is locked.", hint="Unlock it with your passphrase.")
        return self._db

    @property
    def identities(self) -> IdentityStore:
        return IdentityStore(self.db)

    @property
    def contacts(self) -> ContactStore:
        return ContactStore(self.db, self.now)

    @property
    def drafts(self) -> DraftStore:
        return DraftStore(self.db, self.settings.get(DRAFT_HISTORY_LIMIT))

    @property
    def archive(self) -> ArchiveStore:
        return ArchiveStore(self.db)

    @property
    def audit(self) -> AuditLog:
        """The audit log; the head of every commit that appends to it is recorded."""
        return AuditLog(self.db, self.now, on_commit=self._record_head)

    @property
    def settings(self) -> Settings:
        return Settings(self.db)

    def transaction(self) -> contextlib.AbstractContextManager[None]:
        """Everything inside commits together or not at all."""
        return self.db.transaction()

    # --- passphrase and keychain ------------------------------------------------

    def change_passphrase(
        self,
        old: str,
        new: str,
        *,
        params: KdfParams | None = None,
        progress: Progress | None = None,
    ) -> None:
        """Change the passphrase to ``new`` and re-encrypt the database under a new
        random key (an old ``vault.key`` and the old passphrase then open nothing).

        ``params``: the new slot's Argon2id parameters (default: the current
        slot's). ``new`` may be ``old``: a change of parameters alone, which
        re-keys the database all the same. ``progress(bytes done, bytes in all)``
        is called while the database is copied. Raises WrongPassphrase if ``old`` is not the current
        passphrase and VaultError if another process has the vault open; then
        nothing has changed. A crash at any point leaves a vault that opens with
        the new passphrase, and with the old one until the database switched.
        A keychain that remembered the vault holds the old key afterwards: call
        :meth:`refresh_remembered`.
        """
        PassphraseChange(self).run(old, new, params, progress)
        self._record_key_file_format()  # an old key file became /3

    def remember(self, keychain: Keychain) -> None:
        """Store the database key in ``keychain`` ("remember on this device")."""
        keychain.store(self.vault_id, bytes(self._live_key()))
        self.audit.append(Event.KEYCHAIN_ENABLED)

    def refresh_remembered(self, keychain: Keychain) -> bool:
        """If ``keychain`` remembers an older key of this vault (the database was
        re-keyed), remember the current one instead; True if it did. Raises
        KeychainUnavailable."""
        remembered = keychain.load(self.vault_id)
        if remembered is None:
            return False
        stale = not hmac.compare_digest(bytes(remembered), bytes(self._live_key()))
        wipe(remembered)
        if stale:
            keychain.store(self.vault_id, bytes(self._live_key()))
        return stale

    def forget(self, keychain: Keychain) -> None:
        keychain.delete(self.vault_id)
        self.audit.append(Event.KEYCHAIN_DISABLED)

    def _live_key(self) -> bytearray:
        if self._db is None:
            raise VaultLocked("The vault is locked.", hint="Unlock it with your passphrase.")
        return self._key

    def snapshot(self, folder: Path) -> contextlib.AbstractContextManager[VaultSnapshot]:
        """A consistent copy of the database (still encrypted) and a ``vault.key`` that
        records the copy's own audit head, in ``folder``; removed after."""
        return vault_snapshot(self.db, self._live_key(), self.home, folder, self._head_record)

    # --- the key file ------------------------------------------------------------

    def _head_record(self, head: tuple[int, bytes] | None) -> AuditHead | None:
        return head_record(self.vault_id, head, self._key)

    def _write_key_file(
        self, change: Callable[[KeyFile], KeyFile], *, only_forward: bool = False
    ) -> None:
        """:func:`.rollback.write_key_file`, under the current key."""
        path, key = self.home.key_file, self._key
        write_key_file(self.db, path, self.vault_id, key, change, only_forward=only_forward)

    def _record_head(self) -> None:
        """After a commit that appended audit entries: record the new head."""
        if self._db is None:
            return
        # The vault is busy, or vault.key cannot be read or written: the record stays
        # older (no false alarm, only a later detection) until the next commit.
        with contextlib.suppress(VaultError, InputError):
            self._write_key_file(lambda on_disk: on_disk, only_forward=True)

    def _record_key_file_format(self) -> None:
        # Not now (the vault is busy, vault.key cannot be read): at the next opening.
        with contextlib.suppress(VaultError, InputError):
            record_key_file_format(self.db, self.home.key_file, self.vault_id, self.audit)


def _unchanged(key_file: KeyFile) -> KeyFile:
    return key_file

"""The vault: one folder holding the encrypted database, its wrapped key and the archive.

:meth:`Vault.create` makes a new vault in an empty folder; :meth:`Vault.unlock`
opens one with the passphrase and :meth:`Vault.unlock_with_key` with the
database key remembered by the keychain. While unlocked, the stores
(:attr:`identities`, :attr:`contacts`, :attr:`drafts`, :attr:`archive`,
:attr:`audit`, :attr:`settings`) read and write the database.
:meth:`Vault.lock` closes the database, wipes the key held in this object and
makes every further use raise :class:`~cabledesk.errors.VaultLocked`.

``now`` is the clock (a function returning an aware UTC datetime), passed in
so that tests control time.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

from cabledesk.errors import VaultError, VaultLocked
from cabledesk.store.archive import ArchiveStore
from cabledesk.store.audit import AuditLog, Event
from cabledesk.store.clock import Clock, utc_now
from cabledesk.store.contacts import ContactStore
from cabledesk.store.database import Database
from cabledesk.store.drafts import DraftStore
from cabledesk.store.home import VaultHome
from cabledesk.store.identities import IdentityStore
from cabledesk.store.keychain import Keychain
from cabledesk.store.keyfile import DB_KEY_SIZE, KdfParams, KeyFile, calibrate
from cabledesk.store.settings import DRAFT_HISTORY_LIMIT, Settings

__all__ = ["Clock", "Vault", "utc_now"]


def _wipe(key: bytearray) -> None:
    for i in range(len(key)):
        key[i] = 0


class Vault:
    """An unlocked vault. Create it with :meth:`create`, :meth:`unlock` or
    :meth:`unlock_with_key`, never directly."""

    def __init__(
        self, home: VaultHome, db: Database, key_file: KeyFile, db_key: bytearray, now: Clock
    ) -> None:
        self.home = home
        self.vault_id = key_file.vault_id
        self.now = now
        self._db: Database | None = db
        self._key: bytearray = db_key
        self._key_file = key_file

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
        key_file = KeyFile.create(vault_id, bytes(db_key), passphrase, params or calibrate())
        # Build both files under temporary names and rename the key file last:
        # a vault exists only once it is complete.
        tmp_db = home.folder / f".vault.db.{vault_id}.part"
        try:
            db = Database(tmp_db, db_key, hmac=key_file.db_hmac)
            with db.transaction():
                db.executemany(
                    "INSERT INTO meta(key, value) VALUES (?, ?)",
                    [("vault_id", vault_id), ("created", now().isoformat())],
                )
            db.close()
            tmp_db.replace(home.database)
            key_file.save(home.key_file)
        except BaseException:
            for leftover in (tmp_db, Path(f"{tmp_db}-wal"), Path(f"{tmp_db}-shm")):
                leftover.unlink(missing_ok=True)
            raise
        vault = cls._open(home, key_file, db_key, now)
        vault.audit.append(Event.VAULT_CREATED, {"vault": vault_id})
        return vault

    @classmethod
    def unlock(cls, home: VaultHome, passphrase: str, *, now: Clock = utc_now) -> Vault:
        """Open the vault with its passphrase; raises WrongPassphrase, VaultError."""
        key_file = KeyFile.load(home.key_file)
        return cls._open(home, key_file, key_file.unwrap(passphrase), now)

    @classmethod
    def unlock_with_key(cls, home: VaultHome, db_key: bytearray, *, now: Clock = utc_now) -> Vault:
        """Open the vault with the database key itself (from the keychain)."""
        return cls._open(home, KeyFile.load(home.key_file), db_key, now)

    @classmethod
    def _open(cls, home: VaultHome, key_file: KeyFile, db_key: bytearray, now: Clock) -> Vault:
        if not home.database.exists():
            raise VaultError(
                f"The vault database {home.database} is missing.",
                hint="Restore the vault from a backup.",
            )
        try:
            db = Database(home.database, db_key, hmac=key_file.db_hmac)
        except BaseException:
            _wipe(db_key)
            raise
        row = db.query_one("SELECT value FROM meta WHERE key = 'vault_id'")
        if row is None or row[0] != key_file.vault_id:
            db.close()
            _wipe(db_key)
            raise VaultError(
                "The vault key file does not belong to this vault database.",
                hint="Put back the vault.key that was made with this vault.db.",
            )
        return cls(home, db, key_file, db_key, now)

    @property
    def locked(self) -> bool:
        return self._db is None

    def lock(self) -> None:
        """Close the database and wipe the key; every later use raises VaultLocked."""
        if self._db is not None:
            self._db.close()
            self._db = None
        _wipe(self._key)

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
        return ContactStore(self.db)

    @property
    def drafts(self) -> DraftStore:
        return DraftStore(self.db, self.settings.get(DRAFT_HISTORY_LIMIT))

    @property
    def archive(self) -> ArchiveStore:
        return ArchiveStore(self.db)

    @property
    def audit(self) -> AuditLog:
        return AuditLog(self.db, self.now)

    @property
    def settings(self) -> Settings:
        return Settings(self.db)

    def transaction(self) -> contextlib.AbstractContextManager[None]:
        """Everything inside commits together or not at all."""
        return self.db.transaction()

    # --- passphrase and keychain ------------------------------------------------

    def change_passphrase(self, old: str, new: str, *, params: KdfParams | None = None) -> None:
        """Rewrap the database key under ``new`` (one atomic file replacement).

        Raises WrongPassphrase if ``old`` is not the current passphrase.
        """
        current = KeyFile.load(self.home.key_file)
        check = current.unwrap(old)
        _wipe(check)
        new_file = current.rewrap(bytes(self._live_key()), new, params)
        new_file.save(self.home.key_file)
        self._key_file = new_file
        self.audit.append(Event.PASSPHRASE_CHANGED)

    def remember(self, keychain: Keychain) -> None:
        """Store the database key in ``keychain`` ("remember on this device")."""
        keychain.store(self.vault_id, bytes(self._live_key()))
        self.audit.append(Event.KEYCHAIN_ENABLED)

    def forget(self, keychain: Keychain) -> None:
        keychain.delete(self.vault_id)
        self.audit.append(Event.KEYCHAIN_DISABLED)

    def _live_key(self) -> bytearray:
        if self._db is None:
            raise VaultLocked("The vault is locked.", hint="Unlock it with your passphrase.")
        return self._key

    @contextlib.contextmanager
    def snapshot(self, folder: Path) -> Iterator[Path]:
        """A consistent copy of the database (still encrypted) in ``folder``, removed after."""
        target = folder / f".vault-snapshot-{uuid.uuid4().hex}.db"
        try:
            self.db.snapshot_to(target, self._live_key())
            yield target
        finally:
            target.unlink(missing_ok=True)

"""Changing the vault's passphrase, which re-keys the database, and finishing or
undoing a change that was interrupted.

The protocol (docs/FORMAT.md, Part IV, gives every crash point):

1. ``vault.key`` gets a ``pending`` slot: under the new passphrase, the new
   random database key followed by the old one (the ``current`` slot still
   holds the old key under the old passphrase).
2. The database is copied under the new key and the copy renamed over
   ``vault.db`` (:mod:`.rekey`); the copy already holds the audit entry
   "passphrase changed" (database re-keyed), so the entry exists exactly when
   the switch happened.
3. ``vault.key`` keeps only the new key, under the new passphrase, as its
   ``current`` slot, and records the audit head under the new key.

An opening that finds a ``pending`` slot (:meth:`PassphraseChange.resume`):
with the new passphrase it always opens — finishing step 3 if the database
switched, redoing steps 2 and 3 if not; with the old passphrase it opens only
while the database is still on the old key, and then removes the pending slot
(the change is undone, and audited). :class:`Recovery` says which happened.
A change to the same passphrase (other Argon2id parameters) opens both slots:
it is undone before the switch and finished after it.

A private module, the vault's own: it works on :class:`~.vault.Vault`'s
private state (its key, its folder lock, its key-file writer, its way of
opening the database), and nothing else uses it. :class:`Recovery` is
exported by :mod:`.vault`.
"""

from __future__ import annotations

import contextlib
import hmac
import os
from collections.abc import Callable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from cabledesk.errors import CableDeskError, VaultError, WrongPassphrase
from cabledesk.store.audit import AuditLog, Event
from cabledesk.store.database import Database
from cabledesk.store.key_slot import wipe
from cabledesk.store.keyfile import DB_KEY_SIZE, KdfParams, KeyFile, SlotKey
from cabledesk.store.rekey import Progress, rekey_database

if TYPE_CHECKING:
    from cabledesk.store.vault import Vault

__all__ = ["PassphraseChange", "Progress", "Recovery"]

REKEYED: dict[str, str | bool] = {"database": "re-keyed"}

Opener = Callable[[bytearray, Sequence[bytes | bytearray]], "Vault"]
"""``open_(database key, other keys of the record)``: see :meth:`PassphraseChange.resume`."""


class Recovery(StrEnum):
    """What an opening did about a change of passphrase that was interrupted."""

    UNDONE = "undone"
    FINISHED = "finished"
    REDONE = "redone"
    POSTPONED = "postponed"  # the re-key waits until the vault is alone

    @property
    def message(self) -> str:
        """What to tell the user."""
        return _MESSAGES[self]


_MESSAGES = {
    Recovery.UNDONE: "A change of passphrase was interrupted before the vault's database "
    "had been re-encrypted. It has been cancelled: the passphrase you typed is still the "
    "vault's passphrase.",
    Recovery.FINISHED: "A change of passphrase that had been interrupted is now complete: "
    "the passphrase you typed is the vault's only passphrase.",
    Recovery.REDONE: "A change of passphrase had been interrupted; the vault's database has "
    "now been re-encrypted and the change is complete: the passphrase you typed is the "
    "vault's only passphrase.",
    Recovery.POSTPONED: "A change of passphrase was interrupted, and it cannot be completed "
    "while another CableDesk window or command has the vault open. Until it is, both the "
    "previous and the new passphrase open the vault: close the other windows, then lock "
    "the vault and unlock it with the new passphrase.",
}


class PassphraseChange:
    """The change of passphrase of one open vault; see the module docstring."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def run(self, old: str, new: str, params: KdfParams | None, progress: Progress | None) -> None:
        """Steps 1 to 3; see :meth:`Vault.change_passphrase`."""
        if not new:
            raise ValueError("the vault passphrase must not be empty")
        vault = self._vault
        with vault.db.serialised():
            key_file = KeyFile.load(vault.home.key_file)
            if key_file.vault_id != vault.vault_id:
                raise VaultError("The vault key file was replaced while the vault was open.")
            if key_file.pending is not None:
                raise VaultError(
                    "An earlier change of passphrase is not finished yet.",
                    hint="Lock the vault and unlock it with the new passphrase to complete "
                    "it (or with the previous one to cancel it), then try again.",
                )
            checked, old_slot_key = key_file.open_slot(key_file.current, old)
            same = hmac.compare_digest(bytes(checked), bytes(vault._key))
            wipe(checked)
            if not same:
                raise VaultError(
                    "The vault key file was replaced while the vault was open.",
                    hint="Lock the vault and unlock it again.",
                )
            new_slot_key = SlotKey.derive(new, params or key_file.current.params)
            new_key = bytearray(os.urandom(DB_KEY_SIZE))
            self._exclusive()
            try:

                def start(on_disk: KeyFile) -> KeyFile:
                    old_key = vault._key
                    base = on_disk if on_disk.is_v3 else on_disk.with_current(old_slot_key, old_key)
                    return base.with_pending(new_slot_key, new_key, old_key)

                vault._write_key_file(start)
                self._rekey(new_key, new_slot_key, progress, REKEYED, undo_on_failure=True)
            finally:
                vault._folder_lock.downgrade()

    @staticmethod
    def resume(key_file: KeyFile, passphrase: str, database: Path, open_: Opener) -> Vault:
        """Open a vault whose ``key_file`` has a pending slot; see the module docstring.
        ``open_(key, also)`` opens ``database`` with ``key`` (checked as
        :meth:`Vault._open` does, its record perhaps under a key of ``also``).
        Raises WrongPassphrase for a passphrase of neither slot, and for the old one
        once the database has switched."""
        assert key_file.pending is not None
        try:
            old_key, _ = key_file.open_slot(key_file.current, passphrase)
        except WrongPassphrase:
            keys = PassphraseChange._open_pending(key_file, passphrase)
            return PassphraseChange._resume_new(keys, database, key_file.db_hmac, open_)
        if Database.opens_with(database, old_key, hmac=key_file.db_hmac):
            vault = open_(old_key, ())
            with vault._locked_on_failure():
                vault._write_key_file(lambda on_disk: on_disk.without_pending())
                vault.audit.append(Event.PASSPHRASE_CHANGE_UNDONE)
            vault.recovery = Recovery.UNDONE
            return vault
        wipe(old_key)
        # The database switched. A change to the same passphrase (to other Argon2id
        # parameters) sealed the pending slot under this passphrase too.
        try:
            keys = PassphraseChange._open_pending(key_file, passphrase)
        except WrongPassphrase:
            raise WrongPassphrase(
                "This was the vault's passphrase before a change of passphrase that was "
                "interrupted after the vault's database had been re-encrypted.",
                hint="Unlock with the new passphrase: that completes the change.",
            ) from None
        return PassphraseChange._resume_new(keys, database, key_file.db_hmac, open_)

    @staticmethod
    def _open_pending(key_file: KeyFile, passphrase: str) -> tuple[bytearray, bytearray, SlotKey]:
        """The new key, the old key and the slot key of the pending slot; raises
        WrongPassphrase."""
        assert key_file.pending is not None
        pair, slot_key = key_file.open_slot(key_file.pending, passphrase)
        new_key, old_key = bytearray(pair[:DB_KEY_SIZE]), bytearray(pair[DB_KEY_SIZE:])
        wipe(pair)
        return new_key, old_key, slot_key

    @staticmethod
    def _resume_new(
        keys: tuple[bytearray, bytearray, SlotKey], database: Path, db_hmac: str, open_: Opener
    ) -> Vault:
        new_key, old_key, slot_key = keys
        if Database.opens_with(database, new_key, hmac=db_hmac):
            # switched: the record may still be under the old key
            try:
                vault = open_(new_key, [old_key])
            finally:
                wipe(old_key)
            with vault._locked_on_failure():
                vault._write_key_file(
                    lambda on_disk: on_disk.with_current(slot_key, new_key).without_pending()
                )
            vault.recovery = Recovery.FINISHED
            return vault
        try:
            vault = open_(old_key, ())
        except BaseException:
            wipe(new_key)
            raise
        with vault._locked_on_failure():
            change = PassphraseChange(vault)
            try:
                change._exclusive()
            except VaultError:
                if vault.locked:
                    raise
                vault.recovery = Recovery.POSTPONED
                return vault
            try:
                with vault.db.serialised():
                    details = REKEYED | {"resumed": True}
                    change._rekey(new_key, slot_key, None, details, undo_on_failure=False)
            finally:
                vault._folder_lock.downgrade()
        vault.recovery = Recovery.REDONE
        return vault

    def _exclusive(self) -> None:
        """The vault's exclusive lock; if taking it lost even the shared one, the
        vault is closed (another process may be about to replace its file)."""
        try:
            self._vault._folder_lock.exclusive()
        except VaultError:
            if not self._vault._folder_lock.held:
                self._vault.lock()
            raise

    def _rekey(
        self,
        new_key: bytearray,
        slot_key: SlotKey,
        progress: Progress | None,
        details: dict[str, str | bool],
        *,
        undo_on_failure: bool,
    ) -> None:
        """Steps 2 and 3, with the pending slot written and the exclusive lock held."""
        vault = self._vault
        db_hmac = vault.db.hmac
        assert db_hmac is not None

        def before_switch(copy: Database) -> None:
            AuditLog(copy, vault.now).append(Event.PASSPHRASE_CHANGED, details)

        try:
            rekey_database(
                vault.db, new_key, vault._key, before_switch=before_switch, progress=progress
            )
        except BaseException:
            if not Database.opens_with(vault.home.database, vault._key, hmac=db_hmac):
                # switched, but not reopened: the next unlock finishes the change
                wipe(new_key)
                vault.lock()
            elif undo_on_failure:
                # Still on the old key (the file on disk says so, whatever failed): the
                # pending slot goes, and only the old passphrase opens the vault.
                with contextlib.suppress(CableDeskError):
                    vault._write_key_file(lambda on_disk: on_disk.without_pending())
            raise
        old_key, vault._key = vault._key, new_key
        wipe(old_key)
        vault._write_key_file(
            lambda on_disk: on_disk.with_current(slot_key, new_key).without_pending()
        )

"""Opening the vault: create, unlock with the passphrase or the keychain, remember, forget.

The GUI's first-run assistant and unlock screen and the CLI's ``init`` and
every command that needs the vault go through :class:`VaultAccess`; the faces
get one with :meth:`VaultAccess.for_home` (the vault folder by the shared rule,
and the system keychain). Collaborators are passed in: where the vault lives
(:class:`VaultHome`), the keychain, the clock and (for tests) the
key-derivation parameters.

A new vault's passphrase follows the one strength rule
(:mod:`cabledesk.services.passwords`); :meth:`VaultAccess.create_with_identity`
creates the vault and the user's identity together, and leaves no half-made
vault behind when the identity cannot be created.

A vault whose database was put back from an older copy refuses to open
(:class:`~cabledesk.errors.VaultRolledBack`); :meth:`VaultAccess.accept_rollback`
is the way forward when that was done on purpose: it opens the older database
with the passphrase and writes the person's reason into the audit log.

A wrong passphrase is counted outside the vault
(:mod:`cabledesk.store.unlock_failures`); the next unlock that succeeds writes
the count into the audit log ("unlocks failed").
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from cabledesk.errors import FieldError, KeychainUnavailable, VaultError, WrongPassphrase
from cabledesk.store.clock import Clock, utc_now
from cabledesk.store.home import VaultHome, resolve_home
from cabledesk.store.keychain import Keychain, KeychainStatus

if TYPE_CHECKING:
    from cabledesk.domain.scheme import SchemeRegistry
    from cabledesk.services.identity import IdentityRequest
    from cabledesk.store.keyfile import KdfParams
    from cabledesk.store.vault import Vault

__all__ = ["REASON_CHARS", "VaultAccess"]

REASON_CHARS = 2000  # a reason is plain text, as the formats' reasons and comments


class VaultAccess:
    """How this device reaches its vault; see the module docstring."""

    def __init__(
        self,
        home: VaultHome,
        keychain: Keychain,
        *,
        now: Clock = utc_now,
        kdf: KdfParams | None = None,
    ) -> None:
        self.home = home
        self.keychain = keychain
        self._now = now
        self._kdf = kdf

    @classmethod
    def for_home(
        cls, folder: str | os.PathLike[str] | None, *, keychain: Keychain | None = None
    ) -> VaultAccess:
        """The vault in ``folder`` (None: ``CABLEDESK_HOME``, else the platform's data
        folder), with the system keychain unless another is given."""
        if keychain is None:
            from cabledesk.store.keychain import SystemKeychain

            keychain = SystemKeychain()
        return cls(resolve_home(folder), keychain)

    @property
    def folder(self) -> Path:
        """The vault's folder (for messages, and the window preferences beside it)."""
        return self.home.folder

    def exists(self) -> bool:
        return self.home.exists()

    def keychain_status(self) -> KeychainStatus:
        return self.keychain.status()

    def create(self, passphrase: str, *, remember: bool = False) -> Vault:
        """A new vault; with ``remember``, its key also goes to the keychain.

        Raises WeakPassphrase for a passphrase too easy to guess (nothing is
        created), VaultError if the folder holds a vault, KeychainUnavailable
        (after creating the vault) if it cannot be remembered.
        """
        from cabledesk.services.passwords import require_strong
        from cabledesk.store.vault import Vault

        require_strong(passphrase)
        vault = Vault.create(self.home, passphrase, params=self._kdf, now=self._now)
        if remember:
            vault.remember(self.keychain)
        return vault

    def create_with_identity(
        self,
        passphrase: str,
        request: IdentityRequest,
        schemes: SchemeRegistry,
        *,
        remember: bool = False,
    ) -> tuple[Vault, KeychainUnavailable | None]:
        """A new vault holding the user's new identity, or nothing at all.

        Returns the unlocked vault and, when ``remember`` was asked and the keychain
        refused, why (the vault is complete all the same). Raises WeakPassphrase and
        VaultError as :meth:`create`, and what :meth:`IdentityService.create` raises
        (FieldError, MarkingError, SchemeError) after removing the vault it had created.
        """
        from cabledesk.services.identity import IdentityService

        vault = self.create(passphrase)
        try:
            IdentityService(vault, schemes).create(request)
        except BaseException:
            vault.lock()
            self._remove_half_made_vault()
            raise
        if not remember:
            return vault, None
        try:
            vault.remember(self.keychain)
        except KeychainUnavailable as exc:
            return vault, exc
        return vault, None

    def remember(self, vault: Vault) -> None:
        """Remember the unlocked ``vault`` in this device's keychain (audited);
        raises KeychainUnavailable."""
        vault.remember(self.keychain)

    def _remove_half_made_vault(self) -> None:
        for path in (self.home.key_file, self.home.database):
            for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                candidate.unlink(missing_ok=True)
        archive = self.home.archive
        if archive.exists() and not any(archive.iterdir()):
            archive.rmdir()

    def unlock(self, passphrase: str) -> Vault:
        """Open with the passphrase; raises WrongPassphrase, VaultRolledBack or VaultError.

        If the opening completed an interrupted change of passphrase (the database
        now has a new key), a keychain that remembered the vault is brought up to
        date; ``vault.recovery`` says what happened, for the user.
        """
        from cabledesk.store.vault import Recovery, Vault

        vault = self._counted(lambda: Vault.unlock(self.home, passphrase, now=self._now))
        if vault.recovery in (Recovery.FINISHED, Recovery.REDONE):
            with contextlib.suppress(KeychainUnavailable):
                vault.refresh_remembered(self.keychain)
        return vault

    def accept_rollback(self, passphrase: str, reason: str) -> Vault:
        """Open a vault that :meth:`unlock` refused with VaultRolledBack, accepting its
        older database: changes made since that copy (revocations among them) stay
        lost. The acceptance, with ``reason`` (why the person accepts it), is written
        in the audit log and the vault records its new state.

        ``reason`` is plain text (runs of white space become one space). Raises
        FieldError for an empty reason or one with control characters (checked
        first), WrongPassphrase, VaultNotRolledBack for a vault that was not rolled
        back (nothing is changed then), VaultError.
        """
        from cabledesk.store.vault import Vault

        reason = self.rollback_reason(reason)
        return self._counted(
            lambda: Vault.accept_rollback(self.home, passphrase, reason=reason, now=self._now)
        )

    @staticmethod
    def rollback_reason(text: str) -> str:
        """``text`` as the reason :meth:`accept_rollback` records (white space tidied),
        for a face to check before it asks for the passphrase; raises FieldError."""
        from cabledesk.crypto.signedtext import plain_text_problem

        reason = " ".join(text.split())
        if not reason:
            raise FieldError(
                "Say why you accept the older copy of the vault.",
                hint="The reason is written in the audit log, for whoever reads it later.",
            )
        problem = plain_text_problem(reason, max_chars=REASON_CHARS)
        if problem is not None:
            raise FieldError(f"The reason {problem}.", hint="Write it as ordinary text.")
        return reason

    def is_remembered(self) -> bool:
        """True when the keychain holds this vault's key (False if it cannot tell)."""
        try:
            key = self.keychain.load(self._vault_id())
        except (KeychainUnavailable, VaultError):
            return False
        return key is not None

    def unlock_remembered(self) -> Vault | None:
        """Open with the key the keychain remembers; None if it remembers none here.

        A remembered key that no longer opens the vault raises VaultError (the
        keychain entry is then stale: the caller asks for the passphrase).
        """
        try:
            key = self.keychain.load(self._vault_id())
        except KeychainUnavailable:
            return None
        if key is None:
            return None
        from cabledesk.store.vault import Vault

        return self._counted(lambda: Vault.unlock_with_key(self.home, key, now=self._now))

    def _counted(self, opening: Callable[[], Vault]) -> Vault:
        """``opening()``, a wrong passphrase counted outside the vault, and the failures
        counted so far recorded in the audit log once the vault opens."""
        from cabledesk.store.audit import Event
        from cabledesk.store.unlock_failures import UnlockFailures

        failures = UnlockFailures(self.home)
        try:
            vault = opening()
        except WrongPassphrase:
            failures.record(self._now())
            raise
        failed = failures.read()
        if failed is not None:
            try:
                with vault.transaction():
                    vault.audit.append(
                        Event.UNLOCKS_FAILED,
                        {"count": failed.count, "first": failed.first.isoformat(),
                         "last": failed.last.isoformat()},
                    )  # fmt: skip
            except BaseException:
                vault.lock()
                raise
            failures.take()
        return vault

    def _vault_id(self) -> str:
        from cabledesk.store.keyfile import KeyFile

        return KeyFile.load(self.home.key_file).vault_id

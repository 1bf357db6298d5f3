"""Opening the vault: create, unlock with the passphrase or the keychain, remember, forget.

The GUI's first-run assistant and unlock screen and the CLI's ``init`` and
every command that needs the vault go through :class:`VaultAccess`.
Collaborators are passed in: where the vault lives (:class:`VaultHome`), the
keychain, the clock and (for tests) the key-derivation parameters.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from cabledesk.errors import KeychainUnavailable, VaultError
from cabledesk.store.clock import Clock, utc_now
from cabledesk.store.home import VaultHome
from cabledesk.store.keychain import Keychain, KeychainStatus

if TYPE_CHECKING:
    from cabledesk.store.keyfile import KdfParams
    from cabledesk.store.vault import Vault

__all__ = ["MIN_PASSPHRASE_CHARS", "VaultAccess", "passphrase_strength"]

MIN_PASSPHRASE_CHARS = 10


def passphrase_strength(passphrase: str) -> tuple[int, str]:
    """A rough strength score 0–4 and a hint for the user (for the first-run assistant).

    Length counts most: four or more random words beat short symbol soup.
    """
    length = len(passphrase)
    words = len(passphrase.split())
    kinds = sum(
        any(test(c) for c in passphrase)
        for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum())
    )
    if length < MIN_PASSPHRASE_CHARS:
        return 0, f"Too short: use at least {MIN_PASSPHRASE_CHARS} characters."
    if len(set(passphrase)) < 5:
        return 1, "Too repetitive: use more different characters."
    score = 1 + (length >= 16) + (length >= 24 or words >= 4) + (kinds >= 3 and length >= 12)
    hints = {
        1: "Weak: add more words.",
        2: "Fair: a few more words would make it strong.",
        3: "Good.",
        4: "Strong.",
    }
    return min(score, 4), hints[min(score, 4)]


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

    def exists(self) -> bool:
        return self.home.exists()

    def keychain_status(self) -> KeychainStatus:
        return self.keychain.status()

    def create(self, passphrase: str, *, remember: bool = False) -> Vault:
        """A new vault; with ``remember``, its key also goes to the keychain.

        Raises VaultError for a passphrase shorter than MIN_PASSPHRASE_CHARS,
        KeychainUnavailable (after creating the vault) if it cannot be remembered.
        """
        if len(passphrase) < MIN_PASSPHRASE_CHARS:
            raise VaultError(
                f"The passphrase is too short: use at least {MIN_PASSPHRASE_CHARS} characters.",
                hint="Several unrelated words are easy to remember and hard to guess.",
            )
        from cabledesk.store.vault import Vault

        vault = Vault.create(self.home, passphrase, params=self._kdf, now=self._now)
        if remember:
            vault.remember(self.keychain)
        return vault

    def unlock(self, passphrase: str) -> Vault:
        """Open with the passphrase; raises WrongPassphrase, VaultRolledBack or VaultError.

        If the opening completed an interrupted change of passphrase (the database
        now has a new key), a keychain that remembered the vault is brought up to
        date; ``vault.recovery`` says what happened, for the user.
        """
        from cabledesk.store.vault import Recovery, Vault

        vault = Vault.unlock(self.home, passphrase, now=self._now)
        if vault.recovery in (Recovery.FINISHED, Recovery.REDONE):
            with contextlib.suppress(KeychainUnavailable):
                vault.refresh_remembered(self.keychain)
        return vault

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

        return Vault.unlock_with_key(self.home, key, now=self._now)

    def _vault_id(self) -> str:
        from cabledesk.store.keyfile import KeyFile

        return KeyFile.load(self.home.key_file).vault_id

""" "Remember on this device" for an unlocked vault: ask, remember, forget.

The settings (desktop and ``cabledesk-cli keychain``) and a passphrase change
(:meth:`KeychainService.refresh`) go through :class:`KeychainService`; which
keychain is used is passed in (the system's, or a test's). :class:`KeychainStatus`
says whether one is usable and, if not, why, in words for the user.
"""

from __future__ import annotations

from cabledesk.errors import KeychainUnavailable
from cabledesk.store.keychain import Keychain, KeychainStatus
from cabledesk.store.vault import Vault

__all__ = ["KeychainService", "KeychainStatus"]


class KeychainService:
    def __init__(self, vault: Vault, keychain: Keychain) -> None:
        self._vault = vault
        self._keychain = keychain

    def status(self) -> KeychainStatus:
        """Whether a keychain can be used here (it may ask D-Bus: call off the GUI thread)."""
        return self._keychain.status()

    def remembers(self) -> bool:
        """Whether the keychain holds this vault's key (False if it cannot tell)."""
        if not self._keychain.status().usable:
            return False
        try:
            key = self._keychain.load(self._vault.vault_id)
        except KeychainUnavailable:
            return False
        if key is None:
            return False
        key[:] = bytes(len(key))
        return True

    def remember(self) -> None:
        """Keep the vault's key in the keychain (audited); raises KeychainUnavailable."""
        self._vault.remember(self._keychain)

    def refresh(self) -> bool:
        """After the vault's key changed: if the keychain remembers an older key, keep
        the new one instead (not audited: remembering stays on, as it was); True if
        it did. Raises KeychainUnavailable."""
        return self._vault.refresh_remembered(self._keychain)

    def forget(self) -> None:
        """Remove the vault's key from the keychain (audited); raises KeychainUnavailable."""
        self._vault.forget(self._keychain)

"""A change of the vault's passphrase, with the strength rule and the keychain kept current.

Both faces (the desktop's "Change passphrase…" and ``cabledesk-cli passphrase
change``) call :meth:`PassphraseService.change`. The store does the work: it
checks the current passphrase, re-keys the vault and records the change in the
audit log. This service adds the rule every new passphrase follows
(:mod:`cabledesk.services.passwords`) and, where the keychain remembered the
vault, remembers its new key instead of the old, so that the next start does not
find a stale one. That refresh is no new "keychain enabled": the audit log gets
only the change of passphrase.
"""

from __future__ import annotations

from cabledesk.errors import InputError
from cabledesk.services.keychain import KeychainService
from cabledesk.services.passwords import require_strong
from cabledesk.store.keychain import Keychain
from cabledesk.store.vault import Vault

__all__ = ["PassphraseService"]


class PassphraseService:
    def __init__(self, vault: Vault, keychain: Keychain) -> None:
        self._vault = vault
        self._keychain = KeychainService(vault, keychain)

    def change(self, old: str, new: str) -> None:
        """Replace the passphrase ``old`` with ``new``.

        Raises InputError when they are the same, WeakPassphrase when ``new`` is
        too easy to guess (both before anything is done), WrongPassphrase when
        ``old`` is not the current passphrase, KeychainUnavailable when the
        keychain that remembered the vault refuses its new key (the passphrase
        is changed by then; "remember on this device" can be set again).
        """
        if new == old:
            raise InputError(
                "The new passphrase is the same as the current one.",
                hint="Choose a new one.",
            )
        require_strong(new)
        remembered = self._keychain.remembers()
        self._vault.change_passphrase(old, new)
        if remembered:
            self._keychain.refresh()

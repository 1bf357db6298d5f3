from __future__ import annotations

import pytest

from cabledesk.errors import InputError, WeakPassphrase, WrongPassphrase
from cabledesk.services.keychain import KeychainService
from cabledesk.services.passphrase import PassphraseService
from cabledesk.services.vault_access import VaultAccess
from cabledesk.store.vault import Vault
from tests.vaultkit import PASSPHRASE

NEW = "a brand new passphrase"


def test_change_checks_the_old_and_the_strength_of_the_new(
    vault: Vault, vault_access: VaultAccess
) -> None:
    service = PassphraseService(vault, vault_access.keychain)
    before = vault.audit.entries(limit=1)[0].seq
    with pytest.raises(WeakPassphrase):
        service.change(PASSPHRASE, "summer2024")
    with pytest.raises(InputError, match="same as the current"):
        service.change(PASSPHRASE, PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        service.change("not the passphrase", NEW)
    assert vault.audit.entries(limit=1)[0].seq == before
    service.change(PASSPHRASE, NEW)
    assert vault.audit.entries(limit=1)[0].event == "passphrase changed"
    vault_access.unlock(NEW).lock()
    with pytest.raises(WrongPassphrase):
        vault_access.unlock(PASSPHRASE)


def test_a_remembered_vault_is_remembered_with_its_new_key(
    vault: Vault, vault_access: VaultAccess
) -> None:
    KeychainService(vault, vault_access.keychain).remember()
    PassphraseService(vault, vault_access.keychain).change(PASSPHRASE, NEW)
    assert KeychainService(vault, vault_access.keychain).remembers()
    reopened = vault_access.unlock_remembered()
    assert reopened is not None
    reopened.lock()


def test_a_vault_not_remembered_stays_so(vault: Vault, vault_access: VaultAccess) -> None:
    PassphraseService(vault, vault_access.keychain).change(PASSPHRASE, NEW)
    assert not vault_access.is_remembered()


@pytest.mark.parametrize("remembered", [True, False])
def test_a_passphrase_change_writes_no_false_keychain_enabled_entry(
    vault: Vault, vault_access: VaultAccess, remembered: bool
) -> None:
    keychain = KeychainService(vault, vault_access.keychain)
    if remembered:
        keychain.remember()
    before = vault.audit.entries(limit=1)[0].seq
    PassphraseService(vault, vault_access.keychain).change(PASSPHRASE, NEW)
    events = [e.event for e in vault.audit.entries() if e.seq > before]
    assert events == ["passphrase changed"]
    assert keychain.remembers() is remembered
    if remembered:  # it holds the new key, not the old
        reopened = vault_access.unlock_remembered()
        assert reopened is not None
        reopened.lock()

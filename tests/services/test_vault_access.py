from __future__ import annotations

import pytest

from cabledesk.errors import VaultError, WrongPassphrase
from cabledesk.services.vault_access import VaultAccess, passphrase_strength
from tests.vaultkit import PASSPHRASE, MemoryKeyring


def test_create_unlock_and_short_passphrases(vault_access: VaultAccess) -> None:
    with pytest.raises(VaultError, match="too short"):
        vault_access.create("short")
    assert not vault_access.exists()
    vault_access.create(PASSPHRASE).lock()
    assert vault_access.exists()
    with pytest.raises(WrongPassphrase):
        vault_access.unlock("wrong passphrase")
    vault_access.unlock(PASSPHRASE).lock()


def test_remembered_vaults_open_without_the_passphrase(
    vault_access: VaultAccess, keyring_backend: MemoryKeyring
) -> None:
    vault_access.create(PASSPHRASE, remember=True).lock()
    assert vault_access.is_remembered()
    vault = vault_access.unlock_remembered()
    assert vault is not None
    vault.forget(vault_access.keychain)
    vault.lock()
    assert not vault_access.is_remembered()
    assert vault_access.unlock_remembered() is None


def test_a_stale_remembered_key_is_an_error_not_a_silent_failure(
    vault_access: VaultAccess, keyring_backend: MemoryKeyring
) -> None:
    vault_access.create(PASSPHRASE, remember=True).lock()
    for key in keyring_backend.secrets:
        keyring_backend.secrets[key] = "A" * 43 + "="  # 32 bytes, not this vault's key
    with pytest.raises(VaultError, match="cannot be decrypted"):
        vault_access.unlock_remembered()


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("", 0),
        ("short", 0),
        ("aaaaaaaaaaaaaaaa", 1),
        ("tiger lamp", 1),
        ("tiger lamp orbit", 2),
        ("tiger lamp orbit violin", 3),
        ("Tiger lamp orbit violin 42!", 4),
    ],
)
def test_passphrase_strength(text: str, score: int) -> None:
    got, hint = passphrase_strength(text)
    assert got == score and hint

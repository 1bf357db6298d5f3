from __future__ import annotations

import os
import sys
from typing import Any

import pytest

from cabledesk.errors import VaultError, WrongPassphrase
from cabledesk.services.vault_access import VaultAccess, passphrase_strength
from cabledesk.store.database import Database
from cabledesk.store.vault import Recovery
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


@pytest.mark.skipif(sys.platform == "win32", reason="fork")
def test_an_unlock_that_completes_a_change_updates_the_keychain(
    vault_access: VaultAccess, keyring_backend: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault_access.create(PASSPHRASE, remember=True).lock()
    new = "the new passphrase of the vault"
    pid = os.fork()
    if pid == 0:  # changes the passphrase and dies right after the database switched
        try:
            real_replace = Database.replace_file

            def replace_then_die(self: Database, *args: Any) -> None:
                real_replace(self, *args)
                os._exit(7)

            monkeypatch.setattr(Database, "replace_file", replace_then_die)
            vault_access.unlock(PASSPHRASE).change_passphrase(PASSPHRASE, new)
        finally:
            os._exit(1)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 7
    with pytest.raises(VaultError, match="cannot be decrypted"):
        vault_access.unlock_remembered()  # the keychain holds the old key
    with vault_access.unlock(new) as vault:
        assert vault.recovery is Recovery.FINISHED
    remembered = vault_access.unlock_remembered()
    assert remembered is not None
    remembered.lock()

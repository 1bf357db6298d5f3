from __future__ import annotations

from pathlib import Path

import pytest

from cabledesk.errors import MarkingError, VaultError, WeakPassphrase, WrongPassphrase
from cabledesk.services.identity import IdentityRequest
from cabledesk.services.vault_access import VaultAccess
from cabledesk.store.home import VaultHome
from cabledesk.store.keychain import SystemKeychain
from tests.services.conftest import SCHEMES
from tests.vaultkit import FAST, PASSPHRASE, MemoryKeyring


def test_create_unlock_and_weak_passphrases(vault_access: VaultAccess) -> None:
    with pytest.raises(WeakPassphrase, match="too easy to guess"):
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


def test_for_home_resolves_the_folder_and_takes_the_system_keychain(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert VaultAccess.for_home(tmp_path / "a").folder == tmp_path / "a"
    monkeypatch.setenv("CABLEDESK_HOME", str(tmp_path / "env"))
    access = VaultAccess.for_home(None)
    assert access.folder == tmp_path / "env"
    assert isinstance(access.keychain, SystemKeychain)


def test_create_with_identity(vault_access: VaultAccess) -> None:
    request = IdentityRequest(name="Jane Doe", post="AMEMBASSY PARIS", clearance="SECRET")
    vault, problem = vault_access.create_with_identity(PASSPHRASE, request, SCHEMES, remember=True)
    assert problem is None
    assert vault.identities.active().name == "Jane Doe"
    vault.lock()
    assert vault_access.is_remembered()


def test_a_half_made_vault_is_removed(vault_access: VaultAccess) -> None:
    request = IdentityRequest(name="Jane Doe", post="P", clearance="ULTRA")
    with pytest.raises(MarkingError, match="ULTRA"):
        vault_access.create_with_identity(PASSPHRASE, request, SCHEMES)
    assert not vault_access.exists()
    assert vault_access.home.is_empty()
    request = IdentityRequest(name="Jane Doe", post="P")
    vault_access.create_with_identity(PASSPHRASE, request, SCHEMES)[0].lock()
    assert vault_access.exists()


def test_a_keychain_that_cannot_remember_does_not_undo_the_vault(tmp_path: Path) -> None:
    access = VaultAccess(VaultHome(tmp_path / "v"), SystemKeychain(), kdf=FAST)  # none usable
    request = IdentityRequest(name="Jane Doe", post="P")
    vault, problem = access.create_with_identity(PASSPHRASE, request, SCHEMES, remember=True)
    vault.lock()
    assert problem is not None and access.exists()

from __future__ import annotations

import pytest
from keyring.backend import KeyringBackend

from cabledesk.errors import KeychainUnavailable, VaultError
from cabledesk.store.home import VaultHome
from cabledesk.store.keychain import SERVICE, SystemKeychain
from cabledesk.store.vault import Vault
from tests.vaultkit import Clock, MemoryKeyring


def test_remember_unlock_and_forget(
    vault: Vault, home: VaultHome, clock: Clock, memory_keyring: MemoryKeyring
) -> None:
    keychain = SystemKeychain(memory_keyring)
    assert keychain.status().usable
    vault.remember(keychain)
    assert (SERVICE, f"vault-{vault.vault_id}") in memory_keyring.secrets
    vault_id = vault.vault_id
    vault.lock()
    key = keychain.load(vault_id)
    assert key is not None
    with Vault.unlock_with_key(home, key, now=clock) as again:
        assert [e.event for e in again.audit.entries()][:1] == ["keychain enabled"]
        again.forget(keychain)
    assert keychain.load(vault_id) is None
    keychain.delete(vault_id)  # forgetting twice is harmless


def test_a_stale_key_in_the_keychain_is_a_clear_error(
    vault: Vault, home: VaultHome, clock: Clock
) -> None:
    vault.lock()
    with pytest.raises(VaultError, match="cannot be decrypted"):
        Vault.unlock_with_key(home, bytearray(32), now=clock)


class _Broken(MemoryKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise RuntimeError("the collection is locked")


def test_backend_failures_become_keychain_unavailable() -> None:
    with pytest.raises(KeychainUnavailable, match="could not store"):
        SystemKeychain(_Broken()).store("v", b"k" * 32)


class _Plaintext(MemoryKeyring):
    """Stands for keyrings.alt's PlaintextKeyring: a secret in a plain file."""


_Plaintext.__module__ = "keyrings.alt.file"


def test_insecure_or_missing_backends_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    from keyring.backends import fail

    for backend in (fail.Keyring(), _Plaintext()):
        monkeypatch.setattr(keyring, "get_keyring", lambda b=backend: b)
        keychain = SystemKeychain()
        status = keychain.status()
        assert not status.usable and "no usable keychain" in status.reason
        with pytest.raises(KeychainUnavailable, match="passphrase"):
            keychain.store("v", b"k" * 32)


def test_a_chained_keyring_uses_its_secure_member(monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    from keyring.backends.chainer import ChainerBackend

    class _Secure(MemoryKeyring):
        pass

    _Secure.__module__ = "keyring.backends.SecretService"
    secure = _Secure()
    chain = ChainerBackend()
    monkeypatch.setattr(ChainerBackend, "backends", [_Plaintext(), secure])
    monkeypatch.setattr(keyring, "get_keyring", lambda: chain)
    SystemKeychain().store("v", b"k" * 32)
    assert secure.secrets


def test_the_memory_backend_is_a_real_keyring_backend() -> None:
    assert isinstance(MemoryKeyring(), KeyringBackend)

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest

from cabledesk.errors import (
    FieldError,
    MarkingError,
    VaultError,
    VaultNotRolledBack,
    VaultRolledBack,
    WeakPassphrase,
    WrongPassphrase,
)
from cabledesk.services.identity import IdentityRequest
from cabledesk.services.vault_access import VaultAccess
from cabledesk.store.audit import Event
from cabledesk.store.database import Database
from cabledesk.store.home import VaultHome
from cabledesk.store.keychain import SystemKeychain
from cabledesk.store.vault import Recovery
from tests.services.conftest import SCHEMES
from tests.vaultkit import FAST, PASSPHRASE, MemoryKeyring, rolled_back


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


def _rolled_back_vault(vault_access: VaultAccess) -> None:
    """A vault whose database was put back from before a revocation."""
    vault_access.create(PASSPHRASE).lock()
    with rolled_back(vault_access.home.database), vault_access.unlock(PASSPHRASE) as vault:
        vault.audit.append(Event.CONTACT_REVOKED, {"fingerprint": "SHA256:mallory"})


def test_a_rolled_back_vault_is_accepted_with_the_reason_in_the_audit_log(
    vault_access: VaultAccess,
) -> None:
    _rolled_back_vault(vault_access)
    with pytest.raises(VaultRolledBack):
        vault_access.unlock(PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        vault_access.accept_rollback("wrong passphrase", "on purpose")
    with vault_access.accept_rollback(PASSPHRASE, "  copy of Monday,\n put back  ") as vault:
        counted, entry = vault.audit.entries()[:2]
        assert counted.event == "unlocks failed" and counted.details["count"] == 1
        assert entry.event == "rollback accepted"
        assert entry.details["reason"] == "copy of Monday, put back"
        assert (entry.details["recorded"], entry.details["found"]) == (2, 1)
    with vault_access.unlock(PASSPHRASE) as vault:  # the next opening is an ordinary one
        assert vault.audit.entries()[0].event == "unlocks failed"


@pytest.mark.parametrize(
    ("reason", "words"),
    [("", "Say why"), (" \n ", "Say why"), ("on purpose\u202e", "invisible or control")],
)
def test_an_acceptance_needs_a_plain_reason(
    vault_access: VaultAccess, reason: str, words: str
) -> None:
    _rolled_back_vault(vault_access)
    with pytest.raises(FieldError, match=words):
        vault_access.accept_rollback(PASSPHRASE, reason)
    with pytest.raises(VaultRolledBack):  # still refused: nothing was accepted
        vault_access.unlock(PASSPHRASE)


def test_there_is_nothing_to_accept_in_a_vault_that_was_not_rolled_back(
    vault_access: VaultAccess,
) -> None:
    vault_access.create(PASSPHRASE).lock()
    with pytest.raises(VaultNotRolledBack, match="nothing to accept"):
        vault_access.accept_rollback(PASSPHRASE, "just in case")
    with vault_access.unlock(PASSPHRASE) as vault:
        assert [e.event for e in vault.audit.entries()] == ["vault created"]


def test_failed_unlocks_are_counted_and_written_in_the_audit_log_at_the_next_unlock(
    vault_access: VaultAccess,
) -> None:
    """Issue 19, point 13: a wrong passphrase cannot write into the closed vault; it is
    counted beside it, and the next unlock that succeeds records the count."""
    vault_access.create(PASSPHRASE).lock()
    for guess in ("guess one", "guess two", "guess three"):
        with pytest.raises(WrongPassphrase):
            vault_access.unlock(guess)
    counter = vault_access.home.folder / "unlock-failures.json"
    text = counter.read_text()
    assert '"count": 3' in text and "guess" not in text  # a count, never the guesses
    assert sys.platform == "win32" or counter.stat().st_mode & 0o077 == 0
    vault = vault_access.unlock(PASSPHRASE)
    try:
        [entry] = [e for e in vault.audit.entries() if e.event == Event.UNLOCKS_FAILED]
        assert entry.details["count"] == 3 and str(entry.details["first"]) <= str(
            entry.details["last"]
        )
        assert vault.audit.check_chain().ok
    finally:
        vault.lock()
    assert not counter.exists()
    vault_access.unlock(PASSPHRASE).lock()  # nothing more to record
    vault = vault_access.unlock(PASSPHRASE)
    try:
        assert len([e for e in vault.audit.entries() if e.event == Event.UNLOCKS_FAILED]) == 1
    finally:
        vault.lock()


def test_a_damaged_failure_count_does_not_stop_the_unlock(vault_access: VaultAccess) -> None:
    vault_access.create(PASSPHRASE).lock()
    (vault_access.home.folder / "unlock-failures.json").write_bytes(b"\xff not json")
    vault_access.unlock(PASSPHRASE).lock()

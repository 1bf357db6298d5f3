"""The vault written by CableDesk 0.1.0 (tests/data/legacy/vault-0.1, key file format /2):
it opens, is upgraded to /3 at the first passphrase unlock, records its audit head,
detects a database put back from the past, and changes its passphrase with a re-key."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cabledesk.errors import VaultRolledBack, WrongPassphrase
from cabledesk.store.audit import Event
from cabledesk.store.audit_head import AuditHead
from cabledesk.store.home import VaultHome
from cabledesk.store.keyfile import FORMAT_2, FORMAT_ID, KeyFile
from cabledesk.store.rollback import recorded_format
from cabledesk.store.vault import Vault
from tests.vaultkit import FAST, PASSPHRASE, Clock

LEGACY = Path(__file__).parents[1] / "data" / "legacy" / "vault-0.1"
ENTRIES = 15  # as the folder's README says


@pytest.fixture
def legacy(tmp_path: Path) -> VaultHome:
    shutil.copytree(LEGACY, tmp_path / "vault")
    return VaultHome(tmp_path / "vault")


def test_the_vault_of_0_1_opens_and_is_upgraded(legacy: VaultHome, clock: Clock) -> None:
    assert KeyFile.load(legacy.key_file).format_id == FORMAT_2
    with Vault.unlock(legacy, PASSPHRASE, now=clock) as vault:
        # the upgrade is audited, and the database now says its key file is /3
        assert vault.audit.check_chain().ok and vault.audit.check_chain().entries == ENTRIES + 1
        upgraded = vault.audit.entries()[0]
        assert (upgraded.event, upgraded.details) == ("vault key upgraded", {"format": FORMAT_ID})
        assert {c.name for c in vault.contacts.all()} >= {"Jane Doe", "Rex Revoked"}
        key_file = KeyFile.load(legacy.key_file)
        assert (key_file.format_id, key_file.db_hmac) == (FORMAT_ID, "HMAC_SHA256")
        head = vault.audit.head()
        assert head is not None and head[0] == ENTRIES + 1
        assert key_file.audit == AuditHead.make(vault.vault_id, *head, vault._key)
    assert legacy.key_file.stat().st_mode & 0o777 == 0o600


def test_a_keychain_unlock_leaves_the_upgrade_for_later(legacy: VaultHome, clock: Clock) -> None:
    key = KeyFile.load(legacy.key_file).unwrap(PASSPHRASE)
    before = legacy.key_file.read_bytes()
    with Vault.unlock_with_key(legacy, bytearray(key), now=clock) as vault:
        vault.audit.append(Event.CONTACT_VERIFIED, {"fingerprint": "SHA256:x"})
    assert legacy.key_file.read_bytes() == before  # /2 still: its slot needs the passphrase
    with Vault.unlock_with_key(legacy, key, now=clock) as vault:  # the database says so
        assert recorded_format(vault.db) is None
        assert "vault key upgraded" not in [e.event for e in vault.audit.entries()]


def test_the_upgraded_vault_detects_an_older_database(
    legacy: VaultHome, clock: Clock, tmp_path: Path
) -> None:
    Vault.unlock(legacy, PASSPHRASE, now=clock).lock()  # upgraded, head recorded
    shutil.copy(legacy.database, tmp_path / "older.db")
    with Vault.unlock(legacy, PASSPHRASE, now=clock) as vault:
        vault.audit.append(Event.CONTACT_REVOKED, {"fingerprint": "SHA256:jane"})
    shutil.copy(tmp_path / "older.db", legacy.database)
    with pytest.raises(VaultRolledBack, match=f"entry {ENTRIES + 2}"):
        Vault.unlock(legacy, PASSPHRASE, now=clock)


def test_the_vault_of_0_1_changes_its_passphrase_with_a_re_key(
    legacy: VaultHome, clock: Clock
) -> None:
    old_key = bytes(KeyFile.load(legacy.key_file).unwrap(PASSPHRASE))
    with Vault.unlock(legacy, PASSPHRASE, now=clock) as vault:
        vault.change_passphrase(PASSPHRASE, "a new passphrase for klaus", params=FAST)
        assert bytes(vault._key) != old_key
    with pytest.raises(WrongPassphrase):
        Vault.unlock(legacy, PASSPHRASE, now=clock)
    with Vault.unlock(legacy, "a new passphrase for klaus", now=clock) as vault:
        assert vault.db.integrity_check() == "ok" and vault.audit.check_chain().ok
        assert vault.audit.check_chain().entries == ENTRIES + 2  # upgraded, changed
        assert len(vault.archive.sealed_files()) == 2
    # the sealed cables are encrypted to their recipients, not with the vault key
    for sealed in (LEGACY / "archive").iterdir():
        assert (legacy.archive / sealed.name).read_bytes() == sealed.read_bytes()


def test_the_key_file_of_before_the_upgrade_switched_the_rollback_rule_off(
    legacy: VaultHome, clock: Clock, tmp_path: Path
) -> None:
    """The attack: the vault.key of format /2 from before the upgrade (which records
    no audit head) put back with an older vault.db copied after the upgrade opened
    without VaultRolledBack, and the unlock recorded the rolled-back head afresh."""
    format_2 = legacy.key_file.read_bytes()
    key = KeyFile.load(legacy.key_file).unwrap(PASSPHRASE)
    Vault.unlock(legacy, PASSPHRASE, now=clock).lock()  # upgraded to /3
    shutil.copy(legacy.database, tmp_path / "older.db")
    with Vault.unlock(legacy, PASSPHRASE, now=clock) as vault:
        vault.audit.append(Event.CONTACT_REVOKED, {"fingerprint": "SHA256:jane"})
    shutil.copy(tmp_path / "older.db", legacy.database)
    legacy.key_file.write_bytes(format_2)
    with pytest.raises(VaultRolledBack, match="older format") as info:
        Vault.unlock(legacy, PASSPHRASE, now=clock)
    assert info.value.hint and "backup" in info.value.hint
    with pytest.raises(VaultRolledBack, match="older format"):
        Vault.unlock_with_key(legacy, bytearray(key), now=clock)
    assert legacy.key_file.read_bytes() == format_2  # nothing was recorded
    # the same way forward as any rollback: accepted on purpose, audited, upgraded again
    with Vault.accept_rollback(legacy, PASSPHRASE, reason="on purpose", now=clock) as vault:
        assert vault.audit.entries()[0].event == "rollback accepted"
    assert KeyFile.load(legacy.key_file).format_id == FORMAT_ID
    Vault.unlock(legacy, PASSPHRASE, now=clock).lock()

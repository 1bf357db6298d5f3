from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import sqlcipher3

from cabledesk.errors import VaultError, VaultLocked, WrongPassphrase
from cabledesk.store.home import HOME_ENV, VaultHome, resolve_home
from cabledesk.store.keyfile import KeyFile
from cabledesk.store.vault import Vault
from tests.vaultkit import FAST, PASSPHRASE, Clock, make_format_1_vault


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_create_makes_the_files_and_records_it(vault: Vault, home: VaultHome) -> None:
    assert home.database.exists() and home.key_file.exists() and home.archive.is_dir()
    assert home.key_file.stat().st_mode & 0o777 == 0o600
    assert [e.event for e in vault.audit.entries()] == ["vault created"]
    assert not list(home.folder.glob("*.part"))


def test_a_second_vault_is_refused_in_the_same_place(vault: Vault, home: VaultHome) -> None:
    with pytest.raises(VaultError, match="already a vault"):
        Vault.create(home, "x", params=FAST)


def test_unlock_and_wrong_passphrase_changes_nothing(
    vault: Vault, home: VaultHome, clock: Clock
) -> None:
    vault.settings  # noqa: B018 (a read)
    vault.lock()
    before = (_digest(home.key_file), _digest(home.database))
    with pytest.raises(WrongPassphrase):
        Vault.unlock(home, "wrong", now=clock)
    assert (_digest(home.key_file), _digest(home.database)) == before
    with Vault.unlock(home, PASSPHRASE, now=clock) as again:
        assert again.vault_id == vault.vault_id


def test_lock_drops_the_key_and_every_use_fails(vault: Vault) -> None:
    key = vault._key  # the bytearray the vault held
    assert any(key)
    vault.lock()
    assert vault.locked and not any(key)
    for use in (lambda: vault.audit, lambda: vault.contacts, lambda: vault.db):
        with pytest.raises(VaultLocked):
            use()
    vault.lock()  # twice is fine


@pytest.mark.slow
def test_change_passphrase_rewraps_only_the_key(
    vault: Vault, home: VaultHome, clock: Clock
) -> None:
    with pytest.raises(WrongPassphrase):
        vault.change_passphrase("not it", "new one", params=FAST)
    vault.change_passphrase(PASSPHRASE, "new one", params=FAST)
    assert vault.audit.entries()[0].event == "passphrase changed"
    vault.lock()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(home, PASSPHRASE, now=clock)
    Vault.unlock(home, "new one", now=clock).lock()


def test_a_key_file_of_another_vault_is_refused(tmp_path: Path, clock: Clock) -> None:
    a = VaultHome(tmp_path / "a")
    b = VaultHome(tmp_path / "b")
    Vault.create(a, PASSPHRASE, params=FAST, now=clock).lock()
    Vault.create(b, PASSPHRASE, params=FAST, now=clock).lock()
    b.key_file.write_bytes(a.key_file.read_bytes())
    with pytest.raises(VaultError):
        Vault.unlock(b, PASSPHRASE, now=clock)


def test_missing_database(vault: Vault, home: VaultHome, clock: Clock) -> None:
    vault.lock()
    home.database.unlink()
    with pytest.raises(VaultError, match="missing"):
        Vault.unlock(home, PASSPHRASE, now=clock)


def test_a_vault_from_a_newer_version_is_refused(
    vault: Vault, home: VaultHome, clock: Clock
) -> None:
    vault.db.execute("PRAGMA user_version = 99")
    vault.lock()
    with pytest.raises(VaultError, match="newer version"):
        Vault.unlock(home, PASSPHRASE, now=clock)


def test_the_database_file_is_encrypted(vault: Vault, home: VaultHome) -> None:
    vault.db.execute("INSERT INTO meta(key, value) VALUES ('marker', 'ZEBRA-MARKER-42')")
    vault.lock()
    raw = home.database.read_bytes()
    assert not raw.startswith(b"SQLite format 3") and b"ZEBRA-MARKER-42" not in raw


@pytest.mark.slow
def test_new_vaults_use_hmac_sha256_and_format_1_vaults_still_open(
    vault: Vault, tmp_path: Path, clock: Clock
) -> None:
    assert vault.db.hmac == "HMAC_SHA256"
    old_home = VaultHome(tmp_path / "old")
    vault_id = make_format_1_vault(old_home)
    # what vaults of format /1 were: opened with the key alone (this build's default MAC)
    key = KeyFile.load(old_home.key_file).unwrap(PASSPHRASE)
    bare = sqlcipher3.connect(str(old_home.database))
    bare.execute(f"PRAGMA key = \"x'{bytes(key).hex()}'\"")
    assert bare.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone() == (vault_id,)
    bare.close()
    with Vault.unlock(old_home, PASSPHRASE, now=clock) as old:
        assert (old.vault_id, old.db.hmac) == (vault_id, "HMAC_SHA512")
        old.change_passphrase(PASSPHRASE, "new one", params=FAST)
    with Vault.unlock(old_home, "new one", now=clock) as old:
        assert old.db.integrity_check() == "ok"


def test_no_snapshot_inside_a_transaction(vault: Vault, tmp_path: Path) -> None:
    with vault.db.transaction(), pytest.raises(RuntimeError, match="inside a transaction"):
        vault.db.snapshot_to(tmp_path / "copy.db", vault._key)
    assert not (tmp_path / "copy.db").exists()
    with vault.snapshot(tmp_path) as copy:
        assert copy.stat().st_mode & 0o777 == 0o600


def test_home_resolution(tmp_path: Path) -> None:
    assert resolve_home(tmp_path / "x").folder == tmp_path / "x"
    assert resolve_home(None, {HOME_ENV: str(tmp_path / "y")}).folder == tmp_path / "y"
    assert resolve_home(tmp_path / "x", {HOME_ENV: str(tmp_path / "y")}).folder == tmp_path / "x"
    default = resolve_home(None, {}).folder
    assert default.name == "CableDesk"

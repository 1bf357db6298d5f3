from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import sqlcipher3

from cabledesk.errors import VaultError, VaultLocked, WrongPassphrase
from cabledesk.store import database as database_module
from cabledesk.store.audit import AuditLog, Event
from cabledesk.store.database import Database
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
def test_change_passphrase_re_keys_the_database(
    vault: Vault, home: VaultHome, clock: Clock
) -> None:
    old_key_file = home.key_file.read_bytes()
    old_db_key = bytes(vault._key)
    with pytest.raises(WrongPassphrase):
        vault.change_passphrase("not it", "new one", params=FAST)
    assert home.key_file.read_bytes() == old_key_file  # nothing changed
    vault.change_passphrase(PASSPHRASE, "new one", params=FAST)
    entry = vault.audit.entries()[0]
    assert (entry.event, entry.details) == ("passphrase changed", {"database": "re-keyed"})
    assert bytes(vault._key) != old_db_key
    assert KeyFile.load(home.key_file).pending is None
    vault.lock()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(home, PASSPHRASE, now=clock)
    with Vault.unlock(home, "new one", now=clock) as again:
        assert again.recovery is None and again.audit.check_chain().ok
    assert not Database.opens_with(home.database, old_db_key, hmac="HMAC_SHA256")


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
    assert KeyFile.load(old_home.key_file).format_id == "cabledesk.vault-key/3"
    with Vault.unlock(old_home, "new one", now=clock) as old:
        assert old.db.integrity_check() == "ok" and old.db.hmac == "HMAC_SHA512"


def test_no_snapshot_inside_a_transaction(vault: Vault, tmp_path: Path) -> None:
    with vault.db.transaction(), pytest.raises(RuntimeError, match="inside a transaction"):
        vault.db.snapshot_to(tmp_path / "copy.db", vault._key)
    assert not (tmp_path / "copy.db").exists()
    with vault.snapshot(tmp_path) as copy:
        assert copy.database.stat().st_mode & 0o777 == 0o600
        assert copy.key_file.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["home"]  # nothing left


def test_home_resolution(tmp_path: Path) -> None:
    assert resolve_home(tmp_path / "x").folder == tmp_path / "x"
    assert resolve_home(None, {HOME_ENV: str(tmp_path / "y")}).folder == tmp_path / "y"
    assert resolve_home(tmp_path / "x", {HOME_ENV: str(tmp_path / "y")}).folder == tmp_path / "x"
    default = resolve_home(None, {}).folder
    assert default.name == "CableDesk"


def test_a_missing_vault_folder_is_a_vault_error(tmp_path: Path) -> None:
    with pytest.raises(VaultError, match="missing"):
        Vault.unlock(VaultHome(tmp_path / "nowhere"), PASSPHRASE)


# --- a step after the database opened fails: the unlock leaves nothing open -----------


def _closed_and_wiped(vaults: list[Vault]) -> bool:
    return bool(vaults) and all(v.locked and not any(v._key) for v in vaults)


def test_a_failed_upgrade_of_the_key_file_left_the_database_open(
    tmp_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch, opened_vaults: list[Vault]
) -> None:
    home = VaultHome(tmp_path / "old")
    make_format_1_vault(home)

    def broken_save(self: KeyFile, path: Path, *, durable: bool = True) -> None:
        raise RuntimeError("a bug in the writer")

    monkeypatch.setattr(KeyFile, "save", broken_save)
    with pytest.raises(RuntimeError, match="a bug"):
        Vault.unlock(home, PASSPHRASE, now=clock)
    assert _closed_and_wiped(opened_vaults)


def test_a_failed_acceptance_of_a_rollback_left_the_database_open(
    vault: Vault,
    home: VaultHome,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
    opened_vaults: list[Vault],
) -> None:
    vault.lock()
    old = home.database.read_bytes()
    with Vault.unlock(home, PASSPHRASE, now=clock) as v:
        v.audit.append(Event.CONTACT_REVOKED, {"fingerprint": "SHA256:x"})
    home.database.write_bytes(old)
    opened_vaults.clear()

    def broken_append(self: AuditLog, *args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug in the log")

    monkeypatch.setattr(AuditLog, "append", broken_append)
    with pytest.raises(RuntimeError, match="a bug"):
        Vault.accept_rollback(home, PASSPHRASE, reason="on purpose", now=clock)
    assert _closed_and_wiped(opened_vaults)


def test_a_busy_vault_failed_the_unlock_that_upgrades_its_key_file(
    tmp_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The upgrade let a 'busy' VaultError through (another process writing), although
    the next passphrase unlock retries it: the unlock itself must succeed."""
    home = VaultHome(tmp_path / "old")
    make_format_1_vault(home)
    key = KeyFile.load(home.key_file).unwrap(PASSPHRASE)
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 50)
    writer = sqlcipher3.connect(str(home.database), isolation_level=None)
    writer.execute(f"PRAGMA key = \"x'{bytes(key).hex()}'\"")
    writer.execute("PRAGMA cipher_hmac_algorithm = HMAC_SHA512")
    writer.execute("BEGIN IMMEDIATE")  # another process, in the middle of a write
    try:
        with Vault.unlock(home, PASSPHRASE, now=clock) as v:
            assert not v.locked
        assert KeyFile.load(home.key_file).format_id == "cabledesk.vault-key/1"
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    Vault.unlock(home, PASSPHRASE, now=clock).lock()
    assert KeyFile.load(home.key_file).format_id == "cabledesk.vault-key/3"

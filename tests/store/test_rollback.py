"""The vault records its audit head in vault.key and refuses a database older than it."""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlcipher3

from cabledesk.errors import VaultNotRolledBack, VaultRolledBack, WrongPassphrase
from cabledesk.store import database as database_module
from cabledesk.store.audit import Event
from cabledesk.store.audit_head import AuditHead
from cabledesk.store.home import VaultHome
from cabledesk.store.keyfile import FORMAT_1, FORMAT_ID, KeyFile
from cabledesk.store.rollback import META_KEY, recorded_format
from cabledesk.store.vault import Vault
from tests.vaultkit import FAST, PASSPHRASE, Clock, make_format_1_vault

# rounds of the SIGKILL test; CABLEDESK_CRASH_ROUNDS=N runs N
ROUNDS = int(os.environ.get("CABLEDESK_CRASH_ROUNDS", "25"))


def _recorded(home: VaultHome) -> AuditHead | None:
    return KeyFile.load(home.key_file).audit


def _head(vault: Vault) -> tuple[int, bytes]:
    head = vault.audit.head()
    assert head is not None
    return head


def _revoke(vault: Vault, n: int = 1) -> None:
    for i in range(n):
        vault.audit.append(Event.CONTACT_REVOKED, {"fingerprint": f"SHA256:{i}"})


def test_a_new_vault_records_its_first_entry(vault: Vault, home: VaultHome) -> None:
    recorded = _recorded(home)
    assert recorded is not None and (recorded.seq, recorded.hash) == _head(vault)
    assert recorded.mac_matches(vault.vault_id, vault._key)


def test_a_new_vault_records_in_its_database_that_its_key_file_is_format_3(
    vault: Vault,
) -> None:
    assert recorded_format(vault.db) == 3
    assert [e.event for e in vault.audit.entries()] == ["vault created"]  # in that entry


def test_a_format_3_vault_without_the_record_gets_it_at_its_next_opening(
    vault: Vault, home: VaultHome, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A vault made before the record existed, or whose recording was interrupted."""
    vault.db.execute(f"DELETE FROM meta WHERE key = '{META_KEY}'")
    key = bytearray(vault._key)
    vault.lock()
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 50)
    # another process is writing: not now, and no failure either
    with _another_process_writing(home, key), Vault.unlock_with_key(home, key[:], now=clock) as v:
        assert recorded_format(v.db) is None
    with Vault.unlock_with_key(home, key, now=clock) as v:  # the keychain's way in too
        assert recorded_format(v.db) == 3
        entry = v.audit.entries()[0]
        assert (entry.event, entry.details) == ("vault key upgraded", {"format": FORMAT_ID})
        assert _recorded(home) == AuditHead.make(v.vault_id, *_head(v), v._key)
    with Vault.unlock(home, PASSPHRASE, now=clock) as v:  # once
        assert [e.event for e in v.audit.entries()].count("vault key upgraded") == 1


@contextlib.contextmanager
def _another_process_writing(home: VaultHome, key: bytearray) -> Iterator[None]:
    writer = sqlcipher3.connect(str(home.database), isolation_level=None)
    try:
        writer.execute(f"PRAGMA key = \"x'{bytes(key).hex()}'\"")
        writer.execute("PRAGMA cipher_hmac_algorithm = HMAC_SHA256")
        writer.execute("BEGIN IMMEDIATE")
        yield
        writer.execute("ROLLBACK")
    finally:
        writer.close()


def test_every_audited_commit_records_the_new_head_once(
    vault: Vault, home: VaultHome, monkeypatch: pytest.MonkeyPatch
) -> None:
    _revoke(vault)
    assert _recorded(home) == AuditHead.make(vault.vault_id, *_head(vault), vault._key)
    saves: list[int] = []
    real_save = KeyFile.save

    def counting_save(self: KeyFile, path: Path, *, durable: bool = True) -> None:
        assert not durable  # a record alone: the folder is not synced
        saves.append(self.audit.seq if self.audit else 0)
        real_save(self, path, durable=durable)

    monkeypatch.setattr(KeyFile, "save", counting_save)
    with vault.transaction():
        _revoke(vault, 3)
        assert saves == []  # nothing is recorded before the commit
    assert saves == [5] and _recorded(home) is not None
    with pytest.raises(RuntimeError), vault.transaction():
        _revoke(vault)
        raise RuntimeError("rolled back")
    vault.settings  # noqa: B018 (a read: records nothing)
    assert saves == [5]


def test_a_database_copied_back_from_the_past_is_refused(
    vault: Vault, home: VaultHome, tmp_path: Path, clock: Clock
) -> None:
    """The attack: an older vault.db put back (no passphrase needed) undid a
    revocation, and the audit chain of the old copy still verified."""
    vault.lock()
    shutil.copy(home.database, tmp_path / "old.db")
    with Vault.unlock(home, PASSPHRASE, now=clock) as v:
        _revoke(v)
        key = bytearray(v._key)
    shutil.copy(tmp_path / "old.db", home.database)
    with pytest.raises(VaultRolledBack, match="older than the vault's last recorded") as info:
        Vault.unlock(home, PASSPHRASE, now=clock)
    assert "entry 2" in info.value.message and "ends at entry 1" in info.value.message
    assert info.value.hint and "backup" in info.value.hint
    with pytest.raises(VaultRolledBack):  # the keychain's way in checks it too
        Vault.unlock_with_key(home, bytearray(key), now=clock)


def test_a_database_with_another_history_is_refused(
    vault: Vault, home: VaultHome, tmp_path: Path, clock: Clock
) -> None:
    vault.lock()
    shutil.copy(home.database, tmp_path / "fork.db")
    with Vault.unlock(home, PASSPHRASE, now=clock) as v:
        _revoke(v)
    recorded = home.key_file.read_bytes()
    shutil.copy(tmp_path / "fork.db", home.database)
    with Vault.accept_rollback(home, PASSPHRASE, reason="a test", now=clock) as v:
        v.audit.append(Event.CONTACT_VERIFIED, {"fingerprint": "SHA256:x"})  # another entry 3
    home.key_file.write_bytes(recorded)  # the record of the first history's entry 2
    with pytest.raises(VaultRolledBack, match="different history"):
        Vault.unlock(home, PASSPHRASE, now=clock)


def test_an_edited_or_removed_record_is_refused(
    vault: Vault, home: VaultHome, clock: Clock
) -> None:
    vault.lock()
    good = home.key_file.read_bytes()
    for audit, words in [
        (None, "no longer records"),
        ({"seq": 1, "hash": "00" * 32, "mac": "00" * 32}, "not made with this vault's key"),
    ]:
        doc = json.loads(good)
        doc["audit"] = audit
        text = json.dumps(doc, sort_keys=True, separators=(",", ":")) + "\n"
        home.key_file.write_text(text)
        with pytest.raises(VaultRolledBack, match=words):
            Vault.unlock(home, PASSPHRASE, now=clock)
    home.key_file.write_bytes(good)
    Vault.unlock(home, PASSPHRASE, now=clock).lock()


def test_a_crash_between_commit_and_record_is_no_false_alarm(
    vault: Vault, home: VaultHome, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _recorded(home)
    monkeypatch.setattr(Vault, "_record_head", lambda self: None)  # killed right after COMMIT
    _revoke(vault, 2)
    vault.lock()
    monkeypatch.undo()
    assert _recorded(home) == before  # the record lags...
    with Vault.unlock(home, PASSPHRASE, now=clock) as again:  # ...and its entry still exists
        _revoke(again)
        assert _recorded(home) == AuditHead.make(again.vault_id, *_head(again), again._key)


def test_an_unwritable_key_file_does_not_fail_the_operation(
    vault: Vault, home: VaultHome, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cabledesk.errors import InputError

    def full_disk(self: KeyFile, path: Path, *, durable: bool = True) -> None:
        raise InputError("Cannot write vault.key: No space left on device.")

    monkeypatch.setattr(KeyFile, "save", full_disk)
    entry = vault.audit.append(Event.CONTACT_REVOKED, {"fingerprint": "SHA256:1"})
    assert entry.seq == 2 and _head(vault)[0] == 2


def test_the_record_never_moves_backwards(vault: Vault, home: VaultHome, clock: Clock) -> None:
    other = Vault.unlock(home, PASSPHRASE, now=clock)  # a second window on the same vault
    try:
        _revoke(other, 3)
        ahead = _recorded(home)
        assert ahead is not None and ahead.seq == 4
        vault._record_head()  # a late recorder of this window, whose last entry was 1
        assert _recorded(home) == ahead
        _revoke(vault)
        assert _recorded(home) is not None and _recorded(home).seq == 5  # type: ignore[union-attr]
    finally:
        other.lock()


def test_a_rollback_can_be_accepted_and_the_acceptance_is_audited(
    vault: Vault, home: VaultHome, tmp_path: Path, clock: Clock
) -> None:
    vault.lock()
    shutil.copy(home.database, tmp_path / "old.db")
    with Vault.unlock(home, PASSPHRASE, now=clock) as v:
        _revoke(v, 2)
    shutil.copy(tmp_path / "old.db", home.database)
    reason = "put back the copy of 1 December on purpose"
    with pytest.raises(WrongPassphrase):
        Vault.accept_rollback(home, "not the passphrase", reason=reason, now=clock)
    with Vault.accept_rollback(home, PASSPHRASE, reason=reason, now=clock) as v:
        entry = v.audit.entries()[0]
        assert entry.event == "rollback accepted"
        assert (entry.details["recorded"], entry.details["found"]) == (3, 1)
        assert entry.details["reason"] == reason
        assert v.audit.check_chain().ok
    Vault.unlock(home, PASSPHRASE, now=clock).lock()


def test_accepting_a_vault_that_was_not_rolled_back_is_refused_and_changes_nothing(
    vault: Vault, home: VaultHome, clock: Clock, tmp_path: Path
) -> None:
    vault.lock()
    key_file = home.key_file.read_bytes()
    with pytest.raises(VaultNotRolledBack, match="nothing to accept"):
        Vault.accept_rollback(home, PASSPHRASE, reason="just in case", now=clock)
    assert home.key_file.read_bytes() == key_file
    with Vault.unlock(home, PASSPHRASE, now=clock) as v:  # not left open, nothing audited
        assert [e.event for e in v.audit.entries()] == ["vault created"]
    legacy = VaultHome(tmp_path / "legacy")
    make_format_1_vault(legacy)
    before = legacy.key_file.read_bytes()
    with pytest.raises(VaultNotRolledBack):  # no record to be older than
        Vault.accept_rollback(legacy, PASSPHRASE, reason="just in case", now=clock)
    assert legacy.key_file.read_bytes() == before  # not even upgraded


def test_an_old_key_file_is_upgraded_at_the_first_passphrase_unlock_only(
    tmp_path: Path, clock: Clock
) -> None:
    home = VaultHome(tmp_path / "old")
    make_format_1_vault(home)
    key = KeyFile.load(home.key_file).unwrap(PASSPHRASE)
    with Vault.unlock_with_key(home, bytearray(key), now=clock) as v:
        _revoke(v)  # recorded nowhere: format /1 has no record
    assert KeyFile.load(home.key_file).format_id == FORMAT_1
    with Vault.unlock(home, PASSPHRASE, now=clock) as v:
        upgraded = KeyFile.load(home.key_file)
        assert (upgraded.format_id, upgraded.db_hmac) == (FORMAT_ID, "HMAC_SHA512")
        assert upgraded.audit == AuditHead.make(v.vault_id, *_head(v), v._key)
    with Vault.unlock_with_key(home, bytearray(key), now=clock) as v:
        _revoke(v)  # a keychain unlock now keeps the record too
        assert _recorded(home) == AuditHead.make(v.vault_id, *_head(v), v._key)


@pytest.mark.skipif(sys.platform == "win32", reason="fork and SIGKILL")
@pytest.mark.slow
def test_sigkill_after_commits_never_raises_a_false_alarm(tmp_path: Path, clock: Clock) -> None:
    if ROUNDS < 1:
        pytest.skip(f"CABLEDESK_CRASH_ROUNDS={ROUNDS}: no writer was killed")
    home = VaultHome(tmp_path / "home")
    Vault.create(home, PASSPHRASE, params=FAST, now=clock).lock()
    key = bytes(KeyFile.load(home.key_file).unwrap(PASSPHRASE))
    rng = random.Random(20261205)
    for round_ in range(ROUNDS):
        ready, go = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: appends and records until killed
            try:
                v = Vault.unlock_with_key(home, bytearray(key), now=clock)
                _revoke(v)
                os.write(go, b".")  # unlocked and wrote once: on a loaded machine too
                while True:
                    _revoke(v)
            finally:
                os._exit(1)
        os.close(go)
        os.read(ready, 1)
        os.close(ready)
        time.sleep(rng.uniform(0.005, 0.08))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        with Vault.unlock_with_key(home, bytearray(key), now=clock) as v:
            assert v.audit.check_chain().ok, f"round {round_}"
            recorded = _recorded(home)
            assert recorded is not None and recorded.seq <= _head(v)[0]
    with Vault.unlock(home, PASSPHRASE, now=clock) as v:
        assert _head(v)[0] > ROUNDS  # the children did real work

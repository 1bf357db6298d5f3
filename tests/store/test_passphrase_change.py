"""A change of passphrase re-keys the database, and an interrupted one always leaves a
vault that opens: with the new passphrase always, with the old one until the switch."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from cabledesk.errors import VaultError, VaultNotRolledBack, VaultRolledBack, WrongPassphrase
from cabledesk.store.database import Database
from cabledesk.store.home import VaultHome
from cabledesk.store.keychain import SystemKeychain
from cabledesk.store.keyfile import KdfParams, KeyFile
from cabledesk.store.rekey import leftovers
from cabledesk.store.vault import Recovery, Vault
from tests.vaultkit import FAST, PASSPHRASE, Clock, MemoryKeyring

NEW = "a new passphrase for the vault"
# rounds of the SIGKILL test (about 0.6 s each here); CABLEDESK_CRASH_ROUNDS=N runs N
ROUNDS = int(os.environ.get("CABLEDESK_CRASH_ROUNDS", "20"))
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="fork, flock and SIGKILL")


def _fill(vault: Vault, rows: int = 400) -> None:
    with vault.transaction():
        vault.db.executemany(
            "INSERT INTO meta(key, value) VALUES (?, ?)",
            [(f"pad {i}", os.urandom(600).hex()) for i in range(rows)],
        )
    vault.audit.append("contact revoked", {"fingerprint": "SHA256:x"})


def _digest(vault: Vault) -> str:
    rows = vault.db.query("SELECT key, value FROM meta WHERE key LIKE 'pad %' ORDER BY key")
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def _changes(vault: Vault) -> list[str]:
    return [e.event for e in vault.audit.entries() if "passphrase" in e.event]


def test_progress_and_an_old_key_file_opens_nothing(vault: Vault, home: VaultHome) -> None:
    _fill(vault)
    digest = _digest(vault)
    old_key_file = home.key_file.read_bytes()
    seen: list[tuple[int, int]] = []
    vault.change_passphrase(PASSPHRASE, NEW, params=FAST, progress=lambda d, t: seen.append((d, t)))
    assert seen and seen[-1][0] == seen[-1][1] == home.database.stat().st_size
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert _digest(vault) == digest and vault.db.integrity_check() == "ok"
    assert not any(p.exists() for p in leftovers(home.database))
    vault.lock()
    # the attack: an old vault.key and the old (leaked) passphrase
    home.key_file.write_bytes(old_key_file)
    with pytest.raises(VaultError, match="cannot be decrypted"):
        Vault.unlock(home, PASSPHRASE)


def test_another_process_with_the_vault_open_stops_the_change_before_it_starts(
    vault: Vault, home: VaultHome, clock: Clock
) -> None:
    before = home.key_file.read_bytes()
    other = Vault.unlock(home, PASSPHRASE, now=clock)  # another window
    try:
        with pytest.raises(VaultError, match="open in another CableDesk window"):
            vault.change_passphrase(PASSPHRASE, NEW, params=FAST)
    finally:
        other.lock()
    assert home.key_file.read_bytes() == before and not vault.locked
    vault.change_passphrase(PASSPHRASE, NEW, params=FAST)  # alone now


def test_a_failed_copy_undoes_the_change(
    vault: Vault, home: VaultHome, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Database, "snapshot_to", full_disk)
    with pytest.raises(OSError, match="No space"):
        vault.change_passphrase(PASSPHRASE, NEW, params=FAST)
    monkeypatch.undo()
    assert KeyFile.load(home.key_file).pending is None
    vault.audit.append("contact revoked", {"fingerprint": "SHA256:y"})  # still usable
    vault.lock()
    Vault.unlock(home, PASSPHRASE, now=clock).lock()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(home, NEW, now=clock)


def test_a_database_that_cannot_be_reopened_after_the_switch_left_a_dead_vault_open(
    vault: Vault, home: VaultHome, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file was replaced but could not be opened again: the vault stayed
    unlocked, on no connection, with the old key; it is locked, and the next unlock
    with the new passphrase completes the change."""

    def cannot_reopen(self: Database, key: bytes | bytearray) -> None:
        raise VaultError("The vault database cannot be opened: disk I/O error.")

    monkeypatch.setattr(Database, "_reconnect", cannot_reopen)
    with pytest.raises(VaultError, match="disk I/O"):
        vault.change_passphrase(PASSPHRASE, NEW, params=FAST)
    monkeypatch.undo()
    assert vault.locked and not any(vault._key)
    with Vault.unlock(home, NEW, now=clock) as v:
        assert v.recovery is Recovery.FINISHED


def test_the_keychain_is_refreshed_after_a_change(
    vault: Vault, home: VaultHome, clock: Clock
) -> None:
    keychain = SystemKeychain(MemoryKeyring())
    assert not vault.refresh_remembered(keychain)  # nothing remembered: nothing to do
    vault.remember(keychain)
    vault.change_passphrase(PASSPHRASE, NEW, params=FAST)
    stale = keychain.load(vault.vault_id)
    assert stale is not None
    with pytest.raises(VaultError, match="cannot be decrypted"):
        Vault.unlock_with_key(home, stale, now=clock)
    assert vault.refresh_remembered(keychain) and not vault.refresh_remembered(keychain)
    vault.lock()
    key = keychain.load(vault.vault_id)
    assert key is not None
    Vault.unlock_with_key(home, key, now=clock).lock()


# --- crashes at each step, in a child process ----------------------------------------


def _crash_during_change(
    home: VaultHome,
    point: str,
    monkeypatch: pytest.MonkeyPatch,
    *,
    new: str = NEW,
    params: KdfParams = FAST,
) -> None:
    """Change the passphrase to ``new`` in a child that dies (``os._exit``) at ``point``."""
    pid = os.fork()
    if pid:
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 7, "the child did not reach its point"
        return
    try:
        real_replace = Database.replace_file

        def die(*args: object) -> None:
            os._exit(7)

        def die_while_copying(done: int, total: int) -> None:
            if done:
                die()

        def replace_then_die(self: Database, *args: Any) -> None:
            real_replace(self, *args)
            die()

        progress = die_while_copying if point == "copying" else None
        if point == "copied":
            monkeypatch.setattr(Database, "replace_file", die)
        if point == "switched":
            monkeypatch.setattr(Database, "replace_file", replace_then_die)
        vault = Vault.unlock(home, PASSPHRASE)
        vault.change_passphrase(PASSPHRASE, new, params=params, progress=progress)
    finally:
        os._exit(1)


@posix_only
@pytest.mark.parametrize("point", ["copying", "copied"])
def test_interrupted_before_the_switch(
    vault: Vault, home: VaultHome, clock: Clock, monkeypatch: pytest.MonkeyPatch, point: str
) -> None:
    _fill(vault)
    digest = _digest(vault)
    vault.lock()
    _crash_during_change(home, point, monkeypatch)
    assert KeyFile.load(home.key_file).pending is not None
    # the old passphrase opens it and undoes the change
    with Vault.unlock(home, PASSPHRASE, now=clock) as v:
        assert v.recovery is Recovery.UNDONE and "cancelled" in v.recovery.message
        assert _digest(v) == digest and _changes(v) == ["passphrase change undone"]
    assert KeyFile.load(home.key_file).pending is None
    with pytest.raises(WrongPassphrase):
        Vault.unlock(home, NEW, now=clock)
    # again, and this time the new passphrase redoes the re-key
    _crash_during_change(home, point, monkeypatch)
    with Vault.unlock(home, NEW, now=clock) as v:
        assert v.recovery is Recovery.REDONE
        assert _digest(v) == digest and v.audit.check_chain().ok
        assert _changes(v) == ["passphrase changed", "passphrase change undone"]
        assert v.audit.entries()[0].details == {"database": "re-keyed", "resumed": True}
    assert not any(p.exists() for p in leftovers(home.database))
    with pytest.raises(WrongPassphrase):
        Vault.unlock(home, PASSPHRASE, now=clock)
    Vault.unlock(home, NEW, now=clock).lock()


@posix_only
def test_interrupted_after_the_switch(
    vault: Vault, home: VaultHome, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fill(vault)
    digest = _digest(vault)
    vault.lock()
    _crash_during_change(home, "switched", monkeypatch)
    assert KeyFile.load(home.key_file).pending is not None
    with pytest.raises(WrongPassphrase, match="before a change of passphrase") as info:
        Vault.unlock(home, PASSPHRASE, now=clock)
    assert info.value.hint and "new passphrase" in info.value.hint
    with Vault.unlock(home, NEW, now=clock) as v:
        assert v.recovery is Recovery.FINISHED
        assert _digest(v) == digest and _changes(v) == ["passphrase changed"]
    assert KeyFile.load(home.key_file).pending is None
    with Vault.unlock(home, NEW, now=clock) as v:  # the record was re-made under the new key
        assert v.recovery is None


@posix_only
def test_a_resume_waits_while_another_window_has_the_vault_open(
    vault: Vault, home: VaultHome, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = bytearray(vault._key)
    vault.lock()
    _crash_during_change(home, "copied", monkeypatch)
    other = Vault.unlock_with_key(home, bytearray(key), now=clock)  # remembered old key
    try:
        with Vault.unlock(home, NEW, now=clock) as v:
            assert v.recovery is Recovery.POSTPONED and "both" in v.recovery.message
    finally:
        other.lock()
    with Vault.unlock(home, NEW, now=clock) as v:
        assert v.recovery is Recovery.REDONE


@posix_only
def test_a_change_that_is_not_finished_cannot_be_started_again(
    vault: Vault, home: VaultHome, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = bytearray(vault._key)
    vault.lock()
    _crash_during_change(home, "copied", monkeypatch)
    with Vault.unlock_with_key(home, key, now=clock) as v:  # the keychain: no resume
        assert v.recovery is None
        with pytest.raises(VaultError, match="not finished"):
            v.change_passphrase(PASSPHRASE, "a third passphrase", params=FAST)
    assert KeyFile.load(home.key_file).pending is not None


@posix_only
@pytest.mark.parametrize(("point", "passphrase"), [("copied", PASSPHRASE), ("switched", NEW)])
def test_a_failure_while_undoing_or_finishing_a_change_left_the_database_open(
    vault: Vault,
    home: VaultHome,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
    opened_vaults: list[Vault],
    point: str,
    passphrase: str,
) -> None:
    vault.lock()
    _crash_during_change(home, point, monkeypatch)
    opened_vaults.clear()

    def broken_write(self: Vault, *args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug in the writer")

    monkeypatch.setattr(Vault, "_write_key_file", broken_write)
    with pytest.raises(RuntimeError, match="a bug"):
        Vault.unlock(home, passphrase, now=clock)
    assert opened_vaults and all(v.locked and not any(v._key) for v in opened_vaults)
    monkeypatch.undo()
    Vault.unlock(home, passphrase, now=clock).lock()  # nothing was left half done


@posix_only
@pytest.mark.parametrize(
    ("passphrase", "recovery"), [(PASSPHRASE, Recovery.UNDONE), (NEW, Recovery.REDONE)]
)
def test_accepting_a_rollback_while_a_change_is_pending_was_refused_as_rolled_back(
    vault: Vault,
    home: VaultHome,
    clock: Clock,
    monkeypatch: pytest.MonkeyPatch,
    passphrase: str,
    recovery: Recovery,
) -> None:
    """The acceptance went through the resume path, which checked the record and
    refused the database as rolled back again: no way forward but a backup."""
    vault.lock()
    older = home.database.read_bytes()
    with Vault.unlock(home, PASSPHRASE, now=clock) as v:
        v.audit.append("contact revoked", {"fingerprint": "SHA256:x"})
    _crash_during_change(home, "copied", monkeypatch)
    home.database.write_bytes(older)  # an older copy, put back while the change is pending
    with pytest.raises(VaultRolledBack):
        Vault.unlock(home, passphrase, now=clock)
    with Vault.accept_rollback(home, passphrase, reason="on purpose", now=clock) as v:
        assert v.recovery is recovery
        events = [e.event for e in v.audit.entries()]
        assert "rollback accepted" in events and "contact revoked" not in events
    assert KeyFile.load(home.key_file).pending is None
    with Vault.unlock(home, passphrase, now=clock) as v:
        assert v.recovery is None


@posix_only
def test_accepting_a_vault_with_a_pending_change_that_was_not_rolled_back_changes_nothing(
    vault: Vault, home: VaultHome, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault.lock()
    _crash_during_change(home, "switched", monkeypatch)
    before = home.key_file.read_bytes()
    with pytest.raises(VaultNotRolledBack):
        Vault.accept_rollback(home, NEW, reason="just in case", now=clock)
    assert home.key_file.read_bytes() == before
    with Vault.unlock(home, NEW, now=clock) as v:
        assert v.recovery is Recovery.FINISHED


# --- a change to the same passphrase: other Argon2id parameters, and a re-key -----------

STRONGER = KdfParams(FAST.memory_kib, FAST.iterations + 1, FAST.lanes)


def test_a_change_to_the_same_passphrase_re_keys_with_the_new_parameters(
    vault: Vault, home: VaultHome, clock: Clock
) -> None:
    _fill(vault)
    digest, old_key = _digest(vault), bytes(vault._key)
    old_key_file = home.key_file.read_bytes()
    vault.change_passphrase(PASSPHRASE, PASSPHRASE, params=STRONGER)
    assert bytes(vault._key) != old_key and _digest(vault) == digest
    assert KeyFile.load(home.key_file).current.params == STRONGER
    vault.lock()
    with Vault.unlock(home, PASSPHRASE, now=clock) as v:
        assert v.recovery is None and _changes(v) == ["passphrase changed"]
    home.key_file.write_bytes(old_key_file)  # the old file and the (same) passphrase
    with pytest.raises(VaultError, match="cannot be decrypted"):
        Vault.unlock(home, PASSPHRASE, now=clock)


@posix_only
@pytest.mark.parametrize("point", ["copying", "copied", "switched"])
def test_a_change_to_the_same_passphrase_interrupted_after_the_switch_locked_the_vault(
    vault: Vault, home: VaultHome, clock: Clock, monkeypatch: pytest.MonkeyPatch, point: str
) -> None:
    """The current slot opened with the passphrase, the database did not open with
    its key, and the pending slot (under the same passphrase) was never tried: the
    vault was refused with its one passphrase, for good. Every crash point opens."""
    _fill(vault)
    digest = _digest(vault)
    vault.lock()
    _crash_during_change(home, point, monkeypatch, new=PASSPHRASE, params=STRONGER)
    assert KeyFile.load(home.key_file).pending is not None
    switched = point == "switched"
    with Vault.unlock(home, PASSPHRASE, now=clock) as v:
        # before the switch, the change is undone (the passphrase stays, the old cost too)
        assert v.recovery is (Recovery.FINISHED if switched else Recovery.UNDONE)
        assert _digest(v) == digest and v.audit.check_chain().ok
    key_file = KeyFile.load(home.key_file)
    assert key_file.pending is None
    assert key_file.current.params == (STRONGER if switched else FAST)
    with Vault.unlock(home, PASSPHRASE, now=clock) as v:
        assert v.recovery is None


# --- SIGKILL at random moments ------------------------------------------------------------


def _passphrase(n: int) -> str:
    return f"passphrase number {n} of the test"


@posix_only
@pytest.mark.slow
def test_sigkill_at_any_moment_of_a_re_key_leaves_a_vault_that_opens(tmp_path: Path) -> None:
    if ROUNDS < 1:
        pytest.skip(f"CABLEDESK_CRASH_ROUNDS={ROUNDS}: no re-key was killed")
    home = VaultHome(tmp_path / "home")
    with Vault.create(home, _passphrase(0), params=FAST) as vault:
        _fill(vault, rows=1500)  # about 2 MB: the copy takes a while
        digest = _digest(vault)
        start = time.perf_counter()
        vault.change_passphrase(_passphrase(0), _passphrase(1), params=FAST)
        duration = time.perf_counter() - start  # of the change alone, the unlock excluded
    rng = random.Random(20261205)
    current = 1
    outcomes: dict[str, int] = {}
    # The kill falls at a random moment up to ``reach``, which follows the outcomes: a
    # machine busier than when ``duration`` was measured stretches the re-key, and kills
    # that all fell before the switch would say nothing about the moments after it.
    reach = duration * 1.1
    round_ = 0
    while round_ < ROUNDS or (len(outcomes) < min(3, ROUNDS) and round_ < 3 * ROUNDS):
        old, new = _passphrase(current), _passphrase(current + 1)
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            try:
                os.close(read)
                with Vault.unlock(home, old) as v:
                    os.write(write, b"go")
                    v.change_passphrase(old, new, params=FAST)
            finally:
                os._exit(0)
        os.close(write)
        os.read(read, 2)  # the child has unlocked: its change starts now
        os.close(read)
        time.sleep(rng.uniform(0, reach))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        order = [new, old] if rng.random() < 0.5 else [old, new]
        opened = None
        for attempt in order:
            try:
                opened = Vault.unlock(home, attempt)
            except WrongPassphrase:
                continue
            break
        assert opened is not None, f"round {round_}: neither passphrase opens the vault"
        with opened as v:
            assert _digest(v) == digest, f"round {round_}"
            assert v.db.integrity_check() == "ok" and v.audit.check_chain().ok, f"round {round_}"
            outcome = f"{'new' if attempt == new else 'old'} {v.recovery or 'clean'}"
        assert KeyFile.load(home.key_file).pending is None
        current = current + 1 if attempt == new else current
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        reach *= 1.5 if attempt == old else 0.8 if outcome == "new clean" else 1.0
        round_ += 1
    # the kills fell on both sides of the switch, and both passphrases were tried
    assert len(outcomes) >= min(3, ROUNDS), outcomes

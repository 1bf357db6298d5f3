from __future__ import annotations

import pytest
import sqlcipher3

from cabledesk.store.audit import Event
from cabledesk.store.vault import Vault
from tests.vaultkit import Clock


def _fill(vault: Vault, clock: Clock) -> None:
    for i in range(5):
        clock.advance(minutes=1)
        vault.audit.append(Event.CONTACT_IMPORTED, {"fingerprint": f"SHA256:{i}", "n": i})


def test_the_chain_verifies_and_lists_newest_first(vault: Vault, clock: Clock) -> None:
    _fill(vault, clock)
    report = vault.audit.check_chain()
    assert report.ok and report.entries == 6
    entries = vault.audit.entries()
    assert [e.seq for e in entries] == [6, 5, 4, 3, 2, 1]
    assert entries[0].details == {"fingerprint": "SHA256:4", "n": 4}
    assert [e.seq for e in vault.audit.entries(limit=2, before=4)] == [3, 2]


def test_the_table_refuses_updates_and_deletes(vault: Vault, clock: Clock) -> None:
    _fill(vault, clock)
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        vault.db.execute("UPDATE audit SET event = 'x' WHERE seq = 2")
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        vault.db.execute("DELETE FROM audit WHERE seq = 2")


def _without_triggers(vault: Vault, sql: str) -> None:
    vault.db.execute("DROP TRIGGER audit_no_update")
    vault.db.execute("DROP TRIGGER audit_no_delete")
    vault.db.execute(sql)


@pytest.mark.parametrize(
    ("sql", "first", "words"),
    [
        ("UPDATE audit SET details = '{\"n\":99}' WHERE seq = 3", 3, "changed"),
        ("UPDATE audit SET at = '2020-01-01T00:00:00.000000+00:00' WHERE seq = 2", 2, "changed"),
        ("DELETE FROM audit WHERE seq = 4", 4, "missing"),
        ("DELETE FROM audit WHERE seq = 6", None, ""),  # the tail: nothing after it to break
        ("UPDATE audit SET prev = zeroblob(32) WHERE seq = 5", 5, "does not follow"),
    ],
)
def test_the_first_broken_link_is_reported(
    vault: Vault, clock: Clock, sql: str, first: int | None, words: str
) -> None:
    _fill(vault, clock)
    _without_triggers(vault, sql)
    report = vault.audit.check_chain()
    assert report.first_broken == first
    assert words in report.problem

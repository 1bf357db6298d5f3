"""Every earlier schema version, with data in it, migrates to the latest with the data kept."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cabledesk.store._cipher import NEW_VAULT_HMAC as HMAC
from cabledesk.store._schema import LATEST_VERSION, MIGRATIONS
from cabledesk.store.database import Database

KEY = os.urandom(32)

# Rows written at the version that introduced their table, checked after migrating.
SAMPLES: dict[int, list[tuple[str, str]]] = {
    1: [
        ("INSERT INTO meta VALUES ('vault_id', 'v-1')", "SELECT value FROM meta"),
        (
            "INSERT INTO groups(name) VALUES ('EU posts')",
            "SELECT name FROM groups",
        ),
    ],
    2: [
        (
            "INSERT INTO drafts VALUES ('d1', x'00', 'SUBJECT', 'SECRET', 't', 't', 1)",
            "SELECT subject FROM drafts",
        )
    ],
    3: [
        (
            "INSERT INTO archive(id, cable_id, direction, scheme, level, level_tier, banner, "
            "precedence, originator, subject, tags, stored) VALUES (1, 'c1', 'sent', 'us', "
            "'SECRET', 3, 'SECRET', 'ROUTINE', 'PARIS', 'SUBJ', 'PREL', 't')",
            "SELECT cable_id FROM archive",
        ),
        (
            "INSERT INTO archive_text VALUES (1, 'SUBJ', 'zebra body', 'PREL', 'WASHDC', '', '')",
            "SELECT rowid FROM archive_fts WHERE archive_fts MATCH 'zebra'",
        ),
    ],
    4: [
        ("INSERT INTO search_common_terms VALUES ('that')", "SELECT term FROM search_common_terms")
    ],
}


def _schema(db: Database) -> list[tuple[str, str]]:
    rows = db.query("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name")
    return [(name, " ".join(sql.split())) for name, sql in rows]


def test_every_migration_has_its_samples() -> None:
    assert (
        sorted(SAMPLES) == list(range(1, LATEST_VERSION + 1)) == list(range(1, len(MIGRATIONS) + 1))
    )


@pytest.mark.parametrize("start", range(LATEST_VERSION))
def test_migrating_from_every_earlier_version(tmp_path: Path, start: int) -> None:
    fresh = Database(tmp_path / "fresh.db", KEY, hmac=HMAC)
    expected_schema = _schema(fresh)
    fresh.close()

    path = tmp_path / "old.db"
    old = Database(path, KEY, hmac=HMAC, migrate_to=start)
    assert old.user_version() == start
    written = []
    for version in range(1, start + 1):
        for insert, check in SAMPLES[version]:
            old.execute(insert)
            written.append((check, old.query(check)))
    old.close()

    db = Database(path, KEY, hmac=HMAC)
    assert db.user_version() == LATEST_VERSION
    assert _schema(db) == expected_schema
    for check, rows in written:
        assert db.query(check) == rows and rows
    for version in range(start + 1, LATEST_VERSION + 1):  # the new tables work
        for insert, check in SAMPLES[version]:
            db.execute(insert)
            assert db.query(check)
    assert db.integrity_check() == "ok"
    db.close()


def test_a_failing_migration_leaves_the_previous_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cabledesk.store import _schema

    path = tmp_path / "v1.db"
    Database(path, KEY, hmac=HMAC, migrate_to=1).close()
    broken = (*MIGRATIONS[:1], MIGRATIONS[1] + "\nCREATE TABLE drafts (x);")  # fails at the end
    monkeypatch.setattr(_schema, "MIGRATIONS", broken)
    with pytest.raises(Exception, match="already exists"):
        Database(path, KEY, hmac=HMAC, migrate_to=2)
    monkeypatch.undo()
    db = Database(path, KEY, hmac=HMAC, migrate_to=1)
    assert db.user_version() == 1
    assert not db.query("SELECT name FROM sqlite_master WHERE name = 'drafts'")
    db.close()

"""Every earlier schema version, with data in it, migrates to the latest with the data kept.

Also: a migration with a Python step (schema 5 keeps every contact's verification)
is as crash-safe as the SQL ones: a failure or a SIGKILL in the middle of it leaves
the previous version, whole, and the next open migrates it.
"""

from __future__ import annotations

import os
import shutil
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import pytest
import sqlcipher3

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.domain.trust import Trust, TrustState
from cabledesk.errors import VaultError
from cabledesk.store import _schema as schema_module
from cabledesk.store._cipher import NEW_VAULT_HMAC as HMAC
from cabledesk.store._schema import LATEST_VERSION, MIGRATIONS, Migration
from cabledesk.store.contacts import ContactStore
from cabledesk.store.database import Database
from cabledesk.store.keyfile import KeyFile
from tests.vaultkit import PASSPHRASE

LEGACY_VAULT = Path(__file__).parents[1] / "data" / "legacy" / "vault-0.1"

KEY = os.urandom(32)
CARD = ContactCard.from_public_keys(
    name="Ada Lovelace",
    age_recipient=str(Identity.generate("Ada", "X").public().encryption),
    ssh_key=Identity.generate("Ada", "X").public().ssh_line(),
    post="AMEMBASSY LONDON",
)
_FP, _HEX = CARD.fingerprint, CARD.to_bytes().hex()
_CONTACT_ROW = (
    "INSERT INTO contacts(fingerprint, card, name, post, nationality, scheme, clearance, "
    f"self_certified, trust, trust_since, trust_how, added) VALUES ('{_FP}', x'{_HEX}', "
    "'Ada Lovelace', 'AMEMBASSY LONDON', '', 'us', '', 0, 'verified', "
    "'2026-11-24T09:00:00+00:00', 'in person', '2026-11-24T09:00:00+00:00')"
)

# Rows written at the version that introduced their table, checked after migrating.
SAMPLES: dict[int, list[tuple[str, str]]] = {
    1: [
        ("INSERT INTO meta VALUES ('vault_id', 'v-1')", "SELECT value FROM meta"),
        (
            "INSERT INTO groups(name) VALUES ('EU posts')",
            "SELECT name FROM groups",
        ),
        (_CONTACT_ROW, "SELECT name, trust, trust_how FROM contacts"),
        (
            "INSERT INTO identities(fingerprint, name, post, role, scheme, clearance, "
            "nationality, created, signing_key, encryption_key, active) VALUES ('SHA256:me', "
            "'Me', 'POST', '', 'us', '', '', 't', x'00', x'00', 1)",
            "SELECT name FROM identities",
        ),
    ],
    2: [
        (
            "INSERT INTO drafts(id, cable, subject, banner, created, updated, version) "
            "VALUES ('d1', x'00', 'SUBJECT', 'SECRET', 't', 't', 1)",
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
    5: [
        (
            "INSERT INTO contact_history(contact_id, replaced, card, trust, reason) VALUES "
            "((SELECT min(id) FROM contacts), 't', x'00', 'unverified', 'card imported')",
            "SELECT reason FROM contact_history",
        ),
        (
            "UPDATE identities SET card_sequence = 2",
            "SELECT card_sequence, accesses FROM identities",
        ),
    ],
    6: [
        (  # earlier rows: banners of roll-up 1, drafts under drafting rules 1
            "UPDATE drafts SET rules_version = rules_version + 1",
            "SELECT rollup_version, rules_version FROM drafts",
        ),
        (
            "INSERT INTO draft_versions VALUES ('d1', 1, 't', x'00', 'SECRET', 1)",
            "SELECT banner, rollup_version FROM draft_versions",
        ),
        (
            "INSERT INTO archive_banner_history(archive_id, replaced, banner, level, "
            "rollup_version) VALUES ((SELECT min(id) FROM archive), 't', 'SECRET', 'SECRET', 1)",
            "SELECT a.rollup_version, h.banner FROM archive a JOIN archive_banner_history h "
            "ON h.archive_id = a.id",
        ),
    ],
    7: [
        (  # a contact's verified claims and the contact whose keys changed
            "UPDATE contacts SET verified_card = x'00', keys_changed_from = 'SHA256:x'",
            "SELECT verified_card, keys_changed_from FROM contacts",
        ),
    ],
    8: [
        (  # authority block: a security office's key, an attestation, a revocation
            "INSERT INTO authority(id, name, signing_key, nationalities, schemes, created, "
            "anchor) VALUES (1, 'MFA SECURITY OFFICE', x'00', '[]', '[]', '2026-12-01', x'00')",
            "SELECT name, serial FROM authority",
        ),
        (
            "INSERT INTO authority_revocations VALUES ('SHA256:x', 'left-service', '', 't')",
            "SELECT fingerprint, reason FROM authority_revocations",
        ),
        (  # an identity's post-quantum key (NULL for those made before)
            "UPDATE identities SET pq_key = x'00'",
            "SELECT pq_key FROM identities",
        ),
        # --- schema 8, block "directory (user side)" ---
        (
            "INSERT INTO directory_anchors VALUES ('SHA256:a', x'00', 'MFA', '{}', 'hand', 't')",
            "SELECT name, how FROM directory_anchors",
        ),
        (
            "INSERT INTO directory_imports VALUES ('SHA256:a', 3, 'i', 'n', x'00', 't', 1, 0)",
            "SELECT serial FROM directory_imports",
        ),
        (
            "INSERT INTO directory_attestations VALUES ('SHA256:p', 'SHA256:a', 'k', 'SECRET', "
            "'us', 'USA', '[]', '[]', 't', NULL)",
            "SELECT clearance FROM directory_attestations",
        ),
        (
            "INSERT INTO directory_revocations VALUES ('SHA256:r', 'SHA256:a', "
            "'key-compromise', '', 't')",
            "SELECT reason FROM directory_revocations",
        ),
        # --- issue 18: clearance ---
        (
            "INSERT INTO clearance_requests(id, draft_id, text_sha256, sent) VALUES "
            "(1, 'd1', 'ab', 't')",
            "SELECT draft_id, text_sha256, comment FROM clearance_requests",
        ),
        (
            "INSERT INTO clearance_parties VALUES (1, 'SHA256:k', 'Klaus', 'clearer')",
            "SELECT name, part FROM clearance_parties",
        ),
        (
            "INSERT INTO clearance_answers(draft_id, statement, role, fingerprint, name, "
            "text_sha256, made, received) VALUES ('d1', x'00', 'cleared', 'SHA256:k', "
            "'Klaus', 'ab', 't', 't')",
            "SELECT role, comment FROM clearance_answers",
        ),
    ],
    9: [  # block "key rotation": a contact's previous key
        (
            "INSERT INTO contact_rotations VALUES ('SHA256:o', (SELECT min(id) FROM contacts), "
            "'SHA256:n', 't', 't', x'00')",
            "SELECT old_fingerprint, new_fingerprint FROM contact_rotations",
        ),
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
    path = tmp_path / "v1.db"
    Database(path, KEY, hmac=HMAC, migrate_to=1).close()
    second = MIGRATIONS[1]
    assert isinstance(second, str)
    broken = (*MIGRATIONS[:1], second + "\nCREATE TABLE drafts (x);")  # fails at the end
    monkeypatch.setattr(schema_module, "MIGRATIONS", broken)
    with pytest.raises(Exception, match="already exists"):
        Database(path, KEY, hmac=HMAC, migrate_to=2)
    monkeypatch.undo()
    db = Database(path, KEY, hmac=HMAC, migrate_to=1)
    assert db.user_version() == 1
    assert not db.query("SELECT name FROM sqlite_master WHERE name = 'drafts'")
    db.close()


# --- schema 5: the trust model's columns, and verifications kept ---------------------


def _v4_vault(path: Path) -> dict[str, ContactCard]:
    """A schema-4 database with three contacts: verified, unverified, revoked."""
    db = Database(path, KEY, hmac=HMAC, migrate_to=4)
    cards = {}
    for name, state in (("Jane", "verified"), ("Mallory", "unverified"), ("Rex", "revoked")):
        card = ContactCard.from_public_keys(
            name=name,
            age_recipient=str(Identity.generate(name, "X").public().encryption),
            ssh_key=Identity.generate(name, "X").public().ssh_line(),
        )
        if name == "Jane":  # a self-signed /1 card, as CableDesk 0.1 stored them
            jane = Identity.generate(name, "AMEMBASSY PARIS")
            card = ContactCard.parse(_v1_card(jane), now=None)
        db.execute(
            "INSERT INTO contacts(fingerprint, card, name, post, nationality, scheme, clearance, "
            "self_certified, trust, trust_since, trust_how, added) VALUES "
            "(?, ?, ?, '', '', 'us', '', ?, ?, NULL, '', '2026-11-24T09:00:00+00:00')",
            (card.fingerprint, card.to_bytes(), name, int(card.self_certified), state),
        )
        cards[state] = card
    db.close()
    return cards


def _v1_card(identity: Identity) -> bytes:
    from cabledesk.crypto.sshsig import CONTACT_NAMESPACE, sign

    unsigned = ContactCard.from_public_keys(
        name=identity.name,
        age_recipient=str(identity.public().encryption),
        ssh_key=identity.public().ssh_line(),
        post=identity.post,
    )
    body = unsigned.body()
    return body + b"\n" + sign(identity.signing_key, CONTACT_NAMESPACE, body).encode()


def test_schema_5_keeps_every_verification(tmp_path: Path) -> None:
    path = tmp_path / "v4.db"
    cards = _v4_vault(path)
    db = Database(path, KEY, hmac=HMAC)
    store = ContactStore(db)
    for state, card in cards.items():
        contact = store.get(card.fingerprint)
        assert contact is not None and contact.trust.state is TrustState(state)
        assert contact.card.to_bytes() == card.to_bytes()
        assert contact.keys_verified is (state == "verified")
        assert contact.verified_keys == (card.key_set() if state == "verified" else None)
    assert db.query("SELECT DISTINCT card_sequence FROM contacts") == [(0,)]
    db.close()


def test_a_failing_python_step_leaves_version_4(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "v4.db"
    cards = _v4_vault(path)
    migration = MIGRATIONS[4]
    assert isinstance(migration, Migration)

    def half_done(conn: sqlcipher3.Connection) -> None:
        migration.step(conn)  # every row written, then a failure before the version bump
        raise VaultError("the disk is full")

    broken = (*MIGRATIONS[:4], Migration(migration.sql, half_done))
    monkeypatch.setattr(schema_module, "MIGRATIONS", broken)
    with pytest.raises(VaultError, match="disk is full"):
        Database(path, KEY, hmac=HMAC)
    monkeypatch.undo()
    _check_still_version_4(path, cards)


def test_a_card_that_cannot_be_read_stops_the_migration(tmp_path: Path) -> None:
    path = tmp_path / "v4.db"
    _v4_vault(path)
    db = Database(path, KEY, hmac=HMAC, migrate_to=4)
    db.execute("UPDATE contacts SET card = x'00' WHERE name = 'Rex'")
    db.close()
    with pytest.raises(VaultError, match="could not be updated"):
        Database(path, KEY, hmac=HMAC)
    assert Database(path, KEY, hmac=HMAC, migrate_to=4).user_version() == 4


@pytest.mark.skipif(sys.platform == "win32", reason="fork and SIGKILL")
def test_sigkill_in_the_python_step_leaves_version_4(tmp_path: Path) -> None:
    path = tmp_path / "v4.db"
    cards = _v4_vault(path)
    pid = os.fork()
    if pid == 0:  # the child: killed in the middle of the step, after it wrote rows
        try:
            migration = MIGRATIONS[4]
            assert isinstance(migration, Migration)

            def killed(conn: sqlcipher3.Connection) -> None:
                migration.step(conn)
                os.kill(os.getpid(), signal.SIGKILL)

            schema_module.MIGRATIONS = (*MIGRATIONS[:4], Migration(migration.sql, killed))
            Database(path, KEY, hmac=HMAC)
        finally:
            os._exit(3)  # never reached when the kill happened
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    _check_still_version_4(path, cards)


def _check_still_version_4(path: Path, cards: dict[str, ContactCard]) -> None:
    old = Database(path, KEY, hmac=HMAC, migrate_to=4)
    assert old.user_version() == 4
    columns = [row[1] for row in old.query("PRAGMA table_info(contacts)")]
    assert "verified_keys" not in columns and "card_sequence" not in columns
    assert not old.query("SELECT name FROM sqlite_master WHERE name = 'contact_history'")
    assert old.integrity_check() == "ok"
    old.close()
    db = Database(path, KEY, hmac=HMAC)  # the next open migrates, verifications kept
    assert db.user_version() == LATEST_VERSION
    verified = ContactStore(db).get(cards["verified"].fingerprint)
    assert verified is not None and verified.keys_verified
    assert verified.trust == Trust(TrustState.VERIFIED, None, "")
    db.close()


class _LateReader:
    """A connection that, right after it first reads the schema version, lets another
    process migrate the same database (``then``), then goes on: the race of two
    CableDesk processes opening an old vault at once."""

    def __init__(self, conn: sqlcipher3.Connection, then: Callable[[], None]) -> None:
        self._conn = conn
        self._then: Callable[[], None] | None = then

    def execute(self, sql: str, *args: Any) -> Any:
        cursor = self._conn.execute(sql, *args)
        if sql.strip() == "PRAGMA user_version" and self._then is not None:
            rows, then, self._then = cursor.fetchall(), self._then, None
            then()
            return _Rows(rows)
        return cursor

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


class _Rows:
    def __init__(self, rows: list[Any]) -> None:
        self._rows = rows

    def fetchone(self) -> Any:
        return self._rows[0] if self._rows else None

    def fetchall(self) -> list[Any]:
        return self._rows


def test_two_processes_migrating_the_same_old_vault_at_once(tmp_path: Path) -> None:
    """Both read the version before either took the write lock, both ran
    migration 5, and the second failed on 'duplicate column name'."""
    shutil.copytree(LEGACY_VAULT, tmp_path / "vault")
    key_file = KeyFile.load(tmp_path / "vault" / "vault.key")
    key = key_file.unwrap(PASSPHRASE)
    path = tmp_path / "vault" / "vault.db"

    def connect() -> sqlcipher3.Connection:
        conn = sqlcipher3.connect(str(path), isolation_level=None)
        conn.execute(f"PRAGMA key = \"x'{bytes(key).hex()}'\"")
        conn.execute(f"PRAGMA cipher_hmac_algorithm = {key_file.db_hmac}")
        conn.execute("PRAGMA busy_timeout = 10000")
        conn.execute("PRAGMA journal_mode = WAL").fetchall()
        return conn

    first, second = connect(), connect()
    try:
        assert first.execute("PRAGMA user_version").fetchone()[0] == 4
        schema_module.migrate(
            cast(sqlcipher3.Connection, _LateReader(first, lambda: schema_module.migrate(second)))
        )
        for conn in (first, second):
            assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
        columns = [row[1] for row in first.execute("PRAGMA table_info(contacts)")]
        assert columns.count("card_sequence") == 1
    finally:
        first.close()
        second.close()

"""The vault's schema, as forward migrations.

``PRAGMA user_version`` holds the number of migrations applied. Each
migration runs in one transaction together with the version bump, so a
crash mid-way leaves the previous version intact. A migration is SQL, or a
:class:`Migration`: SQL and then a Python step over the data (for what SQL
alone cannot compute, such as the key set of a stored card), both inside that
same transaction. Migrations are never edited once released: a change of
schema is a new migration at the end, and
``tests/store/test_migrations.py`` opens a vault of every earlier version,
with data in it, and checks that it reaches the latest schema with the data
kept.

Text stored for search is plain text inside the encrypted database; the
canonical cable (``cable``) is zlib-compressed canonical JSON.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sqlcipher3

from cabledesk.crypto.contact import ContactCard
from cabledesk.errors import ContactError, VaultError
from cabledesk.store._schema_v8 import V8
from cabledesk.store._schema_v9_rotation import V9_ROTATION

__all__ = ["LATEST_VERSION", "MIGRATIONS", "Migration", "migrate"]


@dataclass(frozen=True, slots=True)
class Migration:
    """SQL, then ``step`` on the connection, in the transaction of the version bump.

    ``step`` runs inside that transaction: it must neither commit nor roll back.
    """

    sql: str
    step: Callable[[sqlcipher3.Connection], None]


_V1_CORE = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE identities (
    id INTEGER PRIMARY KEY,
    fingerprint TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    post TEXT NOT NULL,
    role TEXT NOT NULL,
    email TEXT,
    scheme TEXT NOT NULL,
    clearance TEXT NOT NULL,
    nationality TEXT NOT NULL,
    created TEXT NOT NULL,
    expires TEXT,
    signing_key BLOB NOT NULL,
    encryption_key BLOB NOT NULL,
    active INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE contacts (
    id INTEGER PRIMARY KEY,
    fingerprint TEXT NOT NULL UNIQUE,
    card BLOB NOT NULL,
    name TEXT NOT NULL,
    post TEXT NOT NULL,
    nationality TEXT NOT NULL,
    scheme TEXT NOT NULL,
    clearance TEXT NOT NULL,
    expires TEXT,
    self_certified INTEGER NOT NULL,
    trust TEXT NOT NULL CHECK (trust IN ('unverified', 'verified', 'revoked')),
    trust_since TEXT,
    trust_how TEXT NOT NULL DEFAULT '',
    added TEXT NOT NULL
);
CREATE TABLE groups (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE,
    description TEXT NOT NULL DEFAULT ''
);
CREATE TABLE group_members (
    group_id INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, contact_id)
) WITHOUT ROWID;
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    event TEXT NOT NULL,
    details TEXT NOT NULL,
    prev BLOB NOT NULL,
    hash BLOB NOT NULL
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""

_V2_DRAFTS = """
CREATE TABLE drafts (
    id TEXT PRIMARY KEY,
    cable BLOB NOT NULL,
    subject TEXT NOT NULL,
    banner TEXT NOT NULL,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    version INTEGER NOT NULL
);
CREATE TABLE draft_versions (
    draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    saved TEXT NOT NULL,
    cable BLOB NOT NULL,
    PRIMARY KEY (draft_id, version)
) WITHOUT ROWID;
CREATE INDEX drafts_updated ON drafts(updated);
"""

# The archive is three tables so that searching touches only small rows:
# ``archive`` holds what lists and filters read, ``archive_text`` the indexed
# text (the content table of the FTS5 index), ``archive_cable`` the cable.
_V3_ARCHIVE = """
CREATE TABLE archive (
    id INTEGER PRIMARY KEY,
    cable_id TEXT NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('sent', 'received', 'imported')),
    scheme TEXT NOT NULL,
    level TEXT NOT NULL,
    level_tier INTEGER NOT NULL,
    banner TEXT NOT NULL,
    dtg TEXT,
    precedence TEXT NOT NULL,
    originator TEXT NOT NULL,
    subject TEXT NOT NULL,
    tags TEXT NOT NULL,
    sealed_file TEXT,
    verification TEXT,
    stored TEXT NOT NULL,
    UNIQUE (cable_id, direction)
);
CREATE INDEX archive_dtg ON archive(dtg);
CREATE INDEX archive_direction_dtg ON archive(direction, dtg);
CREATE INDEX archive_level ON archive(level);
CREATE INDEX archive_originator ON archive(originator);
CREATE TABLE archive_cable (
    id INTEGER PRIMARY KEY REFERENCES archive(id) ON DELETE CASCADE,
    cable BLOB NOT NULL
);
CREATE TABLE archive_text (
    id INTEGER PRIMARY KEY REFERENCES archive(id) ON DELETE CASCADE,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    tags TEXT NOT NULL,
    addressees TEXT NOT NULL,
    refs TEXT NOT NULL,
    facets TEXT NOT NULL
);
CREATE VIRTUAL TABLE archive_fts USING fts5(
    subject, body, tags, addressees, refs, facets,
    content = 'archive_text', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '3 4'
);
CREATE TRIGGER archive_fts_insert AFTER INSERT ON archive_text BEGIN
    INSERT INTO archive_fts(rowid, subject, body, tags, addressees, refs, facets)
    VALUES (new.id, new.subject, new.body, new.tags, new.addressees, new.refs, new.facets);
END;
CREATE TRIGGER archive_fts_delete AFTER DELETE ON archive_text BEGIN
    INSERT INTO archive_fts(archive_fts, rowid, subject, body, tags, addressees, refs, facets)
    VALUES ('delete', old.id, old.subject, old.body, old.tags, old.addressees, old.refs,
            old.facets);
END;
CREATE TRIGGER archive_fts_update AFTER UPDATE ON archive_text BEGIN
    INSERT INTO archive_fts(archive_fts, rowid, subject, body, tags, addressees, refs, facets)
    VALUES ('delete', old.id, old.subject, old.body, old.tags, old.addressees, old.refs,
            old.facets);
    INSERT INTO archive_fts(rowid, subject, body, tags, addressees, refs, facets)
    VALUES (new.id, new.subject, new.body, new.tags, new.addressees, new.refs, new.facets);
END;
"""

# Words found in a large share of the archive: searched newest first instead
# of ranked (see cabledesk/store/_common_terms.py).
_V4_COMMON_TERMS = """
CREATE TABLE search_common_terms (term TEXT PRIMARY KEY) WITHOUT ROWID;
"""

# The trust model of contact cards cabledesk.contact/2. Identities: the sequence
# number of their current card and their special accesses (a JSON list of
# text). Contacts: their card's sequence (0 for a /1 card); ``verified_keys``,
# the exact key set the user verified (ContactCard.key_set(): the ssh-ed25519
# line, the age recipient and the post-quantum recipient if any, one a line;
# NULL when not verified); and the history of the cards a contact had before
# its current one, each with the trust it had then and why it was replaced.
_V5_TRUST = """
ALTER TABLE identities ADD COLUMN card_sequence INTEGER NOT NULL DEFAULT 1;
ALTER TABLE identities ADD COLUMN accesses TEXT NOT NULL DEFAULT '[]';
ALTER TABLE contacts ADD COLUMN card_sequence INTEGER NOT NULL DEFAULT 0;
ALTER TABLE contacts ADD COLUMN verified_keys TEXT;
CREATE TABLE contact_history (
    id INTEGER PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    replaced TEXT NOT NULL,
    card BLOB NOT NULL,
    trust TEXT NOT NULL,
    trust_since TEXT,
    trust_how TEXT NOT NULL DEFAULT '',
    verified_keys TEXT,
    reason TEXT NOT NULL
);
CREATE INDEX contact_history_contact ON contact_history(contact_id, id);
"""


def _v5_keep_verifications(conn: sqlcipher3.Connection) -> None:
    """A contact verified before is verified after: its verified key set is the
    key set of its stored card; every contact's card_sequence is its card's."""
    rows = conn.execute("SELECT id, card, trust FROM contacts").fetchall()
    for contact_id, card_bytes, trust in rows:
        try:
            card = ContactCard.parse_covered(bytes(card_bytes))
        except ContactError as exc:
            raise VaultError(
                f"The vault could not be updated: the stored card of contact {contact_id} "
                f"cannot be read ({exc.message}).",
                hint="Restore the vault from a backup.",
            ) from None
        conn.execute(
            "UPDATE contacts SET card_sequence = ?, verified_keys = ? WHERE id = ?",
            (card.sequence, card.key_set() if trust == "verified" else None, contact_id),
        )


# Banners follow the roll-up rules (cabledesk/domain/rollup.py). Each stored banner
# records the version of the rules that computed it (``rollup_version``: 1 for every
# banner stored before, the only rules there were); an opening recomputes those older
# than the current rules (cabledesk/store/banner_upgrade.py), keeping a banner it
# replaces: a draft's as an earlier version (``draft_versions`` now keeps the banner
# each version had, NULL for versions saved before), an archive entry's in
# ``archive_banner_history``. A draft records the version of the drafting rules it was
# created under (``rules_version``: 1 for the drafts made before).
_V6_ROLLUP = """
ALTER TABLE drafts ADD COLUMN rollup_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE drafts ADD COLUMN rules_version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE draft_versions ADD COLUMN banner TEXT;
ALTER TABLE draft_versions ADD COLUMN rollup_version INTEGER;
ALTER TABLE archive ADD COLUMN rollup_version INTEGER NOT NULL DEFAULT 1;
CREATE TABLE archive_banner_history (
    id INTEGER PRIMARY KEY,
    archive_id INTEGER NOT NULL REFERENCES archive(id) ON DELETE CASCADE,
    replaced TEXT NOT NULL,
    banner TEXT NOT NULL,
    level TEXT NOT NULL,
    rollup_version INTEGER NOT NULL
);
CREATE INDEX archive_banner_history_entry ON archive_banner_history(archive_id, id);
"""

# Trust in contacts, second step. ``verified_card``: the card (bytes) whose claims
# the user verified — name, post, clearance, nationality, scheme, expiry, accesses —,
# which the release policy keeps using until a newer card's changed claims are
# verified in turn (NULL when not verified). ``keys_changed_from``: the fingerprint of
# the contact of the same name whose keys the user had verified, when this contact's
# card came with other keys ("keys changed since you verified them"; NULL otherwise).
_V7_CLAIMS = """
ALTER TABLE contacts ADD COLUMN verified_card BLOB;
ALTER TABLE contacts ADD COLUMN keys_changed_from TEXT;
UPDATE contacts SET verified_card = card WHERE verified_keys IS NOT NULL;
"""


MIGRATIONS: tuple[str | Migration, ...] = (
    _V1_CORE,
    _V2_DRAFTS,
    _V3_ARCHIVE,
    _V4_COMMON_TERMS,
    Migration(_V5_TRUST, _v5_keep_verifications),
    _V6_ROLLUP,
    _V7_CLAIMS,
    V8,  # schema 8: every schema-8 block (_schema_v8.py)
    V9_ROTATION,  # schema 9: key rotation (contact_rotations)
)
LATEST_VERSION = len(MIGRATIONS)


def migrate(conn: sqlcipher3.Connection, target: int = LATEST_VERSION) -> None:
    """Apply the migrations from the database's version up to ``target``.

    Two processes may open an old vault at once: each migration reads the version
    again under the write lock and skips what the other process applied meanwhile.
    Raises VaultError for a vault made by a newer CableDesk.
    """
    while _version(conn) < target:
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = _version(conn)  # under the write lock: the one that counts
            if current < target:
                _apply(conn, current + 1)
                conn.execute(f"PRAGMA user_version = {current + 1}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise


def _version(conn: sqlcipher3.Connection) -> int:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if version > LATEST_VERSION:
        raise VaultError(
            f"This vault was made by a newer version of CableDesk (schema {version}).",
            hint="Install the newer CableDesk to open it.",
        )
    return version


def _apply(conn: sqlcipher3.Connection, version: int) -> None:
    """Migration ``version``, inside the caller's transaction."""
    migration = MIGRATIONS[version - 1]
    script = migration if isinstance(migration, str) else migration.sql
    # statement by statement: executescript() would commit the transaction first
    for statement in _statements(script):
        conn.execute(statement)
    if isinstance(migration, Migration):
        migration.step(conn)


def _statements(script: str) -> list[str]:
    """The statements of ``script``, each whole (a trigger's body included)."""
    statements: list[str] = []
    start = 0
    for end, char in enumerate(script):
        if char == ";" and sqlcipher3.complete_statement(script[start : end + 1]):
            statements.append(script[start : end + 1].strip())
            start = end + 1
    if script[start:].strip():
        raise ValueError("a migration ends with an incomplete statement")
    return statements

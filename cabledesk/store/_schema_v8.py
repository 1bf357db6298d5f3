"""Schema 8 of the vault's database, in blocks: the security office's key (authority),
post-quantum keys, the directory (user side), and the clearance record. :data:`V8` is
the migration: the blocks in that order."""

from __future__ import annotations

__all__ = ["V8"]

# --- schema 8, authority block (issue 16, the security office's side) -------------
# A security office's signing key, kept like the identities' keys: inside the
# encrypted database only, usable after unlock. ``authority`` has at most one row:
# the office's name, its Ed25519 private key (raw 32 bytes), its scope (JSON lists of
# nationalities and schemes, empty: no limit), when it was made, its issued anchor
# (the .anchor file's bytes), the serial of the last directory published (0: none
# yet) and when. ``authority_attestations``: one per attested key (re-attesting a
# fingerprint replaces its row), the card's text as given and the attributes;
# ``authority_revocations``: one per revoked key. JSON lists are sorted.
_V8_AUTHORITY = """
CREATE TABLE authority (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    signing_key BLOB NOT NULL,
    nationalities TEXT NOT NULL,
    schemes TEXT NOT NULL,
    created TEXT NOT NULL,
    anchor BLOB NOT NULL,
    serial INTEGER NOT NULL DEFAULT 0,
    published TEXT
);
CREATE TABLE authority_attestations (
    fingerprint TEXT PRIMARY KEY,
    card TEXT NOT NULL,
    clearance TEXT NOT NULL,
    scheme TEXT NOT NULL,
    nationality TEXT NOT NULL,
    accesses TEXT NOT NULL,
    roles TEXT NOT NULL,
    attested TEXT NOT NULL,
    expires TEXT
) WITHOUT ROWID;
CREATE TABLE authority_revocations (
    fingerprint TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    text TEXT NOT NULL,
    revoked TEXT NOT NULL
) WITHOUT ROWID;
"""
# --- end of the schema 8 authority block ------------------------------------------
# --- schema 8, post-quantum block (issue 17) -----------------------------------------
# Post-quantum encryption. ``pq_key``: the 32-byte seed of the identity's hybrid
# ML-KEM-768 + X25519 age key (AGE-SECRET-KEY-PQ-1…), NULL for an identity made before
# it had one (``identity upgrade`` adds it).
_V8_POST_QUANTUM = """
ALTER TABLE identities ADD COLUMN pq_key BLOB;
"""
# --- end of the post-quantum block ---------------------------------------------------
# --- schema 8, block "directory (user side)", issue 16 -------------------------------
# The security offices' anchors the user trusts (the anchor file as read, its name and
# scope, how the user verified it and when), the last directory imported from each
# (serial, issued, next update, SHA-256 of its bytes, counts), and what that directory
# says: attestations per key fingerprint (with the key set of the attested card) and
# revocations. Removing an anchor removes what it said (ON DELETE CASCADE).
_V8_DIRECTORY = """
CREATE TABLE directory_anchors (
    fingerprint TEXT PRIMARY KEY,
    anchor BLOB NOT NULL,
    name TEXT NOT NULL,
    scope TEXT NOT NULL,
    how TEXT NOT NULL,
    trusted TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE directory_imports (
    anchor TEXT PRIMARY KEY REFERENCES directory_anchors(fingerprint) ON DELETE CASCADE,
    serial INTEGER NOT NULL,
    issued TEXT NOT NULL,
    next_update TEXT NOT NULL,
    sha256 BLOB NOT NULL,
    imported TEXT NOT NULL,
    entries INTEGER NOT NULL,
    revocations INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE directory_attestations (
    fingerprint TEXT NOT NULL,
    anchor TEXT NOT NULL REFERENCES directory_anchors(fingerprint) ON DELETE CASCADE,
    keys TEXT NOT NULL,
    clearance TEXT NOT NULL,
    scheme TEXT NOT NULL,
    nationality TEXT NOT NULL,
    accesses TEXT NOT NULL,
    roles TEXT NOT NULL,
    attested TEXT NOT NULL,
    expires TEXT,
    PRIMARY KEY (fingerprint, anchor)
) WITHOUT ROWID;
CREATE INDEX directory_attestations_anchor ON directory_attestations(anchor);
CREATE TABLE directory_revocations (
    fingerprint TEXT NOT NULL,
    anchor TEXT NOT NULL REFERENCES directory_anchors(fingerprint) ON DELETE CASCADE,
    reason TEXT NOT NULL,
    text TEXT NOT NULL,
    revoked TEXT NOT NULL,
    PRIMARY KEY (fingerprint, anchor)
) WITHOUT ROWID;
CREATE INDEX directory_revocations_anchor ON directory_revocations(anchor);
"""
# --- end of block "directory (user side)" ---------------------------------------------
# --- issue 18: clearance (the cable's life) ---------------------------------------------
# A draft's clearance record. ``clearance_requests``: each request sent for a draft (the
# clearance hash of the text sent, when, the comment); ``clearance_parties``: whom it went
# to, as clearer or approver (fingerprint and the name the user's contact record gave
# then). ``clearance_answers``: every statement recorded on the draft (the drafter's own
# ``drafted`` included): its bytes exactly as signed, and what it says (role, signer,
# the hash it covers, comment), and when it was received. A draft with a request is "in
# clearance". No foreign key to ``drafts``: the record outlives the draft it was made on.
_V8_CLEARANCE = """
CREATE TABLE clearance_requests (
    id INTEGER PRIMARY KEY,
    draft_id TEXT NOT NULL,
    text_sha256 TEXT NOT NULL,
    sent TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT ''
);
CREATE INDEX clearance_requests_draft ON clearance_requests(draft_id, id);
CREATE TABLE clearance_parties (
    request_id INTEGER NOT NULL REFERENCES clearance_requests(id) ON DELETE CASCADE,
    fingerprint TEXT NOT NULL,
    name TEXT NOT NULL,
    part TEXT NOT NULL CHECK (part IN ('clearer', 'approver')),
    PRIMARY KEY (request_id, fingerprint, part)
) WITHOUT ROWID;
CREATE TABLE clearance_answers (
    id INTEGER PRIMARY KEY,
    draft_id TEXT NOT NULL,
    statement BLOB NOT NULL,
    role TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    name TEXT NOT NULL,
    text_sha256 TEXT NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    made TEXT NOT NULL,
    received TEXT NOT NULL,
    UNIQUE (draft_id, statement)
);
CREATE INDEX clearance_answers_draft ON clearance_answers(draft_id, id);
"""
# --- end of issue 18 -----------------------------------------------------------------------

V8 = _V8_AUTHORITY + _V8_POST_QUANTUM + _V8_DIRECTORY + _V8_CLEARANCE

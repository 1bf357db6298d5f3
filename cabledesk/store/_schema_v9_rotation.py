"""Schema 9, block "key rotation" (issue 16: a new card signed by the previous key),
for :mod:`cabledesk.store._schema`."""

from __future__ import annotations

__all__ = ["V9_ROTATION"]

# A contact continued across an identity-key rotation keeps its row (id, trust, groups,
# history); its fingerprint and card become the new ones. Each key it had before is
# recorded here: ``old_fingerprint`` (never a contact's key again), the contact,
# ``new_fingerprint`` (the key that replaced it), ``rotated`` (the statement's time:
# what the old key signs after it is not trusted), when it was imported, and the
# statement (the .rotation file's bytes, signed by the old key).
V9_ROTATION = """
CREATE TABLE contact_rotations (
    old_fingerprint TEXT PRIMARY KEY,
    contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    new_fingerprint TEXT NOT NULL,
    rotated TEXT NOT NULL,
    imported TEXT NOT NULL,
    statement BLOB NOT NULL
) WITHOUT ROWID;
CREATE INDEX contact_rotations_contact ON contact_rotations(contact_id);
"""

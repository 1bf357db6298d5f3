"""Contacts continued across an identity-key rotation (a new card signed by the previous key).

The contact keeps its row — id, trust, groups, history, verified claims — and takes
the new card and fingerprint (:meth:`RotationStore.continue_contact`); its previous
card goes to its history, and its previous key to ``contact_rotations`` with the
statement that replaced it. A previous key is never a contact's key again
(:meth:`RotationStore.superseded` finds it, for verdicts of what it signed and to
refuse a replayed card or statement).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.rotation import RotationStatement
from cabledesk.domain.trust import TrustState
from cabledesk.store.contacts import Contact
from cabledesk.store.database import Database

__all__ = ["RotationStore", "SupersededKey"]

_CARD_COLUMNS = (
    "card", "name", "post", "nationality", "scheme", "clearance", "expires", "self_certified",
    "card_sequence",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class SupersededKey:
    """A contact's previous key: which contact has it now (``fingerprint``: its current
    key), the key that replaced it, and when (the statement's time)."""

    old_fingerprint: str
    fingerprint: str
    new_fingerprint: str
    rotated: datetime


def _t(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


class RotationStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def continue_contact(
        self, contact: Contact, card: ContactCard, statement: RotationStatement, when: datetime
    ) -> None:
        """``contact`` (whose current key signed ``statement``) continues under ``card``:
        its row takes the new card and fingerprint; its previous card goes to its history
        with the trust it had; its previous key is recorded as superseded. A contact the
        user verified stays verified: the verified keys become the card's (the previous
        key binds them); the verified claims stay those the user verified."""
        old = contact.card
        verified = contact.trust.state is TrustState.VERIFIED and contact.keys_verified
        expires = card.expires
        with self._db.transaction():
            self._db.execute(
                "INSERT INTO contact_history(contact_id, replaced, card, trust, trust_since, "
                "trust_how, verified_keys, reason) SELECT id, ?, card, trust, trust_since, "
                "trust_how, verified_keys, ? FROM contacts WHERE id = ?",
                (
                    _t(when),
                    f"key rotation: replaced by {card.fingerprint}, signed by the previous key",
                    contact.id,
                ),
            )
            values = (
                card.to_bytes(), card.name, card.post, card.nationality, card.scheme,
                card.clearance, _t(expires), int(card.self_certified), card.sequence,
            )  # fmt: skip
            assignments = ", ".join(f"{c} = ?" for c in _CARD_COLUMNS)
            self._db.execute(
                f"UPDATE contacts SET fingerprint = ?, {assignments} WHERE id = ?",
                (card.fingerprint, *values, contact.id),
            )
            if verified:  # else the verified keys stay, and differ from the card's
                self._db.execute(
                    "UPDATE contacts SET verified_keys = ? WHERE id = ?",
                    (card.key_set(), contact.id),
                )
            self._db.execute(
                "INSERT INTO contact_rotations(old_fingerprint, contact_id, new_fingerprint, "
                "rotated, imported, statement) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    old.fingerprint,
                    contact.id,
                    card.fingerprint,
                    _t(statement.created),
                    _t(when),
                    statement.to_bytes(),
                ),
            )

    def remove_duplicate(self, contact_id: int) -> None:
        """Delete a contact (an unverified copy of the card a rotation continues with;
        its history and group memberships go with it)."""
        self._db.execute("DELETE FROM contacts WHERE id = ?", (contact_id,))

    def superseded(self, fingerprint: str) -> SupersededKey | None:
        """The record of ``fingerprint`` if it is a contact's previous key, else None."""
        row = self._db.query_one(
            "SELECT r.old_fingerprint, c.fingerprint, r.new_fingerprint, r.rotated "
            "FROM contact_rotations r JOIN contacts c ON c.id = r.contact_id "
            "WHERE r.old_fingerprint = ?",
            (fingerprint,),
        )
        if row is None:
            return None
        old, current, new, rotated = row
        return SupersededKey(str(old), str(current), str(new), datetime.fromisoformat(rotated))

    def all_superseded(self) -> set[str]:
        """The fingerprint of every contact's previous key (never a contact's key again)."""
        return {str(r[0]) for r in self._db.query("SELECT old_fingerprint FROM contact_rotations")}

    def previous_keys(self, contact_id: int) -> list[SupersededKey]:
        """Every previous key of a contact, oldest rotation first."""
        rows = self._db.query(
            "SELECT r.old_fingerprint, c.fingerprint, r.new_fingerprint, r.rotated "
            "FROM contact_rotations r JOIN contacts c ON c.id = r.contact_id "
            "WHERE r.contact_id = ? ORDER BY r.rotated, r.imported",
            (contact_id,),
        )
        return [
            SupersededKey(str(o), str(c), str(n), datetime.fromisoformat(t)) for o, c, n, t in rows
        ]

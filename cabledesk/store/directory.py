"""The directory in the vault: trusted anchors, the last directory of each, what it says.

Per trusted anchor (:class:`TrustedAnchor`: the ``.anchor`` file as read, how the user
verified it and when), the last directory imported from it (:class:`DirectoryImport`:
serial, issued, next update, SHA-256 of its bytes, counts), and that directory's
attestations and revocations by key fingerprint. An import replaces the anchor's
attestations and revocations with the directory's in one statement each (a directory
is the office's whole current list). Removing an anchor removes everything it said.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from cabledesk.crypto.anchor import Anchor
from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.directory import DirectoryEntry, Revocation
from cabledesk.domain.attestation import Attestation, KeyRevocation
from cabledesk.domain.trust import Trust, TrustState
from cabledesk.store.database import Database, Row

__all__ = [
    "DIRECTORY_COLUMNS",
    "DIRECTORY_JOINS",
    "DirectoryImport",
    "DirectorySays",
    "DirectoryStore",
    "TrustedAnchor",
]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


@dataclass(frozen=True, slots=True)
class TrustedAnchor:
    anchor: Anchor
    how: str
    trusted: datetime

    @property
    def fingerprint(self) -> str:
        return self.anchor.fingerprint

    @property
    def name(self) -> str:
        return self.anchor.name


@dataclass(frozen=True, slots=True)
class DirectoryImport:
    anchor: str  # fingerprint
    serial: int
    issued: datetime
    next_update: datetime
    sha256: bytes
    imported: datetime
    entries: int
    revocations: int


def _t(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _names(values: tuple[str, ...]) -> str:
    return json.dumps(list(values))


def _memo(function: Callable[[K], V]) -> Callable[[K], V]:
    """``function`` remembering its results (for one import's values)."""
    known: dict[K, V] = {}

    def memo(value: K) -> V:
        try:
            return known[value]
        except KeyError:
            result = known[value] = function(value)
            return result

    return memo


def _d(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


# Columns of an attestation / a revocation joined with its anchor's name: the contact
# store reads them beside each contact (see cabledesk.store.contacts).
ATTESTATION_COLUMNS = (
    "a.name, t.anchor, t.keys, t.clearance, t.scheme, t.nationality, t.accesses, t.roles, "
    "t.attested, t.expires"
)
REVOCATION_COLUMNS = "ra.name, r.anchor, r.reason, r.text, r.revoked"


def attestation_of(row: Row) -> Attestation | None:
    """An attestation from the :data:`ATTESTATION_COLUMNS` of a row (None if NULL)."""
    name, anchor, keys, clearance, scheme, nationality, accesses, roles, attested, expires = row
    if anchor is None:
        return None
    return Attestation(
        name,
        anchor,
        keys,
        clearance,
        scheme,
        nationality,
        tuple(json.loads(accesses)),
        tuple(json.loads(roles)),
        datetime.fromisoformat(attested),
        _d(expires),
    )


def revocation_of(row: Row) -> KeyRevocation | None:
    """A revocation from the :data:`REVOCATION_COLUMNS` of a row (None if NULL)."""
    name, anchor, reason, text, revoked = row
    if anchor is None:
        return None
    return KeyRevocation(name, anchor, reason, text, datetime.fromisoformat(revoked))


# Each contact (``c``) with the attestation (the latest) and the revocation (the earliest)
# that a trusted anchor's directory holds for its key, if any. A revocation of one of the
# contact's *previous* keys (a key-rotation statement continued the contact from it)
# counts too, unless it only says the key was superseded: a key revoked as compromised
# may have signed the rotation itself, and the statement's date is its signer's claim.
DIRECTORY_COLUMNS = f"{ATTESTATION_COLUMNS}, {REVOCATION_COLUMNS}"
DIRECTORY_JOINS = (
    "LEFT JOIN directory_attestations t ON t.fingerprint = c.fingerprint AND t.anchor = "
    "(SELECT anchor FROM directory_attestations WHERE fingerprint = c.fingerprint "
    "ORDER BY attested DESC, anchor LIMIT 1) "
    "LEFT JOIN directory_anchors a ON a.fingerprint = t.anchor "
    "LEFT JOIN directory_revocations r ON (r.fingerprint, r.anchor) = ("
    "SELECT fingerprint, anchor FROM ("
    "SELECT fingerprint, anchor, revoked FROM directory_revocations "
    "WHERE fingerprint = c.fingerprint "
    "UNION ALL SELECT dr.fingerprint, dr.anchor, dr.revoked FROM contact_rotations cr "
    "JOIN directory_revocations dr ON dr.fingerprint = cr.old_fingerprint "
    "WHERE cr.contact_id = c.id AND dr.reason <> 'superseded'"
    ") ORDER BY revoked, anchor LIMIT 1) "
    "LEFT JOIN directory_anchors ra ON ra.fingerprint = r.anchor"
)


@dataclass(frozen=True, slots=True)
class DirectorySays:
    """What the trusted anchors say of a contact, and the trust that results.

    An attestation counts only if it covers the card's exact keys and has not
    expired; it makes a contact the user has not verified verified ("attested by
    …"). A revocation wins over everything, the user's own verification included.
    """

    trust: Trust
    attestation: Attestation | None
    revocation: KeyRevocation | None
    by_anchor: bool

    @classmethod
    def of(cls, row: Row, card: ContactCard, trust: Trust, now: datetime | None) -> DirectorySays:
        """From the :data:`DIRECTORY_COLUMNS` of a contact's row."""
        attestation = attestation_of(row[:10])
        revocation = revocation_of(row[10:15])
        if attestation is not None and (
            attestation.keys != card.key_set()
            or (now is not None and not attestation.valid_at(now))
        ):
            attestation = None  # it attests other keys than the card's, or it expired
        if revocation is not None:
            return cls(
                Trust(
                    TrustState.REVOKED, revocation.revoked, revocation.how, revocation.anchor_name
                ),
                attestation,
                revocation,
                False,
            )
        if attestation is not None and trust.state is TrustState.UNVERIFIED:
            verified = Trust(
                TrustState.VERIFIED,
                attestation.attested,
                attestation.source,
                attestation.anchor_name,
            )
            return cls(verified, attestation, None, True)
        return cls(trust, attestation, None, False)


class DirectoryStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    # --- anchors ---

    def trust(self, anchor: Anchor, how: str, when: datetime) -> None:
        """Pin ``anchor`` (or record again how it was verified, if pinned)."""
        scope = {
            "nationalities": list(anchor.scope.nationalities),
            "schemes": list(anchor.scope.schemes),
        }
        self._db.execute(
            "INSERT INTO directory_anchors(fingerprint, anchor, name, scope, how, trusted) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(fingerprint) DO UPDATE SET "
            "anchor = excluded.anchor, name = excluded.name, scope = excluded.scope, "
            "how = excluded.how, trusted = excluded.trusted",
            (anchor.fingerprint, anchor.to_bytes(), anchor.name, json.dumps(scope), how, _t(when)),
        )

    def untrust(self, fingerprint: str) -> None:
        """Remove an anchor and everything it said (its import, attestations, revocations)."""
        self._db.execute("DELETE FROM directory_anchors WHERE fingerprint = ?", (fingerprint,))

    def anchors(self) -> list[TrustedAnchor]:
        rows = self._db.query(
            "SELECT anchor, how, trusted FROM directory_anchors ORDER BY name, fingerprint"
        )
        return [
            TrustedAnchor(Anchor.parse(bytes(data)), how, datetime.fromisoformat(trusted))
            for data, how, trusted in rows
        ]

    def anchor(self, fingerprint: str) -> TrustedAnchor | None:
        return next((a for a in self.anchors() if a.fingerprint == fingerprint), None)

    def any_anchor(self) -> bool:
        return self._db.query_one("SELECT 1 FROM directory_anchors LIMIT 1") is not None

    # --- imports ---

    def last_import(self, anchor: str) -> DirectoryImport | None:
        row = self._db.query_one(
            "SELECT anchor, serial, issued, next_update, sha256, imported, entries, revocations "
            "FROM directory_imports WHERE anchor = ?",
            (anchor,),
        )
        if row is None:
            return None
        fp, serial, issued, next_update, sha256, imported, entries, revocations = row
        return DirectoryImport(
            fp,
            int(serial),
            datetime.fromisoformat(issued),
            datetime.fromisoformat(next_update),
            bytes(sha256),
            datetime.fromisoformat(imported),
            int(entries),
            int(revocations),
        )

    def imported_digest(self, sha256: bytes) -> str | None:
        """The anchor whose last imported directory has these bytes' SHA-256, if any."""
        row = self._db.query_one("SELECT anchor FROM directory_imports WHERE sha256 = ?", (sha256,))
        return None if row is None else str(row[0])

    def record_import(self, record: DirectoryImport, revocations: Iterable[Revocation]) -> None:
        """Replace ``record.anchor``'s import and revocations, and remove its
        attestations: :meth:`add_attestations` then adds the directory's. Call inside
        a transaction."""
        anchor = record.anchor
        self._db.execute(
            "INSERT OR REPLACE INTO directory_imports(anchor, serial, issued, next_update, "
            "sha256, imported, entries, revocations) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                anchor,
                record.serial,
                _t(record.issued),
                _t(record.next_update),
                record.sha256,
                _t(record.imported),
                record.entries,
                record.revocations,
            ),
        )
        self._db.execute("DELETE FROM directory_attestations WHERE anchor = ?", (anchor,))
        self._db.execute("DELETE FROM directory_revocations WHERE anchor = ?", (anchor,))
        t = _memo(_t)
        self._db.executemany(
            "INSERT INTO directory_revocations(fingerprint, anchor, reason, text, revoked) "
            "VALUES (?, ?, ?, ?, ?)",
            [(r.fingerprint, anchor, r.reason, r.text, t(r.revoked)) for r in revocations],
        )

    def add_attestations(self, anchor: str, entries: Iterable[tuple[DirectoryEntry, str]]) -> None:
        """Record ``anchor``'s attestation of each entry, with the key set of its card
        (after :meth:`record_import`). Call inside a transaction."""
        # a directory repeats a few times and lists thousands of times: each written once
        t, names = _memo(_t), _memo(_names)
        self._db.executemany(
            "INSERT INTO directory_attestations(fingerprint, anchor, keys, clearance, scheme, "
            "nationality, accesses, roles, attested, expires) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    e.fingerprint,
                    anchor,
                    keys,
                    e.clearance,
                    e.scheme,
                    e.nationality,
                    names(e.accesses),
                    names(e.roles),
                    t(e.attested),
                    t(e.expires),
                )
                for e, keys in entries
            ],
        )

    def continue_contact(self, old: str, new: str, *, when: datetime, reason: str) -> None:
        """The contact of key ``new`` continues the contact of key ``old`` (a key
        rotation a trusted anchor attests): the old card goes to the new contact's
        history, and the new contact joins the old one's groups."""
        self._db.execute(
            "INSERT INTO contact_history(contact_id, replaced, card, trust, trust_since, "
            "trust_how, verified_keys, reason) SELECT n.id, ?, o.card, o.trust, o.trust_since, "
            "o.trust_how, o.verified_keys, ? FROM contacts o, contacts n "
            "WHERE o.fingerprint = ? AND n.fingerprint = ?",
            (_t(when), reason, old, new),
        )
        self._db.execute(
            "INSERT OR IGNORE INTO group_members(group_id, contact_id) SELECT m.group_id, n.id "
            "FROM group_members m JOIN contacts o ON o.id = m.contact_id, contacts n "
            "WHERE o.fingerprint = ? AND n.fingerprint = ?",
            (old, new),
        )

    # --- what the anchors say ---

    def attestations(self, anchor: str) -> dict[str, Attestation]:
        """Every attestation of ``anchor``, by fingerprint."""
        rows = self._db.query(
            f"SELECT t.fingerprint, {ATTESTATION_COLUMNS} FROM directory_attestations t "
            "JOIN directory_anchors a ON a.fingerprint = t.anchor WHERE t.anchor = ?",
            (anchor,),
        )
        result: dict[str, Attestation] = {}
        for row in rows:
            attestation = attestation_of(row[1:])
            assert attestation is not None
            result[str(row[0])] = attestation
        return result

    def revoked_trust(self, fingerprint: str) -> Trust | None:
        """REVOKED if a trusted anchor revokes this key (a stranger's too), else None."""
        r = self.revocation(fingerprint)
        return None if r is None else Trust(TrustState.REVOKED, r.revoked, r.how, r.anchor_name)

    def revocation(self, fingerprint: str) -> KeyRevocation | None:
        row = self._db.query_one(
            f"SELECT {REVOCATION_COLUMNS} FROM directory_revocations r JOIN directory_anchors ra "
            "ON ra.fingerprint = r.anchor WHERE r.fingerprint = ? ORDER BY r.revoked LIMIT 1",
            (fingerprint,),
        )
        return None if row is None else revocation_of(row)

    def revocations_of(self, fingerprint: str) -> list[KeyRevocation]:
        """Every trusted anchor's revocation of ``fingerprint``, earliest first."""
        rows = self._db.query(
            f"SELECT {REVOCATION_COLUMNS} FROM directory_revocations r JOIN directory_anchors ra "
            "ON ra.fingerprint = r.anchor WHERE r.fingerprint = ? ORDER BY r.revoked, ra.name",
            (fingerprint,),
        )
        return [r for r in map(revocation_of, rows) if r is not None]

    def counts(self, anchor: str) -> tuple[int, int]:
        """How many attestations and revocations ``anchor`` has in the vault."""
        row = self._db.query_one(
            "SELECT (SELECT count(*) FROM directory_attestations WHERE anchor = ?), "
            "(SELECT count(*) FROM directory_revocations WHERE anchor = ?)",
            (anchor, anchor),
        )
        assert row is not None
        return int(row[0]), int(row[1])

"""The user's own identities: private keys live only inside the encrypted database.

One identity is *active*: the one that signs, that sealed cables are
encrypted to for the sent copy, and that ``identity show`` prints. Each
keeps the sequence number of its current contact card (``card_sequence``,
from 1): a newer card of the same key must carry a higher one
(:meth:`IdentityStore.advance_card`).
"""

from __future__ import annotations

import json
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from cabledesk.crypto.age import HybridIdentity, X25519Identity
from cabledesk.crypto.keys import Identity
from cabledesk.errors import VaultError
from cabledesk.store.database import Database, Row

__all__ = ["IdentityStore"]

_COLUMNS = (
    "name, post, role, email, scheme, clearance, nationality, created, expires, "
    "signing_key, encryption_key, card_sequence, accesses, pq_key"
)


def _time(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


class IdentityStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, identity: Identity, *, active: bool = True) -> None:
        """Store ``identity`` (and make it the active one unless ``active`` is False)."""
        with self._db.transaction():
            if self._db.query_one(
                "SELECT 1 FROM identities WHERE fingerprint = ?", (identity.fingerprint,)
            ):
                raise VaultError("This identity is already in the vault.")
            if active:
                self._db.execute("UPDATE identities SET active = 0")
            self._db.execute(
                f"INSERT INTO identities(fingerprint, {_COLUMNS}, active) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    identity.fingerprint,
                    identity.name,
                    identity.post,
                    identity.role,
                    identity.email,
                    identity.scheme,
                    identity.clearance,
                    identity.nationality,
                    _time(identity.created),
                    _time(identity.expires),
                    identity.signing_key.private_bytes_raw(),
                    identity.encryption_key.private_bytes(),
                    identity.card_sequence,
                    json.dumps(list(identity.accesses), separators=(",", ":")),
                    None if identity.pq_key is None else identity.pq_key.private_bytes(),
                    int(active),
                ),
            )

    def active(self) -> Identity:
        """The active identity; raises VaultError if the vault has none."""
        row = self._db.query_one(f"SELECT {_COLUMNS} FROM identities WHERE active = 1")
        if row is None:
            raise VaultError(
                "This vault has no identity yet.",
                hint="Create one with 'cabledesk-cli init' or the first-run assistant.",
            )
        return _identity(row)

    def all(self) -> list[Identity]:
        """Every identity, the active one first (their keys open received cables)."""
        rows = self._db.query(f"SELECT {_COLUMNS} FROM identities ORDER BY active DESC, id")
        return [_identity(r) for r in rows]

    def advance_card(self, fingerprint: str) -> Identity:
        """The identity with its card sequence number raised by one (stored): its
        next contact card is newer than every card it gave before.

        Raises VaultError if the vault has no such identity.
        """
        with self._db.transaction():
            self._db.execute(
                "UPDATE identities SET card_sequence = card_sequence + 1 WHERE fingerprint = ?",
                (fingerprint,),
            )
            row = self._db.query_one(
                f"SELECT {_COLUMNS} FROM identities WHERE fingerprint = ?", (fingerprint,)
            )
        if row is None:
            raise VaultError(f"This vault has no identity {fingerprint}.")
        return _identity(row)

    def add_pq_key(self, fingerprint: str, key: HybridIdentity) -> Identity:
        """The identity with the post-quantum key ``key`` added and its card sequence
        raised by one (stored, in one transaction): its next card names the key and is
        newer than every card it gave before.

        Raises VaultError if the vault has no such identity or it has a post-quantum
        key already.
        """
        with self._db.transaction():
            row = self._db.query_one(
                "SELECT pq_key FROM identities WHERE fingerprint = ?", (fingerprint,)
            )
            if row is None:
                raise VaultError(f"This vault has no identity {fingerprint}.")
            if row[0] is not None:
                raise VaultError("This identity has a post-quantum key already.")
            self._db.execute(
                "UPDATE identities SET pq_key = ?, card_sequence = card_sequence + 1 "
                "WHERE fingerprint = ?",
                (key.private_bytes(), fingerprint),
            )
            row = self._db.query_one(
                f"SELECT {_COLUMNS} FROM identities WHERE fingerprint = ?", (fingerprint,)
            )
        assert row is not None
        return _identity(row)

    def count(self) -> int:
        row = self._db.query_one("SELECT count(*) FROM identities")
        return int(row[0]) if row else 0


def _identity(row: Row) -> Identity:
    (name, post, role, email, scheme, clearance, nationality, created, expires, sk, ek,
     sequence, accesses, pq) = row  # fmt: skip
    return Identity(
        name=name,
        post=post,
        role=role,
        email=email,
        scheme=scheme,
        clearance=clearance,
        nationality=nationality,
        created=datetime.fromisoformat(created),
        expires=datetime.fromisoformat(expires) if expires else None,
        signing_key=Ed25519PrivateKey.from_private_bytes(bytes(sk)),
        encryption_key=X25519Identity(X25519PrivateKey.from_private_bytes(bytes(ek))),
        card_sequence=int(sequence),
        accesses=tuple(json.loads(accesses)),
        pq_key=None if pq is None else HybridIdentity(bytes(pq)),
    )

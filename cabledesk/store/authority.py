"""A security office's signing key and what it attested and revoked, inside the vault.

A vault holds at most one authority (:class:`AuthorityStore`): the office's name,
its Ed25519 private key — which lives only inside the encrypted database, like the
identities' keys, and is never written out — its scope, its issued anchor file,
and the serial of the last directory it published. Attestations are kept one per
key fingerprint (:meth:`AuthorityStore.attest` replaces an earlier one of the same
key); revocations one per fingerprint, and revoking a key removes its attestation
(a directory never both attests and revokes a key).

:meth:`AuthorityStore.next_serial` raises the serial by one and stores it before the
directory is written: a directory lost on the way leaves a gap, never two
directories of one serial.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from cabledesk.crypto._directory_lists import DirectoryEntry, Revocation
from cabledesk.crypto.anchor import AnchorScope
from cabledesk.errors import VaultError
from cabledesk.phrase import Phrase
from cabledesk.store.database import Database, Row

__all__ = ["AuthorityKey", "AuthorityStore"]

_COLUMNS = "name, signing_key, nationalities, schemes, created, anchor, serial, published"
_ENTRY_COLUMNS = (
    "fingerprint, card, clearance, scheme, nationality, accesses, roles, attested, expires"
)


@dataclass(frozen=True, slots=True)
class AuthorityKey:
    """The office as stored: ``signing_key`` is private, never shown nor exported."""

    name: str
    signing_key: Ed25519PrivateKey
    scope: AnchorScope
    created: datetime
    anchor: bytes  # the issued .anchor file
    serial: int  # of the last directory published; 0 before the first
    published: datetime | None

    def __repr__(self) -> str:  # never the key
        return f"AuthorityKey(name={self.name!r}, serial={self.serial})"


def no_authority() -> VaultError:
    return VaultError(
        Phrase.of("This vault holds no authority key: it is not a security office's vault."),
        hint=Phrase.of(
            "A security office creates one once with 'cabledesk-cli authority init --name NAME'."
        ),
    )


class AuthorityStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    # --- the key ------------------------------------------------------------------

    def exists(self) -> bool:
        return self._db.query_one("SELECT 1 FROM authority WHERE id = 1") is not None

    def create(
        self,
        name: str,
        key: Ed25519PrivateKey,
        scope: AnchorScope,
        created: datetime,
        anchor: bytes,
    ) -> None:
        """Store the office's key; raises VaultError if the vault already holds one."""
        with self._db.transaction():
            if self.exists():
                raise VaultError(
                    Phrase.of("This vault already holds an authority key."),
                    hint=Phrase.of("A vault holds one security office; use another vault."),
                )
            self._db.execute(
                f"INSERT INTO authority(id, {_COLUMNS}) VALUES (1, ?, ?, ?, ?, ?, ?, 0, NULL)",
                (
                    name,
                    key.private_bytes_raw(),
                    _list(scope.nationalities),
                    _list(scope.schemes),
                    created.isoformat(),
                    anchor,
                ),
            )

    def get(self) -> AuthorityKey:
        """The office's key; raises VaultError if the vault holds none."""
        row = self._db.query_one(f"SELECT {_COLUMNS} FROM authority WHERE id = 1")
        if row is None:
            raise no_authority()
        name, key, nationalities, schemes, created, anchor, serial, published = row
        return AuthorityKey(
            name=name,
            signing_key=Ed25519PrivateKey.from_private_bytes(bytes(key)),
            scope=AnchorScope(tuple(json.loads(nationalities)), tuple(json.loads(schemes))),
            created=datetime.fromisoformat(created),
            anchor=bytes(anchor),
            serial=int(serial),
            published=datetime.fromisoformat(published) if published else None,
        )

    def next_serial(self, published: datetime) -> int:
        """The serial of the directory about to be published: one more than the last,
        stored now. Raises VaultError if the vault holds no authority key."""
        with self._db.transaction():
            if not self.exists():
                raise no_authority()
            self._db.execute(
                "UPDATE authority SET serial = serial + 1, published = ? WHERE id = 1",
                (published.isoformat(),),
            )
            row = self._db.query_one("SELECT serial FROM authority WHERE id = 1")
        assert row is not None
        return int(row[0])

    # --- attestations and revocations ---------------------------------------------

    def attest(self, entry: DirectoryEntry) -> bool:
        """Record ``entry``, replacing an earlier attestation of the same key; returns
        whether one was replaced."""
        with self._db.transaction():
            replaced = self.attestation(entry.fingerprint) is not None
            self._db.execute(
                f"INSERT OR REPLACE INTO authority_attestations({_ENTRY_COLUMNS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    entry.fingerprint,
                    entry.card,
                    entry.clearance,
                    entry.scheme,
                    entry.nationality,
                    _list(entry.accesses),
                    _list(entry.roles),
                    entry.attested.isoformat(),
                    None if entry.expires is None else entry.expires.isoformat(),
                ),
            )
        return replaced

    def attestation(self, fingerprint: str) -> DirectoryEntry | None:
        row = self._db.query_one(
            f"SELECT {_ENTRY_COLUMNS} FROM authority_attestations WHERE fingerprint = ?",
            (fingerprint,),
        )
        return None if row is None else _entry(row)

    def attestations(self) -> list[DirectoryEntry]:
        rows = self._db.query(
            f"SELECT {_ENTRY_COLUMNS} FROM authority_attestations ORDER BY fingerprint"
        )
        return [_entry(r) for r in rows]

    def revoke(self, revocation: Revocation) -> bool:
        """Record ``revocation`` (replacing an earlier one of the key) and remove the
        key's attestation; returns whether the key had one."""
        with self._db.transaction():
            had = self.attestation(revocation.fingerprint) is not None
            self._db.execute(
                "DELETE FROM authority_attestations WHERE fingerprint = ?",
                (revocation.fingerprint,),
            )
            self._db.execute(
                "INSERT OR REPLACE INTO authority_revocations(fingerprint, reason, text, revoked) "
                "VALUES (?, ?, ?, ?)",
                (
                    revocation.fingerprint,
                    revocation.reason,
                    revocation.text,
                    revocation.revoked.isoformat(),
                ),
            )
        return had

    def revocation(self, fingerprint: str) -> Revocation | None:
        row = self._db.query_one(
            "SELECT fingerprint, reason, text, revoked FROM authority_revocations "
            "WHERE fingerprint = ?",
            (fingerprint,),
        )
        return None if row is None else _revocation(row)

    def revocations(self) -> list[Revocation]:
        rows = self._db.query(
            "SELECT fingerprint, reason, text, revoked FROM authority_revocations "
            "ORDER BY fingerprint"
        )
        return [_revocation(r) for r in rows]

    def counts(self) -> tuple[int, int]:
        """How many keys are attested, and how many revoked."""
        row = self._db.query_one(
            "SELECT (SELECT count(*) FROM authority_attestations), "
            "(SELECT count(*) FROM authority_revocations)"
        )
        assert row is not None
        return int(row[0]), int(row[1])


def _list(values: tuple[str, ...]) -> str:
    return json.dumps(sorted(values), separators=(",", ":"))


def _entry(row: Row) -> DirectoryEntry:
    fp, card, clearance, scheme, nationality, accesses, roles, attested, expires = row
    return DirectoryEntry(
        fp,
        card,
        clearance,
        scheme,
        nationality,
        tuple(json.loads(accesses)),
        tuple(json.loads(roles)),
        datetime.fromisoformat(attested),
        datetime.fromisoformat(expires) if expires else None,
    )


def _revocation(row: Row) -> Revocation:
    fp, reason, text, revoked = row
    return Revocation(fp, reason, text, datetime.fromisoformat(revoked))

"""The audit log: append-only entries chained by hashes.

Every entry records a moment, an event name (see :class:`Event`) and a few
details (ids, fingerprints, names, banners — never cable text or key
material). Its hash is ``SHA-256(prev || canonical JSON of [seq, at, event,
details])`` where ``prev`` is the previous entry's hash (32 zero bytes for
the first). Triggers in the database refuse UPDATE and DELETE on the table;
:meth:`AuditLog.check_chain` recomputes the chain and reports the first entry
whose link is broken (edited, removed, inserted or reordered).

What the chain proves: that no entry was changed or dropped after later
ones were written, short of rewriting the whole tail — which needs the
vault's key. It is evidence for the user's own review, not a defence against
someone who holds the unlocked vault.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from cabledesk.canonical_json import canonical_json
from cabledesk.store.database import Database

__all__ = ["AuditEntry", "AuditLog", "AuditReport", "Event"]

GENESIS = bytes(32)
Details = Mapping[str, str | int | bool | list[str] | None]


class Event(StrEnum):
    VAULT_CREATED = "vault created"
    VAULT_RESTORED = "vault restored"
    IDENTITY_CREATED = "identity created"
    IDENTITY_UPGRADED = "identity upgraded"  # a post-quantum key added (issue 17)
    CONTACT_IMPORTED = "contact imported"
    CONTACT_ADDED = "contact added"
    CONTACT_VERIFIED = "contact verified"
    CONTACT_REVOKED = "contact revoked"
    GROUP_CHANGED = "group changed"
    DRAFT_CREATED = "draft created"
    DRAFT_DELETED = "draft deleted"
    DRAFT_RESTORED = "draft restored"
    CLASSIFICATION_LOWERED = "classification lowered"
    CABLE_SEALED = "cable sealed"
    CABLE_OPENED = "cable opened"
    CABLE_IMPORTED = "cable imported"
    DOCUMENT_EXPORTED = "document exported"
    DOCUMENT_VERIFIED = "document verified"
    FILE_ENCRYPTED = "file encrypted"
    PASSPHRASE_CHANGED = "passphrase changed"  # noqa: S105 (an event name)
    PASSPHRASE_CHANGE_UNDONE = "passphrase change undone"  # noqa: S105 (an event name)
    ROLLBACK_ACCEPTED = "rollback accepted"
    KEY_FILE_UPGRADED = "vault key upgraded"
    KEYCHAIN_ENABLED = "keychain enabled"
    KEYCHAIN_DISABLED = "keychain disabled"
    BACKUP_CREATED = "backup created"
    SETTING_CHANGED = "setting changed"
    SECRET_KEY_EXPORTED = "secret key exported"  # noqa: S105 (an event name)
    BANNERS_RECOMPUTED = "banners recomputed"
    UNLOCKS_FAILED = "unlocks failed"  # counted outside the vault, recorded at the next unlock
    OPEN_FAILED = "cable open failed"
    CARD_REJECTED = "contact card rejected"
    # a security office's key (issue 16, authority side)
    AUTHORITY_CREATED = "authority key created"
    ANCHOR_EXPORTED = "anchor exported"
    KEY_ATTESTED = "key attested"
    ATTESTED_KEY_REVOKED = "attested key revoked"
    DIRECTORY_PUBLISHED = "directory published"
    # the directory (issue 16, user side)
    ANCHOR_TRUSTED = "anchor trusted"
    ANCHOR_UNTRUSTED = "anchor untrusted"
    DIRECTORY_IMPORTED = "directory imported"
    ATTESTATION_CHANGED = "attestation changed"
    # --- issue 18: clearance ---
    CLEARANCE_REQUESTED = "clearance requested"  # the drafter sent a draft to be cleared
    CLEARANCE_GIVEN = "clearance given"  # a clearer or approver answered (their side)
    CLEARANCE_RECEIVED = "clearance received"  # the drafter recorded an answer
    CLEARANCE_EDIT_ACCEPTED = "clearance edit accepted"  # a returned edit became the draft
    CLEARANCE_REFUSED = "clearance answer refused"  # receive refused a file, and why
    # key rotation and the user's own key revoked (issue 16, rotation)
    IDENTITY_ROTATED = "identity rotated"
    OWN_KEY_REVOKED = "own key revoked"
    # clearance, directory roles and attachments (branch clearcore):
    CLEARANCE_REQUEST_REFUSED = "clearance request refused"  # an approver without authority
    RELEASE_REFUSED = "release refused"  # sealing refused: approval missing or voided


@dataclass(frozen=True, slots=True)
class AuditEntry:
    seq: int
    at: datetime
    event: str
    details: dict[str, object]
    hash: bytes


@dataclass(frozen=True, slots=True)
class AuditReport:
    """The result of checking the chain: ``ok``, or the first broken entry and why."""

    entries: int
    first_broken: int | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.first_broken is None


def _time(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def _digest(prev: bytes, seq: int, at: str, event: str, details_json: str) -> bytes:
    body = canonical_json([seq, at, event, json.loads(details_json)])
    return hashlib.sha256(prev + body).digest()


class AuditLog:
    """The audit table of one vault database. ``now`` is the clock (UTC).

    ``on_commit``, if given, is called once after the outermost transaction
    that appended entries commits (the vault records the new head then).
    """

    def __init__(
        self,
        db: Database,
        now: Callable[[], datetime],
        *,
        on_commit: Callable[[], None] | None = None,
    ) -> None:
        self._db = db
        self._now = now
        self._on_commit = on_commit

    def append(self, event: Event | str, details: Details | None = None) -> AuditEntry:
        """Add one entry at the end of the chain (inside the caller's transaction, if any)."""
        details_json = canonical_json(dict(details or {})).decode("utf-8")
        at = _time(self._now())
        with self._db.transaction():
            last = self.head()
            seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
            digest = _digest(prev, seq, at, str(event), details_json)
            self._db.execute(
                "INSERT INTO audit(seq, at, event, details, prev, hash) VALUES (?, ?, ?, ?, ?, ?)",
                (seq, at, str(event), details_json, prev, digest),
            )
            if self._on_commit is not None:
                self._db.after_commit(self._on_commit)
        when = datetime.fromisoformat(at)
        return AuditEntry(seq, when, str(event), json.loads(details_json), digest)

    def head(self) -> tuple[int, bytes] | None:
        """The newest entry's sequence number and hash; None while the log is empty."""
        row = self._db.query_one("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1")
        return (int(row[0]), bytes(row[1])) if row else None

    def entry_hash(self, seq: int) -> bytes | None:
        """The hash of entry ``seq``, or None if there is no such entry."""
        row = self._db.query_one("SELECT hash FROM audit WHERE seq = ?", (seq,))
        return bytes(row[0]) if row else None

    def entries(self, *, limit: int = 200, before: int | None = None) -> list[AuditEntry]:
        """The newest entries first (``before``: only those with a smaller sequence number)."""
        rows = self._db.query(
            "SELECT seq, at, event, details, hash FROM audit WHERE seq < ? "
            "ORDER BY seq DESC LIMIT ?",
            (before if before is not None else 2**62, limit),
        )
        return [
            AuditEntry(int(s), datetime.fromisoformat(a), e, json.loads(d), bytes(h))
            for s, a, e, d, h in rows
        ]

    def check_chain(self) -> AuditReport:
        """Recompute the whole chain; the first broken link, if any."""
        prev = GENESIS
        expected_seq = 1
        count = 0
        for seq, at, event, details, stored_prev, stored in self._db.query(
            "SELECT seq, at, event, details, prev, hash FROM audit ORDER BY seq"
        ):
            count += 1
            if seq != expected_seq:
                return AuditReport(count, expected_seq, f"entry {expected_seq} is missing")
            if not hmac.compare_digest(bytes(stored_prev), prev):
                return AuditReport(count, seq, f"entry {seq} does not follow entry {seq - 1}")
            try:
                digest = _digest(prev, seq, at, event, details)
            except (ValueError, TypeError):
                return AuditReport(count, seq, f"entry {seq} is not readable")
            if not hmac.compare_digest(digest, bytes(stored)):
                return AuditReport(count, seq, f"entry {seq} was changed after it was written")
            prev = digest
            expected_seq += 1
        return AuditReport(count)

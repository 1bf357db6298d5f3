"""A draft's clearance record: the requests sent for it and the statements recorded on it.

A request is recorded when the drafter sends the draft for clearance: the
clearance hash of the text sent (:func:`cabledesk.domain.clearance.clearance_sha256`),
when, the comment, and whom it went to — each as clearer or approver. An answer
is a signed statement (``cabledesk.statement/1``) kept exactly as signed, with
what it says copied beside it for lists (role, signer, the hash it covers,
comment). The drafter's own ``drafted`` statement is an answer too. The same
statement recorded twice is kept once. A draft with a request is "in clearance".

Every method runs inside the caller's transaction when there is one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from cabledesk.store.database import Database

__all__ = ["AnswerRecord", "ClearanceStore", "Party", "RequestRecord"]

CLEARER = "clearer"
APPROVER = "approver"


@dataclass(frozen=True, slots=True)
class Party:
    """Someone a request went to: their fingerprint, their name in the drafter's
    contacts when it was sent, and their part (``clearer`` or ``approver``)."""

    fingerprint: str
    name: str
    part: str


@dataclass(frozen=True, slots=True)
class RequestRecord:
    id: int
    draft_id: str
    text_sha256: str
    sent: datetime
    comment: str
    parties: tuple[Party, ...]


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    id: int
    draft_id: str
    statement: bytes
    role: str
    fingerprint: str
    name: str
    text_sha256: str
    comment: str
    made: datetime
    received: datetime


class ClearanceStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add_request(
        self,
        draft_id: str,
        text_sha256: str,
        sent: datetime,
        parties: tuple[Party, ...],
        comment: str = "",
    ) -> int:
        with self._db.transaction():
            request_id = self._db.execute(
                "INSERT INTO clearance_requests(draft_id, text_sha256, sent, comment) "
                "VALUES (?, ?, ?, ?)",
                (draft_id, text_sha256, sent.isoformat(), comment),
            )
            self._db.executemany(
                "INSERT OR IGNORE INTO clearance_parties VALUES (?, ?, ?, ?)",
                [(request_id, p.fingerprint, p.name, p.part) for p in parties],
            )
        return request_id

    def requests(self, draft_id: str) -> list[RequestRecord]:
        """The requests sent for a draft, oldest first."""
        rows = self._db.query(
            "SELECT id, text_sha256, sent, comment FROM clearance_requests WHERE draft_id = ? "
            "ORDER BY id",
            (draft_id,),
        )
        result = []
        for request_id, text, sent, comment in rows:
            parties = self._db.query(
                "SELECT fingerprint, name, part FROM clearance_parties WHERE request_id = ? "
                "ORDER BY part DESC, name",
                (request_id,),
            )
            result.append(
                RequestRecord(
                    int(request_id),
                    draft_id,
                    str(text),
                    datetime.fromisoformat(sent),
                    str(comment),
                    tuple(Party(str(f), str(n), str(p)) for f, n, p in parties),
                )
            )
        return result

    def in_clearance(self, draft_id: str) -> bool:
        row = self._db.query_one(
            "SELECT 1 FROM clearance_requests WHERE draft_id = ? LIMIT 1", (draft_id,)
        )
        return row is not None

    def add_answer(
        self,
        draft_id: str,
        statement: bytes,
        *,
        role: str,
        fingerprint: str,
        name: str,
        text_sha256: str,
        comment: str,
        made: datetime,
        received: datetime,
    ) -> bool:
        """Record a statement on a draft; False if that exact statement was recorded before."""
        with self._db.transaction():
            known = self._db.query_one(
                "SELECT 1 FROM clearance_answers WHERE draft_id = ? AND statement = ?",
                (draft_id, statement),
            )
            if known is not None:
                return False
            self._db.execute(
                "INSERT INTO clearance_answers(draft_id, statement, role, fingerprint, name, "
                "text_sha256, comment, made, received) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    draft_id,
                    statement,
                    role,
                    fingerprint,
                    name,
                    text_sha256,
                    comment,
                    made.isoformat(),
                    received.isoformat(),
                ),
            )
        return True

    def answers(self, draft_id: str) -> list[AnswerRecord]:
        """Every statement recorded on a draft, in the order received."""
        rows = self._db.query(
            "SELECT id, statement, role, fingerprint, name, text_sha256, comment, made, "
            "received FROM clearance_answers WHERE draft_id = ? ORDER BY id",
            (draft_id,),
        )
        return [
            AnswerRecord(
                int(i),
                draft_id,
                bytes(s),
                str(r),
                str(f),
                str(n),
                str(t),
                str(c),
                datetime.fromisoformat(m),
                datetime.fromisoformat(rc),
            )
            for i, s, r, f, n, t, c, m, rc in rows
        ]

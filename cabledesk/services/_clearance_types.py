"""What the clearance service gives its faces: the answers, a request read, a receipt."""

from __future__ import annotations

from dataclasses import dataclass

from cabledesk.domain.cable import Cable
from cabledesk.seal import StatementReport, StatementRole, Verification
from cabledesk.services.draft_history import DiffLine

__all__ = ["Answer", "ReceiveOutcome", "RequestRead"]


class Answer:
    """What a clearer answers: ``--clear``, ``--edit``, ``--decline``; or ``approve``."""

    CLEAR = StatementRole.CLEARED
    EDIT = StatementRole.RETURNED
    DECLINE = StatementRole.DECLINED
    APPROVE = StatementRole.APPROVED


@dataclass(frozen=True, slots=True)
class RequestRead:
    """A clearance request as its clearer reads it: the verification, the drafter's
    statement, and the cable to clear."""

    verification: Verification
    cable: Cable
    drafter_fingerprint: str
    drafted: StatementReport


@dataclass(frozen=True, slots=True)
class ReceiveOutcome:
    """What ``receive`` recorded: the statement's role and signer (as the user's
    contacts name them), whether it was new, whether it is about the draft's
    current text, the diff of a returned edit, and whether the edit was accepted."""

    draft_id: str
    role: str
    signer: str
    fingerprint: str
    comment: str
    recorded: bool
    current: bool
    diff: tuple[DiffLine, ...] = ()
    accepted: bool = False

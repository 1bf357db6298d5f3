"""Where a draft stands in clearance, computed from its record (pure).

For each person a request went to, their latest answer and whether it is
about the draft's current text: a clearance given to an earlier text is kept,
and shown as "cleared an earlier version" — it never counts for the current
one. Approvals count when they are about the current text, by someone the
drafter designated as approver, who is not the drafter; two approvals count
only when they are by two different people. When the user trusts a security
office's directory, an approval counts only if the approver's key is attested
with the role ``release-authority`` (and not revoked): each approver's row says
whether they hold it (``release_authority``: ``designated`` — no directory
trusted, the drafter's designation counts —, ``attested`` or ``not-attested``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from cabledesk.crypto.signedtext import format_time
from cabledesk.phrase import Phrase
from cabledesk.services._release_authority import ReleaseAuthorities
from cabledesk.store.clearances import APPROVER, AnswerRecord, Party, RequestRecord

__all__ = ["Answered", "ClearanceStatus", "PartyStatus", "clearance_status"]


class Answered(StrEnum):
    """Where one person stands on the draft's current text."""

    NO_ANSWER = "no-answer"
    CLEARED = "cleared"
    RETURNED = "returned"  # returned with changes (cleared their own version)
    DECLINED = "declined"
    APPROVED = "approved"
    CLEARED_EARLIER = "cleared-earlier-version"
    APPROVED_EARLIER = "approved-earlier-version"
    DECLINED_EARLIER = "declined-earlier-version"
    RETURNED_EARLIER = "returned-earlier-version"


_EARLIER = {
    "cleared": Answered.CLEARED_EARLIER,
    "approved": Answered.APPROVED_EARLIER,
    "declined": Answered.DECLINED_EARLIER,
    "returned": Answered.RETURNED_EARLIER,
}


@dataclass(frozen=True, slots=True)
class PartyStatus:
    fingerprint: str
    name: str
    part: str  # clearer or approver
    answered: Answered
    comment: str = ""
    made: datetime | None = None
    text_sha256: str | None = None
    # approvers only: designated (no directory trusted), attested or not-attested
    release_authority: str = ""
    release_authority_problem: str = ""  # why not, in words

    def to_dict(self) -> dict[str, Any]:
        return {
            "release_authority": self.release_authority or None,
            "release_authority_problem": self.release_authority_problem or None,
            "fingerprint": self.fingerprint,
            "name": self.name,
            "part": self.part,
            "answered": str(self.answered),
            "comment": self.comment,
            "made": None if self.made is None else format_time(self.made),
            "text_sha256": self.text_sha256,
        }


@dataclass(frozen=True, slots=True)
class ClearanceStatus:
    """A draft's clearance: its current text's hash, whether it is in clearance, each
    party's answer, the drafter's statements, and the approvals that count."""

    draft_id: str
    text_sha256: str
    in_clearance: bool
    parties: tuple[PartyStatus, ...]
    drafted_by: tuple[str, ...]  # fingerprints whose drafted statement covers the text
    approvals: tuple[str, ...]  # fingerprints of approvals that count for the text
    approvals_needed: int  # 0, 1 or 2 (the settings, for the draft's level)
    directory: bool = False  # a trusted directory decides who has release authority

    @property
    def approved(self) -> bool:
        return len(self.approvals) >= max(1, self.approvals_needed)

    def missing(self) -> list[str]:
        """What release still lacks, in English words (empty: nothing)."""
        return [p.render() for p in self.missing_phrases()]

    def missing_phrases(self) -> list[Phrase]:
        """What release still lacks, as phrases a face translates (empty: nothing)."""
        have, need = len(self.approvals), self.approvals_needed
        if have >= need:
            return []
        if self.directory:
            if need == 1:
                return [
                    Phrase.of(
                        "an approval of the current text by an approver you designated whom "
                        "the directory you trust attests with release authority"
                    )
                ]
            return [
                Phrase.of(
                    "{count} more approval(s) of the current text, by two different approvers "
                    "other than the drafter whom the directory you trust attests with release "
                    "authority",
                    count=str(need - have),
                )
            ]
        if need == 1:
            return [Phrase.of("an approval of the current text by an approver you designated")]
        return [
            Phrase.of(
                "{count} more approval(s) of the current text, by two different approvers "
                "other than the drafter",
                count=str(need - have),
            )
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "draft": self.draft_id,
            "text_sha256": self.text_sha256,
            "in_clearance": self.in_clearance,
            "drafted_by": list(self.drafted_by),
            "parties": [p.to_dict() for p in self.parties],
            "approved": self.approved,
            "approvals": list(self.approvals),
            "approvals_needed": self.approvals_needed,
            "release_authority_from": "directory" if self.directory else "designation",
            "missing": self.missing(),
        }


def clearance_status(
    draft_id: str,
    text_sha256: str,
    requests: list[RequestRecord],
    answers: list[AnswerRecord],
    *,
    drafters: frozenset[str],
    approvals_needed: int,
    authorities: ReleaseAuthorities | None = None,
) -> ClearanceStatus:
    """The status of draft ``draft_id`` whose current text hashes to ``text_sha256``.

    ``drafters``: the fingerprints of the drafter's own identities (never an approver);
    ``authorities``: what the trusted directory says of release authority (None: no
    directory, the designation counts).
    """
    authorities = authorities or ReleaseAuthorities(False)
    parties: dict[tuple[str, str], Party] = {}
    for request in requests:
        for party in request.parties:
            parties.setdefault((party.fingerprint, party.part), party)
    approvers = {fp for fp, part in parties if part == APPROVER}
    rows = [_authority(_party_status(p, answers, text_sha256), authorities)
            for p in parties.values()]  # fmt: skip
    current = [a for a in answers if a.text_sha256 == text_sha256]
    approvals = _distinct(
        a.fingerprint
        for a in current
        if a.role == "approved"
        and a.fingerprint in approvers
        and a.fingerprint not in drafters
        and authorities.allows(a.fingerprint)
    )
    drafted = _distinct(
        a.fingerprint for a in current if a.role == "drafted" and a.fingerprint in drafters
    )
    return ClearanceStatus(
        draft_id,
        text_sha256,
        bool(requests),
        tuple(rows),
        drafted,
        approvals,
        approvals_needed,
        authorities.directory,
    )


def _authority(row: PartyStatus, authorities: ReleaseAuthorities) -> PartyStatus:
    """An approver's row with whether they hold release authority."""
    if row.part != APPROVER:
        return row
    if not authorities.directory:
        return replace(row, release_authority="designated")
    problem = authorities.problem(row.name, row.fingerprint)
    if problem is None:
        return replace(row, release_authority="attested")
    return replace(
        row, release_authority="not-attested", release_authority_problem=problem.render()
    )


def _party_status(party: Party, answers: list[AnswerRecord], text: str) -> PartyStatus:
    approver = party.part == APPROVER
    roles = ("approved", "declined") if approver else ("cleared", "returned", "declined")
    mine = [a for a in answers if a.fingerprint == party.fingerprint and a.role in roles]
    if not mine:
        return PartyStatus(party.fingerprint, party.name, party.part, Answered.NO_ANSWER)
    on_text = [a for a in mine if a.text_sha256 == text]
    latest = (on_text or mine)[-1]
    answered = Answered(latest.role) if latest.text_sha256 == text else _EARLIER[latest.role]
    return PartyStatus(
        party.fingerprint,
        party.name,
        party.part,
        answered,
        latest.comment,
        latest.made,
        latest.text_sha256,
    )


def _distinct(fingerprints: Any) -> tuple[str, ...]:
    return tuple(dict.fromkeys(fingerprints))

"""The checks a clearance answer passes before it is recorded on a draft.

Each refusal raises :class:`~cabledesk.errors.ClearanceRefused` with its own
message (and records nothing): a package that does not verify, a statement
that cannot be read, does not hold (forged, another namespace), is signed by
someone else than the package's sender, is not on the cable it came with, is
a drafted statement; an answer by someone not asked; an approval by the
drafter, or by someone not designated as approver.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from cabledesk.domain.cable import Cable
from cabledesk.domain.clearance import clearance_sha256
from cabledesk.domain.marking import Marking
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.errors import CableDeskError, ClearanceRefused, InputError
from cabledesk.seal import StatementReport, StatementRole, Verification
from cabledesk.services._level_setting import level_applies
from cabledesk.store.audit import Details
from cabledesk.store.clearances import APPROVER
from cabledesk.store.settings import APPROVAL_REQUIRED_FROM, TWO_PERSON_FROM
from cabledesk.store.vault import Vault

__all__ = [
    "approvals_needed",
    "check_party",
    "refuse_failure",
    "refused_details",
    "returned_edit",
    "the_statement",
]


def the_statement(result: Verification, path: Path) -> StatementReport:
    assert result.signer is not None
    if len(result.statements) != 1:
        raise ClearanceRefused(
            f"{path.name} carries {len(result.statements)} statements; an answer carries "
            "exactly one."
        )
    report = result.statements[0]
    if report.role is None or report.data is None:
        raise ClearanceRefused(f"The statement in {path.name} cannot be read: {report.problem}")
    if not report.signature_valid:
        raise ClearanceRefused(
            f"The statement in {path.name} does not hold: {report.problem}",
            hint="Nothing was recorded. Do not rely on it; ask its signer again.",
        )
    if report.fingerprint != result.signer.fingerprint:
        raise ClearanceRefused(
            f"The statement in {path.name} was signed by {report.fingerprint}, but the "
            f"answer was sealed by {result.signer.fingerprint}: a statement is sent by "
            "its own signer.",
            hint="Nothing was recorded.",
        )
    if not report.matches_cable:
        raise ClearanceRefused(
            f"The statement in {path.name} is not about the text it came with: {report.problem}",
            hint="Nothing was recorded.",
        )
    if report.role == "drafted":
        raise ClearanceRefused(f"{path.name} carries a drafted statement, not an answer.")
    return report


def check_party(
    role: StatementRole,
    signer: str,
    parties: set[tuple[str, str]],
    claimed: str,
    *,
    drafters: set[str],
) -> None:
    if role is StatementRole.APPROVED:
        if signer in drafters:
            raise ClearanceRefused(
                "This approval is signed by your own key: an approver is never the drafter.",
                hint="Nothing was recorded.",
            )
        if (signer, APPROVER) not in parties:
            raise ClearanceRefused(
                f"This approval is by {claimed} ({signer}), whom you did not designate "
                "as approver of this draft.",
                hint="Nothing was recorded.",
            )
        return
    if not any(fp == signer for fp, _ in parties):
        raise ClearanceRefused(
            f"This answer is by {claimed} ({signer}), whom you did not ask to clear this draft.",
            hint="Nothing was recorded.",
        )


def refuse_failure(result: Verification, what: str) -> None:
    if not result.ok:
        raise ClearanceRefused(
            f"This {what} does not verify: {result.message}",
            hint=result.hint or "Nothing was recorded.",
        )


def approvals_needed(vault: Vault, schemes: SchemeRegistry, banner: Marking | None) -> int:
    """How many approvals the settings require at ``banner``'s level: 0, 1 or 2."""
    if banner is None:
        return 0
    settings = vault.settings
    user_scheme = vault.identities.active().scheme if vault.identities.count() else banner.scheme.id

    def applies(stored: str) -> bool:
        return level_applies(stored, banner.level, banner.scheme, schemes, user_scheme)

    if applies(settings.get(TWO_PERSON_FROM)):
        return 2
    return 1 if applies(settings.get(APPROVAL_REQUIRED_FROM)) else 0


def refused_details(args: tuple[object, ...], error: CableDeskError) -> Details:
    """What the audit log says of an answer refused: the file's name, and why."""
    name = Path(args[0]).name if args and isinstance(args[0], (str, Path)) else ""
    return {"file": name, "reason": error.message}


def returned_edit(cable: Cable, edited: Cable | None) -> Cable:
    """``edited``, the clearer's version of the request's ``cable``, with the request's
    DTG and serial; InputError when there is none, it is another cable, it changes
    nothing, or it changes the attachments (an answer returns the text)."""
    if edited is None:
        raise InputError("Give the edited cable to return.")
    if edited.id != cable.id:
        raise InputError(
            f"The edited cable has the id {edited.id}, not {cable.id}: it is another cable.",
            hint="Edit the cable of the request, keeping its id.",
        )
    if clearance_sha256(edited) == clearance_sha256(cable):
        raise InputError(
            "The edited cable is the text of the request: nothing changed.",
            hint="Use --clear to clear the text as it is.",
        )
    if edited.attachments != cable.attachments:
        raise InputError(
            "An answer returns the text: it cannot change the attachments.",
            hint="Say in --comment which attachment should change.",
        )
    return replace(edited, dtg=cable.dtg, serial=cable.serial)

"""The cable's life: a draft sent for clearance, answered, approved, then released.

Every step is a sealed cable (``cabledesk.seal/2``) between laptops; every
answer a signed statement (``cabledesk.statement/1``, namespace
``cabledesk-clearance-v1``) over one exact text's clearance hash
(:func:`cabledesk.domain.clearance.clearance_sha256`). :meth:`~ClearanceService.request`
(the drafter) seals the draft for clearers and approvers, with the drafter's
``drafted`` statement, and marks it in clearance; :meth:`~ClearanceService.respond`
(a clearer or approver) signs ``cleared``, ``returned`` (over their edited
version), ``declined`` or ``approved`` and seals it to the drafter;
:meth:`~ClearanceService.receive` verifies and records an answer (an edit
becomes the text only when accepted); :meth:`~ClearanceService.status` says who
stands where; :meth:`~ClearanceService.for_release` gives sealing the
statements on the released text and refuses a release lacking the approvals
the settings require. Every step is audited; a file that does not verify or is
not for this draft raises :class:`~cabledesk.errors.ClearanceRefused`
(docs/CLEARANCE.md).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from pathlib import Path

from cabledesk.domain.cable import Cable
from cabledesk.domain.clearance import clearance_sha256
from cabledesk.domain.marking import Marking
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.errors import CableDeskError, ClearanceRefused, InputError, PolicyRefusal
from cabledesk.seal import PackageKind, Statement, StatementRole
from cabledesk.services._clearance_checks import (
    approvals_needed,
    check_party,
    refuse_failure,
    refused_details,
    returned_edit,
    the_statement,
)
from cabledesk.services._clearance_release import with_attachments
from cabledesk.services._clearance_status import ClearanceStatus, clearance_status
from cabledesk.services._clearance_types import Answer, ReceiveOutcome, RequestRead
from cabledesk.services._failure_audit import audits_refusals
from cabledesk.services._release_authority import (
    refuse_approval_without_authority,
    refuse_approvers_without_authority,
    refuse_own_approval_without_authority,
    release_authorities,
)
from cabledesk.services.draft_history import DiffLine, cable_lines, diff_lines
from cabledesk.services.drafts import DraftsService
from cabledesk.services.opening import OpenService
from cabledesk.services.sealing import SealService
from cabledesk.store.audit import Event
from cabledesk.store.clearances import APPROVER, CLEARER, ClearanceStore, Party
from cabledesk.store.contacts import Contact
from cabledesk.store.vault import Vault

__all__ = ["Answer", "ClearanceService", "ClearanceStatus", "ReceiveOutcome", "RequestRead"]

# The roles a released cable carries (a decline is not carried).
_RELEASED = frozenset({"drafted", "cleared", "returned", "approved"})


class ClearanceService:
    def __init__(self, vault: Vault, schemes: SchemeRegistry) -> None:
        self._vault = vault
        self._schemes = schemes
        self._store = ClearanceStore(vault.db)

    # --- the drafter: sending ------------------------------------------------------------

    def request(
        self,
        cable: Cable,
        clearers: Sequence[Contact],
        output: Path,
        *,
        approvers: Sequence[Contact] = (),
        comment: str = "",
        confirmed: Collection[str] = (),
        overwrite: bool = False,
        attachments: Sequence[Path] = (),
    ) -> Path:
        """Seal ``cable`` (saved as a draft first if it is not one, or differs) with
        the files ``attachments`` for clearance by ``clearers`` and approval by
        ``approvers``; the draft then lists them with their sizes and hashes.

        Raises PolicyRefusal (the drafter as approver, an approver without release
        authority, a recipient the release policy refuses), InputError (attachments
        listed without their files, or changed while sealed), what sealing raises.
        """
        cable = with_attachments(cable, attachments)  # their sizes and hashes are cleared
        mine = self._mine()
        if any(c.fingerprint in mine for c in approvers):
            raise PolicyRefusal(
                "You drafted this cable: you cannot be its approver.",
                hint="Designate as approver someone with release authority other than you.",
            )
        if not clearers and not approvers:
            raise InputError("Name at least one clearer (--to) or an approver (--approver).")
        refuse_approvers_without_authority(self._vault, cable.id, approvers)
        drafts = DraftsService(self._vault, self._schemes)
        if not self._vault.drafts.exists(cable.id) or drafts.load(cable.id) != cable:
            drafts.save(cable)
        draft = drafts.load(cable.id)
        text = clearance_sha256(draft)
        drafted = self._sign(StatementRole.DRAFTED, draft.id, text, comment)
        parties = tuple(Party(c.fingerprint, c.name, CLEARER) for c in clearers) + tuple(
            Party(c.fingerprint, c.name, APPROVER) for c in approvers
        )
        recipients = list({c.fingerprint: c for c in (*clearers, *approvers)}.values())

        def record(sealed: Cable) -> None:
            if clearance_sha256(sealed) != text:  # a file changed since it was hashed
                raise InputError("An attachment changed while the request was being sealed.")
            now = self._vault.now()
            self._store.add_request(draft.id, text, now, parties, comment)
            self._record_statement(draft.id, drafted)
            self._vault.audit.append(
                Event.CLEARANCE_REQUESTED,
                {
                    "cable": draft.id,
                    "text": text,
                    "clearers": [f"{c.name} ({c.fingerprint})" for c in clearers],
                    "approvers": [f"{c.name} ({c.fingerprint})" for c in approvers],
                    "file": output.name,
                },
            )

        SealService(self._vault, self._schemes).seal(
            draft,
            recipients,
            output,
            confirmed=confirmed,
            overwrite=overwrite,
            kind=PackageKind.CLEARANCE_REQUEST,
            statements=[drafted.to_bytes()],
            on_sealed=record,
            attachments=attachments,
        )
        return output

    # --- the clearer or approver ----------------------------------------------------------

    def read_request(self, path: Path) -> RequestRead:
        """Verify a clearance request and find the drafter's statement in it.

        Raises ClearanceRefused when it does not verify, is not a request, or does
        not carry its sender's valid ``drafted`` statement over its text."""
        result = OpenService(self._vault, self._schemes).verify(path)
        refuse_failure(result, "clearance request")
        if result.kind is not PackageKind.CLEARANCE_REQUEST or result.signer is None:
            raise ClearanceRefused(
                f"{path.name} is not a clearance request (it is a sealed file of kind "
                f"{result.kind})."
            )
        assert result.cable is not None
        drafter = result.signer.fingerprint
        drafted = [
            s
            for s in result.statements
            if s.role == "drafted"
            and s.fingerprint == drafter
            and s.signature_valid
            and s.matches_cable
        ]
        if not drafted:
            raise ClearanceRefused(
                f"{path.name} carries no valid statement by its sender that they drafted this "
                "text: it is not a clearance request you can rely on.",
                hint="Ask the drafter to send it again.",
            )
        return RequestRead(result, result.cable, drafter, drafted[0])

    def respond(
        self,
        path: Path,
        answer: StatementRole,
        output: Path,
        *,
        edited: Cable | None = None,
        comment: str = "",
        confirmed: Collection[str] = (),
        overwrite: bool = False,
    ) -> Path:
        """Answer the request ``path``: sign ``answer`` over its text (over ``edited``
        for a returned edit) and seal it, kind ``clearance-response``, to the drafter.

        Raises ClearanceRefused (see :meth:`read_request`), PolicyRefusal (the drafter
        answering their own request), InputError (an edit of another cable, or no
        edit at all; a drafter who is not among your contacts)."""
        read = self.read_request(path)
        if read.drafter_fingerprint in self._mine():
            raise PolicyRefusal(
                "You drafted this cable: you cannot clear or approve it yourself."
                if answer in (StatementRole.CLEARED, StatementRole.APPROVED)
                else "You drafted this cable: answer it by editing your draft.",
                hint="An approver is never the drafter.",
            )
        cable = read.cable
        if answer is StatementRole.RETURNED:
            cable = returned_edit(cable, edited)
        elif answer is StatementRole.APPROVED:  # the drafter's side would refuse it
            refuse_own_approval_without_authority(self._vault, self._mine())
        contacts = [
            c for c in self._vault.contacts.all() if c.fingerprint == read.drafter_fingerprint
        ]
        if not contacts:
            raise InputError(
                "The drafter of this request is not among your contacts: the answer is sealed "
                "for them.",
                hint="Import their contact card (cabledesk-cli open --import-card), verify it, "
                "then answer again.",
            )
        text = clearance_sha256(cable)
        statement = self._sign(answer, cable.id, text, comment)

        def record(sealed: Cable) -> None:
            self._vault.audit.append(
                Event.CLEARANCE_GIVEN,
                {
                    "cable": cable.id,
                    "role": str(answer),
                    "text": text,
                    "to": f"{contacts[0].name} ({contacts[0].fingerprint})",
                    "file": output.name,
                },
            )

        SealService(self._vault, self._schemes).seal(
            cable,
            contacts,
            output,
            confirmed=confirmed,
            overwrite=overwrite,
            kind=PackageKind.CLEARANCE_RESPONSE,
            statements=[statement.to_bytes()],
            on_sealed=record,
        )
        return output

    # --- the drafter: receiving -----------------------------------------------------------

    @audits_refusals(Event.CLEARANCE_REFUSED, CableDeskError, refused_details)
    def receive(self, path: Path, *, accept_edit: bool = False) -> ReceiveOutcome:
        """Verify the answer ``path`` and record it on its draft.

        A returned edit is shown as a diff; with ``accept_edit`` it becomes the
        draft's text (a new version, with a new ``drafted`` statement by you), and
        the clearances of the earlier text stop counting. Raises ClearanceRefused
        (does not verify; not an answer; not for a draft of yours in clearance; its
        statement forged, about a text you never sent, by someone you did not ask,
        an approval by the drafter or by someone not designated as approver)."""
        result = OpenService(self._vault, self._schemes).verify(path)
        refuse_failure(result, "clearance answer")
        if result.kind is not PackageKind.CLEARANCE_RESPONSE or result.signer is None:
            raise ClearanceRefused(
                f"{path.name} is not an answer to a clearance request (it is a sealed file "
                f"of kind {result.kind})."
            )
        assert result.cable is not None
        draft_id = result.cable.id
        requests = self._store.requests(draft_id)
        if not requests or not self._vault.drafts.exists(draft_id):
            raise ClearanceRefused(
                f"{path.name} answers about the cable {draft_id}, which is not a draft of "
                "yours in clearance.",
                hint="Nothing was recorded.",
            )
        report = the_statement(result, path)
        statement = Statement.parse(report.data or b"")
        role = statement.role
        parties = {(p.fingerprint, p.part) for r in requests for p in r.parties}
        signer = statement.signer.fingerprint
        check_party(role, signer, parties, statement.signer.name, drafters=self._mine())
        if role is StatementRole.APPROVED:
            refuse_approval_without_authority(
                self._vault, signer, self._name_of(signer, statement.signer.name)
            )
        requested = {r.text_sha256 for r in requests}
        if role is not StatementRole.RETURNED and statement.text_sha256 not in requested:
            raise ClearanceRefused(
                f"This {role} statement is about a text of {draft_id} you never sent for "
                "clearance.",
                hint="Nothing was recorded. Ask its signer to answer your latest request.",
            )
        current = self._vault.drafts.load(draft_id)
        diff: tuple[DiffLine, ...] = ()
        if role is StatementRole.RETURNED:
            diff = tuple(self._diff(current, result.cable))
        name = self._name_of(signer, statement.signer.name)
        accepted = False
        with self._vault.transaction():
            recorded = self._record_statement(draft_id, statement, name)
            if recorded:
                self._vault.audit.append(
                    Event.CLEARANCE_RECEIVED,
                    {
                        "cable": draft_id,
                        "role": str(role),
                        "from": f"{name} ({signer})",
                        "text": statement.text_sha256,
                        "file": path.name,
                    },
                )
            if role is StatementRole.RETURNED and accept_edit:
                self._accept(current, result.cable, name, signer)
                accepted = True
        text_now = clearance_sha256(self._vault.drafts.load(draft_id))
        return ReceiveOutcome(
            draft_id,
            str(role),
            name,
            signer,
            statement.comment,
            recorded,
            statement.text_sha256 == text_now,
            diff,
            accepted,
        )

    def _accept(self, current: Cable, edited: Cable, name: str, signer: str) -> None:
        """Make the returned ``edited`` the draft's text, with a new drafted statement."""
        new = replace(edited, dtg=current.dtg, serial=current.serial)
        DraftsService(self._vault, self._schemes).save(new)
        text = clearance_sha256(new)
        accepted = f"Accepted the changes returned by {name}."
        drafted = self._sign(StatementRole.DRAFTED, new.id, text, accepted)
        self._record_statement(new.id, drafted)
        self._vault.audit.append(
            Event.CLEARANCE_EDIT_ACCEPTED,
            {"cable": new.id, "from": f"{name} ({signer})", "text": text},
        )

    # --- status and release ---------------------------------------------------------------

    def status(self, draft_id: str) -> ClearanceStatus:
        """The clearance of the draft ``draft_id`` (VaultError if there is no such draft)."""
        cable = self._vault.drafts.load(draft_id)
        return self._status(cable, self._banner(cable))

    def for_release(self, cable: Cable, banner: Marking) -> tuple[bytes, ...]:
        """The statements to carry with ``cable`` as released: those recorded on its
        exact text (drafted, cleared, returned, approved that count).

        Raises PolicyRefusal, saying what is missing, when the settings require
        approval (or two) at the cable's level and it lacks them."""
        status = self._status(cable, banner)
        missing = status.missing()
        if missing:
            changed = (
                self._store.in_clearance(cable.id)
                and not status.approvals
                and any(a.role == "approved" for a in self._store.answers(cable.id))
            )
            raise PolicyRefusal(
                f"A {banner.level.name} cable is sealed only once approved, and this one "
                f"lacks {'; '.join(missing)}."
                + (" It was approved, but its text changed since." if changed else ""),
                hint="Send it for approval (cabledesk-cli clearance request … --approver), "
                "record the answers (clearance receive), then seal it.",
            )
        counted = {*status.approvals, *status.drafted_by}
        clearers = {p.fingerprint for p in status.parties}
        return tuple(
            a.statement
            for a in self._store.answers(cable.id)
            if a.text_sha256 == status.text_sha256
            and a.role in _RELEASED
            and (a.fingerprint in counted or (a.role != "approved" and a.fingerprint in clearers))
        )

    def _status(self, cable: Cable, banner: Marking | None) -> ClearanceStatus:
        return clearance_status(
            cable.id,
            clearance_sha256(cable),
            self._store.requests(cable.id),
            self._store.answers(cable.id),
            drafters=frozenset(self._mine()),
            approvals_needed=approvals_needed(self._vault, self._schemes, banner),
            authorities=release_authorities(self._vault, self._approver_keys(cable.id)),
        )

    def _approver_keys(self, draft_id: str) -> list[str]:
        return [p.fingerprint for r in self._store.requests(draft_id) for p in r.parties]

    # --- helpers ----------------------------------------------------------------------------

    def _banner(self, cable: Cable) -> Marking | None:
        return DraftsService(self._vault, self._schemes).banner(cable)

    def _sign(self, role: StatementRole, cable_id: str, text: str, comment: str) -> Statement:
        """A statement by the user's active identity, made now."""
        me = self._vault.identities.active()
        return Statement.sign(
            me.signing_key,
            role=role,
            cable_id=cable_id,
            text_sha256=text,
            name=me.name,
            made=self._vault.now(),
            office=me.post,
            comment=comment,
        )

    def _mine(self) -> set[str]:
        return {i.fingerprint for i in self._vault.identities.all()}

    def _name_of(self, fingerprint: str, claimed: str) -> str:
        contact = self._vault.contacts.get(fingerprint)
        return contact.name if contact is not None else claimed

    def _record_statement(self, draft_id: str, statement: Statement, name: str = "") -> bool:
        return self._store.add_answer(
            draft_id,
            statement.to_bytes(),
            role=str(statement.role),
            fingerprint=statement.signer.fingerprint,
            name=name or statement.signer.name,
            text_sha256=statement.text_sha256,
            comment=statement.comment,
            made=statement.made,
            received=self._vault.now(),
        )

    def _diff(self, old: Cable, new: Cable) -> list[DiffLine]:
        def text(cable: Cable) -> str:
            banner = self._banner(cable)
            return banner.banner if banner is not None else ""

        plain_old = replace(old, dtg=None, serial=None)
        plain_new = replace(new, dtg=None, serial=None)
        return diff_lines(
            cable_lines(plain_old, text(plain_old)), cable_lines(plain_new, text(plain_new))
        )

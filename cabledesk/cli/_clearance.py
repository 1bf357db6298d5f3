"""``clearance request|respond|approve|receive|status``: the cable's life between laptops.

Exit codes: 0 success (an answer recorded); 1 a file that does not verify or
is not for this draft, or refused by policy (the release policy, an approver
who is the drafter); 2 usage or unreadable input.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cabledesk.cli._confirm import confirmations
from cabledesk.cli._exits import EXIT_OK
from cabledesk.cli._session import add_vault_options, open_session
from cabledesk.cli._terminal import visible

if TYPE_CHECKING:
    from cabledesk.domain.cable import Cable
    from cabledesk.services.clearance import ClearanceStatus, ReceiveOutcome
    from cabledesk.services.session import Session
    from cabledesk.store.contacts import Contact

__all__ = ["register"]


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "clearance",
        help="send a draft for clearance, answer, approve, record the answers",
        description="Clearance between laptops: the drafter sends the draft (request), each "
        "clearer answers with a signed statement (respond), an approver approves (approve), "
        "the drafter records the answers on the draft (receive) and sees where it stands "
        "(status). Every step is a sealed cable; every answer a signed statement over the "
        "exact text.",
    )
    sub = parser.add_subparsers(dest="clearance_command", metavar="ACTION", required=True)

    p = sub.add_parser(
        "request",
        help="seal a draft for its clearers and approver; mark it in clearance",
        description="Seal the draft (a CABLE.json file or the id of a draft) as a clearance "
        "request for the clearers (--to) and the approver (--approver), under the release "
        "policy of sealing, with your signed statement that you drafted this text.",
    )
    add_vault_options(p)
    p.add_argument("cable", metavar="CABLE.json|ID")
    p.add_argument("--to", action="append", default=[], metavar="CONTACT",
                   help="a clearer: a contact or group (repeatable)")  # fmt: skip
    p.add_argument("--approver", action="append", default=[], metavar="CONTACT",
                   help="an approver with release authority (repeatable)")  # fmt: skip
    p.add_argument("--comment", default="", metavar="TEXT")
    p.add_argument("-a", "--attach", action="append", default=[], metavar="FILE",
                   help="an attachment the draft carries (repeatable): the clearers receive "
                   "it, and the clearance covers its name, size and SHA-256")  # fmt: skip
    _output_options(p, "REQUEST.cable")
    p.set_defaults(handler=_request)

    p = sub.add_parser(
        "respond",
        help="clear, return with changes, or decline a clearance request",
        description="Answer a clearance request with a signed statement, sealed back to its "
        "drafter: --clear (you clear its exact text), --edit EDITED.json (you return your "
        "version of the cable, signed), --decline (with --comment saying why).",
    )
    add_vault_options(p)
    p.add_argument("request", metavar="REQUEST.cable")
    answer = p.add_mutually_exclusive_group(required=True)
    answer.add_argument("--clear", action="store_true")
    answer.add_argument("--edit", metavar="EDITED.json")
    answer.add_argument("--decline", action="store_true")
    p.add_argument("--comment", default="", metavar="TEXT")
    _output_options(p, "RESPONSE.cable")
    p.set_defaults(handler=_respond)

    p = sub.add_parser(
        "approve",
        help="approve a clearance request for release",
        description="Approve the text of a clearance request with a signed statement, sealed "
        "back to its drafter. The drafter cannot approve their own cable.",
    )
    add_vault_options(p)
    p.add_argument("request", metavar="REQUEST.cable")
    p.add_argument("--comment", default="", metavar="TEXT")
    _output_options(p, "RESPONSE.cable")
    p.set_defaults(handler=_approve)

    p = sub.add_parser(
        "receive",
        help="verify an answer and record it on its draft",
        description="Verify a clearance answer and record it on its draft. A returned edit "
        "is shown as a diff; --accept-edit makes it the draft's text (clearances of the "
        "earlier text are kept, marked as given to an earlier version). Exit 0 recorded, "
        "1 it does not verify or is not for a draft of yours in clearance, 2 unreadable.",
    )
    add_vault_options(p)
    p.add_argument("response", metavar="RESPONSE.cable")
    p.add_argument("--accept-edit", action="store_true",
                   help="make a returned edit the draft's text")  # fmt: skip
    p.set_defaults(handler=_receive)

    p = sub.add_parser(
        "status",
        help="who cleared which version, who declined, who has not answered, approval",
    )
    add_vault_options(p)
    p.add_argument("draft", metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_status)


def _output_options(p: argparse.ArgumentParser, metavar: str) -> None:
    p.add_argument("-o", "--output", metavar=metavar)
    p.add_argument("--confirm-unverified", action="store_true",
                   help="seal to unverified contacts without asking")  # fmt: skip
    p.add_argument("--force", action="store_true", help=f"overwrite {metavar}")


def _draft(ref: str, session: Session) -> Cable:
    from cabledesk.services.drafting import DraftingService

    if Path(ref).is_file():
        return DraftingService.read_cable(Path(ref))
    return session.drafts.load(session.drafts.find_id(ref))


def _confirmed(args: argparse.Namespace, session: Session, cable: Cable,
               recipients: list[Contact]) -> set[str]:  # fmt: skip
    check = session.sealing.check(cable, recipients)
    return confirmations(
        check.needs_confirmation(), assume=args.confirm_unverified, question="Seal to them anyway?"
    )


def _request(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        cable = _draft(args.cable, session)
        clearers = session.sealing.resolve(args.to) if args.to else []
        approvers = session.sealing.resolve(args.approver) if args.approver else []
        confirmed = _confirmed(args, session, cable, [*clearers, *approvers])
        output = Path(args.output or f"{cable.id[:8]}-clearance-request.cable")
        session.clearance.request(
            cable,
            clearers,
            output,
            approvers=approvers,
            comment=args.comment,
            confirmed=confirmed,
            overwrite=args.force,
            attachments=[Path(a) for a in args.attach],
        )
    print(f"Sent for clearance: {output} (the draft {cable.id} is in clearance)", file=sys.stderr)
    print(output)
    return EXIT_OK


def _answer(args: argparse.Namespace, role: Any, edited_file: str | None) -> int:
    from cabledesk.services.drafting import DraftingService

    edited = DraftingService.read_cable(Path(edited_file)) if edited_file else None
    with open_session(args) as session:
        service = session.clearance
        read = service.read_request(Path(args.request))
        drafter = session.contacts.get(read.drafter_fingerprint)
        recipients = [drafter] if drafter is not None else []
        confirmed = _confirmed(args, session, read.cable, recipients) if recipients else set()
        output = Path(args.output or f"{read.cable.id[:8]}-{role}.cable")
        service.respond(
            Path(args.request),
            role,
            output,
            edited=edited,
            comment=args.comment,
            confirmed=confirmed,
            overwrite=args.force,
        )
    print(f"Answered ({role}): {output}, sealed for the drafter", file=sys.stderr)
    print(output)
    return EXIT_OK


def _respond(args: argparse.Namespace) -> int:
    from cabledesk.services.clearance import Answer

    if args.clear:
        return _answer(args, Answer.CLEAR, None)
    if args.decline:
        return _answer(args, Answer.DECLINE, None)
    return _answer(args, Answer.EDIT, args.edit)


def _approve(args: argparse.Namespace) -> int:
    from cabledesk.services.clearance import Answer

    return _answer(args, Answer.APPROVE, None)


def _receive(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        outcome = session.clearance.receive(Path(args.response), accept_edit=args.accept_edit)
    _print_received(outcome)
    return EXIT_OK


def _print_received(o: ReceiveOutcome) -> None:
    what = {
        "cleared": "cleared",
        "returned": "returned with changes",
        "declined": "declined",
        "approved": "approved",
    }[o.role]
    version = "the current text" if o.current else "an earlier version of the text"
    lines = [
        f"{'Recorded' if o.recorded else 'Already recorded'}: {o.signer} ({o.fingerprint}) "
        f"{what} {version} of draft {o.draft_id}."
    ]
    if o.comment:
        lines.append(f"  comment: {o.comment}")
    if not o.current and o.role != "returned":
        lines.append("  It does not count for the current text.")
    if o.diff:
        lines.append("Changes returned (- your draft, + their version):")
        lines += [f"  {line}" for line in o.diff]
        if o.accepted:
            lines.append(
                "Accepted: the draft's text is now their version; clearances of the earlier "
                "text no longer count."
            )
        else:
            lines.append(
                "Not accepted: the draft is unchanged. Run again with --accept-edit to make "
                "their version the draft's text."
            )
    for line in lines:
        print(visible(line))


def _status(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        draft_id = session.drafts.find_id(args.draft)
        status = session.clearance.status(draft_id)
    if args.json:
        print(
            visible(json.dumps(status.to_dict(), indent=2, ensure_ascii=False), keep_newlines=True)
        )
        return EXIT_OK
    for line in _status_lines(status):
        print(visible(line))
    return EXIT_OK


_SHOWN = {
    "no-answer": "has not answered",
    "cleared": "cleared the current text",
    "returned": "returned changes, which are the current text",
    "declined": "declined the current text",
    "approved": "approved the current text",
    "cleared-earlier-version": "cleared an earlier version (does not count for the current text)",
    "approved-earlier-version": "approved an earlier version (does not count for the current text)",
    "declined-earlier-version": "declined an earlier version",
    "returned-earlier-version": "returned changes to an earlier version",
}


_AUTHORITY = {
    "designated": "as you designated (no directory trusted)",
    "attested": "attested by a directory you trust",
    "not-attested": "none: the directory you trust does not attest it; their approval "
    "does not count",
}


def _status_lines(s: ClearanceStatus) -> list[str]:
    state = "in clearance" if s.in_clearance else "not sent for clearance"
    lines = [f"Draft {s.draft_id}: {state}", f"  text: sha256 {s.text_sha256}"]
    drafted = "yes" if s.drafted_by else "no statement of yours on the current text"
    lines.append(f"  drafted (your statement on the current text): {drafted}")
    for p in s.parties:
        line = f"  {p.part} {p.name} ({p.fingerprint}): {_SHOWN[str(p.answered)]}"
        if p.comment:
            line += f"; comment: {p.comment}"
        lines.append(line)
        if p.release_authority:
            lines.append(f"    release authority: {_AUTHORITY[p.release_authority]}")
            if p.release_authority_problem:
                lines.append(f"    {p.release_authority_problem}")
    need = f" ({s.approvals_needed} needed to seal)" if s.approvals_needed else ""
    lines.append(f"  approved: {'yes' if s.approvals else 'no'}{need}")
    lines += [f"  missing to seal: {m}" for m in s.missing()]
    return lines

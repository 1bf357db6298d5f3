"""``seal``, ``open`` and the ``.cable`` half of ``verify``.

Exit codes: 0 valid (a verdict that is a warning — signer unverified or
unknown, document not checked — is valid, and printed), 1 verification failed
(a missing signature included), refused by policy, or a cable not sealed for
you without ``--accept-forwarded``, 2 usage or unreadable input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cabledesk.cli._confirm import confirmations
from cabledesk.cli._exits import EXIT_FAILED, EXIT_OK
from cabledesk.cli._session import add_vault_options, open_session
from cabledesk.cli._terminal import visible, write_controls

if TYPE_CHECKING:
    from cabledesk.domain.cable import Cable
    from cabledesk.seal import StatementReport, Verification
    from cabledesk.services.sealing import SealCheck
    from cabledesk.services.session import Session

__all__ = ["register", "verify_command"]


def register(commands: Any) -> None:
    p = commands.add_parser(
        "seal",
        help="sign and encrypt a cable for its recipients",
        description="Seal a cable (a CABLE.json file or the id of a draft): check its "
        "findings and the release policy for every recipient, sign it, encrypt it to them "
        "and to you, and write OUT.cable (default: a name with the date, post, serial and "
        "banner). The cable is archived as sent.",
    )
    add_vault_options(p)
    p.add_argument("cable", metavar="CABLE.json|ID")
    p.add_argument("--to", action="append", default=[], required=True,
                   metavar="CONTACT_OR_GROUP", help="a contact or group (repeatable)")  # fmt: skip
    p.add_argument("-a", "--attach", action="append", default=[], metavar="FILE")
    p.add_argument("--armor", action="store_true", help="ASCII armor, for text mail")
    p.add_argument("-o", "--output", metavar="OUT.cable")
    p.add_argument("--confirm-unverified", action="store_true",
                   help="seal to unverified contacts without asking")  # fmt: skip
    p.add_argument("--force", action="store_true", help="overwrite OUT.cable")
    p.set_defaults(handler=_seal)

    p = commands.add_parser(
        "open",
        help="open, verify and archive a sealed cable",
        description="Decrypt a .cable with your identities, verify it (signature, every "
        "file's hash, that it was meant for you, who signed it), print the verdict and the "
        "cable, and keep it in the archive as received. --extract writes its document and "
        "attachments into DIR (only when it verifies).",
    )
    add_vault_options(p)
    p.add_argument("file", metavar="FILE.cable")
    p.add_argument("--extract", metavar="DIR")
    p.add_argument("--json", action="store_true")
    p.add_argument("--import-card", action="store_true",
                   help="import the signer's contact card (unverified)")  # fmt: skip
    p.add_argument("--accept-forwarded", action="store_true",
                   help="read, archive and extract a cable that was not sealed for you "
                   "(someone re-encrypted it to you)")  # fmt: skip
    p.set_defaults(handler=_open)


def _cable(args: argparse.Namespace, session: Session) -> Cable:
    from cabledesk.services.drafting import DraftingService

    if Path(args.cable).is_file():
        return DraftingService.read_cable(Path(args.cable))
    return session.documents.find_cable(args.cable)


def _print_check(check: SealCheck) -> None:
    for finding in check.warnings:
        print(f"warning: {finding.field}: {finding.message}", file=sys.stderr)
    for contact, profile, decision in check.decisions:
        basis = "; ".join(p.render() for p in profile.basis())
        if basis and profile.attested:  # which attested attributes the decision used
            print(f"{contact.name}: {basis}", file=sys.stderr)
        for reason in decision.reasons:
            print(f"{contact.name}: {reason.text}", file=sys.stderr)
    plan = check.post_quantum
    if plan is not None and plan.warning is not None:
        print(f"warning: {plan.warning.render()}", file=sys.stderr)


def _seal(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        service = session.sealing
        cable = _cable(args, session)
        recipients = service.resolve(args.to)
        check = service.check(cable, recipients)
        _print_check(check)
        confirmed = confirmations(
            check.needs_confirmation(),
            assume=args.confirm_unverified,
            question="Seal to them anyway?",
        )
        output = Path(args.output) if args.output else Path(service.suggested_name(cable))
        progress = _progress_printer() if sys.stderr.isatty() else None
        outcome = service.seal(
            cable,
            recipients,
            output,
            attachments=[Path(a) for a in args.attach],
            armor=args.armor,
            confirmed=confirmed,
            overwrite=args.force,
            progress=progress,
        )
    if progress is not None:
        write_controls("\r", file=sys.stderr)  # over the progress line
    how = "post-quantum (ML-KEM-768 + X25519)" if outcome.post_quantum else "X25519"
    print(f"Sealed {outcome.output} ({how}) for:", file=sys.stderr)
    for name in outcome.recipients:
        print(f"  {name}", file=sys.stderr)
    print(outcome.output)
    return EXIT_OK


def _progress_printer() -> Any:
    def show(done: int) -> None:
        write_controls("\r", file=sys.stderr)
        print(f"{done / 2**20:,.1f} MiB sealed", end="", file=sys.stderr)

    return show


def _print_verification(result: Verification, *, with_cable: bool) -> None:
    """The verdict, what was established, the clearance statements and (``with_cable``)
    the cable; every text from the file through :func:`visible`."""
    mark = {"ok": "VALID", "warning": "VALID, WITH A WARNING", "failure": "FAILED"}
    lines = [f"{mark[str(result.severity)]}: {result.message}"]
    if result.hint:
        lines.append(f"  {result.hint}")
    if result.signer is not None:
        trust = result.trust.state.value if result.trust else "unknown"
        known, signer = result.known_as, result.signer
        claimed = f"{signer.name} ({signer.post})" if signer.post else signer.name
        if known is not None and known.keys_changed:
            trust = "KEYS CHANGED since you verified them"
        who = known.label if known is not None else f"not among your contacts, signs as '{claimed}'"
        lines.append(f"  signed by: {who}, {signer.fingerprint}, {trust}")
        if known is not None and known.label != claimed:
            lines.append(f"  signs as: '{claimed}' (the sender's own claim, not your record)")
    if result.addressed_to_you is not None:
        lines.append(f"  addressed to you: {'yes' if result.addressed_to_you else 'NO'}")
    if result.post_quantum is not None:
        pq = "yes (ML-KEM-768 + X25519)" if result.post_quantum else "no (X25519)"
        lines.append(f"  sealed post-quantum: {pq}")
    if result.banner:
        lines.append(f"  banner: {result.banner}")
    if result.computed_banner:
        lines.append(f"  its portion marks add up to: {result.computed_banner}")
    lines += [f"  file: {f.name} ({f.size} bytes, sha256 {f.sha256[:16]}…)" for f in result.files]
    for statement in result.statements:
        lines += _statement_lines(statement)
    lines += _chain_lines(result)  # issue 18
    lines += [f"  warning: {warning}" for warning in result.warnings]
    lines += [f"  extracted: {path}" for path in result.extracted]
    for line in lines:
        print(visible(line))
    if with_cable and result.cable is not None:
        print(visible(_cable_text(result.cable, result.banner or ""), keep_newlines=True))


def _statement_lines(s: StatementReport) -> list[str]:
    """A clearance statement: who says what (as the statement states it), and whether
    it holds and is about this text."""
    if s.role is None:
        return [f"  statement {s.path}: cannot be read: {s.problem}"]
    office = f", office {s.office}" if s.office else ""
    made = f", {s.made:%Y-%m-%d %H:%M} UTC" if s.made else ""
    lines = [
        f"  statement {s.path}: {s.role} by {s.signer_name} (as the statement names the "
        f"signer){office}{made}",
        f"    key: {s.fingerprint}",
        f"    signature holds: {'yes' if s.signature_valid else 'NO'}; "
        f"on this cable's text: {'yes' if s.matches_cable else 'NO'}",
    ]
    if s.comment:
        lines.append(f"    comment: {s.comment}")
    if s.problem:
        lines.append(f"    problem: {s.problem}")
    return lines


# --- issue 18: drafted, cleared, approved -----------------------------------------------

_STATES = {
    "verified": "verified",
    "unverified": "key not verified",
    "unknown-key": "by a key not among your contacts",
    "keys-changed": "KEYS CHANGED since you verified them",
    "revoked": "KEY REVOKED",
    "forged": "SIGNATURE DOES NOT HOLD",
    "other-text": "ABOUT ANOTHER TEXT: does not count for this one",
    "no-release-authority": "NO RELEASE AUTHORITY attested by a directory you trust",
}


def _chain_lines(result: Verification) -> list[str]:
    """``drafted by`` / ``cleared by`` / ``approved by``: each signer by the reader's own
    contact record (a stranger by the name the statement claims), with its state."""
    chain = result.chain()
    lines: list[str] = []
    for label, links in (
        ("drafted by", [chain["drafted_by"]] if chain["drafted_by"] else []),
        ("cleared by", chain["cleared_by"]),
        ("approved by", chain["approved_by"]),
    ):
        for link in links:
            who = link["name"] or f"'{link['signs_as']}' (as the statement names the signer)"
            office = f" ({link['office']})" if link["office"] else ""
            lines.append(
                f"  {label}: {who}{office}, {link['fingerprint']}, {_STATES[link['state']]}"
            )
    return lines


# --- end of issue 18 --------------------------------------------------------------------


def _cable_text(c: Cable, banner: str) -> str:
    from cabledesk.domain.cable import format_dtg

    lines = ["", banner, f"{c.precedence} {format_dtg(c.dtg) if c.dtg else ''}".strip()]
    lines.append(f"FM {c.originator}")
    lines += [f"TO {a.name} {a.precedence or ''}".rstrip() for a in c.action]
    lines += [f"INFO {a.name} {a.precedence or ''}".rstrip() for a in c.info]
    lines.append(f"SUBJECT: {c.subject_marking} {c.subject}")
    lines += [f"\n{n}. {p.marking} {p.text}" for n, p in enumerate(c.paragraphs, start=1)]
    if c.signature:
        lines.append(f"\n{c.signature}")
    lines.append(banner)
    return "\n".join(lines)


def _extract_folder(text: str | None) -> Path | None:
    """The folder of ``--extract``, made if missing; InputError if it cannot be."""
    from cabledesk.errors import InputError

    if text is None:
        return None
    folder = Path(text)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise InputError(
            f"{folder} is a file, not a folder: CableDesk extracts into a folder.",
            hint="Give the name of a folder (it is made if it does not exist).",
        ) from None
    except OSError as exc:
        raise InputError(f"Cannot make the folder {folder}: {exc.strerror}.") from exc
    return folder


def _open(args: argparse.Namespace) -> int:
    extract = _extract_folder(args.extract)
    with open_session(args) as session:
        service = session.opening
        result, _ = service.open(
            Path(args.file), extract_to=extract, accept_forwarded=args.accept_forwarded
        )
        imported = None
        if args.import_card and result.ok and result.sender_card is not None:
            imported = service.import_sender_card(result)
    if args.json:
        print(visible(result.to_json(), keep_newlines=True))
    else:
        _print_verification(result, with_cable=True)
        if imported is not None:
            from cabledesk.cli._contacts import print_import

            print_import(imported, file=sys.stderr)
    return _exit_code(result, accept_forwarded=args.accept_forwarded)


def _exit_code(result: Verification, *, accept_forwarded: bool = False) -> int:
    """1 for a failure, and for a cable not sealed for you unless accepted as forwarded."""
    forwarded = result.addressed_to_you is False and not accept_forwarded
    return EXIT_OK if result.ok and not forwarded else EXIT_FAILED


def verify_command(args: argparse.Namespace) -> int:
    """``verify FILE.cable [--json]``: verification only, nothing stored."""
    with open_session(args) as session:
        result = session.opening.verify(Path(args.file))
    if args.json:
        print(visible(result.to_json(), keep_newlines=True))
    else:
        _print_verification(result, with_cable=False)
    return _exit_code(result)

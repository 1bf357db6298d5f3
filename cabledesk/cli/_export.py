"""``cabledesk-cli export``: a cable as a signed .docx or .pdf; and the document half of
``cabledesk-cli verify`` (:func:`verify_document_command`).

Exit codes as everywhere: 0 success (for ``verify``: a valid signature by a
known or named signer), 1 refused by policy or verification failed, 2 usage or
unreadable input.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cabledesk.cli._exits import EXIT_FAILED, EXIT_OK
from cabledesk.cli._io import read_small_file
from cabledesk.cli._session import access, add_vault_options, open_session
from cabledesk.cli._terminal import visible

__all__ = ["add_verify_arguments", "register", "verify_document_command"]


def register(commands: Any) -> None:
    p = commands.add_parser(
        "export",
        help="write a cable as a Word or PDF document, optionally signed",
        description="Write a cable (canonical JSON) as a .docx or .pdf with its banner on every "
        "page, portion marks and page numbers. With --sign, also write OUT.sig (an SSH "
        "signature anyone can check with ssh-keygen -Y verify, namespace "
        "cabledesk-document-v1); with --bundle, also OUT.zip holding the document, its "
        "signature and your contact card. --level writes a sanitized version holding only "
        "what may be released at that level. Cables above the export ceiling (by default "
        "anything above the scheme's lowest classified level) are refused: seal them instead. "
        "PDF export needs LibreOffice.",
    )
    p.add_argument(
        "cable", metavar="CABLE.json|ID", help="a cable file, or the id of a cable in the vault"
    )
    out = p.add_mutually_exclusive_group(required=True)
    out.add_argument("--docx", metavar="OUT.docx", help="write a Word document")
    out.add_argument("--pdf", metavar="OUT.pdf", help="write a PDF (through LibreOffice)")
    p.add_argument(
        "--sign", action="store_true", help="sign it (with -k KEY.ssh, or your vault identity)"
    )
    p.add_argument("-k", "--key", metavar="KEY.ssh", help="an OpenSSH Ed25519 private key")
    p.add_argument(
        "--card", metavar="CARD.contact", help="your contact card for --bundle "
        "(default: KEY.contact beside the key)"
    )  # fmt: skip
    p.add_argument("--bundle", action="store_true", help="also write OUT.zip (needs --sign)")
    p.add_argument("--level", metavar="LEVEL", help="write a sanitized version at LEVEL")
    p.add_argument(
        "--release-to", metavar="CCC,...", help="sanitize for release to these countries"
    )
    _add_release_options(p)
    p.add_argument("--paper", choices=("a4", "letter"), default="a4", help="default: a4")
    p.add_argument("--author", default="", help="an author for the document properties")
    p.add_argument("--force", action="store_true", help="overwrite existing output files")
    add_vault_options(p)
    p.set_defaults(handler=_export)


def _add_release_options(p: argparse.ArgumentParser) -> None:
    """What a sanitized version (--level/--release-to) releases besides its portions;
    everything is withheld unless given."""
    g = p.add_argument_group(
        "sanitized version",
        "With --level or --release-to. The source cable's id, serial and date-time group, its "
        "REF lines, attachments list, subject and TAGS are withheld unless released here; "
        "paragraphs are renumbered and nothing is said of what was withheld.",
    )
    g.add_argument("--release-refs", action="store_true", help="release the REF lines")
    g.add_argument(
        "--release-attachments", action="store_true", help="release the attachments list"
    )
    subject = g.add_mutually_exclusive_group()
    subject.add_argument(
        "--release-subject",
        action="store_true",
        help="release the subject (if its portion mark allows) and the TAGS",
    )
    subject.add_argument(
        "--subject", metavar="TEXT", help="a releasable subject in place of the withheld one"
    )
    g.add_argument(
        "--show-source-id",
        action="store_true",
        help="name the source cable (id, serial, date-time group)",
    )
    g.add_argument(
        "--keep-numbers",
        action="store_true",
        help="keep the original paragraph numbers, with a line where each withheld one stood",
    )
    g.add_argument("--sanitizer", metavar="NAME", help="who sanitized it, for the stamp")
    g.add_argument("--authority", metavar="TEXT", help="under what authority, for the stamp")


_RELEASE_FLAGS = (
    ("release_refs", "--release-refs"),
    ("release_attachments", "--release-attachments"),
    ("release_subject", "--release-subject"),
    ("subject", "--subject"),
    ("show_source_id", "--show-source-id"),
    ("keep_numbers", "--keep-numbers"),
    ("sanitizer", "--sanitizer"),
    ("authority", "--authority"),
)


def _release_options(args: argparse.Namespace, sanitized: bool) -> Any:
    from cabledesk.domain.sanitize import SanitizeOptions
    from cabledesk.errors import InputError

    given = [flag for name, flag in _RELEASE_FLAGS if getattr(args, name) not in (None, False)]
    if not given:
        return None
    if not sanitized:
        raise InputError(
            f"{given[0]} applies to a sanitized version only.",
            hint="Add --level LEVEL (or --release-to CCC,...).",
        )
    if args.subject is not None and not args.subject.strip():
        raise InputError("--subject is empty.", hint="Write the releasable subject after it.")
    return SanitizeOptions(
        release_refs=args.release_refs,
        release_attachments=args.release_attachments,
        release_subject=args.release_subject,
        subject=args.subject,
        show_source_id=args.show_source_id,
        keep_numbers=args.keep_numbers,
        sanitizer=(args.sanitizer or "").strip(),
        authority=(args.authority or "").strip(),
    )


def add_verify_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments :func:`verify_document_command` reads (for the shared ``verify``)."""
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--sig", metavar="FILE.sig", help="the signature (default: FILE.sig)")
    parser.add_argument(
        "--signer", metavar="CARD.contact|KEY.pub", help="the signer it must come from"
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    add_vault_options(parser)


def _signer(args: argparse.Namespace) -> Any:
    from cabledesk.errors import InputError
    from cabledesk.services.document_signers import signer_from_files

    if args.key and not args.sign:
        raise InputError("-k is given without --sign.", hint="Add --sign to sign the document.")
    if args.bundle and not args.sign:
        raise InputError("--bundle needs --sign.", hint="A bundle carries the signature.")
    if not args.sign or not args.key:
        return None  # unsigned, or signed by the vault's identity
    key = read_small_file(args.key, "private key")
    card_name = args.card
    if args.bundle and card_name is None:
        key_path = Path(args.key)
        card_name = str(key_path.with_name(key_path.name.removesuffix(".ssh") + ".contact"))
        if not Path(card_name).exists():
            raise InputError(
                f"A bundle includes your contact card, and there is none at {card_name}.",
                hint="Give it with --card NAME.contact.",
            )
    card = read_small_file(card_name, "contact card") if card_name is not None else None
    return signer_from_files(key, card, key_name=args.key, card_name=str(card_name), now=_now())


def _now() -> datetime:
    return datetime.now(UTC)


def _export(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from cabledesk.domain.scheme import SchemeRegistry
    from cabledesk.errors import InputError
    from cabledesk.services.document_signers import ExportSettings, Paper
    from cabledesk.services.drafting import DraftingService
    from cabledesk.services.exporting import DocumentFormat, ExportRequest, ExportService

    signer = _signer(args)
    release_to = tuple(c.strip() for c in (args.release_to or "").split(",") if c.strip())
    if args.release_to is not None and not release_to:
        raise InputError(
            f"--release-to {args.release_to!r} names no country.",
            hint="Give country codes separated by commas, e.g. --release-to GBR,FRA.",
        )
    options = _release_options(args, args.level is not None or bool(release_to))
    request = ExportRequest(
        output=Path(args.docx or args.pdf),
        format=DocumentFormat.DOCX if args.docx else DocumentFormat.PDF,
        level=args.level,
        release_to=release_to,
        signer=signer,
        bundle=args.bundle and signer is not None,
        settings=ExportSettings(paper=Paper(args.paper), author=args.author.strip()),
        overwrite=args.force,
        sanitize=options,
    )
    from_file = Path(args.cable).is_file()
    if access(args).exists():  # the vault's ceiling, identity and audit log
        with open_session(args) as session:
            if from_file:
                cable = DraftingService.read_cable(Path(args.cable))
            else:
                cable = session.documents.find_cable(args.cable)
            if args.bundle and signer is None:
                signer = session.identity.document_signer()
                request = replace(request, signer=signer, bundle=True)
            result = session.documents.export(cable, request, sign=args.sign)
    else:
        if not from_file:
            raise InputError(f"There is no file {args.cable} (and no vault to look it up in).")
        if args.sign and signer is None:
            raise InputError("--sign needs a signing key.", hint="Add -k NAME.ssh.")
        cable = DraftingService.read_cable(Path(args.cable))
        result = ExportService(SchemeRegistry.load()).export(cable, request)
    what = f"{result.banner}"
    if result.tearline is not None:
        what += f", sanitized version ({result.tearline.statement()})"
    print(f"wrote {result.document} ({what})", file=sys.stderr)
    print(f"sha256: {result.sha256}", file=sys.stderr)
    if result.signature is not None:
        print(f"wrote {result.signature} (signed by {result.signer_fingerprint})", file=sys.stderr)
    if result.bundle is not None:
        print(f"wrote {result.bundle}", file=sys.stderr)
    return EXIT_OK


def _expected(name: str) -> Any:
    from cabledesk.services.document_signers import expected_signer_from_file

    return expected_signer_from_file(read_small_file(name, "signer file"), name, now=_now())


def _how(signer: Any) -> str:
    from cabledesk.services.document_signers import SignerSource

    match signer.source:
        case SignerSource.CONTACT:
            since = f" since {signer.trust.since:%Y-%m-%d}" if signer.trust.since else ""
            how = f" ({signer.trust.how})" if signer.trust.how else ""
            return f"a contact, {signer.trust.state}{since}{how}"
        case SignerSource.GIVEN:
            return "the signer you named (--signer)"
        case SignerSource.BUNDLE_CARD:
            return "as claimed by the card in the bundle (not verified)"
        case _:
            return "not one of your contacts"


def verify_document_command(args: argparse.Namespace) -> int:
    """``verify FILE.docx|FILE.pdf|BUNDLE.zip [--sig FILE.sig] [--signer …] [--json]``.

    Reads ``args.file``, ``args.sig``, ``args.signer`` and ``args.json``.
    Returns 0 for a valid signature, 1 when verification failed; raises
    CableDeskError for unreadable input (exit 2 through ``main``).
    """
    from cabledesk.domain.scheme import SchemeRegistry
    from cabledesk.services.exporting import ExportService

    expected = _expected(args.signer) if args.signer else None
    signature = Path(args.sig) if args.sig else None
    if access(args).exists():  # who signed, in the user's contacts; and the audit log
        with open_session(args) as session:
            result = session.documents.verify(
                Path(args.file), signature=signature, expected=expected
            )
    else:
        result = ExportService(SchemeRegistry.load()).verify(
            Path(args.file), signature=signature, expected=expected, now=_now()
        )
    if args.json:
        text = json.dumps(result.as_dict(), ensure_ascii=False, indent=2)
        print(visible(text, keep_newlines=True))
    else:
        signer = result.signer
        lines = [
            result.message,
            f"  document:  {result.document} ({result.size} bytes, sha256 {result.sha256})",
            f"  signature: {result.signature} ({result.hash_algorithm}, namespace "
            f"{result.namespace})",
            f"  signer:    {signer.name or '(unknown)'}, {signer.fingerprint}, {_how(signer)}",
            *(f"  note: {note}" for note in result.notes),
        ]
        for line in lines:  # names and paths from the files are data
            print(visible(line))
    return EXIT_OK if result.ok else EXIT_FAILED

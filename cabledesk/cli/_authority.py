"""``authority …``: a security office's key, its attestations, revocations and directories.

``init`` makes the office's key inside the vault (``--nationality`` and
``--scheme`` limit whom it may attest), ``export-anchor`` writes the anchor users
pin, ``attest`` records a person's card with their clearance, nationality,
accesses and roles, ``revoke`` withdraws a key, ``publish`` writes the signed
directory of all of it under the next serial, ``status`` shows the office.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cabledesk.cli._exits import EXIT_OK, EXIT_USAGE
from cabledesk.cli._session import add_vault_options, open_session

if TYPE_CHECKING:
    from cabledesk.services.authority import AuthorityStatus

__all__ = ["register"]

# The format's reasons and roles (services.authority.REASONS and ROLES; a test keeps
# them equal), spelled here so that the help needs no import of the services.
_REASONS = ("key-compromise", "left-service", "clearance-withdrawn", "superseded")
_ROLES = ("release-authority", "clearer", "registry")


def register(commands: Any) -> None:
    authority = commands.add_parser(
        "authority",
        help="run a security office: attest people, revoke keys, publish the directory",
        description="A security office's key, kept inside this vault: it attests people's "
        "clearance, nationality, special accesses and roles, revokes keys, and publishes them "
        "as a signed directory (cabledesk.directory/1) that users import.",
    )
    sub = authority.add_subparsers(dest="authority_command", metavar="ACTION", required=True)

    p = sub.add_parser(
        "init",
        help="create the office's signing key and anchor in this vault",
        description="Create the security office's signing key inside this vault (it never "
        "leaves it) and its anchor. --nationality and --scheme limit whom it may attest "
        "(default: no limit); users' CableDesk refuses a directory that attests outside them.",
    )
    add_vault_options(p)
    p.add_argument("--name", required=True, help='the office, e.g. "MFA SECURITY OFFICE"')
    p.add_argument(
        "--nationality",
        default="",
        metavar="CCC,…",
        help="the nationalities it may attest (ISO 3166 codes, comma-separated)",
    )
    p.add_argument(
        "--scheme",
        default="",
        metavar="S,…",
        help="the classification schemes it may attest under (comma-separated)",
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_init)

    p = sub.add_parser("export-anchor", help="write the office's anchor for users to trust")
    add_vault_options(p)
    p.add_argument("-o", "--output", required=True, metavar="ANCHOR.anchor")
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(handler=_export_anchor)

    p = sub.add_parser(
        "attest",
        help="attest a person's card: clearance, nationality, accesses, roles",
        description="Attest the card's exact keys (its self-signature is checked). "
        "Attesting a key again replaces the earlier attestation.",
    )
    add_vault_options(p)
    p.add_argument("card", metavar="CARD.contact")
    p.add_argument("--clearance", required=True, metavar="LEVEL")
    p.add_argument("--scheme", default=None, metavar="S", help="default: the card's scheme")
    p.add_argument("--nationality", required=True, metavar="CCC")
    p.add_argument(
        "--access",
        default="",
        metavar="ATOMAL,…",
        help="special-access categories (comma-separated)",
    )
    p.add_argument(
        "--role",
        action="append",
        default=[],
        choices=_ROLES,
        help="a role (repeat the option for several)",
    )
    p.add_argument(
        "--expires",
        default=None,
        metavar="YYYY-MM-DD",
        help="the attestation ends at 00:00 UTC on that day (default: never)",
    )
    p.set_defaults(handler=_attest)

    p = sub.add_parser(
        "revoke",
        help="revoke a key (its attestation is withdrawn)",
        description="Revoke a key in the next directory. Reasons: "
        + ", ".join(_REASONS)
        + ' (or in words: "key compromise", "left the service", "clearance withdrawn").',
    )
    add_vault_options(p)
    p.add_argument("fingerprint", metavar="FINGERPRINT")
    p.add_argument("--reason", required=True, metavar="REASON", help=", ".join(_REASONS))
    p.add_argument("--text", default="", help="an explanation, published with the revocation")
    p.set_defaults(handler=_revoke)

    p = sub.add_parser(
        "publish",
        help="write the signed directory of every attestation and revocation",
        description="Write the signed directory (cabledesk.directory/1) under the next "
        "serial; users' CableDesk warns once it is past its next update.",
    )
    add_vault_options(p)
    p.add_argument("-o", "--output", required=True, metavar="DIRECTORY.cdir")
    p.add_argument(
        "--valid-days",
        type=int,
        default=30,
        metavar="N",
        help="days until its next update (default 30, at most 366)",
    )
    p.add_argument("--force", action="store_true", help="overwrite an existing file")
    p.set_defaults(handler=_publish)

    p = sub.add_parser("status", help="the office: fingerprint, safety number, counts, serial")
    add_vault_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_status)


def _list(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def _init(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        status = session.authority.init(
            args.name, nationalities=_list(args.nationality), schemes=_list(args.scheme)
        )
    if args.json:
        print(json.dumps(status.to_json(), indent=2, ensure_ascii=False))
    else:
        _print_status(status)
    print(
        "Authority key created. Export the anchor with 'authority export-anchor -o "
        "FILE.anchor' and give its safety number to users in person.",
        file=sys.stderr,
    )
    return EXIT_OK


def _export_anchor(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        fingerprint = session.authority.export_anchor(Path(args.output), overwrite=args.force)
    print(f"Anchor {fingerprint} written to {args.output}.", file=sys.stderr)
    return EXIT_OK


def _attest(args: argparse.Namespace) -> int:
    from cabledesk.services.authority import AttestRequest

    expires = None
    if args.expires is not None:
        try:
            expires = datetime.strptime(args.expires, "%Y-%m-%d").replace(tzinfo=UTC)
        except ValueError:
            print(f"cabledesk-cli: {args.expires!r} is not a date YYYY-MM-DD.", file=sys.stderr)
            return EXIT_USAGE
    request = AttestRequest(
        clearance=args.clearance,
        nationality=args.nationality,
        scheme=args.scheme,
        accesses=_list(args.access),
        roles=tuple(args.role),
        expires=expires,
    )
    with open_session(args) as session:
        done = session.authority.attest_file(Path(args.card), request)
    e = done.entry
    what = "replaces the earlier attestation" if done.replaced else "recorded"
    print(
        f"{done.fingerprint}  {done.name}: {e.scheme} {e.clearance}, {e.nationality}"
        f"{', ' + ' '.join(e.accesses) if e.accesses else ''}"
        f"{', ' + ' '.join(e.roles) if e.roles else ''} — {what}."
    )
    print("It is published with the next 'authority publish'.", file=sys.stderr)
    return EXIT_OK


def _revoke(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        done = session.authority.revoke(args.fingerprint, args.reason, args.text)
    withdrawn = "; its attestation is withdrawn" if done.was_attested else ""
    print(f"{done.fingerprint} revoked ({done.reason}){withdrawn}.")
    print("It is published with the next 'authority publish'.", file=sys.stderr)
    return EXIT_OK


def _publish(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        done = session.authority.publish(
            Path(args.output), valid_days=args.valid_days, overwrite=args.force
        )
    print(
        f"Directory serial {done.serial} written to {args.output}: {done.entries} attested, "
        f"{done.revocations} revoked; issued {done.issued:%Y-%m-%d %H:%M} UTC, next update "
        f"{done.next_update:%Y-%m-%d %H:%M} UTC."
    )
    return EXIT_OK


def _status(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        status = session.authority.status()
    if args.json:
        print(json.dumps(status.to_json(), indent=2, ensure_ascii=False))
    else:
        _print_status(status)
    return EXIT_OK


def _print_status(status: AuthorityStatus) -> None:
    scope_n = ", ".join(status.nationalities) or "any"
    scope_s = ", ".join(status.schemes) or "any"
    published = (
        f"serial {status.serial}, published {status.published:%Y-%m-%d %H:%M} UTC"
        if status.serial
        else "none published yet"
    )
    print(f"Security office: {status.name}")
    print(f"Fingerprint:     {status.fingerprint}")
    print(f"Safety number:   {status.safety_number}")
    print(f"Scope:           nationalities {scope_n}; schemes {scope_s}")
    print(f"Attested:        {status.attested}")
    print(f"Revoked:         {status.revoked}")
    print(f"Last directory:  {published}")

"""``directory trust|untrust|import|status``: security offices' anchors and directories.

``directory import`` exits 0 when imported (or the very same directory again), 1
when a check failed (not signed by a trusted anchor, bad signature, older serial,
expired, an entry outside the anchor's scope) and 2 when the file is unreadable;
the vault is unchanged unless it exits 0.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from cabledesk.cli._session import add_vault_options, open_session

__all__ = ["register"]


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "directory",
        help="security offices' anchors and the directories they sign",
        description="Trust a security office's anchor after comparing its fingerprint or "
        "safety number with the office; import the directories it signs (attested "
        "clearances, nationalities and roles, and revoked keys).",
    )
    sub = parser.add_subparsers(dest="directory_command", metavar="ACTION", required=True)

    p = sub.add_parser(
        "trust",
        help="trust a security office's anchor (shows its fingerprint and safety number)",
        description="Show the anchor's fingerprint and safety number; compare them with the "
        "security office (in person, by phone), then confirm. Without a terminal, --yes "
        "confirms that you compared them.",
    )
    add_vault_options(p)
    p.add_argument("file", metavar="ANCHOR.anchor")
    p.add_argument(
        "--how",
        required=True,
        help="how you verified it, e.g. 'handed over by the security officer'",
    )
    p.add_argument("--yes", action="store_true", help="you compared the fingerprint: do not ask")
    p.set_defaults(handler=_trust)

    p = sub.add_parser(
        "untrust",
        help="stop trusting an anchor: what only it attested reverts to self-declared",
    )
    add_vault_options(p)
    p.add_argument("anchor", metavar="FINGERPRINT")
    p.set_defaults(handler=_untrust)

    p = sub.add_parser(
        "import",
        help="import a directory signed by a trusted anchor",
        description="Exit 0 imported (or the same directory again), 1 verification failed "
        "(signature, anchor, older serial, expired, out of scope), 2 unreadable.",
    )
    add_vault_options(p)
    p.add_argument("file", metavar="DIRECTORY.cdir")
    p.set_defaults(handler=_import)

    p = sub.add_parser("status", help="trusted anchors, their last directory, counts")
    add_vault_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_status)


def _trust(args: argparse.Namespace) -> int:
    from cabledesk.cli._terminal import visible
    from cabledesk.errors import InputError
    from cabledesk.services.directory import DirectoryService

    anchor = DirectoryService.read_anchor_file(Path(args.file))
    scope = anchor.scope
    print(visible(f"Anchor:        {anchor.name}"))
    print(f"Fingerprint:   {anchor.fingerprint}")
    print(f"Safety number: {anchor.safety_number}")
    print(
        f"Scope:         nationalities {', '.join(scope.nationalities) or 'any'}; "
        f"schemes {', '.join(scope.schemes) or 'any'}"
    )
    if not args.yes:
        if not sys.stdin.isatty():
            raise InputError(
                "Trusting an anchor needs your confirmation that you compared its "
                "fingerprint or safety number with the security office.",
                hint="Compare them, then run the command again with --yes.",
            )
        answer = input("Do they match what the security office gave you? [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Not trusted.", file=sys.stderr)
            return 1
    with open_session(args) as session:
        trusted = session.directory.trust(anchor, args.how)
    print(visible(f"Trusted {trusted.name} ({trusted.fingerprint}): {trusted.how}."))
    return 0


def _untrust(args: argparse.Namespace) -> int:
    from cabledesk.cli._terminal import visible

    with open_session(args) as session:
        outcome = session.directory.untrust(args.anchor)
    print(visible(f"No longer trusted: {outcome.anchor.name} ({outcome.anchor.fingerprint})."))
    if outcome.reverted:
        print(visible(f"Now self-declared (attested only by it): {', '.join(outcome.reverted)}."))
    return 0


def _import(args: argparse.Namespace) -> int:
    from cabledesk.cli._terminal import visible

    with open_session(args) as session:
        outcome = session.directory.import_file(Path(args.file))
    name = outcome.anchor.name
    if outcome.status == "unchanged":
        print(visible(f"Already imported: the directory of {name}, serial {outcome.serial}."))
        return 0
    print(
        visible(
            f"Imported the directory of {name}, serial {outcome.serial}: {outcome.attested} "
            f"attested ({outcome.added} new contacts, {outcome.updated} newer cards), "
            f"{outcome.revoked} revoked keys."
        )
    )
    for change in outcome.changes:
        print(
            visible(
                f"  {change.name}: {change.attribute} {change.before or '-'} -> "
                f"{change.after or '-'} (attested by {name}; no re-verification needed)"
            )
        )
    for person, old, new in outcome.continued:
        print(
            visible(
                f"  {person}: the new key {new} continues {old} (key rotation attested by {name})"
            )
        )
    for own in outcome.own_revoked:
        which = "YOUR OWN KEY" if own.active else "A PREVIOUS KEY OF YOURS"
        print(
            visible(
                f"WARNING: {name} REVOKES {which} {own.fingerprint} ({own.how}). "
                + (
                    "CableDesk no longer seals or signs with it. Get a new key attested: "
                    "'cabledesk-cli identity rotate -o NEW.contact', then give the card to "
                    f"{name}."
                    if own.active
                    else "What was sealed to it may be read by whoever holds it."
                )
            ),
            file=sys.stderr,
        )
    for person in outcome.revoked_verified:
        print(
            visible(
                f"WARNING: {person}, whom you verified yourself, is revoked by {name}: "
                "nothing more is sealed to them and what they sign is no longer valid."
            ),
            file=sys.stderr,
        )
    return 0


def _status(args: argparse.Namespace) -> int:
    from cabledesk.cli._terminal import visible

    with open_session(args) as session:
        statuses = session.directory.status()
    if args.json:
        print(json.dumps([s.to_json() for s in statuses], indent=2, ensure_ascii=False))
        return 0
    if not statuses:
        print(
            "No anchor trusted yet: 'cabledesk-cli directory trust ANCHOR.anchor --how ...'.",
            file=sys.stderr,
        )
        return 0
    for s in statuses:
        a = s.anchor
        scope = a.anchor.scope
        print(visible(f"{a.name}  {a.fingerprint}"))
        print(
            f"  scope: nationalities {', '.join(scope.nationalities) or 'any'}; "
            f"schemes {', '.join(scope.schemes) or 'any'}"
        )
        print(visible(f"  trusted {a.trusted.date().isoformat()}: {a.how}"))
        if s.last is None:
            print("  no directory imported yet")
        else:
            print(
                f"  directory serial {s.last.serial}, issued {s.last.issued.date().isoformat()}, "
                f"next update {s.last.next_update.date().isoformat()}; {s.attested} attested, "
                f"{s.revoked} revoked"
            )
        if s.own_key_revoked is not None:
            r = s.own_key_revoked
            why = f"{r.reason}, {r.text}" if r.text else r.reason
            print(
                visible(
                    f"WARNING: {a.name} REVOKED YOUR OWN KEY on {r.revoked.date().isoformat()} "
                    f"({why}): sealing and signing are refused. Get a new key attested: "
                    "'cabledesk-cli identity rotate -o NEW.contact', then give the card to "
                    f"{a.name}."
                ),
                file=sys.stderr,
            )
        if s.overdue and s.last is not None:
            print(
                visible(
                    f"WARNING: the directory of {a.name} is past its next update "
                    f"({s.last.next_update.date().isoformat()}): ask the security office for "
                    "its latest directory."
                ),
                file=sys.stderr,
            )
    return 0

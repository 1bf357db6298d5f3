"""``contact …`` and ``group …``: correspondents and distribution lists in the vault."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cabledesk.cli._session import add_vault_options, open_session

if TYPE_CHECKING:
    from typing import TextIO

    from cabledesk.services.contacts import Contact, Group, ImportOutcome

__all__ = ["register"]


def register(commands: Any) -> None:
    contact = commands.add_parser("contact", help="your correspondents and their keys")
    sub = contact.add_subparsers(dest="contact_command", metavar="ACTION", required=True)

    p = sub.add_parser(
        "import",
        help="import a .contact card (starts unverified)",
        description="Import a contact card. A new key starts an unverified contact. With a "
        "key-rotation statement signed by a contact's current key (--rotation, or "
        "CARD.rotation beside the card), the card continues that contact: same contact, "
        "new keys, its verification kept.",
    )
    add_vault_options(p)
    p.add_argument("file", metavar="CARD.contact")
    p.add_argument("--rotation", metavar="CARD.rotation",
                   help="the key-rotation statement signed by the previous key")  # fmt: skip
    p.set_defaults(handler=_import)

    p = sub.add_parser(
        "add",
        help="add someone who uses age and ssh-keygen, from their public keys",
        description="Add a contact from an age1... recipient and an ssh-ed25519 key line "
        "(for correspondents without CableDesk). The contact is marked not self-certified.",
    )
    add_vault_options(p)
    p.add_argument("--name", required=True)
    p.add_argument("--age-recipient", required=True, metavar="age1...")
    p.add_argument("--ssh-key", required=True, metavar="'ssh-ed25519 AAAA...'")
    p.add_argument("--post", default="")
    p.add_argument("--scheme", default="us")
    p.add_argument("--clearance", default="", metavar="LEVEL")
    p.add_argument("--nationality", default="", metavar="CCC")
    p.set_defaults(handler=_add)

    p = sub.add_parser("list", help="every contact with its trust state and fingerprint")
    add_vault_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_list)

    p = sub.add_parser("show", help="one contact, with the safety number to compare")
    add_vault_options(p)
    p.add_argument("contact", metavar="FINGERPRINT|NAME")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_show)

    p = sub.add_parser(
        "verify",
        help="mark a contact verified after comparing the safety number",
        description="Mark a contact verified once you have compared its safety number or "
        "fingerprint with its owner through another channel (phone, in person).",
    )
    add_vault_options(p)
    p.add_argument("contact", metavar="FINGERPRINT")
    p.add_argument("--how", default="", help="how it was verified, e.g. 'read on the phone'")
    p.add_argument(
        "--age-recipient",
        default=None,
        metavar="age1...",
        help="the age recipient you compared too (required for a contact added from raw keys)",
    )
    p.set_defaults(handler=_verify)

    p = sub.add_parser("revoke", help="stop trusting a contact's keys (lost, compromised)")
    add_vault_options(p)
    p.add_argument("contact", metavar="FINGERPRINT")
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=_revoke)

    p = sub.add_parser("export", help="write a contact's card to a file")
    add_vault_options(p)
    p.add_argument("contact", metavar="FINGERPRINT|NAME")
    p.add_argument("-o", "--output", required=True, metavar="FILE.contact")
    p.set_defaults(handler=_export)

    group = commands.add_parser("group", help="recipient groups (distribution lists)")
    gsub = group.add_subparsers(dest="group_command", metavar="ACTION", required=True)
    p = gsub.add_parser("create", help="create a group")
    add_vault_options(p)
    p.add_argument("name")
    p.add_argument("--description", default="")
    p.set_defaults(handler=_group_create)
    for action in ("add", "remove"):
        p = gsub.add_parser(action, help=f"{action} contacts {'to' if action == 'add' else 'from'}"
                            " a group")  # fmt: skip
        add_vault_options(p)
        p.add_argument("name", metavar="GROUP")
        p.add_argument("members", nargs="+", metavar="CONTACT")
        p.set_defaults(handler=_group_change, action=action)
    p = gsub.add_parser("list", help="every group with its members")
    add_vault_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_group_list)


def _contact_json(c: Contact) -> dict[str, object]:
    return {
        "name": c.name,
        "post": c.card.post,
        "fingerprint": c.fingerprint,
        "safety_number": c.card.safety_number,
        "trust": c.trust.state.value,
        "keys_changed": c.keys_changed,
        "claims_to_verify": list(c.claims_changed),
        "trust_since": c.trust.since.isoformat() if c.trust.since else None,
        "trust_how": c.trust.how,
        "self_certified": c.card.self_certified,
        "scheme": c.card.scheme,
        "clearance": c.card.clearance,
        "nationality": c.card.nationality,
        "expires": c.card.expires.isoformat() if c.card.expires else None,
        "age_recipient": str(c.card.keys.encryption),
        "ssh_key": c.card.keys.ssh_line(),
        "attested": _attested_json(c),
        "revoked_by": None if c.revocation is None else c.revocation.anchor_name,
    }


def _attested_json(c: Contact) -> dict[str, object] | None:
    """What a trusted security office attests of this contact's keys (issue 16)."""
    a = c.attestation
    if a is None:
        return None
    return {
        "by": a.anchor_name,
        "on": a.attested.date().isoformat(),
        "clearance": a.clearance,
        "scheme": a.scheme,
        "nationality": a.nationality,
        "accesses": list(a.accesses),
        "roles": list(a.roles),
        "expires": None if a.expires is None else a.expires.isoformat(),
    }


def _state(c: Contact) -> str:
    if c.keys_changed:
        return "KEYS CHANGED since you verified them"
    if c.claims_changed:
        return f"verified; changed {', '.join(c.claims_changed)} not yet verified"
    return c.trust.state.value


def _line(c: Contact) -> str:
    certified = "" if c.card.self_certified else "  (not self-certified)"
    flag = "  [KEYS CHANGED since you verified them]" if c.keys_changed else ""
    claims = f"  [changed, to verify: {', '.join(c.claims_changed)}]" if c.claims_changed else ""
    return (
        f"{c.trust.state.value:<11} {c.fingerprint}  {c.name} — {c.card.post}"
        f"{certified}{flag}{claims}"
    )


def print_import(outcome: ImportOutcome, file: TextIO | None = None) -> None:
    """What importing a card did: the contact, what changed (before → after), and
    whether the user must verify; every text from the card through ``visible``."""
    from cabledesk.cli._terminal import visible

    c = outcome.contact
    verb = {"new": "Imported", "updated": "Updated", "unchanged": "Already had"}[outcome.status]
    lines = [f"{verb} {c.name} ({c.card.post}), {_state(c)}."]
    if outcome.rotated_from is not None:
        lines.append(
            f"KEY ROTATION: {c.name} replaced the key {outcome.rotated_from} with "
            f"{c.fingerprint}, signed by the previous key. The contact continues"
            + (", still verified." if c.trust.state == "verified" else ".")
        )
    if outcome.replaced is not None:
        r = outcome.replaced
        lines += [
            f"WARNING: KEYS CHANGED since you verified them. You verified {r.name} with the key "
            f"{r.fingerprint}; this card has another key. It is another, unverified contact.",
        ]
    for change in outcome.changes:
        lines.append(f"  {change.claim}: {change.before} -> {change.after}")
    if outcome.keys_before is not None:
        lines.append("  keys changed (signed by the same identity key):")
        lines += [f"    before: {k}" for k in outcome.keys_before.splitlines()]
        lines += [f"    after:  {k}" for k in c.card.key_set().splitlines()]
    lines += [f"Fingerprint:   {c.fingerprint}", f"Safety number: {c.card.safety_number}"]
    for line in lines:
        print(visible(line), file=file)
    if outcome.needs_verification:
        print(
            "Compare the safety number with its owner by phone or in person, then run "
            f"'cabledesk-cli contact verify {c.fingerprint}'.",
            file=sys.stderr,
        )


def _import(args: argparse.Namespace) -> int:
    from cabledesk.cli._io import read_small_file
    from cabledesk.services.contacts import statement_beside

    data = read_small_file(args.file, "contact card")
    rotation = args.rotation
    if rotation is None and statement_beside(Path(args.file)).is_file():
        rotation = str(statement_beside(Path(args.file)))
        print(f"Using the key-rotation statement {rotation}.", file=sys.stderr)
    statement = None if rotation is None else read_small_file(rotation, "key-rotation statement")
    with open_session(args) as session:
        outcome = session.contacts.import_card(data, statement)
    print_import(outcome)
    return 0


def _add(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        c = session.contacts.add_from_keys(
            name=args.name,
            age_recipient=args.age_recipient,
            ssh_key=args.ssh_key,
            post=args.post,
            scheme=args.scheme,
            clearance=args.clearance,
            nationality=args.nationality,
        )
    print(f"Added {c.name}, unverified, not self-certified.")
    print(f"Fingerprint:   {c.fingerprint}")
    print(f"Safety number: {c.card.safety_number}")
    return 0


def _list(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        contacts = session.contacts.all()
    if args.json:
        print(json.dumps([_contact_json(c) for c in contacts], indent=2, ensure_ascii=False))
    else:
        for c in contacts:
            print(_line(c))
        if not contacts:
            print("No contacts yet: import a card with 'cabledesk-cli contact import'.",
                  file=sys.stderr)  # fmt: skip
    return 0


def _show(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        c = session.contacts.find_one(args.contact)
    doc = _contact_json(c)
    if args.json:
        print(json.dumps(doc, indent=2, ensure_ascii=False))
    else:
        for key, value in doc.items():
            print(f"{key.replace('_', ' ') + ':':<16}{'' if value is None else value}")
    return 0


def _verify(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        c = session.contacts.verify(args.contact, args.how, age_recipient=args.age_recipient)
    print(f"{c.name} ({c.fingerprint}) is now verified: {c.trust.how}.")
    return 0


def _revoke(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        c = session.contacts.revoke(args.contact, args.reason)
    print(f"{c.name}'s keys ({c.fingerprint}) are revoked: {c.trust.how}.")
    return 0


def _export(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        c = session.contacts.export_card(args.contact, Path(args.output))
    if c.card.self_certified:
        print(f"Wrote {c.name}'s card to {args.output}.", file=sys.stderr)
    else:
        print(f"{c.name} was added from raw public keys: wrote their keys (not a card) to "
              f"{args.output}.", file=sys.stderr)  # fmt: skip
    return 0


def _group_create(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        g = session.contacts.create_group(args.name, args.description)
    print(f"Created the group {g.name!r}.")
    return 0


def _group_change(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        service = session.contacts
        change = service.add_to_group if args.action == "add" else service.remove_from_group
        g = change(args.name, args.members)
    print(f"{g.name}: {len(g.members)} member(s).")
    return 0


def _group_json(g: Group, names: dict[str, str]) -> dict[str, object]:
    return {
        "name": g.name,
        "description": g.description,
        "members": [{"fingerprint": fp, "name": names.get(fp, "")} for fp in g.members],
    }


def _group_list(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        service = session.contacts
        groups = service.groups()
        names = {c.fingerprint: c.name for c in service.all()}
    if args.json:
        print(json.dumps([_group_json(g, names) for g in groups], indent=2, ensure_ascii=False))
        return 0
    for g in groups:
        print(f"{g.name} ({len(g.members)}){' — ' + g.description if g.description else ''}")
        for fp in g.members:
            print(f"    {names.get(fp, '?')}  {fp}")
    return 0

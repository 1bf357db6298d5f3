"""``init``, ``identity``, ``passphrase``, ``keychain``, ``audit``, ``backup``, ``restore``,
``accept-rollback``."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cabledesk.cli._session import (
    access,
    add_vault_options,
    open_session,
    passphrase,
    session_for,
)

__all__ = ["register"]


def register(commands: Any) -> None:
    init = commands.add_parser(
        "init",
        help="create the vault and your identity",
        description="Create a vault (encrypted with a passphrase you choose, asked twice) and "
        "your identity in it: a signing key and an encryption key with your name and post.",
    )
    add_vault_options(init)
    init.add_argument("--name", required=True)
    init.add_argument("--post", required=True, help="e.g. AMEMBASSY PARIS")
    init.add_argument("--role", default="")
    init.add_argument("--email")
    init.add_argument("--scheme", default="us", help="classification scheme (default: us)")
    init.add_argument("--clearance", default="", metavar="LEVEL")
    init.add_argument("--nationality", default="", metavar="CCC", help="ISO 3166 alpha-3")
    init.add_argument("--valid-days", type=int, default=730, metavar="DAYS",
                      help="days until your keys expire (default 730)")  # fmt: skip
    init.add_argument("--remember", action="store_true",
                      help="also remember the vault in this device's keychain")  # fmt: skip
    init.set_defaults(handler=_init)

    ident = commands.add_parser("identity", help="your identity: show it, export your card")
    sub = ident.add_subparsers(dest="identity_command", metavar="ACTION", required=True)
    show = sub.add_parser("show", help="fingerprint, safety number and public keys")
    add_vault_options(show)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_identity_show)
    card = sub.add_parser("export-card", help="write your self-signed contact card")
    add_vault_options(card)
    card.add_argument("-o", "--output", required=True, metavar="FILE.contact")
    card.set_defaults(handler=_identity_card)

    secret = sub.add_parser(
        "export-secret",
        help="write your age secret keys, encrypted with a passphrase",
        description="Write your age identities (the keys that open what is encrypted to you: "
        "the post-quantum one, if any, then the X25519 one) as an age file encrypted with a "
        "passphrase asked on the terminal, as 'age -d -i' and 'cabledesk-cli "
        "decrypt|restore -i' read it. Keep it offline: with it and its passphrase, a backup "
        "made with --to-self can be restored. age before 1.3 refuses a file holding a "
        "post-quantum key (AGE-SECRET-KEY-PQ-1...); to use the X25519 key with it, decrypt "
        "the file and keep only the AGE-SECRET-KEY-1... line.",
    )
    add_vault_options(secret)
    secret.add_argument("-o", "--output", required=True, metavar="FILE.age")
    secret.set_defaults(handler=_identity_secret)

    upgrade = sub.add_parser(
        "upgrade",
        help="add a post-quantum encryption key to your identity",
        description="Add a post-quantum hybrid (ML-KEM-768 + X25519) age key to your identity, "
        "for cables that must stay secret after quantum computers can break X25519. Your "
        "contact card gets a newer sequence number and names the new key: send it to your "
        "correspondents (-o writes it), who import it as an update of your card. Your "
        "signing key and fingerprint do not change. Export your secret keys again "
        "(export-secret): the new one is needed to restore a backup made after this.",
    )
    add_vault_options(upgrade)
    upgrade.add_argument("-o", "--output", metavar="FILE.contact",
                         help="also write the newer contact card")  # fmt: skip
    upgrade.set_defaults(handler=_identity_upgrade)

    rotate = sub.add_parser(
        "rotate",
        help="replace your identity keys; your previous key vouches for the new card",
        description="Make new keys for your identity (same name, post and details) and "
        "make them the active ones. Your previous key stays in the vault, to open what was "
        "sealed to it, and signs a key-rotation statement naming your new card. Send both "
        "files to your correspondents: importing the card with its statement continues "
        "their contact of you (verified if it was) instead of starting an unverified one. "
        "Export your secret keys again (export-secret) and ask your security office to "
        "attest the new key.",
    )
    add_vault_options(rotate)
    rotate.add_argument("-o", "--output", required=True, metavar="NEW.contact",
                        help="the new contact card")  # fmt: skip
    rotate.add_argument("--statement", metavar="NEW.rotation",
                        help="the key-rotation statement (default: beside the card, "
                        "same name, .rotation)")  # fmt: skip
    rotate.set_defaults(handler=_identity_rotate)

    pp = commands.add_parser("passphrase", help="change the vault passphrase")
    pp_sub = pp.add_subparsers(dest="passphrase_command", metavar="ACTION", required=True)
    change = pp_sub.add_parser("change", help="change the vault passphrase")
    add_vault_options(change)
    change.add_argument("--new-passphrase-file", metavar="FILE",
                        help="read the new passphrase from FILE (else asked twice)")  # fmt: skip
    change.set_defaults(handler=_passphrase_change)

    kc = commands.add_parser("keychain", help="remember the vault on this device, or forget it")
    kc_sub = kc.add_subparsers(dest="keychain_command", metavar="ACTION", required=True)
    for action, text in (
        ("enable", "remember the vault key in this device's keychain"),
        ("disable", "forget the vault key from this device's keychain"),
        ("status", "say whether a keychain is usable and remembers the vault"),
    ):
        p = kc_sub.add_parser(action, help=text)
        add_vault_options(p)
        p.set_defaults(handler=_keychain, action=action)

    audit = commands.add_parser("audit", help="the audit log")
    a_sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = a_sub.add_parser(
        "verify",
        help="check the hash chain of the audit log",
        description="Exit 0 when the chain is intact, 1 naming the first broken entry.",
    )
    add_vault_options(verify)
    verify.set_defaults(handler=_audit_verify)
    log = a_sub.add_parser("show", help="the newest entries of the audit log")
    add_vault_options(log)
    log.add_argument("--limit", type=int, default=50)
    log.add_argument("--json", action="store_true")
    log.set_defaults(handler=_audit_show)

    backup = commands.add_parser(
        "backup",
        help="write the whole vault as one encrypted file",
        description="Back up the vault (database, key file, archived cables) as one age file. "
        "By default it is encrypted to a passphrase asked on the terminal; --to-self "
        "encrypts it to your own age key (keep a copy of that key elsewhere), -r to others.",
    )
    add_vault_options(backup)
    backup.add_argument("-o", "--output", required=True, metavar="FILE.age")
    who = backup.add_mutually_exclusive_group()
    who.add_argument("--to-self", action="store_true", help="encrypt to your own key")
    who.add_argument("-r", "--recipient", action="append", default=[], metavar="age1...")
    backup.set_defaults(handler=_backup)

    restore = commands.add_parser(
        "restore",
        help="restore a backup into an empty vault folder",
        description="Restore a backup made by 'cabledesk-cli backup' into an empty folder. "
        "Without -i the backup's passphrase is asked on the terminal. The restored vault "
        "opens with the vault passphrase it had when it was backed up.",
    )
    add_vault_options(restore)
    restore.add_argument("-i", "--identity", action="append", default=[], metavar="FILE")
    restore.add_argument("file", metavar="FILE.age")
    restore.set_defaults(handler=_restore)

    accept = commands.add_parser(
        "accept-rollback",
        help="open a vault whose database was put back from an older copy",
        description="A vault refuses to open when its database is older than the state it "
        "recorded: an earlier copy of vault.db was put back, which undoes revocations and "
        "every other change made since. If that was done on purpose, this opens the older "
        "database as it is, after the passphrase; the acceptance and your reason are written "
        "in the audit log, and the vault opens normally from then on. Otherwise restore "
        "your latest backup instead. Exit 0 accepted, 1 nothing to accept (the vault was "
        "not rolled back; nothing is changed), 2 usage or input error.",
    )
    add_vault_options(accept)
    accept.add_argument("--reason", required=True, metavar="TEXT",
                        help="why you accept the older copy (for the audit log)")  # fmt: skip
    accept.set_defaults(handler=_accept_rollback)


def _schemes() -> Any:
    from cabledesk.domain.scheme import SchemeRegistry

    return SchemeRegistry.load()


def _init(args: argparse.Namespace) -> int:
    from cabledesk.errors import InputError, VaultError
    from cabledesk.services.identity import IdentityRequest

    if args.valid_days < 1:
        raise InputError("--valid-days must be at least 1.")
    vault_access = access(args)
    if vault_access.exists():
        raise VaultError(
            f"There is already a vault in {vault_access.folder}.",
            hint="Use it, or choose another folder with --home.",
        )
    secret = passphrase(args, "Choose a vault passphrase", confirm=True)
    now = datetime.now(UTC).replace(microsecond=0)
    request = IdentityRequest(
        name=args.name,
        post=args.post,
        role=args.role,
        email=args.email,
        scheme=args.scheme,
        clearance=args.clearance,
        nationality=args.nationality,
        expires=now + timedelta(days=args.valid_days),
    )
    vault, keychain_problem = vault_access.create_with_identity(
        secret, request, _schemes(), remember=args.remember
    )
    with session_for(vault_access, vault) as session:
        _print_identity(session.identity.info().to_json())
    print(f"Vault created in {vault_access.folder}.", file=sys.stderr)
    if keychain_problem is not None:
        print(f"cabledesk-cli: {keychain_problem.message}", file=sys.stderr)
    return 0


def _print_identity(info: dict[str, object]) -> None:
    for key in ("name", "post", "fingerprint", "safety_number", "age_recipient", "ssh_key"):
        label = key.replace("_", " ")
        print(f"{label + ':':<15}{info[key]}")
    if info.get("pq_recipient"):
        print(f"{'pq recipient:':<15}{info['pq_recipient']}")


def _identity_show(args: argparse.Namespace) -> int:
    from cabledesk.cli._terminal import visible

    with open_session(args) as session:
        info = session.identity.info().to_json()
        revoked = session.directory.own_key_revocation()
    if args.json:
        print(json.dumps(info, indent=2, ensure_ascii=False))
    else:
        _print_identity(info)
    if revoked is not None:
        print(
            visible(
                f"WARNING: YOUR KEY WAS REVOKED by {revoked.anchor_name} on "
                f"{revoked.revoked.date().isoformat()} ({revoked.reason}): sealing and signing "
                "are refused. Get a new key attested: 'cabledesk-cli identity rotate -o "
                f"NEW.contact', then give the card to {revoked.anchor_name}."
            ),
            file=sys.stderr,
        )
    return 0


def _identity_card(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        fingerprint = session.identity.export_card(Path(args.output))
    print(f"Wrote your contact card ({fingerprint}) to {args.output}.", file=sys.stderr)
    return 0


def _identity_secret(args: argparse.Namespace) -> int:
    from cabledesk.cli._io import ask_passphrase

    with open_session(args) as session:
        secret = ask_passphrase("Passphrase for the exported key", confirm=True)
        session.identity.export_secret(Path(args.output), secret)
    print(f"Wrote your encrypted age identities to {args.output}.", file=sys.stderr)
    return 0


def _identity_upgrade(args: argparse.Namespace) -> int:
    from cabledesk.errors import InputError

    if args.output and Path(args.output).exists():  # before the key is added
        raise InputError(f"{args.output} already exists.", hint="Choose another file with -o.")
    with open_session(args) as session:
        identity = session.identity.upgrade()
        if args.output:
            session.identity.export_card(Path(args.output))
    print(f"pq recipient:  {identity.pq_recipient}")
    print(
        f"Your identity has a post-quantum key; its contact card is now number "
        f"{identity.card_sequence}.",
        file=sys.stderr,
    )
    if args.output:
        print(f"Wrote your newer contact card to {args.output}.", file=sys.stderr)
    return 0


def _identity_rotate(args: argparse.Namespace) -> int:
    card = Path(args.output)
    statement = Path(args.statement) if args.statement else card.with_suffix(".rotation")
    with open_session(args) as session:
        done = session.identity.rotate(card, statement)
    print(f"previous:      {done.previous}")
    print(f"fingerprint:   {done.fingerprint}")
    print(f"safety number: {done.safety_number}")
    print(
        f"Your identity has new keys. Wrote your new contact card to {card} and the "
        f"statement signed by your previous key to {statement}: send both to your "
        "correspondents. Export your secret keys again (identity export-secret) and ask "
        "your security office to attest the new key.",
        file=sys.stderr,
    )
    return 0


def _passphrase_change(args: argparse.Namespace) -> int:
    from cabledesk.cli._io import ask_passphrase, read_small_file

    vault_access = access(args)
    old = passphrase(args, "Current vault passphrase")
    if args.new_passphrase_file:
        text = read_small_file(args.new_passphrase_file, "passphrase file").decode()
        new = text.removesuffix("\n").removesuffix("\r")
    else:
        new = ask_passphrase("New vault passphrase", confirm=True)
    with session_for(vault_access, vault_access.unlock(old)) as session:
        session.passphrase.change(old, new)
    print("The vault passphrase was changed.", file=sys.stderr)
    return 0


def _keychain(args: argparse.Namespace) -> int:
    vault_access = access(args)
    status = vault_access.keychain_status()
    if args.action == "status":
        if not status.usable:
            print(status.reason)
        else:
            state = "remembers" if vault_access.is_remembered() else "does not remember"
            print(f"Keychain: {status.name}; it {state} this vault.")
        return 0
    if not status.usable:
        from cabledesk.errors import KeychainUnavailable

        raise KeychainUnavailable(status.reason)
    with open_session(args) as session:
        if args.action == "enable":
            session.keychain.remember()
            print(f"This device now remembers the vault ({status.name}).", file=sys.stderr)
        else:
            session.keychain.forget()
            print("This device no longer remembers the vault.", file=sys.stderr)
    return 0


def _audit_verify(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        report = session.audit.check_chain()
    if report.ok:
        print(f"The audit log is intact ({report.entries} entries).")
        return 0
    print(f"The audit log is broken: {report.problem}.", file=sys.stderr)
    return 1


def _audit_show(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        entries = session.audit.entries(limit=args.limit)
    if args.json:
        doc = [
            {"seq": e.seq, "at": e.at.isoformat(), "event": e.event, "details": e.details}
            for e in entries
        ]
        print(json.dumps(doc, indent=2, ensure_ascii=False))
        return 0
    for e in entries:
        details = ", ".join(f"{k}={v}" for k, v in sorted(e.details.items()))
        print(f"{e.seq:>6}  {e.at:%Y-%m-%d %H:%M:%S}Z  {e.event:<22} {details}")
    return 0


def _backup(args: argparse.Namespace) -> int:
    from cabledesk.cli._io import ask_passphrase

    with open_session(args) as session:
        secret = None
        if not args.to_self and not args.recipient:
            secret = ask_passphrase("Backup passphrase", confirm=True)
        summary = session.backup.create(
            Path(args.output), passphrase=secret, to_self=args.to_self, recipients=args.recipient
        )
    print(
        f"Backed up {summary.files} files ({summary.bytes} bytes) to {args.output}.",
        file=sys.stderr,
    )
    return 0


def _restore(args: argparse.Namespace) -> int:
    from cabledesk.cli._age import read_identity_files
    from cabledesk.cli._io import ask_passphrase
    from cabledesk.errors import CableDeskError
    from cabledesk.services.backup import BackupService

    identities = read_identity_files(args.identity)
    secret = None if identities else ask_passphrase("Backup passphrase")
    vault_access = access(args)
    vault_id = BackupService.restore(
        Path(args.file), vault_access.home, identities=identities, passphrase=secret
    )
    print(f"Restored vault {vault_id} into {vault_access.folder}.", file=sys.stderr)
    try:
        vault = vault_access.unlock(passphrase(args, "Vault passphrase (to check it opens)"))
    except CableDeskError as exc:
        print(f"cabledesk-cli: the restored vault did not open: {exc.message}", file=sys.stderr)
        return 1
    with session_for(vault_access, vault) as session:
        session.backup.record_restored(Path(args.file))
    return 0


def _accept_rollback(args: argparse.Namespace) -> int:
    from cabledesk.errors import VaultError, VaultNotRolledBack

    vault_access = access(args)
    reason = vault_access.rollback_reason(args.reason)  # before asking for the passphrase
    if not vault_access.exists():
        raise VaultError(f"There is no vault in {vault_access.folder}.")
    try:
        vault = vault_access.accept_rollback(passphrase(args, "Vault passphrase"), reason)
    except VaultNotRolledBack as exc:
        print(f"cabledesk-cli: {exc.message}", file=sys.stderr)
        return 1
    session_for(vault_access, vault).lock()
    print(
        "The older copy of the vault was accepted: the changes made after it stay lost. "
        "The acceptance and your reason are in the audit log.",
        file=sys.stderr,
    )
    return 0

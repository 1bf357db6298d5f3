"""``init``, ``identity``, ``passphrase``, ``keychain``, ``audit``, ``backup``, ``restore``."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cabledesk.cli._session import access, add_vault_options, open_vault, passphrase

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
        help="write your age secret key, encrypted with a passphrase",
        description="Write your age identity (the key that opens what is encrypted to you) "
        "as an age file encrypted with a passphrase asked on the terminal, as 'age -d -i' "
        "and 'cabledesk-cli decrypt|restore -i' read it. Keep it offline: with it and its "
        "passphrase, a backup made with --to-self can be restored.",
    )
    add_vault_options(secret)
    secret.add_argument("-o", "--output", required=True, metavar="FILE.age")
    secret.set_defaults(handler=_identity_secret)

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


def _schemes() -> Any:
    from cabledesk.domain.scheme import SchemeRegistry

    return SchemeRegistry.load()


def _init(args: argparse.Namespace) -> int:
    from cabledesk.errors import InputError
    from cabledesk.services.identity import IdentityRequest, IdentityService

    if args.valid_days < 1:
        raise InputError("--valid-days must be at least 1.")
    vault_access = access(args)
    if vault_access.exists():
        from cabledesk.errors import VaultError

        raise VaultError(
            f"There is already a vault in {vault_access.home.folder}.",
            hint="Use it, or choose another folder with --home.",
        )
    secret = passphrase(args, "Choose a vault passphrase", confirm=True)
    with vault_access.create(secret, remember=args.remember) as vault:
        service = IdentityService(vault, _schemes())
        now = datetime.now(UTC).replace(microsecond=0)
        service.create(
            IdentityRequest(
                name=args.name,
                post=args.post,
                role=args.role,
                email=args.email,
                scheme=args.scheme,
                clearance=args.clearance,
                nationality=args.nationality,
                expires=now + timedelta(days=args.valid_days),
            )
        )
        _print_identity(service.info().to_json())
    print(f"Vault created in {vault_access.home.folder}.", file=sys.stderr)
    return 0


def _print_identity(info: dict[str, object]) -> None:
    for key in ("name", "post", "fingerprint", "safety_number", "age_recipient", "ssh_key"):
        label = key.replace("_", " ")
        print(f"{label + ':':<15}{info[key]}")


def _identity_show(args: argparse.Namespace) -> int:
    from cabledesk.services.identity import IdentityService

    with open_vault(args) as vault:
        info = IdentityService(vault, _schemes()).info().to_json()
    if args.json:
        print(json.dumps(info, indent=2, ensure_ascii=False))
    else:
        _print_identity(info)
    return 0


def _identity_card(args: argparse.Namespace) -> int:
    from cabledesk.atomic import write_atomic
    from cabledesk.services.identity import IdentityService

    with open_vault(args) as vault:
        card = IdentityService(vault, _schemes()).card()
    write_atomic(Path(args.output), card.to_bytes(), overwrite=False, mode=0o644)
    print(f"Wrote your contact card ({card.fingerprint}) to {args.output}.", file=sys.stderr)
    return 0


def _identity_secret(args: argparse.Namespace) -> int:
    import io

    from cabledesk.atomic import atomic_output
    from cabledesk.cli._io import ask_passphrase
    from cabledesk.crypto.age import ScryptRecipient, encrypt

    with open_vault(args) as vault:
        identity = vault.identities.active()
        text = f"# CableDesk identity of {identity.name} ({identity.fingerprint})\n"
        data = (text + identity.age_identity() + "\n").encode()
    secret = ask_passphrase("Passphrase for the exported key", confirm=True)
    with atomic_output(Path(args.output), overwrite=False, mode=0o600) as out:
        encrypt(io.BytesIO(data), out, [ScryptRecipient(secret)], armor=True)
    print(f"Wrote your encrypted age identity to {args.output}.", file=sys.stderr)
    return 0


def _passphrase_change(args: argparse.Namespace) -> int:
    from cabledesk.cli._io import ask_passphrase, read_small_file
    from cabledesk.services.vault_access import MIN_PASSPHRASE_CHARS
    from cabledesk.store.vault import Vault

    vault_access = access(args)
    old = passphrase(args, "Current vault passphrase")
    if args.new_passphrase_file:
        text = read_small_file(args.new_passphrase_file, "passphrase file").decode()
        new = text.removesuffix("\n").removesuffix("\r")
    else:
        new = ask_passphrase("New vault passphrase", confirm=True)
    if len(new) < MIN_PASSPHRASE_CHARS:
        from cabledesk.errors import InputError

        raise InputError(f"The new passphrase is too short: at least {MIN_PASSPHRASE_CHARS}.")
    with Vault.unlock(vault_access.home, old) as vault:
        vault.change_passphrase(old, new)
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
    with open_vault(args) as vault:
        if args.action == "enable":
            vault.remember(vault_access.keychain)
            print(f"This device now remembers the vault ({status.name}).", file=sys.stderr)
        else:
            vault.forget(vault_access.keychain)
            print("This device no longer remembers the vault.", file=sys.stderr)
    return 0


def _audit_verify(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        report = vault.audit.verify()
    if report.ok:
        print(f"The audit log is intact ({report.entries} entries).")
        return 0
    print(f"The audit log is broken: {report.problem}.", file=sys.stderr)
    return 1


def _audit_show(args: argparse.Namespace) -> int:
    with open_vault(args) as vault:
        entries = vault.audit.entries(limit=args.limit)
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
    from cabledesk.crypto.age import Recipient, ScryptRecipient, X25519Recipient
    from cabledesk.services.backup import create_backup

    with open_vault(args) as vault:
        recipients: list[Recipient]
        if args.to_self:
            recipients = [vault.identities.active().encryption_key.recipient()]
        elif args.recipient:
            recipients = [X25519Recipient.parse(r) for r in args.recipient]
        else:
            recipients = [ScryptRecipient(ask_passphrase("Backup passphrase", confirm=True))]
        summary = create_backup(vault, Path(args.output), recipients)
    print(
        f"Backed up {summary.files} files ({summary.bytes} bytes) to {args.output}.",
        file=sys.stderr,
    )
    return 0


def _restore(args: argparse.Namespace) -> int:
    from cabledesk.cli._io import ask_passphrase, read_identity_files
    from cabledesk.crypto.age import Identity, ScryptIdentity
    from cabledesk.errors import CableDeskError
    from cabledesk.services.backup import restore_backup
    from cabledesk.store.audit import Event

    identities: list[Identity] = list(read_identity_files(args.identity))
    if not identities:
        identities = [ScryptIdentity(ask_passphrase("Backup passphrase"))]
    vault_access = access(args)
    vault_id = restore_backup(Path(args.file), vault_access.home, identities)
    print(f"Restored vault {vault_id} into {vault_access.home.folder}.", file=sys.stderr)
    try:
        with vault_access.unlock(passphrase(args, "Vault passphrase (to check it opens)")) as v:
            v.audit.append(Event.VAULT_RESTORED, {"from": Path(args.file).name})
    except CableDeskError as exc:
        print(f"cabledesk-cli: the restored vault did not open: {exc.message}", file=sys.stderr)
        return 1
    return 0

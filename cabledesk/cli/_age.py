"""``cabledesk-cli encrypt`` and ``decrypt``: age-compatible file encryption."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from cabledesk.cli._io import (
    ask_passphrase,
    binary_input,
    binary_output,
    read_identity_files,
    read_small_file,
)
from cabledesk.cli._session import add_vault_options

if TYPE_CHECKING:
    from cabledesk.crypto.age import Identity, Recipient, Stanza

__all__ = ["register"]


def register(commands: Any) -> None:
    enc = commands.add_parser(
        "encrypt",
        help="encrypt a file to age recipients or a passphrase",
        description="Encrypt a file in the age v1 format, readable by age, rage and CableDesk. "
        "IN and OUT default to standard input and output ('-' also means them).",
    )
    enc.add_argument("-r", "--recipient", action="append", default=[], metavar="RECIPIENT",
                     help="an age1... recipient (repeatable)")  # fmt: skip
    enc.add_argument("-R", "--recipients-file", action="append", default=[], metavar="FILE",
                     help="a file of recipients, one per line (repeatable)")  # fmt: skip
    enc.add_argument("--to", action="append", default=[], metavar="CONTACT_OR_GROUP",
                     help="a contact or group of the vault (repeatable)")  # fmt: skip
    enc.add_argument("-p", "--passphrase", action="store_true", help="encrypt with a passphrase")
    enc.add_argument("-a", "--armor", action="store_true", help="write ASCII armor (text)")
    enc.add_argument("-o", "--output", metavar="OUT")
    enc.add_argument("input", nargs="?", metavar="IN")
    add_vault_options(enc)
    enc.set_defaults(handler=_encrypt)

    dec = commands.add_parser(
        "decrypt",
        help="decrypt an age file",
        description="Decrypt an age v1 file (binary or armored). Without -i, the identities of "
        "the vault are used (if there is one), and for a passphrase-encrypted file the "
        "passphrase is asked on the terminal. With -o the output file appears only if the "
        "whole file decrypts and authenticates.",
    )
    dec.add_argument("-i", "--identity", action="append", default=[], metavar="IDENTITY_FILE",
                     help="a file of AGE-SECRET-KEY-1... keys (repeatable)")  # fmt: skip
    dec.add_argument("-o", "--output", metavar="OUT")
    dec.add_argument("input", nargs="?", metavar="IN")
    add_vault_options(dec)
    dec.set_defaults(handler=_decrypt)


def _encrypt(args: argparse.Namespace) -> int:
    from cabledesk.crypto.age import (
        ScryptRecipient,
        X25519Recipient,
        encrypt,
        parse_recipients_file,
    )
    from cabledesk.errors import InputError

    recipients: list[Recipient] = [X25519Recipient.parse(r) for r in args.recipient]
    for name in args.recipients_file:
        text = read_small_file(name, "recipients file").decode("utf-8", "replace")
        recipients += parse_recipients_file(text, name=f"recipients file {name}")
    if args.to:
        recipients += _vault_recipients(args)
    if args.passphrase:
        if recipients:
            raise InputError("A passphrase cannot be combined with recipients (-r, -R).")
        recipients = [ScryptRecipient(ask_passphrase("Enter a passphrase", confirm=True))]
    if not recipients:
        raise InputError(
            "No recipient given.",
            hint="Use -r age1..., -R FILE, --to CONTACT, or -p for a passphrase.",
        )
    with (
        binary_input(args.input) as src,
        binary_output(args.output, refuse_terminal=not args.armor) as dst,
    ):
        encrypt(src, dst, recipients, armor=args.armor)
    return 0


def _decrypt(args: argparse.Namespace) -> int:
    from cabledesk.crypto.age import decrypt

    identities: list[Identity] = list(read_identity_files(args.identity))
    if not identities:
        identities = [*_vault_identities(args), _PassphraseOnDemand()]
    with binary_input(args.input) as src, binary_output(args.output, mode=0o600) as dst:
        decrypt(src, dst, identities)
    return 0


def _vault_recipients(args: argparse.Namespace) -> list[Recipient]:
    from cabledesk.cli._session import open_vault
    from cabledesk.errors import PolicyRefusal
    from cabledesk.services.contacts import ContactsService
    from cabledesk.store.audit import Event

    with open_vault(args) as vault:
        contacts = ContactsService(vault).resolve(args.to)
        revoked = [c for c in contacts if not c.trust.usable]
        if revoked:
            names = ", ".join(c.name for c in revoked)
            raise PolicyRefusal(f"The keys of {names} were revoked: nothing is encrypted to them.")
        vault.audit.append(
            Event.FILE_ENCRYPTED, {"to": [f"{c.name} ({c.fingerprint})" for c in contacts]}
        )
        return [c.card.keys.encryption for c in contacts]


def _vault_identities(args: argparse.Namespace) -> list[Identity]:
    from cabledesk.cli._session import access, open_vault

    if not access(args).exists():
        return []
    with open_vault(args) as vault:
        return [i.encryption_key for i in vault.identities.all()]


class _PassphraseOnDemand:
    """An identity that asks for the passphrase only if the file is passphrase-encrypted."""

    def unwrap(self, stanzas: Sequence[Stanza]) -> bytes | None:
        from cabledesk.crypto.age import ScryptIdentity

        if not any(s.type == "scrypt" for s in stanzas):
            return None
        return ScryptIdentity(ask_passphrase("Enter the passphrase")).unwrap(stanzas)

"""``cabledesk-cli encrypt`` and ``decrypt``: age-compatible file encryption."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from cabledesk.cli._io import ask_passphrase, binary_input, binary_output, read_small_file

if TYPE_CHECKING:
    from cabledesk.crypto.age import Stanza

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
    enc.add_argument("-p", "--passphrase", action="store_true", help="encrypt with a passphrase")
    enc.add_argument("-a", "--armor", action="store_true", help="write ASCII armor (text)")
    enc.add_argument("-o", "--output", metavar="OUT")
    enc.add_argument("input", nargs="?", metavar="IN")
    enc.set_defaults(handler=_encrypt)

    dec = commands.add_parser(
        "decrypt",
        help="decrypt an age file",
        description="Decrypt an age v1 file (binary or armored). Without -i the passphrase is "
        "asked on the terminal. With -o the output file appears only if the whole file "
        "decrypts and authenticates.",
    )
    dec.add_argument("-i", "--identity", action="append", default=[], metavar="IDENTITY_FILE",
                     help="a file of AGE-SECRET-KEY-1... keys (repeatable)")  # fmt: skip
    dec.add_argument("-o", "--output", metavar="OUT")
    dec.add_argument("input", nargs="?", metavar="IN")
    dec.set_defaults(handler=_decrypt)


def _encrypt(args: argparse.Namespace) -> int:
    from cabledesk.crypto.age import (
        Recipient,
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
    if args.passphrase:
        if recipients:
            raise InputError("A passphrase cannot be combined with recipients (-r, -R).")
        recipients = [ScryptRecipient(ask_passphrase("Enter a passphrase", confirm=True))]
    if not recipients:
        raise InputError(
            "No recipient given.", hint="Use -r age1..., -R FILE, or -p for a passphrase."
        )
    with (
        binary_input(args.input) as src,
        binary_output(args.output, refuse_terminal=not args.armor) as dst,
    ):
        encrypt(src, dst, recipients, armor=args.armor)
    return 0


def _decrypt(args: argparse.Namespace) -> int:
    from cabledesk.crypto.age import Identity, decrypt, parse_identity_file

    identities: list[Identity] = []
    for name in args.identity:
        text = read_small_file(name, "identity file").decode("utf-8", "replace")
        identities += parse_identity_file(text, name=f"identity file {name}")
    if not identities:
        identities = [_PassphraseOnDemand()]
    with binary_input(args.input) as src, binary_output(args.output, mode=0o600) as dst:
        decrypt(src, dst, identities)
    return 0


class _PassphraseOnDemand:
    """An identity that asks for the passphrase only if the file is passphrase-encrypted."""

    def unwrap(self, stanzas: Sequence[Stanza]) -> bytes | None:
        from cabledesk.crypto.age import ScryptIdentity

        if not any(s.type == "scrypt" for s in stanzas):
            return None
        return ScryptIdentity(ask_passphrase("Enter the passphrase")).unwrap(stanzas)

"""``cabledesk-cli encrypt`` and ``decrypt``: age-compatible file encryption.

With the vault (``encrypt --to``, and ``decrypt`` without ``-i`` where a vault
exists) the work is :class:`~cabledesk.services.file_crypto.FileCryptoService`'s,
as in the desktop: contacts resolved, revoked keys refused, the vault's keys
tried, and the encryption audited once its output is complete. Without it
(``-r``, ``-R``, ``-p``, ``-i``) this module drives ``cabledesk.crypto.age``
itself, so that the vault-less use starts as fast as a bare interpreter allows;
a passphrase chosen with ``-p`` follows the same strength rule.

Binary output to standard output that the reader stops taking (``| head -c
10``) is a failure, not a success: the output is incomplete (exit 2).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, BinaryIO

from cabledesk.cli._io import (
    ask_passphrase,
    binary_input,
    output_ended_early,
    read_small_file,
    refuse_binary_on_terminal,
)
from cabledesk.cli._session import access, add_vault_options, open_session
from cabledesk.errors import InputError

if TYPE_CHECKING:
    from pathlib import Path

    from cabledesk.crypto.age import HybridIdentity, Identity, Recipient, Stanza, X25519Identity

__all__ = ["binary_output", "read_identity_files", "register"]


def register(commands: Any) -> None:
    enc = commands.add_parser(
        "encrypt",
        help="encrypt a file to age recipients or a passphrase",
        description="Encrypt a file in the age v1 format, readable by age, rage and CableDesk. "
        "IN and OUT default to standard input and output ('-' also means them). A "
        "passphrase (-p) must be hard to guess: four or more unrelated words. Encrypting "
        "to contacts (--to) needs the vault and a file IN: the release policy applies to "
        "the file's marking (a cable's banner, a CableDesk document's label, a backup as "
        "the top of your scheme, else the --marking you state), and you are a recipient "
        "too unless --not-me. Exit 1 when the policy refuses. Raw keys (-r, -R) get no "
        "policy check. A file for post-quantum recipients (age1pq1...) is for them only: "
        "mixing them with classic age1... recipients is refused, since the classic ones "
        "would make the file as breakable as they are. Reading it takes age 1.3 or later.",
    )
    enc.add_argument("-r", "--recipient", action="append", default=[], metavar="RECIPIENT",
                     help="an age1... or post-quantum age1pq1... recipient (repeatable; "
                     "post-quantum and classic recipients never go in one file)")  # fmt: skip
    enc.add_argument("-R", "--recipients-file", action="append", default=[], metavar="FILE",
                     help="a file of recipients, one per line (repeatable)")  # fmt: skip
    enc.add_argument("--to", action="append", default=[], metavar="CONTACT_OR_GROUP",
                     help="a contact or group of the vault (repeatable)")  # fmt: skip
    enc.add_argument("--marking", metavar="LEVEL",
                     help="with --to: the file's classification, a level (or marking) of "
                     "your scheme; needed for files that are not CableDesk cables, "
                     "documents or backups")  # fmt: skip
    enc.add_argument("--not-me", action="store_true",
                     help="with --to: do not encrypt to yourself too")  # fmt: skip
    enc.add_argument("--confirm-unverified", action="store_true",
                     help="with --to: encrypt to unverified contacts too")  # fmt: skip
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
                     help="a file of AGE-SECRET-KEY-1... or post-quantum "
                     "AGE-SECRET-KEY-PQ-1... keys (repeatable)")  # fmt: skip
    dec.add_argument("-o", "--output", metavar="OUT")
    dec.add_argument("input", nargs="?", metavar="IN")
    add_vault_options(dec)
    dec.set_defaults(handler=_decrypt)


def _encrypt(args: argparse.Namespace) -> int:
    from cabledesk.crypto.age import mixes_post_quantum, parse_recipient, parse_recipients_file
    from cabledesk.errors import InputError

    recipients: list[Recipient] = [parse_recipient(r) for r in args.recipient]
    for name in args.recipients_file:
        text = read_small_file(name, "recipients file").decode("utf-8", "replace")
        recipients += parse_recipients_file(text, name=f"recipients file {name}")
    if mixes_post_quantum(recipients):
        raise InputError(
            "Post-quantum recipients (age1pq1...) cannot be mixed with classic age1... "
            "recipients in one file: the classic ones would leave it open to a future "
            "quantum computer.",
            hint="Encrypt one file for the post-quantum recipients and another for the rest, "
            "or ask the others for a post-quantum key (cabledesk-cli keygen --pq).",
        )
    if args.passphrase and (recipients or args.to):
        raise InputError("A passphrase cannot be combined with recipients (-r, -R, --to).")
    if args.to:
        return _encrypt_with_vault(args, recipients)
    if args.marking is not None or args.not_me or args.confirm_unverified:
        raise InputError(
            "--marking, --not-me and --confirm-unverified apply to encryption to contacts.",
            hint="Add --to CONTACT, or leave them out.",
        )
    if args.passphrase:
        from cabledesk.crypto.age import ScryptRecipient
        from cabledesk.services.passwords import require_strong

        secret = ask_passphrase("Enter a passphrase", confirm=True)
        require_strong(secret)
        recipients = [ScryptRecipient(secret)]
    if not recipients:
        raise InputError(
            "No recipient given.",
            hint="Use -r age1..., -R FILE, --to CONTACT, or -p for a passphrase.",
        )
    from cabledesk.crypto.age import encrypt

    with (
        binary_input(args.input) as src,
        binary_output(args.output, refuse_terminal=not args.armor) as dst,
        output_ended_early(),
    ):
        encrypt(src, dst, recipients, armor=args.armor)
    return 0


def _encrypt_with_vault(args: argparse.Namespace, recipients: Sequence[Recipient]) -> int:
    """``--to``: through the vault's file service (policy, audit after success)."""
    from pathlib import Path

    from cabledesk.cli._confirm import confirmations

    source, output = _ends(args.input, args.output, binary=not args.armor)
    with open_session(args) as session:
        files = session.files
        target = files.target(contacts=args.to, recipients=recipients, include_me=not args.not_me)
        confirmed: set[str] = set()
        if isinstance(source, Path):  # standard input can be neither checked first nor asked
            check = files.check_release(source, target, marking=args.marking)
            confirmed = confirmations(
                check.needs_confirmation(),
                assume=args.confirm_unverified,
                question="Encrypt to them anyway?",
            )
        if isinstance(source, Path):
            plan = files.post_quantum_plan(source, target, marking=args.marking)
            if plan is not None and plan.warning is not None:
                print(f"cabledesk-cli: warning: {plan.warning.render()}", file=sys.stderr)
        with output_ended_early():
            files.encrypt(source, output, target, armor=args.armor, marking=args.marking,
                          confirmed=confirmed)  # fmt: skip
    return 0


def _decrypt(args: argparse.Namespace) -> int:
    identities: list[Identity] = list(read_identity_files(args.identity))
    if not identities and access(args).exists():
        source, output = _ends(args.input, args.output, binary=False)
        with open_session(args) as session, output_ended_early():
            session.files.decrypt(source, output, passphrase=_ask_file_passphrase)
        return 0
    from cabledesk.crypto.age import decrypt

    if not identities:
        identities = [_PassphraseOnDemand()]
    with (
        binary_input(args.input) as src,
        binary_output(args.output, mode=0o600) as dst,
        output_ended_early(),
    ):
        decrypt(src, dst, identities)
    return 0


Ends = tuple["Path | BinaryIO", "Path | BinaryIO"]


def _ends(source: str | None, output: str | None, *, binary: bool) -> Ends:
    """The input and output for the file service: paths, or the standard streams."""
    from pathlib import Path

    if output in (None, "-") and binary:
        refuse_binary_on_terminal()
    src: Path | BinaryIO = sys.stdin.buffer if source in (None, "-") else Path(source)
    dst: Path | BinaryIO = sys.stdout.buffer if output in (None, "-") else Path(output)
    return src, dst


def _ask_file_passphrase() -> str:
    return ask_passphrase("Enter the passphrase")


class _PassphraseOnDemand:
    """An identity that asks for the passphrase only if the file is passphrase-encrypted."""

    def unwrap(self, stanzas: Sequence[Stanza]) -> bytes | None:
        from cabledesk.crypto.age import ScryptIdentity

        if not any(s.type == "scrypt" for s in stanzas):
            return None
        return ScryptIdentity(ask_passphrase("Enter the passphrase")).unwrap(stanzas)


# --- files and keys of the vault-less tools -------------------------------------


@contextlib.contextmanager
def binary_output(
    name: str | None, *, mode: int = 0o644, refuse_terminal: bool = False
) -> Iterator[BinaryIO]:
    """An atomic output file, or standard output for None or ``-``.

    With ``refuse_terminal``, binary output to a terminal is refused.
    """
    if name in (None, "-"):
        if refuse_terminal:
            refuse_binary_on_terminal()
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    from pathlib import Path

    from cabledesk.atomic import atomic_output  # not needed for standard output

    try:
        with atomic_output(Path(name), mode=mode) as f:
            yield f
    except OSError as exc:
        raise InputError(f"Cannot write {name}: {exc.strerror}.") from exc


def read_identity_files(names: list[str]) -> list[X25519Identity | HybridIdentity]:
    """The age identities in the files, as ``age -i`` reads them: plain identity
    files, or identity files encrypted with a passphrase (asked on the terminal)."""
    import io

    from cabledesk.crypto.age import ScryptIdentity, decrypt, parse_identity_file

    identities: list[X25519Identity | HybridIdentity] = []
    for name in names:
        data = read_small_file(name, "identity file")
        if data.startswith((b"age-encryption.org/v1", b"-----BEGIN AGE ENCRYPTED FILE-----")):
            out = io.BytesIO()
            secret = ask_passphrase(f"Passphrase of the identity file {name}")
            decrypt(io.BytesIO(data), out, [ScryptIdentity(secret)])
            data = out.getvalue()
        text = data.decode("utf-8", "replace")
        identities += parse_identity_file(text, name=f"identity file {name}")
    return identities

"""``cabledesk-cli keygen``, ``sign`` and ``verify-signature``: keys in files."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cabledesk.cli._io import binary_input, read_small_file

__all__ = ["register"]


def register(commands: Any) -> None:
    gen = commands.add_parser(
        "keygen",
        help="create a signing and an encryption key",
        description="Write NAME (an age identity file), NAME.pub (its age1... recipient), "
        "NAME.ssh (an OpenSSH Ed25519 private key), NAME.ssh.pub (its ssh-ed25519 line) and, "
        "with --name and --post, NAME.contact (the self-signed contact card). Existing files "
        "are never overwritten. Private key files are readable by their owner only. With "
        "--pq, NAME holds a post-quantum hybrid key (AGE-SECRET-KEY-PQ-1...) and NAME.pub its "
        "age1pq1... recipient, as age-keygen -pq writes them (age 1.3 or later reads them); "
        "the contact card then names both that key and a classic X25519 one, for "
        "correspondents without post-quantum keys, whose secret goes to NAME.x25519.",
    )
    gen.add_argument("-o", "--output", required=True, metavar="NAME")
    gen.add_argument("--pq", action="store_true",
                     help="a post-quantum hybrid (ML-KEM-768 + X25519) age key")  # fmt: skip
    gen.add_argument("--name", help="the person's name")
    gen.add_argument("--post", help="the person's post, e.g. AMEMBASSY PARIS")
    gen.add_argument("--role", default="")
    gen.add_argument("--email")
    gen.add_argument("--scheme", default="us")
    gen.add_argument("--clearance", default="", metavar="LEVEL")
    gen.add_argument("--nationality", default="", metavar="CCC")
    gen.add_argument("--valid-days", type=int, default=730, metavar="DAYS",
                     help="days until the contact card expires (default 730)")  # fmt: skip
    gen.set_defaults(handler=_keygen)

    sig = commands.add_parser(
        "sign",
        help="sign a file (the same signature ssh-keygen -Y sign writes)",
        description="Write an armored SSH signature of FILE, by default to FILE.sig.",
    )
    sig.add_argument("-k", "--key", required=True, metavar="NAME.ssh")
    sig.add_argument("-n", "--namespace", required=True, metavar="NAMESPACE")
    sig.add_argument("-o", "--output", metavar="FILE.sig")
    sig.add_argument("file", metavar="FILE")
    sig.set_defaults(handler=_sign)

    ver = commands.add_parser(
        "verify-signature",
        help="check an SSH signature of a file",
        description="Check that FILE.sig is a signature of FILE by the signer, for the "
        "namespace. Exit 0 good, 1 bad, 2 unreadable input.",
    )
    ver.add_argument("-s", "--signature", required=True, metavar="FILE.sig")
    ver.add_argument("--signer", required=True, metavar="NAME.ssh.pub|CARD.contact")
    ver.add_argument("-n", "--namespace", required=True, metavar="NAMESPACE")
    ver.add_argument("file", metavar="FILE")
    ver.set_defaults(handler=_verify)


def _keygen(args: argparse.Namespace) -> int:
    from cabledesk.atomic import write_atomic
    from cabledesk.crypto.age import HybridIdentity
    from cabledesk.crypto.contact import ContactCard
    from cabledesk.crypto.keys import Identity
    from cabledesk.errors import InputError

    base = Path(args.output)
    with_card = bool(args.name and args.post)
    if bool(args.name) != bool(args.post):
        raise InputError("--name and --post go together.", hint="Give both, or neither.")
    now = datetime.now(UTC).replace(microsecond=0)
    try:
        identity = Identity.generate(
            args.name or base.name,
            args.post or "",
            role=args.role,
            email=args.email,
            scheme=args.scheme,
            clearance=args.clearance.upper(),
            nationality=args.nationality.upper(),
            created=now,
            expires=now + timedelta(days=args.valid_days),
            pq_key=HybridIdentity.generate() if args.pq else None,
        )
    except ValueError as exc:
        raise InputError(f"Cannot create the keys: {exc}.") from None
    public = identity.public()
    age_key, age_recipient = str(identity.encryption_key), str(public.encryption)
    if identity.pq_key is not None:
        age_key, age_recipient = str(identity.pq_key), str(identity.pq_key.recipient())
    files: list[tuple[Path, bytes, int]] = [
        (base, _age_identity_file(age_key, age_recipient, now).encode(), 0o600),
        (base.with_name(base.name + ".pub"), f"{age_recipient}\n".encode(), 0o644),
        (base.with_name(base.name + ".ssh"), identity.openssh_private_key(), 0o600),
        (base.with_name(base.name + ".ssh.pub"), (public.ssh_line(identity.name) + "\n").encode(),
         0o644),
    ]  # fmt: skip
    if with_card:
        card = ContactCard.for_identity(identity)
        files.append((base.with_name(base.name + ".contact"), card.to_bytes(), 0o644))
        if identity.pq_key is not None:  # the card's classic key must stay usable
            classic = _age_identity_file(str(identity.encryption_key), str(public.encryption), now)
            files.append((base.with_name(base.name + ".x25519"), classic.encode(), 0o600))
    existing = [str(p) for p, _, _ in files if p.exists()]
    if existing:
        raise InputError(
            f"{existing[0]} already exists; keygen never overwrites keys.",
            hint="Choose another NAME with -o.",
        )
    written: list[Path] = []
    try:
        for path, data, mode in files:
            write_atomic(path, data, overwrite=False, mode=mode)
            written.append(path)
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    print(f"fingerprint: {public.fingerprint}", file=sys.stderr)
    print(f"safety number: {public.safety_number}", file=sys.stderr)
    print(f"age recipient: {age_recipient}", file=sys.stderr)
    return 0


def _age_identity_file(secret: str, recipient: str, now: datetime) -> str:
    return f"# created: {now:%Y-%m-%dT%H:%M:%SZ}\n# public key: {recipient}\n{secret}\n"


def _sign(args: argparse.Namespace) -> int:
    from cabledesk.atomic import write_atomic
    from cabledesk.crypto.keys import read_openssh_private_key
    from cabledesk.crypto.sshsig import sign_stream

    key = read_openssh_private_key(read_small_file(args.key, "private key"))
    if not args.namespace:
        from cabledesk.errors import InputError

        raise InputError("The namespace must not be empty.")
    with binary_input(args.file) as src:
        text = sign_stream(key, args.namespace, src)
    if args.output == "-" or (args.output is None and args.file == "-"):
        sys.stdout.write(text)
    else:
        write_atomic(Path(args.output or args.file + ".sig"), text.encode(), mode=0o644)
    return 0


def _verify(args: argparse.Namespace) -> int:
    from cabledesk.crypto.contact import ContactCard
    from cabledesk.crypto.keys import parse_ssh_ed25519_line
    from cabledesk.crypto.sshsig import verify_stream

    signer_data = read_small_file(args.signer, "signer file")
    who = args.signer
    if args.signer.endswith(".contact"):
        card = ContactCard.parse(signer_data, now=datetime.now(UTC))
        key = card.keys.ed25519()
        who = card.name
    else:
        key = parse_ssh_ed25519_line(signer_data.decode("utf-8", "replace"))
    signature = read_small_file(args.signature, "signature")
    with binary_input(args.file) as src:
        result = verify_stream(signature, src, key, args.namespace)
    print(f"Good signature by {who} ({result.fingerprint}) for {result.namespace}.")
    return 0

"""Target: OpenSSH keys — public key lines (``keys.parse_ssh_ed25519_line``) and
private key files (``keys.read_openssh_private_key``)."""

from __future__ import annotations

import contextlib

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import (
    BestAvailableEncryption,
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from cabledesk.crypto.keys import parse_ssh_ed25519_line, read_openssh_private_key
from tests.fuzz._harness import JANE, attempt, file_text


def run(data: bytes) -> None:
    attempt(lambda: parse_ssh_ed25519_line(file_text(data)))
    attempt(lambda: read_openssh_private_key(data))


def seeds() -> dict[str, bytes]:
    found = {
        "ed25519.pub": JANE.public().ssh_line("jane@paris").encode() + b"\n",
        "ed25519": JANE.openssh_private_key(),
    }
    others: dict[str, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey] = {
        "ecdsa": ec.generate_private_key(ec.SECP256R1()),
        "rsa": rsa.generate_private_key(public_exponent=65537, key_size=1024),
    }
    for name, key in others.items():
        found[name] = key.private_bytes(Encoding.PEM, PrivateFormat.OpenSSH, NoEncryption())
        found[f"{name}.pub"] = key.public_key().public_bytes(Encoding.OpenSSH, PublicFormat.OpenSSH)
    with contextlib.suppress(UnsupportedAlgorithm):  # without bcrypt: one seed fewer
        found["ed25519-encrypted"] = JANE.signing_key.private_bytes(
            Encoding.PEM, PrivateFormat.OpenSSH, BestAvailableEncryption(b"secret")
        )
    return found

"""Fingerprints and safety numbers of Ed25519 signing keys.

The fingerprint is OpenSSH's: ``SHA256:`` and the unpadded base64 of the
SHA-256 of the key's wire form — the string ``ssh-keygen -lf`` prints.

The safety number is for reading aloud on the phone: 60 digits in 12 groups
of 5. It is computed as: ``h = SHA-512("cabledesk-safety-number-v1" || 0x00 ||
wire form of the key)``, iterated 5,200 times as ``h = SHA-512(h || wire
form)``; then for i in 0..11 the 5 bytes ``h[5i:5i+5]`` read as a big-endian
integer, modulo 100000, written with 5 digits. (The same construction as
Signal's, on one key; both people read the number of the same key.)
"""

from __future__ import annotations

import base64
import hashlib

from cabledesk.crypto._sshwire import ed25519_public_blob

__all__ = ["fingerprint", "safety_number"]

SAFETY_LABEL = b"cabledesk-safety-number-v1\x00"
SAFETY_ITERATIONS = 5200
SAFETY_GROUPS = 12


def fingerprint(ed25519_public: bytes) -> str:
    """OpenSSH ``SHA256:…`` fingerprint of a raw 32-byte Ed25519 public key."""
    digest = hashlib.sha256(ed25519_public_blob(ed25519_public)).digest()
    return "SHA256:" + base64.b64encode(digest).decode("ascii").rstrip("=")


def safety_number(ed25519_public: bytes) -> str:
    """60 digits in 12 space-separated groups of 5, for reading a key aloud."""
    wire = ed25519_public_blob(ed25519_public)
    h = hashlib.sha512(SAFETY_LABEL + wire).digest()
    for _ in range(SAFETY_ITERATIONS):
        h = hashlib.sha512(h + wire).digest()
    groups = [int.from_bytes(h[5 * i : 5 * i + 5], "big") % 100_000 for i in range(SAFETY_GROUPS)]
    return " ".join(f"{g:05d}" for g in groups)

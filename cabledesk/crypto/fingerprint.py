"""Fingerprints and safety numbers of Ed25519 signing keys.

Both take the key as its raw 32 bytes or as an ``Ed25519PublicKey``; a key of
another size raises ``ValueError``, another type ``TypeError``.

**Fingerprint** — OpenSSH's: ``"SHA256:"`` followed by the base64 (standard
alphabet, ``=`` padding removed) of SHA-256 over the key's SSH wire form
``string "ssh-ed25519" || string key`` (51 bytes). It is the string that
``ssh-keygen -lf KEY.pub`` prints, so it can be compared with standard tools.

**Safety number** — for two people to compare a key over the phone: 60
decimal digits in 12 groups of 5, separated by single spaces, e.g.
``54058 13351 87805 …``. Computed from the same 51-byte wire form ``W``:

1. ``h = SHA-512(b"cabledesk-safety-number-v1" || 0x00 || W)``;
2. 5,200 times: ``h = SHA-512(h || W)`` (slows down a search for a key with a
   look-alike number; the same iteration count as Signal's);
3. for ``i`` in 0‥11: the 5 bytes ``h[5i : 5i+5]`` as a big-endian integer,
   modulo 100,000, written as 5 digits with leading zeros.

The number depends only on the key, so it is the same whichever side computes
it: the owner reads the number of their own key, the other person compares it
with the number shown for the contact card. Changing this construction
changes every number people have already compared; it carries the version
label ``v1`` for that reason.
"""

from __future__ import annotations

import binascii
import hashlib

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from cabledesk.crypto._sshwire import ED25519_KEY_SIZE, ed25519_public_blob

__all__ = [
    "SAFETY_GROUPS",
    "SAFETY_ITERATIONS",
    "fingerprint",
    "keys_safety_number",
    "safety_number",
]

SAFETY_LABEL = b"cabledesk-safety-number-v1\x00"
KEYS_SAFETY_LABEL = b"cabledesk-safety-number-keys-v1\x00"
SAFETY_ITERATIONS = 5200
SAFETY_GROUPS = 12
SAFETY_GROUP_BYTES = 5
SAFETY_MODULUS = 100_000


# the wire form of a key is this prefix and the key's 32 bytes
_WIRE_PREFIX = ed25519_public_blob(bytes(ED25519_KEY_SIZE))[:-ED25519_KEY_SIZE]


def _wire(key: bytes | Ed25519PublicKey) -> bytes:
    if type(key) is bytes and len(key) == ED25519_KEY_SIZE:  # the common case, fast
        return _WIRE_PREFIX + key
    if isinstance(key, Ed25519PublicKey):
        return ed25519_public_blob(key.public_bytes_raw())
    if not isinstance(key, bytes | bytearray):
        raise TypeError(f"expected an Ed25519 public key, got {type(key).__name__}")
    if len(key) != ED25519_KEY_SIZE:
        raise ValueError("an Ed25519 public key is 32 bytes")
    return ed25519_public_blob(bytes(key))


def fingerprint(key: bytes | Ed25519PublicKey) -> str:
    """The OpenSSH ``SHA256:…`` fingerprint of an Ed25519 public key."""
    digest = hashlib.sha256(_wire(key)).digest()
    return "SHA256:" + binascii.b2a_base64(digest, newline=False).decode("ascii").rstrip("=")


def safety_number(key: bytes | Ed25519PublicKey) -> str:
    """The key's safety number: 60 digits in 12 space-separated groups of 5."""
    return _number(SAFETY_LABEL, _wire(key))


def keys_safety_number(key: bytes | Ed25519PublicKey, age_recipient: str) -> str:
    """The safety number of a signing key *and* an encryption key that no signature
    binds together (a contact made from raw public keys): as :func:`safety_number`,
    with the label ``cabledesk-safety-number-keys-v1`` and ``W`` followed by the
    ``age1…`` recipient's text, so that comparing it compares both keys."""
    return _number(KEYS_SAFETY_LABEL, _wire(key) + age_recipient.encode("ascii"))


def _number(label: bytes, wire: bytes) -> str:
    h = hashlib.sha512(label + wire).digest()
    for _ in range(SAFETY_ITERATIONS):
        h = hashlib.sha512(h + wire).digest()
    groups = (
        int.from_bytes(h[SAFETY_GROUP_BYTES * i : SAFETY_GROUP_BYTES * (i + 1)], "big")
        % SAFETY_MODULUS
        for i in range(SAFETY_GROUPS)
    )
    return " ".join(f"{g:05d}" for g in groups)

"""Key derivations of age v1: HKDF-SHA-256 for the header MAC and payload key,
ChaCha20-Poly1305 with a zero nonce for wrapping file keys."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import hmac as crypto_hmac
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from cabledesk.crypto.age._format import Stanza

__all__ = [
    "FILE_KEY_SIZE",
    "Identity",
    "Recipient",
    "aead_unwrap",
    "aead_wrap",
    "header_mac",
    "header_mac_matches",
    "hkdf",
    "payload_key",
]

FILE_KEY_SIZE = 16
NONCE_SIZE = 16
_ZERO_NONCE = bytes(12)
WRAPPED_KEY_SIZE = FILE_KEY_SIZE + 16


class Recipient(Protocol):
    """Someone a file can be encrypted to."""

    def wrap(self, file_key: bytes) -> list[Stanza]: ...


class Identity(Protocol):
    """A key that may open a file: returns the file key, or None if no stanza is for it.

    Raises HeaderError for a malformed stanza of its own type.
    """

    def unwrap(self, stanzas: Sequence[Stanza]) -> bytes | None: ...


def hkdf(ikm: bytes, salt: bytes, info: bytes, length: int = 32) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=info).derive(ikm)


def _header_hmac(file_key: bytes, signed_bytes: bytes) -> crypto_hmac.HMAC:
    h = crypto_hmac.HMAC(hkdf(file_key, b"", b"header"), hashes.SHA256())
    h.update(signed_bytes)
    return h


def header_mac(file_key: bytes, signed_bytes: bytes) -> bytes:
    return _header_hmac(file_key, signed_bytes).finalize()


def header_mac_matches(file_key: bytes, signed_bytes: bytes, mac: bytes) -> bool:
    """Whether ``mac`` is the header's MAC (compared in constant time)."""
    try:
        _header_hmac(file_key, signed_bytes).verify(mac)
    except InvalidSignature:
        return False
    return True


def payload_key(file_key: bytes, nonce: bytes) -> bytes:
    return hkdf(file_key, nonce, b"payload")


def aead_wrap(key: bytes, file_key: bytes) -> bytes:
    return ChaCha20Poly1305(key).encrypt(_ZERO_NONCE, file_key, None)


def aead_unwrap(key: bytes, body: bytes) -> bytes | None:
    """The file key in ``body``, or None if the key does not open it."""
    try:
        return ChaCha20Poly1305(key).decrypt(_ZERO_NONCE, body, None)
    except InvalidTag:
        return None

"""OpenSSH SSHSIG signatures with Ed25519 (PROTOCOL.sshsig).

:func:`sign` / :func:`sign_stream` produce the armored text exactly as
``ssh-keygen -Y sign`` writes it (Ed25519 is deterministic, so the bytes are
identical); :func:`verify` / :func:`verify_stream` check one against the data,
the expected signer and the namespace, and return a :class:`VerifiedSignature`
or raise :class:`~cabledesk.errors.SignatureInvalid` with a message saying
which of the three did not match. :func:`parse_signature` is strict and raises
:class:`~cabledesk.errors.SignatureFormatError`.

Streams are hashed in 1 MiB reads, so a signature over a 1 GB export costs one
hash pass in constant memory.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass
from typing import BinaryIO

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from cabledesk.crypto._sshwire import ED25519, WireReader, ed25519_public_blob, ssh_string
from cabledesk.crypto.fingerprint import fingerprint
from cabledesk.errors import SignatureFormatError, SignatureInvalid

__all__ = [
    "CONTACT_NAMESPACE",
    "DOCUMENT_NAMESPACE",
    "SEAL_NAMESPACE",
    "Signature",
    "VerifiedSignature",
    "parse_signature",
    "sign",
    "sign_stream",
    "verify",
    "verify_stream",
]

SEAL_NAMESPACE = "cabledesk-seal-v1"
DOCUMENT_NAMESPACE = "cabledesk-document-v1"
CONTACT_NAMESPACE = "cabledesk-contact-v1"
MAGIC = b"SSHSIG"
VERSION = 1
BEGIN = "-----BEGIN SSH SIGNATURE-----"
END = "-----END SSH SIGNATURE-----"
COLUMNS = 70  # what ssh-keygen writes
READ_SIZE = 1024 * 1024
MAX_ARMOR_BYTES = 64 * 1024
_HASHES = ("sha512", "sha256")


@dataclass(frozen=True, slots=True)
class Signature:
    """A parsed SSHSIG signature: who made it (Ed25519 key), for what, how."""

    public_key: bytes  # raw 32-byte Ed25519 key
    namespace: str
    hash_algorithm: str
    signature: bytes  # raw 64-byte Ed25519 signature


@dataclass(frozen=True, slots=True)
class VerifiedSignature:
    """What a successful verification established."""

    public_key: bytes
    fingerprint: str
    namespace: str
    hash_algorithm: str


def _raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def _signed_data(namespace: str, hash_algorithm: str, digest: bytes) -> bytes:
    return (
        MAGIC
        + ssh_string(namespace.encode("utf-8"))
        + ssh_string(b"")
        + ssh_string(hash_algorithm.encode("ascii"))
        + ssh_string(digest)
    )


def _check_namespace(namespace: str) -> None:
    if not namespace:
        raise ValueError("a signature namespace must not be empty")


def _digest_stream(src: BinaryIO, hash_algorithm: str) -> bytes:
    h = hashlib.new(hash_algorithm)
    buf = bytearray(READ_SIZE)
    view = memoryview(buf)
    while n := src.readinto(view):  # type: ignore[attr-defined]
        h.update(view[:n])
    return h.digest()


def _armor(blob: bytes) -> str:
    text = base64.b64encode(blob).decode("ascii")
    lines = [text[i : i + COLUMNS] for i in range(0, len(text), COLUMNS)]
    return BEGIN + "\n" + "\n".join(lines) + "\n" + END + "\n"


def sign_digest(key: Ed25519PrivateKey, namespace: str, digest: bytes, hash_algorithm: str) -> str:
    """Sign a precomputed digest of the message; returns the armored signature."""
    _check_namespace(namespace)
    if hash_algorithm not in _HASHES:
        raise ValueError(f"unsupported hash algorithm {hash_algorithm!r}")
    raw_sig = key.sign(_signed_data(namespace, hash_algorithm, digest))
    blob = (
        MAGIC
        + VERSION.to_bytes(4, "big")
        + ssh_string(ed25519_public_blob(_raw_public(key.public_key())))
        + ssh_string(namespace.encode("utf-8"))
        + ssh_string(b"")
        + ssh_string(hash_algorithm.encode("ascii"))
        + ssh_string(ssh_string(ED25519) + ssh_string(raw_sig))
    )
    return _armor(blob)


def sign(
    key: Ed25519PrivateKey, namespace: str, data: bytes, hash_algorithm: str = "sha512"
) -> str:
    """Sign ``data``; returns the armored signature text."""
    _check_namespace(namespace)
    return sign_digest(key, namespace, hashlib.new(hash_algorithm, data).digest(), hash_algorithm)


def sign_stream(
    key: Ed25519PrivateKey, namespace: str, src: BinaryIO, hash_algorithm: str = "sha512"
) -> str:
    """Sign everything read from ``src`` (constant memory); returns the armored signature."""
    _check_namespace(namespace)
    return sign_digest(key, namespace, _digest_stream(src, hash_algorithm), hash_algorithm)


def _format_error(problem: str) -> SignatureFormatError:
    return SignatureFormatError(
        f"This is not a valid SSH signature: {problem}.",
        hint="The signature file may be damaged or be something else; ask for it again.",
    )


def parse_signature(text: str | bytes) -> Signature:
    """Parse an armored SSHSIG signature strictly; raises SignatureFormatError."""
    if isinstance(text, bytes):
        if len(text) > MAX_ARMOR_BYTES:
            raise _format_error("the file is far too large")
        try:
            text = text.decode("ascii")
        except UnicodeDecodeError:
            raise _format_error("it is not text") from None
    if len(text) > MAX_ARMOR_BYTES:
        raise _format_error("the file is far too large")
    lines = text.replace("\r\n", "\n").split("\n")
    while lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0] != BEGIN:
        raise _format_error("it does not start with the SSH signature line")
    if len(lines) < 3 or lines[-1] != END:
        raise _format_error("the end line is missing")
    body = "".join(lines[1:-1])
    try:
        blob = base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError):
        raise _format_error("its content is not base64") from None
    try:
        return _parse_blob(blob)
    except ValueError:
        raise _format_error("it is truncated") from None


def _parse_blob(blob: bytes) -> Signature:
    r = WireReader(blob)
    if r.raw(6) != MAGIC:
        raise _format_error("the magic preamble is missing")
    version = r.u32()
    if version != VERSION:
        raise _format_error(f"version {version} is not supported")
    key = WireReader(r.string())
    key_type = key.string()
    if key_type != ED25519:
        raise _format_error(
            f"the key type {key_type.decode('ascii', 'replace')!r} is not supported "
            "(CableDesk uses Ed25519 keys)"
        )
    public = key.string()
    if len(public) != 32 or not key.done():
        raise _format_error("the signer's key is malformed")
    try:
        namespace = r.string().decode("utf-8")
    except UnicodeDecodeError:
        raise _format_error("the namespace is not text") from None
    if not namespace:
        raise _format_error("the namespace is empty")
    r.string()  # reserved: ignored, as OpenSSH does
    hash_algorithm = r.string().decode("ascii", "replace")
    if hash_algorithm not in _HASHES:
        raise _format_error(f"the hash algorithm {hash_algorithm!r} is not supported")
    sig = WireReader(r.string())
    if sig.string() != ED25519:
        raise _format_error("the signature type does not match the key")
    raw_sig = sig.string()
    if len(raw_sig) != 64 or not sig.done():
        raise _format_error("the signature value is malformed")
    if not r.done():
        raise _format_error("there is data after the signature")
    return Signature(public, namespace, hash_algorithm, raw_sig)


def _check(
    sig: Signature, digest: bytes, expected_key: Ed25519PublicKey, namespace: str
) -> VerifiedSignature:
    expected = _raw_public(expected_key)
    if sig.namespace != namespace:
        raise SignatureInvalid(
            f"This signature was made for a different purpose ({sig.namespace!r}), "
            f"not for {namespace!r}.",
            hint="A signature for one purpose must not be accepted for another.",
        )
    if sig.public_key != expected:
        raise SignatureInvalid(
            f"This signature was made by {fingerprint(sig.public_key)}, not by the expected "
            f"signer {fingerprint(expected)}.",
            hint="Check who really signed it before trusting it.",
        )
    try:
        expected_key.verify(sig.signature, _signed_data(namespace, sig.hash_algorithm, digest))
    except InvalidSignature:
        raise SignatureInvalid(
            "The signed content was changed after it was signed (or the signature is forged).",
            hint="Do not trust this content; ask the sender for a fresh copy.",
        ) from None
    return VerifiedSignature(sig.public_key, fingerprint(expected), namespace, sig.hash_algorithm)


def verify(
    signature: str | bytes, data: bytes, expected_key: Ed25519PublicKey, namespace: str
) -> VerifiedSignature:
    """Verify ``signature`` over ``data`` by ``expected_key`` for ``namespace``.

    Raises SignatureFormatError for a malformed signature, SignatureInvalid otherwise.
    """
    _check_namespace(namespace)
    sig = parse_signature(signature)
    return _check(sig, hashlib.new(sig.hash_algorithm, data).digest(), expected_key, namespace)


def verify_stream(
    signature: str | bytes, src: BinaryIO, expected_key: Ed25519PublicKey, namespace: str
) -> VerifiedSignature:
    """Like :func:`verify`, reading the data from ``src`` in constant memory."""
    _check_namespace(namespace)
    sig = parse_signature(signature)
    return _check(sig, _digest_stream(src, sig.hash_algorithm), expected_key, namespace)

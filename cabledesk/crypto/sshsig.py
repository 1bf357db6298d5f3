"""OpenSSH SSHSIG signatures with Ed25519 keys (OpenSSH ``PROTOCOL.sshsig``).

Signing — :func:`sign` (bytes), :func:`sign_stream` (a binary stream, read in
1 MiB blocks, so a 1 GB file is signed in constant memory) and
:func:`sign_digest` (a hash computed elsewhere) return the armored text
exactly as ``ssh-keygen -Y sign`` writes it: ``-----BEGIN SSH SIGNATURE-----``,
the base64 of the blob wrapped at 70 columns, ``-----END SSH SIGNATURE-----``
and a newline. Ed25519 is deterministic, so for the same key, data and
namespace the text is byte for byte ssh-keygen's. The hash is SHA-512 unless
``hash_algorithm="sha256"`` is asked for.

Verifying — :func:`verify`, :func:`verify_stream` and :func:`verify_digest`
check a signature against the data, the *expected* signer's key and the
namespace. They return a :class:`VerifiedSignature` or raise
:class:`~cabledesk.errors.SignatureInvalid` whose message says which of the
three did not match (namespace, signer, data), and
:class:`~cabledesk.errors.SignatureFormatError` when the signature is
malformed. Both sha256 and sha512 signatures are accepted.

Parsing — :func:`parse_signature` is strict: the header at the first byte,
lines of the standard base64 alphabet in canonical form (LF or CRLF line
ends, any width), the footer, then nothing but line ends; a blob with the
``SSHSIG`` preamble, version 1, an ``ssh-ed25519`` key (other key types:
"unsupported key type"), a non-empty namespace without NUL, an *empty*
reserved field (stricter than the specification's "ignore", which would let
anyone append bytes to a valid signature; OpenSSH never writes one), hash
``sha256`` or ``sha512``, an ``ssh-ed25519`` signature of 64 bytes, and no
trailing data. At most 64 KiB of text.

Misuse (an empty namespace, a key that is not Ed25519, data that is not
bytes) raises ``ValueError`` / ``TypeError``. A stream that cannot be read
raises :class:`~cabledesk.errors.InputError`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from dataclasses import dataclass
from typing import BinaryIO

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from cabledesk.crypto._sshwire import (
    ED25519,
    ED25519_KEY_SIZE,
    ED25519_SIG_SIZE,
    WireError,
    WireReader,
    ed25519_public_blob,
    ed25519_signature_blob,
    printable,
    read_ed25519_public_blob,
    ssh_string,
)
from cabledesk.crypto.fingerprint import fingerprint
from cabledesk.errors import InputError, SignatureFormatError, SignatureInvalid

__all__ = [
    "ANCHOR_NAMESPACE",
    "CLEARANCE_NAMESPACE",
    "CONTACT_NAMESPACE",
    "DIRECTORY_NAMESPACE",
    "DOCUMENT_NAMESPACE",
    "HASH_ALGORITHMS",
    "ROTATION_NAMESPACE",
    "SEAL_NAMESPACE",
    "Signature",
    "VerifiedSignature",
    "parse_signature",
    "sign",
    "sign_digest",
    "sign_stream",
    "verify",
    "verify_digest",
    "verify_stream",
]

SEAL_NAMESPACE = "cabledesk-seal-v1"
DOCUMENT_NAMESPACE = "cabledesk-document-v1"
CONTACT_NAMESPACE = "cabledesk-contact-v1"
ANCHOR_NAMESPACE = "cabledesk-anchor-v1"
DIRECTORY_NAMESPACE = "cabledesk-directory-v1"
CLEARANCE_NAMESPACE = "cabledesk-clearance-v1"
ROTATION_NAMESPACE = "cabledesk-rotation-v1"  # a key-rotation statement (crypto/rotation.py)
HASH_ALGORITHMS = ("sha512", "sha256")
DEFAULT_HASH = "sha512"
MAGIC = b"SSHSIG"
VERSION = 1
BEGIN = "-----BEGIN SSH SIGNATURE-----"
END = "-----END SSH SIGNATURE-----"
COLUMNS = 70  # what ssh-keygen writes (sshbuf_dtob64), not the 76 of the prose
READ_SIZE = 1024 * 1024
MAX_ARMOR_CHARS = 64 * 1024
_BASE64_LINE = re.compile(r"[A-Za-z0-9+/=]+")
_FORMAT_HINT = "The signature file may be damaged or be something else; ask for it again."


@dataclass(frozen=True, slots=True)
class Signature:
    """A parsed SSHSIG signature: the signer's raw Ed25519 key, namespace, hash, value.

    Parsing does not check the signature; :func:`verify` does. Construction
    with fields of the wrong size or an unknown hash raises ``ValueError``.
    """

    public_key: bytes  # raw 32-byte Ed25519 key
    namespace: str
    hash_algorithm: str
    signature: bytes  # raw 64-byte Ed25519 signature

    def __post_init__(self) -> None:
        _check_namespace(self.namespace)
        _check_hash(self.hash_algorithm)
        if len(self.public_key) != ED25519_KEY_SIZE or len(self.signature) != ED25519_SIG_SIZE:
            raise ValueError("an Ed25519 key is 32 bytes and its signature 64 bytes")

    @property
    def fingerprint(self) -> str:
        """The OpenSSH ``SHA256:…`` fingerprint of the key that claims to have signed."""
        return fingerprint(self.public_key)

    def blob(self) -> bytes:
        """The binary SSHSIG blob (what the armor's base64 carries)."""
        return (
            MAGIC
            + VERSION.to_bytes(4, "big")
            + ssh_string(ed25519_public_blob(self.public_key))
            + ssh_string(self.namespace.encode("utf-8"))
            + ssh_string(b"")
            + ssh_string(self.hash_algorithm.encode("ascii"))
            + ssh_string(ed25519_signature_blob(self.signature))
        )

    def armored(self) -> str:
        """The armored text, byte for byte as ``ssh-keygen -Y sign`` writes it."""
        text = base64.b64encode(self.blob()).decode("ascii")
        lines = [text[i : i + COLUMNS] for i in range(0, len(text), COLUMNS)]
        return "\n".join([BEGIN, *lines, END, ""])


@dataclass(frozen=True, slots=True)
class VerifiedSignature:
    """What a successful verification established: who signed, for what, how."""

    public_key: bytes  # raw 32-byte Ed25519 key of the signer (the expected one)
    fingerprint: str
    namespace: str
    hash_algorithm: str


# --- signing ---------------------------------------------------------------


def sign(
    key: Ed25519PrivateKey, namespace: str, data: bytes, hash_algorithm: str = DEFAULT_HASH
) -> str:
    """Sign ``data`` for ``namespace``; returns the armored signature text."""
    _check_data(data)
    _check_hash(hash_algorithm)
    return sign_digest(key, namespace, hashlib.new(hash_algorithm, data).digest(), hash_algorithm)


def sign_stream(
    key: Ed25519PrivateKey, namespace: str, src: BinaryIO, hash_algorithm: str = DEFAULT_HASH
) -> str:
    """Sign everything read from ``src`` until its end, in constant memory.

    Returns the armored signature text; raises InputError if ``src`` cannot be read.
    """
    _check_key(key)
    _check_namespace(namespace)
    _check_hash(hash_algorithm)
    return sign_digest(key, namespace, _digest_stream(src, hash_algorithm), hash_algorithm)


def sign_digest(key: Ed25519PrivateKey, namespace: str, digest: bytes, hash_algorithm: str) -> str:
    """Sign a digest of the message computed by the caller with ``hash_algorithm``."""
    _check_key(key)
    _check_namespace(namespace)
    _check_digest(digest, hash_algorithm)
    value = key.sign(_signed_data(namespace, hash_algorithm, digest))
    return Signature(
        key.public_key().public_bytes_raw(), namespace, hash_algorithm, value
    ).armored()


def _signed_data(namespace: str, hash_algorithm: str, digest: bytes) -> bytes:
    # PROTOCOL.sshsig §3; the reserved field is always empty, as OpenSSH rebuilds it
    return (
        MAGIC
        + ssh_string(namespace.encode("utf-8"))
        + ssh_string(b"")
        + ssh_string(hash_algorithm.encode("ascii"))
        + ssh_string(digest)
    )


def _digest_stream(src: BinaryIO, hash_algorithm: str) -> bytes:
    h = hashlib.new(hash_algorithm)
    try:
        while chunk := src.read(READ_SIZE):
            if not isinstance(chunk, bytes | bytearray):
                raise TypeError("the stream to sign or verify must be opened in binary mode")
            h.update(chunk)
    except OSError as exc:
        raise InputError(
            f"The data could not be read to the end: {exc.strerror or exc}.",
            hint="Check that the file is complete and the medium is readable.",
        ) from exc
    return h.digest()


# --- misuse checks (ValueError / TypeError) --------------------------------


def _check_key(key: object) -> None:
    if not isinstance(key, Ed25519PrivateKey):
        raise TypeError(f"SSHSIG signing needs an Ed25519 private key, got {type(key).__name__}")


def _check_namespace(namespace: object) -> None:
    if not isinstance(namespace, str):
        raise TypeError("a signature namespace is a str")
    if not namespace or "\x00" in namespace:
        raise ValueError("a signature namespace must be non-empty and without NUL")


def _check_hash(hash_algorithm: str) -> None:
    if hash_algorithm not in HASH_ALGORITHMS:
        raise ValueError(
            f"the SSHSIG hash algorithm must be sha512 or sha256, not {hash_algorithm!r}"
        )


def _check_digest(digest: bytes, hash_algorithm: str) -> None:
    _check_hash(hash_algorithm)
    _check_data(digest)
    if len(digest) != hashlib.new(hash_algorithm).digest_size:
        raise ValueError(
            f"a {hash_algorithm} digest has {hashlib.new(hash_algorithm).digest_size} bytes"
        )


def _check_data(data: object) -> None:
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"the data to sign or verify must be bytes, not {type(data).__name__}")


# --- parsing ---------------------------------------------------------------


def _format_error(problem: str) -> SignatureFormatError:
    return SignatureFormatError(f"This is not a valid SSH signature: {problem}.", hint=_FORMAT_HINT)


def parse_signature(text: str | bytes) -> Signature:
    """Parse an armored SSHSIG signature strictly; raises SignatureFormatError."""
    if isinstance(text, bytes | bytearray):
        if len(text) > MAX_ARMOR_CHARS:
            raise _format_error("the file is far too large to be one")
        try:
            text = bytes(text).decode("ascii")
        except UnicodeDecodeError:
            raise _format_error("it is not plain text") from None
    elif not isinstance(text, str):
        raise TypeError(f"a signature is text (str or bytes), not {type(text).__name__}")
    if len(text) > MAX_ARMOR_CHARS:
        raise _format_error("the file is far too large to be one")
    return _parse_blob(_dearmor(text))


def _dearmor(text: str) -> bytes:
    lines = text.replace("\r\n", "\n").split("\n")
    if lines[0] != BEGIN:
        raise _format_error("it does not start with the line " + BEGIN)
    while len(lines) > 1 and lines[-1] == "":
        lines.pop()  # line ends after the footer
    if len(lines) < 2 or lines[-1] != END:
        raise _format_error("it does not end with the line " + END)
    if len(lines) == 2:
        raise _format_error("there is nothing between its first and last lines")
    body = lines[1:-1]
    if not all(_BASE64_LINE.fullmatch(line) for line in body):
        raise _format_error("its content is not base64 text")
    joined = "".join(body)
    try:
        blob = base64.b64decode(joined, validate=True)
    except (binascii.Error, ValueError):
        raise _format_error("its content is not base64 text") from None
    if base64.b64encode(blob).decode("ascii") != joined:
        raise _format_error("its base64 text is not in canonical form")
    return blob


def _parse_blob(blob: bytes) -> Signature:
    try:
        r = WireReader(blob)
        if r.raw(len(MAGIC)) != MAGIC:
            raise WireError("the SSHSIG preamble is missing")
        version = r.u32()
        if version != VERSION:
            raise WireError(f"version {version} is not supported (only version 1)")
        public_key = read_ed25519_public_blob(r.string())
        raw_namespace = r.string()
        if not raw_namespace:
            raise WireError("the namespace is empty")
        if r.string():
            raise WireError("the reserved field is not empty")
        raw_hash = r.string()
        if raw_hash.decode("ascii", "replace") not in HASH_ALGORITHMS:
            raise WireError(f"the hash algorithm {printable(raw_hash)} is not supported")
        signature = _read_signature(r.string())
        r.finish("the signature")
    except WireError as exc:
        raise _format_error(str(exc)) from None
    try:
        namespace = raw_namespace.decode("utf-8")
    except UnicodeDecodeError:
        raise _format_error("the namespace is not UTF-8 text") from None
    if "\x00" in namespace:
        raise _format_error("the namespace contains a NUL character")
    return Signature(public_key, namespace, raw_hash.decode("ascii"), signature)


def _read_signature(blob: bytes) -> bytes:
    r = WireReader(blob)
    sig_type = r.string()
    if sig_type != ED25519:
        raise WireError(f"unsupported signature type {printable(sig_type)} for an Ed25519 key")
    value = r.string()
    if len(value) != ED25519_SIG_SIZE:
        raise WireError("the Ed25519 signature is not 64 bytes")
    r.finish("the Ed25519 signature")
    return value


# --- verifying -------------------------------------------------------------


def verify(
    signature: str | bytes | Signature, data: bytes, expected_key: Ed25519PublicKey, namespace: str
) -> VerifiedSignature:
    """Check ``signature`` over ``data`` by ``expected_key`` for ``namespace``.

    Raises SignatureFormatError for a malformed signature and SignatureInvalid
    for a wrong namespace, another signer or changed data (each its own message).
    """
    _check_data(data)
    sig = _prepare(signature, expected_key, namespace)
    return _check(sig, hashlib.new(sig.hash_algorithm, data).digest(), expected_key, namespace)


def verify_stream(
    signature: str | bytes | Signature,
    src: BinaryIO,
    expected_key: Ed25519PublicKey,
    namespace: str,
) -> VerifiedSignature:
    """Like :func:`verify`, reading the data from ``src`` to its end in constant memory.

    The signature is parsed and checked against the key and namespace before
    ``src`` is read. Raises InputError if ``src`` cannot be read.
    """
    sig = _prepare(signature, expected_key, namespace)
    return _check(sig, _digest_stream(src, sig.hash_algorithm), expected_key, namespace)


def verify_digest(
    signature: str | bytes | Signature,
    digest: bytes,
    expected_key: Ed25519PublicKey,
    namespace: str,
) -> VerifiedSignature:
    """Like :func:`verify` for a digest computed by the caller with the signature's
    hash algorithm (parse it first to learn which); a digest of the wrong size
    raises ValueError."""
    sig = _prepare(signature, expected_key, namespace)
    _check_digest(digest, sig.hash_algorithm)
    return _check(sig, digest, expected_key, namespace)


def _prepare(
    signature: str | bytes | Signature, expected_key: Ed25519PublicKey, namespace: str
) -> Signature:
    if not isinstance(expected_key, Ed25519PublicKey):
        raise TypeError(
            f"the expected signer must be an Ed25519 public key, not {type(expected_key).__name__}"
        )
    _check_namespace(namespace)
    sig = signature if isinstance(signature, Signature) else parse_signature(signature)
    if sig.namespace != namespace:
        shown = sig.namespace if len(sig.namespace) <= 64 else sig.namespace[:64] + "…"
        raise SignatureInvalid(
            f"This signature was made for a different purpose (namespace {shown!r}), "
            f"not for {namespace!r}.",
            hint="A signature made for one purpose must not be accepted for another.",
        )
    expected = expected_key.public_bytes_raw()
    if sig.public_key != expected:
        raise SignatureInvalid(
            f"This signature was made by {fingerprint(sig.public_key)}, not by the expected "
            f"signer {fingerprint(expected)}.",
            hint="Check who really signed it before trusting it.",
        )
    return sig


def _check(
    sig: Signature, digest: bytes, expected_key: Ed25519PublicKey, namespace: str
) -> VerifiedSignature:
    try:
        expected_key.verify(sig.signature, _signed_data(namespace, sig.hash_algorithm, digest))
    except InvalidSignature:
        raise SignatureInvalid(
            "The data was changed after it was signed (or the signature is forged).",
            hint="Do not trust this content; ask the sender for a fresh copy.",
        ) from None
    return VerifiedSignature(sig.public_key, sig.fingerprint, namespace, sig.hash_algorithm)

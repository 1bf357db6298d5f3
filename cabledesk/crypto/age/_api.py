"""Encrypting and decrypting whole age files, streams or paths."""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, BinaryIO, cast

from cabledesk.crypto.age._b64 import b64_encode
from cabledesk.crypto.age._format import Header, Stanza, encode_header, read_header
from cabledesk.crypto.age._primitives import (
    FILE_KEY_SIZE,
    NONCE_SIZE,
    Identity,
    Recipient,
    header_mac,
    header_mac_matches,
    payload_key,
)
from cabledesk.crypto.age._stream import Progress, ShouldCancel, decrypt_stream, encrypt_stream
from cabledesk.crypto.age.armor import ArmorReader, ArmorWriter, looks_armored
from cabledesk.crypto.age.hybrid import IDENTITY_HRP as HYBRID_IDENTITY_HRP
from cabledesk.crypto.age.hybrid import RECIPIENT_HRP as HYBRID_RECIPIENT_HRP
from cabledesk.crypto.age.hybrid import HybridIdentity, HybridRecipient
from cabledesk.crypto.age.scrypt import STANZA_TYPE as SCRYPT_TYPE
from cabledesk.crypto.age.scrypt import ScryptRecipient
from cabledesk.crypto.age.x25519 import X25519Identity, X25519Recipient
from cabledesk.errors import (
    HeaderError,
    HeaderMacError,
    InputError,
    KeyFormatError,
    NoIdentityMatch,
)

if TYPE_CHECKING:
    from pathlib import Path

__all__ = [
    "decrypt",
    "decrypt_file",
    "encrypt",
    "encrypt_file",
    "mixes_post_quantum",
    "parse_identity",
    "parse_identity_file",
    "parse_recipient",
    "parse_recipients_file",
]

READ_BUFFER = 256 * 1024


def encrypt(
    src: BinaryIO,
    dst: BinaryIO,
    recipients: Sequence[Recipient],
    *,
    armor: bool = False,
    progress: Progress | None = None,
    cancel: ShouldCancel | None = None,
) -> int:
    """Encrypt ``src`` to every recipient into ``dst``; returns the plaintext size.

    Raises ValueError for no recipients, a passphrase mixed with other recipients,
    or post-quantum recipients mixed with others (see :func:`mixes_post_quantum`).
    """
    if not recipients:
        raise ValueError("encrypt() needs at least one recipient")
    if any(isinstance(r, ScryptRecipient) for r in recipients) and len(recipients) > 1:
        raise ValueError("a passphrase cannot be combined with other recipients")
    if mixes_post_quantum(recipients):
        raise ValueError("post-quantum recipients cannot be combined with classic ones")
    file_key = os.urandom(FILE_KEY_SIZE)
    stanzas: list[Stanza] = [s for r in recipients for s in r.wrap(file_key)]
    signed = encode_header(stanzas)
    mac = header_mac(file_key, signed)
    nonce = os.urandom(NONCE_SIZE)
    out: BinaryIO = cast(BinaryIO, ArmorWriter(dst)) if armor else dst
    out.write(signed + b" " + b64_encode(mac).encode("ascii") + b"\n" + nonce)
    size = encrypt_stream(payload_key(file_key, nonce), src, out, progress=progress, cancel=cancel)
    if armor:
        out.close()
    return size


def mixes_post_quantum(recipients: Sequence[Recipient]) -> bool:
    """Whether ``recipients`` mix post-quantum hybrid recipients with others.

    Such a file would be only as safe as its classic recipients: age.md says the
    same file SHOULD NOT be encrypted to both, and CableDesk never writes one.
    (Readers still open such files.)
    """
    hybrid = [isinstance(r, HybridRecipient) for r in recipients]
    return any(hybrid) and not all(hybrid)


def _unwrap(header: Header, identities: Sequence[Identity]) -> bytes:
    types = [s.type for s in header.stanzas]
    if SCRYPT_TYPE in types and len(types) > 1:
        raise HeaderError(
            "This file is not a valid age-encrypted file: a passphrase stanza must be alone.",
            hint="It may be damaged or crafted.",
        )
    for identity in identities:
        file_key = identity.unwrap(header.stanzas)
        if file_key is not None:
            return file_key
    kinds = sorted(set(types)) or ["none"]
    raise NoIdentityMatch(
        "None of your keys can open this file: it was not encrypted for you "
        f"(it is for recipients of kind {', '.join(kinds)}).",
        hint="Check that you chose the right key, or ask the sender to encrypt it to you.",
    )


def decrypt(
    src: BinaryIO,
    dst: BinaryIO,
    identities: Sequence[Identity],
    *,
    progress: Progress | None = None,
    cancel: ShouldCancel | None = None,
) -> int:
    """Decrypt an age file (binary or armored) from ``src`` into ``dst``.

    Plaintext is written chunk by chunk as it is authenticated; use
    :func:`decrypt_file` to release nothing unless the whole file is good.
    Returns the plaintext size.
    """
    reader = io.BufferedReader(cast(io.RawIOBase, _Unbuffered(src)), READ_BUFFER)
    if looks_armored(reader.peek(len(b"-----BEGIN") + 64)[: len(b"-----BEGIN") + 64]):
        reader = io.BufferedReader(ArmorReader(cast(BinaryIO, reader)), READ_BUFFER)
    stream = cast(BinaryIO, reader)
    header = read_header(stream)
    file_key = _unwrap(header, identities)
    if len(file_key) != FILE_KEY_SIZE:
        raise HeaderError("This file is not a valid age-encrypted file: bad file key size.")
    if not header_mac_matches(file_key, header.signed_bytes, header.mac):
        raise HeaderMacError(
            "This file's header was altered after it was encrypted.",
            hint="Do not trust it; ask the sender for a fresh copy.",
        )
    nonce = stream.read(NONCE_SIZE)
    if len(nonce) != NONCE_SIZE:
        raise HeaderError(
            "This file is not a valid age-encrypted file: it ends right after its header.",
            hint="It was probably cut short in transit.",
        )
    return decrypt_stream(
        payload_key(file_key, nonce), stream, dst, progress=progress, cancel=cancel
    )


class _Unbuffered(io.RawIOBase):
    """Adapts any binary file object to RawIOBase for BufferedReader."""

    def __init__(self, src: BinaryIO) -> None:
        super().__init__()
        self._src = src

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        reader = getattr(self._src, "readinto", None)
        if reader is not None:
            return int(reader(b) or 0)
        data = self._src.read(len(b))
        b[: len(data)] = data
        return len(data)


def _open_input(path: Path) -> BinaryIO:
    try:
        return path.open("rb")
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror}.") from exc


def encrypt_file(
    src: Path,
    dst: Path,
    recipients: Sequence[Recipient],
    *,
    armor: bool = False,
    overwrite: bool = False,
    progress: Progress | None = None,
    cancel: ShouldCancel | None = None,
) -> int:
    """Encrypt the file ``src`` into ``dst`` atomically; see :func:`encrypt`."""
    from cabledesk.atomic import atomic_output  # not on the path of stream encryption

    with _open_input(src) as f, atomic_output(dst, overwrite=overwrite, mode=0o644) as out:
        return encrypt(f, out, recipients, armor=armor, progress=progress, cancel=cancel)


def decrypt_file(
    src: Path,
    dst: Path,
    identities: Sequence[Identity],
    *,
    overwrite: bool = False,
    progress: Progress | None = None,
    cancel: ShouldCancel | None = None,
) -> int:
    """Decrypt ``src`` into ``dst``; ``dst`` appears only if all of it authenticates."""
    from cabledesk.atomic import atomic_output

    with _open_input(src) as f, atomic_output(dst, overwrite=overwrite) as out:
        return decrypt(f, out, identities, progress=progress, cancel=cancel)


def _lines(text: str) -> list[tuple[int, str]]:
    return [
        (n, line.strip())
        for n, line in enumerate(text.splitlines(), start=1)
        if line.strip() and not line.lstrip().startswith("#")
    ]


def parse_recipients_file(
    text: str, *, name: str = "recipients file"
) -> list[X25519Recipient | HybridRecipient]:
    """Recipients, one a line (``age1…`` or post-quantum ``age1pq1…``), ``#`` comments
    and blank lines ignored.

    Raises KeyFormatError naming the line.
    """
    recipients: list[X25519Recipient | HybridRecipient] = []
    for number, line in _lines(text):
        try:
            recipients.append(parse_recipient(line))
        except KeyFormatError as exc:
            raise KeyFormatError(f"Line {number} of the {name}: {exc.message}", exc.hint) from None
    if not recipients:
        raise KeyFormatError(f"The {name} holds no recipient.")
    return recipients


def parse_recipient(text: str) -> X25519Recipient | HybridRecipient:
    """An ``age1…`` or post-quantum ``age1pq1…`` recipient; raises KeyFormatError."""
    if text.strip().lower().startswith(HYBRID_RECIPIENT_HRP + "1"):
        return HybridRecipient.parse(text)
    return X25519Recipient.parse(text)


def parse_identity(text: str) -> X25519Identity | HybridIdentity:
    """An ``AGE-SECRET-KEY-1…`` or post-quantum ``AGE-SECRET-KEY-PQ-1…`` identity;
    raises KeyFormatError (never echoing the key)."""
    if text.strip().lower().startswith(HYBRID_IDENTITY_HRP + "1"):
        return HybridIdentity.parse(text)
    return X25519Identity.parse(text)


def parse_identity_file(
    text: str, *, name: str = "identity file"
) -> list[X25519Identity | HybridIdentity]:
    """Identities, one a line (``AGE-SECRET-KEY-1…`` or post-quantum
    ``AGE-SECRET-KEY-PQ-1…``), ``#`` comments ignored.

    Raises KeyFormatError naming the line (never echoing a key).
    """
    identities: list[X25519Identity | HybridIdentity] = []
    for number, line in _lines(text):
        try:
            identities.append(parse_identity(line))
        except KeyFormatError as exc:
            raise KeyFormatError(f"Line {number} of the {name}: {exc.message}", exc.hint) from None
    if not identities:
        raise KeyFormatError(f"The {name} holds no secret key.")
    return identities

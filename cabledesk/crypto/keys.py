"""A person's keys: an Ed25519 signing key, an X25519 (age) encryption key and,
optionally, a post-quantum hybrid (``mlkem768x25519``) encryption key.

:class:`Identity` holds the private halves and who they belong to;
:class:`PublicKeys` the public halves. Private halves never appear in
``repr``, logs or error messages. Keys export in the standard forms: an
``age1…`` recipient and an ``ssh-ed25519 …`` line for anyone, and for the
owner an age identity (``AGE-SECRET-KEY-1…``) and an OpenSSH private key that
``age -d -i`` and ``ssh-keygen -Y sign -f`` accept.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from datetime import UTC, datetime

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
    load_ssh_private_key,
)

from cabledesk.crypto._attributes import MAX_SEQUENCE, NATIONALITY, check_accesses
from cabledesk.crypto._sshwire import ED25519, WireReader, ed25519_public_blob
from cabledesk.crypto.age import HybridIdentity, X25519Identity, X25519Recipient
from cabledesk.crypto.fingerprint import fingerprint, safety_number
from cabledesk.errors import KeyFormatError

__all__ = [
    "Identity",
    "PublicKeys",
    "parse_ssh_ed25519_line",
    "read_exact_ssh_ed25519",
    "read_openssh_private_key",
    "ssh_ed25519_line",
]

_SSH_PREFIX = "ssh-ed25519 "
_BLOB_PREFIX = ed25519_public_blob(bytes(32))[:-32]
_BLOB_TEXT_SIZE = 68  # base64 of the 51-byte wire form, no padding


def parse_ssh_ed25519_line(text: str) -> Ed25519PublicKey:
    """Parse ``ssh-ed25519 AAAA… [comment]``; raises KeyFormatError."""
    parts = text.strip().split(maxsplit=2)
    if len(parts) < 2 or parts[0] != "ssh-ed25519":
        raise KeyFormatError(
            "This is not an OpenSSH Ed25519 public key.",
            hint="It should be one line starting with ssh-ed25519 (from a .pub file).",
        )
    try:
        blob = base64.b64decode(parts[1], validate=True)
        r = WireReader(blob)
        if r.string() != ED25519:
            raise ValueError("type")
        raw = r.string()
        if len(raw) != 32 or not r.done():
            raise ValueError("size")
    except ValueError:
        raise KeyFormatError(
            "This OpenSSH Ed25519 public key is damaged.", hint="Copy the whole .pub line again."
        ) from None
    return Ed25519PublicKey.from_public_bytes(raw)


def ssh_ed25519_line(raw: bytes, comment: str = "") -> str:
    """The OpenSSH public key line ``ssh-ed25519 AAAA… comment`` of a raw 32-byte key."""
    if not comment and type(raw) is bytes and len(raw) == 32:  # a card's key set: fast
        return _SSH_PREFIX + binascii.b2a_base64(_BLOB_PREFIX + raw, newline=False).decode()
    text = base64.b64encode(ed25519_public_blob(raw)).decode("ascii")
    return f"{_SSH_PREFIX}{text} {comment}".rstrip()


def read_exact_ssh_ed25519(text: str) -> bytes:
    """The raw 32-byte key of ``ssh-ed25519 AAAA…`` written exactly as
    :meth:`PublicKeys.ssh_line` writes it (no comment, canonical base64).

    Raises KeyFormatError for anything else. Fast: used on every card of a directory.
    """
    blob = b""
    if text.startswith(_SSH_PREFIX) and len(text) == len(_SSH_PREFIX) + _BLOB_TEXT_SIZE:
        encoded = text[len(_SSH_PREFIX) :]
        try:
            blob = base64.b64decode(encoded, validate=True)
        except ValueError:
            blob = b""
        if base64.b64encode(blob).decode("ascii") != encoded:
            blob = b""
    if len(blob) != len(_BLOB_PREFIX) + 32 or not blob.startswith(_BLOB_PREFIX):
        raise KeyFormatError(
            "This is not an OpenSSH Ed25519 public key written as 'ssh-ed25519 AAAA…' "
            "without a comment."
        )
    return blob[len(_BLOB_PREFIX) :]


def read_openssh_private_key(data: bytes) -> Ed25519PrivateKey:
    """Load an unencrypted OpenSSH Ed25519 private key; raises KeyFormatError."""
    hint = "Use the NAME.ssh file written by 'cabledesk-cli keygen'."
    try:
        key = load_ssh_private_key(data, password=None)
    except (ValueError, TypeError):
        raise KeyFormatError("This is not an unencrypted OpenSSH private key.", hint) from None
    # an unknown key type, cipher or KDF, or a key form the library does not read
    # (a compressed ECDSA point)
    except (UnsupportedAlgorithm, NotImplementedError):
        raise KeyFormatError(
            "This OpenSSH private key is of a kind CableDesk cannot read "
            "(it reads unencrypted Ed25519 keys).",
            hint,
        ) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFormatError("This OpenSSH private key is not an Ed25519 key.")
    return key


@dataclass(frozen=True, slots=True)
class PublicKeys:
    """The public halves of an identity."""

    signing: bytes  # raw Ed25519 public key
    encryption: X25519Recipient

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.signing)

    @property
    def safety_number(self) -> str:
        return safety_number(self.signing)

    def ed25519(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.signing)

    def ssh_line(self, comment: str = "") -> str:
        """The OpenSSH public key line ``ssh-ed25519 AAAA… comment``."""
        return ssh_ed25519_line(self.signing, comment)


@dataclass(frozen=True, slots=True)
class Identity:
    """A person's key pair and who they are. ``repr`` never shows a private key."""

    name: str
    post: str
    signing_key: Ed25519PrivateKey = field(repr=False)
    encryption_key: X25519Identity = field(repr=False)
    role: str = ""
    email: str | None = None
    scheme: str = "us"
    clearance: str = ""
    nationality: str = ""
    created: datetime = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0))
    expires: datetime | None = None
    # the sequence number of the identity's current contact card (cabledesk.contact/2)
    card_sequence: int = 1
    accesses: tuple[str, ...] = ()  # special-access categories, sorted ("ATOMAL", "CRYPTO")
    # the post-quantum hybrid encryption key (age1pq1…), if the identity has one
    pq_key: HybridIdentity | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("an identity needs a name")
        if self.nationality and not NATIONALITY.fullmatch(self.nationality):
            raise ValueError("nationality must be an ISO 3166 alpha-3 code such as FRA")
        if not 1 <= self.card_sequence <= MAX_SEQUENCE or isinstance(self.card_sequence, bool):
            raise ValueError("a card sequence number is a whole number from 1 to 2**53 - 1")
        check_accesses(self.accesses)
        for moment in (self.created, self.expires):
            if moment is not None and moment.tzinfo is None:
                raise ValueError("identity times must be timezone-aware")

    @classmethod
    def generate(cls, name: str, post: str, **details: object) -> Identity:
        """New keys for ``name`` at ``post``; ``details`` are the other fields."""
        return cls(
            name=name,
            post=post,
            signing_key=Ed25519PrivateKey.generate(),
            encryption_key=X25519Identity.generate(),
            **details,  # type: ignore[arg-type]
        )

    @property
    def pq_recipient(self) -> str | None:
        """The post-quantum recipient ``age1pq1…``, None without a hybrid key."""
        return None if self.pq_key is None else str(self.pq_key.recipient())

    def public(self) -> PublicKeys:
        raw = self.signing_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return PublicKeys(signing=raw, encryption=self.encryption_key.recipient())

    @property
    def fingerprint(self) -> str:
        return self.public().fingerprint

    def openssh_private_key(self) -> bytes:
        """The signing key as an unencrypted OpenSSH private key file (keep it secret)."""
        return self.signing_key.private_bytes(Encoding.PEM, PrivateFormat.OpenSSH, NoEncryption())

    def age_identity(self) -> str:
        """The encryption key as ``AGE-SECRET-KEY-1…`` (keep it secret)."""
        return str(self.encryption_key)

    def age_identities(self) -> list[X25519Identity | HybridIdentity]:
        """Every encryption key that may open a file for this identity: the
        post-quantum one first (if any), then the X25519 one."""
        keys: list[X25519Identity | HybridIdentity] = [self.encryption_key]
        return keys if self.pq_key is None else [self.pq_key, *keys]

"""X25519 recipients (``age1…``) and identities (``AGE-SECRET-KEY-1…``)."""

from __future__ import annotations

from collections.abc import Sequence

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from cabledesk.crypto.age._b64 import b64_decode, b64_encode
from cabledesk.crypto.age._bech32 import bech32_encode, decode_key
from cabledesk.crypto.age._format import Stanza
from cabledesk.crypto.age._primitives import WRAPPED_KEY_SIZE, aead_unwrap, aead_wrap, hkdf
from cabledesk.errors import HeaderError

__all__ = ["X25519Identity", "X25519Recipient"]

STANZA_TYPE = "X25519"
X25519_LABEL = b"age-encryption.org/v1/X25519"
RECIPIENT_HRP = "age"
IDENTITY_HRP = "age-secret-key-"
KEY_SIZE = 32


class X25519Recipient:
    """An age X25519 recipient, written ``age1…``.

    Speed (a directory reads 20,000 of them): a recipient read by :meth:`parse`
    keeps its text, which is then what ``str()`` gives (Bech32 has one lower-case
    spelling of a 32-byte key, so it is the text encoding would write), and makes
    its key object only when it wraps a file key (any 32 bytes are an X25519
    public key: nothing is checked later than before).
    """

    __slots__ = ("_key", "_raw", "_text")

    def __init__(self, public_key: X25519PublicKey) -> None:
        self._key: X25519PublicKey | None = public_key
        self._raw = public_key.public_bytes_raw()
        self._text: str | None = None

    @classmethod
    def parse(cls, text: str) -> X25519Recipient:
        """Parse ``age1…``; raises KeyFormatError."""
        data = decode_key(
            text,
            RECIPIENT_HRP,
            KEY_SIZE,
            what="age recipient",
            kind="X25519 ",
            hint="An age recipient looks like age1 followed by 58 letters and digits.",
        )
        recipient = cls.__new__(cls)
        recipient._key = None
        recipient._raw = data
        # decoded with its checksum, so its lower-case form is the one encoding
        recipient._text = text.strip().lower()
        return recipient

    @property
    def public_bytes(self) -> bytes:
        return self._raw

    def wrap(self, file_key: bytes) -> list[Stanza]:
        if self._key is None:
            self._key = X25519PublicKey.from_public_bytes(self._raw)
        ephemeral = X25519PrivateKey.generate()
        share = ephemeral.public_key().public_bytes_raw()
        shared = ephemeral.exchange(self._key)
        key = hkdf(shared, share + self._raw, X25519_LABEL)
        return [Stanza(STANZA_TYPE, (b64_encode(share),), aead_wrap(key, file_key))]

    def __str__(self) -> str:
        if self._text is None:
            self._text = bech32_encode(RECIPIENT_HRP, self._raw)
        return self._text

    def __repr__(self) -> str:
        return f"X25519Recipient({self})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, X25519Recipient) and other._raw == self._raw

    def __hash__(self) -> int:
        return hash(self._raw)


class X25519Identity:
    """An age X25519 identity, written ``AGE-SECRET-KEY-1…``. Its repr hides the secret."""

    __slots__ = ("_key", "_recipient")

    def __init__(self, private_key: X25519PrivateKey) -> None:
        self._key = private_key
        self._recipient = X25519Recipient(private_key.public_key())

    @classmethod
    def generate(cls) -> X25519Identity:
        return cls(X25519PrivateKey.generate())

    @classmethod
    def parse(cls, text: str) -> X25519Identity:
        """Parse ``AGE-SECRET-KEY-1…``; raises KeyFormatError (without echoing the key)."""
        data = decode_key(
            text,
            IDENTITY_HRP,
            KEY_SIZE,
            what="age secret key",
            kind="X25519 ",
            hint="An age secret key starts with AGE-SECRET-KEY-1.",
        )
        return cls(X25519PrivateKey.from_private_bytes(data))

    def recipient(self) -> X25519Recipient:
        return self._recipient

    def private_bytes(self) -> bytes:
        """The raw 32-byte secret; for storing it encrypted, never for display."""
        return self._key.private_bytes_raw()

    def unwrap(self, stanzas: Sequence[Stanza]) -> bytes | None:
        for stanza in stanzas:
            if stanza.type != STANZA_TYPE:
                continue
            if len(stanza.args) != 1:
                raise _bad_stanza("has the wrong number of arguments")
            try:
                share = b64_decode(stanza.args[0])
            except ValueError:
                raise _bad_stanza("has a share that is not canonical base64") from None
            if len(share) != KEY_SIZE:
                raise _bad_stanza("has a share of the wrong size")
            if len(stanza.body) != WRAPPED_KEY_SIZE:
                raise _bad_stanza("has a body of the wrong size")
            try:
                shared = self._key.exchange(X25519PublicKey.from_public_bytes(share))
            except ValueError:
                raise _bad_stanza("has a weak share") from None
            key = hkdf(shared, share + self._recipient.public_bytes, X25519_LABEL)
            file_key = aead_unwrap(key, stanza.body)
            if file_key is not None:
                return file_key
        return None

    def __str__(self) -> str:
        return bech32_encode(IDENTITY_HRP, self.private_bytes()).upper()

    def __repr__(self) -> str:
        return f"X25519Identity(recipient={self._recipient}, secret=<hidden>)"


def _bad_stanza(problem: str) -> HeaderError:
    return HeaderError(
        f"This file is not a valid age-encrypted file: an X25519 stanza {problem}.",
        hint="It may be damaged or crafted.",
    )

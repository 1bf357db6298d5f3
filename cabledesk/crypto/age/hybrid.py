"""Post-quantum hybrid recipients (``age1pq1…``) and identities (``AGE-SECRET-KEY-PQ-1…``).

The ``mlkem768x25519`` recipient type of age v1.3 (C2SP age.md, "The
MLKEM768-X25519 hybrid post-quantum recipient type"): the file key is sealed
with HPKE (RFC 9180, base mode) whose KEM is MLKEM768-X25519 (X-Wing: ML-KEM-768
and X25519 combined with SHA3-256), KDF HKDF-SHA256, AEAD ChaCha20-Poly1305,
``info = "age-encryption.org/mlkem768x25519"`` and an empty AAD. The stanza is
``-> mlkem768x25519 <enc>`` over the 32-byte sealed file key, where ``enc`` is
the 1,120-byte encapsulated key (ML-KEM ciphertext, then the X25519 share).

An identity is a 32-byte seed; SHAKE256 expands it into the 64-byte ML-KEM seed
and the X25519 private key (filippo.io/hpke-pq, ``expandKey``). The public key
(the recipient) is the 1,184-byte ML-KEM encapsulation key followed by the
32-byte X25519 public key. Every primitive is ``cryptography``'s: its HPKE
``Suite`` with ``KEM.MLKEM768_X25519`` does the KEM, the key schedule and the
AEAD; ``SHAKE256`` the seed expansion.

Unwrapping refuses (HeaderError) a stanza of this type with other than one
argument, an ``enc`` that is not canonical base64 of 1,120 bytes, a body that is
not 32 bytes, or an X25519 share whose shared secret is all zeros (a low-order
point); a stanza that does not open with the key is skipped (ML-KEM rejects
implicitly, so a wrong key or a corrupted share only shows as a wrong tag).
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes, hpke
from cryptography.hazmat.primitives.asymmetric.mlkem import MLKEM768PrivateKey, MLKEM768PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from cabledesk.crypto.age._b64 import b64_decode, b64_encode
from cabledesk.crypto.age._bech32 import bech32_encode, bech32_length, decode_key
from cabledesk.crypto.age._format import Stanza
from cabledesk.crypto.age._primitives import WRAPPED_KEY_SIZE
from cabledesk.errors import HeaderError, KeyFormatError

__all__ = ["HybridIdentity", "HybridRecipient"]

STANZA_TYPE = "mlkem768x25519"
HYBRID_LABEL = b"age-encryption.org/mlkem768x25519"  # the HPKE info
RECIPIENT_HRP = "age1pq"
IDENTITY_HRP = "age-secret-key-pq-"
SEED_SIZE = 32  # an identity
MLKEM_SEED_SIZE = 64  # d || z of FIPS 203
X25519_SIZE = 32
MLKEM_KEY_SIZE = 1184  # ML-KEM-768 encapsulation key
MLKEM_CIPHERTEXT_SIZE = 1088
PUBLIC_KEY_SIZE = MLKEM_KEY_SIZE + X25519_SIZE  # 1,216: a recipient
ENC_SIZE = MLKEM_CIPHERTEXT_SIZE + X25519_SIZE  # 1,120: a stanza's argument
RECIPIENT_CHARS = bech32_length(RECIPIENT_HRP, PUBLIC_KEY_SIZE)  # 1,959
IDENTITY_CHARS = bech32_length(IDENTITY_HRP, SEED_SIZE)  # 77

_SUITE = hpke.Suite(hpke.KEM.MLKEM768_X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.CHACHA20_POLY1305)


class HybridRecipient:
    """An age post-quantum hybrid recipient, written ``age1pq1…`` (1,959 characters)."""

    __slots__ = ("_key", "_raw", "_text")

    def __init__(self, mlkem: MLKEM768PublicKey, x25519: X25519PublicKey) -> None:
        self._key = hpke.MLKEM768X25519PublicKey(mlkem, x25519)
        self._raw = mlkem.public_bytes_raw() + x25519.public_bytes_raw()
        self._text: str | None = None  # the Bech32 text, made once (1,959 characters)

    @classmethod
    def parse(cls, text: str) -> HybridRecipient:
        """Parse ``age1pq1…``; raises KeyFormatError."""
        data = decode_key(
            text,
            RECIPIENT_HRP,
            PUBLIC_KEY_SIZE,
            what="post-quantum age recipient",
            hint="A post-quantum age recipient is age1pq1 followed by 1,952 letters and digits.",
        )
        recipient = cls.from_public_bytes(data)
        recipient._text = text.strip().lower()
        return recipient

    @classmethod
    def from_public_bytes(cls, data: bytes) -> HybridRecipient:
        """The recipient of a raw 1,216-byte public key; raises KeyFormatError."""
        if len(data) != PUBLIC_KEY_SIZE:
            raise KeyFormatError("This is not a post-quantum age recipient.")
        try:
            mlkem = MLKEM768PublicKey.from_public_bytes(data[:MLKEM_KEY_SIZE])
        except ValueError:
            raise KeyFormatError(
                "This post-quantum age recipient holds an invalid ML-KEM key.",
                hint="Ask its owner for their key again.",
            ) from None
        return cls(mlkem, X25519PublicKey.from_public_bytes(data[MLKEM_KEY_SIZE:]))

    @property
    def public_bytes(self) -> bytes:
        """The 1,216 raw bytes: ML-KEM-768 encapsulation key, then X25519 public key."""
        return self._raw

    def wrap(self, file_key: bytes) -> list[Stanza]:
        sealed = _SUITE.encrypt(file_key, self._key, info=HYBRID_LABEL)
        enc, body = sealed[:ENC_SIZE], sealed[ENC_SIZE:]
        return [Stanza(STANZA_TYPE, (b64_encode(enc),), body)]

    def __str__(self) -> str:
        if self._text is None:
            self._text = bech32_encode(RECIPIENT_HRP, self._raw)
        return self._text

    def __repr__(self) -> str:
        return f"HybridRecipient({str(self)[:20]}…)"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, HybridRecipient) and other._raw == self._raw

    def __hash__(self) -> int:
        return hash(self._raw)


class HybridIdentity:
    """An age post-quantum hybrid identity, written ``AGE-SECRET-KEY-PQ-1…``.

    Its repr hides the secret.
    """

    __slots__ = ("_key", "_recipient", "_seed", "_x25519")

    def __init__(self, seed: bytes) -> None:
        if len(seed) != SEED_SIZE:
            raise ValueError("a post-quantum age identity is a 32-byte seed")
        digest = hashes.Hash(hashes.SHAKE256(MLKEM_SEED_SIZE + X25519_SIZE))
        digest.update(seed)
        expanded = digest.finalize()
        mlkem = MLKEM768PrivateKey.from_seed_bytes(expanded[:MLKEM_SEED_SIZE])
        self._x25519 = X25519PrivateKey.from_private_bytes(expanded[MLKEM_SEED_SIZE:])
        self._seed = seed
        self._key = hpke.MLKEM768X25519PrivateKey(mlkem, self._x25519)
        self._recipient = HybridRecipient(mlkem.public_key(), self._x25519.public_key())

    @classmethod
    def generate(cls) -> HybridIdentity:
        return cls(os.urandom(SEED_SIZE))  # age.md: identity = read(CSPRNG, 32)

    @classmethod
    def parse(cls, text: str) -> HybridIdentity:
        """Parse ``AGE-SECRET-KEY-PQ-1…``; raises KeyFormatError (without echoing the key)."""
        return cls(
            decode_key(
                text,
                IDENTITY_HRP,
                SEED_SIZE,
                what="post-quantum age secret key",
                hint="A post-quantum age secret key starts with AGE-SECRET-KEY-PQ-1.",
            )
        )

    def recipient(self) -> HybridRecipient:
        return self._recipient

    def private_bytes(self) -> bytes:
        """The raw 32-byte seed; for storing it encrypted, never for display."""
        return self._seed

    def unwrap(self, stanzas: Sequence[Stanza]) -> bytes | None:
        for stanza in stanzas:
            if stanza.type != STANZA_TYPE:
                continue
            if len(stanza.args) != 1:
                raise _bad_stanza("has the wrong number of arguments")
            try:
                enc = b64_decode(stanza.args[0])
            except ValueError:
                raise _bad_stanza("has an encapsulated key that is not canonical base64") from None
            if len(enc) != ENC_SIZE:
                raise _bad_stanza("has an encapsulated key of the wrong size")
            if len(stanza.body) != WRAPPED_KEY_SIZE:
                raise _bad_stanza("has a body of the wrong size")
            try:  # the HPKE KEM would fold an all-zero X25519 secret into a wrong tag
                self._x25519.exchange(
                    X25519PublicKey.from_public_bytes(enc[MLKEM_CIPHERTEXT_SIZE:])
                )
            except ValueError:
                raise _bad_stanza("has a weak X25519 share") from None
            try:
                return _SUITE.decrypt(enc + stanza.body, self._key, info=HYBRID_LABEL)
            except InvalidTag:
                continue
        return None

    def __str__(self) -> str:
        return bech32_encode(IDENTITY_HRP, self._seed).upper()

    def __repr__(self) -> str:
        return f"HybridIdentity(recipient={self._recipient!r}, secret=<hidden>)"


def _bad_stanza(problem: str) -> HeaderError:
    return HeaderError(
        f"This file is not a valid age-encrypted file: an mlkem768x25519 stanza {problem}.",
        hint="It may be damaged or crafted.",
    )

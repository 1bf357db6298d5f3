"""Passphrase (scrypt) recipients and identities.

A passphrase-encrypted file holds exactly one scrypt stanza. On encryption the
work factor is chosen by the caller (default ``DEFAULT_WORK_FACTOR``, about a
second here; :func:`calibrate_work_factor` measures this machine); on
decryption a work factor above ``max_work_factor`` is refused before any
work is done, so a hostile file cannot keep the computer busy for minutes.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Sequence

from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from cabledesk.crypto.age._b64 import b64_decode, b64_encode
from cabledesk.crypto.age._format import Stanza
from cabledesk.crypto.age._primitives import WRAPPED_KEY_SIZE, aead_unwrap, aead_wrap
from cabledesk.errors import HeaderError

__all__ = [
    "DEFAULT_WORK_FACTOR",
    "MAX_WORK_FACTOR",
    "ScryptIdentity",
    "ScryptRecipient",
    "calibrate_work_factor",
]

STANZA_TYPE = "scrypt"
SCRYPT_LABEL = b"age-encryption.org/v1/scrypt"
SALT_SIZE = 16
DEFAULT_WORK_FACTOR = 18  # age's default: log2(N), about 0.5-1 s
MAX_WORK_FACTOR = 22  # age's decryption cap: about 15 s
_WORK_FACTOR = re.compile(r"^[1-9][0-9]?$")


def _derive(passphrase: bytes, salt: bytes, work_factor: int) -> bytes:
    return Scrypt(salt=SCRYPT_LABEL + salt, length=32, n=1 << work_factor, r=8, p=1).derive(
        passphrase
    )


def calibrate_work_factor(target_seconds: float = 1.0, ceiling: int = MAX_WORK_FACTOR) -> int:
    """The work factor whose scrypt takes about ``target_seconds`` on this machine."""
    work_factor = 12
    start = time.perf_counter()
    _derive(b"calibration", bytes(SALT_SIZE), work_factor)
    elapsed = max(time.perf_counter() - start, 1e-6)
    while elapsed * 2 <= target_seconds and work_factor < ceiling:
        work_factor += 1
        elapsed *= 2
    return work_factor


class ScryptRecipient:
    """Encrypts to a passphrase."""

    __slots__ = ("_passphrase", "work_factor")

    def __init__(self, passphrase: str, work_factor: int = DEFAULT_WORK_FACTOR) -> None:
        if not passphrase:
            raise ValueError("an empty passphrase protects nothing")
        if not 1 <= work_factor <= MAX_WORK_FACTOR:
            raise ValueError(f"work factor must be 1..{MAX_WORK_FACTOR}")
        self._passphrase = passphrase.encode("utf-8")
        self.work_factor = work_factor

    def wrap(self, file_key: bytes) -> list[Stanza]:
        salt = os.urandom(SALT_SIZE)
        key = _derive(self._passphrase, salt, self.work_factor)
        return [
            Stanza(STANZA_TYPE, (b64_encode(salt), str(self.work_factor)), aead_wrap(key, file_key))
        ]

    def __repr__(self) -> str:
        return f"ScryptRecipient(work_factor={self.work_factor}, passphrase=<hidden>)"


class ScryptIdentity:
    """Opens a passphrase-encrypted file."""

    __slots__ = ("_passphrase", "max_work_factor")

    def __init__(self, passphrase: str, max_work_factor: int = MAX_WORK_FACTOR) -> None:
        self._passphrase = passphrase.encode("utf-8")
        self.max_work_factor = max_work_factor

    def unwrap(self, stanzas: Sequence[Stanza]) -> bytes | None:
        for stanza in stanzas:
            if stanza.type != STANZA_TYPE:
                continue
            if len(stanzas) != 1:
                raise _bad("a passphrase stanza must be alone in the header")
            if len(stanza.args) != 2:
                raise _bad("a passphrase stanza has the wrong number of arguments")
            try:
                salt = b64_decode(stanza.args[0])
            except ValueError:
                raise _bad("a passphrase stanza has a salt that is not canonical base64") from None
            if len(salt) != SALT_SIZE:
                raise _bad("a passphrase stanza has a salt of the wrong size")
            if not _WORK_FACTOR.match(stanza.args[1]):
                raise _bad("a passphrase stanza has an invalid work factor")
            work_factor = int(stanza.args[1])
            if work_factor > self.max_work_factor:
                raise HeaderError(
                    "This file was protected with a passphrase setting so costly "
                    f"(work factor {work_factor}) that opening it could take many minutes.",
                    hint="Ask the sender to encrypt it again with the standard settings.",
                )
            if len(stanza.body) != WRAPPED_KEY_SIZE:
                raise _bad("a passphrase stanza has a body of the wrong size")
            file_key = aead_unwrap(_derive(self._passphrase, salt, work_factor), stanza.body)
            if file_key is not None:
                return file_key
        return None

    def __repr__(self) -> str:
        return "ScryptIdentity(passphrase=<hidden>)"


def _bad(problem: str) -> HeaderError:
    return HeaderError(
        f"This file is not a valid age-encrypted file: {problem}.",
        hint="It may be damaged or crafted.",
    )

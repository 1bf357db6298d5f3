"""A passphrase slot of ``vault.key``: a secret sealed under a key that Argon2id
derives from the passphrase.

:class:`KdfParams` are the Argon2id parameters (RFC 9106, from
``cryptography``), calibrated when a vault is made (:func:`calibrate`) and
checked against floors and caps whenever a file is read, so that a file edited
to weaken them — or to take minutes or all memory to open — is refused before
any derivation. :class:`SlotKey` is the derived wrapping key with its salt:
derived once, it may seal more than one slot (each with its own random nonce
and associated data). :class:`KeySlot` is what the file stores: the
parameters, the salt, the nonce and the ChaCha20-Poly1305 ciphertext with its
tag. The associated data is chosen by :mod:`.keyfile`.
"""

from __future__ import annotations

import base64
import os
import time
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from cabledesk.errors import VaultError, WrongPassphrase

__all__ = [
    "MAX_ITERATIONS",
    "MAX_LANES",
    "MAX_MEMORY_KIB",
    "MIN_ITERATIONS",
    "MIN_MEMORY_KIB",
    "NONCE_SIZE",
    "SALT_SIZE",
    "TAG_SIZE",
    "KdfParams",
    "KeySlot",
    "SlotKey",
    "calibrate",
    "wipe",
]

SALT_SIZE = 16
NONCE_SIZE = 12
TAG_SIZE = 16
WRAP_KEY_SIZE = 32
# Floors below which an existing file is refused (OWASP's minimum for Argon2id
# is 19 MiB and 2 passes), and caps above which it is refused too (a file
# edited to take minutes or all memory to open).
MIN_MEMORY_KIB = 19 * 1024
MIN_ITERATIONS = 2
MAX_MEMORY_KIB = 4 * 1024 * 1024
MAX_ITERATIONS = 64
MAX_LANES = 64
# Calibration: RFC 9106's second recommended option (64 MiB, 3 passes, 4 lanes)
# as the starting point, memory doubled up to this cap while under the target.
CALIBRATION_TARGET_SECONDS = 0.5
CALIBRATION_START_KIB = 64 * 1024
CALIBRATION_MAX_KIB = 1024 * 1024
DEFAULT_ITERATIONS = 3
DEFAULT_LANES = 4

DAMAGED_HINT = "Restore vault.key from your backup; without it the vault cannot be opened."


def wipe(secret: bytearray) -> None:
    """Overwrite ``secret`` with zeros (a key this process no longer needs)."""
    secret[:] = bytes(len(secret))


@dataclass(frozen=True, slots=True)
class KdfParams:
    """Argon2id parameters: memory in KiB, passes, lanes (parallelism)."""

    memory_kib: int
    iterations: int
    lanes: int

    def check(self) -> None:
        """Raise VaultError if the parameters are below the floors or above the caps."""
        if not (
            MIN_MEMORY_KIB <= self.memory_kib <= MAX_MEMORY_KIB
            and MIN_ITERATIONS <= self.iterations <= MAX_ITERATIONS
            and 1 <= self.lanes <= MAX_LANES
            and self.memory_kib >= 8 * self.lanes
        ):
            raise VaultError(
                "The vault key file asks for unsafe key-derivation settings "
                f"({self.memory_kib} KiB, {self.iterations} passes, {self.lanes} lanes).",
                hint="It may have been tampered with. " + DAMAGED_HINT,
            )

    def derive(self, passphrase: str, salt: bytes) -> bytes:
        """The 32-byte Argon2id output for ``passphrase`` and ``salt``."""
        kdf = Argon2id(
            salt=salt,
            length=WRAP_KEY_SIZE,
            iterations=self.iterations,
            lanes=self.lanes,
            memory_cost=self.memory_kib,
        )
        return kdf.derive(passphrase.encode("utf-8"))

    def to_json(self, salt: bytes) -> dict[str, object]:
        """The ``kdf`` object of the file (the salt as base64)."""
        return {
            "name": "argon2id",
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
            "salt": base64.b64encode(salt).decode("ascii"),
        }


def calibrate(target_seconds: float = CALIBRATION_TARGET_SECONDS) -> KdfParams:
    """Parameters that take about ``target_seconds`` to derive on this machine."""
    params = KdfParams(CALIBRATION_START_KIB, DEFAULT_ITERATIONS, DEFAULT_LANES)
    salt = os.urandom(SALT_SIZE)
    while True:
        start = time.perf_counter()
        params.derive("calibration", salt)
        elapsed = time.perf_counter() - start
        if elapsed * 2 > target_seconds * 1.25 or params.memory_kib * 2 > CALIBRATION_MAX_KIB:
            break
        params = KdfParams(params.memory_kib * 2, params.iterations, params.lanes)
    # With memory capped, add passes to reach the target.
    if elapsed < target_seconds * 0.75:
        passes = round(params.iterations * target_seconds / max(elapsed, 1e-3))
        params = KdfParams(params.memory_kib, min(max(passes, 3), MAX_ITERATIONS), params.lanes)
    return params


@dataclass(frozen=True, slots=True)
class SlotKey:
    """A wrapping key derived from a passphrase, with the salt and parameters
    that derive it again. Its ``repr`` hides the key."""

    params: KdfParams
    salt: bytes
    key: bytes

    @classmethod
    def derive(cls, passphrase: str, params: KdfParams, salt: bytes | None = None) -> SlotKey:
        """Derive the key (a fresh random salt unless one is given); raises
        ValueError for an empty passphrase and VaultError for unsafe parameters."""
        if not passphrase:
            raise ValueError("the vault passphrase must not be empty")
        params.check()
        salt = os.urandom(SALT_SIZE) if salt is None else salt
        return cls(params, salt, params.derive(passphrase, salt))

    def __repr__(self) -> str:
        return f"SlotKey({self.params!r}, salt={self.salt.hex()}, key=…)"


@dataclass(frozen=True, slots=True)
class KeySlot:
    """One sealed secret of the file: ``name`` is ``current`` or ``pending``."""

    name: str
    params: KdfParams
    salt: bytes
    nonce: bytes
    sealed: bytes

    @classmethod
    def seal(cls, name: str, key: SlotKey, secret: bytes, associated_data: bytes) -> KeySlot:
        """``secret`` sealed under ``key`` with a fresh random nonce."""
        nonce = os.urandom(NONCE_SIZE)
        sealed = ChaCha20Poly1305(key.key).encrypt(nonce, secret, associated_data)
        return cls(name, key.params, key.salt, nonce, sealed)

    def derive(self, passphrase: str) -> SlotKey:
        """The wrapping key of this slot for ``passphrase`` (right or not)."""
        return SlotKey.derive(passphrase, self.params, self.salt)

    def open(self, key: SlotKey, associated_data: bytes) -> bytearray:
        """The secret (a bytearray the caller wipes); raises WrongPassphrase."""
        try:
            secret = ChaCha20Poly1305(key.key).decrypt(self.nonce, self.sealed, associated_data)
        except InvalidTag:
            raise WrongPassphrase(
                "The passphrase is wrong.", hint="Check the keyboard layout and Caps Lock."
            ) from None
        return bytearray(secret)

    @property
    def secret_size(self) -> int:
        return len(self.sealed) - TAG_SIZE

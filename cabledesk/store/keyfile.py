"""``vault.key``: the database key, wrapped with a key derived from the passphrase.

The database (``vault.db``) is encrypted by SQLCipher with a random 256-bit
raw key. That key is stored here, sealed with ChaCha20-Poly1305 under a key
that Argon2id (RFC 9106, from ``cryptography``) derives from the passphrase.
The file is one line of JSON (format ``cabledesk.vault-key/2``)::

    {"format": "cabledesk.vault-key/2", "vault": "<uuid>",
     "kdf": {"name": "argon2id", "memory_kib": 131072, "iterations": 3,
             "lanes": 4, "salt": "<base64, 16 bytes>"},
     "database": {"hmac": "HMAC_SHA256"},
     "nonce": "<base64, 12 bytes>", "sealed": "<base64, 32 + 16 bytes>"}

``database.hmac`` is SQLCipher's page MAC for ``vault.db`` (see
:mod:`._cipher`). Format ``/1`` had no ``database`` field (SQLCipher's
default, HMAC-SHA512); such files are still read, and a change of passphrase
writes them again as ``/2``.

The associated data of the AEAD is the canonical JSON of every field but
``nonce`` and ``sealed``, so that nobody can lower the KDF parameters or swap
the vault id without the unwrap failing. Parameters are calibrated when the
vault is created (about half a second on that machine, see
:func:`calibrate`) and checked against floors when it is opened, so that a
file edited to weaken them is refused rather than used.

Changing the passphrase rewraps the same database key under a new salt and
is one atomic file replacement: the database itself is not touched.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from cabledesk.atomic import write_atomic
from cabledesk.errors import InputError, VaultError, WrongPassphrase
from cabledesk.store._cipher import HMAC_ALGORITHMS, HMAC_OF_FORMAT_1, NEW_VAULT_HMAC

__all__ = [
    "DB_KEY_SIZE",
    "FORMAT_1",
    "FORMAT_ID",
    "KdfParams",
    "KeyFile",
    "calibrate",
]

FORMAT_ID = "cabledesk.vault-key/2"
FORMAT_1 = "cabledesk.vault-key/1"
DB_KEY_SIZE = 32
SALT_SIZE = 16
NONCE_SIZE = 12
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
MAX_FILE_BYTES = 4096

_DAMAGED_HINT = "Restore vault.key from your backup; without it the vault cannot be opened."


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
                hint="It may have been tampered with. " + _DAMAGED_HINT,
            )

    def derive(self, passphrase: str, salt: bytes) -> bytes:
        kdf = Argon2id(
            salt=salt,
            length=32,
            iterations=self.iterations,
            lanes=self.lanes,
            memory_cost=self.memory_kib,
        )
        return kdf.derive(passphrase.encode("utf-8"))


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
class KeyFile:
    """The parsed ``vault.key``. :meth:`unwrap` gives the database key."""

    vault_id: str
    params: KdfParams
    salt: bytes
    nonce: bytes
    sealed: bytes
    db_hmac: str = NEW_VAULT_HMAC
    format_id: str = FORMAT_ID

    @classmethod
    def create(
        cls,
        vault_id: str,
        db_key: bytes,
        passphrase: str,
        params: KdfParams,
        *,
        db_hmac: str = NEW_VAULT_HMAC,
    ) -> KeyFile:
        """Wrap ``db_key`` under ``passphrase``; raises ValueError for an empty passphrase."""
        if not passphrase:
            raise ValueError("the vault passphrase must not be empty")
        if len(db_key) != DB_KEY_SIZE:
            raise ValueError("the database key is 32 bytes")
        if db_hmac not in HMAC_ALGORITHMS:
            raise ValueError(f"unknown database HMAC {db_hmac}")
        params.check()
        salt = os.urandom(SALT_SIZE)
        nonce = os.urandom(NONCE_SIZE)
        unsealed = cls(vault_id, params, salt, nonce, b"", db_hmac)
        wrap_key = params.derive(passphrase, salt)
        sealed = ChaCha20Poly1305(wrap_key).encrypt(nonce, db_key, unsealed._associated_data())
        return cls(vault_id, params, salt, nonce, sealed, db_hmac)

    def unwrap(self, passphrase: str) -> bytearray:
        """The database key (a bytearray the caller wipes); raises WrongPassphrase."""
        self.params.check()
        wrap_key = self.params.derive(passphrase, self.salt)
        try:
            key = ChaCha20Poly1305(wrap_key).decrypt(
                self.nonce, self.sealed, self._associated_data()
            )
        except InvalidTag:
            raise WrongPassphrase(
                "The passphrase is wrong.", hint="Check the keyboard layout and Caps Lock."
            ) from None
        return bytearray(key)

    def rewrap(
        self, db_key: bytes, new_passphrase: str, params: KdfParams | None = None
    ) -> KeyFile:
        """The same database key under a new passphrase (and fresh salt and nonce)."""
        return KeyFile.create(
            self.vault_id, db_key, new_passphrase, params or self.params, db_hmac=self.db_hmac
        )

    def _associated_data(self) -> bytes:
        return _canonical(self._header())

    def _header(self) -> dict[str, object]:
        header: dict[str, object] = {
            "format": self.format_id,
            "vault": self.vault_id,
            "kdf": {
                "name": "argon2id",
                "memory_kib": self.params.memory_kib,
                "iterations": self.params.iterations,
                "lanes": self.params.lanes,
                "salt": _b64(self.salt),
            },
        }
        if self.format_id != FORMAT_1:
            header["database"] = {"hmac": self.db_hmac}
        return header

    def to_bytes(self) -> bytes:
        doc = self._header() | {"nonce": _b64(self.nonce), "sealed": _b64(self.sealed)}
        return _canonical(doc) + b"\n"

    def save(self, path: Path) -> None:
        """Write the file atomically (mode 0600)."""
        write_atomic(path, self.to_bytes(), mode=0o600)

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        """Read and parse ``vault.key``; raises VaultError if it is missing or damaged."""
        try:
            with path.open("rb") as f:
                data = f.read(MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            raise VaultError(f"The vault key file {path} is missing.", hint=_DAMAGED_HINT) from None
        except OSError as exc:
            raise InputError(f"Cannot read {path}: {exc.strerror}.") from exc
        return cls.parse(data)

    @classmethod
    def parse(cls, data: bytes) -> KeyFile:
        """Parse the bytes of ``vault.key``; raises VaultError naming what is wrong."""
        try:
            if len(data) > MAX_FILE_BYTES:
                raise ValueError("it is far too large")
            doc = json.loads(data.decode("utf-8"))
            if not isinstance(doc, dict) or "format" not in doc:
                raise ValueError("its fields are not those of a vault key file")
            if doc["format"] not in (FORMAT_ID, FORMAT_1):
                raise ValueError(f"its format is {str(doc['format'])[:40]!r}, not {FORMAT_ID}")
            fields = {"format", "vault", "kdf", "nonce", "sealed"}
            if set(doc) != (fields if doc["format"] == FORMAT_1 else fields | {"database"}):
                raise ValueError("its fields are not those of a vault key file")
            db_hmac = _database_hmac(doc.get("database"), doc["format"])
            kdf = doc["kdf"]
            if not isinstance(kdf, dict) or kdf.get("name") != "argon2id" or set(kdf) != {
                "name", "memory_kib", "iterations", "lanes", "salt",
            }:  # fmt: skip
                raise ValueError("its key derivation is not Argon2id")
            numbers = [kdf["memory_kib"], kdf["iterations"], kdf["lanes"]]
            if not all(type(n) is int for n in numbers):
                raise ValueError("its key-derivation settings are not numbers")
            if not isinstance(doc["vault"], str) or not doc["vault"]:
                raise ValueError("it names no vault")
            key = cls(
                vault_id=doc["vault"],
                params=KdfParams(*numbers),
                salt=_unb64(kdf["salt"], SALT_SIZE),
                nonce=_unb64(doc["nonce"], NONCE_SIZE),
                sealed=_unb64(doc["sealed"], DB_KEY_SIZE + 16),
                db_hmac=db_hmac,
                format_id=doc["format"],
            )
        # RecursionError: JSON nested deeper than the parser goes
        except (ValueError, UnicodeDecodeError, TypeError, KeyError, RecursionError) as exc:
            problem = str(exc) if isinstance(exc, ValueError) else "it is not valid JSON"
            if isinstance(exc, UnicodeDecodeError | json.JSONDecodeError):
                problem = "it is not valid JSON"
            raise VaultError(
                f"The vault key file is damaged: {problem}.", hint=_DAMAGED_HINT
            ) from None
        key.params.check()
        return key


def _database_hmac(database: object, format_id: str) -> str:
    if format_id == FORMAT_1:
        return HMAC_OF_FORMAT_1
    if not isinstance(database, dict) or set(database) != {"hmac"}:
        raise ValueError("its database settings are malformed")
    if database["hmac"] not in HMAC_ALGORITHMS:
        raise ValueError("its database HMAC is not one CableDesk uses")
    return str(database["hmac"])


def _canonical(doc: dict[str, object]) -> bytes:
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object, size: int) -> bytes:
    if not isinstance(text, str):
        raise ValueError("a binary field is not text")
    try:
        data = base64.b64decode(text, validate=True)
    except binascii.Error:
        raise ValueError("a binary field is not base64") from None
    if len(data) != size:
        raise ValueError("a binary field has the wrong size")
    return data

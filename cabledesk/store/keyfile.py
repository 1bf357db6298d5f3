"""``vault.key``: the database key, wrapped with keys derived from the passphrase,
and the record of the audit log's head.

The database (``vault.db``) is encrypted by SQLCipher with a random 256-bit
raw key. This file holds that key sealed with ChaCha20-Poly1305 under a key
that Argon2id derives from the passphrase (:mod:`.key_slot`). Format
``cabledesk.vault-key/3`` is canonical JSON and a LF::

    {"audit": {"hash": "<64 hex>", "mac": "<64 hex>", "seq": N} | null,
     "database": {"hmac": "HMAC_SHA256"},
     "format": "cabledesk.vault-key/3",
     "keys": [{"kdf": {"iterations": 3, "lanes": 4, "memory_kib": 131072,
                       "name": "argon2id", "salt": "<base64, 16 bytes>"},
               "nonce": "<base64, 12 bytes>", "sealed": "<base64, 32 + 16 bytes>",
               "slot": "current"},
              {…, "sealed": "<base64, 64 + 16 bytes>", "slot": "pending"}],
     "vault": "<uuid>"}

``keys`` holds the ``current`` slot, and while a change of passphrase re-keys
the database also a ``pending`` slot: under the new passphrase, the new
database key followed by the old one. The associated data of a slot is the
canonical JSON of ``format``, ``vault``, ``database``, ``slot`` and its
``kdf``, so that nobody can lower the parameters, move a slot, swap the vault
id or change the page HMAC without the unwrap failing. ``audit`` is the
record of :mod:`.audit_head`.

Formats ``/1`` (no ``database``: SQLCipher's default HMAC-SHA512) and ``/2``
(one slot, its fields at the top level, the associated data the canonical
JSON of every field but ``nonce`` and ``sealed``) are still read; CableDesk
writes only ``/3``. A file of a later format of the family is reported as
made by a newer CableDesk, never as damaged.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import re
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from cabledesk.atomic import write_atomic
from cabledesk.canonical_json import canonical_json
from cabledesk.errors import InputError, VaultError
from cabledesk.jsonread import DuplicateKey, no_duplicate_keys
from cabledesk.store._cipher import HMAC_ALGORITHMS, HMAC_OF_FORMAT_1, NEW_VAULT_HMAC
from cabledesk.store.audit_head import AuditHead
from cabledesk.store.key_slot import (
    DAMAGED_HINT,
    MIN_ITERATIONS,
    MIN_MEMORY_KIB,
    NONCE_SIZE,
    SALT_SIZE,
    TAG_SIZE,
    KdfParams,
    KeySlot,
    SlotKey,
    calibrate,
)

__all__ = [
    "CURRENT",
    "DB_KEY_SIZE",
    "FORMAT_1",
    "FORMAT_2",
    "FORMAT_ID",
    "FORMAT_VERSION",
    "MIN_ITERATIONS",
    "MIN_MEMORY_KIB",
    "PENDING",
    "KdfParams",
    "KeyFile",
    "SlotKey",
    "calibrate",
]

FORMAT_VERSION = 3
FORMAT_ID = f"cabledesk.vault-key/{FORMAT_VERSION}"
FORMAT_2 = "cabledesk.vault-key/2"
FORMAT_1 = "cabledesk.vault-key/1"
CURRENT = "current"
PENDING = "pending"
DB_KEY_SIZE = 32
MAX_FILE_BYTES = 4096
_FAMILY = re.compile(r"cabledesk\.vault-key/([1-9][0-9]{0,5})")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_SECRET_SIZE = {CURRENT: DB_KEY_SIZE, PENDING: 2 * DB_KEY_SIZE}


@dataclass(frozen=True, slots=True)
class KeyFile:
    """The parsed ``vault.key``. ``slots`` holds the current slot, then the pending
    one if a re-key is under way; ``audit`` the recorded head (None before any)."""

    vault_id: str
    slots: tuple[KeySlot, ...]
    audit: AuditHead | None = None
    db_hmac: str = NEW_VAULT_HMAC
    format_id: str = FORMAT_ID

    # --- making ---------------------------------------------------------------

    @classmethod
    def create(
        cls,
        vault_id: str,
        db_key: bytes | bytearray,
        passphrase: str,
        params: KdfParams,
        *,
        db_hmac: str = NEW_VAULT_HMAC,
    ) -> KeyFile:
        """A new file with ``db_key`` in its current slot; raises ValueError for an
        empty passphrase, a key that is not 32 bytes or an unknown HMAC, VaultError
        for unsafe parameters."""
        if db_hmac not in HMAC_ALGORITHMS:
            raise ValueError(f"unknown database HMAC {db_hmac}")
        if not _UUID.fullmatch(vault_id):
            raise ValueError("the vault id is a lower-case UUID")
        empty = cls(vault_id, (), None, db_hmac)
        return empty.with_current(SlotKey.derive(passphrase, params), db_key)

    def with_current(self, key: SlotKey, db_key: bytes | bytearray) -> KeyFile:
        """This file in format /3 with ``db_key`` sealed as the current slot under
        ``key`` (a pending slot of a /3 file is kept)."""
        if len(db_key) != DB_KEY_SIZE:
            raise ValueError("the database key is 32 bytes")
        upgraded = replace(self, format_id=FORMAT_ID, slots=self.slots[1:] if self.is_v3 else ())
        slot = KeySlot.seal(
            CURRENT, key, bytes(db_key), upgraded._slot_data(CURRENT, key.params, key.salt)
        )
        return replace(upgraded, slots=(slot, *upgraded.slots))

    def with_pending(
        self, key: SlotKey, new_db_key: bytes | bytearray, old_db_key: bytes | bytearray
    ) -> KeyFile:
        """This /3 file with a pending slot: ``new_db_key ‖ old_db_key`` under ``key``."""
        if not self.is_v3:
            raise ValueError("only a format /3 file has a pending slot")
        if len(new_db_key) != DB_KEY_SIZE or len(old_db_key) != DB_KEY_SIZE:
            raise ValueError("the database keys are 32 bytes")
        data = self._slot_data(PENDING, key.params, key.salt)
        slot = KeySlot.seal(PENDING, key, bytes(new_db_key) + bytes(old_db_key), data)
        return replace(self, slots=(self.current, slot))

    def without_pending(self) -> KeyFile:
        return replace(self, slots=(self.current,))

    def with_audit(self, head: AuditHead | None) -> KeyFile:
        """This /3 file recording ``head``."""
        if not self.is_v3:
            raise ValueError("only a format /3 file records the audit head")
        return replace(self, audit=head)

    # --- reading the slots --------------------------------------------------------

    @property
    def is_v3(self) -> bool:
        return self.format_id == FORMAT_ID

    @property
    def version(self) -> int:
        """The format's version: 1, 2 or 3."""
        return _version(self.format_id)

    @property
    def current(self) -> KeySlot:
        return self.slots[0]

    @property
    def pending(self) -> KeySlot | None:
        return self.slots[1] if len(self.slots) > 1 else None

    def open_slot(self, slot: KeySlot, passphrase: str) -> tuple[bytearray, SlotKey]:
        """The secret of ``slot`` (a bytearray the caller wipes) and the key that
        sealed it; raises WrongPassphrase."""
        key = slot.derive(passphrase)
        return slot.open(key, self._slot_data(slot.name, slot.params, slot.salt)), key

    def unwrap(self, passphrase: str) -> bytearray:
        """The database key of the current slot; raises WrongPassphrase."""
        return self.open_slot(self.current, passphrase)[0]

    def _slot_data(self, name: str, params: KdfParams, salt: bytes) -> bytes:
        if self.is_v3:
            doc: dict[str, object] = {
                "format": self.format_id,
                "vault": self.vault_id,
                "database": {"hmac": self.db_hmac},
                "slot": name,
                "kdf": params.to_json(salt),
            }
            return canonical_json(doc)
        return _legacy_canonical(self._legacy_header())

    def _legacy_header(self) -> dict[str, object]:
        header: dict[str, object] = {
            "format": self.format_id,
            "vault": self.vault_id,
            "kdf": self.current.params.to_json(self.current.salt),
        }
        if self.format_id != FORMAT_1:
            header["database"] = {"hmac": self.db_hmac}
        return header

    # --- the file -------------------------------------------------------------

    def to_bytes(self) -> bytes:
        """The file's bytes (any format: a file read is written back as it was)."""
        if not self.is_v3:
            body = {"nonce": _b64(self.current.nonce), "sealed": _b64(self.current.sealed)}
            return _legacy_canonical(self._legacy_header() | body) + b"\n"
        doc: dict[str, object] = {
            "format": self.format_id,
            "vault": self.vault_id,
            "database": {"hmac": self.db_hmac},
            "keys": [
                {
                    "slot": s.name,
                    "kdf": s.params.to_json(s.salt),
                    "nonce": _b64(s.nonce),
                    "sealed": _b64(s.sealed),
                }
                for s in self.slots
            ],
            "audit": None if self.audit is None else self.audit.to_json(),
        }
        return canonical_json(doc) + b"\n"

    def save(self, path: Path, *, durable: bool = True) -> None:
        """Write the file atomically (mode 0600); raises InputError if it cannot be.

        The new file is synced before it replaces the old one, always: a power cut
        leaves one of the two whole. ``durable=False`` skips syncing the folder
        after the rename, for an update of the audit record alone: if the rename is
        lost, the older record remains, whose entry still exists — at a third of the
        cost, paid at every audited commit.
        """
        if not self.slots:
            raise ValueError("a key file has a current slot")
        if durable:
            write_atomic(path, self.to_bytes(), mode=0o600)
            return
        try:
            fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
            tmp = Path(name)
            try:
                if hasattr(os, "fchmod"):  # not on Windows, where the folder's ACL applies
                    os.fchmod(fd, 0o600)
                with os.fdopen(fd, "wb") as f:
                    f.write(self.to_bytes())
                    f.flush()
                    os.fsync(f.fileno())
                tmp.replace(path)
            except BaseException:
                tmp.unlink(missing_ok=True)
                raise
        except OSError as exc:
            raise InputError(f"Cannot write {path}: {exc.strerror}.") from exc

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        """Read and parse ``vault.key``; raises VaultError if it is missing or damaged."""
        try:
            with path.open("rb") as f:
                data = f.read(MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            raise VaultError(f"The vault key file {path} is missing.", hint=DAMAGED_HINT) from None
        except OSError as exc:
            raise InputError(f"Cannot read {path}: {exc.strerror}.") from exc
        return cls.parse(data)

    @classmethod
    def parse(cls, data: bytes) -> KeyFile:
        """Parse the bytes of ``vault.key``; raises VaultError naming what is wrong."""
        try:
            if len(data) > MAX_FILE_BYTES:
                raise ValueError("it is far too large")
            doc = json.loads(data.decode("utf-8"), object_pairs_hook=no_duplicate_keys)
            if not isinstance(doc, dict) or not isinstance(doc.get("format"), str):
                raise ValueError("it does not name its format")
            version = _version(doc["format"])
            key = _parse_v3(doc) if version == 3 else _parse_legacy(doc)
            if version == 3 and key.to_bytes() != data:
                raise ValueError("it is not in canonical form")
        # RecursionError: JSON nested deeper than the parser goes
        except (ValueError, UnicodeDecodeError, TypeError, KeyError, RecursionError) as exc:
            problem = str(exc) if type(exc) is ValueError else "it is not valid JSON"
            if isinstance(exc, DuplicateKey):
                problem = "it names a field twice"
            raise VaultError(
                f"The vault key file is damaged: {problem}.", hint=DAMAGED_HINT
            ) from None
        for slot in key.slots:
            slot.params.check()
        return key


def _version(format_id: str) -> int:
    match = _FAMILY.fullmatch(format_id)
    if match is None:
        raise ValueError(f"its format is {format_id[:40]!r}, not {FORMAT_ID}")
    version = int(match.group(1))
    if version > FORMAT_VERSION:
        raise VaultError(
            f"The vault key file was made by a newer version of CableDesk ({format_id}).",
            hint="Update CableDesk to open this vault; this version cannot read it.",
        )
    return version


def _parse_v3(doc: dict[str, object]) -> KeyFile:
    if set(doc) != {"format", "vault", "database", "keys", "audit"}:
        raise ValueError("its fields are not those of a vault key file")
    vault_id = doc["vault"]
    if not isinstance(vault_id, str) or not _UUID.fullmatch(vault_id):
        raise ValueError("its vault id is not a lower-case UUID")
    keys = doc["keys"]
    if not isinstance(keys, list) or not 1 <= len(keys) <= 2:
        raise ValueError("its keys are not one or two slots")
    slots = tuple(_slot(entry, f"keys[{i}]", (CURRENT, PENDING)[i]) for i, entry in enumerate(keys))
    audit = None if doc["audit"] is None else AuditHead.from_json(doc["audit"])
    return KeyFile(vault_id, slots, audit, _database_hmac(doc["database"]), FORMAT_ID)


def _slot(entry: object, where: str, name: str) -> KeySlot:
    if not isinstance(entry, dict) or set(entry) != {"slot", "kdf", "nonce", "sealed"}:
        raise ValueError(f"{where} does not have the fields slot, kdf, nonce and sealed")
    if entry["slot"] != name:
        raise ValueError(f"{where}.slot is not {name!r}")
    params, salt = _kdf(entry["kdf"], f"{where}.kdf")
    nonce = _unb64(entry["nonce"], NONCE_SIZE, f"{where}.nonce")
    sealed = _unb64(entry["sealed"], _SECRET_SIZE[name] + TAG_SIZE, f"{where}.sealed")
    return KeySlot(name, params, salt, nonce, sealed)


def _kdf(kdf: object, where: str) -> tuple[KdfParams, bytes]:
    if not isinstance(kdf, dict) or kdf.get("name") != "argon2id" or set(kdf) != {
        "name", "memory_kib", "iterations", "lanes", "salt",
    }:  # fmt: skip
        raise ValueError(f"{where}: its key derivation is not Argon2id")
    numbers = [kdf["memory_kib"], kdf["iterations"], kdf["lanes"]]
    if not all(type(n) is int for n in numbers):
        raise ValueError(f"{where}: its key-derivation settings are not numbers")
    return KdfParams(*numbers), _unb64(kdf["salt"], SALT_SIZE, f"{where}.salt")


def _parse_legacy(doc: dict[str, object]) -> KeyFile:
    format_id = str(doc["format"])
    fields = {"format", "vault", "kdf", "nonce", "sealed"}
    if set(doc) != (fields if format_id == FORMAT_1 else fields | {"database"}):
        raise ValueError("its fields are not those of a vault key file")
    db_hmac = HMAC_OF_FORMAT_1 if format_id == FORMAT_1 else _database_hmac(doc["database"])
    vault_id = doc["vault"]
    if not isinstance(vault_id, str) or not vault_id:
        raise ValueError("it names no vault")
    params, salt = _kdf(doc["kdf"], "kdf")
    nonce = _unb64(doc["nonce"], NONCE_SIZE, "nonce")
    sealed = _unb64(doc["sealed"], DB_KEY_SIZE + TAG_SIZE, "sealed")
    slot = KeySlot(CURRENT, params, salt, nonce, sealed)
    return KeyFile(vault_id, (slot,), None, db_hmac, format_id)


def _database_hmac(database: object) -> str:
    if not isinstance(database, dict) or set(database) != {"hmac"}:
        raise ValueError("its database settings are malformed")
    if database["hmac"] not in HMAC_ALGORITHMS:
        raise ValueError("its database HMAC is not one CableDesk uses")
    return str(database["hmac"])


def _legacy_canonical(doc: dict[str, object]) -> bytes:
    # Not canonical_json: formats /1 and /2 escaped non-ASCII characters, and the
    # associated data of their slot is these exact bytes. Keep this form as it is.
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object, size: int, where: str) -> bytes:
    if not isinstance(text, str):
        raise ValueError(f"{where} is not text")
    try:
        data = base64.b64decode(text, validate=True)
    except binascii.Error:
        raise ValueError(f"{where} is not base64") from None
    if len(data) != size:
        raise ValueError(f"{where} has the wrong size")
    return data

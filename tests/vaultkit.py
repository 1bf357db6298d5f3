"""Test helpers for anything with a vault: fast key derivation, a clock tests move
by hand, a keychain kept in memory."""

from __future__ import annotations

import base64
import json
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from keyring.backend import KeyringBackend

from cabledesk.store.database import Database
from cabledesk.store.home import VaultHome
from cabledesk.store.keyfile import MIN_ITERATIONS, MIN_MEMORY_KIB, KdfParams

# The floors: fast enough for tests, still accepted on open.
FAST = KdfParams(MIN_MEMORY_KIB, MIN_ITERATIONS, 1)
PASSPHRASE = "correct horse battery staple"


class Clock:
    """A clock that tests move forward by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


class MemoryKeyring(KeyringBackend):
    """A keyring backend that keeps secrets in a dict (for fast unit tests)."""

    priority = 1

    def __init__(self) -> None:
        # keyring's __init__ is unannotated, and mypy's untyped_calls_exclude
        # (pyproject.toml) does not reach a call through super().
        super().__init__()  # type: ignore[no-untyped-call]
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        del self.secrets[(service, username)]


def format_1_key_file(vault_id: str, db_key: bytes, passphrase: str) -> bytes:
    """A ``vault.key`` as format ``cabledesk.vault-key/1`` wrote it (written here
    from the format's description, not by the code under test)."""
    salt, nonce = os.urandom(16), os.urandom(12)
    header: dict[str, object] = {
        "format": "cabledesk.vault-key/1",
        "vault": vault_id,
        "kdf": {
            "name": "argon2id",
            "memory_kib": FAST.memory_kib,
            "iterations": FAST.iterations,
            "lanes": FAST.lanes,
            "salt": base64.b64encode(salt).decode(),
        },
    }

    def canonical(doc: dict[str, object]) -> bytes:
        return json.dumps(doc, sort_keys=True, separators=(",", ":")).encode()

    wrap_key = Argon2id(
        salt=salt, length=32, iterations=FAST.iterations, lanes=FAST.lanes,
        memory_cost=FAST.memory_kib,
    ).derive(passphrase.encode())  # fmt: skip
    sealed = ChaCha20Poly1305(wrap_key).encrypt(nonce, db_key, canonical(header))
    b64 = {"nonce": base64.b64encode(nonce).decode(), "sealed": base64.b64encode(sealed).decode()}
    return canonical(header | b64) + b"\n"


def make_format_1_vault(home: VaultHome, passphrase: str = PASSPHRASE) -> str:
    """A vault as made before format /2: SQLCipher's default page MAC (HMAC-SHA512)."""
    home.create_folders()
    vault_id, db_key = str(uuid.uuid4()), os.urandom(32)
    db = Database(home.database, db_key, hmac="HMAC_SHA512")
    db.execute("INSERT INTO meta(key, value) VALUES ('vault_id', ?)", (vault_id,))
    db.close()
    home.key_file.write_bytes(format_1_key_file(vault_id, db_key, passphrase))
    return vault_id


@contextmanager
def rolled_back(database: Path) -> Iterator[None]:
    """What is done inside, with the vault locked before and after, is undone by
    putting back the ``vault.db`` of before: the attack of a database copied back."""
    saved = database.read_bytes()
    yield
    database.write_bytes(saved)

"""Target: the vault key file (``store.keyfile.KeyFile.parse``), formats /1, /2 and /3.

A file that parses must serialise back to the same file (format /3 is canonical:
one encoding only; /1 and /2 are written back as they were read). (Unwrapping
runs Argon2id with the file's parameters, which the floors and caps of
``KdfParams.check`` bound; it is not run per input.)
"""

from __future__ import annotations

import os
from pathlib import Path

from cabledesk.store.audit_head import AuditHead
from cabledesk.store.keyfile import KeyFile, SlotKey
from tests.vaultkit import FAST, PASSPHRASE, format_1_key_file

VAULT = "5c1f0e6e-8f3a-4a57-9d43-3c7d8f0b2a11"
LEGACY = Path(__file__).parents[1] / "data" / "legacy" / "vault-0.1" / "vault.key"


def run(data: bytes) -> None:
    key = KeyFile.parse(data)
    again = KeyFile.parse(key.to_bytes())
    assert again == key
    if key.is_v3:
        assert key.to_bytes() == data


def seeds() -> dict[str, bytes]:
    db_key, new_key = os.urandom(32), os.urandom(32)
    key = KeyFile.create(VAULT, db_key, PASSPHRASE, FAST)
    pending = key.with_pending(SlotKey.derive("another passphrase", FAST), new_key, db_key)
    recorded = pending.with_audit(AuditHead.make(VAULT, 42, os.urandom(32), db_key))
    return {
        "vault.key": key.to_bytes(),
        "no-newline": key.to_bytes().rstrip(b"\n"),
        "pending-and-record": recorded.to_bytes(),
        "format-2": LEGACY.read_bytes(),
        "format-1": format_1_key_file(VAULT, db_key, PASSPHRASE),
    }

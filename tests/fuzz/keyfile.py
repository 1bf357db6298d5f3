"""Target: the vault key file (``store.keyfile.KeyFile.parse``).

A file that parses must serialise back to the same file. (Unwrapping runs
Argon2id with the file's parameters, which the floors and caps of
``KdfParams.check`` bound; it is not run per input.)
"""

from __future__ import annotations

import os

from cabledesk.store.keyfile import KeyFile
from tests.vaultkit import FAST, PASSPHRASE


def run(data: bytes) -> None:
    key = KeyFile.parse(data)
    assert KeyFile.parse(key.to_bytes()) == key


def seeds() -> dict[str, bytes]:
    key = KeyFile.create("5c1f0e6e-8f3a-4a57-9d43-3c7d8f0b2a11", os.urandom(32), PASSPHRASE, FAST)
    return {"vault.key": key.to_bytes(), "no-newline": key.to_bytes().rstrip(b"\n")}

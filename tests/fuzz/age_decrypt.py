"""Target: whole age files through ``age.decrypt`` (binary or armored), CCTV vectors as seeds."""

from __future__ import annotations

import io

from cabledesk.crypto.age import Identity, ScryptIdentity, X25519Identity, decrypt
from tests.fuzz._harness import BOB, JANE, age_vectors, age_wrap


def _identities() -> list[Identity]:
    keys: set[str] = set()
    passphrases: set[str] = set()
    for fields, _ in age_vectors().values():
        keys.update(k for k in fields.get("identity", []) if not k.startswith("AGE-SECRET-KEY-PQ"))
        passphrases.update(fields.get("passphrase", []))
    found: list[Identity] = [X25519Identity.parse(k) for k in sorted(keys)]
    found.append(BOB.encryption_key)
    # The vectors use work factor 10; a low cap keeps each input fast (the cap is
    # checked before any work, see scrypt.py).
    found += [ScryptIdentity(p, max_work_factor=12) for p in sorted(passphrases)]
    return found


IDENTITIES = _identities()


def run(data: bytes) -> None:
    decrypt(io.BytesIO(data), io.BytesIO(), IDENTITIES)


def seeds() -> dict[str, bytes]:
    found = {name: body for name, (_, body) in age_vectors().items()}
    found["cabledesk-small"] = age_wrap(b"a cable", to=(JANE, BOB))
    found["cabledesk-two-chunks"] = age_wrap(bytes(70_000), to=(BOB,))
    return found

"""What the targets share: the rule for one input, fixed people and keys, text decoding,
and age encryption with a fixed file key (so a target reaches the layers under age
without paying for a fresh key agreement per input)."""

from __future__ import annotations

import atexit
import hashlib
import io
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import TypeVar

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from cabledesk.crypto.age import X25519Identity, X25519Recipient
from cabledesk.crypto.age._b64 import b64_encode
from cabledesk.crypto.age._format import encode_header
from cabledesk.crypto.age._primitives import header_mac, payload_key
from cabledesk.crypto.age._stream import encrypt_stream
from cabledesk.crypto.keys import Identity
from cabledesk.errors import CableDeskError
from tests.crypto.age.cctv import read_vector

__all__ = [
    "BOB",
    "DATA",
    "JANE",
    "NOW",
    "age_vectors",
    "age_wrap",
    "argv_text",
    "attempt",
    "file_text",
    "guarded",
    "person",
    "scratch",
]

DATA = Path(__file__).resolve().parent.parent / "data"
NOW = datetime(2026, 11, 23, 14, 5, 9, tzinfo=UTC)
# Fixed, so that a regression file made against these keys replays the same way.
_FILE_KEY = hashlib.sha256(b"cabledesk fuzz file key").digest()[:16]
_NONCE = hashlib.sha256(b"cabledesk fuzz nonce").digest()[:16]
# Set by the campaign to a folder it empties after each run (libFuzzer exits
# without running Python's atexit handlers).
SCRATCH_ENV = "CABLEDESK_FUZZ_SCRATCH"
T = TypeVar("T")


def guarded(run: Callable[[bytes], None]) -> Callable[[bytes], None]:
    """``run`` as the fuzzer calls it: a CableDeskError is an answer, anything else a bug."""

    def one_input(data: bytes) -> None:
        try:
            run(data)
        except CableDeskError:
            pass

    return one_input


def attempt(call: Callable[[], T]) -> T | None:
    """``call()``, or None if it raised a CableDeskError (so a target can go on)."""
    try:
        return call()
    except CableDeskError:
        return None


@cache
def _scratch_root() -> Path:
    base = os.environ.get(SCRATCH_ENV)
    if base:
        Path(base).mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix="cabledesk-fuzz-", dir=base or None))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    return root


def scratch(name: str) -> Path:
    """A new empty folder for one target's files (removed at exit or by the campaign)."""
    return Path(tempfile.mkdtemp(prefix=f"{name}-", dir=_scratch_root()))


def argv_text(data: bytes) -> str:
    """Text as it reaches CableDesk from a command line (undecodable bytes as surrogates)."""
    return data.decode("utf-8", "surrogateescape")


def file_text(data: bytes) -> str:
    """Text as CableDesk reads it from a key or recipients file."""
    return data.decode("utf-8", "replace")


def person(name: str, post: str) -> Identity:
    """An identity whose keys are derived from its name (the same in every run)."""

    def secret(label: str) -> bytes:
        return hashlib.sha256(f"cabledesk fuzz {label} {name}".encode()).digest()

    return Identity(
        name=name,
        post=post,
        signing_key=Ed25519PrivateKey.from_private_bytes(secret("ed25519")),
        encryption_key=X25519Identity(X25519PrivateKey.from_private_bytes(secret("x25519"))),
        clearance="SECRET",
        nationality="USA",
        created=NOW - timedelta(days=30),
        expires=NOW + timedelta(days=700),
    )


JANE = person("Jane Doe", "AMEMBASSY PARIS")
BOB = person("Bob Roe", "SECSTATE WASHDC")


@cache
def _header(recipients: tuple[X25519Recipient, ...]) -> bytes:
    stanzas = [s for r in recipients for s in r.wrap(_FILE_KEY)]
    signed = encode_header(stanzas)
    mac = header_mac(_FILE_KEY, signed)
    return signed + b" " + b64_encode(mac).encode("ascii") + b"\n" + _NONCE


def age_wrap(plaintext: bytes, to: Sequence[Identity] = (JANE, BOB)) -> bytes:
    """A valid age v1 file of ``plaintext`` for ``to`` (the header computed once)."""
    out = io.BytesIO()
    out.write(_header(tuple(p.encryption_key.recipient() for p in to)))
    encrypt_stream(payload_key(_FILE_KEY, _NONCE), io.BytesIO(plaintext), out)
    return out.getvalue()


def age_vectors() -> dict[str, tuple[dict[str, list[str]], bytes]]:
    """The CCTV age vectors of tests/data/age: name -> (header fields, age file)."""
    vectors = {}
    for path in sorted((DATA / "age").iterdir()):
        if path.name == "README.md":
            continue
        fields, body = read_vector(path)
        vectors[path.name] = (fields, body)
    return vectors

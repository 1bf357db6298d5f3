"""The C2SP/CCTV age test vectors, one test each (tests/data/age/README.md).

Each expectation maps to one of our exception classes. For success and payload
failures the SHA-256 of the plaintext released through the streaming API is
compared with the vector's ``payload`` (the reference reader's semantics).
"""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest

from cabledesk.crypto.age import (
    Identity,
    ScryptIdentity,
    decrypt,
    parse_identity,
)
from cabledesk.errors import (
    ArmorError,
    CryptoError,
    HeaderError,
    HeaderMacError,
    NoIdentityMatch,
    PayloadError,
)
from tests.conftest import DATA
from tests.crypto.age.cctv import read_vector

VECTORS = DATA / "age"
EXPECTED: dict[str, type[CryptoError] | None] = {
    "success": None,
    "no match": NoIdentityMatch,
    "HMAC failure": HeaderMacError,
    "header failure": HeaderError,
    "payload failure": PayloadError,
    "armor failure": ArmorError,
}


def _vectors() -> list[Path]:
    return sorted(p for p in VECTORS.iterdir() if p.name != "README.md")


def test_the_vectors_are_all_here() -> None:
    assert len(_vectors()) == 143
    post_quantum = [
        p.name
        for p in _vectors()
        if any(i.startswith("AGE-SECRET-KEY-PQ-") for i in read_vector(p)[0].get("identity", []))
    ]
    assert len(post_quantum) == 19
    assert post_quantum == ["armor_hybrid"] + [p for p in post_quantum if p.startswith("hybrid")]


@pytest.mark.parametrize("path", _vectors(), ids=lambda p: p.name)
def test_vector(path: Path) -> None:
    fields, body = read_vector(path)
    identities: list[Identity] = [parse_identity(i) for i in fields.get("identity", [])]
    identities += [ScryptIdentity(p) for p in fields.get("passphrase", [])]
    expected = EXPECTED[fields["expect"][0]]
    out = io.BytesIO()
    if expected is None:
        decrypt(io.BytesIO(body), out, identities)
    else:
        with pytest.raises(expected):
            decrypt(io.BytesIO(body), out, identities)
    if "payload" in fields:
        assert hashlib.sha256(out.getvalue()).hexdigest() == fields["payload"][0]
    elif expected is not PayloadError:
        assert out.getvalue() == b""

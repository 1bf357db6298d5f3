"""Target: the age header (``_format.read_header``), then every identity's stanza parsing."""

from __future__ import annotations

import io

from cabledesk.crypto.age import HybridIdentity, ScryptIdentity, X25519Identity
from cabledesk.crypto.age._format import read_header
from tests.fuzz._harness import JANE, age_vectors, age_wrap

# The CCTV vectors' X25519 and hybrid keys, so that mutated vector headers reach the unwrapping.
_VECTOR_KEY = "AGE-SECRET-KEY-1EGTZVFFV20835NWYV6270LXYVK2VKNX2MMDKWYKLMGR48UAWX40Q2P2LM0"
_VECTOR_PQ_KEY = "AGE-SECRET-KEY-PQ-1HZLGZUPT4ETPKDEV8HSGFDCYZ4E522W0A7PU2LHT8EH9W6YLNC3SW78XKG"
# A low scrypt cap keeps each input fast; the cap itself is checked before any work.
IDENTITIES = (
    X25519Identity.parse(_VECTOR_KEY),
    HybridIdentity.parse(_VECTOR_PQ_KEY),
    JANE.encryption_key,
    ScryptIdentity("password", max_work_factor=12),
)


def run(data: bytes) -> None:
    header = read_header(io.BytesIO(data))
    assert len(header.mac) == 32 and header.signed_bytes.endswith(b"---")
    for identity in IDENTITIES:
        identity.unwrap(header.stanzas)


def seeds() -> dict[str, bytes]:
    found = {name: body for name, (fields, body) in age_vectors().items()
             if fields.get("armored") != ["yes"]}  # fmt: skip
    found["cabledesk-two-recipients"] = age_wrap(b"hello")
    return found

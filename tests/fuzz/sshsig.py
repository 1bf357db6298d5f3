"""Target: SSHSIG signatures (``sshsig.parse_signature``, ``verify``, ``verify_stream``).

A signature that parses must re-encode to one that parses to the same value.
"""

from __future__ import annotations

import io

from cabledesk.crypto.sshsig import (
    CONTACT_NAMESPACE,
    DOCUMENT_NAMESPACE,
    SEAL_NAMESPACE,
    parse_signature,
    sign,
    verify,
    verify_stream,
)
from tests.fuzz._harness import JANE, argv_text, attempt

MESSAGE = b"manifest bytes"
KEY = JANE.signing_key.public_key()


def run(data: bytes) -> None:
    sig = attempt(lambda: parse_signature(data))
    if sig is not None:
        assert parse_signature(sig.armored()) == sig
    attempt(lambda: parse_signature(argv_text(data)))
    attempt(lambda: verify(data, MESSAGE, KEY, SEAL_NAMESPACE))
    attempt(lambda: verify_stream(data, io.BytesIO(MESSAGE), KEY, DOCUMENT_NAMESPACE))


def seeds() -> dict[str, bytes]:
    key = JANE.signing_key
    found = {}
    for namespace in (SEAL_NAMESPACE, DOCUMENT_NAMESPACE, CONTACT_NAMESPACE):
        for algorithm in ("sha512", "sha256"):
            text = sign(key, namespace, MESSAGE, algorithm)
            found[f"{namespace}-{algorithm}"] = text.encode()
    found["crlf"] = sign(key, SEAL_NAMESPACE, MESSAGE).replace("\n", "\r\n").encode()
    found["other-data"] = sign(key, SEAL_NAMESPACE, b"other").encode()
    return found

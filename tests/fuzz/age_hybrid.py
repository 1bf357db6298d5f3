"""Target: the post-quantum hybrid (``mlkem768x25519``) stanza, parsed and unwrapped.

The input is one recipient stanza's text (``-> mlkem768x25519 <enc>`` and its
body lines), put in a header that is otherwise valid, so that mutations reach
:meth:`HybridIdentity.unwrap` (argument count, base64, sizes, the weak-share
check, HPKE) rather than stopping at the header's first line. Then the same
bytes as a hybrid key string (``age1pq1…``, ``AGE-SECRET-KEY-PQ-1…``).
"""

from __future__ import annotations

import io

from cabledesk.crypto.age import HybridIdentity, HybridRecipient
from cabledesk.crypto.age._format import read_header
from tests.fuzz._harness import age_vectors, argv_text, attempt

# The CCTV vectors' hybrid key, so that mutated vector stanzas meet their own key.
_VECTOR_KEY = "AGE-SECRET-KEY-PQ-1HZLGZUPT4ETPKDEV8HSGFDCYZ4E522W0A7PU2LHT8EH9W6YLNC3SW78XKG"
IDENTITY = HybridIdentity.parse(_VECTOR_KEY)
_INTRO = b"age-encryption.org/v1\n"
_MAC = b"--- " + b"A" * 43 + b"\n"


def run(data: bytes) -> None:
    header = read_header(io.BytesIO(_INTRO + data + _MAC))
    file_key = IDENTITY.unwrap(header.stanzas)
    assert file_key is None or len(file_key) == 16  # the body was checked to be 32 bytes
    text = argv_text(data)
    recipient = attempt(lambda: HybridRecipient.parse(text))
    if recipient is not None:
        assert HybridRecipient.parse(str(recipient)) == recipient
    identity = attempt(lambda: HybridIdentity.parse(text))
    if identity is not None:
        assert HybridIdentity.parse(str(identity)).recipient() == identity.recipient()


def seeds() -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for name, (fields, body) in age_vectors().items():
        if not name.startswith("hybrid") or fields.get("armored") == ["yes"]:
            continue
        start = body.find(b"-> ")
        end = body.find(b"\n---")
        if 0 <= start < end:
            found[name] = body[start : end + 1]
    found["recipient"] = str(IDENTITY.recipient()).encode()
    found["identity"] = _VECTOR_KEY.encode()
    return found

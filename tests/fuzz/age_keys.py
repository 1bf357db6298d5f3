"""Target: age key strings (``x25519``, ``hybrid``) and recipients / identity files (``_api.parse_*_file``).

The strings come from the command line (``-r age1…``: undecodable bytes arrive
as surrogates), the files from disk (decoded with replacement characters, as
the CLI reads them).
"""

from __future__ import annotations

from cabledesk.crypto.age import (
    HybridIdentity,
    HybridRecipient,
    X25519Identity,
    X25519Recipient,
    parse_identity_file,
    parse_recipients_file,
)
from tests.fuzz._harness import BOB, JANE, argv_text, attempt, file_text


def run(data: bytes) -> None:
    text = argv_text(data)
    recipient = attempt(lambda: X25519Recipient.parse(text))
    if recipient is not None:
        assert X25519Recipient.parse(str(recipient)) == recipient
    identity = attempt(lambda: X25519Identity.parse(text))
    if identity is not None:
        assert X25519Identity.parse(str(identity)).recipient() == identity.recipient()
    hybrid = attempt(lambda: HybridRecipient.parse(text))
    if hybrid is not None:
        assert HybridRecipient.parse(str(hybrid)) == hybrid
    pq = attempt(lambda: HybridIdentity.parse(text))
    if pq is not None:
        assert HybridIdentity.parse(str(pq)).recipient() == pq.recipient()
    attempt(lambda: parse_recipients_file(file_text(data)))
    attempt(lambda: parse_identity_file(file_text(data)))


def seeds() -> dict[str, bytes]:
    jane, bob = JANE.encryption_key, BOB.encryption_key
    return {
        "recipient": str(jane.recipient()).encode(),
        "recipient-upper": str(jane.recipient()).upper().encode(),
        "identity": str(jane).encode(),
        "identity-lower": str(jane).lower().encode(),
        "recipients-file": f"# team\n{jane.recipient()}\n\n{bob.recipient()}\r\n".encode(),
        "identity-file": f"# created: 2026-11-23\n# public key: {bob.recipient()}\n{bob}\n".encode(),
        "pq-recipient": str(_PQ.recipient()).encode(),
        "pq-identity": str(_PQ).encode(),
        "pq-files": f"{_PQ.recipient()}\n{_PQ}\n".encode(),
    }


# A fixed hybrid key (seed 00 01 … 1f), the same in every run.
_PQ = HybridIdentity(bytes(range(32)))

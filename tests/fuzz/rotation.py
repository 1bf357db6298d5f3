"""Target: key-rotation statements (``rotation.RotationStatement.parse``, ``covers``).

The input is a ``.rotation`` file. It is parsed as it is; then its line 1 is signed by
the key it names as ``old_key`` when that is the test key, else by the test key (namespace
``cabledesk-rotation-v1``) and parsed again, so the checks after a good signature (the
keys, the hash, the time) see hostile content too. A statement that parses must
serialise back to the same bytes.
"""

from __future__ import annotations

from datetime import UTC, datetime

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.rotation import RotationStatement
from cabledesk.crypto.sshsig import ROTATION_NAMESPACE, sign
from tests.crypto.dirkit import person
from tests.fuzz._harness import attempt

_OLD = person("Jane Doe")
_CARD = ContactCard.for_identity(person("Jane Doe (new keys)"))


def _check(data: bytes) -> None:
    statement = RotationStatement.parse(data)
    assert statement.to_bytes() == data and RotationStatement.parse(data) == statement
    assert statement.old_key != statement.new_key
    statement.covers(_CARD)


def run(data: bytes) -> None:
    attempt(lambda: _check(data))
    body = data.partition(b"\n")[0]
    attempt(
        lambda: _check(body + b"\n" + sign(_OLD.signing_key, ROTATION_NAMESPACE, body).encode())
    )


def seeds() -> dict[str, bytes]:
    statement = RotationStatement.issue(
        _OLD.signing_key, _CARD, created=datetime(2026, 12, 4, 10, tzinfo=UTC)
    )
    return {"statement": statement.to_bytes()}

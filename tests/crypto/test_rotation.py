"""``cabledesk.rotation/1`` (docs/FORMAT.md, Part V): what is written, and every rule of
the reader, each refusal a test."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity, ssh_ed25519_line
from cabledesk.crypto.rotation import ROTATION_FORMAT, RotationStatement
from cabledesk.crypto.sshsig import CONTACT_NAMESPACE, sign
from cabledesk.errors import ContactError, RotationRefused

OLD = Identity.generate("Jane Doe", "AMEMBASSY PARIS")
NEW = Identity.generate("Jane Doe", "AMEMBASSY PARIS")
CARD = ContactCard.for_identity(NEW)
WHEN = datetime(2026, 12, 4, 10, tzinfo=UTC)


def _doc() -> dict[str, object]:
    statement = RotationStatement.issue(OLD.signing_key, CARD, created=WHEN)
    doc: dict[str, object] = json.loads(statement.to_bytes().partition(b"\n")[0])
    return doc


def test_a_statement_names_both_keys_and_the_cards_bytes() -> None:
    statement = RotationStatement.issue(OLD.signing_key, CARD, created=WHEN)
    doc = _doc()
    assert doc["format"] == "cabledesk.rotation/1" and doc["created"] == "2026-12-04T10:00:00Z"
    assert doc["old_key"] == OLD.public().ssh_line() and doc["new_key"] == CARD.keys.ssh_line()
    again = RotationStatement.parse(statement.to_bytes())
    assert again == statement and again.to_bytes() == statement.to_bytes()
    assert again.old_fingerprint == OLD.fingerprint and again.new_fingerprint == NEW.fingerprint
    assert again.covers(CARD)
    assert not again.covers(ContactCard.for_identity(OLD))


def test_a_statement_signed_by_another_key_than_old_key_is_refused() -> None:
    forged = ROTATION_FORMAT.sign(_doc(), Ed25519PrivateKey.generate())
    with pytest.raises(RotationRefused):
        RotationStatement.parse(forged)


def test_a_signature_made_for_another_purpose_is_refused() -> None:
    body = ROTATION_FORMAT.sign(_doc(), OLD.signing_key).partition(b"\n")[0]
    other = body + b"\n" + sign(OLD.signing_key, CONTACT_NAMESPACE, body).encode("ascii")
    with pytest.raises(RotationRefused):
        RotationStatement.parse(other)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"extra": 1}, "extra"),
        ({"new_key": OLD.public().ssh_line()}, "the key it replaces"),
        ({"card_sha256": "AB" * 32}, "hexadecimal"),
        ({"card_sha256": "ab"}, "hexadecimal"),
        ({"created": "2026-12-04"}, "created"),
        ({"new_key": ssh_ed25519_line(NEW.public().signing, "comment")}, "new_key"),
    ],
    ids=["unknown-field", "same-key", "upper-case-hex", "short-hex", "bad-time", "key-comment"],
)
def test_malformed_statements_are_refused(change: dict[str, object], words: str) -> None:
    data = ROTATION_FORMAT.sign(_doc() | change, OLD.signing_key)
    with pytest.raises(ContactError, match=words) as caught:
        RotationStatement.parse(data)
    assert not isinstance(caught.value, RotationRefused)


def test_a_newer_format_is_made_by_a_newer_cabledesk() -> None:
    body = json.dumps(_doc() | {"format": "cabledesk.rotation/2"}, sort_keys=True,
                      separators=(",", ":")).encode()  # fmt: skip
    data = body + b"\n" + sign(OLD.signing_key, "cabledesk-rotation-v1", body).encode("ascii")
    with pytest.raises(ContactError, match="newer"):
        RotationStatement.parse(data)


def test_a_huge_statement_is_refused() -> None:
    with pytest.raises(ContactError):
        RotationStatement.parse(b"{" + b" " * 5000 + b"}\n")

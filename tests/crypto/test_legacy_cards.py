"""Cards written by CableDesk 0.1.0 (tests/data/legacy/) keep parsing, byte for byte."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cabledesk.crypto.contact import ContactCard, card_fingerprint
from cabledesk.crypto.keys import Identity
from cabledesk.crypto.sshsig import CONTACT_NAMESPACE, sign
from cabledesk.errors import ContactError

LEGACY = Path(__file__).parents[1] / "data" / "legacy"
WRITTEN = datetime(2026, 12, 1, 9, tzinfo=UTC)  # the test clock of the files


@pytest.mark.parametrize(
    ("name", "who", "signed"),
    [
        ("jane-v1.contact", "Jane Doe", True),
        ("klaus-v1.contact", "Klaus Weber", True),
        ("ada-v1-unsigned.contact", "Ada Lovelace", False),
    ],
)
def test_v1_cards_parse_and_reserialise_byte_for_byte(name: str, who: str, signed: bool) -> None:
    data = (LEGACY / name).read_bytes()
    card = ContactCard.parse(data, now=WRITTEN)
    assert card.name == who and card.self_certified is signed
    assert (card.format_version, card.sequence, card.accesses, card.pq_recipient) == (
        1, 0, (), None,
    )  # fmt: skip
    assert card.to_bytes() == data
    assert ContactCard.parse(card.to_bytes(), now=None) == card
    assert card_fingerprint(data.decode()) == card.fingerprint


def test_v1_card_that_is_not_canonical_keeps_its_bytes_and_signature() -> None:
    # a /1 card made by hand: fields in another order, a comment on the key. The
    # signature covers these bytes; re-encoding them would break it.
    person = Identity.generate("Hand Made", "AMEMBASSY ROME")
    doc = json.loads(ContactCard.for_identity(person).body())
    for field in ("sequence", "accesses", "pq_recipient"):
        del doc[field]
    doc |= {"format": "cabledesk.contact/1", "ssh_key": person.public().ssh_line("hand@made")}
    body = json.dumps(dict(reversed(doc.items())), ensure_ascii=False).encode()
    data = body + b"\n" + sign(person.signing_key, CONTACT_NAMESPACE, body).encode()
    card = ContactCard.parse(data, now=None)
    assert card.to_bytes() == data
    assert ContactCard.parse(card.to_bytes(), now=None) == card


def test_v1_cards_keep_their_rules() -> None:
    data = (LEGACY / "ada-v1-unsigned.contact").read_bytes()
    doc = json.loads(data)
    doc["surprise"] = 1
    with pytest.raises(ContactError, match="not part of the format"):
        ContactCard.parse(json.dumps(doc).encode(), now=None)
    doc = json.loads(data) | {"ssh_key": "ssh-rsa AAAA"}
    with pytest.raises(ContactError, match="malformed"):
        ContactCard.parse(json.dumps(doc).encode(), now=None)

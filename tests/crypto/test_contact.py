from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cabledesk.crypto.age import X25519Identity
from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.fingerprint import fingerprint, safety_number
from cabledesk.crypto.keys import Identity, parse_ssh_ed25519_line, read_openssh_private_key
from cabledesk.errors import ContactError, KeyFormatError

NOW = datetime(2026, 11, 23, tzinfo=UTC)
ME = Identity.generate(
    "Jane Doe", "AMEMBASSY PARIS", role="Ambassador", clearance="SECRET", nationality="USA",
    created=NOW, expires=NOW + timedelta(days=730),
)  # fmt: skip


def test_identity_hides_secrets() -> None:
    text = repr(ME)
    assert ME.age_identity() not in text and "PRIVATE" not in text
    assert "Jane Doe" in text


def test_identity_exports_standard_forms() -> None:
    pub = ME.public()
    assert str(pub.encryption).startswith("age1")
    line = pub.ssh_line("jane")
    assert line.startswith("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5") and line.endswith(" jane")
    assert parse_ssh_ed25519_line(line).public_bytes_raw() == pub.signing
    key = read_openssh_private_key(ME.openssh_private_key())
    assert key.public_key().public_bytes_raw() == pub.signing
    assert str(X25519Identity.parse(ME.age_identity()).recipient()) == str(pub.encryption)


def test_identity_checks_its_fields() -> None:
    with pytest.raises(ValueError):
        Identity.generate("", "POST")
    with pytest.raises(ValueError):
        Identity.generate("A", "POST", nationality="France")


def test_card_round_trip() -> None:
    card = ContactCard.for_identity(ME)
    assert card.self_certified and card.fingerprint == ME.fingerprint
    back = ContactCard.parse(card.to_bytes(), now=NOW)
    assert back == card
    assert back.to_bytes() == card.to_bytes()
    assert json.loads(card.to_bytes().split(b"\n")[0])["format"] == "cabledesk.contact/1"


def test_forged_card_is_refused() -> None:
    data = ContactCard.for_identity(ME).to_bytes().replace(b"Jane Doe", b"John Doe")
    with pytest.raises(ContactError, match="self-signature is not valid"):
        ContactCard.parse(data, now=NOW)


def test_card_with_swapped_keys_is_refused() -> None:
    card = ContactCard.for_identity(ME)
    other = Identity.generate("Mallory", "X").public()
    forged = replace(card, keys=replace(card.keys, encryption=other.encryption))
    data = forged.body() + b"\n" + (card.signature or "").encode()
    with pytest.raises(ContactError, match="self-signature"):
        ContactCard.parse(data, now=NOW)


def test_expired_card_is_refused() -> None:
    data = ContactCard.for_identity(ME).to_bytes()
    with pytest.raises(ContactError, match="expired"):
        ContactCard.parse(data, now=NOW + timedelta(days=731))


@pytest.mark.parametrize(
    "change",
    [
        {"format": "cabledesk.contact/9"},
        {"ssh_key": "ssh-rsa AAAA"},
        {"age_recipient": "age1nope"},
        {"name": 3},
        {"surprise": 1},
        {"created": "yesterday"},
    ],
)
def test_malformed_cards(change: dict[str, Any]) -> None:
    body = json.loads(ContactCard.for_identity(ME).body())
    body.update(change)
    with pytest.raises(ContactError):
        ContactCard.parse(json.dumps(body).encode(), now=NOW)


@given(st.binary(max_size=500))
def test_garbage_raises_only_contact_error(data: bytes) -> None:
    try:
        ContactCard.parse(data, now=NOW)
    except ContactError:
        pass


def test_card_from_public_keys_is_not_self_certified() -> None:
    pub = ME.public()
    card = ContactCard.from_public_keys(
        name="Plain Tools", age_recipient=str(pub.encryption), ssh_key=pub.ssh_line("x")
    )
    assert not card.self_certified
    assert ContactCard.parse(card.to_bytes(), now=NOW) == card
    with pytest.raises(KeyFormatError):
        ContactCard.from_public_keys(name="x", age_recipient="age1bad", ssh_key=pub.ssh_line())


def test_fingerprint_and_safety_number() -> None:
    raw = bytes(range(32))
    assert fingerprint(raw) == fingerprint(raw) and fingerprint(raw).startswith("SHA256:")
    number = safety_number(raw)
    groups = number.split(" ")
    assert len(groups) == 12 and all(len(g) == 5 and g.isdigit() for g in groups)
    assert number == safety_number(raw)
    assert number != safety_number(bytes(range(1, 33)))
    assert number == GOLDEN_SAFETY_NUMBER


# Regression guard: people compare this number across versions of CableDesk.
GOLDEN_SAFETY_NUMBER = "54058 13351 87805 14121 59080 90945 28999 75308 65800 94048 47373 89488"


def test_fingerprint_takes_a_key_object_and_refuses_misuse() -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    raw = bytes(range(32))
    key = Ed25519PublicKey.from_public_bytes(raw)
    assert fingerprint(key) == fingerprint(raw)
    assert safety_number(key) == GOLDEN_SAFETY_NUMBER
    with pytest.raises(ValueError, match="32 bytes"):
        fingerprint(raw[:31])
    with pytest.raises(TypeError):
        safety_number("not a key")  # type: ignore[arg-type]

"""Contact cards: cabledesk.contact/2 written and read strictly, /1 still read as before."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cabledesk.crypto.age import X25519Identity
from cabledesk.crypto.age._bech32 import bech32_encode
from cabledesk.crypto.contact import ContactCard, card_fingerprint
from cabledesk.crypto.fingerprint import fingerprint, safety_number
from cabledesk.crypto.keys import Identity, parse_ssh_ed25519_line, read_openssh_private_key
from cabledesk.crypto.signedtext import canonical_json, plain_text_problem
from cabledesk.crypto.sshsig import ANCHOR_NAMESPACE, CONTACT_NAMESPACE, parse_signature, sign
from cabledesk.errors import ContactError, KeyFormatError

NOW = datetime(2026, 11, 23, tzinfo=UTC)
ME = Identity.generate(
    "Jane Doe", "AMEMBASSY PARIS", role="Ambassador", clearance="SECRET", nationality="USA",
    created=NOW, expires=NOW + timedelta(days=730), accesses=("ATOMAL", "CRYPTO"),
)  # fmt: skip
MALLORY = Identity.generate("Mallory", "X", created=NOW)
PQ = bech32_encode("age1pq", bytes(range(256)) * 4 + bytes(192))  # 1,216 bytes: syntax only


def _doc(identity: Identity = ME) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(ContactCard.for_identity(identity).body())
    return doc


def _signed(body: bytes, identity: Identity = ME, namespace: str = CONTACT_NAMESPACE) -> bytes:
    return body + b"\n" + sign(identity.signing_key, namespace, body).encode()


def _card_of(doc: dict[str, Any], identity: Identity = ME) -> bytes:
    return _signed(canonical_json(doc), identity)


# --- identities ---------------------------------------------------------------


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


@pytest.mark.parametrize(
    "details",
    [
        {"nationality": "France"},
        {"card_sequence": 0},
        {"card_sequence": 2**53},
        {"accesses": ("CRYPTO", "ATOMAL")},
        {"accesses": ("ATOMAL", "ATOMAL")},
        {"accesses": ("atomal",)},
    ],
)
def test_identity_checks_its_fields(details: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        Identity.generate("", "POST")
    with pytest.raises(ValueError):
        Identity.generate("A", "POST", **details)


# --- cabledesk.contact/2 ----------------------------------------------------------


def test_card_round_trip() -> None:
    card = ContactCard.for_identity(ME)
    assert card.self_certified and card.fingerprint == ME.fingerprint
    assert (card.format_version, card.format_id) == (2, "cabledesk.contact/2")
    assert (card.sequence, card.accesses, card.pq_recipient) == (1, ("ATOMAL", "CRYPTO"), None)
    back = ContactCard.parse(card.to_bytes(), now=NOW)
    assert back == card
    assert back.to_bytes() == card.to_bytes()
    doc = json.loads(card.to_bytes().split(b"\n")[0])
    assert doc["format"] == "cabledesk.contact/2" and doc["sequence"] == 1
    assert sorted(doc) == sorted([
        "format", "sequence", "created", "expires", "name", "post", "role", "email", "scheme",
        "clearance", "nationality", "accesses", "age_recipient", "pq_recipient", "ssh_key",
    ])  # fmt: skip


def test_card_carries_the_identity_sequence() -> None:
    card = ContactCard.for_identity(replace(ME, card_sequence=7))
    assert ContactCard.parse(card.to_bytes(), now=NOW).sequence == 7


def test_card_with_a_post_quantum_recipient() -> None:
    unsigned = replace(ContactCard.for_identity(ME), pq_recipient=PQ)
    card = ContactCard.parse(_signed(unsigned.body()), now=NOW)
    assert card.pq_recipient == PQ
    assert card.key_set() == f"{ME.public().ssh_line()}\n{ME.public().encryption}\n{PQ}"


def test_forged_card_is_refused() -> None:
    data = ContactCard.for_identity(ME).to_bytes().replace(b"Jane Doe", b"John Doe")
    with pytest.raises(ContactError, match="self-signature is not valid"):
        ContactCard.parse(data, now=NOW)
    assert ContactCard.parse_covered(data).name == "John Doe"  # covered by another signature


def test_card_with_swapped_keys_is_refused() -> None:
    card = ContactCard.for_identity(ME)
    forged = replace(card, keys=replace(card.keys, encryption=MALLORY.public().encryption))
    data = forged.body() + b"\n" + (card.signature or "").encode()
    with pytest.raises(ContactError, match="self-signature"):
        ContactCard.parse(data, now=NOW)


def test_card_signed_by_another_key_is_refused() -> None:
    data = _signed(ContactCard.for_identity(ME).body(), MALLORY)
    with pytest.raises(ContactError, match="another key"):
        ContactCard.parse(data, now=NOW)
    assert ContactCard.parse_covered(data).name == "Jane Doe"  # its signature is not read


def test_a_covered_card_still_needs_a_signature() -> None:
    body = ContactCard.for_identity(ME).body()
    for rest in (
        b"",
        b"junk\n",
        "-----BEGIN SSH SIGNATURE-----\né\n-----END SSH SIGNATURE-----\n".encode(),
    ):
        with pytest.raises(ContactError, match="no signature"):
            ContactCard.parse_covered(body + b"\n" + rest)


def test_card_signed_in_another_namespace_is_refused() -> None:
    data = _signed(ContactCard.for_identity(ME).body(), ME, ANCHOR_NAMESPACE)
    with pytest.raises(ContactError, match="different purpose"):
        ContactCard.parse(data, now=NOW)


def test_expired_card_is_refused() -> None:
    data = ContactCard.for_identity(ME).to_bytes()
    with pytest.raises(ContactError, match="expired"):
        ContactCard.parse(data, now=NOW + timedelta(days=731))
    assert ContactCard.parse(data, now=None).expires == NOW + timedelta(days=730)


def test_a_v2_card_needs_its_signature() -> None:
    body = ContactCard.for_identity(ME).body()
    for data in (body, body + b"\n"):
        with pytest.raises(ContactError, match="no signature"):
            ContactCard.parse(data, now=NOW)


def _format_first(body: bytes) -> bytes:
    field = b'"format":"cabledesk.contact/2",'
    return b"{" + field + body.replace(field, b"")[1:]


@pytest.mark.parametrize(
    ("make", "match"),
    [
        (lambda b: b.replace(b'","', b'", "', 1), "exact form"),  # white space
        (lambda b: _format_first(b), "exact form"),  # keys out of order
        (lambda b: b.replace(b"Jane", b"\\u004aane"), "exact form"),  # a needless escape
        (
            lambda b: b.replace(b'"name":"Jane Doe"', b'"name":"Jane Doe",' * 2 + b'"name":"x"'),
            "twice",
        ),
        (lambda b: b.replace(b'"sequence":1', b'"sequence":1.0'), "whole number"),
        (lambda b: b[:-1] + b',"zz":1}', "not part of the format"),
        (lambda b: b.replace(b'"role":"Ambassador",', b""), "role is missing"),
    ],
)
def test_v2_form_is_strict(make: Any, match: str) -> None:
    data = _signed(make(ContactCard.for_identity(ME).body()))
    with pytest.raises(ContactError, match=match):
        ContactCard.parse(data, now=NOW)


@pytest.mark.parametrize(
    ("change", "match"),
    [
        ({"name": "Jane\u202eeoD"}, "invisible or control character .U\\+202E"),  # bidi override
        ({"name": "Jane\u2066Doe"}, "U\\+2066"),  # isolate
        ({"post": "AMEMBASSY\u200bPARIS"}, "U\\+200B"),  # zero width
        ({"role": "Amb\x1b[31m"}, "U\\+001B"),  # terminal escape
        ({"name": "Jane\nDoe"}, "U\\+000A"),
        ({"clearance": "SE\u2028CRET"}, "U\\+2028"),
        ({"name": " Jane Doe"}, "white space"),
        ({"post": "AMEMBASSY PARIS "}, "white space"),
        ({"name": ""}, "must not be empty"),
        ({"name": "J" * 201}, "longer than 200"),
        ({"email": ""}, "must not be empty"),
        ({"email": 3}, "must be text"),
        ({"sequence": 0}, "from 1"),
        ({"sequence": -1}, "negative"),
        ({"sequence": 2**53}, "from 1"),
        ({"sequence": True}, "whole number"),
        ({"created": None}, "UTC time"),
        ({"created": "2026-11-23 00:00:00Z"}, "UTC time"),
        ({"created": "2026-02-30T00:00:00Z"}, "UTC time"),
        ({"expires": "2026-11-22T00:00:00Z"}, "later than the field created"),
        ({"expires": "2026-11-23T00:00:00Z"}, "later than the field created"),
        ({"accesses": ["CRYPTO", "ATOMAL"]}, "sorted"),
        ({"accesses": ["ATOMAL", "ATOMAL"]}, "sorted"),
        ({"accesses": ["atomal"]}, "special-access category"),
        ({"accesses": "ATOMAL"}, "a list"),
        ({"scheme": "US"}, "scheme id"),
        ({"nationality": "fra"}, "three-letter"),
        ({"nationality": "FRANCE"}, "three-letter"),
        ({"age_recipient": str(ME.public().encryption).upper()}, "lower case"),
        ({"age_recipient": "age1nope"}, "age_recipient is not a valid key"),
        ({"pq_recipient": "age1pq1nope"}, "pq_recipient is not a valid key"),
        ({"pq_recipient": str(ME.public().encryption)}, "pq_recipient is not a valid key"),
        ({"ssh_key": ME.public().ssh_line("jane@laptop")}, "without a comment"),
        ({"ssh_key": "ssh-rsa AAAA"}, "ssh_key is not a valid key"),
    ],
)
def test_v2_fields_are_checked(change: dict[str, Any], match: str) -> None:
    doc = _doc() | change
    with pytest.raises(ContactError, match=match):
        ContactCard.parse(_card_of(doc), now=NOW)


def test_v2_accepts_plain_text_of_every_script() -> None:
    doc = _doc() | {"name": "Zoë Ωmega-李 ✈", "post": "AMBAFRANCE\u00a0BERLIN", "role": ""}
    card = ContactCard.parse(_card_of(doc), now=NOW)
    assert card.name == "Zoë Ωmega-李 ✈" and card.post == "AMBAFRANCE\u00a0BERLIN"


def test_v2_signature_must_be_in_ssh_keygen_form() -> None:
    data = ContactCard.for_identity(ME).to_bytes()
    body, _, armor = data.partition(b"\n")
    variants = [
        body + b"\n" + armor.replace(b"\n", b"\r\n"),
        body + b"\n" + armor + b"\n",
        body + b"\n" + armor.rstrip(b"\n"),
        body + b"\n" + armor + b"junk",
    ]
    for variant in variants:
        with pytest.raises(ContactError, match="signature"):
            ContactCard.parse(variant, now=NOW)


def test_newer_format_is_reported_as_newer() -> None:
    for data in (
        _card_of(_doc() | {"format": "cabledesk.contact/3"}),
        canonical_json({"format": "cabledesk.contact/12", "anything": ["new"]}),
        b'{ "format" : "cabledesk.contact/3" }',
    ):
        with pytest.raises(ContactError, match="made by a newer version of CableDesk") as caught:
            ContactCard.parse(data, now=NOW)
        assert caught.value.hint is not None and "Update CableDesk" in caught.value.hint


@pytest.mark.parametrize(
    "format_id", ["cabledesk.contact/0", "cabledesk.contact/02", "cabledesk.anchor/1", "x", 2]
)
def test_other_formats_are_not_cards(format_id: object) -> None:
    with pytest.raises(ContactError, match="is not a contact card"):
        ContactCard.parse(_card_of(_doc() | {"format": format_id}), now=NOW)


@pytest.mark.parametrize(
    ("data", "match"),
    [
        (b"\xff\xfe", "not UTF-8"),
        (b"[1]", "JSON object"),
        (b"{", "not valid JSON"),
        (b'{"a":' + b"1" * 5000 + b"}", "not valid JSON"),
        (b"[" * 60_000, "not valid JSON"),
        (b"{}" + b"\n" * (64 * 1024), "too large"),
    ],
)
def test_garbage_is_refused(data: bytes, match: str) -> None:
    with pytest.raises(ContactError, match=match):
        ContactCard.parse(data, now=NOW)


def test_own_card_cannot_carry_hidden_characters() -> None:
    with pytest.raises(ContactError, match="Your identity cannot be written"):
        ContactCard.for_identity(replace(ME, name="Jane\u202eDoe"))
    with pytest.raises(ContactError, match="later than the field created"):
        ContactCard.for_identity(replace(ME, expires=NOW))


_plain = st.text(min_size=1, max_size=40).filter(lambda t: plain_text_problem(t) is None)


@pytest.mark.slow
@given(name=_plain, post=_plain, sequence=st.integers(1, 2**53 - 1))
def test_v2_round_trip(name: str, post: str, sequence: int) -> None:
    card = ContactCard.for_identity(replace(ME, name=name, post=post, card_sequence=sequence))
    back = ContactCard.parse(card.to_bytes(), now=NOW)
    assert back == card and back.to_bytes() == card.to_bytes()
    assert (back.name, back.post, back.sequence) == (name, post, sequence)


CARD = ContactCard.for_identity(ME).to_bytes()


@given(st.integers(0, len(CARD) - 1), st.integers(1, 255))
def test_any_byte_flip_is_refused_or_same(position: int, flip: int) -> None:
    data = bytearray(CARD)
    data[position] ^= flip
    try:
        card = ContactCard.parse(bytes(data), now=NOW)
    except ContactError:
        return
    assert card == ContactCard.parse(CARD, now=NOW)


@given(st.binary(max_size=500))
def test_garbage_raises_only_contact_error(data: bytes) -> None:
    try:
        ContactCard.parse(data, now=NOW)
    except ContactError:
        pass


# --- card_fingerprint: the fast read of a directory's cards ---------------------


def test_card_fingerprint_agrees_with_parse() -> None:
    for card in (ContactCard.for_identity(ME), ContactCard.for_identity(MALLORY)):
        assert card_fingerprint(card.to_bytes().decode()) == card.fingerprint
    with pytest.raises(ContactError, match="newer version"):
        card_fingerprint(canonical_json({"format": "cabledesk.contact/3"}).decode())
    with pytest.raises(ContactError, match="not valid JSON"):
        card_fingerprint("garbage")


@given(st.integers(0, len(CARD) - 1), st.integers(1, 255))
def test_card_fingerprint_never_disagrees_with_a_card_that_parses(position: int, flip: int) -> None:
    data = bytearray(CARD)
    data[position] ^= flip
    try:
        fast = card_fingerprint(bytes(data).decode("utf-8"))
        card = ContactCard.parse_covered(bytes(data))
    except (ContactError, UnicodeDecodeError):
        return
    assert fast == card.fingerprint


# --- raw keys, fingerprints -----------------------------------------------------


def test_card_from_public_keys_is_not_self_certified() -> None:
    pub = ME.public()
    card = ContactCard.from_public_keys(
        name="Plain Tools", age_recipient=str(pub.encryption), ssh_key=pub.ssh_line("x")
    )
    assert not card.self_certified and card.format_version == 1 and card.sequence == 0
    assert ContactCard.parse(card.to_bytes(), now=NOW) == card
    assert card.key_set() == f"{pub.ssh_line()}\n{pub.encryption}"
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


def test_signature_of_a_card_is_its_own() -> None:
    card = ContactCard.for_identity(ME)
    assert card.signature is not None
    assert parse_signature(card.signature).public_key == ME.public().signing

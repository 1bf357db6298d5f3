"""Anchors (cabledesk.anchor/1): issued, read, self-signature, scope, successor, hostile input."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cabledesk.crypto.anchor import Anchor, AnchorScope
from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.fingerprint import fingerprint, safety_number
from cabledesk.crypto.signedtext import canonical_json, plain_text_problem
from cabledesk.crypto.sshsig import ANCHOR_NAMESPACE, DIRECTORY_NAMESPACE, sign
from cabledesk.errors import DirectoryError
from tests.crypto.dirkit import ANCHOR, ANCHOR_KEY, NOW, OTHER_KEY, anchor, directory, person

DATA = ANCHOR.to_bytes()


def _doc() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(DATA.partition(b"\n")[0])
    return doc


def _signed(doc: dict[str, Any], key: Any = ANCHOR_KEY, namespace: str = ANCHOR_NAMESPACE) -> bytes:
    body = canonical_json(doc)
    return body + b"\n" + sign(key, namespace, body).encode()


def test_issue_and_parse() -> None:
    back = Anchor.parse(DATA)
    assert back == ANCHOR and back.to_bytes() == DATA
    assert back.name == "MFA SECURITY OFFICE" and back.created == NOW
    assert back.key == ANCHOR_KEY.public_key().public_bytes_raw()
    assert back.fingerprint == fingerprint(back.key)
    assert back.safety_number == safety_number(back.key)  # as for a contact's key
    assert (
        back.ssh_key.startswith("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5") and " " not in back.ssh_key[12:]
    )
    assert back.scope == AnchorScope(("FRA", "USA"), ()) and back.successor is None
    assert _doc() == {
        "format": "cabledesk.anchor/1", "name": "MFA SECURITY OFFICE", "ssh_key": back.ssh_key,
        "created": "2026-12-01T09:00:00Z",
        "scope": {"nationalities": ["FRA", "USA"], "schemes": []}, "successor": None,
    }  # fmt: skip


def test_scope() -> None:
    assert ANCHOR.covers("FRA", "us") and ANCHOR.covers("USA", "nato")
    assert not ANCHOR.covers("DEU", "us")
    narrow = anchor(nationalities=("GBR",), schemes=("nato", "uk"))
    assert narrow.covers("GBR", "uk") and not narrow.covers("GBR", "us")
    unlimited = anchor(nationalities=())
    assert unlimited.scope.unlimited and unlimited.covers("BRA", "anything")
    for bad in ((("USA", "FRA"), ()), (("FRA", "FRA"), ()), (("fr",), ()), ((), ("US",))):
        with pytest.raises(ValueError):
            AnchorScope(*bad)


def test_successor_is_named_by_the_old_key() -> None:
    reissued = Anchor.issue(
        ANCHOR_KEY, name="MFA SECURITY OFFICE", created=NOW, successor=OTHER_KEY.public_key()
    )
    back = Anchor.parse(reissued.to_bytes())
    assert back.key == ANCHOR.key and back.successor == OTHER_KEY.public_key().public_bytes_raw()
    assert back.successor_fingerprint == fingerprint(OTHER_KEY.public_key())
    with pytest.raises(DirectoryError, match="own key"):
        Anchor.issue(ANCHOR_KEY, name="X", created=NOW, successor=ANCHOR_KEY.public_key())


def test_signed_by_another_key_is_refused() -> None:
    with pytest.raises(DirectoryError, match="expected signer"):
        Anchor.parse(_signed(_doc(), OTHER_KEY))


def test_changed_anchor_is_refused() -> None:
    body, _, signature = DATA.partition(b"\n")
    forged = body.replace(b'"FRA","USA"', b'"DEU","FRA","USA"') + b"\n" + signature
    with pytest.raises(DirectoryError, match="changed"):
        Anchor.parse(forged)


def test_a_directory_signature_is_not_an_anchors() -> None:
    # the anchor key signs directories too: its signature on a directory must not
    # pass for its signature on an anchor
    with pytest.raises(DirectoryError, match="different purpose"):
        Anchor.parse(_signed(_doc(), ANCHOR_KEY, DIRECTORY_NAMESPACE))


def test_other_files_are_not_anchors() -> None:
    with pytest.raises(DirectoryError, match="not an anchor"):
        Anchor.parse(directory([]).to_bytes())
    card = ContactCard.for_identity(person("Jane Doe"))
    with pytest.raises(DirectoryError, match="not an anchor"):
        Anchor.parse(card.to_bytes())


@pytest.mark.parametrize(
    ("change", "match"),
    [
        ({"format": "cabledesk.anchor/2"}, "made by a newer version of CableDesk"),
        ({"name": "MFA\u202eSECURITY"}, "U\\+202E"),
        ({"name": ""}, "must not be empty"),
        ({"name": "M" * 201}, "longer than 200"),
        ({"created": "yesterday"}, "UTC time"),
        ({"scope": {"nationalities": ["USA", "FRA"], "schemes": []}}, "sorted"),
        ({"scope": {"nationalities": ["FRA", "FRA"], "schemes": []}}, "sorted"),
        ({"scope": {"nationalities": ["fra"], "schemes": []}}, "three-letter"),
        ({"scope": {"nationalities": [], "schemes": ["US"]}}, "scheme id"),
        ({"scope": {"nationalities": []}}, "schemes is missing"),
        ({"scope": {"nationalities": [], "schemes": [], "roles": []}}, "not part of the format"),
        ({"scope": []}, "must be an object"),
        ({"successor": "ssh-rsa AAAA"}, "successor is not a valid key"),
        ({"extra": 1}, "not part of the format"),
    ],
)
def test_fields_are_checked(change: dict[str, Any], match: str) -> None:
    with pytest.raises(DirectoryError, match=match):
        Anchor.parse(_signed(_doc() | change))


def test_missing_fields_and_signature() -> None:
    doc = _doc()
    del doc["successor"]
    with pytest.raises(DirectoryError, match="successor is missing"):
        Anchor.parse(_signed(doc))
    with pytest.raises(DirectoryError, match="no signature"):
        Anchor.parse(DATA.partition(b"\n")[0])
    with pytest.raises(DirectoryError, match="too large"):
        Anchor.parse(DATA + b" " * 65536)


@given(st.text(min_size=1, max_size=60).filter(lambda t: plain_text_problem(t) is None))
def test_round_trip(name: str) -> None:
    issued = Anchor.issue(ANCHOR_KEY, name=name, created=NOW)
    assert Anchor.parse(issued.to_bytes()) == issued and issued.name == name


@given(st.integers(0, len(DATA) - 1), st.integers(1, 255))
def test_any_byte_flip_is_refused_or_same(position: int, flip: int) -> None:
    data = bytearray(DATA)
    data[position] ^= flip
    try:
        back = Anchor.parse(bytes(data))
    except DirectoryError:
        return
    assert back == ANCHOR


@given(st.binary(max_size=400))
def test_garbage_raises_only_directory_error(data: bytes) -> None:
    try:
        Anchor.parse(data)
    except DirectoryError:
        pass

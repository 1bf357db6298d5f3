"""The strict JSON reader every outside format goes through: what it refuses, typed."""

from __future__ import annotations

import json

import pytest

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.crypto.sshsig import CONTACT_NAMESPACE, sign
from cabledesk.errors import ContactError, PackageError
from cabledesk.jsonread import Reader


def test_a_lone_surrogate_is_not_text() -> None:
    root = Reader.from_json(b'{"name": "Eve \\ud800"}', what="card", error=PackageError)
    with pytest.raises(PackageError, match="name holds text that is not valid Unicode"):
        root.field("name").text()
    assert Reader.from_json('{"n": "Ève 😀"}'.encode(), what="x").field("n").text() == "Ève 😀"


def test_an_integer_too_long_to_convert_is_a_typed_error() -> None:
    with pytest.raises(PackageError, match="not valid JSON"):
        Reader.from_json(b'{"size": ' + b"9" * 5000 + b"}", what="manifest", error=PackageError)


def test_a_v1_card_with_a_lone_surrogate_is_refused_not_a_crash() -> None:
    """It parsed, then importing it raised UnicodeEncodeError in the database (exit 3)."""
    p = Identity.generate("Eve", "X")
    fields = {
        "age_recipient": str(p.encryption_key.recipient()), "clearance": "", "created": None,
        "email": None, "expires": None, "format": "cabledesk.contact/1", "name": "Eve \ud800",
        "nationality": "", "post": "", "role": "", "scheme": "us", "ssh_key": p.public().ssh_line(),
    }  # fmt: skip
    body = json.dumps(fields, sort_keys=True, separators=(",", ":")).encode()
    assert b"\\ud800" in body  # JSON can write it
    card = body + b"\n" + sign(p.signing_key, CONTACT_NAMESPACE, body).encode()
    with pytest.raises(ContactError, match="not valid Unicode"):
        ContactCard.parse(card, now=None)

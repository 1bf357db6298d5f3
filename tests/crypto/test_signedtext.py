"""The signed-JSON-text layout and the field rules that cards, anchors, directories and
clearance statements share."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given
from hypothesis import strategies as st

from cabledesk.crypto.keys import read_exact_ssh_ed25519, ssh_ed25519_line
from cabledesk.crypto.signedtext import (
    SignedTextFormat,
    canonical_json,
    format_time,
    key_field,
    newer_version,
    plain_text,
    plain_text_problem,
    read_time,
)
from cabledesk.crypto.sshsig import CLEARANCE_NAMESPACE, SEAL_NAMESPACE, sign
from cabledesk.errors import ClearanceError
from cabledesk.jsonread import Reader

KEY = Ed25519PrivateKey.generate()
OTHER = Ed25519PrivateKey.generate()
NOTE = SignedTextFormat(
    family="cabledesk.note", version=2, what="note", error=ClearanceError,
    namespace=CLEARANCE_NAMESPACE, max_bytes=4096,
)  # fmt: skip
DOC = {"format": "cabledesk.note/2", "text": "Cleared.", "n": 1}


def test_sign_read_verify_round_trip() -> None:
    data = NOTE.sign(DOC, KEY)
    assert data.startswith(b'{"format":"cabledesk.note/2","n":1,"text":"Cleared."}\n')
    assert data.endswith(b"-----END SSH SIGNATURE-----\n")
    text = NOTE.read(data)
    assert text.root.field("text").text() == "Cleared." and text.to_bytes() == data
    assert text.verify(KEY.public_key()).namespace == CLEARANCE_NAMESPACE
    assert (
        text.verify(KEY.public_key().public_bytes_raw()).fingerprint == text.signature.fingerprint
    )


def test_verify_names_what_failed() -> None:
    text = NOTE.read(NOTE.sign(DOC, KEY))
    with pytest.raises(ClearanceError, match="expected signer"):
        text.verify(OTHER.public_key())
    body = canonical_json(DOC)
    wrong_purpose = NOTE.read(body + b"\n" + sign(KEY, SEAL_NAMESPACE, body).encode())
    with pytest.raises(ClearanceError, match="different purpose"):
        wrong_purpose.verify(KEY.public_key())
    changed = canonical_json(DOC | {"n": 2})
    forged = NOTE.read(changed + b"\n" + sign(KEY, CLEARANCE_NAMESPACE, body).encode())
    with pytest.raises(ClearanceError, match="changed"):
        forged.verify(KEY.public_key())


@pytest.mark.parametrize(
    ("data", "match"),
    [
        (b"x" * 5000, "too large"),
        (b"\xc3\x28", "not UTF-8"),
        (b"not json", "not valid JSON"),
        (b'"text"', "JSON object"),
        (b"{}", "no format field"),
        (b'{"format":"cabledesk.note/3"}', "made by a newer version of CableDesk"),
        (b'{"format":"cabledesk.note/1"}', "does not read"),
        (b'{"format":"cabledesk.memo/2"}', "not a note"),
        (canonical_json(DOC).replace(b",", b", "), "exact form"),
        (canonical_json(DOC).replace(b"Cleared", b"\\u0043leared"), "exact form"),
        (canonical_json(DOC).replace(b"Cleared.", b"\\ud800"), "exact form"),
        (canonical_json(DOC)[:-1] + b',"n":1}', "twice"),
        (canonical_json(DOC), "no signature"),
        (canonical_json(DOC) + b"\n-----BEGIN SSH SIGNATURE-----\nAAAA\n", "damaged"),
    ],
)
def test_read_refuses(data: bytes, match: str) -> None:
    with pytest.raises(ClearanceError, match=match):
        NOTE.read(data)


class NewerNote(ClearanceError):
    def __init__(self, format_id: str) -> None:
        super().__init__(*newer_version("note", format_id))
        self.format_id = format_id


def test_a_format_may_raise_its_own_newer_error() -> None:
    own = replace(NOTE, newer=NewerNote)
    with pytest.raises(NewerNote, match=r"note was made by a newer version.*note/3") as caught:
        own.read(b'{"format":"cabledesk.note/3"}')
    assert caught.value.format_id == "cabledesk.note/3" and caught.value.hint
    with pytest.raises(ClearanceError, match="not a note") as other:
        own.read(b'{"format":"cabledesk.memo/3"}')
    assert not isinstance(other.value, NewerNote)


def test_key_field() -> None:
    key = KEY.public_key().public_bytes_raw()
    r = Reader(
        {"k": ssh_ed25519_line(key), "n": 5, "c": ssh_ed25519_line(key, "me")},
        "",
        "note",
        ClearanceError,
    )
    assert key_field(r.field("k"), read_exact_ssh_ed25519) == key
    with pytest.raises(ClearanceError, match="field n must be text"):
        key_field(r.field("n"), read_exact_ssh_ed25519)
    with pytest.raises(ClearanceError, match=r"field c is not a valid key: .*without a comment"):
        key_field(r.field("c"), read_exact_ssh_ed25519)


def test_sign_refuses_another_format() -> None:
    with pytest.raises(ValueError):
        NOTE.sign({"format": "cabledesk.note/1"}, KEY)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Jane Doe", None),
        ("Zoë Ωmega 李 ✈ 🇫🇷", None),
        ("AMBAFRANCE\u00a0BERLIN", None),  # a no-break space is visible space
        ("", None),
        (" Jane", "white space"),
        ("Jane\t", "white space"),
        ("Jane\u3000", "white space"),
        ("a\x00b", "U+0000"),
        ("a\x7fb", "U+007F"),
        ("a\x85b", "U+0085"),
        ("a\u200bb", "U+200B"),
        ("a\u200db", "U+200D"),
        ("a\u202ab", "U+202A"),
        ("a\u202eb", "U+202E"),
        ("a\u2066b", "U+2066"),
        ("a\u2069b", "U+2069"),
        ("a\ufeffb", "U+FEFF"),
        ("a\u2028b", "U+2028"),
        ("a\u2029b", "U+2029"),
        ("x" * 201, "longer than 200"),
    ],
)
def test_plain_text_rule(text: str, problem: str | None) -> None:
    found = plain_text_problem(text)
    assert (found is None) if problem is None else (found is not None and problem in found)


def test_plain_text_limits() -> None:
    assert plain_text_problem("x" * 2000, max_chars=2000) is None
    r = Reader({"comment": ""}, "", "note", ClearanceError).field("comment")
    assert plain_text(r, allow_empty=True) == ""
    with pytest.raises(ClearanceError, match="comment must not be empty"):
        plain_text(r)


@given(st.text(max_size=50))
def test_plain_text_is_stable_under_reading(text: str) -> None:
    r = Reader({"t": text}, "", "note", ClearanceError).field("t")
    try:
        assert plain_text(r, allow_empty=True) == text
    except ClearanceError:
        assert plain_text_problem(text) is not None


def test_times() -> None:
    moment = datetime(2026, 12, 1, 10, 0, 5, 999, tzinfo=timezone(timedelta(hours=1)))
    assert format_time(moment) == "2026-12-01T09:00:05Z"
    r = Reader({"t": "2026-12-01T09:00:05Z"}, "", "note", ClearanceError).field("t")
    assert read_time(r) == datetime(2026, 12, 1, 9, 0, 5, tzinfo=UTC)
    for bad in ("2026-12-01T09:00:05", "2026-12-01T09:00:05.1Z", "2026-13-01T09:00:05Z", 5):
        with pytest.raises(ClearanceError, match="UTC time"):
            read_time(Reader({"t": bad}, "", "note", ClearanceError).field("t"))
    with pytest.raises(ValueError):
        format_time(datetime(2026, 12, 1))  # naive, on purpose

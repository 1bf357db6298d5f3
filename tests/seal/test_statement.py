"""Clearance statements (cabledesk.statement/1): made, read strictly, checked, and about
exactly one text of one cable."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cabledesk.crypto.sshsig import CLEARANCE_NAMESPACE, SEAL_NAMESPACE, sign
from cabledesk.domain.cable import Attachment
from cabledesk.domain.clearance import clearance_sha256
from cabledesk.errors import ClearanceError
from cabledesk.seal import NewerStatement, Statement, StatementRole
from tests.seal.kit import CABLE, JANE, MALLORY, NOW

TEXT = clearance_sha256(CABLE)


def make(**changes: Any) -> Statement:
    fields: dict[str, Any] = {
        "role": "cleared", "cable_id": CABLE.id, "text_sha256": TEXT, "name": JANE.name,
        "made": NOW, "office": "POL", "comment": "Cleared; see para 2.",
    }  # fmt: skip
    fields.update(changes)
    return Statement.sign(JANE.signing_key, **fields)


GOOD = make()
DATA = GOOD.to_bytes()


def resigned(edit: Any, *, signer: Any = JANE, namespace: str = CLEARANCE_NAMESPACE) -> bytes:
    """The statement with its line 1 edited (as a dict), then signed again."""
    doc = json.loads(DATA.partition(b"\n")[0])
    edit(doc)
    body = json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    return body + b"\n" + sign(signer.signing_key, namespace, body).encode()


def test_round_trip_and_layout() -> None:
    body, newline, armor = DATA.partition(b"\n")
    assert newline and armor.startswith(b"-----BEGIN SSH SIGNATURE-----\n")
    assert armor.endswith(b"-----END SSH SIGNATURE-----\n")
    doc = json.loads(body)
    assert sorted(doc) == sorted(
        ["format", "role", "cable_id", "text_sha256", "signer", "office", "made", "comment"]
    )
    assert doc["format"] == "cabledesk.statement/1" and doc["made"] == "2026-11-23T14:05:09Z"
    assert doc["signer"] == {
        "name": "Jane Doe", "fingerprint": JANE.fingerprint, "ssh_key": JANE.public().ssh_line(),
    }  # fmt: skip
    parsed = Statement.parse(DATA)
    assert parsed == GOOD and parsed.to_bytes() == DATA
    assert parsed.role is StatementRole.CLEARED and parsed.signer.fingerprint == JANE.fingerprint
    parsed.verify()


@pytest.mark.parametrize("role", [r.value for r in StatementRole])
def test_every_role(role: str) -> None:
    statement = Statement.parse(make(role=role).to_bytes())
    statement.verify()
    assert statement.role == role


def test_covers_the_clearance_form_only() -> None:
    assert GOOD.covers(CABLE)
    # Release fills in the DTG and the serial: the clearance still holds.
    assert GOOD.covers(replace(CABLE, dtg=NOW + timedelta(days=2), serial="0099"))
    # Any edit of the text, its marks or its attachments voids it.
    assert not GOOD.covers(replace(CABLE, subject="FRANCE: ANOTHER SUBJECT"))
    assert not GOOD.covers(replace(CABLE, attachments=(Attachment("annex.pdf", size=10),)))
    assert not GOOD.covers(replace(CABLE, id="5b0e1b9a-0000-4000-8000-00000000beef"))
    assert not make(cable_id="another cable").covers(CABLE)


def test_another_signer_key() -> None:
    # Mallory signs a statement that names Jane as its signer.
    forged = resigned(lambda d: None, signer=MALLORY)
    with pytest.raises(ClearanceError, match=r"not valid.*made by"):
        Statement.parse(forged).verify()


def test_wrong_namespace() -> None:
    other_purpose = resigned(lambda d: None, namespace=SEAL_NAMESPACE)
    with pytest.raises(ClearanceError, match="different purpose"):
        Statement.parse(other_purpose).verify()


def test_altered_after_signing() -> None:
    body, _, armor = DATA.partition(b"\n")
    altered = body.replace(b'"role":"cleared"', b'"role":"approved"') + b"\n" + armor
    with pytest.raises(ClearanceError, match="changed after it was signed"):
        Statement.parse(altered).verify()


def test_newer_format_is_not_damage() -> None:
    with pytest.raises(NewerStatement, match="newer version of CableDesk") as caught:
        Statement.parse(resigned(lambda d: d.update(format="cabledesk.statement/2")))
    assert caught.value.format_id == "cabledesk.statement/2"
    with pytest.raises(ClearanceError, match="not a clearance statement"):
        Statement.parse(resigned(lambda d: d.update(format="cabledesk.contact/1")))


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d.update(role="signed"), "not one of drafted, cleared"),
        (lambda d: d.pop("office"), "office is missing"),
        (lambda d: d.update(extra=1), "extra is not part of the format"),
        (lambda d: d.update(text_sha256="AB" * 32), "lower-case hex"),
        (lambda d: d.update(made="2026-11-23 14:05"), "UTC time"),
        (lambda d: d.update(cable_id=""), "cable_id must not be empty"),
        (lambda d: d["signer"].update(name="Jane\u202eeoD"), r"invisible or control.*U\+202E"),
        (lambda d: d["signer"].update(name=" Jane Doe"), "white space"),
        (lambda d: d["signer"].update(name="J" * 201), "longer than 200"),
        (lambda d: d.update(comment="x" * 2001), "longer than 2,000"),
        (lambda d: d.update(comment="line\nbreak"), "control"),
        (lambda d: d.update(office="POL\u200b"), r"invisible or control.*U\+200B"),
        (lambda d: d["signer"].update(fingerprint=MALLORY.fingerprint), "does not belong"),
        (lambda d: d["signer"].update(ssh_key=JANE.public().ssh_line("jane@laptop")),
         "without a comment"),
        (lambda d: d["signer"].update(ssh_key="ssh-rsa AAAA"), "not an OpenSSH Ed25519"),
        (lambda d: d["signer"].pop("name"), "signer.name is missing"),
    ],
)  # fmt: skip
def test_malformed_fields_are_named(edit: Any, message: str) -> None:
    with pytest.raises(ClearanceError, match=message):
        Statement.parse(resigned(edit))


def test_one_encoding_only() -> None:
    body, _, armor = DATA.partition(b"\n")
    spaced = json.dumps(json.loads(body), sort_keys=True, indent=1).encode()
    with pytest.raises(ClearanceError, match="canonical"):
        Statement.parse(spaced.replace(b"\n", b"") + b"\n" + armor)
    with pytest.raises(ClearanceError, match="signature is not in the exact form"):
        Statement.parse(body + b"\n" + armor.replace(b"\n", b"\r\n"))
    with pytest.raises(ClearanceError, match="signature is not in the exact form"):
        Statement.parse(DATA + b"\n")
    with pytest.raises(ClearanceError, match="signature is damaged"):
        Statement.parse(body + b"\n" + armor[:-40] + b"\n")
    with pytest.raises(ClearanceError, match="has no signature"):
        Statement.parse(body)
    with pytest.raises(ClearanceError, match="has no signature"):
        Statement.parse(body + b"\n")
    with pytest.raises(ClearanceError, match="too large to be a clearance statement"):
        Statement.parse(DATA + b" " * 70_000)


def test_signing_refuses_what_the_format_does_not_allow() -> None:
    with pytest.raises(ValueError, match="not one of"):
        make(role="signed")
    with pytest.raises(ValueError, match="control"):
        make(name="Jane\x00Doe")
    with pytest.raises(ValueError, match="timezone-aware"):
        make(made=datetime(2026, 11, 23, 14, 5))
    with pytest.raises(ValueError, match="lower-case hex"):
        make(text_sha256="xyz")
    with pytest.raises(TypeError):
        Statement.sign(JANE.encryption_key, role="cleared", cable_id="x", text_sha256=TEXT,  # type: ignore[arg-type]
                       name="Jane", made=NOW)  # fmt: skip


@given(
    name=st.text(min_size=1, max_size=30).map(str.strip).filter(bool),
    comment=st.text(max_size=60).map(str.strip),
)
def test_any_plain_text_round_trips(name: str, comment: str) -> None:
    try:
        statement = make(name=name, comment=comment)
    except ValueError:
        return  # control or invisible characters: refused when signing, as when reading
    parsed = Statement.parse(statement.to_bytes())
    parsed.verify()
    assert parsed == statement


@given(st.binary(max_size=600))
def test_garbage_is_a_clearance_error(data: bytes) -> None:
    try:
        Statement.parse(data).verify()
    except ClearanceError:
        pass


@given(st.integers(min_value=0, max_value=len(DATA) * 8 - 1))
def test_no_bit_flip_goes_unnoticed(bit: int) -> None:
    flipped = bytearray(DATA)
    flipped[bit >> 3] ^= 1 << (bit & 7)
    try:
        statement = Statement.parse(bytes(flipped))
        statement.verify()
    except ClearanceError:
        return
    assert statement == GOOD  # only a change that parses back to the same statement

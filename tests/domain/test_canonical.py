from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cabledesk.domain.cable import (
    Addressee,
    Attachment,
    Authority,
    Cable,
    Paragraph,
    Provenance,
)
from cabledesk.domain.canonical import (
    MAX_CABLE_BYTES,
    SCHEMA_ID,
    SCHEMA_ID_V1,
    decode_cable,
    encode_cable,
    schema_of,
)
from cabledesk.errors import CableFormatError

text = st.text(min_size=1, max_size=30).filter(lambda s: s.strip() != "")
any_text = st.text(max_size=30)
opt = st.none() | any_text
texts = st.lists(text, max_size=3).map(tuple)
addressees = st.lists(
    st.builds(Addressee, name=text, precedence=st.none() | st.sampled_from(["IMMEDIATE", "FLASH"])),
    max_size=3,
).map(tuple)
cables = st.builds(
    Cable,
    id=text,
    scheme=st.sampled_from(["us", "uk", "nato"]),
    precedence=text,
    originator=any_text,
    action=addressees,
    subject=any_text,
    subject_marking=any_text,
    paragraphs=st.lists(st.builds(Paragraph, marking=any_text, text=any_text), max_size=4).map(
        tuple
    ),
    info=addressees,
    dtg=st.none()
    | st.datetimes(
        min_value=datetime(1850, 1, 1), max_value=datetime(2200, 1, 1), timezones=st.just(UTC)
    ).map(lambda d: d.replace(microsecond=0)),
    serial=opt,
    captions=texts,
    tags=texts,
    references=texts,
    authority=st.none()
    | st.builds(Authority, classified_by=any_text, reasons=texts, derived_from=opt,
                declassify_on=any_text, downgrade=st.none() | text, sources=texts),
    signature=any_text,
    attachments=st.lists(
        st.builds(Attachment, name=text, description=any_text,
                  size=st.none() | st.integers(0, 2**40), sha256=opt,
                  marking=st.just("") | text),
        max_size=2,
    ).map(tuple),
    declared_banner=opt,
    provenance=st.none()
    | st.builds(Provenance, source=text, record_id=text, url=opt, original_marking=opt,
                handling=texts, file_number=opt, received=opt, notes=texts),
)  # fmt: skip


def sample() -> Cable:
    return Cable(
        id="0f6c2a4e-0000-4000-8000-000000000001",
        scheme="us",
        precedence="IMMEDIATE",
        originator="AMEMBASSY PARIS",
        action=(Addressee("SECSTATE WASHDC", "IMMEDIATE"),),
        info=(Addressee("USMISSION USNATO"),),
        subject="FRANCE: ÉLYSÉE PREVIEWS SUMMIT",
        subject_marking="(C)",
        paragraphs=(Paragraph("(S//NF)", "The minister said…"), Paragraph("(U)", "Comment.")),
        dtg=datetime(2024, 3, 15, 12, 30, tzinfo=UTC),
        tags=("PREL", "FR"),
        authority=Authority("Jane Doe, Ambassador", ("1.4(b)", "1.4(d)"), None, "2049-03-15"),
        signature="DOE",
    )


def test_encoding_is_deterministic_and_compact() -> None:
    data = encode_cable(sample())
    assert data == encode_cable(sample())
    assert b"\n" not in data and b'": ' not in data and b'", "' not in data
    doc = json.loads(data)
    assert doc["schema"] == SCHEMA_ID_V1  # it uses nothing of /2
    assert list(doc) == sorted(doc)
    assert "ÉLYSÉE".encode() in data  # UTF-8, not \u escapes
    assert doc["dtg"] == "2024-03-15T12:30:00Z"


def test_round_trip() -> None:
    assert decode_cable(encode_cable(sample())) == sample()


@pytest.mark.slow
@given(cables)
def test_round_trip_any_cable(cable: Cable) -> None:
    data = encode_cable(cable)
    assert decode_cable(data) == cable
    assert encode_cable(decode_cable(data)) == data


def test_non_utc_time_is_a_bug() -> None:
    with pytest.raises(ValueError):
        Cable(id="x", scheme="us", precedence="ROUTINE", originator="A", action=(), subject="s",
              subject_marking="(U)", paragraphs=(), dtg=datetime(2024, 1, 1))  # fmt: skip


def mutate(change: dict[str, Any]) -> bytes:
    doc = json.loads(encode_cable(sample()))
    doc.update(change)
    return json.dumps(doc).encode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "not valid JSON"),
        (b"\xff\xfe", "not UTF-8"),
        (b"[]", "does not hold a cable"),
        (b"{}", "not a CableDesk cable"),
        (b'{"schema": "something/1"}', "not a CableDesk cable"),
        (b'{"schema": "cabledesk.cable/3"}', "does not know"),
        (b'{"schema": 1}', "must be text"),
        (mutate({"paragraphs": [{"marking": "(U)"}]}), "paragraphs[0].text is missing"),
        (mutate({"paragraphs": [{"marking": 1, "text": ""}]}), "paragraphs[0].marking must be text"),
        (mutate({"action": "SECSTATE"}), "action must be a list"),
        (mutate({"dtg": "yesterday"}), "dtg must be a UTC time"),
        (mutate({"surprise": True}), "surprise is not part of the format"),
        (mutate({"attachments": [{"name": "a", "description": "", "size": -1, "sha256": None}]}),
         "size must not be negative"),
        (mutate({"attachments": [{"name": "a", "description": "", "size": True, "sha256": None}]}),
         "size must be a whole number"),
        (mutate({"id": ""}), "id must not be empty"),
        (b'{"schema": "cabledesk.cable/1", "schema": "cabledesk.cable/1"}', "twice"),
        (b"[" * 100_000, "not valid JSON"),
    ],
)  # fmt: skip
def test_strict_decoding(data: bytes, message: str) -> None:
    with pytest.raises(CableFormatError) as info:
        decode_cable(data)
    assert message in info.value.message


def test_missing_field_is_named() -> None:
    doc = json.loads(encode_cable(sample()))
    del doc["subject"]
    with pytest.raises(CableFormatError, match="field subject is missing"):
        decode_cable(json.dumps(doc).encode())


def test_oversized_input_is_refused() -> None:
    with pytest.raises(CableFormatError, match="too large"):
        decode_cable(b" " * (MAX_CABLE_BYTES + 1))


@given(st.binary(max_size=200))
def test_garbage_bytes_raise_only_cable_format_error(data: bytes) -> None:
    with contextlib.suppress(CableFormatError):
        decode_cable(data)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=10,
)


@pytest.mark.slow
@given(st.dictionaries(st.sampled_from(sorted(json.loads(encode_cable(sample())))), json_values))
def test_garbage_fields_raise_only_cable_format_error(doc: dict[str, Any]) -> None:
    base = json.loads(encode_cable(sample()))
    base.update(doc)
    with contextlib.suppress(CableFormatError):
        decode_cable(json.dumps(base).encode())


# --- cabledesk.cable/2 -------------------------------------------------------------

# SHA-256 of the /1 encoding of v1_cable(), as CableDesk wrote it before /2 existed
# (computed with the code of commit 4e287bd): a cable that uses nothing of /2 keeps
# its bytes, so hashes, signatures and clearance statements made on it still verify.
V1_SHA256 = "07bfd6294f2d18b327253555a47a2bdf9a0d59770975d72b6fb58cc6fc743104"


def v1_cable() -> Cable:
    return replace(
        sample(),
        authority=Authority("Jane Doe, Ambassador", ("1.4(b)", "1.4(d)"), "STATE 1", "2049-03-15"),
        attachments=(Attachment("annex.pdf", "Annex", 12, "ab" * 32),),
        provenance=Provenance("FRUS", "x/d1", notes=("n",)),
    )


def test_a_cable_without_v2_fields_keeps_its_v1_bytes() -> None:
    data = encode_cable(v1_cable())
    assert hashlib.sha256(data).hexdigest() == V1_SHA256
    assert json.loads(data)["schema"] == "cabledesk.cable/1"
    doc = json.loads(data)
    assert "marking" not in doc["attachments"][0]
    assert b"downgrade" not in data and b"sources" not in data


V2_CHANGES: list[tuple[str, dict[str, Any]]] = [
    ("attachment marking", {"attachments": (Attachment("annex.pdf", marking="(S//NF)"),)}),
    ("downgrade", {"authority": Authority("J", ("1.4(b)",), None, "2049-03-15",
                                          downgrade="CONFIDENTIAL on 2030-01-01")}),
    ("sources", {"authority": Authority("J", (), "Multiple Sources", "2049-03-15",
                                        sources=("STATE 1", "PARIS 2"))}),
]  # fmt: skip


@pytest.mark.parametrize(("name", "change"), V2_CHANGES, ids=[n for n, _ in V2_CHANGES])
def test_a_cable_using_a_v2_field_is_written_as_v2(name: str, change: dict[str, Any]) -> None:
    cable = replace(sample(), **change)
    data = encode_cable(cable)
    doc = json.loads(data)
    assert schema_of(cable) == doc["schema"] == SCHEMA_ID == "cabledesk.cable/2"
    assert decode_cable(data) == cable
    assert encode_cable(decode_cable(data)) == data
    if cable.authority is not None:
        assert {"downgrade", "sources"} <= set(doc["authority"])  # every /2 field present
    for attachment in doc["attachments"]:
        assert "marking" in attachment


def test_v2_writes_every_v2_field_null_or_empty_when_unused() -> None:
    cable = replace(
        sample(),
        attachments=(Attachment("a.pdf", marking="(C)"), Attachment("b.pdf")),
    )
    doc = json.loads(encode_cable(cable))
    assert [a["marking"] for a in doc["attachments"]] == ["(C)", None]
    assert doc["authority"]["downgrade"] is None and doc["authority"]["sources"] == []


def v2_doc() -> dict[str, Any]:
    return dict(json.loads(encode_cable(replace(sample(), **V2_CHANGES[0][1]))))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"schema": "cabledesk.cable/1"}, "authority.downgrade is not part of the format"),
        ({"attachments": [{"name": "a", "description": "", "size": None, "sha256": None}]},
         "attachments[0].marking is missing"),
        ({"attachments": [{"name": "a", "description": "", "size": None, "sha256": None,
                           "marking": ""}]}, "attachments[0].marking must not be empty"),
        ({"attachments": [{"name": "a", "description": "", "size": None, "sha256": None,
                           "marking": 3}]}, "attachments[0].marking must be text"),
        ({"authority": {"classified_by": "J", "reasons": [], "derived_from": None,
                        "declassify_on": ""}}, "authority.downgrade is missing"),
        ({"authority": {"classified_by": "J", "reasons": [], "derived_from": None,
                        "declassify_on": "", "downgrade": "", "sources": []}},
         "authority.downgrade must not be empty"),
        ({"authority": {"classified_by": "J", "reasons": [], "derived_from": None,
                        "declassify_on": "", "downgrade": None, "sources": "x"}},
         "authority.sources must be a list"),
    ],
    ids=["v2-field-in-v1", "marking-missing", "marking-empty", "marking-not-text",
         "downgrade-missing", "downgrade-empty", "sources-not-list"],
)  # fmt: skip
def test_v2_decoding_is_strict(change: dict[str, Any], message: str) -> None:
    doc = v2_doc() | change
    with pytest.raises(CableFormatError) as info:
        decode_cable(json.dumps(doc).encode())
    assert message in info.value.message


def test_v1_authority_refuses_v2_fields() -> None:
    doc = json.loads(encode_cable(sample()))
    doc["authority"]["sources"] = []
    with pytest.raises(CableFormatError, match=r"authority.sources is not part of the format"):
        decode_cable(json.dumps(doc).encode())


def test_a_newer_cable_format_is_named_as_such() -> None:
    with pytest.raises(CableFormatError) as info:
        decode_cable(b'{"schema": "cabledesk.cable/3"}')
    assert "does not know" in info.value.message
    assert info.value.hint == "Open it with a newer version of CableDesk."

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cabledesk.domain.cable import Cable, cable_banner
from cabledesk.domain.canonical import decode_cable, encode_cable
from cabledesk.domain.frus import cable_from_frus, read_frus_jsonl
from cabledesk.domain.scheme import ClassificationScheme, SchemeRegistry
from cabledesk.domain.validation import validate
from cabledesk.errors import SourceImportError
from tests.conftest import DATA

FRUS = DATA / "frus" / "frus-telegrams.jsonl"
US = SchemeRegistry.load()["us"]


@pytest.fixture(scope="module")
def records() -> dict[str, dict[str, Any]]:
    with FRUS.open(encoding="utf-8") as f:
        return {r["id"]: r for r in map(json.loads, f)}


@pytest.fixture(scope="module")
def cables() -> list[Cable]:
    with FRUS.open("rb") as f:
        return list(read_frus_jsonl(f, scheme=US))


@pytest.mark.slow
def test_all_telegrams_import_round_trip_and_validate(cables: list[Cable]) -> None:
    assert len(cables) == 3918
    assert len({c.id for c in cables}) == 3918
    for cable in cables:
        data = encode_cable(cable)
        assert decode_cable(data) == cable
        assert encode_cable(decode_cable(data)) == data
        validate(cable, US)
    levels = Counter(cable_banner(c, US).banner for c in cables)
    assert levels == {"UNCLASSIFIED": 3855, "CONFIDENTIAL": 38, "SECRET": 25}


def test_a_typical_telegram(records: dict[str, dict[str, Any]], us: ClassificationScheme) -> None:
    cable = cable_from_frus(records["frus1934v04/d8"], scheme=us)
    assert cable.serial == "43"
    assert cable.paragraphs[0].text.startswith("Your No. 70, April 24")
    assert cable.originator == "The Secretary of State"
    assert [a.name for a in cable.action] == ["the Ambassador in Argentina (Weddell)"]
    assert cable.dtg is not None and cable.dtg.isoformat() == "1934-04-25T18:00:00+00:00"
    assert cable.subject == "The Secretary of State to the Ambassador in Argentina (Weddell)"
    assert {p.marking for p in cable.paragraphs} == {"(U)"} and cable.subject_marking == "(U)"
    assert cable.precedence == "ROUTINE"
    assert cable.provenance is not None
    assert cable.provenance.file_number == "710.1012 Anti-War/76"
    assert "date-time is local to the place of origin, not Zulu" in cable.provenance.notes
    assert cable_from_frus(records["frus1934v04/d8"], scheme=us).id == cable.id


def test_secret_is_mapped_and_received_kept(
    records: dict[str, dict[str, Any]], us: ClassificationScheme
) -> None:
    cable = cable_from_frus(records["frus1919Parisv01/d87"], scheme=us)
    assert cable_banner(cable, us).banner == "SECRET"
    assert cable.provenance is not None
    assert cable.provenance.original_marking == "Secret"
    assert cable.provenance.received == "Received November 11—2:55 p.m."
    assert cable.signature == "Edward House"


def test_strictly_confidential(
    records: dict[str, dict[str, Any]], us: ClassificationScheme
) -> None:
    cable = cable_from_frus(records["frus1919Parisv01/d75"], scheme=us)
    assert cable_banner(cable, us).banner == "CONFIDENTIAL"
    assert cable.provenance is not None
    assert cable.provenance.original_marking == "Strictly confidential"


def test_paraphrase_stays_a_handling_note(
    records: dict[str, dict[str, Any]], us: ClassificationScheme
) -> None:
    cable = cable_from_frus(records["frus1925v02/d25"], scheme=us)
    assert cable.provenance is not None
    assert "Paraphrase" in cable.provenance.handling
    assert cable_banner(cable, us).banner == "UNCLASSIFIED"


def test_undated_and_unsigned_records(
    records: dict[str, dict[str, Any]], us: ClassificationScheme
) -> None:
    undated = next(r for r in records.values() if r["date"] is None)
    assert cable_from_frus(undated, scheme=us).dtg is None
    odd = cable_from_frus(records["frus1864p4/d382"], scheme=us)  # no sender, year 201
    assert odd.originator == "" and odd.action == () and odd.dtg is None
    assert odd.provenance is not None
    assert any("implausible date" in n for n in odd.provenance.notes)
    fields = {f.field for f in validate(odd, us)}
    assert {"originator", "action"} <= fields


def test_urgent_becomes_immediate(
    records: dict[str, dict[str, Any]], us: ClassificationScheme
) -> None:
    urgent = next(r for r in records.values() if "Urgent" in r["handling"])
    assert cable_from_frus(urgent, scheme=us).precedence == "IMMEDIATE"


def test_limit(tmp_path: Path) -> None:
    with FRUS.open("rb") as f:
        assert len(list(read_frus_jsonl(f, scheme=US, limit=5))) == 5


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (b"{not json", "Line 2 of the FRUS file is not a JSON record"),
        (b"[1, 2]", "Line 2 of the FRUS file is not a JSON object"),
        (b"\xff\xfe", "Line 2 of the FRUS file is not a JSON record"),
        (b'{"id": "x/1", "body": []}', "Line 2: FRUS record x/1 has no text"),
        (b'{"id": "x/1", "body": "text"}', "'body' must be a list"),
        (b'{"id": "x/1", "body": ["t"], "from": 3}', "'from' must be text"),
        (b'{"body": ["t"]}', "no 'id'"),
    ],
)
def test_malformed_lines_are_named(line: bytes, message: str) -> None:
    with FRUS.open("rb") as f:
        good = f.readline()
    with pytest.raises(SourceImportError) as info:
        list(read_frus_jsonl([good, line], scheme=US))
    assert message in info.value.message


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
record_keys = st.sampled_from(
    ["id", "from", "to", "date", "body", "handling", "classification", "telegram_number",
     "signed", "title", "url", "received", "file_number", "source_note"]
)  # fmt: skip


@given(st.lists(st.binary(max_size=80) | st.text(max_size=80), max_size=4))
def test_garbage_lines_raise_only_source_import_error(lines: list[str | bytes]) -> None:
    try:
        list(read_frus_jsonl(lines, scheme=US))
    except SourceImportError:
        pass


@pytest.mark.slow
@given(st.dictionaries(record_keys, json_values, max_size=8))
def test_garbage_records_raise_only_source_import_error(record: dict[str, Any]) -> None:
    try:
        cable = cable_from_frus(record, scheme=US)
    except SourceImportError:
        return
    assert decode_cable(encode_cable(cable)) == cable
    validate(cable, US)

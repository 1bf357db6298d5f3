from __future__ import annotations

import json
import re
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cabledesk.domain._frus_dates import plausible, volume_period
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
    # 6 p.m. in Washington (EST until April 29, 1934) is 23:00 Z: never "251800Z"
    assert cable.dtg is not None and cable.dtg.isoformat() == "1934-04-25T23:00:00+00:00"
    assert cable.subject == "The Secretary of State to the Ambassador in Argentina (Weddell)"
    assert {p.marking for p in cable.paragraphs} == {"(U)"} and cable.subject_marking == "(U)"
    assert cable.precedence == "ROUTINE"
    assert cable.provenance is not None
    assert cable.provenance.file_number == "710.1012 Anti-War/76"
    assert "sent 1934-04-25 18:00 local time (Washington)" in cable.provenance.notes
    assert "date-time group converted from local time (America/New_York)" in (
        cable.provenance.notes
    )
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
    assert odd.originator == "" and odd.action == ()
    # "Liverpool, October 12—3 p. m." in the 1864 volume: the year is the volume's
    assert odd.dtg == datetime(1864, 10, 12, 15, tzinfo=UTC)
    assert odd.provenance is not None
    assert any(n.startswith("date read from the dateline") for n in odd.provenance.notes)
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


_SENT = re.compile(r"^sent (\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2}))? local time")
_CONVERTED = re.compile(r"^date-time group converted from local time \((.+)\)$")


@pytest.mark.slow
def test_every_record_keeps_the_invariants(
    records: dict[str, dict[str, Any]], cables: list[Cable]
) -> None:
    """The whole corpus: no date-time group in the future or outside the volume's period,
    none made by writing a local time with a Z, sender and addressee both there and
    different where the source has both, no paragraph opening with its own number."""
    now = datetime.now(UTC)
    by_record = {c.provenance.record_id: c for c in cables if c.provenance is not None}
    assert len(by_record) == len(records) == 3918
    dated = converted = 0
    for record_id, record in records.items():
        cable = by_record[record_id]
        assert cable.provenance is not None
        notes = cable.provenance.notes
        sent = [m for n in notes if (m := _SENT.match(n))]
        zones = [m.group(1) for n in notes if (m := _CONVERTED.match(n))]
        if cable.dtg is not None:
            dated += 1
            assert cable.dtg <= now + timedelta(days=1), record_id
            assert plausible(cable.dtg.year, volume_period(record_id), now.date()), record_id
            # a Z only from a known zone: the UTC moment is the local time there
            assert len(zones) == 1 and len(sent) == 1 and sent[0].group(2), record_id
            local = cable.dtg.astimezone(ZoneInfo(zones[0]))
            assert f"{local:%Y-%m-%d %H:%M}" == f"{sent[0].group(1)} {sent[0].group(2)}"
            converted += local.utcoffset() != timedelta(0)
        else:
            assert zones == [], record_id
        if record.get("from") and record.get("to"):
            assert cable.originator and cable.action, record_id
            assert cable.originator.lower() != cable.action[0].name.lower(), record_id
        if (record.get("title") or "").startswith("The Commission to Negotiate Peace to "):
            assert cable.originator == "The Commission to Negotiate Peace", record_id
        for number, p in enumerate(cable.paragraphs, start=1):
            assert not re.match(rf"{number}\.\s", p.text), (record_id, number, p.text[:40])
    assert dated > 3000 and converted > 2000  # most telegrams keep a (true) date-time group


@pytest.mark.parametrize(
    ("record_id", "originator", "addressee"),
    [
        ("frus1919Parisv11/d300", "The Commission to Negotiate Peace", "the Secretary of State"),
        ("frus1919Parisv01/d125", "The Commission to Negotiate Peace",
         "the Ambassador in Great Britain (Davis)"),
        ("frus1919Parisv11/d211", "The Commission to Negotiate Peace", "President Wilson"),
        ("frus1934v04/d8", "The Secretary of State", "the Ambassador in Argentina (Weddell)"),
    ],
    ids=["to-secretary", "to-ambassador", "to-president", "ordinary"],
)  # fmt: skip
def test_sender_and_addressee_are_split_where_the_tags_say(
    records: dict[str, dict[str, Any]], record_id: str, originator: str, addressee: str
) -> None:
    cable = cable_from_frus(records[record_id], scheme=US)
    assert cable.originator == originator
    assert [a.name for a in cable.action] == [addressee]


def test_source_paragraph_numbers_are_not_printed_twice(
    records: dict[str, dict[str, Any]],
) -> None:
    cable = cable_from_frus(records["frus1930v01/d81"], scheme=US)  # "163. 1. Nothing of…"
    assert cable.serial == "163"
    assert cable.paragraphs[0].text.startswith("Nothing of the nature mentioned")

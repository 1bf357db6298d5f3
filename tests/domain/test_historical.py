"""The declassified marking of an imported FRUS record, in place of a live banner
(E.O. 13526 §3.3, §3.5; 32 CFR 2001.25; FRUS editorial practice: the source note
keeps the original marking, the volume's year names the publication)."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import pytest

from cabledesk.domain.cable import Authority, Paragraph
from cabledesk.domain.frus import cable_from_frus
from cabledesk.domain.historical import historical_marking
from cabledesk.domain.scheme import ClassificationScheme, SchemeRegistry
from tests.conftest import DATA
from tests.export.samples import modern_cable

US = SchemeRegistry.load()["us"]


def _record(record_id: str) -> dict[str, Any]:
    with (DATA / "frus" / "frus-telegrams.jsonl").open(encoding="utf-8") as f:
        return next(r for r in map(json.loads, f) if r["id"] == record_id)


# Rule: original marking in capitals + "declassified, published in FRUS <volume year>";
# a record whose source gives no marking says so (FRUS: "No classification marking.").
CASES = [
    ("frus1919Parisv01/d87", "SECRET — declassified, published in FRUS 1919"),
    ("frus1919Parisv01/d75", "STRICTLY CONFIDENTIAL — declassified, published in FRUS 1919"),
    ("frus1934v04/d8", "NO CLASSIFICATION MARKING — published in FRUS 1934"),
    ("frus1870/d3", "NO CLASSIFICATION MARKING — published in FRUS 1870"),
]


@pytest.mark.parametrize(("record_id", "expected"), CASES, ids=[c[0] for c in CASES])
def test_an_imported_record_shows_its_declassified_marking(record_id: str, expected: str) -> None:
    assert historical_marking(cable_from_frus(_record(record_id), scheme=US), US) == expected


def test_a_modern_cable_has_none(us: ClassificationScheme) -> None:
    assert historical_marking(modern_cable(), us) is None


@pytest.mark.parametrize(
    "edit",
    [
        {"id": "00000000-0000-4000-8000-000000000000"},
        {"captions": ("NODIS",)},
        {"authority": Authority("Jane Doe", ("1.4(b)",), None, "2049-01-01")},
        {"references": ("STATE 1",)},
        {"paragraphs": (Paragraph("(TS)", "New text."),)},
        {"subject_marking": "(C)"},
    ],
    ids=["other-id", "captions", "authority", "references", "raised-portion", "subject-mark"],
)
def test_an_edited_record_gets_its_live_banner_back(edit: dict[str, object]) -> None:
    # provenance in a file is a claim: a record edited into a modern cable is one
    cable = cable_from_frus(_record("frus1919Parisv01/d87"), scheme=US)
    assert historical_marking(replace(cable, **edit), US) is None  # type: ignore[arg-type]


def test_the_day_a_record_was_sent_without_a_date_time_group() -> None:
    """A FRUS record whose local time could not become a DTG is still dated by its source,
    so that rules younger than it are not applied to it (drafting rules 2); a cable that
    merely claims the provenance is not."""
    from datetime import date

    from cabledesk.domain.historical import record_day

    record = cable_from_frus(_record("frus1872p2v2/d229"), scheme=US)
    assert record.dtg is None and record_day(record) == date(1872, 6, 2)
    assert record_day(replace(record, id="00000000-0000-4000-8000-000000000001")) is None
    assert record_day(replace(record, provenance=None)) is None
    dated = modern_cable()
    assert dated.dtg is not None and record_day(dated) == dated.dtg.date()

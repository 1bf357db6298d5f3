"""Case tables for sanitized releases and for FRUS parsing, each row written from the rule
it cites (not from the code's output)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from cabledesk.domain._frus_dates import sent_time, volume_period
from cabledesk.domain.cable import Attachment, Paragraph
from cabledesk.domain.frus import parties
from cabledesk.domain.marking import parse_marking
from cabledesk.domain.sanitize import (
    WITHHELD_SUBJECT,
    SanitizeOptions,
    sanitize,
    withheld_line,
)
from cabledesk.domain.scheme import SchemeRegistry
from tests.export.samples import modern_cable

SCHEMES = SchemeRegistry.load()
US = SCHEMES["us"]
TODAY = date(2025, 6, 1)

# E.O. 13526 §1.7(e) and §3.3 with the DOJ FOIA guide on segregability: a release
# keeps every reasonably segregable portion at or below its level and withholds the
# rest; 5 FAH-4 H-200: a sanitized version goes beyond the named addressees, so
# NODIS/EXDIS portions and originator-controlled (ORCON) portions never go; a
# foreign release needs a release decision for each classified portion (REL TO
# naming every country; NOFORN never).
PORTIONS = [
    ("(U)", "UNCLASSIFIED", "", True),
    ("(C)", "UNCLASSIFIED", "", False),
    ("(C)", "CONFIDENTIAL", "", True),
    ("(S)", "CONFIDENTIAL", "", False),
    ("(S)", "SECRET", "", True),
    ("(TS)", "SECRET", "", False),
    ("(S//NF)", "SECRET", "", True),
    ("(S//NF)", "SECRET", "GBR", False),
    ("(C//REL TO USA, GBR)", "CONFIDENTIAL", "GBR", True),
    ("(C//REL TO USA, GBR)", "CONFIDENTIAL", "GBR,FRA", False),
    ("(C//REL TO USA, GBR)", "CONFIDENTIAL", "FRA", False),
    ("(C)", "CONFIDENTIAL", "GBR", False),
    ("(U)", "CONFIDENTIAL", "FRA", True),
    ("(C//NODIS)", "TOP SECRET", "", False),
    ("(C//EXDIS)", "TOP SECRET", "", False),
    ("(S//ORCON)", "TOP SECRET", "", False),
    ("(C)", "CONFIDENTIAL", "USA", True),
]


@pytest.mark.parametrize(
    ("mark", "level", "countries", "released"),
    PORTIONS,
    ids=[f"{m}@{lv}>{c or 'any'}" for m, lv, c, _ in PORTIONS],
)
def test_a_portion_goes_only_where_the_rules_allow(
    mark: str, level: str, countries: str, released: bool
) -> None:
    cable = modern_cable(
        paragraphs=(Paragraph("(U)", "Always releasable."), Paragraph(mark, "The portion."))
    )
    out = sanitize(
        cable, US, US.level_named(level), release_to=[c for c in countries.split(",") if c]
    )
    assert ("The portion." in [p.text for p in out.cable.paragraphs]) is released


# E.O. 13526 §1.7(e) ("reveal … the withheld"), 5 FAH-4 (a sanitized version stands on
# its own) and the DOJ FOIA guide (segregability; a FOIA release marks each deletion and
# its exemption where it was made): unmarked parts — REF lines, attachments list,
# subject, TAGS — are withheld unless released; the source is named only on request;
# paragraphs are renumbered unless the original numbers are kept.
OPTIONS = [
    ("defaults: no REF", SanitizeOptions(), lambda c: c.references == ()),
    ("defaults: no attachments", SanitizeOptions(), lambda c: c.attachments == ()),
    ("defaults: subject withheld", SanitizeOptions(), lambda c: c.subject == WITHHELD_SUBJECT),
    ("defaults: no TAGS", SanitizeOptions(), lambda c: c.tags == ()),
    ("defaults: no serial", SanitizeOptions(), lambda c: c.serial is None),
    ("defaults: no DTG", SanitizeOptions(), lambda c: c.dtg is None),
    ("defaults: renumbered", SanitizeOptions(), lambda c: len(c.paragraphs) == 3),
    ("defaults: no captions", SanitizeOptions(), lambda c: c.captions == ()),
    ("refs released", SanitizeOptions(release_refs=True),
     lambda c: c.references == ("STATE 123456", "PARIS 000100")),
    ("attachments released", SanitizeOptions(release_attachments=True),
     lambda c: c.attachments == (Attachment("annex.pdf", "Draft communique", 123456, "ab" * 32),)),
    ("subject released", SanitizeOptions(release_subject=True),
     lambda c: c.subject == "FRANCE: ELYSEE PREVIEWS NATO SUMMIT" and c.tags != ()),
    ("replacement subject", SanitizeOptions(subject="Summit  talks"),
     lambda c: (c.subject, c.subject_marking) == ("Summit talks", "(U)")),
    ("source named", SanitizeOptions(show_source_id=True),
     lambda c: c.serial == "000123" and c.dtg is not None),
    ("numbers kept", SanitizeOptions(keep_numbers=True),
     lambda c: [p.text for p in c.paragraphs][1] == "[Paragraph 2 withheld: (b)(1)]"
     and len(c.paragraphs) == 6),
]  # fmt: skip


@pytest.mark.parametrize(("name", "options", "holds"), OPTIONS, ids=[o[0] for o in OPTIONS])
def test_what_a_release_carries(name: str, options: SanitizeOptions, holds: object) -> None:
    out = sanitize(modern_cable(), US, US.level_named("CONFIDENTIAL"), options=options)
    assert callable(holds) and holds(out.cable), name


# DOJ FOIA guide: each deletion is marked with its exemption where it was made;
# (b)(1) is the exemption for information classified under an executive order (US
# only); nothing else of the withheld portion (level, controls) is said.
LINES = [
    ("(S//NF)", 2, "[Paragraph 2 withheld: (b)(1)]"),
    ("(TS)", 7, "[Paragraph 7 withheld: (b)(1)]"),
    ("(C//NODIS)", 3, "[Paragraph 3 withheld: (b)(1)]"),
    ("(U)", 4, "[Paragraph 4 withheld]"),
]


@pytest.mark.parametrize(("mark", "number", "line"), LINES, ids=[m for m, _, _ in LINES])
def test_the_foia_line_names_the_exemption_only(mark: str, number: int, line: str) -> None:
    assert withheld_line(number, parse_marking(mark, US)) == line


def test_a_non_us_release_cites_no_us_exemption() -> None:
    uk = SCHEMES["uk"]
    assert withheld_line(2, parse_marking(f"({uk.levels[-1].portion})", uk)) == (
        "[Paragraph 2 withheld]"
    )


# FRUS editorial practice: datelines give the local time at the place of origin; a DTG is
# always GMT (5 FAH-2 H-421), so a local time becomes a DTG only where the zone is known
# (and no longer local mean time); two-digit years take the century of the volume's
# period; a dateline without a year takes the volume's year when it covers one year;
# "[Received …]" is the time of receipt, not of sending.
DATES = [
    (None, "Paris, Dec 4, 18, 6 p.m.", "Paris", "frus1919Parisv01/d1",
     date(1918, 12, 4), time(18), datetime(1918, 12, 4, 18, tzinfo=UTC)),
    (None, "Washington, 2/3/18—noon", "Washington", "frus1918Russiav03/d2",
     date(1918, 2, 3), time(12), datetime(1918, 2, 3, 17, tzinfo=UTC)),
    (None, "Peking, 7/4/01, 9 a.m.", "Peking", "frus1901China/d3",
     date(1901, 7, 4), time(9), datetime(1901, 7, 4, 1, tzinfo=UTC)),
    (None, "Washington, Dec. 2, 99, 4 p.m.", "Washington", "frus1901/d4",
     date(1899, 12, 2), time(16), datetime(1899, 12, 2, 21, tzinfo=UTC)),
    ("1934-04-25T18:00:00", "Washington, April 25, 1934—6 p.m.", "Washington",
     "frus1934v04/d8", date(1934, 4, 25), time(18), datetime(1934, 4, 25, 23, tzinfo=UTC)),
    ("1918-11-11T21:00:00", "Paris, November 11, 1918—9 p.m.", "Paris",
     "frus1919Parisv01/d87", date(1918, 11, 11), time(21),
     datetime(1918, 11, 11, 21, tzinfo=UTC)),  # France kept GMT (WET) 1911-1940
    ("0201-10-12", "Liverpool, October 12—3 p. m.", "Liverpool", "frus1864p4/d382",
     date(1864, 10, 12), time(15), datetime(1864, 10, 12, 15, tzinfo=UTC)),
    ("1870-08-08", None, "Vienna", "frus1870/d3", date(1870, 8, 8), None, None),
    ("1872-05-01T14:00:00", None, "Washington", "frus1872p2v2/d9",
     date(1872, 5, 1), time(14), None),
    ("1930-03-01T12:00:00", None, "Akron, Ohio", "frus1930v01/d9",
     date(1930, 3, 1), time(12), None),
    (None, "London, Dec. 2, 11 p.m.", "London", "frus1917Supp02v02/d9",
     date(1917, 12, 2), time(23), datetime(1917, 12, 2, 23, tzinfo=UTC)),
    (None, "Rome, Dec. 18, 12 M.", "Rome", "frus1917Supp02v02/d10",
     date(1917, 12, 18), time(12), datetime(1917, 12, 18, 11, tzinfo=UTC)),
    ("2096-01-01T10:00:00", "Paris, January 1, 96—10 a.m.", "Paris", "frus1896/d1",
     date(1896, 1, 1), time(10),
     datetime(1896, 1, 1, 9, 50, 39, tzinfo=UTC)),  # Paris Mean Time, legal 1891-1911
]  # fmt: skip
NO_DATE = [
    (None, "Tokyo [undated]. [Received November 13, 1918—5:23 p.m.]", "frus1919Parisv01/d6"),
    (None, "Paris, October 12—3 p.m.", "frus1969-76v01/d1"),
    ("2031-01-01", None, "frus1930v01/d1"),
    ("0201-10-12", None, "frus1864p4/d1"),
    (None, None, "frus1934v04/d1"),
]


@pytest.mark.parametrize(
    ("iso", "dateline", "place", "record_id", "day", "clock", "utc"),
    DATES,
    ids=[d[3] + ":" + (d[1] or d[0] or "") for d in DATES],
)
def test_when_a_telegram_was_sent(
    iso: str | None,
    dateline: str | None,
    place: str,
    record_id: str,
    day: date,
    clock: time | None,
    utc: datetime | None,
) -> None:
    sent = sent_time(iso, dateline, place, record_id, today=TODAY)
    assert sent is not None
    assert (sent.local_date, sent.local_time, sent.utc) == (day, clock, utc)


@pytest.mark.parametrize(("iso", "dateline", "record_id"), NO_DATE, ids=[d[2] for d in NO_DATE])
def test_no_date_rather_than_a_wrong_one(
    iso: str | None, dateline: str | None, record_id: str
) -> None:
    assert sent_time(iso, dateline, "Paris", record_id, today=TODAY) is None


# FRUS volume ids (HistoryAtState/frus README): frusYYYY…, frusYYYY-YY…
PERIODS = [
    ("frus1918Russiav03/d4", (1918, 1918)),
    ("frus1969-76v01/d1", (1969, 1976)),
    ("frus1999-2000/d1", (1999, 2000)),
    ("frus1945Berlinv01/d1", (1945, 1945)),
    ("x/d1", None),
]


@pytest.mark.parametrize(("record_id", "period"), PERIODS, ids=[p[0] for p in PERIODS])
def test_a_volume_s_period(record_id: str, period: tuple[int, int] | None) -> None:
    assert volume_period(record_id) == period


# FRUS heads read "SENDER to ADDRESSEE"; the TEI tags the sender (gloss type="from")
# and the addressee (persName type="to"): a name holding " to " is not split.
HEADS = [
    ("The Commission to Negotiate Peace to the Secretary of State",
     "Commission to Negotiate Peace", "Secretary of State",
     ("The Commission to Negotiate Peace", "the Secretary of State")),
    ("President Wilson to the Commission to Negotiate Peace", "Wilson",
     "Commission to Negotiate Peace", ("President Wilson", "the Commission to Negotiate Peace")),
    ("Mr. Fish to Mr. Hoffman.", None, None, ("Mr. Fish", "Mr. Hoffman")),
    ("The Minister to Siam (Page) to the Secretary of State", "Minister to Siam",
     "Secretary of State", ("The Minister to Siam (Page)", "the Secretary of State")),
]  # fmt: skip


@pytest.mark.parametrize(
    ("title", "tagged_from", "tagged_to", "expected"), HEADS, ids=[h[0][:30] for h in HEADS]
)
def test_sender_and_addressee_from_the_head(
    title: str, tagged_from: str | None, tagged_to: str | None, expected: tuple[str, str]
) -> None:
    record = {"title": title, "from_tagged": tagged_from, "to_tagged": tagged_to}
    assert parties(record, "x/d1") == expected

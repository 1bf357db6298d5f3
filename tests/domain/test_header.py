from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from cabledesk.domain.body import paragraphs_from_text, split_portion_mark
from cabledesk.domain.cable import Addressee, Paragraph, format_dtg
from cabledesk.domain.header import parse_addressee, parse_date, parse_dtg, parse_reasons
from cabledesk.errors import FieldError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("AMEMBASSY PARIS", Addressee("AMEMBASSY PARIS")),
        ("AMEMBASSY PARIS IMMEDIATE", Addressee("AMEMBASSY PARIS", "IMMEDIATE")),
        ("Embassy Paris niact immediate", Addressee("Embassy Paris", "NIACT IMMEDIATE")),
        ("  USMISSION   USNATO  ROUTINE ", Addressee("USMISSION USNATO", "ROUTINE")),
        ("IMMEDIATE", Addressee("IMMEDIATE")),
    ],
)
def test_addressees(text: str, expected: Addressee) -> None:
    assert parse_addressee(text) == expected


def test_empty_addressee() -> None:
    with pytest.raises(FieldError):
        parse_addressee("  ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.4(b),(d)", ("1.4(b)", "1.4(d)")),
        ("1.4 (b) and (d)", ("1.4(b)", "1.4(d)")),
        ("1.4(b), 1.4(d), 1.4(b)", ("1.4(b)", "1.4(d)")),
        ("b, h", ("1.4(b)", "1.4(h)")),
    ],
)
def test_reasons(text: str, expected: tuple[str, ...]) -> None:
    assert parse_reasons(text) == expected


@pytest.mark.parametrize("text", ["1.4(z)", "because", "", "1.5(b)"])
def test_bad_reasons(text: str) -> None:
    with pytest.raises(FieldError):
        parse_reasons(text)


def test_dtg_round_trip() -> None:
    when = datetime(2024, 3, 15, 12, 30, tzinfo=UTC)
    assert format_dtg(when) == "151230Z MAR 24"
    assert parse_dtg("151230Z MAR 24") == when
    assert parse_dtg("151230z mar 2024") == when
    assert parse_dtg("2024-03-15T12:30Z") == when


@pytest.mark.parametrize("text", ["151230 MAR 24", "321230Z MAR 24", "151230Z FOO 24", "soon"])
def test_bad_dtg(text: str) -> None:
    with pytest.raises(FieldError, match="not a date-time group"):
        parse_dtg(text)


def test_dates() -> None:
    assert parse_date("2049-03-15") == date(2049, 3, 15)
    assert parse_date("20490315") == date(2049, 3, 15)
    assert parse_date("end of talks") is None
    with pytest.raises(FieldError):
        parse_date("2049-02-30")


def test_split_portion_mark() -> None:
    assert split_portion_mark("(S//NF) The minister said") == ("(S//NF)", "The minister said")
    assert split_portion_mark("No mark here") == ("", "No mark here")
    assert split_portion_mark(" (U)Text") == ("(U)", "Text")


def test_body_paragraphs() -> None:
    body = "(S//NF) The minister\nsaid this.\n\n  \n(U) Comment.\r\n\r\nNo mark.\n"
    assert paragraphs_from_text(body) == (
        Paragraph("(S//NF)", "The minister said this."),
        Paragraph("(U)", "Comment."),
        Paragraph("", "No mark."),
    )
    assert paragraphs_from_text("") == ()

"""The UK diplomatic telegram layout, chosen by the UK scheme's ``document_template``."""

from __future__ import annotations

import io

import docx
import pytest

from cabledesk.domain.cable import Addressee, Attachment
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.export.docx import render_docx
from tests.export.docx_reading import custom_properties, read
from tests.export.samples import marked, uk_telegram

BANNER = "SECRET UK EYES ONLY"  # the UK writes its markings without the US "//"


def test_uk_classification_top_and_bottom_without_slashes(schemes: SchemeRegistry) -> None:
    data = render_docx(uk_telegram(), schemes["uk"])
    reading = read(data)
    assert reading.first_header == [BANNER]
    assert reading.header == [BANNER, "PARIS TELNO 123 \u2014 Page 1 of 1"]
    assert reading.footer == ["Page 1 of 1", BANNER]
    assert reading.header_fill == "C8102E"
    # the machine-readable label keeps the scheme's canonical form
    assert custom_properties(data)["Classification"] == "SECRET//UK EYES ONLY"


def test_telegram_header_lines(schemes: SchemeRegistry) -> None:
    body = read(render_docx(uk_telegram(), schemes["uk"])).body
    assert body[:7] == [
        "FM PARIS",
        "TO IMMEDIATE FCDO LONDON",
        "TELNO 123 OF 041230Z DECEMBER 26",
        "INFO PRIORITY UKREP BRUSSELS, UKMIS NEW YORK",
        "INFO ROUTINE WASHINGTON",
        "SUBJECT: (OS) FRANCE: ELYSEE PREVIEWS NATO SUMMIT",
        "REF: YOUR TELNO 456",
    ]
    assert not any(line.startswith(("PRECEDENCE:", "DTG:", "E.O.")) for line in body)


def test_summary_detail_comment_sections(schemes: SchemeRegistry) -> None:
    body = read(render_docx(uk_telegram(), schemes["uk"])).body
    start = body.index("SUMMARY")
    assert body[start : start + 8] == [
        "SUMMARY",
        "1. (S) The Elysee previewed the summit.",
        "DETAIL",
        "2. (S//UKEO) The Secretary-General's adviser briefed us alone.",
        "3. (OS) The communique is expected to pass unchanged.",
        "COMMENT",
        "4. (OS) The summit should go smoothly.",
        "JONES",
    ]


def test_a_telegram_without_summary_has_no_sections(schemes: SchemeRegistry) -> None:
    cable = uk_telegram()
    plain = uk_telegram(paragraphs=cable.paragraphs[1:3])
    body = read(render_docx(plain, schemes["uk"])).body
    assert not {"SUMMARY", "DETAIL", "COMMENT"} & set(body)
    assert "1. (S//UKEO) The Secretary-General's adviser briefed us alone." in body


@pytest.mark.parametrize(
    ("serial", "line"),
    [
        ("000123", "TELNO 123 OF 041230Z DECEMBER 26"),
        ("7", "TELNO 7 OF 041230Z DECEMBER 26"),
        ("0", "TELNO 0 OF 041230Z DECEMBER 26"),
        (None, "TELNO NOT YET ALLOCATED OF 041230Z DECEMBER 26"),
    ],
    ids=["zeros", "one-digit", "zero", "none"],
)
def test_telno_is_the_serial(schemes: SchemeRegistry, serial: str | None, line: str) -> None:
    body = read(render_docx(uk_telegram(serial=serial), schemes["uk"])).body
    assert body[2] == line


def test_action_addressees_with_their_own_precedence(schemes: SchemeRegistry) -> None:
    cable = uk_telegram(
        action=(Addressee("FCDO LONDON"), Addressee("UKMIS GENEVA", "FLASH")), info=()
    )
    body = read(render_docx(cable, schemes["uk"])).body
    assert body[:4] == [
        "FM PARIS",
        "TO IMMEDIATE FCDO LONDON",
        "TO FLASH UKMIS GENEVA",
        "TELNO 123 OF 041230Z DECEMBER 26",
    ]


def test_official_telegram_with_a_secret_attachment(schemes: SchemeRegistry) -> None:
    uk = schemes["uk"]
    cable = uk_telegram(
        paragraphs=tuple(p for p in uk_telegram().paragraphs if p.marking == "(OS)"),
        attachments=(marked(Attachment("annex.odt", "Draft text"), "(S)"),),
    )
    data = render_docx(cable, uk)
    reading = read(data)
    assert reading.first_header == ["SECRET", "OFFICIAL-SENSITIVE when separated from attachments"]
    assert "1.\t(S) annex.odt (Draft text)" in reading.body
    core = docx.Document(io.BytesIO(data)).core_properties
    assert core.title == "SECRET PARIS TELNO 123"  # the subject is OFFICIAL-SENSITIVE


def test_other_schemes_keep_the_us_cable_layout(schemes: SchemeRegistry) -> None:
    assert schemes["uk"].document_template == "uk-telegram"
    assert {s.document_template for k, s in schemes.items() if k != "uk"} == {"us-cable"}

"""Issue 18: a cleared cable's document carries the "Drafted / Cleared / Approved"
block, deterministically; without names it is the plain document, byte for byte."""

from __future__ import annotations

from cabledesk.domain.clearance import ClearanceLine
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.export.docx import render_docx
from tests.export.docx_reading import read
from tests.export.samples import modern_cable, uk_telegram

SCHEMES = SchemeRegistry.load()
LINES = (
    ClearanceLine("drafted", "Jane Doe", "POL"),
    ClearanceLine("cleared", "Klaus Weber", "POL"),
    ClearanceLine("returned", "Mary Smith", "ECON"),
    ClearanceLine("approved", "Anna Ambassador"),
)


def test_the_block_names_each_signer_by_role_after_the_text() -> None:
    cable = modern_cable()
    body = read(render_docx(cable, SCHEMES["us"], clearance=LINES)).body
    assert body[-3:] == [
        "Drafted:\tJane Doe (POL)",
        "Cleared:\tKlaus Weber (POL), Mary Smith (ECON)",
        "Approved:\tAnna Ambassador",
    ]


def test_the_block_is_deterministic_and_absent_without_names() -> None:
    cable = modern_cable()
    scheme = SCHEMES["us"]
    assert render_docx(cable, scheme, clearance=LINES) == render_docx(
        cable, scheme, clearance=LINES
    )
    assert render_docx(cable, scheme, clearance=()) == render_docx(cable, scheme)


def test_a_telegram_carries_the_block_too() -> None:
    cable = uk_telegram()
    body = read(render_docx(cable, SCHEMES["uk"], clearance=LINES[:1])).body
    assert body[-1] == "Drafted:\tJane Doe (POL)"

"""Issue 19, point 4: the findings panel wraps, names fields by their labels, and takes
the cursor to the field; an unclassified draft gets no contradicting findings."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cabledesk.domain.cable import Authority, Cable, Paragraph
from cabledesk.domain.validation import Finding, Severity
from cabledesk.services.session import Session
from cabledesk.ui.editor.cable_editor import CableEditor
from cabledesk.ui.editor.findings_panel import FindingsPanel
from cabledesk.ui.field_labels import field_label
from cabledesk.ui.workers import Workers
from tests.ui.demo_vault import DRAFT

ROOT = Path(__file__).resolve().parents[2]
LONG = "This finding is long enough to need several lines in a narrow panel. " * 4


def _texts(panel: FindingsPanel) -> list[str]:
    return [panel.item(i).text() for i in range(panel.count())]


@pytest.fixture
def editor(qtbot: QtBot, session: Session) -> CableEditor:
    widget = CableEditor(session, Workers(synchronous=True))
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    return widget


def _open(editor: CableEditor, session: Session, cable: Cable) -> None:
    session.drafts.save(cable)
    editor.open_draft(cable)


@pytest.mark.parametrize(
    ("field", "label"),
    [
        ("authority.reasons", "Classification reasons"),
        ("authority", "Classification authority"),
        ("paragraphs[2]", "Paragraph 2"),
        ("paragraphs", "Text of the cable"),
        ("action[1]", "Action addressee 1"),
        ("tags", "TAGS"),
        ("some.future_field", "some.future_field"),
    ],
    ids=["reasons", "authority", "paragraph", "body", "addressee", "tags", "unknown"],
)
def test_fields_are_named_by_their_labels(qtbot: QtBot, field: str, label: str) -> None:
    assert field_label(field) == label


@pytest.mark.usefixtures("french")
def test_the_labels_are_translated(qtbot: QtBot) -> None:
    assert field_label("authority.reasons") == "Motifs de classification"
    assert field_label("paragraphs[3]") == "Paragraphe 3"


def test_long_findings_wrap_without_a_sideways_scrollbar(qtbot: QtBot) -> None:
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.resize(320, 300)
    panel.show()
    panel.show_findings([Finding(Severity.WARNING, "authority.reasons", LONG)])
    qtbot.waitUntil(lambda: panel.visualItemRect(panel.item(0)).height() > 0)
    assert panel.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    rect = panel.visualItemRect(panel.item(0))
    assert rect.height() > 3 * panel.fontMetrics().height()  # wrapped onto several lines
    assert rect.width() <= panel.viewport().width()
    assert _texts(panel)[0].startswith("Warning — Classification reasons: ")


def test_activating_a_finding_puts_the_cursor_in_its_field(
    qtbot: QtBot, editor: CableEditor, session: Session
) -> None:
    cable = replace(
        DRAFT,
        paragraphs=(*DRAFT.paragraphs[:2], Paragraph("(U)", "1. A hand-numbered paragraph.")),
        authority=Authority("Jane Doe, Ambassador", (), None, "2036-11-20"),
    )
    _open(editor, session, cable)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    panel = editor.findings
    texts = _texts(panel)
    reasons = next(i for i, t in enumerate(texts) if "Classification reasons" in t)
    panel.setFocus()
    panel.setCurrentRow(reasons)
    qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is editor.header.reasons
    third = next(i for i, t in enumerate(texts) if "Paragraph 3" in t)
    panel.setFocus()
    panel.setCurrentRow(third)
    qtbot.keyClick(panel, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is editor.body
    assert editor.body.textCursor().block().text() == "1. A hand-numbered paragraph."


def test_a_new_unclassified_draft_has_no_authority_finding(
    qtbot: QtBot, editor: CableEditor, session: Session
) -> None:
    editor.open_draft(session.drafts.new())
    assert not any("Classification" in t for t in _texts(editor.findings))


def test_an_unclassified_draft_gets_no_error_and_contradicting_warning(
    qtbot: QtBot, editor: CableEditor, session: Session
) -> None:
    """Reasons left empty used to be an error ("no classification reason given") while
    the drafting rules warned that an unclassified cable needs no authority block."""
    unclassified = replace(
        DRAFT,
        subject_marking="(U)",
        paragraphs=tuple(replace(p, marking="(U)") for p in DRAFT.paragraphs),
        authority=None,
    )
    _open(editor, session, unclassified)
    qtbot.keyClicks(editor.header.classified_by, "Jane Doe")
    texts = _texts(editor.findings)
    authority = [t for t in texts if "Classif" in t]
    assert authority == [
        "Warning — Classification authority: An unclassified cable needs no classification "
        "authority block; remove it."
    ]
    assert not any(t.startswith("Error") for t in texts)


def test_a_classified_draft_still_needs_its_reasons(
    qtbot: QtBot, editor: CableEditor, session: Session
) -> None:
    _open(editor, session, replace(DRAFT, authority=None))
    qtbot.keyClicks(editor.header.classified_by, "Jane Doe")
    qtbot.keyClicks(editor.header.declassify_on, "2036-01-01")
    assert any(t.startswith("Error — Classification reasons") for t in _texts(editor.findings))

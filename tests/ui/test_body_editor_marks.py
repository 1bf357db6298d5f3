"""A portion mark typed into the text of a paragraph becomes the paragraph's mark.

5 FAH-1 H-246.2: the portion mark belongs to the portion; a paragraph typed as
``(C) Text…`` must never stay text under a (U) mark that under-classifies the banner.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from cabledesk.domain.cable import Paragraph
from cabledesk.ui.editor.body_editor import BodyEditor
from tests.ui.conftest import SCHEMES


@pytest.fixture
def editor(qtbot: QtBot) -> BodyEditor:
    widget = BodyEditor()
    qtbot.addWidget(widget)
    widget.set_scheme(SCHEMES["us"])
    widget.set_paragraphs([Paragraph("(U)", "")])
    widget.show()
    widget.setFocus()
    return widget


CASES = [
    ("(C) The minister said.", (Paragraph("(C)", "The minister said."),)),
    ("(S//NF) Sources say.", (Paragraph("(S//NF)", "Sources say."),)),
    ("2. (TS) Typed with its number.", (Paragraph("(TS)", "Typed with its number."),)),
    # not marks of the scheme, or an enumeration: they stay text under the paragraph's mark
    ("(c) the third point", (Paragraph("(U)", "(c) the third point"),)),
    ("(Reuters) Paris, Monday.", (Paragraph("(U)", "(Reuters) Paris, Monday."),)),
    ("(X) Unknown level.", (Paragraph("(U)", "(X) Unknown level."),)),
]


@pytest.mark.parametrize(("typed", "expected"), CASES, ids=[c[0][:14] for c in CASES])
def test_a_typed_mark_is_lifted_into_the_paragraph_mark(
    qtbot: QtBot, editor: BodyEditor, typed: str, expected: tuple[Paragraph, ...]
) -> None:
    qtbot.keyClicks(editor, typed)
    assert editor.paragraphs() == expected


def test_the_lift_is_one_undoable_edit(qtbot: QtBot, editor: BodyEditor) -> None:
    qtbot.keyClicks(editor, "(S) A")
    assert editor.paragraphs() == (Paragraph("(S)", "A"),)
    editor.undo()  # the lift
    assert editor.paragraphs() == (Paragraph("(U)", "(S) A"),)


def test_a_mark_typed_in_a_second_paragraph_marks_that_one_only(
    qtbot: QtBot, editor: BodyEditor
) -> None:
    qtbot.keyClicks(editor, "First.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "(C) Second.")
    assert editor.paragraphs() == (Paragraph("(U)", "First."), Paragraph("(C)", "Second."))


def test_an_opened_draft_keeps_its_text(editor: BodyEditor) -> None:
    """Opening is not typing: validation flags the typed mark, nothing is changed silently."""
    editor.set_paragraphs([Paragraph("(U)", "(S) Kept as written.")])
    assert editor.paragraphs() == (Paragraph("(U)", "(S) Kept as written."),)

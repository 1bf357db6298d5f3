"""Draft history from the editor: the menu entry and its shortcut, the versions with their
dates, the comparison with the text now, and Restore."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from cabledesk.services.session import Session
from cabledesk.ui.editor._save_notice import moment
from cabledesk.ui.editor.history_dialog import HistoryDialog, HistoryModel
from cabledesk.ui.main_window import MainWindow
from cabledesk.ui.workers import Workers
from tests.ui.demo_vault import DRAFT
from tests.vaultkit import Clock


@pytest.fixture
def demo(session: Session) -> Session:
    """The conftest's vault (its clock is the test's) with two drafts, DRAFT saved first."""
    session.drafts.save(DRAFT)
    session.drafts.save(replace(DRAFT, id="d0c5d0c5-0000-4000-8000-000000000002",
                                subject="GERMANY: COALITION TALKS"))  # fmt: skip
    return session


@pytest.fixture
def window(qtbot: QtBot, demo: Session) -> MainWindow:
    w = MainWindow(demo, Workers(synchronous=True), None)
    qtbot.addWidget(w)
    w.show()
    return w


def _open_the_draft(window: MainWindow) -> None:
    row = next(i for i, r in enumerate(window.model.rows()) if r.key == DRAFT.id)
    window.list.setCurrentIndex(window.model.index(row))
    window.open_current()
    assert window.editor.draft_id == DRAFT.id


def _dialog(window: MainWindow) -> HistoryDialog:
    dialog = window.findChild(HistoryDialog)
    assert isinstance(dialog, HistoryDialog) and dialog.isVisible()
    return dialog


def test_the_menu_entry_and_its_shortcut(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    action = window.actions_by_name["history"]
    assert action.shortcut() == QKeySequence("Ctrl+Shift+H")
    edit = next(m for m in window.menuBar().findChildren(type(window.menuBar().addMenu("x")))
                if m.title() == "&Edit")  # fmt: skip
    assert action in edit.actions()
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: told.append(box.text()))
    window.editor.clear()
    action.trigger()  # no draft open
    assert told == ["Open a draft to see its history."] and window.findChild(HistoryDialog) is None


def test_versions_their_dates_and_what_changed_since(
    qtbot: QtBot, window: MainWindow, clock: Clock
) -> None:
    _open_the_draft(window)
    clock.advance(minutes=30)
    editor = window.editor
    editor.header.subject.selectAll()
    qtbot.keyClicks(editor.header.subject, "FRANCE: SUMMIT POSTPONED")
    editor.body.set_mark(editor.body.document().lastBlock(), "(C)")
    qtbot.keyClick(
        window,
        Qt.Key.Key_H,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = _dialog(window)  # opened by the shortcut, once the edits were saved
    versions = dialog.model.versions()
    assert [(v.number, v.current) for v in versions] == [(2, True), (1, False)]
    texts = [[dialog.model.text(v, c) for c in range(4)] for v in versions]
    assert texts[0][0] == "2 (current)" and texts[1][0] == "1"
    assert texts[0][1] == moment(clock.now) and texts[1][1] == moment(clock.now.replace(minute=0))
    assert (
        texts[1][2] == "SECRET//NOFORN" and texts[1][3] == "(U) FRANCE: ELYSEE PREVIEWS NATO SUMMIT"
    )
    assert dialog.chosen() == versions[1]  # the version before the current one
    diff = dialog.diff_text().splitlines()
    assert "- SUBJECT: (U) FRANCE: ELYSEE PREVIEWS NATO SUMMIT" in diff
    assert "+ SUBJECT: (U) FRANCE: SUMMIT POSTPONED" in diff
    assert "- 4. (U) Embassy comment: the summit should go smoothly." in diff
    assert "+ 4. (C) Embassy comment: the summit should go smoothly." in diff
    assert "  2. (S//NF) The diplomatic adviser said the communique would pass unchanged." in diff
    assert "lines marked - are only in version 1 (2), lines marked + were added since (2)" in (
        dialog.legend.text()
    )
    assert dialog.restore_button.isEnabled()
    dialog.select(2)
    assert not dialog.restore_button.isEnabled()  # the current version is there already
    assert "reads exactly as the text in the editor" in dialog.legend.text()
    assert all(line.startswith("  ") or not line for line in dialog.diff_text().splitlines())


def test_restore_from_the_dialog(
    qtbot: QtBot, window: MainWindow, demo: Session, clock: Clock
) -> None:
    _open_the_draft(window)
    clock.advance(minutes=1)
    editor = window.editor
    editor.header.subject.selectAll()
    qtbot.keyClicks(editor.header.subject, "FRANCE: A NEW SUBJECT")
    dialog = window.show_history()
    assert isinstance(dialog, HistoryDialog)
    dialog.select(1)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert editor.header.subject.text() == "FRANCE: ELYSEE PREVIEWS NATO SUMMIT"
    assert not editor.dirty and "restored" in window.statusBar().currentMessage().lower()
    history = demo.drafts.history(DRAFT.id)
    assert [(v.number, v.subject.split(": ")[-1]) for v in history] == [
        (3, "ELYSEE PREVIEWS NATO SUMMIT"), (2, "A NEW SUBJECT"), (1, "ELYSEE PREVIEWS NATO SUMMIT"),
    ]  # fmt: skip
    entry = demo.audit.entries(limit=1)[0]
    assert entry.event == "draft restored" and entry.details["version"] == 1
    assert window.model.rows()[0].subject == "FRANCE: ELYSEE PREVIEWS NATO SUMMIT"


def test_restoring_a_lower_version_asks_why(
    qtbot: QtBot, window: MainWindow, demo: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    _open_the_draft(window)
    editor = window.editor
    for block_number in range(4):  # every paragraph TOP SECRET//NOFORN: a higher banner
        editor.body.set_mark(editor.body.document().findBlockByNumber(block_number), "(TS//NF)")
    editor.save()
    dialog = window.show_history()
    assert isinstance(dialog, HistoryDialog)
    dialog.select(1)
    asked: list[str] = []

    def why(parent: object, title: str, text: str) -> tuple[str, bool]:
        asked.append(text)
        return "raised by mistake", True

    monkeypatch.setattr("cabledesk.ui.editor.history_dialog.QInputDialog.getMultiLineText", why)
    dialog.restore()
    assert len(asked) == 1 and "lowers the draft's classification" in asked[0]
    assert editor.banner.text() == "SECRET//NOFORN"
    lowered = demo.audit.entries(limit=2)
    assert [e.event for e in lowered] == ["draft restored", "classification lowered"]
    assert lowered[1].details["justification"] == "raised by mistake"


def test_the_model_names_its_columns() -> None:
    model = HistoryModel()
    names = [
        model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        for c in range(4)
    ]
    assert names == ["Version", "Saved", "Banner", "Subject"]

"""Issue 19, point 2: after sealing, the editor never stays live on the sealed cable, and
no pane keeps showing a cable of another list."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from cabledesk.services.archive import Direction
from cabledesk.services.session import Session
from cabledesk.ui.main_window import MainWindow
from cabledesk.ui.seal_dialog import SealDialog
from cabledesk.ui.workers import Workers
from tests.ui.demo_vault import build_demo_vault

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Session]:
    session = build_demo_vault(tmp_path, frus=5)
    yield session
    if not session.locked:
        session.lock()


@pytest.fixture
def window(qtbot: QtBot, demo: Session) -> MainWindow:
    w = MainWindow(demo, Workers(synchronous=True), None)
    qtbot.addWidget(w)
    w.show()
    return w


def _open_first_draft(window: MainWindow) -> str:
    window.list.setCurrentIndex(window.model.index(0))
    window.open_current()
    assert window.editor.draft_id is not None
    return window.editor.draft_id


def _seal_through_the_menu(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, during: object = None
) -> list[SealDialog]:
    """File → Seal, the dialog driven as a person would: tick, seal."""
    dialogs: list[SealDialog] = []

    def exec_(dialog: SealDialog) -> int:
        dialogs.append(dialog)
        dialog.tick("Klaus")
        dialog.output.setText(str(tmp_path / "sealed.cable"))
        dialog.seal()
        if callable(during):
            during()
        return 1

    monkeypatch.setattr(SealDialog, "exec", exec_)
    window.actions_by_name["seal"].trigger()
    return dialogs


def _draft_ids(window: MainWindow) -> set[str]:
    return {d.id for d in window.session.drafts.summaries()}


def test_typing_after_sealing_never_creates_a_draft(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft_id = _open_first_draft(window)
    subject = window.editor.header.subject.text()
    [dialog] = _seal_through_the_menu(window, tmp_path, monkeypatch)
    assert dialog.outcome is not None
    assert draft_id not in _draft_ids(window)
    before = _draft_ids(window)
    qtbot.keyClicks(window.editor.body, "typed after sealing")
    qtbot.keyClicks(window.editor.header.subject, "more")
    window.editor.flush()
    assert _draft_ids(window) == before
    assert not window.editor.isEnabled() and window.editor.body.toPlainText() == ""
    # the sealed cable shows, read-only, selected in Sent
    assert window.sidebar.current_section() == "sent"
    row = window.list.current_row()
    assert row is not None and row.key == str(dialog.outcome.archive_id)
    assert window.detail.currentWidget() is window.reader
    assert subject.split(":")[0] in window.reader.text.toPlainText()
    assert window.reader.text.isReadOnly()
    assert window.statusBar().currentMessage() == "Sealed — see Sent"


def test_a_save_asked_for_while_the_dialog_seals_does_not_recreate_the_draft(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft_id = _open_first_draft(window)
    qtbot.keyClicks(window.editor.header.subject, " (edited)")  # an edit waiting to be saved
    editor = window.editor

    def autosave_fires() -> None:  # the autosave timer firing behind the "Sealed" message
        assert editor.body.isReadOnly()
        editor.save()
        editor.flush()

    _seal_through_the_menu(window, tmp_path, monkeypatch, during=autosave_fires)
    assert draft_id not in _draft_ids(window)
    sent = window.session.archive.entries(Direction.SENT, limit=10)
    assert any(e.subject.endswith("(edited)") for e in sent)  # sealed what was typed


def test_a_cancelled_sealing_leaves_the_draft_editable(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft_id = _open_first_draft(window)
    monkeypatch.setattr(SealDialog, "exec", lambda dialog: 0)
    window.actions_by_name["seal"].trigger()
    assert window.editor.draft_id == draft_id and not window.editor.body.isReadOnly()
    qtbot.keyClicks(window.editor.header.subject, " kept")
    window.editor.flush()
    assert window.session.drafts.load(draft_id).subject.endswith("kept")


def test_the_received_view_does_not_keep_showing_a_sent_cable(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _open_first_draft(window)
    _seal_through_the_menu(window, tmp_path, monkeypatch)
    assert window.reader.text.toPlainText()  # the sent cable, in Sent
    window.sidebar.select("received")
    assert window.reader.text.toPlainText() == ""
    assert window.cable_to_export() is None


def test_search_results_do_not_keep_the_previous_reading_pane(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.sidebar.select("received")
    window.list.setCurrentIndex(window.model.index(0))
    window.open_current()
    assert window.reader.text.toPlainText()
    with qtbot.waitSignal(window.sidebar.search_requested, timeout=3000):
        qtbot.keyClicks(window.sidebar.search, "summit")
    assert window.reader.text.toPlainText() == ""

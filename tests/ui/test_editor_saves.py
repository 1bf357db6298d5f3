"""The editor's saves: ordered on the write thread, the newest content wins, and a save
that is refused says which changes were lost and which version is kept.

The write thread is held by a job of the test's own (as a long import holds it), so
that saves queue up behind it exactly as they do in use.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from cabledesk.domain.cable import Cable, Paragraph
from cabledesk.services.draft_history import SavedDraft
from cabledesk.services.drafts import SaveResult
from cabledesk.services.session import Session
from cabledesk.services.vault_access import VaultAccess
from cabledesk.ui.controller import AppController
from cabledesk.ui.editor._save_notice import moment
from cabledesk.ui.editor.cable_editor import CableEditor
from cabledesk.ui.main_window import MainWindow
from cabledesk.ui.unlock import UnlockWindow
from cabledesk.ui.workers import Workers
from tests.ui.conftest import SCHEMES
from tests.vaultkit import PASSPHRASE


class _Gate:
    """Holds the write thread with a job that waits until opened."""

    def __init__(self, workers: Workers) -> None:
        self._open = threading.Event()
        started = threading.Event()

        def hold(ctx: object) -> None:
            started.set()
            self._open.wait(10)

        workers.run("hold the write thread", hold, write=True)
        assert started.wait(5)

    def open(self) -> None:
        self._open.set()


@pytest.fixture
def threads() -> Iterator[Workers]:
    workers = Workers()
    yield workers
    assert workers.wait()


@pytest.fixture
def committed(session: Session, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The subject of every save that reached the vault, in the order committed."""
    subjects: list[str] = []
    save = session.drafts.save

    def spy(cable: Cable, *, justification: str = "") -> SaveResult:
        result = save(cable, justification=justification)
        subjects.append(cable.subject)
        return result

    monkeypatch.setattr(session.drafts, "save", spy)
    return subjects


def _editor(qtbot: QtBot, session: Session, workers: Workers) -> tuple[CableEditor, SavedDraft]:
    editor = CableEditor(session, workers)
    qtbot.addWidget(editor)
    editor.show()
    saved = session.drafts.current(session.drafts.new().id)
    editor.open_draft(saved.cable, saved.saved)
    return editor, saved


def test_the_newest_content_wins_and_superseded_saves_do_nothing(
    qtbot: QtBot, session: Session, threads: Workers, committed: list[str]
) -> None:
    editor, saved = _editor(qtbot, session, threads)
    gate = _Gate(threads)
    for words in ("FIRST", " SECOND", " THIRD"):
        qtbot.keyClicks(editor.header.subject, words)
        editor.save()  # each queued behind the held write thread
    qtbot.keyClicks(editor.header.subject, " FOURTH")
    editor.flush()
    assert editor.saving and "Saving" in editor.state.text()
    gate.open()
    qtbot.waitUntil(lambda: not editor.saving, timeout=5000)
    assert committed == ["FIRST SECOND THIRD FOURTH"]  # the three before it were dropped
    history = session.drafts.history(saved.cable.id)
    assert [(v.number, v.subject) for v in history] == [
        (2, "(U) FIRST SECOND THIRD FOURTH"), (1, "(U)"),
    ]  # fmt: skip
    assert editor.state.text() == "Saved (version 2)" and not editor.dirty


def test_an_older_save_never_commits_after_a_newer_one(
    qtbot: QtBot, session: Session, threads: Workers, committed: list[str]
) -> None:
    editor, first = _editor(qtbot, session, threads)
    second = session.drafts.current(session.drafts.new().id)
    gate = _Gate(threads)
    qtbot.keyClicks(editor.header.subject, "DRAFT A")
    editor.save()
    editor.open_draft(second.cable, second.saved)  # saves A's newest edits first
    qtbot.keyClicks(editor.header.subject, "DRAFT B")
    editor.save()
    gate.open()
    qtbot.waitUntil(lambda: not editor.saving, timeout=5000)
    assert committed == ["DRAFT A", "DRAFT B"]
    assert session.drafts.load(first.cable.id).subject == "DRAFT A"
    assert session.drafts.load(second.cable.id).subject == "DRAFT B"


def test_a_save_the_lock_refused_says_what_is_kept(
    qtbot: QtBot, session: Session, threads: Workers
) -> None:
    editor, saved = _editor(qtbot, session, threads)
    gate = _Gate(threads)
    qtbot.keyClicks(editor.header.subject, "LOST WORDS")
    notices: list[str] = []
    editor.flush("the vault was locking", notices.append)
    editor.clear()  # as the window does when it locks
    session.lock()  # before the queued save could run
    gate.open()
    qtbot.waitUntil(lambda: bool(notices), timeout=5000)
    pattern = (
        r"Your last changes \(since \d\d:\d\d\) could not be saved: the vault locked\. "
        r"The version of (.+) is kept\."
    )
    [notice] = notices
    match = re.fullmatch(pattern, notice)
    assert match is not None, notice
    assert match.group(1) == moment(saved.saved) == "2026-11-24 " + moment(saved.saved)[-5:]


def test_a_refused_save_in_the_open_editor_is_said_and_the_edits_stay(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor, saved = _editor(qtbot, session, Workers(synchronous=True))
    said: list[str] = []
    editor.save_refused.connect(said.append)
    secret = replace(saved.cable, paragraphs=(Paragraph("(S)", "Secret words."),))
    editor.open_draft(secret)
    editor.body.set_mark(editor.body.document().firstBlock(), "(S)")
    editor.save()  # SECRET now
    monkeypatch.setattr(
        "cabledesk.ui.editor.cable_editor.QInputDialog.getMultiLineText",
        lambda *a, **k: ("", False),  # asked why the classification is lowered: no answer
    )
    editor.body.set_mark(editor.body.document().firstBlock(), "(U)")
    editor.save()
    assert editor.dirty and said == []  # the user declined: said in the state line
    assert editor.state.text() == "Not saved: lowering the classification needs a reason"
    session.lock()
    editor.body.insertPlainText("More. ")
    editor.save()
    assert editor.state.text() == "Not saved" and editor.dirty
    assert len(said) == 1 and "could not be saved: the vault locked." in said[0]


# --- locking and closing the window ---------------------------------------------------


@pytest.fixture
def controller(
    qtbot: QtBot, vault_access: VaultAccess, session: Session
) -> Iterator[AppController]:
    """The application at its main window (synchronous workers), over the session's vault."""
    app = AppController(vault_access, SCHEMES, Workers(synchronous=True))
    unlock = app.start()  # the controller closes and deletes it
    assert isinstance(unlock, UnlockWindow)
    qtbot.keyClicks(unlock.passphrase, PASSPHRASE)
    qtbot.keyClick(unlock.passphrase, Qt.Key.Key_Return)
    assert isinstance(app.window, MainWindow)
    yield app  # its windows are the controller's: it closes and deletes them
    if app.session is not None:
        app.lock()
    if app.window is not None and shiboken6.isValid(app.window):
        app.window.close()


def _lowered_draft(window: MainWindow) -> None:
    """A SECRET draft saved, then lowered in the editor and not saved yet."""
    window.new_draft()
    editor = window.editor
    editor.body.insertPlainText("The minister said so.")
    editor.body.set_mark(editor.body.document().firstBlock(), "(S)")
    editor.save()
    assert editor.state.text() == "Saved (version 2)"
    editor.body.set_mark(editor.body.document().firstBlock(), "(U)")
    assert editor.dirty


def test_locking_with_a_lowered_draft_says_what_is_kept(
    qtbot: QtBot, controller: AppController
) -> None:
    window = controller.window
    assert isinstance(window, MainWindow)
    _lowered_draft(window)
    controller.lock()
    assert isinstance(controller.window, UnlockWindow)
    [notice] = controller.notices
    assert re.fullmatch(
        r"Your last changes \(since \d\d:\d\d\) could not be saved: they lower the "
        r"classification, and a reason must be given for that \(the vault was locking\)\. "
        r"The version of .+ is kept\.",
        notice,
    ), notice
    qtbot.waitUntil(lambda: _notice_on(controller.window) == notice, timeout=2000)


def _notice_on(window: QWidget | None) -> str:
    boxes = window.findChildren(QMessageBox, "notice") if window is not None else []
    return boxes[0].text() if boxes else ""


@pytest.mark.parametrize("choice", ["Keep editing", "Close anyway"])
def test_closing_with_a_refused_save_asks_first(
    qtbot: QtBot, controller: AppController, monkeypatch: pytest.MonkeyPatch, choice: str
) -> None:
    window = controller.window
    assert isinstance(window, MainWindow)
    _lowered_draft(window)
    asked: list[str] = []

    def answer(box: QMessageBox) -> int:
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == choice).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    window.close()
    assert len(asked) == 1 and "they lower the classification" in asked[0]
    assert "(CableDesk was closing)" in asked[0]
    if choice == "Keep editing":
        assert window.isVisible() and window.editor.dirty and window.editor.draft_id
    else:
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)
        assert window.editor.draft_id is None


def test_closing_saves_the_open_draft_first(
    qtbot: QtBot, controller: AppController, tmp_path: Path
) -> None:
    window = controller.window
    assert isinstance(window, MainWindow)
    window.new_draft()
    draft_id = window.editor.draft_id
    qtbot.keyClicks(window.editor.header.subject, "LAST WORDS")
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)
    assert controller.session is not None
    assert controller.session.drafts.load(draft_id or "").subject == "LAST WORDS"

"""Issue 18: the clearer's view of a clearance request — Clear, Return with changes,
Decline, Approve on the verification dialog; each answer sealed back to the drafter."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from cabledesk.crypto.age.hybrid import HybridIdentity
from cabledesk.domain.cable import Cable, Paragraph, cable_banner
from cabledesk.domain.canonical import encode_cable
from cabledesk.domain.clearance import clearance_sha256
from cabledesk.seal import PackageKind, SealRecipient, Statement, open_sealed, seal
from cabledesk.services.session import Session
from cabledesk.ui._return_edit_dialog import ReturnEditDialog
from cabledesk.ui.main_window import MainWindow
from cabledesk.ui.plain import PlainLabel
from cabledesk.ui.workers import Workers
from tests.ui.conftest import SCHEMES, card_file, child, person, shown_verification
from tests.ui.demo_vault import DRAFT
from tests.vaultkit import Clock

KLAUS = person(
    "Klaus Weber",
    nationality="USA",
    created=Clock().now - timedelta(days=30),
    pq_key=HybridIdentity.generate(),
)


@pytest.fixture
def window(qtbot: QtBot, session: Session, tmp_path: Path) -> MainWindow:
    session.contacts.import_card_file(card_file(tmp_path, KLAUS))
    session.contacts.verify(KLAUS.name, "in person")
    w = MainWindow(session, Workers(synchronous=True), None)
    qtbot.addWidget(w)
    return w


def _request(session: Session, folder: Path, cable: Cable = DRAFT, name: str = "request") -> Path:
    """Klaus's draft, sent to the user for clearance."""
    drafted = Statement.sign(
        KLAUS.signing_key, role="drafted", cable_id=cable.id,
        text_sha256=clearance_sha256(cable), name=KLAUS.name, made=session.vault.now(),
    )  # fmt: skip
    me = session.vault.identities.active()
    path = folder / f"{name}.cable"
    with path.open("wb") as out:
        seal(
            encode_cable(cable), cable_id=cable.id, sender=KLAUS,
            banner=cable_banner(cable, SCHEMES["us"]).banner,
            recipients=[SealRecipient(me.name, me.public())], output=out,
            now=session.vault.now(), kind=PackageKind.CLEARANCE_REQUEST,
            statements=[drafted.to_bytes()],
        )  # fmt: skip
    return path


def test_clear_a_request_from_its_verification(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = shown_verification(window, _request(window.session, tmp_path), monkeypatch)
    for name in ("clearRequest", "returnRequest", "declineRequest", "approveRequest"):
        child(dialog, QPushButton, name)
    out = tmp_path / "cleared.cable"
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Fine.", True)))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
    )
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: told.append(box.text()))
    child(dialog, QPushButton, "clearRequest").click()
    assert told == ["Your answer is sealed for the drafter: cleared.cable"]
    result = open_sealed(
        io.BytesIO(out.read_bytes()), KLAUS.age_identities(), trust_of=lambda fp: None,
        me={KLAUS.fingerprint}, schemes=SCHEMES, now=window.session.vault.now(),
    )  # fmt: skip
    assert str(result.kind) == "clearance-response"
    (statement,) = result.statements
    assert (statement.role, statement.comment, statement.matches_cable) == (
        "cleared",
        "Fine.",
        True,
    )


def test_no_answer_buttons_on_an_ordinary_cable(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    me = window.session.vault.identities.active()
    path = tmp_path / "cable.cable"
    with path.open("wb") as out:
        seal(
            encode_cable(DRAFT), cable_id=DRAFT.id, sender=KLAUS,
            banner=cable_banner(DRAFT, SCHEMES["us"]).banner,
            recipients=[SealRecipient(me.name, me.public())], output=out,
            now=window.session.vault.now(),
        )  # fmt: skip
    dialog = shown_verification(window, path, monkeypatch)
    assert dialog.findChild(QPushButton, "clearRequest") is None


def _opened_by_klaus(window: MainWindow, path: Path) -> Cable:
    """The cable of ``path``, an answer sealed for Klaus, with its one statement's role."""
    result = open_sealed(
        io.BytesIO(path.read_bytes()), KLAUS.age_identities(), trust_of=lambda fp: None,
        me={KLAUS.fingerprint}, schemes=SCHEMES, now=window.session.vault.now(),
    )  # fmt: skip
    (statement,) = result.statements
    assert (statement.role, statement.matches_cable) == ("returned", True)
    assert result.cable is not None
    return result.cable


def test_the_first_request_says_it_is_the_first_version_seen(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = shown_verification(window, _request(window.session, tmp_path), monkeypatch)
    title = child(dialog, PlainLabel, "changesTitle").text()
    assert title.startswith("This is the first version of this cable you receive")
    assert dialog.findChild(QPlainTextEdit, "changesDiff") is None


def test_a_second_request_shows_what_changed_since_the_version_last_received(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown_verification(window, _request(window.session, tmp_path), monkeypatch)
    changed = replace(
        DRAFT, paragraphs=(*DRAFT.paragraphs[:-1], Paragraph("(U)", "The summit is off."))
    )
    second = _request(window.session, tmp_path, changed, "request-2")
    dialog = shown_verification(window, second, monkeypatch)
    title = child(dialog, PlainLabel, "changesTitle").text()
    assert title.startswith("What changed since the version you last received, on ")
    diff = child(dialog, QPlainTextEdit, "changesDiff").toPlainText().splitlines()
    assert "- 4. (U) Embassy comment: the summit should go smoothly." in diff
    assert "+ 4. (U) The summit is off." in diff
    assert not any("SUMMARY" in line for line in diff)  # far from the change: left out
    again = shown_verification(window, second, monkeypatch)  # opened once more
    assert (
        child(again, PlainLabel, "changesTitle")
        .text()
        .startswith("The text is the same as the version you received on ")
    )


def _return_dialog(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> ReturnEditDialog:
    dialog = shown_verification(window, _request(window.session, tmp_path), monkeypatch)
    opened: list[ReturnEditDialog] = []

    def exec_(editor: ReturnEditDialog) -> int:
        opened.append(editor)
        return 0

    monkeypatch.setattr(ReturnEditDialog, "exec", exec_)
    child(dialog, QPushButton, "returnRequest").click()
    [editor] = opened
    return editor


def test_return_with_changes_edits_the_text_in_cabledesk(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = _return_dialog(window, tmp_path, monkeypatch)
    assert editor.body.paragraphs() == DRAFT.paragraphs
    editor.body.setFocus()
    editor.body.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClick(editor.body, Qt.Key.Key_Return)
    QTest.keyClicks(editor.body, "(U) The mission concurs.")
    editor.comment.setText("One paragraph added.")
    out = tmp_path / "returned.cable"
    editor.choose_output = lambda: out
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: told.append(box.text()))
    child(editor, QPushButton, "returnWithChanges").click()
    assert told == ["Your version is sealed for the drafter: returned.cable"]
    returned = _opened_by_klaus(window, out)
    assert returned.paragraphs == (*DRAFT.paragraphs, Paragraph("(U)", "The mission concurs."))
    assert returned.id == DRAFT.id


def test_returning_an_unchanged_text_says_to_clear_it(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = _return_dialog(window, tmp_path, monkeypatch)
    editor.choose_output = lambda: pytest.fail("nothing to return: no file asked for")
    child(editor, QPushButton, "returnWithChanges").click()
    problem = child(editor, PlainLabel, "returnProblem")
    assert problem.text() == "You changed nothing: to accept the text as it is, clear it."


def test_the_answers_and_the_working_copy_are_reached_with_the_keyboard(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = shown_verification(window, _request(window.session, tmp_path), monkeypatch)
    window.show()
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    opened: list[ReturnEditDialog] = []

    def exec_(editor: ReturnEditDialog) -> int:
        opened.append(editor)
        return 0

    monkeypatch.setattr(ReturnEditDialog, "exec", exec_)
    QTest.keyClick(dialog, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)  # &Return with…
    qtbot.waitUntil(lambda: bool(opened))  # a mnemonic "animates" the click
    assert opened[0].body.paragraphs() == DRAFT.paragraphs


def test_the_working_copy_s_fields_have_mnemonics(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    editor = ReturnEditDialog(window, tmp_path / "request.cable", DRAFT)
    qtbot.addWidget(editor)
    with qtbot.waitActive(editor):
        editor.show()
        editor.activateWindow()
    QTest.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # &Subject
    assert editor.subject.hasFocus()
    QTest.keyClick(editor, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # &Text
    assert editor.body.hasFocus()
    QTest.keyClick(editor, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # Co&mment
    assert editor.comment.hasFocus()


@pytest.mark.usefixtures("french")
def test_what_became_of_a_second_request_in_the_archive_is_said_in_french(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The archive's note on a cable that replaces an earlier copy was English only."""
    shown_verification(window, _request(window.session, tmp_path), monkeypatch)
    changed = replace(DRAFT, paragraphs=(*DRAFT.paragraphs[:-1], Paragraph("(U)", "Off.")))
    second = _request(window.session, tmp_path, changed, "request-2")
    details = child(shown_verification(window, second, monkeypatch), PlainLabel, "verdictDetails")
    assert "Il remplace l’exemplaire de ce télégramme du même signataire reçu le " in (
        details.text()
    )
    assert "It replaces" not in details.text()

"""Issue 18 on the desktop: the Clearances panel of a draft — its menu entry, sending the
draft for clearance to contacts chosen in the panel, recording answers, and a returned
edit shown as a diff and accepted."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
)
from pytestqt.qtbot import QtBot

from cabledesk.crypto.age.hybrid import HybridIdentity
from cabledesk.crypto.keys import Identity
from cabledesk.domain.cable import Attachment, Cable, Paragraph, cable_banner
from cabledesk.domain.canonical import encode_cable
from cabledesk.domain.clearance import clearance_sha256
from cabledesk.seal import PackageKind, SealRecipient, Statement, seal
from cabledesk.services.session import Session
from cabledesk.store.settings import APPROVAL_REQUIRED_FROM
from cabledesk.ui._contacts_model import short_fingerprint
from cabledesk.ui._party_picker import PartyPicker
from cabledesk.ui.clearance_dialog import ClearanceDialog
from cabledesk.ui.main_window import MainWindow
from cabledesk.ui.plain import PlainLabel
from cabledesk.ui.workers import Workers
from tests.ui.conftest import SCHEMES, card_file, child, person
from tests.ui.demo_vault import DRAFT
from tests.vaultkit import Clock

ROOT = Path(__file__).resolve().parents[2]
BEFORE = Clock().now - timedelta(days=30)
KLAUS = person("Klaus Weber", nationality="USA", created=BEFORE, pq_key=HybridIdentity.generate())
ANNA = person(
    "Anna Ambassador", nationality="USA", created=BEFORE, pq_key=HybridIdentity.generate()
)
MARIA = person("Maria Smith", nationality="USA", created=BEFORE, pq_key=HybridIdentity.generate())
OTTO = person("Otto Unverified", nationality="USA", created=BEFORE)


@pytest.fixture
def demo(session: Session, tmp_path: Path) -> Session:
    session.drafts.save(DRAFT)
    for who in (KLAUS, ANNA):
        session.contacts.import_card_file(card_file(tmp_path, who))
        session.contacts.verify(who.name, "in person")
    return session


@pytest.fixture
def dialog(qtbot: QtBot, demo: Session) -> ClearanceDialog:
    widget = ClearanceDialog(demo, Workers(synchronous=True), demo.drafts.load(DRAFT.id))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _answer(session: Session, who: Identity, role: str, cable: Cable, path: Path) -> Path:
    statement = Statement.sign(
        who.signing_key, role=role, cable_id=cable.id, text_sha256=clearance_sha256(cable),
        name=who.name, made=session.vault.now(), office="POL", comment="As discussed.",
    )  # fmt: skip
    me = session.vault.identities.active()
    with path.open("wb") as out:
        seal(
            encode_cable(cable), cable_id=cable.id, sender=who,
            banner=cable_banner(cable, SCHEMES["us"]).banner,
            recipients=[SealRecipient(me.name, me.public())], output=out,
            now=session.vault.now(), kind=PackageKind.CLEARANCE_RESPONSE,
            statements=[statement.to_bytes()],
        )  # fmt: skip
    return path


def _send(dialog: ClearanceDialog, monkeypatch: pytest.MonkeyPatch, out: Path) -> None:
    dialog.clearers.tick("Klaus Weber")
    dialog.approvers.tick("Anna Ambassador")
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
    )
    child(dialog, QPushButton, "sendForClearance").click()


def _receive(dialog: ClearanceDialog, monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )
    child(dialog, QPushButton, "receiveAnswer").click()


def _answers(dialog: ClearanceDialog) -> dict[str, str]:
    table = child(dialog, QTableWidget, "clearanceParties")

    def cell(row: int, column: int) -> str:
        item = table.item(row, column)
        assert item is not None
        return item.text()

    return {cell(r, 1): cell(r, 2) for r in range(table.rowCount())}


def test_the_menu_entry_and_its_shortcut(
    qtbot: QtBot, demo: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(demo, Workers(synchronous=True), None)
    qtbot.addWidget(window)
    action = window.actions_by_name["clearance"]
    assert action.shortcut() == QKeySequence("Ctrl+Shift+L")
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: told.append(box.text()))
    window.editor.clear()
    action.trigger()
    assert told == ["Open a draft to send it for clearance."]
    assert window.findChild(ClearanceDialog) is None


def test_send_for_clearance_then_record_the_answers(
    dialog: ClearanceDialog, demo: Session, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    state = child(dialog, PlainLabel, "clearanceState")
    assert state.text().startswith("Not sent for clearance.")
    out = tmp_path / "request.cable"
    _send(dialog, monkeypatch, out)
    assert out.exists() and state.text().startswith("In clearance.")
    assert _answers(dialog) == {"Klaus Weber": "No answer yet", "Anna Ambassador": "No answer yet"}
    draft = demo.drafts.load(DRAFT.id)
    _receive(dialog, monkeypatch, _answer(demo, KLAUS, "cleared", draft, tmp_path / "k.cable"))
    result = child(dialog, PlainLabel, "answerResult")
    assert result.text() == "Recorded: Klaus Weber — Cleared (the current text)."
    _receive(dialog, monkeypatch, _answer(demo, ANNA, "approved", draft, tmp_path / "a.cable"))
    assert _answers(dialog) == {"Klaus Weber": "Cleared", "Anna Ambassador": "Approved"}
    assert "Approved." in state.text()


def test_a_returned_edit_is_shown_and_accepted_only_when_asked(
    qtbot: QtBot,
    dialog: ClearanceDialog,
    demo: Session,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    _send(dialog, monkeypatch, tmp_path / "request.cable")
    draft = demo.drafts.load(DRAFT.id)
    edited = replace(draft, paragraphs=(*draft.paragraphs[:-1], Paragraph("(U)", "Calm.")))
    _receive(dialog, monkeypatch, _answer(demo, KLAUS, "returned", edited, tmp_path / "e.cable"))
    accept = child(dialog, QPushButton, "acceptEdit")
    assert accept.isVisible() and "+ 4. (U) Calm." in dialog.diff.toPlainText()
    assert demo.drafts.load(DRAFT.id) == draft  # not yet accepted
    with qtbot.waitSignal(dialog.draft_changed) as changed:
        accept.click()
    assert changed.args is not None and changed.args[0].cable.paragraphs[-1].text == "Calm."
    assert demo.drafts.load(DRAFT.id).paragraphs[-1].text == "Calm."
    assert _answers(dialog)["Klaus Weber"] == "Returned changes (now the text)"


def test_a_returned_edit_can_be_declined_keeping_the_drafters_text(
    dialog: ClearanceDialog, demo: Session, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _send(dialog, monkeypatch, tmp_path / "request.cable")
    draft = demo.drafts.load(DRAFT.id)
    edited = replace(draft, paragraphs=(*draft.paragraphs[:-1], Paragraph("(U)", "Calm.")))
    _receive(dialog, monkeypatch, _answer(demo, KLAUS, "returned", edited, tmp_path / "e.cable"))
    keep = child(dialog, QPushButton, "rejectEdit")
    assert keep.isVisible() and keep.text() == "&Keep my text"
    keep.click()
    assert not dialog.diff.isVisible() and not child(dialog, QPushButton, "acceptEdit").isVisible()
    assert demo.drafts.load(DRAFT.id) == draft
    assert child(dialog, PlainLabel, "answerResult").text() == (
        "Your text is kept. Their version stays recorded as their answer."
    )
    assert _answers(dialog)["Klaus Weber"] == "Returned changes (not the current text)"


def _cell(picker: PartyPicker, key_start: str, column: int) -> str:
    model = picker.model_
    row = next(
        r
        for r, item in enumerate(model.items())
        if (item.key if item.group else item.label).startswith(key_start)
    )
    return str(model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole))


def test_a_group_chooses_its_members_and_each_contact_shows_trust_and_key(
    qtbot: QtBot, demo: Session, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for who in (MARIA, OTTO):
        demo.contacts.import_card_file(card_file(tmp_path, who))
    demo.contacts.verify(MARIA.name, "in person")
    demo.contacts.create_group("POL section")
    demo.contacts.add_to_group("POL section", [KLAUS.fingerprint, MARIA.fingerprint])
    dialog = ClearanceDialog(demo, Workers(synchronous=True), demo.drafts.load(DRAFT.id))
    qtbot.addWidget(dialog)
    clearers = dialog.clearers
    assert _cell(clearers, "POL section", 0) == "Group POL section (2 members)"
    assert _cell(clearers, "POL section", 3) == "Klaus Weber, Maria Smith"
    assert _cell(clearers, "Klaus Weber", 1).startswith("Verified on ")
    assert _cell(clearers, "Klaus Weber", 2) == short_fingerprint(KLAUS.fingerprint)
    assert _cell(clearers, "Otto", 0) == "Otto Unverified — AMEMBASSY BERLIN (unverified)"
    assert _cell(clearers, "Otto", 1) == "Unverified"
    header = clearers.model_.headerData(3, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    assert header == "Group members"
    clearers.tick("POL section")
    dialog.approvers.tick("Anna Ambassador")
    out = tmp_path / "request.cable"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
    )
    child(dialog, QPushButton, "sendForClearance").click()
    assert out.exists()
    assert _answers(dialog) == {
        "Klaus Weber": "No answer yet",
        "Maria Smith": "No answer yet",
        "Anna Ambassador": "No answer yet",
    }


def test_an_approver_ticked_also_through_a_group_is_only_an_approver(
    qtbot: QtBot, demo: Session, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    demo.contacts.create_group("Front office")
    demo.contacts.add_to_group("Front office", [KLAUS.fingerprint, ANNA.fingerprint])
    dialog = ClearanceDialog(demo, Workers(synchronous=True), demo.drafts.load(DRAFT.id))
    qtbot.addWidget(dialog)
    dialog.clearers.tick("Front office")
    dialog.approvers.tick("Anna Ambassador")
    out = tmp_path / "request.cable"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
    )
    child(dialog, QPushButton, "sendForClearance").click()
    parts = child(dialog, QTableWidget, "clearanceParties")
    rows = {
        (parts.item(r, 0).text(), parts.item(r, 1).text())  # type: ignore[union-attr]
        for r in range(parts.rowCount())
    }
    assert rows == {("Clearer", "Klaus Weber"), ("Approver", "Anna Ambassador")}


def test_choosing_and_sending_with_the_keyboard(
    qtbot: QtBot, dialog: ClearanceDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    dialog.activateWindow()
    QTest.keyClick(dialog, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # C&learers
    assert dialog.clearers.hasFocus()
    QTest.keyClick(dialog.clearers, Qt.Key.Key_Home)
    while not dialog.clearers.currentIndex().data().startswith("Klaus"):
        QTest.keyClick(dialog.clearers, Qt.Key.Key_Down)
    QTest.keyClick(dialog.clearers, Qt.Key.Key_Space)
    QTest.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # A&pprovers
    assert dialog.approvers.hasFocus()
    while not dialog.approvers.currentIndex().data().startswith("Anna"):
        QTest.keyClick(dialog.approvers, Qt.Key.Key_Down)
    QTest.keyClick(dialog.approvers, Qt.Key.Key_Space)
    QTest.keyClick(dialog, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)  # Co&mment
    assert child(dialog, QLineEdit, "clearanceComment").hasFocus()
    QTest.keyClicks(dialog.comment, "Please clear by noon.")
    out = tmp_path / "request.cable"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
    )
    QTest.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # &Send…
    qtbot.waitUntil(out.exists)  # a mnemonic "animates" the click
    assert set(_answers(dialog)) == {"Klaus Weber", "Anna Ambassador"}


@pytest.mark.usefixtures("french")
def test_what_is_missing_is_said_in_french(qtbot: QtBot, demo: Session) -> None:
    demo.vault.settings.set(APPROVAL_REQUIRED_FROM, "CONFIDENTIAL")
    dialog = ClearanceDialog(demo, Workers(synchronous=True), demo.drafts.load(DRAFT.id))
    qtbot.addWidget(dialog)
    text = child(dialog, PlainLabel, "clearanceState").text()
    assert text.startswith("Pas envoyé") and "approbation" in text
    assert "approval" not in text and "Missing" not in text


def test_an_unverified_contact_is_not_sent_the_request(
    qtbot: QtBot, demo: Session, tmp_path: Path
) -> None:
    demo.contacts.import_card_file(card_file(tmp_path, OTTO))
    dialog = ClearanceDialog(demo, Workers(synchronous=True), demo.drafts.load(DRAFT.id))
    qtbot.addWidget(dialog)
    dialog.clearers.tick("Otto")
    child(dialog, QPushButton, "sendForClearance").click()  # no file dialog: refused before
    assert (
        child(dialog, PlainLabel, "answerResult")
        .text()
        .startswith("Not sent: the keys of Otto Unverified are not verified.")
    )
    assert not demo.clearance.status(DRAFT.id).in_clearance


def _with_annex(qtbot: QtBot, demo: Session, tmp_path: Path) -> tuple[ClearanceDialog, Path]:
    annex = tmp_path / "annex.txt"
    annex.write_text("The annex.\n")
    demo.drafts.save(replace(DRAFT, attachments=(Attachment("annex.txt"),)))
    widget = ClearanceDialog(demo, Workers(synchronous=True), demo.drafts.load(DRAFT.id))
    qtbot.addWidget(widget)
    widget.show()
    return widget, annex


def test_a_draft_with_attachments_is_sent_with_their_files(
    qtbot: QtBot, demo: Session, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    widget, annex = _with_annex(qtbot, demo, tmp_path)
    asked: list[str] = []

    def choose(*args: object, **kwargs: object) -> tuple[list[str], str]:
        asked.append(str(args[1]))
        return [str(annex)], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(choose))
    out = tmp_path / "request.cable"
    _send(widget, monkeypatch, out)
    assert asked == ["Choose the files of the attachments: annex.txt"]
    assert out.exists()
    (listed,) = demo.drafts.load(DRAFT.id).attachments
    assert listed.size == annex.stat().st_size and listed.sha256 is not None


def test_a_draft_with_attachments_is_not_sent_without_the_files_it_lists(
    qtbot: QtBot, demo: Session, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    widget, _ = _with_annex(qtbot, demo, tmp_path)
    other = tmp_path / "other.txt"
    other.write_text("Not the annex.\n")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(other)], ""))
    )
    out = tmp_path / "request.cable"
    _send(widget, monkeypatch, out)
    assert not out.exists()
    result = child(widget, PlainLabel, "answerResult").text()
    assert result == "Not sent: the draft lists annex.txt, and no file of that name was chosen."

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
from PySide6.QtWidgets import QFileDialog, QListWidget, QMessageBox, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from cabledesk.crypto.age.hybrid import HybridIdentity
from cabledesk.crypto.keys import Identity
from cabledesk.domain.cable import Cable, Paragraph, cable_banner
from cabledesk.domain.canonical import encode_cable
from cabledesk.domain.clearance import clearance_sha256
from cabledesk.seal import PackageKind, SealRecipient, Statement, seal
from cabledesk.services.session import Session
from cabledesk.ui.clearance_dialog import ClearanceDialog
from cabledesk.ui.main_window import MainWindow
from cabledesk.ui.plain import PlainLabel
from cabledesk.ui.workers import Workers
from tests.ui.conftest import SCHEMES, card_file, child, person
from tests.ui.demo_vault import DRAFT
from tests.vaultkit import Clock

BEFORE = Clock().now - timedelta(days=30)
KLAUS = person("Klaus Weber", nationality="USA", created=BEFORE, pq_key=HybridIdentity.generate())
ANNA = person(
    "Anna Ambassador", nationality="USA", created=BEFORE, pq_key=HybridIdentity.generate()
)


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


def _check(widget: QListWidget, name: str) -> None:
    item = next(widget.item(i) for i in range(widget.count()) if widget.item(i).text() == name)
    item.setCheckState(Qt.CheckState.Checked)


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
    _check(dialog.clearers, "Klaus Weber")
    _check(dialog.approvers, "Anna Ambassador")
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

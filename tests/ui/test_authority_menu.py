"""The desktop's authority mode (issue 16), through its widgets: the Authority menu shows
only for a vault with an authority key; attest, revoke, publish and export the anchor."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QFileDialog, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from cabledesk.crypto.anchor import Anchor
from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.directory import Directory
from cabledesk.services.session import Session
from cabledesk.ui import authority_menu
from cabledesk.ui.authority_dialogs import AttestDialog, RevokeDialog
from cabledesk.ui.main_window import MainWindow
from cabledesk.ui.workers import Workers
from tests.ui.conftest import card_file, child, person


@pytest.fixture
def office(session: Session) -> Session:
    session.authority.init("MFA SECURITY OFFICE", nationalities=("DEU", "USA"))
    return session


def _window(qtbot: QtBot, session: Session) -> MainWindow:
    window = MainWindow(session, Workers(synchronous=True), None)
    qtbot.addWidget(window)
    return window


def test_the_authority_menu_is_hidden_without_an_authority_key(
    qtbot: QtBot, session: Session
) -> None:
    window = _window(qtbot, session)
    assert not window.actions_by_name["authority-menu"].isVisible()


def test_the_authority_menu_shows_for_a_security_office(qtbot: QtBot, office: Session) -> None:
    window = _window(qtbot, office)
    assert window.actions_by_name["authority-menu"].isVisible()
    for name in ("attest", "revoke", "publish", "export-anchor"):
        assert window.actions_by_name[f"authority-{name}"].isEnabled()


def test_attest_a_card_from_the_menu(
    qtbot: QtBot, office: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    klaus = person("Klaus Weber", nationality="DEU", clearance="SECRET")
    path = card_file(tmp_path, klaus)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    shown: list[AttestDialog] = []

    def fill_and_attest(dialog: AttestDialog) -> int:
        shown.append(dialog)
        assert child(dialog, QLabel, "cardName").text() == "Klaus Weber — AMEMBASSY BERLIN"
        assert child(dialog, QLabel, "cardSafetyNumber").text() == (
            office.authority.card_to_attest(path).safety_number
        )
        assert child(dialog, QComboBox, "clearance").currentText() == "SECRET"  # the claim
        child(dialog, QComboBox, "clearance").setCurrentText("TOP SECRET")
        child(dialog, QLineEdit, "accesses").setText("atomal")
        child(dialog, QCheckBox, "role-clearer").setChecked(True)
        qtbot.mouseClick(child(dialog, QPushButton, "actionButton"), Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(AttestDialog, "exec", fill_and_attest)
    window = _window(qtbot, office)
    window.actions_by_name["authority-attest"].trigger()
    assert shown and shown[0].attested is not None
    (entry,) = office.authority.attestations()
    assert (entry.clearance, entry.nationality, entry.scheme) == ("TOP SECRET", "DEU", "us")
    assert (entry.accesses, entry.roles) == (("ATOMAL",), ("clearer",))
    assert "Klaus Weber" in window.statusBar().currentMessage()


def test_the_attest_dialog_says_a_refusal_and_stays_open(
    qtbot: QtBot, office: Session, workers: Workers, tmp_path: Path
) -> None:
    path = card_file(tmp_path, person("Pierre Martin", nationality="FRA"))
    dialog = AttestDialog(office, workers, path, office.authority.card_to_attest(path))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(child(dialog, QPushButton, "actionButton"), Qt.MouseButton.LeftButton)
    assert dialog.attested is None and dialog.isVisible()
    assert "outside its scope" in child(dialog, QLabel, "authorityMessage").text()
    assert office.authority.attestations() == []


def test_a_hostile_card_name_is_shown_as_plain_text(
    qtbot: QtBot, office: Session, workers: Workers, tmp_path: Path
) -> None:
    path = tmp_path / "evil.contact"
    hostile = person("<b>Evil</b> <a href='x'>click</a>", nationality="DEU")
    path.write_bytes(ContactCard.for_identity(hostile).to_bytes())
    dialog = AttestDialog(office, workers, path, office.authority.card_to_attest(path))
    qtbot.addWidget(dialog)
    label = child(dialog, QLabel, "cardName")
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text().startswith("<b>Evil</b>")


def test_revoke_a_key_from_the_menu(
    qtbot: QtBot, office: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    fingerprint = "SHA256:" + "E" * 43

    def fill_and_revoke(dialog: RevokeDialog) -> int:
        button = child(dialog, QPushButton, "actionButton")
        assert not button.isEnabled()  # nothing to revoke yet
        child(dialog, QLineEdit, "fingerprint").setText(fingerprint)
        reasons = child(dialog, QComboBox, "reason")
        reasons.setCurrentIndex(reasons.findData("left-service"))
        child(dialog, QLineEdit, "revocationText").setText("retired")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(RevokeDialog, "exec", fill_and_revoke)
    window = _window(qtbot, office)
    window.actions_by_name["authority-revoke"].trigger()
    assert office.authority.status().revoked == 1
    assert fingerprint in window.statusBar().currentMessage()


def test_the_revoke_dialog_refuses_a_malformed_fingerprint(
    qtbot: QtBot, office: Session, workers: Workers
) -> None:
    dialog = RevokeDialog(office, workers)
    qtbot.addWidget(dialog)
    dialog.show()
    child(dialog, QLineEdit, "fingerprint").setText("SHA256:short")
    qtbot.mouseClick(child(dialog, QPushButton, "actionButton"), Qt.MouseButton.LeftButton)
    assert dialog.revoked is None and dialog.isVisible()
    assert "not a key fingerprint" in child(dialog, QLabel, "authorityMessage").text()


def test_publish_and_export_the_anchor_from_the_menu(
    qtbot: QtBot, office: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told: list[str] = []
    monkeypatch.setattr(authority_menu, "inform", lambda parent, title, text: told.append(text))
    window = _window(qtbot, office)
    for name, target in (("export-anchor", "mfa.anchor"), ("publish", "mfa.cdir")):
        out = tmp_path / target
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, o=out, **k: (str(o), ""))
        window.actions_by_name[f"authority-{name}"].trigger()
    anchor = Anchor.parse((tmp_path / "mfa.anchor").read_bytes())
    directory = Directory.read((tmp_path / "mfa.cdir").read_bytes(), anchor)
    assert directory.serial == 1
    assert anchor.safety_number in told[0]
    assert "serial 1" in told[1]

"""The seal dialog and the one recipient picker it shares with file encryption."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from cabledesk.crypto.age import HybridIdentity
from cabledesk.crypto.contact import ContactCard
from cabledesk.services.session import Session
from cabledesk.ui._recipients_model import RecipientsModel
from cabledesk.ui.file_crypto_dialog import FileCryptoDialog
from cabledesk.ui.seal_dialog import SealDialog
from cabledesk.ui.workers import Workers
from tests.ui.conftest import person
from tests.ui.demo_vault import DRAFT

POLICY = RecipientsModel.POLICY


@pytest.fixture
def people(session: Session) -> dict[str, str]:
    """Klaus (verified), Paolo (unverified), Ann (revoked); the group EU posts (Klaus,
    Paolo) and the group Tokyo (Ann). Their fingerprints by first name."""
    found: dict[str, str] = {}
    for name, post in (("Klaus Weber", "AMEMBASSY BERLIN"), ("Paolo Rossi", "AMEMBASSY ROME"),
                       ("Ann Lee", "AMEMBASSY TOKYO")):  # fmt: skip
        who = person(name, post, nationality="USA", pq_key=HybridIdentity.generate())
        session.contacts.import_card(ContactCard.for_identity(who).to_bytes())
        found[name.split()[0]] = who.fingerprint
    session.contacts.verify("Klaus", "in person")
    session.contacts.revoke("Ann", "laptop lost")
    session.contacts.create_group("EU posts")
    session.contacts.add_to_group("EU posts", ["Klaus", "Paolo"])
    session.contacts.create_group("Tokyo")
    session.contacts.add_to_group("Tokyo", ["Ann"])
    return found


def _dialog(qtbot: QtBot, session: Session, workers: Workers) -> SealDialog:
    dialog = SealDialog(session, workers, DRAFT)  # SECRET//NOFORN, ready to seal
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _rows(model: RecipientsModel) -> list[tuple[str, bool, str]]:
    """Each row: its label, whether it can be ticked, its policy column."""
    return [
        (
            str(model.index(r, 0).data()),
            bool(model.flags(model.index(r, 0)) & Qt.ItemFlag.ItemIsUserCheckable),
            str(model.index(r, POLICY).data() or ""),
        )
        for r in range(model.rowCount())
    ]


def test_revoked_recipients_are_shown_but_cannot_be_ticked(
    qtbot: QtBot, session: Session, workers: Workers, people: dict[str, str]
) -> None:
    dialog = _dialog(qtbot, session, workers)
    rows = _rows(dialog.model)
    assert [(label.split(" —")[0], usable) for label, usable, _ in rows] == [
        ("Group EU posts (2 members)", True),
        ("Group Tokyo (1 members)", False),
        ("Ann Lee", False),
        ("Klaus Weber", True),
        ("Paolo Rossi", True),
    ]
    assert "cannot be chosen: the keys of Ann Lee are revoked" in rows[1][0]
    assert "Revoked on" in rows[2][0] and "(unverified)" in rows[4][0]
    revoked = dialog.model.index(2, 0)
    assert not dialog.model.setData(revoked, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert dialog.model.checked() == []


def test_a_group_ticked_shows_each_members_decision(
    qtbot: QtBot, session: Session, workers: Workers, people: dict[str, str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    dialog = _dialog(qtbot, session, workers)
    view = dialog.recipients
    view.setFocus()
    view.setCurrentIndex(dialog.model.index(0, 0))  # the group EU posts
    qtbot.keyClick(view, Qt.Key.Key_Space)  # ticks it, as a click on its box would
    assert [item.key for item in dialog.model.checked()] == ["EU posts"]
    rows = _rows(dialog.model)
    assert rows[3][2] == "Allowed (in EU posts)"  # Klaus, verified, through the group
    assert rows[4][2].startswith("Unverified: tick to confirm")
    assert not dialog.seal_button.isEnabled()
    dialog.confirm("Paolo")
    assert dialog.confirmed() == {people["Paolo"]} and dialog.seal_button.isEnabled()
    dialog.tick("EU posts", checked=False)
    assert _rows(dialog.model)[4][2] == "" and not dialog.seal_button.isEnabled()
    assert dialog.confirmed() == set()  # a confirmation ends with the recipient's choice
    dialog.tick("EU posts")
    dialog.confirm("Paolo")
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Ok)
    dialog.output.setText(str(tmp_path / "talks.cable"))
    qtbot.mouseClick(dialog.seal_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome is not None and (tmp_path / "talks.cable").exists()
    names = {n.split(" (")[0] for n in dialog.outcome.recipients}
    assert names == {"Klaus Weber", "Paolo Rossi", "Jane Doe"}


def test_file_encryption_uses_the_same_picker(
    qtbot: QtBot, session: Session, workers: Workers, people: dict[str, str]
) -> None:
    dialog = FileCryptoDialog(session, workers, encrypt=True, recipients=["eu POSTS"])
    qtbot.addWidget(dialog)
    assert isinstance(dialog.model, RecipientsModel)
    assert [item.key for item in dialog.model.checked()] == ["EU posts"]  # any case
    seal = _dialog(qtbot, session, workers)
    assert [i.key for i in dialog.model.items()] == [i.key for i in seal.model.items()]
    assert dialog.list.model() is dialog.model  # file encryption shows the policy too


def test_after_a_failed_seal_the_seal_button_works_again(
    qtbot: QtBot, session: Session, workers: Workers, people: dict[str, str], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """The job was stored after its failure had already cleared it, so the dialog
    thought a seal was still running: the button stayed disabled, Cancel did nothing."""
    dialog = _dialog(qtbot, session, workers)
    dialog.tick("Klaus")
    dialog.output.setText(str(tmp_path / "talks.cable"))
    # a file that appears after the name was checked: sealing refuses to replace it
    (tmp_path / "talks.cable").write_bytes(b"already here")
    monkeypatch.setattr("cabledesk.ui.seal_dialog.show_error", lambda *a: None)
    qtbot.mouseClick(dialog.seal_button, Qt.MouseButton.LeftButton)
    refused = dialog.outcome
    assert refused is None and dialog.seal_button.isEnabled()
    dialog.output.setText(str(tmp_path / "other.cable"))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QMessageBox.StandardButton.Ok)
    qtbot.mouseClick(dialog.seal_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome is not None and (tmp_path / "other.cable").exists()


def test_a_secret_cable_for_a_contact_without_a_post_quantum_key_is_refused_in_the_dialog(
    qtbot: QtBot, session: Session, workers: Workers, people: dict[str, str]
) -> None:
    """The dialog says it before sealing: who lacks a post-quantum key and what to do; the
    seal button stays disabled. With everyone's keys it says the cable goes post-quantum."""
    old = person("Hans Alt", "AMEMBASSY BERN", nationality="USA")  # a card made before
    session.contacts.import_card(ContactCard.for_identity(old).to_bytes())
    session.contacts.verify("Hans Alt", "in person")
    dialog = _dialog(qtbot, session, workers)
    dialog.tick("Klaus")
    qtbot.waitUntil(lambda: dialog.check is not None)
    assert "Sealed post-quantum (ML-KEM-768 + X25519) for everyone." in dialog.findings.text()
    dialog.tick("Hans Alt")
    qtbot.waitUntil(lambda: "Hans Alt" in dialog.findings.text())
    text = dialog.findings.text()
    assert "from SECRET up" in text and "identity upgrade" in text
    assert not dialog.seal_button.isEnabled()

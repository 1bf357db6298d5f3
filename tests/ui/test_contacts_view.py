from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from cabledesk.crypto.contact import ContactCard
from cabledesk.services.session import Session
from cabledesk.ui.contacts_view import ContactsView
from cabledesk.ui.workers import Workers
from tests.ui.conftest import card_file, child, person


@pytest.fixture
def view(qtbot: QtBot, session: Session, workers: Workers) -> ContactsView:
    widget = ContactsView(session, workers)
    qtbot.addWidget(widget)
    widget.resize(1100, 700)
    widget.show()
    widget.refresh()
    return widget


def _cell(view: ContactsView, row: int, column: int) -> str:
    return str(view.table.model().index(row, column).data())


def _rows(view: ContactsView) -> list[str]:
    return [_cell(view, r, 0) for r in range(view.table.model().rowCount())]


def _select(view: ContactsView, *names: str) -> None:
    """Click the first name, Ctrl+click the others, as a person would."""
    model = view.table.model()
    modifier = Qt.KeyboardModifier.NoModifier
    for name in names:
        row = next(r for r in range(model.rowCount()) if _cell(view, r, 0) == name)
        rect = view.table.visualRect(model.index(row, 0))
        QTest.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
        modifier = Qt.KeyboardModifier.ControlModifier


def _field(view: ContactsView, key: str) -> str:
    field = view.findChild(QWidget, f"contact_{key}")
    assert isinstance(field, QLabel | QLineEdit), key
    return field.text()


def _button(widget: QWidget, name: str) -> QPushButton:
    button = widget.findChild(QPushButton, name)
    assert button is not None, name
    return button


def _import(view: ContactsView, monkeypatch: pytest.MonkeyPatch, *paths: Path) -> None:
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileNames",
        staticmethod(lambda *a, **k: ([str(p) for p in paths], "")),
    )
    _button(view, "contacts_import").click()


def test_import_shows_the_contact_its_trust_and_safety_number(
    qtbot: QtBot, view: ContactsView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    klaus, anna = person("Klaus Weber"), person("Anna Schmidt", "USMISSION GENEVA")
    _import(view, monkeypatch, card_file(tmp_path, klaus), card_file(tmp_path, anna))
    assert _rows(view) == ["Anna Schmidt", "Klaus Weber"]
    assert _cell(view, 1, 1) == "AMEMBASSY BERLIN"
    assert _cell(view, 1, 2) == "Unverified"
    assert _cell(view, 1, 3) == klaus.fingerprint
    status = child(view, QLabel, "contactsStatus").text()
    assert "Klaus Weber was added to your contacts (unverified)." in status
    # The last imported card is selected: its details are shown.
    card = ContactCard.for_identity(anna)
    assert _field(view, "fingerprint") == anna.fingerprint
    assert _field(view, "safety").split() == card.safety_number.split()
    assert _field(view, "safety").count("\n") == 1
    assert all(len(g) == 5 for g in _field(view, "safety").split())
    assert _field(view, "nationality") == "DEU — self-declared"
    assert _field(view, "clearance") == "SECRET — self-declared"
    assert _field(view, "certified").startswith("Yes")
    assert _field(view, "encryption").startswith("age1")
    assert "AGE-SECRET-KEY" not in _field(view, "encryption")
    # Importing the same card again says so.
    _import(view, monkeypatch, card_file(tmp_path, klaus))
    assert "already in your contacts" in child(view, QLabel, "contactsStatus").text()


def test_a_bad_card_is_reported_in_words(
    view: ContactsView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "bad.contact"
    bad.write_bytes(b"not a card\n")
    _import(view, monkeypatch, bad)
    status = child(view, QLabel, "contactsStatus").text()
    assert status.startswith("bad.contact: This contact card file is not valid JSON")
    assert _rows(view) == []


def test_mark_verified_asks_how_then_revoke_asks_why(
    qtbot: QtBot, view: ContactsView, session: Session, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    klaus = person("Klaus Weber")
    _import(view, monkeypatch, card_file(tmp_path, klaus))
    _select(view, "Klaus Weber")
    _button(view, "contacts_verify").click()
    dialog = child(view, QDialog, "verifyDialog")
    assert dialog.isVisible()
    safety = ContactCard.for_identity(klaus).safety_number
    assert child(dialog, QLabel, "reasonDetail").text().split() == safety.split()
    ok = _button(dialog, "reasonOk")
    assert not ok.isEnabled()  # the how is required
    qtbot.keyClicks(child(dialog, QComboBox, "reason").lineEdit(), "read aloud on the phone")
    assert ok.isEnabled()
    ok.click()
    assert _cell(view, 0, 2) == "Verified on 2026-11-24"  # how: in the tool tip, details
    tip = view.table.model().index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Verified on 2026-11-24 (read aloud on the phone)"
    assert not _button(view, "contacts_verify").isEnabled()
    assert session.vault.audit.entries()[0].details["how"] == "read aloud on the phone"

    _button(view, "contacts_revoke").click()
    dialog = child(view, QDialog, "revokeDialog")
    assert "no longer be trusted" in child(dialog, QLabel, "reasonMessage").text()
    qtbot.keyClicks(child(dialog, QComboBox, "reason").lineEdit(), "laptop lost")
    _button(dialog, "reasonOk").click()
    assert _cell(view, 0, 2) == "Revoked on 2026-11-24"
    tip = view.table.model().index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Revoked on 2026-11-24 (laptop lost)"
    assert not _button(view, "contacts_revoke").isEnabled()
    assert not _button(view, "contacts_verify").isEnabled()
    assert "Revoked" in _field(view, "trust")


def test_cancelling_the_revoke_changes_nothing(
    view: ContactsView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _import(view, monkeypatch, card_file(tmp_path, person("Klaus Weber")))
    _select(view, "Klaus Weber")
    _button(view, "contacts_revoke").click()
    child(view, QDialog, "revokeDialog").reject()
    assert _cell(view, 0, 2) == "Unverified"


def test_add_from_public_keys(qtbot: QtBot, view: ContactsView) -> None:
    bob = person("Bob Smith")
    public = bob.public()
    _button(view, "contacts_add").click()
    dialog = child(view, QDialog, "addContactDialog")
    ok = _button(dialog, "addContactOk")
    assert not ok.isEnabled()
    qtbot.keyClicks(child(dialog, QLineEdit, "add_name"), "Bob Smith")
    qtbot.keyClicks(child(dialog, QLineEdit, "add_age"), "age1notakey")
    qtbot.keyClicks(child(dialog, QPlainTextEdit, "add_ssh"), public.ssh_line("bob@laptop"))
    qtbot.keyClicks(child(dialog, QLineEdit, "add_post"), "AMCONSUL LYON")
    ok.click()
    error = child(dialog, QLabel, "addContactError").text()
    assert error and "age" in error.lower()
    assert dialog.isVisible() and _rows(view) == []
    field = child(dialog, QLineEdit, "add_age")
    field.clear()
    qtbot.keyClicks(field, str(public.encryption))
    ok.click()
    assert not dialog.isVisible()
    assert _rows(view) == ["Bob Smith"]
    assert _field(view, "certified").startswith("No")
    assert _field(view, "post") == "AMCONSUL LYON"


def test_groups_create_add_and_remove(
    qtbot: QtBot, view: ContactsView, session: Session, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    _import(
        view, monkeypatch,
        card_file(tmp_path, person("Klaus Weber")),
        card_file(tmp_path, person("Anna Schmidt")),
    )  # fmt: skip
    qtbot.keyClicks(child(view, QLineEdit, "newGroupName"), "EU posts")
    _button(view, "createGroup").click()
    assert [g.name for g in session.contacts.groups()] == ["EU posts"]
    tree = view.groups.tree
    assert tree.model().index(0, 0).data() == "EU posts (0 members)"
    _select(view, "Klaus Weber", "Anna Schmidt")
    assert len(view.selected_entries()) == 2
    _button(view, "addToGroup").click()
    group = tree.model().index(0, 0)
    assert group.data() == "EU posts (2 members)"
    assert {tree.model().index(i, 0, group).data() for i in range(2)} == {
        "Klaus Weber",
        "Anna Schmidt",
    }
    _select(view, "Anna Schmidt")
    _button(view, "removeFromGroup").click()
    assert view.groups.tree.model().index(0, 0).data() == "EU posts (1 members)"
    assert _field(view, "groups") == "—"


def test_export_card_writes_the_card(
    view: ContactsView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    klaus = person("Klaus Weber")
    _import(view, monkeypatch, card_file(tmp_path, klaus))
    _select(view, "Klaus Weber")
    target = tmp_path / "out" / "klaus-again"
    target.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    _button(view, "contacts_export").click()
    written = target.with_name("klaus-again.contact")
    assert written.read_bytes() == ContactCard.for_identity(klaus).to_bytes()
    assert str(written) in child(view, QLabel, "contactsStatus").text()


def test_encrypt_to_selected_opens_the_dialog_with_them(
    view: ContactsView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _import(
        view, monkeypatch,
        card_file(tmp_path, person("Klaus Weber")),
        card_file(tmp_path, person("Anna Schmidt")),
    )  # fmt: skip
    _select(view, "Klaus Weber")
    _button(view, "contacts_encrypt").click()
    dialog = child(view, QDialog, "fileCryptoDialog")
    assert dialog.isVisible()
    model = child(dialog, QTreeView, "recipientsList").model()
    checked = [
        str(model.index(r, 0).data())
        for r in range(model.rowCount())
        if model.index(r, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    ]
    assert checked == ["Klaus Weber — AMEMBASSY BERLIN (unverified)"]
    dialog.reject()


def test_clear_content_drops_every_row(
    view: ContactsView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _import(view, monkeypatch, card_file(tmp_path, person("Klaus Weber")))
    _select(view, "Klaus Weber")
    view.clear_content()
    assert _rows(view) == []
    assert _field(view, "fingerprint") == "" and _field(view, "safety") == ""
    assert view.groups.tree.model().rowCount() == 0
    assert not _button(view, "contacts_export").isEnabled()


def test_every_control_has_an_accessible_name(view: ContactsView) -> None:
    for widget in view.findChildren(QWidget):
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.isVisibleTo(view):
            assert widget.accessibleName(), widget.objectName() or type(widget).__name__


def test_the_keyboard_reaches_every_part(
    qtbot: QtBot, view: ContactsView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _import(view, monkeypatch, card_file(tmp_path, person("Klaus Weber")))
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)
    _button(view, "contacts_import").setFocus()
    reached: list[str] = []
    for _ in range(20):
        widget = QApplication.focusWidget()
        reached.append(widget.objectName() if widget else "")
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    for name in ("contacts_import", "contactsTable", "contact_fingerprint", "groupsTree",
                 "newGroupName"):  # fmt: skip
        assert name in reached, " ".join(reached)


def test_a_contact_added_from_public_keys_is_verified_by_the_number_shown(
    qtbot: QtBot, view: ContactsView, session: Session
) -> None:
    """Issue 15: the safety number of a raw-key contact covers both keys; verifying it in
    the desktop passes the number the dialog showed (the service refuses without it)."""
    bob = person("Bob Smith")
    public = bob.public()
    session.contacts.add_from_keys(
        name="Bob Smith", age_recipient=str(public.encryption), ssh_key=public.ssh_line("bob")
    )
    view.refresh()
    qtbot.waitUntil(lambda: _rows(view) == ["Bob Smith"], timeout=5000)
    _select(view, "Bob Smith")
    _button(view, "contacts_verify").click()
    dialog = child(view, QDialog, "verifyDialog")
    qtbot.keyClicks(child(dialog, QComboBox, "reason").lineEdit(), "both keys read aloud")
    _button(dialog, "reasonOk").click()
    qtbot.waitUntil(lambda: _cell(view, 0, 2).startswith("Verified"), timeout=5000)


def test_keys_changed_since_verified_is_said_loudly(
    qtbot: QtBot, view: ContactsView, session: Session, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """Issue 15: a card under a verified contact's name with other keys is another,
    unverified person: the list and the details say "keys changed", in the alarm colour."""
    _import(view, monkeypatch, card_file(tmp_path, person("Klaus Weber")))
    session.contacts.verify("Klaus Weber", "met in person")
    (tmp_path / "other").mkdir()
    impostor = card_file(tmp_path / "other", person("Klaus Weber"))
    _import(view, monkeypatch, impostor)
    qtbot.waitUntil(lambda: len(_rows(view)) == 2, timeout=5000)
    cells = [_cell(view, row, 2) for row in range(2)]
    assert any(c.startswith("Keys changed since you verified them") for c in cells), cells

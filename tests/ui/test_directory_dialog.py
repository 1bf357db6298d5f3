"""Settings → Directory (issue 16, user side), through the widgets: trusting an anchor with
its fingerprint and safety number shown, importing a directory (button and drag and
drop), the status with the next-update warning, removing an anchor; contacts showing
"attested by …" or "self-declared" per attribute; the seal dialog saying which
attributes each decision used."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QAction, QDropEvent
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QListWidget, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from cabledesk.crypto.contact import ContactCard
from cabledesk.services.session import Session
from cabledesk.ui._recipients_model import RecipientsModel
from cabledesk.ui.contacts_view import ContactsView
from cabledesk.ui.directory_dialog import AnchorConfirmDialog, DirectoryDialog
from cabledesk.ui.seal_dialog import SealDialog
from cabledesk.ui.settings_dialog import SettingsDialog
from cabledesk.ui.workers import Workers
from tests.crypto.dirkit import ANCHOR, NOW, directory, entry
from tests.ui.conftest import child, person
from tests.ui.demo_vault import DRAFT
from tests.vaultkit import Clock

BOB = person("Bob Smith", "AMEMBASSY ROME", nationality="USA", clearance="CONFIDENTIAL")


@pytest.fixture
def dialog(qtbot: QtBot, session: Session, workers: Workers) -> DirectoryDialog:
    widget = DirectoryDialog(session, None, workers=workers)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _files(tmp_path: Path) -> tuple[Path, Path]:
    anchor = tmp_path / "mfa.anchor"
    anchor.write_bytes(ANCHOR.to_bytes())
    cdir = tmp_path / "mfa.cdir"
    cdir.write_bytes(directory([entry(ContactCard.for_identity(BOB))]).to_bytes())
    return anchor, cdir


def _trust(dialog: DirectoryDialog, anchor: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(anchor), ""))
    )
    child(dialog, QPushButton, "trustAnchorFile").click()
    confirm = child(dialog, AnchorConfirmDialog, "anchorConfirmDialog")
    assert child(confirm, QLabel, "anchorFingerprint").text() == ANCHOR.fingerprint
    assert child(confirm, QLabel, "anchorSafetyNumber").text() == ANCHOR.safety_number
    assert "FRA, USA" in child(confirm, QLabel, "anchorScope").text()
    child(confirm, QLineEdit, "anchorHow").setText("handed over by the security officer")
    child(confirm, QPushButton, "trustAnchor").click()


def _drop(widget: QWidget, path: Path) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    widget.dropEvent(event)


def test_trust_an_anchor_then_import_by_menu_and_by_drop(
    dialog: DirectoryDialog, session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    anchor, cdir = _files(tmp_path)
    _trust(dialog, anchor, monkeypatch)
    [trusted] = session.directory.anchors()
    assert trusted.how == "handed over by the security officer"
    listed = child(dialog, QListWidget, "anchorList")
    assert listed.count() == 1 and "no directory imported yet" in listed.item(0).text()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(cdir), ""))
    )
    child(dialog, QPushButton, "importDirectory").click()
    assert "serial 1" in child(dialog, QLabel, "directoryMessage").text()
    assert "1 attested" in listed.item(0).text()
    _drop(dialog, cdir)  # the same file again, dropped: nothing changes
    assert "Already imported" in child(dialog, QLabel, "directoryMessage").text()
    assert child(dialog, QLabel, "directoryWarning").text() == ""


def test_a_refused_directory_is_said_in_words(
    dialog: DirectoryDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, cdir = _files(tmp_path)
    _drop(dialog, cdir)  # no anchor trusted
    message = child(dialog, QLabel, "directoryMessage")
    assert "not an anchor you trust" in message.text() and "c62828" in message.styleSheet()


def test_status_warns_past_next_update_and_remove_untrusts(
    qtbot: QtBot,
    session: Session,
    workers: Workers,
    clock: Clock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _, cdir = _files(tmp_path)
    session.directory.trust(ANCHOR, "courier")
    session.directory.import_file(cdir)
    clock.now = NOW + timedelta(days=31)
    dialog = DirectoryDialog(session, None, workers=workers)
    qtbot.addWidget(dialog)
    assert "past its next update (2026-12-31)" in child(dialog, QLabel, "directoryWarning").text()
    child(dialog, QListWidget, "anchorList").setCurrentRow(0)
    child(dialog, QPushButton, "untrustAnchor").click()
    assert "Now self-declared: Bob Smith" in child(dialog, QLabel, "directoryMessage").text()
    assert session.directory.anchors() == []


def test_settings_has_attested_from_and_opens_the_directory(
    qtbot: QtBot, session: Session, workers: Workers
) -> None:
    settings = SettingsDialog(session, None, workers=workers)
    qtbot.addWidget(settings)
    field = child(settings, QLineEdit, "attested-from")
    field.setText("secret")
    child(settings, QPushButton, "saveSettings").click()
    assert session.settings.text("attested-from") == "SECRET"
    opened = settings.show_directory()
    assert isinstance(opened, DirectoryDialog)


def test_contacts_show_attested_or_self_declared_per_attribute(
    qtbot: QtBot, session: Session, workers: Workers, tmp_path: Path
) -> None:
    _, cdir = _files(tmp_path)
    session.contacts.import_card(ContactCard.for_identity(person("Klaus Weber")).to_bytes())
    session.directory.trust(ANCHOR, "courier")
    session.directory.import_file(cdir)
    view = ContactsView(session, workers)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    model = view.table.model()
    names = [str(model.index(r, 0).data()) for r in range(model.rowCount())]
    view.table.setCurrentIndex(model.index(names.index("Bob Smith"), 0))
    shown = child(view, QWidget, "contact_clearance")
    assert isinstance(shown, QLabel | QLineEdit)
    assert shown.text() == "SECRET — attested by MFA SECURITY OFFICE on 2026-12-01"
    view.table.setCurrentIndex(model.index(names.index("Klaus Weber"), 0))
    shown = child(view, QWidget, "contact_nationality")
    assert isinstance(shown, QLabel | QLineEdit) and shown.text() == "DEU — self-declared"


def test_seal_dialog_shows_which_attributes_each_decision_used(
    qtbot: QtBot, session: Session, workers: Workers, tmp_path: Path
) -> None:
    _, cdir = _files(tmp_path)
    session.directory.trust(ANCHOR, "courier")
    session.directory.import_file(cdir)
    dialog = SealDialog(session, workers, DRAFT)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tick("Bob Smith")
    model = dialog.model
    row = next(r for r in range(model.rowCount()) if "Bob Smith" in str(model.index(r, 0).data()))
    tip = str(model.index(row, RecipientsModel.POLICY).data(Qt.ItemDataRole.ToolTipRole))
    assert "clearance SECRET, attested by MFA SECURITY OFFICE on 2026-12-01" in tip


def test_a_directory_dropped_on_the_main_window_is_imported(
    qtbot: QtBot, session: Session, workers: Workers, tmp_path: Path
) -> None:
    from cabledesk.ui.main_window import MainWindow

    _, cdir = _files(tmp_path)
    session.directory.trust(ANCHOR, "courier")
    window = MainWindow(session, workers, object())
    qtbot.addWidget(window)
    window.show()
    _drop(window, cdir)
    opened = child(window, DirectoryDialog, "directoryDialog")
    assert "serial 1" in child(opened, QLabel, "directoryMessage").text()
    assert session.directory.status()[0].attested == 1
    menu = [a.objectName() for a in window.findChildren(QAction)]
    assert "directory" in menu

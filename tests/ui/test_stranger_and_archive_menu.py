"""Issue 19, point 9: a cable from a stranger offers to import the sender's card (the
verdict dialog and the Received view's reading pane), and archived cables have a
context menu: Open, Export…, Verify again, Show in folder."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from cabledesk.domain.canonical import encode_cable
from cabledesk.seal import SealRecipient, Verdict, seal
from cabledesk.services.session import Session
from cabledesk.ui import archive_actions
from cabledesk.ui import open_cable as open_cable_module
from cabledesk.ui.export_dialog import ExportDialog
from cabledesk.ui.main_window import MainWindow
from cabledesk.ui.workers import Workers
from tests.seal.kit import BANNER, CABLE, NOW
from tests.ui.conftest import child, person, shown_verification
from tests.ui.demo_vault import DRAFT

T = TypeVar("T")
R = TypeVar("R")
STRANGER = person("Carol Poe", "AMEMBASSY LONDON")


@pytest.fixture
def window(qtbot: QtBot, session: Session) -> MainWindow:
    w = MainWindow(session, Workers(synchronous=True), None)
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The text of every message box, answered at once."""
    texts: list[str] = []

    def exec_(box: QMessageBox) -> int:
        texts.append(box.text())
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return texts


def _from_stranger(window: MainWindow, folder: Path) -> Path:
    me = SealRecipient.from_card(window.session.identity.card())
    out = io.BytesIO()
    seal(
        encode_cable(CABLE), cable_id=CABLE.id, banner=BANNER, sender=STRANGER, recipients=[me],
        output=out, now=NOW,
    )  # fmt: skip
    path = folder / "from-carol.cable"
    path.write_bytes(out.getvalue())
    return path


def _received(qtbot: QtBot, window: MainWindow) -> None:
    window.sidebar.select("received")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5000)
    window.list.setCurrentIndex(window.model.index(0))
    window.open_current()
    qtbot.waitUntil(lambda: window.shown is not None, timeout=5000)


def _record(into: list[T], value: T, answer: R) -> R:
    into.append(value)
    return answer


def _names(session: Session) -> list[str]:
    return [c.name for c in session.contacts.book().contacts]


def test_verdict_of_a_stranger_offers_to_import_the_card(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, said: list[str]
) -> None:
    dialog = shown_verification(window, _from_stranger(window, tmp_path), monkeypatch)
    assert dialog.verification.verdict is Verdict.SIGNER_UNKNOWN
    details = child(dialog, QLabel, "verdictDetails").text()
    assert "Unknown: not one of your contacts" in details  # in words, not "unknown" raw
    button = child(dialog, QPushButton, "importCard")
    assert button.isVisibleTo(dialog) and button.text() == "Import sender's card"
    button.click()
    assert "Carol Poe" in _names(window.session)
    assert "is now among your contacts, unverified" in said[-1]


def test_received_reading_pane_offers_to_import_the_strangers_card(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    said: list[str],
) -> None:  # fmt: skip
    shown_verification(window, _from_stranger(window, tmp_path), monkeypatch)  # archived
    _received(qtbot, window)
    reader = window.reader
    assert reader.verdict.isVisibleTo(window) and "not among your contacts" in reader.verdict.text()
    assert reader.import_card.isVisibleTo(window)
    qtbot.mouseClick(reader.import_card, Qt.MouseButton.LeftButton)
    assert "Carol Poe" in _names(window.session)
    assert not reader.import_card.isVisibleTo(window)
    assert "Carol Poe is now among your contacts, unverified" in said[-1]


def test_a_cable_from_a_known_signer_offers_no_import(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    said: list[str],
) -> None:  # fmt: skip
    from cabledesk.crypto.contact import ContactCard

    window.session.contacts.import_card(ContactCard.for_identity(STRANGER).to_bytes())
    dialog = shown_verification(window, _from_stranger(window, tmp_path), monkeypatch)
    assert dialog.findChild(QPushButton, "importCard") is None
    _received(qtbot, window)
    assert not window.reader.import_card.isVisibleTo(window)


def _menu(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> QMenu:
    """The context menu, asked for with the keyboard (the context-menu key:
    the focused list receives a context-menu event of reason Keyboard)."""
    menus: list[QMenu] = []
    monkeypatch.setattr(archive_actions, "show_menu", lambda menu, place: menus.append(menu))
    window.list.setFocus()
    QApplication.sendEvent(
        window.list, QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(), QPoint())
    )
    assert len(menus) == 1
    return menus[0]


def _action(menu: QMenu, name: str) -> None:
    [action] = [a for a in menu.actions() if a.objectName() == name]
    action.trigger()


def test_archive_items_have_a_context_menu(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    said: list[str],
) -> None:  # fmt: skip
    shown_verification(window, _from_stranger(window, tmp_path), monkeypatch)
    window.sidebar.select("received")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5000)
    window.list.setCurrentIndex(window.model.index(0))
    menu = _menu(qtbot, window, monkeypatch)
    texts = [a.text().replace("&", "") for a in menu.actions()]
    assert texts == ["Open", "Export…", "Verify again", "Show in folder"]

    _action(menu, "archiveOpen")
    qtbot.waitUntil(lambda: window.shown is not None, timeout=5000)
    assert window.shown is not None and window.shown.cable.id == CABLE.id

    exported: list[ExportDialog] = []
    monkeypatch.setattr(ExportDialog, "exec", lambda d: _record(exported, d, 0))
    _action(menu, "archiveExport")
    assert len(exported) == 1

    verified: list[Verdict] = []
    monkeypatch.setattr(
        open_cable_module.VerificationDialog,
        "exec",
        lambda d: _record(verified, d.verification.verdict, 0),
    )
    before = window.session.archive.count()
    _action(menu, "archiveVerify")
    assert verified == [Verdict.SIGNER_UNKNOWN]
    assert window.session.archive.count() == before  # checked again, nothing stored

    opened: list[QUrl] = []
    monkeypatch.setattr(archive_actions, "open_folder", lambda url: _record(opened, url, True))
    _action(menu, "archiveFolder")
    kept = window.session.archive.sealed_path(int(window.model.rows()[0].key))
    assert kept is not None and opened == [QUrl.fromLocalFile(str(kept.parent))]


def test_drafts_have_no_archive_menu(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    menus: list[QMenu] = []
    monkeypatch.setattr(archive_actions, "show_menu", lambda menu, place: menus.append(menu))
    window.session.drafts.save(DRAFT)
    window.show_section("drafts")
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=5000)
    window.list.setCurrentIndex(window.model.index(0))
    rect = window.list.visualRect(window.model.index(0))
    centre = rect.center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, centre, centre)
    QApplication.sendEvent(window.list.viewport(), event)
    assert menus == []


def test_show_in_folder_of_a_record_without_sealed_file_says_so(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, said: list[str]
) -> None:
    """A cable imported as a record (no sealed file) cannot be verified or shown."""
    window.session.archive.import_cables([CABLE])
    [entry] = window.session.archive.entries()
    opened: list[QUrl] = []
    monkeypatch.setattr(archive_actions, "open_folder", lambda url: _record(opened, url, True))
    archive_actions.show_in_folder(window, entry.id)
    assert opened == [] and "keeps no sealed file" in said[-1]

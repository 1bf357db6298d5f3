from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QComboBox, QDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

import cabledesk.ui.open_cable
from cabledesk.crypto.age import encrypt_file
from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.domain.trust import TrustState
from cabledesk.export.signed import DocumentSigner
from cabledesk.services.exporting import ExportRequest, ExportService
from cabledesk.services.session import Session
from cabledesk.ui.document_verdict import Tone, VerdictPanel
from cabledesk.ui.file_opener import open_files
from cabledesk.ui.main_window import MainWindow
from cabledesk.ui.workers import Workers
from tests.export.samples import unclassified_cable
from tests.ui.conftest import SCHEMES, card_file, child, person


@pytest.fixture
def files(tmp_path: Path) -> Path:
    folder = tmp_path / "files"
    folder.mkdir()
    return folder


@pytest.fixture
def window(qtbot: QtBot, session: Session, workers: Workers) -> MainWindow:
    main = MainWindow(session, workers, object())
    qtbot.addWidget(main)
    main.show()
    return main


@pytest.fixture
def opened_cables(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """What was handed to the cable opener (the lead's module, tested on its own)."""
    seen: list[Path] = []
    monkeypatch.setattr(cabledesk.ui.open_cable, "open_cable", lambda w, p: seen.append(p))
    return seen


def _drop(window: MainWindow, *paths: Path) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)  # what Qt delivers at the end of a drag and drop
    assert event.isAccepted()


def _dialogs(window: MainWindow, name: str) -> list[QDialog]:
    return [d for d in window.findChildren(QDialog, name) if d.isVisible()]


def _panel(window: MainWindow, name: str) -> VerdictPanel:
    dialogs = _dialogs(window, name)
    assert len(dialogs) == 1, [d.objectName() for d in window.findChildren(QDialog)]
    return child(dialogs[0], VerdictPanel)


def _tone(panel: VerdictPanel) -> Tone | None:
    """The panel's tone as it is now (read through a call: mypy would keep an
    earlier assertion's narrowing of ``panel.tone`` across a click)."""
    return panel.tone


def _signed(files: Path, signer: Identity, name: str = "memo.docx", bundle: bool = False) -> Path:
    out = files / name
    ExportService(SCHEMES).export(
        unclassified_cable(),
        ExportRequest(output=out, signer=DocumentSigner.from_identity(signer), bundle=bundle),
    )
    return out


def test_a_dropped_contact_card_is_imported_and_can_be_verified(
    qtbot: QtBot, window: MainWindow, session: Session, files: Path
) -> None:
    klaus = person("Klaus Weber")
    _drop(window, card_file(files, klaus))
    panel = _panel(window, "cardImportDialog")
    assert panel.tone is Tone.CAUTION
    assert panel.headline.text() == "Klaus Weber was added to your contacts"
    safety = ContactCard.for_identity(klaus).safety_number
    assert panel.fact("safety").split() == safety.split()
    assert panel.fact("fingerprint") == klaus.fingerprint
    assert panel.fact("trust") == "Unverified"
    dialog = _dialogs(window, "cardImportDialog")[0]
    child(dialog, QPushButton, "markVerified").click()
    verify = child(dialog, QDialog, "verifyDialog")
    qtbot.keyClicks(child(verify, QComboBox, "reason").lineEdit(), "compared in person")
    child(verify, QPushButton, "reasonOk").click()
    assert _tone(panel) is Tone.GOOD
    assert panel.fact("trust") == "Verified on 2026-11-24 (compared in person)"
    assert session.contacts.find_one("Klaus").trust.state is TrustState.VERIFIED
    # The same card again: unchanged.
    dialog.close()
    open_files(window, [card_file(files, klaus)])
    assert (
        "already in your contacts, unchanged" in _panel(window, "cardImportDialog").headline.text()
    )


def test_a_signed_document_with_its_signature_is_valid(
    window: MainWindow, session: Session, files: Path
) -> None:
    me = session.identity.active()
    document = _signed(files, me)
    _drop(window, document, document.with_name("memo.docx.sig"))
    panel = _panel(window, "documentVerdictDialog")
    assert panel.tone is Tone.GOOD
    assert panel.headline.text() == "Valid signature"
    assert panel.fact("trust") == "your own key"
    assert panel.fact("intact") == "intact: it matches the signature"
    assert panel.fact("purpose") == "a document"
    assert panel.fact("fingerprint") == me.fingerprint
    assert session.vault.audit.entries()[0].event == "document verified"


def test_a_signature_of_another_name_dropped_with_the_document_is_used(
    window: MainWindow, session: Session, files: Path
) -> None:
    klaus = person("Klaus Weber")
    session.contacts.import_card(ContactCard.for_identity(klaus).to_bytes())
    document = _signed(files, klaus)
    renamed = document.with_name("signature-from-klaus.sig")
    document.with_name("memo.docx.sig").rename(renamed)
    open_files(window, [document, renamed])
    panel = _panel(window, "documentVerdictDialog")
    assert panel.tone is Tone.CAUTION
    assert panel.headline.text() == "Valid signature — signer not verified"
    assert panel.fact("signer") == "Klaus Weber" and panel.fact("trust") == "Unverified"


def test_a_modified_document_is_said_in_red(window: MainWindow, files: Path) -> None:
    document = _signed(files, person("Klaus Weber"))
    data = bytearray(document.read_bytes())
    data[-40] ^= 0x01
    document.write_bytes(bytes(data))
    open_files(window, [document])
    panel = _panel(window, "documentVerdictDialog")
    assert panel.tone is Tone.BAD
    assert panel.headline.text() == "Modified — do not trust it"
    assert panel.fact("intact") == "modified: it does not match the signature"
    assert "#b71c1c" in panel.styleSheet()


def test_a_document_without_signature_says_so(window: MainWindow, files: Path) -> None:
    document = _signed(files, person("Klaus Weber"))
    document.with_name("memo.docx.sig").unlink()
    open_files(window, [document])
    panel = _panel(window, "documentVerdictDialog")
    assert panel.tone is Tone.CAUTION
    assert panel.headline.text() == "No signature to check"
    assert "memo.docx has no signature: there is no memo.docx.sig beside it." in (
        panel.explanation.text()
    )


def test_a_bundle_offers_to_import_the_signers_card(
    window: MainWindow, session: Session, files: Path
) -> None:
    klaus = person("Klaus Weber")
    document = _signed(files, klaus, bundle=True)
    open_files(window, [document.with_suffix(".zip")])
    panel = _panel(window, "documentVerdictDialog")
    assert panel.headline.text() == "Signed by an unknown key"
    assert panel.fact("signer") == "Klaus Weber, according only to the card that came with it"
    dialog = _dialogs(window, "documentVerdictDialog")[0]
    button = child(dialog, QPushButton, "importSignerCard")
    assert button.isVisible()
    button.click()
    card = _panel(window, "cardImportDialog")
    assert card.headline.text() == "Klaus Weber was added to your contacts"
    assert session.contacts.find_one("Klaus").fingerprint == klaus.fingerprint


def test_cables_and_age_files_go_to_the_cable_opener(
    window: MainWindow, session: Session, files: Path, opened_cables: list[Path]
) -> None:
    cable = files / "sealed.cable"
    cable.write_bytes(b"whatever the lead's opener makes of it")
    renamed = files / "from-paris.bin"
    (files / "plain").write_bytes(b"x")
    encrypt_file(files / "plain", renamed, [session.identity.active().public().encryption])
    armored = files / "armored.txt"
    encrypt_file(files / "plain", armored, [person("Anna").public().encryption], armor=True)
    _drop(window, cable, renamed, armored)
    assert opened_cables == [cable, renamed, armored]
    assert not _dialogs(window, "openProblem")


def test_other_files_get_a_clear_message(
    window: MainWindow, files: Path, opened_cables: list[Path]
) -> None:
    notes = files / "notes.txt"
    notes.write_text("hello")
    lone = files / "report.docx.sig"
    lone.write_text("-----BEGIN SSH SIGNATURE-----\n")
    open_files(window, [notes, lone])
    boxes = [b for b in window.findChildren(QMessageBox, "openProblem") if b.isVisible()]
    assert len(boxes) == 1
    text = boxes[0].text()
    assert "report.docx.sig is a signature. Open it together with the document it signs" in text
    assert "CableDesk cannot open notes.txt: it is not a sealed cable (.cable)" in text
    assert opened_cables == []

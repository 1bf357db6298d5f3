"""The whole workflow through the real widgets, against a real vault in a temp folder.

First run, a draft with mixed portion marks and its banner, sealing to two
contacts while a third is refused for clearance, opening what was sealed and
a tampered copy, exporting a signed document and verifying it, searching,
locking and unlocking. Workers run synchronously (tests.ui.conftest style);
modal dialogs are driven by calling what their buttons call.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget, QWizard
from pytestqt.qtbot import QtBot

from cabledesk.seal import Verdict
from cabledesk.services.session import Session
from cabledesk.services.vault_access import VaultAccess
from cabledesk.store.archive import Direction
from cabledesk.store.home import VaultHome
from cabledesk.store.keychain import SystemKeychain
from cabledesk.ui import open_cable as open_cable_module
from cabledesk.ui._verdict_dialog import DocumentVerdictDialog
from cabledesk.ui.controller import AppController
from cabledesk.ui.export_dialog import ExportDialog
from cabledesk.ui.first_run import FirstRunWizard
from cabledesk.ui.main_window import MainWindow
from cabledesk.ui.seal_dialog import SealDialog
from cabledesk.ui.unlock import UnlockWindow
from cabledesk.ui.workers import Workers
from tests.ui.demo_vault import DRAFT, SCHEMES, build_demo_vault
from tests.vaultkit import FAST, PASSPHRASE, MemoryKeyring


def _texts(widget: QWidget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, lambda *a, **k: shown.append(str(a[2])))

    def exec_(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Session]:
    session = build_demo_vault(tmp_path, frus=40)
    yield session
    if not session.locked:
        session.lock()


@pytest.fixture
def window(qtbot: QtBot, demo: Session) -> MainWindow:
    w = MainWindow(demo, Workers(synchronous=True), None)
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.mark.slow
def test_first_run_lock_and_unlock(qtbot: QtBot, tmp_path: Path) -> None:
    access = VaultAccess(VaultHome(tmp_path / "home"), SystemKeychain(MemoryKeyring()), kdf=FAST)
    controller = AppController(access, SCHEMES, Workers(synchronous=True))
    wizard = controller.start()
    assert isinstance(wizard, FirstRunWizard)
    qtbot.addWidget(wizard)
    wizard.next()
    qtbot.keyClicks(wizard.passphrase_page.first, PASSPHRASE)
    qtbot.keyClicks(wizard.passphrase_page.second, PASSPHRASE)
    assert wizard.passphrase_page.strength.bar.value() >= 3
    wizard.next()
    page = wizard.identity_page
    qtbot.keyClicks(page.name, "Jane Doe")
    qtbot.keyClicks(page.post, "AMEMBASSY PARIS")
    qtbot.keyClicks(page.nationality, "usa")
    page.clearance.setCurrentIndex(page.clearance.findText("SECRET"))
    wizard.next()  # creates the vault and the identity (synchronously here)
    assert wizard.currentPage() is wizard.done_page
    assert wizard.done_page.fingerprint.text().startswith("SHA256:")
    assert len(wizard.done_page.safety.text().split()) == 12
    card = tmp_path / "jane.contact"
    wizard.save_card_to = lambda: card
    wizard.done_page.export.click()
    assert card.read_bytes().startswith(b'{"accesses":[],"age_recipient":"age1')
    wizard.button(QWizard.WizardButton.FinishButton).click()
    window = controller.window
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    assert "Jane Doe (AMEMBASSY PARIS)" in window.identity_label.text()
    window.lock()
    assert isinstance(controller.window, UnlockWindow) and controller.session is None
    unlock = controller.window
    qtbot.addWidget(unlock)
    qtbot.keyClicks(unlock.passphrase, "wrong passphrase")
    unlock.button.click()
    assert "wrong" in unlock.message.text()
    unlock.passphrase.clear()
    qtbot.keyClicks(unlock.passphrase, PASSPHRASE)
    qtbot.keyClick(unlock.passphrase, Qt.Key.Key_Return)
    assert isinstance(controller.window, MainWindow)
    qtbot.addWidget(controller.window)
    controller.lock()


@pytest.mark.slow
def test_draft_banner_follows_the_portion_marks(qtbot: QtBot, window: MainWindow) -> None:
    window.new_draft()
    editor = window.editor
    assert editor.banner.text() == "UNCLASSIFIED"
    body = editor.body
    body.setFocus()
    qtbot.keyClicks(body, "Opening remarks by the minister.")
    qtbot.keyClick(body, Qt.Key.Key_Return)
    qtbot.keyClicks(body, "The minister said the talks would resume.")
    block = body.document().lastBlock()
    body.set_mark(block, "(S//NF)")
    assert editor.banner.text() == "SECRET//NOFORN"
    assert [p.marking for p in body.paragraphs()] == ["(U)", "(S//NF)"]
    body.undo()  # the mark change is an edit like any other
    assert editor.banner.text() == "UNCLASSIFIED"
    body.redo()
    qtbot.keyClick(body, Qt.Key.Key_Return)  # a new paragraph inherits the mark
    qtbot.keyClicks(body, "Second secret paragraph.")
    assert body.paragraphs()[-1].marking == "(S//NF)"
    editor.save()
    stored = window.session.drafts.load(editor.draft_id or "")
    assert [p.text for p in stored.paragraphs][-1] == "Second secret paragraph."
    assert "Saved" in editor.state.text()
    findings = [editor.findings.item(i).text() for i in range(editor.findings.count())]
    assert any("authority" in f for f in findings)  # classified without an authority block


@pytest.mark.slow
def test_seal_to_two_and_refuse_a_third_for_clearance(
    window: MainWindow, tmp_path: Path, no_message_boxes: list[str]
) -> None:
    dialog = SealDialog(window.session, window.workers, DRAFT, window)
    assert dialog.banner.text() == "SECRET//NOFORN"
    for name in ("Klaus", "Sam", "Ann"):
        dialog.tick(name)
    refused = {c.name: d for c, d in dialog.check.refused()} if dialog.check else {}
    assert list(refused) == ["Ann Lee"] and "clearance" in refused["Ann Lee"].messages[0]
    assert not dialog.seal_button.isEnabled()
    dialog.tick("Ann", checked=False)
    assert not dialog.seal_button.isEnabled()  # Sam is unverified: confirm first
    dialog.confirm("Sam")
    assert dialog.seal_button.isEnabled()
    dialog.output.setText(str(tmp_path / "talks.cable"))
    dialog.seal()
    assert dialog.outcome is not None and (tmp_path / "talks.cable").exists()
    assert {n.split(" (")[0] for n in dialog.outcome.recipients} == {
        "Klaus Weber", "Sam Park", "Jane Doe",
    }  # fmt: skip
    assert window.session.archive.count(Direction.SENT) == 1


@pytest.mark.slow
def test_open_a_sealed_cable_and_a_tampered_one(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    no_message_boxes: list[str],
) -> None:  # fmt: skip
    shown: list[Verdict] = []

    def exec_(dialog: open_cable_module.VerificationDialog) -> int:
        shown.append(dialog.verification.verdict)
        return 0

    monkeypatch.setattr(open_cable_module.VerificationDialog, "exec", exec_)
    sealed = tmp_path / "from-berlin.cable"
    window.open_files([sealed])
    assert shown == [Verdict.VALID]
    damaged = tmp_path / "damaged.cable"
    data = bytearray(sealed.read_bytes())
    data[len(data) // 2] ^= 0x20
    damaged.write_bytes(bytes(data))
    window.open_files([damaged])
    assert shown == [Verdict.VALID] and "altered or damaged" in no_message_boxes[-1]


@pytest.mark.slow
def test_export_signed_and_verify_it(window: MainWindow, tmp_path: Path) -> None:
    unclassified = window.session.drafts.load("d0c5d0c5-0000-4000-8000-000000000002")
    dialog = ExportDialog(window.session, window.workers, unclassified, window)
    out = tmp_path / "talks.docx"
    dialog.output.setText(str(out))
    assert dialog.export_button.isEnabled()
    dialog.export()
    assert out.exists() and (tmp_path / "talks.docx.sig").exists()
    refused = ExportDialog(window.session, window.workers, DRAFT, window)
    assert not refused.export_button.isEnabled() and "ceiling" in refused.verdict.text()
    window.open_files([out])  # File → Open of a signed .docx: its verdict
    [shown] = window.findChildren(DocumentVerdictDialog)
    assert shown.isVisible() and "signed with your own key" in _texts(shown)
    entries = [e.event for e in window.session.vault.audit.entries(limit=3)]
    assert entries[:2] == ["document verified", "document exported"]


@pytest.mark.slow
def test_search_as_you_type(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClicks(window.sidebar.search, "summit")
    qtbot.waitUntil(lambda: any(r.snippet for r in window.model.rows()), timeout=3000)
    rows = window.model.rows()
    assert rows[0].subject == "GERMANY: VIEWS ON THE SUMMIT" and "summit" in rows[0].snippet.lower()
    window.list.setCurrentIndex(window.model.index(0))
    window.open_current()
    assert window.reader.banner.text() == "SECRET//NOFORN"
    assert window.reader.verdict.isVisible()
    window.sidebar.search.clear()
    qtbot.waitUntil(lambda: window.model.rows() != rows, timeout=3000)


def test_the_empty_editor_shows_no_scheme(qtbot: QtBot, session: Session) -> None:
    """Issue 19, point 12: with no draft open, the editor named the first scheme of the
    list ("Deutschland (VSA)") whatever the user's own scheme."""
    window = MainWindow(session, Workers(synchronous=True), None)
    qtbot.addWidget(window)
    window.show()
    assert window.editor.header.scheme.currentIndex() == -1
    assert window.editor.header.scheme.currentText() == ""

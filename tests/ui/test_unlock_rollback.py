"""The unlock screen before a vault whose database was copied back from an older state:
it says so in plain text, and opens it only after a reason and an explicit confirmation."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from cabledesk.services.session import Session
from cabledesk.services.vault_access import VaultAccess
from cabledesk.store.audit import Event
from cabledesk.ui.controller import AppController
from cabledesk.ui.main_window import MainWindow
from cabledesk.ui.unlock import UnlockWindow
from cabledesk.ui.workers import Workers
from tests.ui.conftest import SCHEMES, child
from tests.vaultkit import PASSPHRASE, rolled_back

REASON = "put back Monday's copy after the disk failed"


@pytest.fixture
def rolled_back_access(vault_access: VaultAccess) -> VaultAccess:
    """A vault whose database was put back from before a revocation."""
    vault_access.create(PASSPHRASE).lock()
    with rolled_back(vault_access.home.database), vault_access.unlock(PASSPHRASE) as vault:
        vault.audit.append(Event.CONTACT_REVOKED, {"fingerprint": "SHA256:mallory"})
    return vault_access


def _unlock(qtbot: QtBot, controller: AppController) -> UnlockWindow:
    unlock = controller.window
    assert isinstance(unlock, UnlockWindow)
    unlock.passphrase.clear()
    qtbot.keyClicks(unlock.passphrase, PASSPHRASE)
    unlock.button.click()
    return unlock


def _session(controller: AppController) -> Session | None:
    return controller.session  # read anew each time (no narrowing by an earlier assert)


def _dialog(unlock: UnlockWindow) -> QDialog:
    button = child(unlock, QPushButton, "acceptRollbackButton")
    assert button.isVisible() and button.text() == "Open the older vault anyway…"
    button.click()
    return child(unlock, QDialog, "rollbackDialog")


def test_a_rolled_back_vault_is_refused_until_the_older_copy_is_accepted(
    qtbot: QtBot, rolled_back_access: VaultAccess
) -> None:
    controller = AppController(rolled_back_access, SCHEMES, Workers(synchronous=True))
    qtbot.addWidget(controller.start())
    unlock = _unlock(qtbot, controller)
    assert _session(controller) is None
    assert unlock.message.textFormat() == Qt.TextFormat.PlainText
    assert "older than the vault's last recorded state" in unlock.message.text()
    assert "backup" in unlock.message.text()

    dialog = _dialog(unlock)  # first, cancel it
    assert dialog.isVisible()
    assert "keys you revoked are trusted again" in child(dialog, QLabel, "reasonMessage").text()
    dialog.reject()
    assert _session(controller) is None and isinstance(controller.window, UnlockWindow)
    unlock = _unlock(qtbot, controller)  # still refused
    assert "older than" in unlock.message.text() and _session(controller) is None

    dialog = _dialog(unlock)  # then accept it: a reason, and the consequence ticked
    ok = child(dialog, QPushButton, "reasonOk")
    assert ok.text() == "Open the older vault" and not ok.isEnabled()
    qtbot.keyClicks(child(dialog, QComboBox, "reason").lineEdit(), REASON)
    assert not ok.isEnabled()  # not without the explicit confirmation
    understood = child(dialog, QCheckBox, "rollbackUnderstood")
    assert understood.text() == "I understand that what changed since that copy is lost"
    understood.click()
    assert ok.isEnabled()
    ok.click()
    window, session = controller.window, _session(controller)
    assert isinstance(window, MainWindow) and session is not None
    qtbot.addWidget(window)
    entry = session.vault.audit.entries()[0]
    assert entry.event == "rollback accepted" and entry.details["reason"] == REASON
    controller.lock()
    with rolled_back_access.unlock(PASSPHRASE):  # an ordinary unlock from now on
        pass


def test_the_older_vault_needs_the_passphrase_typed(
    qtbot: QtBot, rolled_back_access: VaultAccess
) -> None:
    unlock = UnlockWindow(rolled_back_access, Workers(synchronous=True))
    qtbot.addWidget(unlock)
    unlock.show()
    qtbot.keyClicks(unlock.passphrase, PASSPHRASE)
    unlock.button.click()
    unlock.passphrase.clear()
    child(unlock, QPushButton, "acceptRollbackButton").click()
    assert "Type your passphrase first" in unlock.message.text()
    assert unlock.findChild(QDialog, "rollbackDialog") is None

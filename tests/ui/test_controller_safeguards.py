"""The safeguards the controller applies: read in one call of the settings service at
unlock and after the settings changed, then applied without asking the vault again."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from cabledesk.services.vault_access import VaultAccess
from cabledesk.ui.controller import AppController
from cabledesk.ui.main_window import MainWindow
from cabledesk.ui.unlock import UnlockWindow
from cabledesk.ui.workers import Workers
from tests.ui.conftest import SCHEMES
from tests.vaultkit import PASSPHRASE


def test_locking_with_the_screen_follows_the_setting(
    qtbot: QtBot, vault_access: VaultAccess
) -> None:
    vault_access.create(PASSPHRASE).lock()  # by default it locks with the screen
    controller = AppController(vault_access, SCHEMES, Workers(synchronous=True))
    unlock = controller.start()
    qtbot.addWidget(unlock)
    assert isinstance(unlock, UnlockWindow)
    qtbot.keyClicks(unlock.passphrase, PASSPHRASE)
    unlock.button.click()
    window, session = controller.window, controller.session
    assert isinstance(window, MainWindow) and session is not None
    qtbot.addWidget(window)
    session.settings.set_many({"lock-on-screen-lock": "off", "clipboard-clear-seconds": "45"})
    controller.settings_changed()
    assert window.clipboard_guard.seconds == 45
    controller.screen_locked()
    assert controller.window is window  # still unlocked
    session.settings.set("lock-on-screen-lock", "on")
    controller.settings_changed()
    controller.screen_locked()
    assert session.locked and isinstance(controller.window, UnlockWindow)
    qtbot.addWidget(controller.window)

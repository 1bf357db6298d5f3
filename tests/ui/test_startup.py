"""The first windows: what they load, and the keychain asked only once they are on screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cabledesk.services.vault_access import VaultAccess
from cabledesk.store.home import VaultHome
from cabledesk.store.keychain import SystemKeychain
from cabledesk.store.vault import Vault
from cabledesk.ui.controller import AppController
from cabledesk.ui.first_run import FirstRunWizard
from cabledesk.ui.unlock import UnlockWindow
from cabledesk.ui.workers import Workers
from tests.ui.conftest import SCHEMES
from tests.vaultkit import FAST, PASSPHRASE

# Loaded when the vault is unlocked or the first job needs them, never for the
# first window: each costs tens of milliseconds at start-up (bench_startup).
HEAVY = (
    "cabledesk.crypto",
    "cabledesk.domain.marking",
    "cabledesk.domain.validation",
    "cabledesk.export",
    "cabledesk.seal",
    "cabledesk.services.passwords",
    "cabledesk.services.session",
    "cabledesk.store.database",
    "cabledesk.store.vault",
    "cabledesk.ui.bug_report",  # and Qt's namespace: only when a bug is reported
    "cabledesk.ui.main_window",
    "cryptography",
    "docx",
    "keyring",
    "platform",
    "sqlcipher3",
    "zxcvbn",  # its word lists: loaded at the first keystroke of a new passphrase
)

# Runs the application and, at the first window's first paint, prints which heavy
# modules (the arguments) are loaded.
_FIRST_WINDOW = """
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
import cabledesk.ui.app as app_module

class Report(QObject):
    def __init__(self, app, window):
        super().__init__(window)
        self.app = app
        window.installEventFilter(self)

    def eventFilter(self, window, event):
        if event.type() == QEvent.Type.Paint:
            window.removeEventFilter(self)
            heavy = sorted(m for m in sys.modules if any(
                m == h or m.startswith(h + ".") for h in sys.argv[1:]))
            print(json.dumps({"window": type(window).__name__, "heavy": heavy}))
            QTimer.singleShot(0, self.app.quit)
        return False

app_module._smoke_test = Report
sys.exit(app_module.main(["cabledesk"]))
"""


def _first_window(home: Path) -> dict[str, object]:
    env = dict(
        os.environ,
        CABLEDESK_HOME=str(home),
        CABLEDESK_SMOKE_TEST="1",
        QT_QPA_PLATFORM="offscreen",
    )
    done = subprocess.run(
        [sys.executable, "-c", _FIRST_WINDOW, *HEAVY],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


@pytest.mark.slow
def test_the_first_windows_load_nothing_heavy(tmp_path: Path, vault: Vault) -> None:
    assert _first_window(tmp_path / "empty") == {"window": "FirstRunWizard", "heavy": []}
    assert _first_window(vault.home.folder) == {"window": "UnlockWindow", "heavy": []}


def test_unlock_offers_the_keychain_once_shown(
    qtbot: QtBot, vault_access: VaultAccess, vault: Vault
) -> None:
    vault.remember(vault_access.keychain)
    vault.lock()
    unlocked: list[Vault] = []
    window = UnlockWindow(vault_access, Workers(synchronous=True))
    window.unlocked.connect(unlocked.append)
    qtbot.addWidget(window)
    assert window.keychain_button.isHidden()
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.keychain_button.isVisible)
    assert window.remember.isHidden()  # already remembered
    window.keychain_button.click()
    assert len(unlocked) == 1 and not unlocked[0].locked
    unlocked[0].lock()


def test_unlock_offers_to_remember_where_a_keychain_works(
    qtbot: QtBot, vault_access: VaultAccess, vault: Vault
) -> None:
    vault.lock()
    window = UnlockWindow(vault_access, Workers(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(window.remember.isVisible)
    assert window.keychain_button.isHidden()
    window.remember.setChecked(True)
    qtbot.keyClicks(window.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.unlocked) as signal:
        window.button.click()
    signal.args[0].lock()
    assert vault_access.is_remembered()


def test_first_run_says_when_there_is_no_keychain(qtbot: QtBot, tmp_path: Path) -> None:
    access = VaultAccess(VaultHome(tmp_path / "home"), SystemKeychain(), kdf=FAST)
    wizard = FirstRunWizard(access, SCHEMES, Workers(synchronous=True))
    qtbot.addWidget(wizard)
    page = wizard.passphrase_page
    assert not page.remember.isEnabled()
    assert "keychain" in page.keychain_note.text()
    wizard.show()
    qtbot.waitExposed(wizard)
    qtbot.waitUntil(lambda: "no usable keychain" in page.keychain_note.text())
    assert not page.remember.isEnabled()


def test_first_run_offers_to_remember_where_a_keychain_works(
    qtbot: QtBot, vault_access: VaultAccess
) -> None:
    wizard = FirstRunWizard(vault_access, SCHEMES, Workers(synchronous=True))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    page = wizard.passphrase_page
    qtbot.waitUntil(page.remember.isEnabled)
    assert page.keychain_note.text() == ""


# A keychain that stalls (as D-Bus can, for its whole timeout): the probe never
# answers before the application quits.
_STALLED_KEYCHAIN = """
import sys, time, types
from keyring.backend import KeyringBackend

class Stalled(KeyringBackend):
    priority = 1

    def __init__(self):
        time.sleep(120)

    def get_password(self, service, username): ...
    def set_password(self, service, username, password): ...
    def delete_password(self, service, username): ...

module = types.ModuleType("stalled_keyring")
module.Stalled = Stalled
sys.modules["stalled_keyring"] = module
"""


@pytest.mark.slow
def test_quitting_while_the_keychain_is_still_asked_does_not_hang(
    tmp_path: Path, vault: Vault
) -> None:
    """The probe runs detached; the worker pools are idle before Python ends (a pool
    destroyed while a job runs used to deadlock at exit)."""
    env = dict(
        os.environ,
        CABLEDESK_HOME=str(vault.home.folder),
        CABLEDESK_SMOKE_TEST="1",
        QT_QPA_PLATFORM="offscreen",
        PYTHON_KEYRING_BACKEND="stalled_keyring.Stalled",
    )
    done = subprocess.run(
        [sys.executable, "-c", _STALLED_KEYCHAIN + _FIRST_WINDOW, *HEAVY],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,  # a hang, not a speed limit: the probe alone sleeps 120 s
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.splitlines()[-1])["window"] == "UnlockWindow"


def test_the_vault_locks_when_the_platform_suspends_the_application(
    qtbot: QtBot, vault_access: VaultAccess, vault: Vault
) -> None:
    vault.lock()
    controller = AppController(vault_access, SCHEMES, Workers(synchronous=True))
    unlock = controller.start()
    qtbot.addWidget(unlock)
    qtbot.waitExposed(unlock)
    qtbot.waitUntil(lambda: controller.watching_state)  # once the window has painted
    assert isinstance(unlock, UnlockWindow)
    qtbot.keyClicks(unlock.passphrase, PASSPHRASE)
    unlock.button.click()
    unlocked = controller.session
    assert unlocked is not None
    qtbot.addWidget(controller.window)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationSuspended)
    assert controller.session is None and isinstance(controller.window, UnlockWindow)
    qtbot.addWidget(controller.window)

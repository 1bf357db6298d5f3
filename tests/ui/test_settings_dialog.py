from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from cabledesk.errors import WrongPassphrase
from cabledesk.services.passwords import estimate
from cabledesk.services.session import Session
from cabledesk.services.settings import (
    AUTO_LOCK_MINUTES,
    CLIPBOARD_CLEAR_SECONDS,
    DEFAULT_SCHEME,
    EXPORT_CEILING,
    KEYS,
    LANGUAGE,
    LOCK_ON_SCREEN_LOCK,
    PAPER,
    POST_QUANTUM_FROM,
)
from cabledesk.services.vault_access import VaultAccess
from cabledesk.store.keychain import SystemKeychain
from cabledesk.store.vault import Vault
from cabledesk.ui.settings_dialog import SettingsDialog
from cabledesk.ui.workers import Workers
from tests.ui.conftest import SCHEMES, child
from tests.vaultkit import PASSPHRASE, MemoryKeyring

WEAK = "summer2024"
NEW = "short but now long enough words"


@pytest.fixture
def dialog(qtbot: QtBot, session: Session, workers: Workers) -> SettingsDialog:
    widget = SettingsDialog(session, None, workers=workers)
    qtbot.addWidget(widget)
    widget.open()
    return widget


def _save(dialog: QDialog) -> None:
    child(dialog, QPushButton, "saveSettings").click()


def test_every_setting_has_a_widget_named_by_its_key(dialog: SettingsDialog) -> None:
    """The keys of ``cabledesk-cli settings set`` are the object names of the widgets
    (tests/cli/test_settings_cli.py sets each of them from the command line)."""
    assert set(dialog.texts()) == set(KEYS)
    for key in KEYS:
        widget = dialog.findChild(QWidget, key)
        assert widget is not None, key
        assert widget.isEnabled() and widget.accessibleName(), key


def test_every_setting_is_shown_and_saved(
    qtbot: QtBot, dialog: SettingsDialog, session: Session
) -> None:
    auto_lock = child(dialog, QSpinBox, AUTO_LOCK_MINUTES.key)
    assert auto_lock.value() == 10
    auto_lock.setValue(0)
    assert auto_lock.text() == "Never"
    child(dialog, QCheckBox, LOCK_ON_SCREEN_LOCK.key).click()
    child(dialog, QSpinBox, CLIPBOARD_CLEAR_SECONDS.key).setValue(45)
    scheme = child(dialog, QComboBox, DEFAULT_SCHEME.key)
    scheme.setCurrentIndex(scheme.findData("uk"))
    paper = child(dialog, QComboBox, PAPER.key)
    paper.setCurrentIndex(paper.findText("US Letter"))
    post_quantum = child(dialog, QLineEdit, POST_QUANTUM_FROM.key)
    assert post_quantum.text() == "SECRET"
    post_quantum.setText("top secret")
    _save(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    settings = session.settings
    assert settings.get(AUTO_LOCK_MINUTES) == 0
    assert settings.get(LOCK_ON_SCREEN_LOCK) is False
    assert settings.get(CLIPBOARD_CLEAR_SECONDS) == 45
    assert settings.get(DEFAULT_SCHEME) == "uk"
    assert settings.get(PAPER) == "letter"
    assert settings.get(POST_QUANTUM_FROM) == "TOP SECRET"
    changed = {e.details["setting"] for e in session.vault.audit.entries(limit=6)}
    assert changed == {
        "auto-lock-minutes", "lock-on-screen-lock", "clipboard-clear-seconds",
        "default-scheme", "paper", "post-quantum-from",
    }  # fmt: skip


def test_saving_without_a_change_writes_no_audit_entry(
    dialog: SettingsDialog, session: Session
) -> None:
    before = session.vault.audit.entries(limit=1)[0].seq
    _save(dialog)
    assert session.vault.audit.entries(limit=1)[0].seq == before


def test_the_export_ceiling_is_checked_as_it_is_typed(
    qtbot: QtBot, dialog: SettingsDialog, session: Session
) -> None:
    field = child(dialog, QLineEdit, EXPORT_CEILING.key)
    note = child(dialog, QLabel, "ceilingNote")
    assert "us=CONFIDENTIAL" in note.text()
    qtbot.keyClicks(field, "ULTRA")
    assert "ULTRA" in note.text() and "c62828" in note.styleSheet()
    assert not child(dialog, QPushButton, "saveSettings").isEnabled()
    field.clear()
    qtbot.keyClicks(field, "secret")  # a level of the user's scheme (us)
    assert note.text().startswith("In effect:") and "us=SECRET" in note.text()
    assert "uk=SECRET" in note.text()  # the same tier in the other schemes
    field.clear()
    qtbot.keyClicks(field, "us=secret,  uk=OFFICIAL")
    assert note.text().startswith("In effect:") and "uk=OFFICIAL" in note.text()
    _save(dialog)
    assert session.settings.get(EXPORT_CEILING) == "uk=OFFICIAL, us=SECRET"
    assert session.settings.text("export-ceiling") == "uk=OFFICIAL, us=SECRET"


def test_the_language_goes_to_the_vault_and_the_window_preferences(
    dialog: SettingsDialog, session: Session
) -> None:
    assert "next start" in " ".join(label.text() for label in dialog.findChildren(QLabel))
    language = child(dialog, QComboBox, LANGUAGE.key)
    language.setCurrentIndex(language.findText("Français"))
    _save(dialog)
    assert session.settings.get(LANGUAGE) == "fr"
    ini = QSettings(str(session.folder / "ui.ini"), QSettings.Format.IniFormat)
    assert ini.value("language") == "fr"


def test_remember_and_forget_on_this_device(
    qtbot: QtBot, session: Session, workers: Workers, keyring_backend: MemoryKeyring,
) -> None:  # fmt: skip
    first = SettingsDialog(session, None, workers=workers)
    qtbot.addWidget(first)
    remember = child(first, QCheckBox, "remember")
    assert remember.isEnabled() and not remember.isChecked()
    assert child(first, QLabel, "keychainStatus").text().startswith("Not remembered")
    remember.click()
    _save(first)
    assert list(keyring_backend.secrets) == [("CableDesk", f"vault-{session.vault.vault_id}")]
    second = SettingsDialog(session, None, workers=workers)
    qtbot.addWidget(second)
    remember = child(second, QCheckBox, "remember")
    assert remember.isChecked()
    assert child(second, QLabel, "keychainStatus").text().startswith("Remembered in")
    remember.click()
    _save(second)
    assert keyring_backend.secrets == {}
    events = [e.event for e in session.vault.audit.entries(limit=2)]
    assert events == ["keychain disabled", "keychain enabled"]


def test_without_a_keychain_the_reason_is_shown(
    qtbot: QtBot, vault: Vault, workers: Workers
) -> None:
    session = Session(vault, SCHEMES, keychain=SystemKeychain())  # none usable in tests
    dialog = SettingsDialog(session, None, workers=workers)
    qtbot.addWidget(dialog)
    assert not child(dialog, QCheckBox, "remember").isEnabled()
    assert "no usable keychain" in child(dialog, QLabel, "keychainStatus").text()
    _save(dialog)  # the other settings still save
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_change_the_passphrase(
    qtbot: QtBot, dialog: SettingsDialog, vault_access: VaultAccess
) -> None:
    child(dialog, QPushButton, "changePassphrase").click()
    change = child(dialog, QDialog, "changePassphraseDialog")
    ok = child(change, QPushButton, "changePassphraseOk")
    old = child(change, QLineEdit, "oldPassphrase")
    new = child(change, QLineEdit, "newPassphrase")
    again = child(change, QLineEdit, "newPassphraseAgain")
    qtbot.keyClicks(old, "not the passphrase")
    qtbot.keyClicks(new, WEAK)
    qtbot.keyClicks(again, WEAK)
    hint = child(change, QLabel, "strengthHint").text()
    assert hint == estimate(WEAK).words.render()  # the words the command line prints
    assert not ok.isEnabled()  # the strength rule: not strong enough
    new.clear()
    again.clear()
    qtbot.keyClicks(new, NEW)
    qtbot.keyClicks(again, "short but now long")
    assert child(change, QLabel, "strengthHint").text() == "The two new passphrases differ."
    assert not ok.isEnabled()
    qtbot.keyClicks(again, " enough words")
    assert ok.isEnabled()
    ok.click()
    assert child(change, QLabel, "passphraseError").text() == (
        "The current passphrase is not right."
    )
    assert change.isVisible()
    old.clear()
    qtbot.keyClicks(old, PASSPHRASE)
    ok.click()
    assert not change.isVisible()
    assert child(dialog, QLabel, "passphraseNote").text() == "The passphrase was changed."
    with pytest.raises(WrongPassphrase):
        vault_access.unlock(PASSPHRASE)
    vault_access.unlock(NEW).lock()


def test_a_remembered_vault_stays_remembered_after_a_passphrase_change(
    qtbot: QtBot, session: Session, workers: Workers, vault_access: VaultAccess
) -> None:
    session.keychain.remember()
    session.passphrase.change(PASSPHRASE, NEW)
    vault = vault_access.unlock_remembered()
    assert vault is not None
    vault.lock()


def test_every_control_has_an_accessible_name(dialog: SettingsDialog) -> None:
    for widget in dialog.findChildren(QWidget):
        if widget.focusPolicy().value and widget.isVisibleTo(dialog):
            name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
            assert name, widget.objectName() or type(widget).__name__


# --- issue 18: the release settings -------------------------------------------------------


def test_the_approval_levels_offer_off_and_the_users_levels(
    qtbot: QtBot, dialog: SettingsDialog, session: Session
) -> None:
    from cabledesk.services.settings import APPROVAL_REQUIRED_FROM, TWO_PERSON_FROM

    approval = child(dialog, QComboBox, APPROVAL_REQUIRED_FROM.key)
    qtbot.waitUntil(lambda: approval.count() > 1)
    assert approval.currentData() == "off"
    assert approval.findData("SECRET") > 0 and approval.findData("TOP SECRET") > 0
    approval.setCurrentIndex(approval.findData("SECRET"))
    two = child(dialog, QComboBox, TWO_PERSON_FROM.key)
    two.setCurrentIndex(two.findData("TOP SECRET"))
    _save(dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert session.settings.get(APPROVAL_REQUIRED_FROM) == "SECRET"
    assert session.settings.text(TWO_PERSON_FROM.key) == "TOP SECRET"

"""Issue 19, point 11: what still appeared in English in the French desktop — the
keychain notice, the export refusal, the overwrite error, the stored "how verified" —
now reads in French; every menu of the bar opens with Alt and a plain letter (Alt+É
cannot be typed: Édition is É&dition, Alt+D); the Settings dialog says a change of
language applies at the next start."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import keyring
import pytest
from keyring.backends.fail import Keyring as NoKeyring
from PySide6.QtWidgets import QApplication, QLabel, QMenu
from pytestqt.qtbot import QtBot

from cabledesk.atomic import write_atomic
from cabledesk.domain.export_ceiling import ExportCeiling
from cabledesk.domain.marking import parse_marking
from cabledesk.domain.trust import Trust, TrustState
from cabledesk.errors import InputError, PolicyRefusal
from cabledesk.services.session import Session
from cabledesk.services.vault_access import VaultAccess
from cabledesk.store.keychain import SystemKeychain
from cabledesk.ui._contacts_model import trust_text
from cabledesk.ui._reason_dialog import VerifyDialog
from cabledesk.ui.errors import describe
from cabledesk.ui.first_run import FirstRunWizard
from cabledesk.ui.main_window import MainWindow
from cabledesk.ui.settings_dialog import SettingsDialog
from cabledesk.ui.workers import Workers
from tests.ui.demo_vault import SCHEMES


@pytest.mark.usefixtures("french")
def test_the_keychain_notice_reads_in_french(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, vault_access: VaultAccess
) -> None:
    monkeypatch.setattr(keyring, "get_keyring", NoKeyring)
    status = SystemKeychain().status()
    assert not status.usable and status.reason.startswith("This computer has no usable keychain")
    wizard = FirstRunWizard(vault_access, SCHEMES, Workers(synchronous=True))
    qtbot.addWidget(wizard)
    wizard.passphrase_page.show_keychain(status)
    note = wizard.passphrase_page.keychain_note.text()
    assert note and note != status.reason and "trousseau" in note, note


@pytest.mark.usefixtures("french")
def test_the_export_refusal_reads_in_french() -> None:
    us = SCHEMES.get_scheme("us")
    ceiling = ExportCeiling.from_settings({"us": "CONFIDENTIAL"}, SCHEMES)
    with pytest.raises(PolicyRefusal) as caught:
        ceiling.check(parse_marking("SECRET//NOFORN", us))
    problem = describe(caught.value)
    assert problem.message.startswith("Ce câble est SECRET//NOFORN."), problem.message
    assert "CONFIDENTIAL" in problem.message and "plafond" in problem.hint
    # the English text the command line prints is unchanged
    assert caught.value.message.startswith("This cable is SECRET//NOFORN. CableDesk does not")


@pytest.mark.usefixtures("french")
def test_the_overwrite_error_reads_in_french(tmp_path: Path) -> None:
    existing = tmp_path / "talks.cable"
    existing.write_bytes(b"kept")
    with pytest.raises(InputError) as caught:
        write_atomic(existing, b"new", overwrite=False)
    problem = describe(caught.value)
    assert problem.message == f"{existing} existe déjà ; CableDesk ne l’écrase pas."
    assert problem.hint == "Choisissez un autre nom, ou supprimez d’abord le fichier existant."


@pytest.mark.usefixtures("french")
def test_the_stored_how_verified_reads_in_french_and_is_kept_in_english(qtbot: QtBot) -> None:
    when = datetime(2026, 12, 4, tzinfo=UTC)
    stored = Trust(TrustState.VERIFIED, when, "safety number read aloud on the phone")
    assert trust_text(stored) == (
        "Vérifié le 2026-12-04 (numéro de sécurité lu à voix haute au téléphone)"
    )
    typed = Trust(TrustState.VERIFIED, when, "met at the embassy")
    assert trust_text(typed).endswith("(met at the embassy)")  # the user's own words
    dialog = VerifyDialog(None, "Klaus Weber", " ".join(["12345"] * 12))
    qtbot.addWidget(dialog)
    dialog.reason.setCurrentIndex(0)
    assert dialog.reason.currentText() == "numéro de sécurité lu à voix haute au téléphone"
    assert dialog.text() == "safety number read aloud on the phone"  # the vault's words


def _mnemonic(title: str) -> str:
    found = re.search(r"&([^&])", title)
    assert found, title
    return found.group(1)


@pytest.mark.usefixtures("french")
def test_every_menu_opens_with_alt_and_a_plain_letter(qtbot: QtBot, session: Session) -> None:
    """Alt+É cannot be typed on most keyboards, so "&Édition" could not be opened (Alt+E
    typed "e"). Each menu of the bar has an ASCII letter of its own."""
    window = MainWindow(session, Workers(synchronous=True), None)
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert "É&dition" in titles, titles
    letters = [_mnemonic(t).lower() for t in titles]
    assert all(letter.isascii() and letter.isalpha() for letter in letters), titles
    assert len(set(letters)) == len(letters), titles
    window.show()
    qtbot.waitExposed(window)
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "É&dition")
    assert isinstance(edit, QMenu)
    # the Authority menu (a vault with an authority key) must not share Aide's Alt+A
    authority = QApplication.translate("AuthorityMenu", "&Authority")
    assert authority == "Au&torité"
    assert letters.count("t") <= 1 and letters.count("a") <= 1


@pytest.mark.usefixtures("french")
def test_settings_say_a_new_language_applies_at_the_next_start(
    qtbot: QtBot, session: Session
) -> None:
    dialog = SettingsDialog(session, None, workers=Workers(synchronous=True))
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "Un changement de langue prend effet au prochain démarrage." in texts, texts

"""The first-run assistant: the one passphrase rule, and no half-made vault."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit, QWizard
from pytestqt.qtbot import QtBot

from cabledesk.services.passwords import estimate
from cabledesk.services.vault_access import VaultAccess
from cabledesk.ui import first_run
from cabledesk.ui.first_run import FirstRunWizard
from cabledesk.ui.strength_meter import COLOURS
from cabledesk.ui.workers import Workers
from tests.ui.conftest import SCHEMES
from tests.vaultkit import PASSPHRASE

WEAK = "summer2024"


@pytest.fixture
def wizard(qtbot: QtBot, vault_access: VaultAccess) -> FirstRunWizard:
    widget = FirstRunWizard(vault_access, SCHEMES, Workers(synchronous=True))
    qtbot.addWidget(widget)
    widget.show()
    widget.next()
    return widget


def test_a_weak_passphrase_is_refused_in_the_words_of_the_command_line(
    qtbot: QtBot, wizard: FirstRunWizard
) -> None:
    page = wizard.passphrase_page
    qtbot.keyClicks(page.first, WEAK)
    qtbot.keyClicks(page.second, WEAK)
    assert page.strength.hint.text() == estimate(WEAK).words.render()
    assert page.strength.bar.value() == estimate(WEAK).score
    assert not page.isComplete()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    for field in (page.first, page.second):
        field.clear()
        qtbot.keyClicks(field, PASSPHRASE)
    assert page.strength.hint.text() == "Strong."
    assert page.isComplete()


def test_an_identity_that_cannot_be_made_leaves_no_vault(
    qtbot: QtBot, wizard: FirstRunWizard, vault_access: VaultAccess,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    shown: list[str] = []
    monkeypatch.setattr(first_run, "show_error", lambda parent, exc: shown.append(str(exc)))
    page = wizard.passphrase_page
    qtbot.keyClicks(page.first, PASSPHRASE)
    qtbot.keyClicks(page.second, PASSPHRASE)
    wizard.next()
    identity = wizard.identity_page
    qtbot.keyClicks(identity.name, "Jane Doe")
    qtbot.keyClicks(identity.post, "AMEMBASSY PARIS")
    qtbot.keyClicks(identity.nationality, "XXX")  # three letters, but no country
    wizard.next()
    assert wizard.currentPage() is identity
    assert shown and "XXX" in shown[0]
    assert not vault_access.exists()
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_the_card_is_saved_through_the_identity_service(
    qtbot: QtBot, wizard: FirstRunWizard, tmp_path: Path
) -> None:
    page = wizard.passphrase_page
    qtbot.keyClicks(page.first, PASSPHRASE)
    qtbot.keyClicks(page.second, PASSPHRASE)
    wizard.next()
    qtbot.keyClicks(wizard.identity_page.name, "Jane Doe")
    qtbot.keyClicks(wizard.identity_page.post, "AMEMBASSY PARIS")
    wizard.next()
    assert wizard.currentPage() is wizard.done_page
    card = tmp_path / "jane"
    wizard.save_card_to = lambda: card
    wizard.done_page.export.click()
    saved = tmp_path / "jane.contact"
    assert saved.stat().st_mode & 0o777 == 0o644
    assert wizard.done_page.saved.text() == f"Saved to {saved}."


def test_the_strength_bar_changes_colour_and_the_passphrase_can_be_shown(
    qtbot: QtBot, wizard: FirstRunWizard
) -> None:
    """Issue 19, point 12: the bar's colour follows the strength (with the words), and
    "Show passphrase" shows both fields as text while ticked."""
    page = wizard.passphrase_page
    assert page.strength.colour == ""
    qtbot.keyClicks(page.first, "a")
    weak = page.strength.colour
    assert weak == COLOURS[estimate("a").score] and weak in page.strength.bar.styleSheet()
    page.first.clear()
    qtbot.keyClicks(page.first, PASSPHRASE)
    assert page.strength.colour == COLOURS[4] != weak
    show = page.strength.show_text
    assert show.isVisibleTo(page) and not show.isChecked()
    assert page.first.echoMode() == page.second.echoMode() == QLineEdit.EchoMode.Password
    show.click()
    assert page.first.echoMode() == page.second.echoMode() == QLineEdit.EchoMode.Normal
    show.click()
    assert page.first.echoMode() == QLineEdit.EchoMode.Password


def test_save_my_contact_card_suggests_a_name_in_documents(
    qtbot: QtBot, wizard: FirstRunWizard, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("cabledesk.ui.places.documents_folder", lambda: tmp_path)
    qtbot.keyClicks(wizard.identity_page.name, "Jane  Doe-Smith")
    assert wizard.suggested_card_path() == str(tmp_path / "jane-doe-smith.contact")

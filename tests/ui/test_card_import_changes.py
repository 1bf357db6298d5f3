"""Issue 15, point 2, in the desktop: a newer card of a verified contact that changes
what it says is shown as a diff, and the release policy keeps the verified claims until
the user verifies again."""

from __future__ import annotations

from dataclasses import replace

from pytestqt.qtbot import QtBot

from cabledesk.crypto.contact import ContactCard
from cabledesk.services.session import Session
from cabledesk.ui._card_import_dialog import CardImportDialog, import_card
from cabledesk.ui.document_verdict import Tone
from cabledesk.ui.workers import Workers
from tests.ui.conftest import person


def test_a_card_changing_a_verified_contacts_claims_shows_the_change(
    qtbot: QtBot, session: Session, workers: Workers
) -> None:
    klaus = person("Klaus Weber", nationality="DEU", clearance="CONFIDENTIAL")
    session.contacts.import_card(ContactCard.for_identity(klaus).to_bytes())
    session.contacts.verify("Klaus Weber", "met in person")
    upgraded = replace(klaus, nationality="USA", clearance="SECRET", card_sequence=2)
    result = import_card(session, ContactCard.for_identity(upgraded).to_bytes())
    dialog = CardImportDialog(session, workers)
    qtbot.addWidget(dialog)
    dialog.show_outcome(result)
    panel = dialog.panel
    assert panel.tone is Tone.CAUTION
    assert "keeps using what you verified" in panel.explanation.text()
    assert panel.fact("changed_nationality") == "DEU → USA"
    assert panel.fact("changed_clearance") == "CONFIDENTIAL → SECRET"
    assert not dialog.verify_button.isHidden()  # verify again to accept the new claims

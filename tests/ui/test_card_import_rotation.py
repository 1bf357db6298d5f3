"""Issue 16, key rotation, in the desktop: a card imported with a key-rotation statement
beside it (the same service as the command line) says in words that the contact
continues, verified, and names the previous key."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.rotation import RotationStatement
from cabledesk.services.session import Session
from cabledesk.ui._card_import_dialog import CardImportDialog, import_card
from cabledesk.ui.document_verdict import Tone
from cabledesk.ui.workers import Workers
from tests.ui.conftest import card_file, person


def test_a_card_with_its_rotation_statement_says_the_contact_continues(
    qtbot: QtBot, session: Session, workers: Workers, tmp_path: Path
) -> None:
    old = person("Klaus Weber")
    session.contacts.import_card(ContactCard.for_identity(old).to_bytes())
    session.contacts.verify("Klaus Weber", "met in person")
    new = person("Klaus Weber")
    path = card_file(tmp_path, new)
    card = ContactCard.parse(path.read_bytes(), now=None)
    statement = RotationStatement.issue(
        old.signing_key, card, created=datetime(2026, 11, 24, tzinfo=UTC)
    )
    path.with_suffix(".rotation").write_bytes(statement.to_bytes())
    result = import_card(session, path)  # the statement beside the card is used
    dialog = CardImportDialog(session, workers)
    qtbot.addWidget(dialog)
    dialog.show_outcome(result)
    panel = dialog.panel
    assert panel.tone is Tone.GOOD
    assert "has a new key: the contact continues" in panel.headline.text()
    assert "still verified" in panel.explanation.text()
    assert panel.fact("previous") == old.fingerprint
    assert dialog.verify_button.isHidden()

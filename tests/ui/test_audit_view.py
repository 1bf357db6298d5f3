from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from cabledesk.crypto.contact import ContactCard
from cabledesk.services.session import Session
from cabledesk.store.audit import AuditEntry, Event
from cabledesk.ui.audit_view import PAGE_SIZE, AuditView
from cabledesk.ui.workers import Workers
from tests.ui.conftest import child, person
from tests.vaultkit import Clock

NOW = datetime(2026, 12, 1, tzinfo=UTC)


@pytest.fixture
def view(qtbot: QtBot, session: Session, workers: Workers) -> AuditView:
    widget = AuditView(session, workers)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    return widget


def _row(view: AuditView, row: int) -> list[str]:
    model = view.table.model()
    return [str(model.index(row, c).data()) for c in range(model.columnCount())]


def _verdict(view: AuditView) -> str:
    return child(view, QLabel, "auditVerdict").text()


def test_entries_newest_first_in_words_and_the_chain_intact(
    view: AuditView, session: Session, clock: Clock
) -> None:
    klaus = person("Klaus Weber")
    clock.advance(minutes=5)
    session.contacts.import_card(ContactCard.for_identity(klaus).to_bytes())
    clock.advance(minutes=1)
    session.contacts.verify("Klaus", "safety number read aloud on the phone")
    view.refresh()
    assert view.table.model().rowCount() == 4
    assert _row(view, 0) == [
        "4",
        "2026-11-24 09:06:00",
        "Contact verified",
        f"Klaus Weber (AMEMBASSY BERLIN) · {klaus.fingerprint} · "
        "how: safety number read aloud on the phone · keys: "
        + ContactCard.for_identity(klaus).key_set().replace("\n", "; "),
    ]
    assert _row(view, 1)[1:3] == ["2026-11-24 09:05:00", "Contact imported"]
    assert [_row(view, r)[2] for r in (2, 3)] == ["Identity created", "Vault created"]
    assert _verdict(view) == "The audit log is intact (4 entries)."
    assert "#1e7d32" in child(view, QLabel, "auditVerdict").styleSheet()
    assert child(view, QLabel, "auditCount").text() == "All 4 entries shown"
    assert not child(view, QPushButton, "loadMore").isEnabled()


def test_a_broken_chain_is_said_in_red(qtbot: QtBot, view: AuditView, session: Session) -> None:
    session.vault.audit.append(Event.FILE_ENCRYPTED, {"file": "a.age", "to": ["Klaus"]})
    view.refresh()
    assert _verdict(view) == "The audit log is intact (3 entries)."
    # Someone with the unlocked vault edits an entry behind CableDesk's back.
    session.vault.db.execute("DROP TRIGGER audit_no_update")
    session.vault.db.execute('UPDATE audit SET details = \'{"file":"b.age"}\' WHERE seq = 2')
    qtbot.mouseClick(child(view, QPushButton, "checkAudit"), Qt.MouseButton.LeftButton)
    assert _verdict(view).startswith("Broken at entry 2: entry 2 was changed after it was written")
    assert "#c62828" in child(view, QLabel, "auditVerdict").styleSheet()


@pytest.mark.slow
def test_older_entries_load_with_the_button_and_on_scroll(
    view: AuditView, session: Session
) -> None:
    for i in range(2 * PAGE_SIZE + 10):
        session.vault.audit.append(Event.DRAFT_CREATED, {"draft": f"d{i}"})
    total = 2 * PAGE_SIZE + 12
    view.refresh()
    model = view.table.model()
    assert model.rowCount() == PAGE_SIZE
    assert _row(view, 0)[0] == str(total) and _row(view, 0)[3] == f"draft: d{2 * PAGE_SIZE + 9}"
    assert child(view, QLabel, "auditCount").text() == f"{PAGE_SIZE} most recent entries shown"
    more = child(view, QPushButton, "loadMore")
    assert more.isEnabled()
    more.click()
    assert model.rowCount() == 2 * PAGE_SIZE
    view.table.scrollToBottom()
    assert model.rowCount() == total
    assert _row(view, total - 1)[2] == "Vault created"
    assert [int(_row(view, r)[0]) for r in range(total)] == list(range(total, 0, -1))
    assert not more.isEnabled()


def test_clear_content_drops_every_entry(view: AuditView) -> None:
    view.refresh()
    view.clear_content()
    assert view.table.model().rowCount() == 0
    assert _verdict(view) == ""


def test_group_changes_read_as_sentences(view: AuditView, session: Session) -> None:
    klaus = person("Klaus Weber")
    session.contacts.import_card(ContactCard.for_identity(klaus).to_bytes())
    session.contacts.create_group("EU posts")
    session.contacts.add_to_group("EU posts", [klaus.fingerprint])
    view.refresh()
    assert _row(view, 0)[2:] == ["Group changed", f"EU posts: added {klaus.fingerprint}"]
    assert _row(view, 1)[2:] == ["Group changed", "EU posts: created"]


def test_every_control_has_an_accessible_name(view: AuditView) -> None:
    view.refresh()
    for widget in view.findChildren(QWidget):
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.isVisibleTo(view):
            assert widget.accessibleName(), widget.objectName() or type(widget).__name__


def test_every_event_reads_in_words(view: AuditView, session: Session) -> None:
    """A setting changed or a secret key exported had no words: the view raised
    KeyError on the entry (an event this CableDesk does not know shows as written)."""
    session.settings.set("paper", "letter")
    view.refresh()
    assert _row(view, 0)[2] == "Setting changed"
    model = view.model
    for event in Event:
        assert model.text(AuditEntry(1, NOW, str(event), {}, b""), model.EVENT) != str(event)
    assert model.text(AuditEntry(1, NOW, "made by a later version", {}, b""), model.EVENT) == (
        "made by a later version"
    )

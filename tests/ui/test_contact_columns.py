"""Issue 19, point 8: wherever a contact is chosen it shows its trust state and a
short fingerprint; two contacts under one name are flagged; no column is cut off."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView, QTreeView
from pytestqt.qtbot import QtBot

from cabledesk.crypto.contact import ContactCard
from cabledesk.services.session import Session
from cabledesk.ui._recipients_model import RecipientsModel
from cabledesk.ui.audit_view import AuditView
from cabledesk.ui.contacts_view import ContactsView
from cabledesk.ui.file_crypto_dialog import FileCryptoDialog
from cabledesk.ui.seal_dialog import SealDialog
from cabledesk.ui.workers import Workers
from tests.ui.conftest import person
from tests.ui.demo_vault import DRAFT

M = RecipientsModel


@pytest.fixture
def twins(session: Session) -> dict[str, str]:
    """Two unverified cards under the name Klaus Weber, other keys (one may be an
    impostor), and Paolo Rossi, verified. Fingerprints by label."""
    found: dict[str, str] = {}
    for label, name, post in (("klaus1", "Klaus Weber", "AMEMBASSY BERLIN"),
                              ("klaus2", "Klaus Weber", "AMEMBASSY BERLIN"),
                              ("paolo", "Paolo Rossi", "AMEMBASSY ROME")):  # fmt: skip
        who = person(name, post, nationality="USA")
        session.contacts.import_card(ContactCard.for_identity(who).to_bytes())
        found[label] = who.fingerprint
    session.contacts.verify(found["paolo"], "in person")
    return found


def _cells(model: RecipientsModel, fingerprint: str) -> list[str]:
    row = model.row_of(fingerprint)
    assert row is not None
    return [str(model.index(row, c).data() or "") for c in range(model.columnCount())]


def _not_cut(view: QTreeView | QTableView, columns: range) -> None:
    for column in columns:
        width = view.columnWidth(column)
        assert width >= view.sizeHintForColumn(column), (column, width)


def _seal(qtbot: QtBot, session: Session, workers: Workers) -> SealDialog:
    dialog = SealDialog(session, workers, DRAFT)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=5000)
    return dialog


def test_the_seal_picker_shows_trust_and_a_short_fingerprint(
    qtbot: QtBot, session: Session, workers: Workers, twins: dict[str, str]
) -> None:
    dialog = _seal(qtbot, session, workers)
    model = dialog.model
    titles = [model.headerData(c, Qt.Orientation.Horizontal, 0) for c in range(4)]
    assert titles == ["Recipient", "Trust", "Fingerprint", "Release policy"]
    paolo = _cells(model, twins["paolo"])
    assert paolo[M.TRUST].startswith("Verified on") and "in person" not in paolo[M.TRUST]
    assert paolo[M.FINGERPRINT] == twins["paolo"][:19] + "…"
    row = model.row_of(twins["paolo"])
    tip = model.index(row or 0, M.FINGERPRINT).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == twins["paolo"]  # the whole fingerprint, to compare
    how = model.index(row or 0, M.TRUST).data(Qt.ItemDataRole.ToolTipRole)
    assert "(in person)" in how  # how it was verified, in the tool tip
    assert model.index(row or 0, M.TRUST).data(Qt.ItemDataRole.ForegroundRole).name() == "#1e7d32"
    _not_cut(dialog.recipients, range(M.POLICY))


def test_name_collision_is_flagged_in_the_seal_picker(
    qtbot: QtBot, session: Session, workers: Workers, twins: dict[str, str]
) -> None:
    """Two cards under one name no longer look like two identical rows: each says it
    shares its name, carries a warning icon, and their fingerprints differ."""
    model = _seal(qtbot, session, workers).model
    first, second = _cells(model, twins["klaus1"]), _cells(model, twins["klaus2"])
    for cells in (first, second):
        assert cells[M.RECIPIENT].endswith("— same name as another contact")
        assert cells[M.TRUST] == "Unverified"
    assert first[M.FINGERPRINT] != second[M.FINGERPRINT]
    for fp in (twins["klaus1"], twins["klaus2"]):
        icon = model.index(model.row_of(fp) or 0, M.RECIPIENT).data(Qt.ItemDataRole.DecorationRole)
        assert icon is not None and not icon.isNull()
    paolo = model.index(model.row_of(twins["paolo"]) or 0, M.RECIPIENT)
    assert paolo.data(Qt.ItemDataRole.DecorationRole) is None
    assert "same name" not in str(paolo.data())


def test_file_encryption_picker_has_the_same_columns(
    qtbot: QtBot, session: Session, workers: Workers, twins: dict[str, str]
) -> None:
    dialog = FileCryptoDialog(session, workers, encrypt=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=5000)
    assert _cells(dialog.model, twins["klaus2"])[M.FINGERPRINT] == twins["klaus2"][:19] + "…"
    _not_cut(dialog.list, range(M.POLICY))
    # only the recipient column ticks; trust and fingerprint are to read
    index = dialog.model.index(0, M.TRUST)
    assert not dialog.model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable


def test_contacts_list_flags_a_name_collision_and_cuts_no_column(
    qtbot: QtBot, session: Session, workers: Workers, twins: dict[str, str]
) -> None:
    view = ContactsView(session, workers)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    view.refresh()
    qtbot.waitUntil(lambda: view.model.rowCount() == 3, timeout=5000)
    flagged = {
        fp: view.model.index(row, view.model.NAME).data(Qt.ItemDataRole.DecorationRole)
        for row, fp in enumerate(e.fingerprint for e in view.model.entries())
    }
    assert flagged[twins["paolo"]] is None
    assert flagged[twins["klaus1"]] is not None and flagged[twins["klaus2"]] is not None
    row = view.model.row_of(twins["klaus1"]) or 0
    tip = str(view.model.index(row, view.model.NAME).data(Qt.ItemDataRole.ToolTipRole))
    assert "another contact bears the same name" in tip
    _not_cut(view.table, range(view.model.FINGERPRINT))


def test_audit_time_column_shows_the_whole_time(
    qtbot: QtBot, session: Session, workers: Workers, twins: dict[str, str], tmp_path: Path
) -> None:
    """It showed "2026-12-…": the time column is as wide as its longest time."""
    view = AuditView(session, workers)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    view.refresh()
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=5000)
    table = view.table
    assert table.textElideMode() == Qt.TextElideMode.ElideRight  # would show the "…"
    time = table.model().index(0, view.model.TIME)
    text = str(time.data())
    assert len(text) == len("2026-12-04 20:15:00")
    _not_cut(table, range(view.model.TIME + 1))
    assert isinstance(table, QAbstractItemView)

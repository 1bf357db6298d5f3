"""A checkable list of the vault's groups and contacts, to choose recipients.

Groups come first, then contacts. A revoked contact — or a group with one —
is shown disabled with the reason, so it cannot be chosen; its keys are not
used any more. :func:`load_recipients` builds the list off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from cabledesk.domain.trust import TrustState
from cabledesk.services.session import Session
from cabledesk.ui._contacts_model import trust_colour, trust_text

__all__ = ["RecipientItem", "RecipientsModel", "load_recipients"]


@dataclass(frozen=True, slots=True)
class RecipientItem:
    """A group (``key`` is its name) or a contact (``key`` is its fingerprint)."""

    key: str
    label: str
    group: bool
    refused: str = ""  # why it cannot be chosen; empty when it can

    @property
    def usable(self) -> bool:
        return not self.refused


def load_recipients(session: Session) -> list[RecipientItem]:
    """The groups, then the contacts, of the vault (call off the GUI thread)."""
    translate = QCoreApplication.translate
    contacts = {c.fingerprint: c for c in session.contacts.all()}
    items: list[RecipientItem] = []
    for group in session.contacts.groups():
        revoked = [
            contacts[fp].name
            for fp in group.members
            if fp in contacts and contacts[fp].trust.state is TrustState.REVOKED
        ]
        refused = ""
        if not group.members:
            refused = translate("recipients", "the group has no members")
        elif revoked:
            refused = translate("recipients", "the keys of {0} are revoked").format(
                ", ".join(revoked)
            )
        label = translate("recipients", "Group {0} ({1} members)").format(
            group.name, len(group.members)
        )
        items.append(RecipientItem(group.name, label, True, refused))
    for contact in contacts.values():
        post = contact.card.post
        label = f"{contact.name} — {post}" if post else contact.name
        refused = ""
        if contact.trust.state is TrustState.REVOKED:
            refused = trust_text(contact.trust)
        elif contact.trust.state is TrustState.UNVERIFIED:
            label = translate("recipients", "{0} (unverified)").format(label)
        items.append(RecipientItem(contact.fingerprint, label, False, refused))
    return items


class RecipientsModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self._items: list[RecipientItem] = []
        self._checked: set[str] = set()

    def set_items(self, items: Sequence[RecipientItem], checked: Iterable[str] = ()) -> None:
        self.beginResetModel()
        self._items = list(items)
        usable = {i.key.casefold(): i.key for i in self._items if i.usable}
        self._checked = {usable[k.casefold()] for k in checked if k.casefold() in usable}
        self.endResetModel()

    def items(self) -> list[RecipientItem]:
        return list(self._items)

    def checked(self) -> list[RecipientItem]:
        return [i for i in self._items if i.key in self._checked]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        item = self._items[index.row()]
        if not item.usable:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid() or index.row() >= len(self._items):
            return None
        item = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if item.refused:
                return self.tr("{0} — cannot be chosen: {1}").format(item.label, item.refused)
            return item.label
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.refused or (item.label if item.group else item.key)
        if role == Qt.ItemDataRole.CheckStateRole:
            on = item.key in self._checked
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and item.refused:
            return trust_colour(TrustState.REVOKED)
        return None

    def setData(  # noqa: N802
        self, index: QModelIndex | QPersistentModelIndex, value: object, role: int = 0
    ) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        item = self._items[index.row()]
        if not item.usable:
            return False
        state = value.value if isinstance(value, Qt.CheckState) else value
        if state == Qt.CheckState.Checked.value:
            self._checked.add(item.key)
        else:
            self._checked.discard(item.key)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

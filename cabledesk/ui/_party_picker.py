"""Choosing clearers and approvers (issue 18): the contacts and groups, as the seal
dialog's recipient picker shows them, with each contact's trust and short key.

A :class:`PartyPicker` is a checkable table over
:class:`~cabledesk.ui._recipients_model.RecipientsModel` (groups first, then
contacts; a revoked contact, or a group with one, cannot be ticked; two contacts
under one name are flagged). Its columns are the seal picker's — the contact or
group, the trust state in words, the start of the fingerprint — and, in place of
the release policy, the members of each group. Ticking a group chooses its
members: :meth:`PartyPicker.chosen` resolves the ticks against the address book
read when the panel opened. Space ticks the current row.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from cabledesk.services.contacts import AddressBook, Contact
from cabledesk.ui._contacts_model import short_fingerprint
from cabledesk.ui._recipients_model import PolicyCell, RecipientsModel, recipient_items

__all__ = ["PartyPicker"]

_GROUP_COLOUR = "#444444"


class _PartiesModel(RecipientsModel):
    """The recipient model whose last column lists a group's members."""

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = 0
    ) -> object:
        if (
            section == self.POLICY
            and orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
        ):
            return self.tr("Group members")
        return super().headerData(section, orientation, role)


class PartyPicker(QTreeView):
    """See the module docstring."""

    def __init__(self, name: str, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.model_ = _PartiesModel()
        self.setModel(self.model_)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._book: AddressBook | None = None

    def set_book(self, book: AddressBook) -> None:
        """Show the groups and contacts of ``book`` (nothing ticked)."""
        self._book = book
        self.model_.set_items(recipient_items(book))
        names = {c.fingerprint: c.name for c in book.contacts}
        cells: dict[str, PolicyCell] = {}
        for group in book.groups:
            members = ", ".join(names.get(fp, short_fingerprint(fp)) for fp in group.members)
            cells[group.name] = PolicyCell(members, _GROUP_COLOUR)
        self.model_.set_policy(cells)
        RecipientsModel.fit(self)
        if self.model_.rowCount():
            self.setCurrentIndex(self.model_.index(0, 0))

    def chosen(self) -> list[Contact]:
        """The contacts ticked, directly or through a group, without duplicates."""
        if self._book is None:
            return []
        return self._book.resolve([item.key for item in self.model_.checked()])

    def tick(self, name: str, on: bool = True) -> None:
        """Tick the group called ``name``, or the contact whose label starts with it."""
        for item in self.model_.items():
            if (item.key if item.group else item.label).startswith(name):
                self.model_.set_checked(item.key, on)
                return
        raise KeyError(name)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        """Space ticks or unticks the current row, as in a list of check boxes."""
        index = self.currentIndex()
        if event.key() == Qt.Key.Key_Space and index.isValid():
            self._toggle(index.siblingAtColumn(RecipientsModel.RECIPIENT))
            event.accept()
            return
        super().keyPressEvent(event)

    def _toggle(self, index: QModelIndex) -> None:
        if not self.model_.flags(index) & Qt.ItemFlag.ItemIsUserCheckable:
            return
        on = self.model_.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        new = Qt.CheckState.Unchecked if on else Qt.CheckState.Checked
        self.model_.setData(index, new, Qt.ItemDataRole.CheckStateRole)

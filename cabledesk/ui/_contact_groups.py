"""The groups box of the contacts view: distribution lists and their members.

A tree of groups with their members under them; a field and a button to
create a group; buttons to add the contacts selected in the table to the
chosen group, or to remove them (or the member chosen in the tree). The
changes run as write jobs; ``changed(message, group)`` or ``failed(error)``
tells the view, which reloads.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
)

from cabledesk.services.contacts import ContactsService, Group
from cabledesk.ui.plain import plain_tooltip
from cabledesk.ui.workers import Workers

__all__ = ["GroupsPanel"]

GROUP_ROLE = int(Qt.ItemDataRole.UserRole) + 1
MEMBER_ROLE = int(Qt.ItemDataRole.UserRole) + 2


class GroupsPanel(QGroupBox):
    """``selected()`` gives the fingerprints of the contacts selected in the table."""

    changed = Signal(str, str)
    failed = Signal(object)

    def __init__(
        self, contacts: ContactsService, workers: Workers, selected: Callable[[], list[str]]
    ) -> None:
        super().__init__()
        self._contacts = contacts
        self._workers = workers
        self._selected = selected
        self.setTitle(self.tr("Groups"))
        self.setObjectName("groupsPanel")
        self.setAccessibleName(self.tr("Groups"))
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels([self.tr("Group and members")])
        self.tree = QTreeView()
        self.tree.setObjectName("groupsTree")
        self.tree.setAccessibleName(self.tr("Groups and their members"))
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.selectionModel().currentChanged.connect(lambda *_: self._update())
        self.name = QLineEdit()
        self.name.setObjectName("newGroupName")
        self.name.setPlaceholderText(self.tr("New group name, e.g. EU posts"))
        self.name.setAccessibleName(self.tr("New group name"))
        self.name.textChanged.connect(lambda _: self._update())
        self.name.returnPressed.connect(self._create)
        self.create_button = QPushButton(self.tr("Create group"))
        self.create_button.setObjectName("createGroup")
        self.create_button.setAccessibleName(self.tr("Create group"))
        self.create_button.clicked.connect(self._create)
        self.add_button = QPushButton(self.tr("Add selected contacts"))
        self.add_button.setObjectName("addToGroup")
        self.add_button.setAccessibleName(self.tr("Add the selected contacts to the group"))
        self.add_button.clicked.connect(lambda: self._add())
        self.remove_button = QPushButton(self.tr("Remove from group"))
        self.remove_button.setObjectName("removeFromGroup")
        self.remove_button.setAccessibleName(self.tr("Remove from the group"))
        self.remove_button.clicked.connect(lambda: self._remove())
        new_row = QHBoxLayout()
        new_row.addWidget(self.name, 1)
        new_row.addWidget(self.create_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        layout.addLayout(new_row)
        self.setTabOrder(self.tree, self.add_button)
        self.setTabOrder(self.add_button, self.remove_button)
        self.setTabOrder(self.remove_button, self.name)
        self.setTabOrder(self.name, self.create_button)
        self._have_selection = False
        self._update()

    def set_groups(self, groups: Sequence[Group], names: Mapping[str, str]) -> None:
        """Show ``groups``; ``names`` maps each member's fingerprint to its name."""
        keep = self.current_group()
        self.model.removeRows(0, self.model.rowCount())
        for group in groups:
            item = QStandardItem(
                self.tr("{0} ({1} members)").format(group.name, len(group.members))
            )
            item.setData(group.name, GROUP_ROLE)
            item.setEditable(False)
            for fp in group.members:
                member = QStandardItem(names.get(fp, fp))
                member.setData(group.name, GROUP_ROLE)
                member.setData(fp, MEMBER_ROLE)
                member.setToolTip(plain_tooltip(fp))
                member.setEditable(False)
                item.appendRow(member)
            self.model.appendRow(item)
            if group.name == keep:
                self.tree.setCurrentIndex(item.index())
        self.tree.expandAll()
        self._update()

    def clear(self) -> None:
        self.model.removeRows(0, self.model.rowCount())
        self.name.clear()
        self._update()

    def select_group(self, name: str) -> None:
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            if item.data(GROUP_ROLE) == name:
                self.tree.setCurrentIndex(item.index())

    def current_group(self) -> str | None:
        index = self.tree.currentIndex()
        value = index.data(GROUP_ROLE) if index.isValid() else None
        return str(value) if value else None

    def current_member(self) -> str:
        index = self.tree.currentIndex()
        value = index.data(MEMBER_ROLE) if index.isValid() else None
        return str(value) if value else ""

    def set_contacts_selected(self, selected: bool) -> None:
        self._have_selection = selected
        self._update()

    def _update(self) -> None:
        group = self.current_group() is not None
        self.create_button.setEnabled(bool(self.name.text().strip()))
        self.add_button.setEnabled(group and self._have_selection)
        self.remove_button.setEnabled(
            group and (self._have_selection or bool(self.current_member()))
        )

    def _create(self) -> None:
        name, contacts = self.name.text().strip(), self._contacts
        if name:
            self._run("create a group", lambda: contacts.create_group(name), created=True)

    def _add(self) -> None:
        group, members, contacts = self.current_group(), self._selected(), self._contacts
        if group is not None and members:
            self._run("add to a group", lambda: contacts.add_to_group(group, members))

    def _remove(self) -> None:
        group, contacts = self.current_group(), self._contacts
        members = [self.current_member()] if self.current_member() else self._selected()
        if group is not None and members:
            self._run("remove from a group", lambda: contacts.remove_from_group(group, members))

    def _run(self, name: str, change: Callable[[], Group], *, created: bool = False) -> None:
        def done(group: Group) -> None:
            if created:
                self.name.clear()
                message = self.tr("The group {0} was created.").format(group.name)
            else:
                message = self.tr("The group {0} has {1} member(s).").format(
                    group.name, len(group.members)
                )
            self.changed.emit(message, group.name)

        self._workers.run(
            name, lambda ctx: change(), write=True, on_done=done, on_failed=self.failed.emit
        )

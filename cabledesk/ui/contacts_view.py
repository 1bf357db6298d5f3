"""Contacts: the correspondents' cards, their trust, groups; import, verify, revoke.

A table of contacts (name, post, trust state in words and colour,
fingerprint), the selected contact's details with the safety number to read
aloud, and the groups. Everything that reads or writes the vault, parses a
card or touches a file runs through :class:`~cabledesk.ui.workers.Workers`;
outcomes and problems the user can act on are said in the line at the bottom.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cabledesk.domain.trust import TrustState
from cabledesk.errors import CableDeskError
from cabledesk.services.contacts import Contact, Group, ImportOutcome, ImportStatus
from cabledesk.services.session import Session
from cabledesk.ui._add_contact_dialog import AddContactDialog
from cabledesk.ui._contact_details import ContactDetails
from cabledesk.ui._contact_groups import GroupsPanel
from cabledesk.ui._contacts_model import (
    ENTRY_ROLE,
    ContactEntry,
    ContactsModel,
    import_card_files,
    load_contacts,
)
from cabledesk.ui._reason_dialog import ReasonDialog, RevokeDialog, VerifyDialog
from cabledesk.ui.errors import describe, show_error
from cabledesk.ui.places import card_file_name, suggested_path
from cabledesk.ui.plain import PlainLabel
from cabledesk.ui.workers import JobContext, Workers

__all__ = ["ContactsView"]


class ContactsView(QWidget):
    def __init__(self, session: Session, workers: Workers) -> None:
        super().__init__()
        self.session = session
        self.workers = workers
        self.setObjectName("contactsView")
        self.setAccessibleName(self.tr("Contacts"))
        self._select_after: str | None = None
        self._group_after: str | None = None
        self.model = ContactsModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QTableView()
        self.table.setObjectName("contactsTable")
        self.table.setAccessibleName(self.tr("Contacts"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ContactsModel.NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setDefaultSectionSize(80)  # the stretched fingerprint column may be narrow
        header.setMinimumSectionSize(60)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())

        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, text, accessible, slot in (
            ("import", self.tr("Import card…"), self.tr("Import contact cards"),
             self.import_cards),
            ("add", self.tr("Add from public keys…"), self.tr("Add a contact from public keys"),
             self.add_from_keys),
            ("export", self.tr("Export card…"), self.tr("Export the contact card"),
             self.export_card),
            ("verify", self.tr("Mark verified…"), self.tr("Mark the contact verified"),
             self.mark_verified),
            ("revoke", self.tr("Revoke…"), self.tr("Revoke the contact's keys"), self.revoke),
            ("encrypt", self.tr("Encrypt file to selected…"),
             self.tr("Encrypt a file to the selected contacts"), self.encrypt_to_selected),
        ):  # fmt: skip
            button = QPushButton(text)
            button.setObjectName(f"contacts_{key}")
            button.setAccessibleName(accessible)
            button.clicked.connect(lambda _=False, s=slot: s())
            self.buttons[key] = button
            bar.addWidget(button)
        bar.addStretch(1)

        self.details = ContactDetails(session.schemes)
        scroll = QScrollArea()
        scroll.setObjectName("contactDetailsScroll")
        scroll.setAccessibleName(self.tr("Contact details"))
        scroll.setWidget(self.details)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.groups = GroupsPanel(
            session.contacts, workers, lambda: [e.fingerprint for e in self.selected_entries()]
        )
        self.groups.changed.connect(self._group_changed)
        self.groups.failed.connect(self._failed)
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(scroll)
        side.addWidget(self.groups)
        side.setSizes([420, 260])
        side.setChildrenCollapsible(False)
        main = QSplitter()
        main.addWidget(self.table)
        main.addWidget(side)
        main.setSizes([560, 540])
        main.setChildrenCollapsible(False)
        self.status = PlainLabel()
        self.status.setObjectName("contactsStatus")
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status"))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(main, 1)
        layout.addWidget(self.status)
        details = [self.details.fields[k] for k in ("fingerprint", "encryption")]
        order = [*self.buttons.values(), self.table, *details, self.groups.tree]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)
        self._selection_changed()

    # --- loading ---------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        """Reload contacts and groups off the GUI thread; then select ``select`` (a fingerprint)."""
        if self.session.locked:
            return
        self._select_after = select or self._current_fingerprint()
        session = self.session
        self.workers.run(
            "load contacts",
            lambda ctx: load_contacts(session),
            on_done=self._loaded,
            on_failed=self._failed,
        )

    def _loaded(self, result: tuple[list[ContactEntry], list[Group]]) -> None:
        entries, groups = result
        self.model.set_entries(entries)
        for column in (ContactsModel.NAME, ContactsModel.POST, ContactsModel.TRUST):
            self.table.resizeColumnToContents(column)  # whole words; the table scrolls
        self.groups.set_groups(groups, {e.fingerprint: e.contact.name for e in entries})
        if self._group_after:
            self.groups.select_group(self._group_after)
            self._group_after = None
        target, self._select_after = self._select_after, None
        row = self.model.row_of(target) if target else None
        if row is not None:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.table.selectionModel().select(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index)
        self._selection_changed()

    def clear_content(self) -> None:
        """The vault locks: forget every contact shown."""
        self.model.set_entries([])
        self.groups.clear()
        self.details.show_entry(None)
        self.status.clear()
        self._selection_changed()

    # --- selection ---------------------------------------------------------------

    def selected_entries(self) -> list[ContactEntry]:
        rows = self.table.selectionModel().selectedRows()
        return [rows_entry for index in rows if (rows_entry := index.data(ENTRY_ROLE))]

    def current_entry(self) -> ContactEntry | None:
        selected = self.selected_entries()
        if len(selected) == 1:
            return selected[0]
        entry = self.table.currentIndex().data(ENTRY_ROLE)
        return entry if selected and entry in selected else None

    def _current_fingerprint(self) -> str | None:
        entry = self.current_entry()
        return entry.fingerprint if entry else None

    def _selection_changed(self) -> None:
        selected = self.selected_entries()
        entry = self.current_entry()
        self.details.show_entry(entry)
        revoked = entry is not None and entry.contact.trust.state is TrustState.REVOKED
        verified = (
            entry is not None
            and entry.contact.trust.state is TrustState.VERIFIED
            and not entry.contact.claims_changed  # changed claims are verified again
        )
        self.buttons["export"].setEnabled(entry is not None)
        self.buttons["verify"].setEnabled(entry is not None and not revoked and not verified)
        self.buttons["revoke"].setEnabled(entry is not None and not revoked)
        self.buttons["encrypt"].setEnabled(bool(selected))
        self.groups.set_contacts_selected(bool(selected))

    # --- actions -------------------------------------------------------------------

    def import_cards(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Import contact cards"),
            "",
            self.tr("Contact cards (*.contact);;All files (*)"),
        )
        if not names:
            return
        paths = [Path(n) for n in names]
        session = self.session

        def work(ctx: JobContext) -> list[tuple[Path, ImportOutcome | CableDeskError]]:
            return import_card_files(session, paths)

        self.workers.run(
            "import cards", work, write=True, on_done=self._imported, on_failed=self._failed
        )

    def _imported(self, results: list[tuple[Path, ImportOutcome | CableDeskError]]) -> None:
        lines: list[str] = []
        last: str | None = None
        problems = False
        for path, outcome in results:
            if isinstance(outcome, CableDeskError):
                problem = describe(outcome)
                lines.append(
                    self.tr("{0}: {1}").format(
                        path.name, " ".join(filter(None, (problem.message, problem.hint)))
                    )
                )
                problems = True
                continue
            last = outcome.contact.fingerprint
            words = {
                ImportStatus.NEW: self.tr("{0} was added to your contacts (unverified)."),
                ImportStatus.UPDATED: self.tr("{0}'s card was updated; the trust is kept."),
                ImportStatus.UNCHANGED: self.tr("{0} was already in your contacts, unchanged."),
            }[outcome.status]
            lines.append(words.format(outcome.contact.name))
        self._say("\n".join(lines), error=problems)
        self.refresh(select=last)

    def export_card(self) -> None:
        entry = self.current_entry()
        if entry is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the contact card"),
            suggested_path(card_file_name(entry.contact.name)),
            self.tr("Contact cards (*.contact);;All files (*)"),
        )
        if not name:
            return
        path = Path(name)
        if path.suffix != ".contact":
            path = path.with_name(path.name + ".contact")
        contacts, fingerprint = self.session.contacts, entry.fingerprint
        self.workers.run(
            "export a card",
            lambda ctx: contacts.export_card(fingerprint, path, overwrite=True),
            on_done=lambda _: self._say(self.tr("Card saved to {0}.").format(str(path))),
            on_failed=self._failed,
        )

    def add_from_keys(self) -> None:
        dialog = AddContactDialog(self.session, self.workers, self)
        dialog.added.connect(self._added)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _added(self, contact: Contact) -> None:
        self._say(
            self.tr("{0} was added (unverified). Compare the fingerprint with them.").format(
                contact.name
            )
        )
        self.refresh(select=contact.fingerprint)

    def mark_verified(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            dialog = VerifyDialog(self, entry.contact.name, entry.safety_number)
            self._run_reason(dialog, entry, verify=True)

    def revoke(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            self._run_reason(RevokeDialog(self, entry.contact.name), entry, verify=False)

    def _run_reason(self, dialog: ReasonDialog, entry: ContactEntry, *, verify: bool) -> None:
        fingerprint, contacts = entry.fingerprint, self.session.contacts

        # The number the dialog showed, which the user compared: for a contact made from
        # raw keys it covers both keys, and verifying needs it.
        shown = entry.safety_number

        def change(reason: str) -> Contact:
            if verify:
                return contacts.verify(fingerprint, reason, safety_number=shown)
            return contacts.revoke(fingerprint, reason)

        def go() -> None:
            reason = dialog.text()
            self.workers.run(
                "mark verified" if verify else "revoke",
                lambda ctx: change(reason),
                write=True,
                on_done=self._trust_changed,
                on_failed=self._failed,
            )

        dialog.accepted.connect(go)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _trust_changed(self, contact: Contact) -> None:
        if contact.trust.state is TrustState.REVOKED:
            self._say(self.tr("{0}'s keys are revoked.").format(contact.name))
        else:
            self._say(self.tr("{0} is marked verified.").format(contact.name))
        self.refresh(select=contact.fingerprint)

    def encrypt_to_selected(self) -> None:
        from cabledesk.ui.file_crypto_dialog import FileCryptoDialog

        recipients = [e.fingerprint for e in self.selected_entries()]
        if not recipients:
            return
        dialog = FileCryptoDialog(
            self.session, self.workers, encrypt=True, recipients=recipients, parent=self
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _group_changed(self, message: str, group: str) -> None:
        self._say(message)
        self._group_after = group
        self.refresh()

    # --- feedback ----------------------------------------------------------------------

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet("color: #c62828;" if error else "")
        self.status.setText(text)

    def _failed(self, exc: BaseException) -> None:
        problem = describe(exc)
        if problem.cancelled:
            return
        if problem.bug:  # the worker relay showed the bug report
            show_error(self, exc)
            return
        self._say(" ".join(filter(None, (problem.message, problem.hint))), error=True)

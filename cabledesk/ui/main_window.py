"""The main window: sidebar, list, and the cable editor or viewer; menus and shortcuts.

Three panes: the sidebar (sections and the archive search), the list of the
section (or of the search results), and the open item — the editor for a
draft, the reader for a sent or received cable — or, for Contacts and the
audit log, one wide view. Dialogs (seal, export, open, settings…) are
modules of their own; :mod:`.window_actions` builds the menus.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from cabledesk.services.session import Session
from cabledesk.store.archive import Direction
from cabledesk.store.search import SearchFilters
from cabledesk.store.settings import CLIPBOARD_CLEAR_SECONDS
from cabledesk.ui.cable_list import CableListModel, CableListView, Row
from cabledesk.ui.cable_view import CableView
from cabledesk.ui.clipboard import ClipboardGuard
from cabledesk.ui.editor.cable_editor import CableEditor
from cabledesk.ui.errors import show_error
from cabledesk.ui.sidebar import Sidebar
from cabledesk.ui.window_actions import build_menus
from cabledesk.ui.workers import Workers

__all__ = ["MainWindow"]

LIST_LIMIT = 500


class MainWindow(QMainWindow):
    """See the module docstring. ``controller`` locks (``lock()``) and learns of
    changed settings (``settings_changed()``)."""

    files_dropped = Signal(list)

    def __init__(self, session: Session, workers: Workers, controller: object) -> None:
        super().__init__()
        self.session = session
        self.workers = workers
        self.controller = controller
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("CableDesk"))
        self.resize(1280, 800)
        self.setAcceptDrops(True)
        self.clipboard_guard = ClipboardGuard(
            session.settings.get(CLIPBOARD_CLEAR_SECONDS), parent=self
        )
        self.sidebar = Sidebar(session.schemes)
        self.model = CableListModel(session.schemes)
        self.list = CableListView(self.model)
        self.editor = CableEditor(session, workers)
        self.reader = CableView()
        self.detail = QStackedWidget()
        self.detail.setObjectName("detail")
        self.detail.addWidget(self.editor)
        self.detail.addWidget(self.reader)
        self.wide = QStackedWidget()
        self.wide.setObjectName("wideViews")
        self.splitter = QSplitter()
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(self.detail)
        self.splitter.addWidget(self.wide)
        self.splitter.setSizes([230, 340, 710, 0])
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self._views: dict[str, QWidget] = {}
        self.section = "drafts"
        self.identity_label = QLabel()
        self.identity_label.setObjectName("identityStatus")
        self.statusBar().addPermanentWidget(self.editor.state)
        self.statusBar().addPermanentWidget(self.identity_label)
        self.actions_by_name = build_menus(self)
        self.sidebar.section_changed.connect(self.show_section)
        self.sidebar.search_requested.connect(self.search)
        self.sidebar.search_cleared.connect(lambda: self.show_section(self.section))
        self.list.clicked.connect(lambda _: self.open_current())
        self.list.activated.connect(lambda _: self.open_current())
        self.editor.saved.connect(lambda _: self._refresh_drafts_quietly())
        self._show_identity()
        self.sidebar.select("drafts")
        self._load_addressees()

    # --- sections and lists ------------------------------------------------------

    def show_section(self, section: str) -> None:
        self.section = section
        wide = section in ("contacts", "audit")
        sizes = self.splitter.sizes()
        side, total = sizes[0], sum(sizes)
        self.list.setVisible(not wide)
        self.detail.setVisible(not wide)
        self.wide.setVisible(wide)
        if wide:
            self.splitter.setSizes([side, 0, 0, total - side])
        elif sizes[1] == 0:
            self.splitter.setSizes([side, 340, total - side - 340, 0])
        if wide:
            self.wide.setCurrentWidget(self._wide_view(section))
            return
        if section == "drafts":
            self._fill_drafts()
            self.detail.setCurrentWidget(self.editor)
        else:
            self._fill_archive(Direction(section))
            self.detail.setCurrentWidget(self.reader)

    def _wide_view(self, section: str) -> QWidget:
        if section not in self._views:
            if section == "contacts":
                from cabledesk.ui.contacts_view import ContactsView

                self._views[section] = ContactsView(self.session, self.workers)
            else:
                from cabledesk.ui.audit_view import AuditView

                self._views[section] = AuditView(self.session, self.workers)
            self.wide.addWidget(self._views[section])
        view = self._views[section]
        refresh = getattr(view, "refresh", None)
        if callable(refresh):
            refresh()
        return view

    def _fill_drafts(self) -> None:
        rows = [
            Row("draft", d.id, d.subject, d.banner or "—", d.updated)
            for d in self.session.drafts.summaries()
        ]
        self.model.set_rows(rows)

    def _refresh_drafts_quietly(self) -> None:
        if self.section != "drafts" or self.sidebar.search.text().strip():
            return
        current = self.list.current_row()
        self._fill_drafts()
        if current is not None:
            for i, row in enumerate(self.model.rows()):
                if row.key == current.key:
                    self.list.setCurrentIndex(self.model.index(i))

    def _fill_archive(self, direction: Direction) -> None:
        entries = self.session.archive.entries(direction, limit=LIST_LIMIT)
        self.model.set_rows(
            [
                Row("archive", str(e.id), e.subject, e.banner, e.dtg or e.stored, e.originator)
                for e in entries
            ]
        )

    def search(self, query: str, filters: SearchFilters) -> None:
        """Search the archive off the GUI thread; show the hits in the list."""
        self.list.setVisible(True)
        self.detail.setVisible(True)
        self.wide.setVisible(False)
        self.detail.setCurrentWidget(self.reader)

        def show(hits: list) -> None:  # type: ignore[type-arg]
            self.model.set_rows(
                [
                    Row("archive", str(h.archive_id), h.subject, h.banner, h.dtg,
                        h.originator, h.snippet)
                    for h in hits
                ]
            )  # fmt: skip
            self.statusBar().showMessage(self.tr("{0} cable(s) found").format(len(hits)), 4000)

        self.workers.run(
            "search",
            lambda ctx: self.session.archive.search(query, filters, limit=100),
            on_done=show,
            on_failed=lambda exc: self.statusBar().showMessage(_message(exc), 6000),
        )

    def open_current(self) -> None:
        row = self.list.current_row()
        if row is None:
            return
        try:
            if row.kind == "draft":
                self.detail.setCurrentWidget(self.editor)
                if self.editor.draft_id != row.key:
                    self.editor.open_draft(self.session.drafts.load(row.key))
            else:
                self.detail.setCurrentWidget(self.reader)
                entry = self.session.archive.entry(int(row.key))
                cable = self.session.archive.cable(entry.id)
                self.reader.show_cable(cable, self.session.drafts.banner(cable))
                self.reader.show_verification(entry.verification)
        except Exception as exc:
            show_error(self, exc)

    # --- drafts --------------------------------------------------------------------

    def new_draft(self) -> None:
        try:
            cable = self.session.drafts.new()
        except Exception as exc:
            show_error(self, exc)
            return
        self.sidebar.select("drafts")
        self._fill_drafts()
        self.detail.setCurrentWidget(self.editor)
        self.editor.open_draft(cable)
        self.editor.header.subject.setFocus()

    def delete_draft(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        draft_id = self.editor.draft_id
        if draft_id is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete the draft"), self.tr("Delete this draft and its history?")
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.editor.clear()
        self.session.drafts.delete(draft_id)
        self._fill_drafts()

    def _load_addressees(self) -> None:
        words = [c.card.post for c in self.session.contacts.all() if c.card.post]
        words += [g.name for g in self.session.contacts.groups()]
        self.editor.header.set_addressee_words(words)

    def _show_identity(self) -> None:
        try:
            info = self.session.identity.info()
        except Exception:
            self.identity_label.setText(self.tr("Vault unlocked — no identity"))
            return
        self.identity_label.setText(
            self.tr("Vault unlocked · {0} ({1}) · {2}").format(
                info.name, info.post, info.fingerprint[:19] + "…"
            )
        )

    # --- files dropped or opened -------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_files(paths)

    def open_files(self, paths: list[Path]) -> None:
        from cabledesk.ui.file_opener import open_files

        open_files(self, paths)

    # --- locking and closing -------------------------------------------------------

    def prepare_lock(self) -> None:
        """Save the open draft, close the dialogs and clear every view of decrypted content."""
        for dialog in self.findChildren(QDialog):
            dialog.reject()
        try:
            self.editor.flush()
        except Exception as exc:
            show_error(self, exc)
        self.editor.clear()
        self.reader.clear()
        self.model.set_rows([])
        for view in self._views.values():
            clear = getattr(view, "clear_content", None)
            if callable(clear):
                clear()
        self.clipboard_guard.clear()

    def lock(self) -> None:
        lock = getattr(self.controller, "lock", None)
        if callable(lock):
            lock()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if not self.session.locked:
            self.prepare_lock()
        event.accept()


def _message(exc: BaseException) -> str:
    from cabledesk.ui.errors import describe

    problem = describe(exc)
    return " ".join(filter(None, (problem.message, problem.hint)))

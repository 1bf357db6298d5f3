"""The main window: sidebar, list, and the cable editor or viewer; menus and shortcuts.

Three panes: the sidebar (sections and the archive search), the list of the
section (or of the search results), and the open item — the editor for a
draft, the reader for a sent or received cable — or, for Contacts and the
audit log, one wide view. Dialogs (seal, export, open, settings…) are
modules of their own; :mod:`.window_actions` builds the menus.

The window never reads or writes the vault on the GUI thread: lists, the open
item, new and deleted drafts go through the worker pools, each answer shown
only if it is still the one wanted (a newer click wins). Closing the window
saves the open draft first and waits for that save; if it is refused, the
window says what is kept and asks before closing (:mod:`._window_closing`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox, QSplitter, QStackedWidget, QWidget

from cabledesk.domain.cable import Cable
from cabledesk.errors import VaultError
from cabledesk.services.archive import ArchivedCable, Direction, SearchFilters, SearchHit
from cabledesk.services.draft_history import SavedDraft
from cabledesk.services.drafts import DraftSummary
from cabledesk.services.identity import IdentityInfo
from cabledesk.services.session import Session
from cabledesk.services.settings import Safeguards
from cabledesk.ui import _draft_actions, archive_actions
from cabledesk.ui._window_closing import WindowClosing
from cabledesk.ui.cable_list import CableListModel, CableListView, Row
from cabledesk.ui.cable_view import CableView
from cabledesk.ui.clipboard import ClipboardGuard
from cabledesk.ui.editor.cable_editor import CableEditor
from cabledesk.ui.errors import describe, show_error
from cabledesk.ui.geometry import MAIN_WINDOW, fit_to_screen
from cabledesk.ui.plain import PlainLabel, message_box
from cabledesk.ui.sidebar import Sidebar
from cabledesk.ui.window_actions import build_menus
from cabledesk.ui.workers import Workers

__all__ = ["MainWindow"]

LIST_LIMIT = 500


class MainWindow(QMainWindow):
    """See the module docstring. ``controller`` locks (``lock()``), learns of changed
    settings (``settings_changed()``) and hears what must be said after the window
    is gone (``notice(text)``)."""

    files_dropped = Signal(list)

    def __init__(self, session: Session, workers: Workers, controller: object) -> None:
        super().__init__()
        self.session = session
        self.workers = workers
        self.controller = controller
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("CableDesk"))
        fit_to_screen(self, MAIN_WINDOW)  # 1280×800, or what the screen has room for
        self.setAcceptDrops(True)
        self.clipboard_guard = ClipboardGuard(Safeguards().clipboard_clear_seconds, parent=self)
        self.sidebar = Sidebar(session.schemes)
        self.model = CableListModel(session.schemes)
        self.list = CableListView(self.model)
        self.editor = CableEditor(session, workers)
        self.reader = CableView()
        self.shown: ArchivedCable | None = None  # the archived cable in the reader
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
        self._lists = 0  # each list asked for has a number: only the newest is shown
        self._opening = 0  # likewise for the item opened
        self._closing = WindowClosing(self)
        self.quit_when_closed = False
        self.section = "drafts"
        self._wanted: str | None = None  # the archive row to open once listed
        self.identity_label = PlainLabel()
        self.identity_label.setObjectName("identityStatus")
        self.statusBar().addPermanentWidget(self.editor.state)
        self.statusBar().addPermanentWidget(self.identity_label)
        self.actions_by_name = build_menus(self)
        archive_actions.install(self)  # the archive list's context menu, the reader's card import
        self.sidebar.section_changed.connect(self.show_section)
        self.sidebar.search_requested.connect(self.search)
        self.sidebar.search_cleared.connect(lambda: self.show_section(self.section))
        self.list.clicked.connect(lambda _: self.open_current())
        self.list.activated.connect(lambda _: self.open_current())
        self.editor.saved.connect(lambda _: self._refresh_drafts_quietly())
        self.editor.save_refused.connect(self.tell)
        self._load_status()
        self.sidebar.select("drafts")

    # --- what is read once ----------------------------------------------------------

    def _load_status(self) -> None:
        """The identity, the safeguards and the addressee words, off the GUI thread."""
        session = self.session

        def work(ctx: object) -> tuple[IdentityInfo | None, Safeguards, list[str]]:
            book = session.contacts.book()
            words = [c.card.post for c in book.contacts if c.card.post]
            words += [g.name for g in book.groups]
            try:
                identity: IdentityInfo | None = session.identity.info()
            except VaultError:  # no identity yet
                identity = None
            return identity, session.settings.safeguards(), words

        self.workers.run("read the vault's status", work, on_done=self._show_status)

    def _show_status(self, status: tuple[IdentityInfo | None, Safeguards, list[str]]) -> None:
        identity, safeguards, words = status
        self.clipboard_guard.seconds = safeguards.clipboard_clear_seconds
        self.editor.header.set_addressee_words(words)
        if identity is None:
            self.identity_label.setText(self.tr("Vault unlocked — no identity"))
            return
        self.identity_label.setText(
            self.tr("Vault unlocked · {0} ({1}) · {2}").format(
                identity.name, identity.post, identity.fingerprint[:19] + "…"
            )
        )

    def apply_safeguards(self, safeguards: Safeguards) -> None:
        """The settings changed: copied text is cleared after the new delay."""
        self.clipboard_guard.seconds = safeguards.clipboard_clear_seconds

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
            self._clear_reader()  # a cable of another section is not this one's
            self._fill_archive(Direction(section))
            self.detail.setCurrentWidget(self.reader)

    def _clear_reader(self) -> None:
        """Show no archived cable (and forget one being opened)."""
        self._opening += 1
        self.shown = None
        self.reader.clear()

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

    def _show_list(
        self, name: str, read: Callable[[], list[Row]], then: Callable[[], None]
    ) -> None:
        """Read a list off the GUI thread; show it if no newer list was asked for since."""
        self._lists += 1
        number = self._lists

        def done(rows: list[Row]) -> None:
            if number == self._lists:
                self.model.set_rows(rows)
                then()

        self.workers.run(name, lambda ctx: read(), on_done=done, on_failed=self._say)

    def _fill_drafts(self, then: Callable[[], None] = lambda: None) -> None:
        drafts = self.session.drafts

        def read() -> list[Row]:
            return [_draft_row(d) for d in drafts.summaries()]

        def listed() -> None:
            then()
            self._open_wanted()

        self._show_list("list the drafts", read, listed)

    def _refresh_drafts_quietly(self) -> None:
        if self.section != "drafts" or self.sidebar.search.text().strip():
            return
        current = self.list.current_row()

        def reselect() -> None:
            if current is None:
                return
            for i, row in enumerate(self.model.rows()):
                if row.key == current.key:
                    self.list.setCurrentIndex(self.model.index(i))

        self._fill_drafts(reselect)

    def _fill_archive(self, direction: Direction) -> None:
        archive = self.session.archive

        def read() -> list[Row]:
            entries = archive.entries(direction, limit=LIST_LIMIT)
            return [
                Row("archive", str(e.id), e.subject, e.banner, e.dtg or e.stored, e.originator)
                for e in entries
            ]

        self._show_list(f"list the {direction.value} cables", read, self._open_wanted)

    def _open_wanted(self) -> None:
        """Select and open the archived cable asked for by :meth:`show_sealed`, if listed."""
        wanted, self._wanted = self._wanted, None
        for i, row in enumerate(self.model.rows()):
            if wanted is not None and row.key == wanted:
                self.list.setCurrentIndex(self.model.index(i))
                self.open_current()
                self.list.setFocus()

    def current_view(self) -> tuple[str, str | None]:
        """The section on screen and the key of the row chosen in it (for after a lock)."""
        row = self.list.current_row()
        return self.section, row.key if row is not None else None

    def restore_view(self, section: str, key: str | None) -> None:
        """Show ``section`` again, with the row ``key`` chosen and opened if still listed."""
        self._wanted = key
        if self.sidebar.current_section() == section:
            self.show_section(section)
        else:
            self.sidebar.select(section)

    def show_sealed(self, archive_id: int) -> None:
        """A draft was sealed: the editor is emptied (the draft is gone) and the sealed
        cable shows, read-only, selected in Sent."""
        self.editor.clear()
        self._wanted = str(archive_id)
        if self.sidebar.current_section() == "sent":
            self.show_section("sent")
        else:
            self.sidebar.select("sent")
        self.statusBar().showMessage(self.tr("Sealed — see Sent"), 8000)

    def search(self, query: str, filters: SearchFilters) -> None:
        """Search the archive off the GUI thread; show the hits in the list."""
        self.list.setVisible(True)
        self.detail.setVisible(True)
        self.wide.setVisible(False)
        self.detail.setCurrentWidget(self.reader)
        self._clear_reader()  # the previous reading is not one of these results
        archive = self.session.archive

        def read() -> list[Row]:
            return [_hit_row(h) for h in archive.search(query, filters, limit=100)]

        def found() -> None:
            count = self.model.rowCount()
            self.statusBar().showMessage(self.tr("{0} cable(s) found").format(count), 4000)

        self._show_list("search", read, found)

    def open_current(self) -> None:
        """Open the chosen row: the draft in the editor, an archived cable in the reader."""
        row = self.list.current_row()
        if row is None:
            return
        self._opening += 1
        number = self._opening
        if row.kind == "draft":
            self.detail.setCurrentWidget(self.editor)
            if self.editor.draft_id == row.key:
                return
            drafts, key = self.session.drafts, row.key
            self.workers.run(
                "open a draft",
                lambda ctx: drafts.current(key),
                on_done=lambda saved: self._open_draft(number, saved),
                on_failed=self._failed,
            )
            return
        self.detail.setCurrentWidget(self.reader)
        archive, archive_id = self.session.archive, int(row.key)
        self.workers.run(
            "open a cable",
            lambda ctx: archive.read(archive_id),
            on_done=lambda item: self._show_archived(number, item),
            on_failed=self._failed,
        )

    def _open_draft(self, number: int, saved: SavedDraft) -> None:
        if number == self._opening:
            self.editor.open_draft(saved.cable, saved.saved, rules=saved.rules_version)

    def _show_archived(self, number: int, item: ArchivedCable) -> None:
        if number != self._opening:
            return
        self.shown = item
        self.reader.show_cable(item.cable, item.banner)
        self.reader.show_verification(item.entry.verification)

    # --- drafts --------------------------------------------------------------------

    def new_draft(self) -> None:
        _draft_actions.new_draft(self)

    def delete_draft(self) -> None:
        _draft_actions.delete_draft(self)

    def show_history(self) -> QDialog | None:
        """The history of the draft in the editor (its versions, a comparison, Restore)."""
        return _draft_actions.show_history(self)

    def show_clearances(self) -> QDialog | None:  # issue 18
        """The Clearances panel of the draft in the editor (send, answers, status)."""
        return _draft_actions.show_clearances(self)

    def open_saved_draft(self, saved: SavedDraft, *, restored: bool = False) -> None:
        """Show a draft just created or restored (``restored``: it replaces the edits)."""
        self._opening += 1
        self.detail.setCurrentWidget(self.editor)
        self.editor.open_draft(
            saved.cable, saved.saved, flush=not restored, rules=saved.rules_version
        )
        if restored:
            self._refresh_drafts_quietly()
        else:
            self._fill_drafts()

    def cable_to_export(self) -> Cable | None:
        """The draft in the editor (its edits queued for saving) or the cable being read."""
        if self.detail.currentWidget() is self.editor and self.editor.draft_id is not None:
            self.editor.flush()
            return self.editor.current()[0]
        row = self.list.current_row()
        shown = self.shown
        if row is not None and shown is not None and str(shown.entry.id) == row.key:
            return shown.cable
        return None

    # --- feedback ---------------------------------------------------------------------

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def _say(self, exc: BaseException) -> None:
        problem = describe(exc)
        text = " ".join(filter(None, (problem.message, problem.hint)))
        self.statusBar().showMessage(text, 6000)

    def tell(self, text: str) -> None:
        """Say ``text`` in a window that does not block the others (e.g. a refused save)."""
        box = message_box(self, QMessageBox.Icon.Warning, self.tr("Not saved"), text)
        box.setObjectName("notice")
        box.finished.connect(box.deleteLater)
        box.open()

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

    def prepare_lock(self, leaving: str = "", notify: Callable[[str], None] | None = None) -> None:
        """Queue the open draft's save, close the dialogs and clear every view of
        decrypted content. ``leaving`` and ``notify``: see :meth:`CableEditor.flush`."""
        for dialog in self.findChildren(QDialog):
            dialog.reject()
        self.editor.flush(leaving or self.tr("the vault was locking"), notify or self.tell)
        self.editor.clear()
        self.reader.clear()
        self.shown = None
        self._lists += 1  # a list still being read is not shown any more
        self._opening += 1
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
        """Save the open draft before closing (see :mod:`._window_closing`)."""
        self._closing.close_event(event)


def _draft_row(d: DraftSummary) -> Row:
    return Row("draft", d.id, d.subject, d.banner or "—", d.updated)


def _hit_row(h: SearchHit) -> Row:
    return Row("archive", str(h.archive_id), h.subject, h.banner, h.dtg, h.originator, h.snippet)

"""A draft's history: every version kept, what changed since one, and Restore.

Edit → Draft History… (Ctrl+Shift+H) opens it for the draft in the editor.
The versions are listed newest first (number, when saved in local time,
banner, subject; the current one says so). Choosing one shows, below, what
changed from it to the text in the editor now: the cable as plain lines of
text — banner, header, numbered paragraphs with their portion marks — with
lines only in that version marked "-" on red, lines added since marked "+" on
green. Restore makes the chosen version the draft's text again, as a new
version (nothing is lost; it is recorded in the audit log); a version with a
lower classification asks for the reason first, as an edit would.

Versions and comparisons are read off the GUI thread; the restore runs on the
write thread, after any save the editor queued before.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelection, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontDatabase, QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cabledesk.domain.cable import Cable
from cabledesk.errors import PolicyRefusal
from cabledesk.services.draft_history import Change, DiffLine, DraftVersion, SavedDraft
from cabledesk.services.session import Session
from cabledesk.ui._table_model import ListTableModel
from cabledesk.ui.editor._save_notice import moment
from cabledesk.ui.errors import describe
from cabledesk.ui.plain import PlainLabel, plain_tooltip
from cabledesk.ui.workers import JobContext, Workers, while_alive

__all__ = ["HistoryDialog", "HistoryModel"]

_COLOURS = {  # background, text
    Change.ADDED: ("#e6f4ea", "#1e4620"),
    Change.REMOVED: ("#fce8e6", "#8c1d18"),
}
VERSION_ROLE = int(Qt.ItemDataRole.UserRole) + 1


class HistoryModel(ListTableModel[DraftVersion]):
    """Columns: version, saved (local time), banner, subject."""

    NUMBER, SAVED, BANNER, SUBJECT = range(4)

    def __init__(self) -> None:
        super().__init__()
        self._headers = (
            self.tr("Version"),
            self.tr("Saved"),
            self.tr("Banner"),
            self.tr("Subject"),
        )

    def set_versions(self, versions: Sequence[DraftVersion]) -> None:
        self.beginResetModel()
        self._entries = list(versions)
        self.endResetModel()

    def versions(self) -> list[DraftVersion]:
        return list(self._entries)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid() or index.row() >= len(self._entries):
            return None
        version = self._entries[index.row()]
        if role == VERSION_ROLE:
            return version
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return self.text(version, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self.text(version, index.column()))
        if role == Qt.ItemDataRole.FontRole and version.current:
            font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
            font.setBold(True)
            return font
        return None

    def text(self, version: DraftVersion, column: int) -> str:
        if column == self.NUMBER:
            number = str(version.number)
            return self.tr("{0} (current)").format(number) if version.current else number
        if column == self.SAVED:
            return moment(version.saved)
        if column == self.BANNER:
            return version.banner or self.tr("(not determined)")
        return version.subject or self.tr("(no subject)")


class HistoryDialog(QDialog):
    """See the module docstring. ``restored(saved_draft)`` carries the draft as stored
    after a restore; the dialog then closes."""

    restored = Signal(object)

    def __init__(
        self, session: Session, workers: Workers, current: Cable, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("Draft history"))
        self.setMinimumSize(760, 560)
        self._session = session
        self._workers = workers
        self._current = current
        self._comparisons = 0  # only the newest comparison asked for is shown
        self._restoring = False
        title = PlainLabel(f"{current.subject_marking} {current.subject}".strip())
        title.setObjectName("historySubject")
        title.setTextFormat(Qt.TextFormat.PlainText)
        title.setWordWrap(True)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.model = HistoryModel()
        self.table = QTableView()
        self.table.setObjectName("historyTable")
        self.table.setAccessibleName(self.tr("Versions of the draft, newest first"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column in (HistoryModel.NUMBER, HistoryModel.SAVED, HistoryModel.BANNER):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().selectionChanged.connect(self._chosen)
        self.legend = PlainLabel(self.tr("Choose a version to see what changed since."))
        self.legend.setObjectName("historyLegend")
        self.legend.setWordWrap(True)
        self.diff = QPlainTextEdit()
        self.diff.setObjectName("historyDiff")
        self.diff.setAccessibleName(self.tr("Changes from the chosen version to the text now"))
        self.diff.setReadOnly(True)
        self.diff.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.diff.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        below = QWidget()
        stack = QVBoxLayout(below)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.addWidget(self.legend)
        stack.addWidget(self.diff, 1)
        splitter.addWidget(below)
        splitter.setSizes([180, 360])
        splitter.setChildrenCollapsible(False)
        self.status = PlainLabel()
        self.status.setObjectName("historyStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #c62828;")
        self.status.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = self.buttons.addButton(
            self.tr("Restore this version"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.restore_button.setObjectName("restoreVersion")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(lambda: self.restore())
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        drafts, draft_id = session.drafts, current.id
        workers.run(
            "read the draft's history",
            lambda ctx: drafts.history(draft_id),
            on_done=while_alive(self, self._loaded),
            on_failed=while_alive(self, self._failed),
        )

    # --- versions -----------------------------------------------------------------

    def _loaded(self, versions: list[DraftVersion]) -> None:
        self.model.set_versions(versions)
        if len(versions) > 1:
            self.select(versions[1].number)  # the version before the current one
        else:
            self.legend.setText(self.tr("This draft has no earlier version yet."))
        self.table.setFocus()

    def select(self, number: int) -> None:
        """Choose the version ``number`` (as a click on its row would)."""
        for row, version in enumerate(self.model.versions()):
            if version.number == number:
                self.table.selectRow(row)
                return
        raise KeyError(number)

    def chosen(self) -> DraftVersion | None:
        rows = self.table.selectionModel().selectedRows()
        version = rows[0].data(VERSION_ROLE) if rows else None
        return version if isinstance(version, DraftVersion) else None

    def _chosen(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        version = self.chosen()
        self.restore_button.setEnabled(
            version is not None and not version.current and not self._restoring
        )
        if version is None:
            return
        self._comparisons += 1
        number, drafts, current = self._comparisons, self._session.drafts, self._current
        self.legend.setText(self.tr("Comparing…"))

        def work(ctx: JobContext) -> list[DiffLine]:
            return drafts.compare(current.id, version.number, current)

        self._workers.run(
            "compare with a version",
            work,
            on_done=while_alive(self, lambda lines: self._compared(number, version, lines)),
            on_failed=while_alive(self, self._failed),
        )

    def _compared(self, number: int, version: DraftVersion, lines: list[DiffLine]) -> None:
        if number != self._comparisons:
            return
        added = sum(1 for line in lines if line.change is Change.ADDED)
        removed = sum(1 for line in lines if line.change is Change.REMOVED)
        if not added and not removed:
            self.legend.setText(
                self.tr("Version {0} reads exactly as the text in the editor.").format(
                    version.number
                )
            )
        else:
            self.legend.setText(
                self.tr(
                    "From version {0} to the text in the editor: lines marked - are only in "
                    "version {0} ({1}), lines marked + were added since ({2})."
                ).format(version.number, removed, added)
            )
        self.show_diff(lines)

    def show_diff(self, lines: Sequence[DiffLine]) -> None:
        """The lines as plain text, the changed ones marked and coloured."""
        self.diff.clear()
        cursor = QTextCursor(self.diff.document())
        for i, line in enumerate(lines):
            block = QTextBlockFormat()
            colours = _COLOURS.get(line.change)
            if colours is not None:
                block.setBackground(QBrush(QColor(colours[0])))
                block.setForeground(QBrush(QColor(colours[1])))
            if i == 0:
                cursor.setBlockFormat(block)
            else:
                cursor.insertBlock(block)
            cursor.insertText(str(line))
        self.diff.moveCursor(QTextCursor.MoveOperation.Start)

    def diff_text(self) -> str:
        return self.diff.toPlainText()

    # --- restoring ----------------------------------------------------------------------

    def restore(self, justification: str = "") -> None:
        """Make the chosen version the draft's text again (on the write thread)."""
        version = self.chosen()
        if version is None or version.current or self._restoring:
            return
        self._restoring = True
        self.restore_button.setEnabled(False)
        drafts, draft_id = self._session.drafts, self._current.id

        def work(ctx: JobContext) -> SavedDraft:
            return drafts.restore(draft_id, version.number, justification=justification)

        self._workers.run(
            "restore a version",
            work,
            write=True,
            on_done=while_alive(self, self._restored),
            on_failed=while_alive(self, self._restore_failed),
        )

    def _restored(self, saved: SavedDraft) -> None:
        self._restoring = False
        self.restored.emit(saved)
        self.accept()

    def _restore_failed(self, exc: BaseException) -> None:
        self._restoring = False
        self.restore_button.setEnabled(True)
        if isinstance(exc, PolicyRefusal):
            reason, ok = QInputDialog.getMultiLineText(
                self,
                self.tr("Lowering the classification"),
                exc.message + "\n\n" + self.tr("Why? (recorded in the audit log)"),
            )
            if ok and reason.strip():
                self.restore(justification=reason)
            return
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        problem = describe(exc)
        self.status.setText(" ".join(filter(None, (problem.message, problem.hint))))
        self.status.setVisible(True)

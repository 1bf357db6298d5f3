"""Help → Keyboard Shortcuts: every menu command with its key, and the editor's own keys.

The menu part is read from the window's actions, so it never disagrees with the
menus; the editor's keys (the portion-mark menu, moving between fields) are
listed after them.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cabledesk.ui.editor.body_editor import MARK_SHORTCUT

__all__ = ["ShortcutsDialog"]


class ShortcutsDialog(QDialog):
    """A table of (what, key) rows; ``rows()`` returns them (for tests)."""

    def __init__(self, actions: Iterable[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        native = QKeySequence.SequenceFormat.NativeText
        rows = [
            (action.text().replace("&", "").rstrip("…"), action.shortcut().toString(native))
            for action in actions
            if not action.shortcut().isEmpty()
        ]
        mark = QKeySequence(MARK_SHORTCUT).toString(native)
        rows += [
            (self.tr("Portion mark of the paragraph (in the text)"), mark),
            (
                self.tr("Portion mark of the paragraph (in the text)"),
                self.tr("Menu key, Shift+F10"),
            ),
            (self.tr("Choose a mark in the mark menu"), self.tr("Up, Down, then Enter")),
            (self.tr("Next field, previous field"), self.tr("Tab, Shift+Tab")),
            (self.tr("Mark a paragraph as you type it"), self.tr("(C) at its start")),
        ]
        self.table = QTableWidget(len(rows), 2)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        for row, (what, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 560)

    def rows(self) -> list[tuple[str, str]]:
        def text(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item is not None else ""

        return [(text(r, 0), text(r, 1)) for r in range(self.table.rowCount())]

"""Lists of cables — drafts, sent, received, search results — as a model and its view.

Each row shows the banner (in its level's colour), the date, the subject and,
for search results, the snippet with the matched words in bold. The model
holds small :class:`Row` values only; the cable itself is read when a row is
opened.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.services.archive import HIGHLIGHT_END, HIGHLIGHT_START

__all__ = ["CableListModel", "CableListView", "Row"]

ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 1


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a list: what it points at (a draft id or an archive id) and what shows."""

    kind: str  # "draft" or "archive"
    key: str
    subject: str
    banner: str
    when: datetime | None
    who: str = ""
    snippet: str = ""


class CableListModel(QAbstractListModel):
    def __init__(self, schemes: SchemeRegistry) -> None:
        super().__init__()
        self._rows: list[Row] = []
        self._colours = _banner_colours(schemes)

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return row.subject or self.tr("(no subject)")
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{row.banner} — {row.subject} — {_date(row.when)} {row.who}".strip()
        return None

    def colours(self, banner: str) -> tuple[str, str]:
        level = banner.split("//")[0]
        return self._colours.get(level, ("#5f6368", "#ffffff"))


def _banner_colours(schemes: SchemeRegistry) -> dict[str, tuple[str, str]]:
    colours: dict[str, tuple[str, str]] = {}
    for scheme_id in schemes:
        for level in schemes[scheme_id].levels:
            colours.setdefault(level.name, (level.colour, level.text_colour))
    return colours


def _date(when: datetime | None) -> str:
    return when.strftime("%Y-%m-%d %H:%MZ") if when else ""


def snippet_html(snippet: str) -> str:
    """The snippet as HTML, the matched words in bold (and everything else escaped)."""
    text = html.escape(" ".join(snippet.split()))
    return text.replace(HIGHLIGHT_START, "<b>").replace(HIGHLIGHT_END, "</b>")


class _RowDelegate(QStyledItemDelegate):
    PADDING = 6

    def __init__(self, model: CableListModel, parent: QWidget) -> None:
        super().__init__(parent)
        self._model = model

    def sizeHint(  # noqa: N802 (Qt's name)
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        row = index.data(ROW_ROLE)
        lines = 3 if isinstance(row, Row) and row.snippet else 2
        return QSize(200, option.fontMetrics.height() * lines + self.PADDING * (lines + 1))

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        row = index.data(ROW_ROLE)
        if not isinstance(row, Row):
            return
        painter.save()
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        if selected:
            painter.fillRect(rect, palette.highlight())
        text_colour = palette.highlightedText() if selected else palette.text()
        metrics = option.fontMetrics
        line = metrics.height()
        x, y = rect.left() + self.PADDING, rect.top() + self.PADDING
        background, foreground = self._model.colours(row.banner)
        chip = metrics.horizontalAdvance(row.banner) + 16
        chip_width = min(chip, rect.width() // 2)
        painter.fillRect(x, y, chip_width, line, QColor(background))
        painter.setPen(QColor(foreground))
        painter.drawText(
            x + 6, y, chip_width - 8, line, int(Qt.AlignmentFlag.AlignVCenter),
            metrics.elidedText(row.banner, Qt.TextElideMode.ElideRight, chip_width - 8),
        )  # fmt: skip
        painter.setPen(text_colour.color())
        meta = f"{_date(row.when)}  {row.who}".strip()
        painter.drawText(
            x + chip_width + 8, y, rect.width() - chip_width - 20, line,
            int(Qt.AlignmentFlag.AlignVCenter),
            metrics.elidedText(meta, Qt.TextElideMode.ElideRight, rect.width() - chip_width - 20),
        )  # fmt: skip
        y += line + self.PADDING
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        subject = row.subject or self.tr("(no subject)")
        painter.drawText(
            x, y, rect.width() - 2 * self.PADDING, line, int(Qt.AlignmentFlag.AlignVCenter),
            metrics.elidedText(subject, Qt.TextElideMode.ElideRight, rect.width() - 16),
        )  # fmt: skip
        font.setBold(False)
        painter.setFont(font)
        if row.snippet:
            y += line + self.PADDING
            doc = QTextDocument()
            doc.setDefaultFont(font)
            doc.setDocumentMargin(0)
            colour = text_colour.color().name()
            doc.setHtml(f'<span style="color:{colour}">{snippet_html(row.snippet)}</span>')
            doc.setTextWidth(rect.width() - 2 * self.PADDING)
            painter.translate(x, y)
            doc.drawContents(painter, QRect(0, 0, rect.width() - 2 * self.PADDING, line))
        painter.restore()


class CableListView(QListView):
    def __init__(self, model: CableListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cableList")
        self.setModel(model)
        self.setItemDelegate(_RowDelegate(model, self))
        self.setUniformItemSizes(False)
        self.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.setAccessibleName(self.tr("Cables"))

    def current_row(self) -> Row | None:
        row = self.currentIndex().data(ROW_ROLE)
        return row if isinstance(row, Row) else None

"""The sidebar: the sections (Drafts, Sent, Received, Contacts, Audit log) and the
archive search box with its filters.

Typing in the search box searches as you type (a short pause first);
``search_requested(query, filters)`` carries what to search. The filters —
level, dates, precedence, post, TAGS, direction — open under the box.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cabledesk.domain.cable import PRECEDENCES
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.services.archive import Direction, SearchFilters
from cabledesk.ui.icons import section_icon

__all__ = ["SECTIONS", "Sidebar"]

SECTIONS = ("drafts", "sent", "received", "contacts", "audit")
SEARCH_DELAY_MS = 250


class _Filters(QWidget):
    changed = Signal()

    def __init__(self, schemes: SchemeRegistry) -> None:
        super().__init__()
        self.setObjectName("searchFilters")
        self.level = QComboBox()
        self.level.addItem(self.tr("Any level"), "")
        names: list[str] = []
        for scheme_id in sorted(schemes):
            names += [lv.name for lv in schemes[scheme_id].levels if lv.name not in names]
        for name in names:
            self.level.addItem(name, name)
        self.precedence = QComboBox()
        self.precedence.addItem(self.tr("Any precedence"), "")
        for p in PRECEDENCES:
            self.precedence.addItem(p, p)
        self.direction = QComboBox()
        self.direction.addItem(self.tr("Sent, received and imported"), "")
        for d, label in (
            (Direction.SENT, self.tr("Sent")),
            (Direction.RECEIVED, self.tr("Received")),
            (Direction.IMPORTED, self.tr("Imported")),
        ):
            self.direction.addItem(label, d.value)
        self.use_from = QCheckBox(self.tr("From"))
        self.date_from = QDateEdit(QDate.currentDate().addYears(-1))
        self.use_to = QCheckBox(self.tr("Until"))
        self.date_to = QDateEdit(QDate.currentDate())
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.post = QLineEdit()
        self.post.setPlaceholderText(self.tr("originating post"))
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("TAGS, e.g. PREL, FR"))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.level)
        form.addRow(self.precedence)
        form.addRow(self.direction)
        form.addRow(self.use_from, self.date_from)
        form.addRow(self.use_to, self.date_to)
        form.addRow(self.post)
        form.addRow(self.tags)
        for widget, name in (
            (self.level, self.tr("Filter by level")),
            (self.precedence, self.tr("Filter by precedence")),
            (self.direction, self.tr("Filter by direction")),
            (self.date_from, self.tr("From date")),
            (self.date_to, self.tr("Until date")),
            (self.post, self.tr("Filter by originating post")),
            (self.tags, self.tr("Filter by TAGS")),
        ):
            widget.setAccessibleName(name)
        for combo in (self.level, self.precedence, self.direction):
            combo.currentIndexChanged.connect(lambda _: self.changed.emit())
        for box in (self.use_from, self.use_to):
            box.toggled.connect(lambda _: self.changed.emit())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _: self.changed.emit())
        for line in (self.post, self.tags):
            line.textChanged.connect(lambda _: self.changed.emit())

    def filters(self) -> SearchFilters:
        tags = tuple(t.strip().upper() for t in self.tags.text().split(",") if t.strip())
        level = str(self.level.currentData() or "")
        precedence = str(self.precedence.currentData() or "")
        direction = str(self.direction.currentData() or "")
        return SearchFilters(
            levels=(level,) if level else (),
            date_from=self.date_from.date().toPython() if self.use_from.isChecked() else None,  # type: ignore[arg-type]
            date_to=self.date_to.date().toPython() if self.use_to.isChecked() else None,  # type: ignore[arg-type]
            precedences=(precedence,) if precedence else (),
            post=self.post.text().strip(),
            tags=tags,
            direction=Direction(direction) if direction else None,
        )

    def active(self) -> bool:
        return self.filters() != SearchFilters()


class Sidebar(QWidget):
    section_changed = Signal(str)
    search_requested = Signal(str, object)
    search_cleared = Signal()

    def __init__(self, schemes: SchemeRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setPlaceholderText(self.tr("Search the archive"))
        self.search.setAccessibleName(self.tr("Search the archive"))
        self.search.setClearButtonEnabled(True)
        self.filter_button = QToolButton()
        self.filter_button.setObjectName("filterButton")
        self.filter_button.setText(self.tr("Filters"))
        self.filter_button.setCheckable(True)
        self.filter_button.setAccessibleName(self.tr("Show the search filters"))
        self.filter_panel = _Filters(schemes)
        self.filter_panel.setVisible(False)
        self.filter_button.toggled.connect(self.filter_panel.setVisible)
        self.sections = QListWidget()
        self.sections.setObjectName("sections")
        self.sections.setAccessibleName(self.tr("Sections"))
        for key, label in (
            ("drafts", self.tr("Drafts")),
            ("sent", self.tr("Sent")),
            ("received", self.tr("Received")),
            ("contacts", self.tr("Contacts")),
            ("audit", self.tr("Audit log")),
        ):
            item = QListWidgetItem(section_icon(key), label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.sections.addItem(item)
        self.sections.currentItemChanged.connect(self._section)
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.filter_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(row)
        layout.addWidget(self.filter_panel)
        layout.addWidget(self.sections, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._search)
        self.search.textChanged.connect(lambda _: self._timer.start())
        self.filter_panel.changed.connect(self._timer.start)

    def select(self, section: str) -> None:
        for i in range(self.sections.count()):
            if self.sections.item(i).data(Qt.ItemDataRole.UserRole) == section:
                self.sections.setCurrentRow(i)
                return

    def current_section(self) -> str:
        item = self.sections.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else "drafts"

    def _section(self, current: QListWidgetItem | None, _: QListWidgetItem | None) -> None:
        if current is not None:
            self.section_changed.emit(str(current.data(Qt.ItemDataRole.UserRole)))

    def _search(self) -> None:
        query = self.search.text().strip()
        if not query and not self.filter_panel.active():
            self.search_cleared.emit()
            return
        self.search_requested.emit(query, self.filter_panel.filters())

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

"""The audit log viewer: the check of its hash chain first, then the entries, newest first.

At the top, whether the hash chain holds, in colour and words ("The audit
log is intact (N entries)" or "Broken at entry N: …"), and a button to check
again. Below, the entries page by page: more are loaded when the list is
scrolled to its end or with "Load more". Reading and checking run off the
GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cabledesk.services.audit import AuditEntry, AuditReport
from cabledesk.services.session import Session
from cabledesk.ui._audit_model import AuditModel
from cabledesk.ui.errors import describe
from cabledesk.ui.plain import PlainLabel
from cabledesk.ui.workers import Workers

__all__ = ["PAGE_SIZE", "AuditView"]

PAGE_SIZE = 200
_GOOD = "color: #ffffff; background: #1e7d32; padding: 8px; border-radius: 4px;"
_BAD = "color: #ffffff; background: #c62828; padding: 8px; border-radius: 4px;"
_BUSY = "padding: 8px;"


class AuditView(QWidget):
    def __init__(self, session: Session, workers: Workers) -> None:
        super().__init__()
        self.session = session
        self.workers = workers
        self.setObjectName("auditView")
        self.setAccessibleName(self.tr("Audit log"))
        self._loading = False
        self._more = False
        self._generation = 0  # a reload makes pages still in flight stale
        self.verdict = PlainLabel()
        self.verdict.setObjectName("auditVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setAccessibleName(self.tr("Result of the audit log check"))
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.verdict.font()
        font.setBold(True)
        self.verdict.setFont(font)
        self.check_button = QPushButton(self.tr("Check again"))
        self.check_button.setObjectName("checkAudit")
        self.check_button.setAccessibleName(self.tr("Check the audit log again"))
        self.check_button.clicked.connect(self.check_chain)
        explanation = PlainLabel(
            self.tr(
                "Every change to your vault is recorded here. Each entry is chained to the one "
                "before by a hash, so an entry changed or removed afterwards shows as a break."
            )
        )
        explanation.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.verdict, 1)
        top.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignTop)
        self.model = AuditModel()
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setAccessibleName(self.tr("Audit log entries, newest first"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(AuditModel.SEQ, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AuditModel.TIME, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setColumnWidth(AuditModel.EVENT, 190)
        self.table.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.count = PlainLabel()
        self.count.setObjectName("auditCount")
        self.count.setAccessibleName(self.tr("Entries shown"))
        self.more_button = QPushButton(self.tr("Load more"))
        self.more_button.setObjectName("loadMore")
        self.more_button.setAccessibleName(self.tr("Load older entries"))
        self.more_button.clicked.connect(self.load_more)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.more_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.setTabOrder(self.check_button, self.table)
        self.setTabOrder(self.table, self.more_button)
        self._show_count()

    # --- loading ------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the newest entries and check the chain again."""
        if self.session.locked:
            return
        self._generation += 1
        self._loading = False
        self.model.set_entries([])
        self._load(None)
        self.check_chain()

    def clear_content(self) -> None:
        """The vault locks: drop every entry shown."""
        self._generation += 1
        self._loading = False
        self._more = False
        self.model.set_entries([])
        self.verdict.clear()
        self.verdict.setStyleSheet(_BUSY)
        self._show_count()

    def load_more(self) -> None:
        if self._more and not self._loading:
            self._load(self.model.oldest_seq())

    def _scrolled(self, value: int) -> None:
        if value >= self.table.verticalScrollBar().maximum() > 0:
            self.load_more()

    def _load(self, before: int | None) -> None:
        if self.session.locked:
            return
        self._loading = True
        self.more_button.setEnabled(False)
        audit, generation = self.session.audit, self._generation
        self.workers.run(
            "read the audit log",
            lambda ctx: audit.entries(limit=PAGE_SIZE + 1, before=before),
            on_done=lambda entries: self._loaded(generation, entries),
            on_failed=lambda exc: self._load_failed(generation, exc),
        )

    def _loaded(self, generation: int, entries: list[AuditEntry]) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._more = len(entries) > PAGE_SIZE
        self.model.append(entries[:PAGE_SIZE])
        self._show_count()

    def _load_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._loading = False
        problem = describe(exc)
        self.count.setText(" ".join(filter(None, (problem.message, problem.hint))))
        self.more_button.setEnabled(self._more)

    def _show_count(self) -> None:
        shown = self.model.rowCount()
        if self._more:
            self.count.setText(self.tr("{0} most recent entries shown").format(shown))
        else:
            self.count.setText(self.tr("All {0} entries shown").format(shown))
        self.more_button.setEnabled(self._more and not self._loading)

    # --- the chain's check ---------------------------------------------------------------

    def check_chain(self) -> None:
        """Recompute the hash chain off the GUI thread and say what was found."""
        if self.session.locked:
            return
        self.check_button.setEnabled(False)
        self.verdict.setStyleSheet(_BUSY)
        self.verdict.setText(self.tr("Checking the audit log…"))
        audit = self.session.audit
        self.workers.run(
            "check the audit log",
            lambda ctx: audit.check_chain(),
            on_done=self._checked,
            on_failed=self._check_failed,
        )

    def _checked(self, report: AuditReport) -> None:
        self.check_button.setEnabled(True)
        if report.ok:
            self.verdict.setStyleSheet(_GOOD)
            self.verdict.setText(
                self.tr("The audit log is intact ({0} entries).").format(report.entries)
            )
            return
        self.verdict.setStyleSheet(_BAD)
        self.verdict.setText(
            self.tr(
                "Broken at entry {0}: {1}. Entries from there on cannot be relied on; the "
                "log was altered outside CableDesk."
            ).format(report.first_broken, self.tr(report.problem))
        )

    def _check_failed(self, exc: BaseException) -> None:
        self.check_button.setEnabled(True)
        problem = describe(exc)
        self.verdict.setStyleSheet(_BAD)
        self.verdict.setText(
            self.tr("The audit log could not be checked: {0}").format(
                " ".join(filter(None, (problem.message, problem.hint)))
            )
        )

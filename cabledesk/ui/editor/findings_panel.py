"""The findings of the cable being edited: errors first, each naming its field by its
label (:mod:`cabledesk.ui.field_labels`); long findings wrap (no sideways scrolling);
activating one (Enter, double click) asks the editor to focus its field."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from cabledesk.domain.validation import Finding, Severity
from cabledesk.ui.field_labels import field_label
from cabledesk.ui.phrases import finding_text
from cabledesk.ui.plain import plain_tooltip

__all__ = ["FindingsPanel"]

ERROR_COLOUR = "#b00020"
WARNING_COLOUR = "#8a6d00"


class FindingsPanel(QListWidget):
    """Double-clicking a finding emits ``field_chosen(field)`` to focus that field."""

    field_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsPanel")
        self.setAccessibleName(self.tr("Findings"))
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)  # re-wrap when the width changes
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.itemActivated.connect(
            lambda item: self.field_chosen.emit(str(item.data(Qt.ItemDataRole.UserRole)))
        )

    def show_findings(self, findings: Sequence[Finding]) -> None:
        self.clear()
        if not findings:
            item = QListWidgetItem(self.tr("No findings: the cable follows the rules."))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.addItem(item)
            return
        for finding in findings:
            error = finding.severity == Severity.ERROR
            label = self.tr("Error") if error else self.tr("Warning")
            message = finding_text(finding)
            line = self.tr("{0} — {1}: {2}").format(label, field_label(finding.field), message)
            item = QListWidgetItem(line)
            item.setData(Qt.ItemDataRole.UserRole, finding.field)
            item.setForeground(QColor(ERROR_COLOUR if error else WARNING_COLOUR))
            item.setToolTip(plain_tooltip(message))
            self.addItem(item)

    def counts(self) -> tuple[int, int]:
        errors = warnings = 0
        for i in range(self.count()):
            text = self.item(i).text()
            errors += text.startswith(self.tr("Error"))
            warnings += text.startswith(self.tr("Warning"))
        return errors, warnings

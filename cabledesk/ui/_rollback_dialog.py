"""The confirmation before opening a vault whose database was put back from an older copy.

It says what opening it means (everything done since that copy, revocations
among them, is lost from this vault), asks why, and keeps its action button
disabled until a reason is typed and the consequence is ticked as understood.
Open it with ``open()`` and read :meth:`text` when ``accepted`` is emitted.
"""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from cabledesk.ui._reason_dialog import ReasonDialog

__all__ = ["AcceptRollbackDialog"]


class AcceptRollbackDialog(ReasonDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(
            parent,
            title=self.tr("Open the older vault"),
            message=self.tr(
                "The vault's database is older than the state the vault last recorded: an "
                "earlier copy of it was put back. If you open it, everything done since that "
                "copy was made is lost from this vault: keys you revoked are trusted again, "
                "and contacts, cables, drafts and settings are as they were then. Only do "
                "this if you put the older copy back on purpose; otherwise restore your latest "
                "backup instead. The acceptance and your reason are written in the audit log."
            ),
            question=self.tr("Why do you open the older copy?"),
            suggestions=[],
            action=self.tr("Open the older vault"),
            name="rollbackDialog",
        )
        self.understood = QCheckBox(
            self.tr("I understand that what changed since that copy is lost")
        )
        self.understood.setObjectName("rollbackUnderstood")
        self.understood.toggled.connect(lambda _: self._update())
        self.reason.editTextChanged.connect(lambda _: self._update())
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(layout.count() - 1, self.understood)  # above the buttons
        self.setMinimumWidth(560)
        self.adjustSize()

    def _update(self) -> None:
        self.ok.setEnabled(bool(self.text()) and self.understood.isChecked())

    def accept(self) -> None:
        if self.understood.isChecked():
            super().accept()

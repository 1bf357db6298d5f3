"""The export dialog's "Sanitized version" box: what a sanitized release gives away
besides its portions, and who stamps it.

Everything is withheld by default (see ``cabledesk.domain.sanitize``); each box
releases one thing. The box is enabled only when the export is a sanitized
version (a level chosen, or countries named).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLineEdit, QWidget

from cabledesk.domain.sanitize import SanitizeOptions

__all__ = ["ReleaseOptionsBox"]


class ReleaseOptionsBox(QGroupBox):
    """Emits ``changed`` whenever a choice changes; :meth:`options` reads them."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Sanitized version"), parent)
        self.setObjectName("releaseOptions")
        self.release_refs = self._box("releaseRefs", self.tr("Release the REF lines"))
        self.release_attachments = self._box(
            "releaseAttachments", self.tr("Release the attachments list")
        )
        self.release_subject = self._box(
            "releaseSubject", self.tr("Release the subject and its TAGS")
        )
        self.show_source_id = self._box(
            "showSourceId", self.tr("Name the source cable (id, serial, date-time group)")
        )
        self.keep_numbers = self._box(
            "keepNumbers",
            self.tr("Keep the original paragraph numbers, with a line for each one withheld"),
        )
        self.subject = self._line(
            "releaseSubjectText",
            self.tr("optional: a releasable subject in place of the withheld one"),
            self.tr("Replacement subject"),
        )
        self.sanitizer = self._line(
            "sanitizer", self.tr("who sanitized it (default: you)"), self.tr("Sanitized by")
        )
        self.authority = self._line(
            "sanitizeAuthority",
            self.tr("optional: under what authority"),
            self.tr("Sanitization authority"),
        )
        self.subject.textChanged.connect(self._exclusive)
        self.release_subject.toggled.connect(self._exclusive)
        form = QFormLayout(self)
        form.addRow(self.tr("Subject:"), self.subject)
        for box in (
            self.release_subject,
            self.release_refs,
            self.release_attachments,
            self.show_source_id,
            self.keep_numbers,
        ):
            form.addRow("", box)
        form.addRow(self.tr("Sanitized by:"), self.sanitizer)
        form.addRow(self.tr("Authority:"), self.authority)

    def _box(self, name: str, text: str) -> QCheckBox:
        box = QCheckBox(text)
        box.setObjectName(name)
        box.setAccessibleName(text)
        box.toggled.connect(lambda _: self.changed.emit())
        return box

    def _line(self, name: str, placeholder: str, accessible: str) -> QLineEdit:
        line = QLineEdit()
        line.setObjectName(name)
        line.setPlaceholderText(placeholder)
        line.setAccessibleName(accessible)
        line.textChanged.connect(lambda _: self.changed.emit())
        return line

    def _exclusive(self) -> None:
        # The subject is released as written, or replaced: never both.
        self.release_subject.setEnabled(not self.subject.text().strip())
        self.subject.setEnabled(not self.release_subject.isChecked())

    def options(self) -> SanitizeOptions:
        """The choices on screen (the stamp's date is the export's)."""
        subject = self.subject.text().strip()
        return SanitizeOptions(
            release_refs=self.release_refs.isChecked(),
            release_attachments=self.release_attachments.isChecked(),
            release_subject=self.release_subject.isChecked() and not subject,
            subject=subject or None,
            show_source_id=self.show_source_id.isChecked(),
            keep_numbers=self.keep_numbers.isChecked(),
            sanitizer=self.sanitizer.text().strip(),
            authority=self.authority.text().strip(),
        )

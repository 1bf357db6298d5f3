"""The cable editor: banner bar, header form, portion-marked body, findings; autosave.

Every edit recomputes the banner and the findings at once (both are pure
domain functions) and schedules a save a moment later; the save runs on the
worker module's write thread, one transaction each, and the "saved" state
shows when it is done. A change that lowers the classification of the draft
asks for a justification first (it goes to the audit log); without one the
change stays unsaved and the editor says so.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cabledesk.domain.cable import Cable
from cabledesk.domain.validation import Finding, Severity, validate
from cabledesk.errors import PolicyRefusal
from cabledesk.services.drafts import SaveResult
from cabledesk.services.session import Session
from cabledesk.ui.banner_bar import BannerBar
from cabledesk.ui.editor.body_editor import BodyEditor
from cabledesk.ui.editor.findings_panel import FindingsPanel
from cabledesk.ui.editor.header_form import HeaderForm
from cabledesk.ui.errors import show_error
from cabledesk.ui.workers import Workers

__all__ = ["AUTOSAVE_MS", "CableEditor"]

AUTOSAVE_MS = 800


class CableEditor(QWidget):
    """See the module docstring. ``state_changed(text)`` carries the saved state for
    the status bar; ``saved(draft_id)`` fires after each save."""

    state_changed = Signal(str)
    saved = Signal(str)

    def __init__(self, session: Session, workers: Workers, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("cableEditor")
        self._session = session
        self._workers = workers
        self._cable: Cable | None = None
        self._dirty = False
        self._saving = False
        self.banner = BannerBar()
        self.header = HeaderForm(session.schemes)
        self.body = BodyEditor()
        self.findings = FindingsPanel()
        self.state = QLabel()
        self.state.setObjectName("saveState")
        header_area = QScrollArea()
        header_area.setWidget(self.header)
        header_area.setWidgetResizable(True)
        header_area.setFrameShape(QScrollArea.Shape.NoFrame)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(header_area)
        splitter.addWidget(self.body)
        splitter.addWidget(self.findings)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 5)
        splitter.setStretchFactor(2, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([self.header.sizeHint().height() + 8, 400, 110])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_MS)
        self._timer.timeout.connect(self.save)
        self.header.changed.connect(self._edited)
        self.header.scheme_changed.connect(self._scheme_changed)
        self.body.changed.connect(self._edited)
        self.findings.field_chosen.connect(self._focus_field)
        self.setEnabled(False)

    # --- the draft ------------------------------------------------------------

    @property
    def draft_id(self) -> str | None:
        return None if self._cable is None else self._cable.id

    def open_draft(self, cable: Cable) -> None:
        """Show ``cable`` for editing (the previous draft is saved first)."""
        self.flush()
        self._cable = cable
        self.header.load(cable)
        self.body.set_scheme(self._session.schemes[cable.scheme])
        self.body.set_paragraphs(cable.paragraphs)
        self._dirty = False
        self.setEnabled(True)
        self._refresh()
        self._set_state(self.tr("Saved"))

    def clear(self) -> None:
        """Show nothing (after a lock or when the draft was deleted)."""
        self._timer.stop()
        self._cable = None
        self._dirty = False
        self.body.set_paragraphs(())
        self.header.blockSignals(True)
        for field in self.header.findChildren(type(self.header.subject)):
            field.clear()
        self.header.blockSignals(False)
        self.findings.clear()
        self.banner.show_unknown()
        self.setEnabled(False)
        self._set_state("")

    def current(self) -> tuple[Cable, list[Finding]]:
        """The cable as edited, and the findings of the fields not readable yet."""
        assert self._cable is not None
        cable, findings = self.header.apply(self._cable)
        return replace(cable, paragraphs=self.body.paragraphs()), findings

    # --- reacting to edits -------------------------------------------------------

    def _edited(self) -> None:
        if self._cable is None:
            return
        self._dirty = True
        self._refresh()
        self._set_state(self.tr("Editing…"))
        self._timer.start()

    def _scheme_changed(self, scheme_id: str) -> None:
        self.body.set_scheme(self._session.schemes[scheme_id])

    def _refresh(self) -> None:
        if self._cable is None:
            return
        cable, field_findings = self.current()
        scheme = self._session.schemes[cable.scheme]
        banner = self._session.drafts.banner(cable)
        if banner is None:
            self.banner.show_unknown(self.tr("a portion mark cannot be read"))
        else:
            self.banner.show_marking(banner)
        findings = field_findings + validate(cable, scheme)
        findings.sort(key=lambda f: f.severity != Severity.ERROR)
        self.findings.show_findings(findings)

    def _focus_field(self, field: str) -> None:
        widget = {
            "subject": self.header.subject,
            "to": self.header.to,
            "action": self.header.to,
            "info": self.header.info,
            "dtg": self.header.dtg,
            "tags": self.header.tags,
            "originator": self.header.originator,
            "precedence": self.header.precedence,
        }.get(field.split(".")[0].split("[")[0])
        if field.startswith("authority"):
            widget = self.header.classified_by
        (widget or self.body).setFocus()

    # --- saving -----------------------------------------------------------------

    def save(self, justification: str = "") -> None:
        """Save now, off the GUI thread (the autosave timer calls this)."""
        if self._cable is None or not self._dirty or self._saving:
            return
        self._timer.stop()
        cable, _ = self.current()
        self._saving = True
        self._set_state(self.tr("Saving…"))
        self._workers.run(
            "save the draft",
            lambda ctx: self._session.drafts.save(cable, justification=justification),
            write=True,
            on_done=lambda result: self._saved(cable, result),
            on_failed=lambda exc: self._save_failed(cable, exc),
        )

    def _saved(self, cable: Cable, result: SaveResult) -> None:
        self._saving = False
        if self._cable is None or self._cable.id != cable.id:
            self.saved.emit(cable.id)  # another draft is open now; that one was saved
            return
        self._cable = cable
        self._dirty = self.current()[0] != cable
        self._set_state(self.tr("Saved (version {0})").format(result.version))
        self.saved.emit(cable.id)
        if self._dirty:
            self._timer.start()

    def _save_failed(self, cable: Cable, exc: BaseException) -> None:
        self._saving = False
        if isinstance(exc, PolicyRefusal):
            reason, ok = QInputDialog.getMultiLineText(
                self,
                self.tr("Lowering the classification"),
                exc.message + "\n\n" + self.tr("Why? (recorded in the audit log)"),
            )
            if ok and reason.strip():
                self._dirty = True
                self.save(justification=reason)
                return
            self._set_state(self.tr("Not saved: lowering the classification needs a reason"))
            return
        self._set_state(self.tr("Not saved"))
        show_error(self, exc)

    def flush(self) -> None:
        """Save pending edits now and wait (before switching draft, locking, quitting)."""
        self._timer.stop()
        if self._cable is None or not self._dirty:
            return
        cable, _ = self.current()
        try:
            result = self._session.drafts.save(cable)
        except PolicyRefusal:
            return  # the lowering was not justified: the stored version stays
        self._dirty = False
        self._set_state(self.tr("Saved (version {0})").format(result.version))

    def _set_state(self, text: str) -> None:
        self.state.setText(text)
        self.state_changed.emit(text)

    @property
    def dirty(self) -> bool:
        return self._dirty

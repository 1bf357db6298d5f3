"""The cable editor: banner bar, header form, portion-marked body, findings; autosave.

Every edit recomputes the banner and the findings at once (both are pure
domain functions) and schedules a save a moment later; the save runs on the
worker module's write thread, one transaction each, and the "saved" state
shows when it is done. A change that lowers the classification of the draft
asks for a justification first (it goes to the audit log); without one the
change stays unsaved and the editor says so.

Saves are ordered. Each save asked for gets a number and joins the write
thread's queue, behind whatever was asked before it (a sealing, an export, an
import); when its turn comes, a save that a newer save of the same draft has
superseded does nothing, so the newest content is always the last committed,
never overwritten by an older one. :meth:`CableEditor.flush` queues the newest
content at once (before switching drafts, sealing, locking, quitting).

A save that is refused — the vault locked, the change needs a reason nobody
can give because CableDesk is closing, any error — never drops the changes
silently: ``save_refused(text)`` (or the ``notify`` given to :meth:`flush`)
says which changes were lost and which version is kept, in the words of
:mod:`._save_notice`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QInputDialog,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from cabledesk.domain.cable import Cable
from cabledesk.domain.validation import RULES_VERSION, Finding, Severity, validate
from cabledesk.errors import PolicyRefusal
from cabledesk.services.drafts import SaveResult
from cabledesk.services.session import Session
from cabledesk.ui.banner_bar import BannerBar
from cabledesk.ui.editor._save_notice import moment, refusal_notice
from cabledesk.ui.editor.body_editor import BodyEditor
from cabledesk.ui.editor.findings_panel import FindingsPanel
from cabledesk.ui.editor.header_form import HeaderForm
from cabledesk.ui.plain import PlainLabel
from cabledesk.ui.workers import JobContext, Workers

__all__ = ["AUTOSAVE_MS", "CableEditor"]

log = logging.getLogger(__name__)

AUTOSAVE_MS = 800


class CableEditor(QWidget):
    """See the module docstring. ``state_changed(text)`` carries the saved state for
    the status bar; ``saved(draft_id)`` fires after each save; ``save_refused(text)``
    says what a refused save lost and what is kept."""

    state_changed = Signal(str)
    saved = Signal(str)
    save_refused = Signal(str)

    def __init__(self, session: Session, workers: Workers, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("cableEditor")
        self._session = session
        self._workers = workers
        self._cable: Cable | None = None
        self._rules = RULES_VERSION
        self._dirty = False
        self._requests = 0  # saves asked for so far: each has its number
        self._latest: dict[str, int] = {}  # draft id -> number of its newest save
        self._running = 0  # saves queued or running
        self._stored_at: datetime | None = None  # when the stored version was saved
        self._unsaved_since: datetime | None = None  # the first change not saved yet
        self._held = False  # being sealed: read-only, and nothing is saved
        self.banner = BannerBar()
        self.header = HeaderForm(session.schemes)
        self.body = BodyEditor()
        self.findings = FindingsPanel()
        self.state = PlainLabel()
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
        self.header.show_no_scheme()  # until a draft is opened
        self.setEnabled(False)

    # --- the draft ------------------------------------------------------------

    @property
    def draft_id(self) -> str | None:
        return None if self._cable is None else self._cable.id

    def open_draft(
        self,
        cable: Cable,
        saved: datetime | None = None,
        *,
        flush: bool = True,
        rules: int = RULES_VERSION,
    ) -> None:
        """Show ``cable`` for editing, stored at ``saved``, checked by the drafting rules
        ``rules`` it was created under. The previous draft's edits are saved first,
        unless ``flush`` is False (``cable`` then replaces them: a restore)."""
        if flush:
            self.flush()
        self._timer.stop()
        if self._held:
            self.release()
        self._cable = cable
        self._rules = rules
        self.header.load(cable)
        self.body.set_scheme(self._session.schemes[cable.scheme])
        self.body.set_paragraphs(cable.paragraphs)
        self._dirty = False
        self._stored_at = saved
        self._unsaved_since = None
        self.setEnabled(True)
        self._refresh()
        if saved is not None:
            self._set_state(self.tr("Saved at {0}").format(moment(saved)))
        else:
            self._set_state(self.tr("Saved"))

    def hold(self) -> None:
        """Make the draft read-only and save nothing until :meth:`release` (or
        :meth:`clear`): it is being sealed, and a save after the sealing would
        store it again as a new draft."""
        self._held = True
        self._timer.stop()
        self.header.setEnabled(False)
        self.body.setReadOnly(True)

    def release(self) -> None:
        """The sealing did not happen: editable again (saving the edits held back)."""
        self._held = False
        self.header.setEnabled(True)
        self.body.setReadOnly(False)
        if self._dirty:
            self._timer.start()

    def clear(self) -> None:
        """Show nothing (after a lock, or when the draft was deleted or sealed)."""
        self._timer.stop()
        self._held = False
        self.header.setEnabled(True)
        self.body.setReadOnly(False)
        self._cable = None
        self._dirty = False
        self._stored_at = self._unsaved_since = None
        self.body.set_paragraphs(())
        self.header.blockSignals(True)
        for field in self.header.findChildren(type(self.header.subject)):
            field.clear()
        self.header.show_no_scheme()
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
        if self._unsaved_since is None:
            self._unsaved_since = datetime.now().astimezone()
        self._dirty = True
        self._refresh()
        self._set_state(self.tr("Editing…"))
        if not self._held:
            self._timer.start()

    def _scheme_changed(self, scheme_id: str) -> None:
        self.body.set_scheme(self._session.schemes[scheme_id])

    def _refresh(self) -> None:
        if self._cable is None:
            return
        cable, field_findings = self.current()
        banner = self._session.drafts.banner(cable)
        if banner is None:
            self.banner.show_unknown(self.tr("a portion mark cannot be read"))
        else:
            self.banner.show_marking(banner)
        scheme = self._session.schemes[cable.scheme]
        findings = field_findings + validate(cable, scheme, rules=self._rules)
        findings.sort(key=lambda f: f.severity != Severity.ERROR)
        self.findings.show_findings(findings)

    def _focus_field(self, field: str) -> None:
        """Put the cursor in the field a finding names (a paragraph: at its start)."""
        header = self.header
        widgets = {
            "subject": header.subject,
            "to": header.to,
            "action": header.to,
            "info": header.info,
            "dtg": header.dtg,
            "serial": header.serial,
            "tags": header.tags,
            "captions": header.captions,
            "references": header.references,
            "signature": header.signature,
            "originator": header.originator,
            "precedence": header.precedence,
            "scheme": header.scheme,
            "authority": header.classified_by,
            "authority.classified_by": header.classified_by,
            "authority.reasons": header.reasons,
            "authority.derived_from": header.derived_from,
            "authority.declassify_on": header.declassify_on,
        }
        name = field.split("[")[0]
        widget = widgets.get(name) or widgets.get(name.split(".")[0])
        if widget is not None:
            widget.setFocus()
            return
        number = field[len(name) + 1 :].split("]")[0]
        if name == "paragraphs" and number.isdigit():
            self.body.go_to_paragraph(int(number))
        self.body.setFocus()

    # --- saving -----------------------------------------------------------------

    def save(self, justification: str = "") -> None:
        """Save now, off the GUI thread (the autosave timer calls this)."""
        if self._cable is None or not self._dirty or self._held:
            return
        self._timer.stop()
        self._submit(self.current()[0], justification)

    def flush(self, leaving: str = "", notify: Callable[[str], None] | None = None) -> None:
        """Queue the newest edits for saving at once (before switching drafts, sealing,
        locking, quitting); whatever is queued after runs after it.

        ``leaving`` says why the editor is going away ("the vault was locking"): a
        refusal is then told, not asked about (no reason can be asked for a lowered
        classification). ``notify`` hears the refusal instead of ``save_refused``: a
        listener that outlives the editor (the editor may be gone when it comes)."""
        self._timer.stop()
        if self._cable is None or not self._dirty or self._held:
            return
        self._submit(self.current()[0], "", leaving=leaving, notify=notify)

    @property
    def saving(self) -> bool:
        """True while a save of this editor is queued or running."""
        return self._running > 0

    def _submit(
        self,
        cable: Cable,
        justification: str,
        *,
        leaving: str = "",
        notify: Callable[[str], None] | None = None,
    ) -> None:
        self._requests += 1
        number, draft_id = self._requests, cable.id
        self._latest[draft_id] = number
        latest, drafts = self._latest, self._session.drafts
        since, kept = self._unsaved_since, self._stored_at
        self._running += 1
        self._set_state(self.tr("Saving…"))

        def work(ctx: JobContext) -> SaveResult | None:
            if latest.get(draft_id) != number:
                return None  # a newer save of this draft is queued behind: it wins
            return drafts.save(cable, justification=justification)

        def done(result: SaveResult | None) -> None:
            if shiboken6.isValid(self):
                self._running -= 1
                if result is not None:
                    self._saved(number, cable, result)

        def failed(exc: BaseException) -> None:
            alive = shiboken6.isValid(self)
            if alive:
                self._running -= 1
            if latest.get(draft_id) != number:
                return  # a newer save of this draft follows, and will say how it went
            if alive and not leaving and self.draft_id == draft_id:
                if isinstance(exc, PolicyRefusal) and self._ask_reason(exc):
                    return
                self._set_state(self.tr("Not saved"))
            notice = refusal_notice(exc, since, kept, leaving=leaving)
            if notify is not None:
                notify(notice)
            elif alive:
                self.save_refused.emit(notice)
            else:
                log.warning("a save was refused after its editor closed: %s", type(exc).__name__)

        self._workers.run("save the draft", work, write=True, on_done=done, on_failed=failed)

    def _saved(self, number: int, cable: Cable, result: SaveResult) -> None:
        newest = self._latest.get(cable.id) == number
        if self._cable is None or self._cable.id != cable.id or not newest:
            self.saved.emit(cable.id)  # another draft is open now, or a newer save follows
            return
        self._cable = cable
        self._stored_at = result.saved or self._stored_at
        self._dirty = self.current()[0] != cable
        if not self._dirty:
            self._unsaved_since = None
        self._set_state(self.tr("Saved (version {0})").format(result.version))
        self.saved.emit(cable.id)
        if self._dirty and not self._held:
            self._timer.start()

    def _ask_reason(self, exc: PolicyRefusal) -> bool:
        """Ask why the classification is lowered; True when a save with the reason left."""
        reason, ok = QInputDialog.getMultiLineText(
            self,
            self.tr("Lowering the classification"),
            exc.message + "\n\n" + self.tr("Why? (recorded in the audit log)"),
        )
        if ok and reason.strip():
            self._dirty = True
            self.save(justification=reason)
            return True
        self._set_state(self.tr("Not saved: lowering the classification needs a reason"))
        return True

    def _set_state(self, text: str) -> None:
        self.state.setText(text)
        self.state_changed.emit(text)

    @property
    def dirty(self) -> bool:
        return self._dirty

"""Settings → Directory: the security offices' anchors the user trusts, and their directories.

Lists each trusted anchor with its scope, how it was verified, its last directory
(serial, issued, next update, counts) and, in red, the warning when that directory
is past its next-update time. "Trust an anchor…" reads an ``.anchor`` file and shows
its fingerprint and safety number (:class:`AnchorConfirmDialog`): the user compares
them with the security office, says how, and confirms. "Import a directory…" (or a
``.cdir`` file dropped on the dialog) imports a directory; "Remove" stops trusting the
selected anchor. The vault is read and written off the GUI thread (the workers).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cabledesk.errors import CableDeskError
from cabledesk.services.directory import (
    AnchorStatus,
    DirectoryImportOutcome,
    DirectoryImportStatus,
    DirectoryService,
    UntrustOutcome,
)
from cabledesk.services.session import Session
from cabledesk.ui.errors import describe, show_error
from cabledesk.ui.plain import PlainLabel
from cabledesk.ui.workers import JobContext, Workers

__all__ = ["AnchorConfirmDialog", "DirectoryDialog"]

_ERROR = "color: #c62828;"
_FINGERPRINT_ROLE = 256  # Qt.ItemDataRole.UserRole


class AnchorConfirmDialog(QDialog):
    """An anchor's name, scope, fingerprint and safety number, and "how verified"."""

    def __init__(
        self, name: str, scope: str, fingerprint: str, safety: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("anchorConfirmDialog")
        self.setWindowTitle(self.tr("Trust a security office's anchor"))
        self.how = QLineEdit()
        self.how.setObjectName("anchorHow")
        self.how.setAccessibleName(self.tr("How you verified it"))
        self.how.setPlaceholderText(self.tr("e.g. handed over by the security officer"))
        form = QFormLayout()
        for label, text, name_ in (
            (self.tr("Security office:"), name, "anchorName"),
            (self.tr("Scope:"), scope, "anchorScope"),
            (self.tr("Fingerprint:"), fingerprint, "anchorFingerprint"),
            (self.tr("Safety number:"), safety, "anchorSafetyNumber"),
        ):
            shown = PlainLabel(text)
            shown.setObjectName(name_)
            shown.setWordWrap(True)
            form.addRow(label, shown)
        form.addRow(self.tr("How verified:"), self.how)
        note = PlainLabel(
            self.tr(
                "Compare the fingerprint or safety number with the security office (in "
                "person, by phone) before you trust it."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Trust"))
        self.ok.setObjectName("trustAnchor")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)


class DirectoryDialog(QDialog):
    """See the module docstring."""

    def __init__(
        self, session: Session, parent: QWidget | None = None, *, workers: Workers | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        parent_workers = getattr(parent, "workers", None)
        if workers is None:
            workers = parent_workers if isinstance(parent_workers, Workers) else Workers(self)
        self.workers = workers
        self.setObjectName("directoryDialog")
        self.setWindowTitle(self.tr("Directory"))
        self.setMinimumWidth(560)
        self.setAcceptDrops(True)
        self.anchors = QListWidget()
        self.anchors.setObjectName("anchorList")
        self.anchors.setAccessibleName(self.tr("Trusted security offices"))
        self.warning = PlainLabel()
        self.warning.setObjectName("directoryWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(_ERROR)
        self.message = PlainLabel()
        self.message.setObjectName("directoryMessage")
        self.message.setWordWrap(True)
        self.trust_button = QPushButton(self.tr("Trust an anchor…"))
        self.trust_button.setObjectName("trustAnchorFile")
        self.import_button = QPushButton(self.tr("Import a directory…"))
        self.import_button.setObjectName("importDirectory")
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("untrustAnchor")
        self.remove_button.setAccessibleName(self.tr("Stop trusting the selected anchor"))
        row = QHBoxLayout()
        for button in (self.trust_button, self.import_button, self.remove_button):
            row.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        hint = PlainLabel(self.tr("Drop a .cdir directory here to import it."))
        hint.setWordWrap(True)
        for widget in (self.anchors, self.warning, self.message, hint):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(close)
        self.trust_button.clicked.connect(self._choose_anchor)
        self.import_button.clicked.connect(self._choose_directory)
        self.remove_button.clicked.connect(self._remove_selected)
        self.reload()

    # --- the list ---------------------------------------------------------------------

    def reload(self) -> None:
        service = self.session.directory
        self.workers.run(
            "read the directory",
            lambda ctx: service.status(),
            on_done=self._show,
            on_failed=self._failed,
        )

    def _show(self, statuses: list[AnchorStatus]) -> None:
        self.anchors.clear()
        warnings = []
        for s in statuses:
            a = s.anchor
            scope = self._scope(a.anchor.scope.nationalities, a.anchor.scope.schemes)
            if s.last is None:
                last = self.tr("no directory imported yet")
            else:
                last = self.tr(
                    "serial {0}, issued {1}, next update {2}; {3} attested, {4} revoked"
                ).format(
                    s.last.serial,
                    s.last.issued.date().isoformat(),
                    s.last.next_update.date().isoformat(),
                    s.attested,
                    s.revoked,
                )
            item = QListWidgetItem(f"{a.name} — {a.fingerprint}\n{scope}\n{a.how}\n{last}")
            item.setData(_FINGERPRINT_ROLE, a.fingerprint)
            self.anchors.addItem(item)
            if s.own_key_revoked is not None:
                r = s.own_key_revoked
                warnings.append(
                    self.tr(
                        "{0} revoked your own key on {1} ({2}): sealing and signing are "
                        "refused. Get a new key attested: make one with 'cabledesk-cli "
                        "identity rotate' and give the new card to {0}."
                    ).format(
                        a.name,
                        r.revoked.date().isoformat(),
                        f"{r.reason}, {r.text}" if r.text else r.reason,
                    )
                )
            if s.overdue and s.last is not None:
                warnings.append(
                    self.tr(
                        "The directory of {0} is past its next update ({1}): ask the "
                        "security office for its latest directory."
                    ).format(a.name, s.last.next_update.date().isoformat())
                )
        self.warning.setText("\n".join(warnings))
        self.remove_button.setEnabled(bool(statuses))

    def _scope(self, nationalities: tuple[str, ...], schemes: tuple[str, ...]) -> str:
        anyone = self.tr("any")
        return self.tr("Scope: nationalities {0}; schemes {1}").format(
            ", ".join(nationalities) or anyone, ", ".join(schemes) or anyone
        )

    # --- trusting -----------------------------------------------------------------------

    def _choose_anchor(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Trust an anchor"), "", self.tr("Anchors (*.anchor)")
        )
        if name:
            self.trust_file(Path(name))

    def trust_file(self, path: Path) -> AnchorConfirmDialog | None:
        """Read the anchor at ``path`` and ask for confirmation (the dialog is returned
        open, not run modal: its Trust button trusts the anchor)."""
        try:
            anchor = DirectoryService.read_anchor_file(path)
        except CableDeskError as exc:
            self._failed(exc)
            return None
        scope = self._scope(anchor.scope.nationalities, anchor.scope.schemes)
        confirm = AnchorConfirmDialog(
            anchor.name, scope, anchor.fingerprint, anchor.safety_number, self
        )
        service = self.session.directory

        def trust() -> None:
            how = confirm.how.text()
            self.workers.run(
                "trust an anchor",
                lambda ctx: service.trust(anchor, how),
                write=True,
                on_done=lambda _: self._done(self.tr("Trusted {0}.").format(anchor.name)),
                on_failed=self._failed,
            )

        confirm.accepted.connect(trust)
        confirm.finished.connect(confirm.deleteLater)
        confirm.open()
        return confirm

    def _remove_selected(self) -> None:
        item = self.anchors.currentItem()
        if item is not None:
            self.untrust(str(item.data(_FINGERPRINT_ROLE)))

    def untrust(self, fingerprint: str) -> None:
        service = self.session.directory

        def said(outcome: UntrustOutcome) -> None:
            text = self.tr("No longer trusted: {0}.").format(outcome.anchor.name)
            if outcome.reverted:
                text += " " + self.tr("Now self-declared: {0}.").format(", ".join(outcome.reverted))
            self._done(text)

        self.workers.run(
            "untrust an anchor",
            lambda ctx: service.untrust(fingerprint),
            write=True,
            on_done=said,
            on_failed=self._failed,
        )

    # --- importing ------------------------------------------------------------------------

    def _choose_directory(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a directory"), "", self.tr("Directories (*.cdir)")
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        service = self.session.directory

        def work(ctx: JobContext) -> DirectoryImportOutcome:
            return service.import_file(path)

        self.workers.run(
            "import a directory", work, write=True, on_done=self._imported, on_failed=self._failed
        )

    def _imported(self, outcome: DirectoryImportOutcome) -> None:
        name = outcome.anchor.name
        if outcome.status is DirectoryImportStatus.UNCHANGED:
            self._done(
                self.tr("Already imported: the directory of {0}, serial {1}.").format(
                    name, outcome.serial
                )
            )
            return
        lines = [
            self.tr(
                "Imported the directory of {0}, serial {1}: {2} attested, {3} new "
                "contacts, {4} revoked keys."
            ).format(name, outcome.serial, outcome.attested, outcome.added, outcome.revoked)
        ]
        lines += [
            self.tr("{0}: {1} {2} → {3} (attested by {4}; no re-verification needed)").format(
                c.name, c.attribute, c.before or "-", c.after or "-", name
            )
            for c in outcome.changes
        ]
        lines += [
            self.tr("{0}: the new key {1} continues {2} (key rotation attested by {3})").format(
                person, new, old, name
            )
            for person, old, new in outcome.continued
        ]
        lines += [
            self.tr("{0}, whom you verified yourself, is revoked by {1}.").format(person, name)
            for person in outcome.revoked_verified
        ]
        lines += [
            self.tr(
                "{0} REVOKES YOUR OWN KEY ({1}): sealing and signing are refused until a new "
                "key of yours is attested."
            ).format(name, own.how)
            if own.active
            else self.tr("{0} revokes a previous key of yours ({1}).").format(name, own.how)
            for own in outcome.own_revoked
        ]
        self._done("\n".join(lines))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        for path in paths:
            if path.suffix == ".cdir":
                event.acceptProposedAction()
                self.import_file(path)
            elif path.suffix == ".anchor":
                event.acceptProposedAction()
                self.trust_file(path)

    # --- outcomes -----------------------------------------------------------------------

    def _done(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)
        self.reload()

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, CableDeskError):
            show_error(self, exc)
            return
        problem = describe(exc)
        self.message.setStyleSheet(_ERROR)
        self.message.setText(" ".join(filter(None, (problem.message, problem.hint))))

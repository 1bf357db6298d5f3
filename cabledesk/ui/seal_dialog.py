"""The seal dialog: recipients with their eligibility, attachments, armor, where to write.

Each contact and group can be ticked; every ticked contact shows at once what
the release policy says — allowed, needs your confirmation (an unverified
contact: tick "confirm"), or refused with the reason in plain words. The
cable's errors block sealing and its warnings are listed. Sealing runs off
the GUI thread with a progress bar and Cancel (big attachments); a
cancelled or failed sealing leaves no file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cabledesk.domain.cable import Cable
from cabledesk.services.sealing import SealCheck, SealOutcome
from cabledesk.services.session import Session
from cabledesk.store.contacts import Contact
from cabledesk.ui.banner_bar import BannerBar
from cabledesk.ui.errors import show_error
from cabledesk.ui.phrases import finding_text, in_words
from cabledesk.ui.workers import Job, JobContext, Workers

__all__ = ["SealDialog"]

OK_COLOUR, ASK_COLOUR, NO_COLOUR = "#1e7b34", "#8a6d00", "#b00020"
KEY_ROLE = int(Qt.ItemDataRole.UserRole)


class SealDialog(QDialog):
    """See the module docstring. ``choose_output`` and ``choose_attachments`` can be
    replaced in tests (they open file dialogs)."""

    def __init__(
        self, session: Session, workers: Workers, cable: Cable, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sealDialog")
        self.setWindowTitle(self.tr("Seal the cable"))
        self.setMinimumSize(760, 620)
        self._session = session
        self._workers = workers
        self._cable = cable
        self._job: Job | None = None
        self.outcome: SealOutcome | None = None
        self.check: SealCheck | None = None
        self.banner = BannerBar()
        subject = QLabel(f"{cable.subject_marking} {cable.subject}".strip())
        subject.setWordWrap(True)
        self.findings = QLabel()
        self.findings.setObjectName("sealFindings")
        self.findings.setWordWrap(True)
        self.recipients = QTreeWidget()
        self.recipients.setObjectName("recipients")
        self.recipients.setAccessibleName(self.tr("Recipients"))
        self.recipients.setHeaderLabels([self.tr("Recipient"), self.tr("Release policy")])
        self.recipients.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.reasons = QLabel()
        self.reasons.setObjectName("policyReasons")
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.PlainText)
        self.reasons.setAccessibleName(self.tr("Why recipients are refused"))
        self.attachments = QListWidget()
        self.attachments.setObjectName("attachments")
        self.attachments.setAccessibleName(self.tr("Attachments"))
        self.attachments.setMaximumHeight(90)
        add = QPushButton(self.tr("Add attachments…"))
        add.clicked.connect(self._add_attachments)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(lambda: self.attachments.takeItem(self.attachments.currentRow()))
        self.armor = QCheckBox(self.tr("ASCII armor (to paste into a text e-mail)"))
        self.armor.setObjectName("armor")
        self.output = QLineEdit()
        self.output.setObjectName("output")
        self.output.setAccessibleName(self.tr("Output file"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.buttons = QDialogButtonBox()
        self.seal_button = self.buttons.addButton(
            self.tr("Seal"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.seal_button.setObjectName("sealButton")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.seal_button.clicked.connect(self.seal)
        self.cancel_button.clicked.connect(self._cancel)
        self.choose_output = self._ask_output
        self.choose_attachments = self._ask_attachments

        attach_row = QHBoxLayout()
        attach_row.addWidget(self.attachments, 1)
        column = QVBoxLayout()
        column.addWidget(add)
        column.addWidget(remove)
        column.addStretch(1)
        attach_row.addLayout(column)
        out_row = QHBoxLayout()
        out_row.addWidget(self.output, 1)
        out_row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(subject)
        layout.addWidget(self.findings)
        layout.addWidget(QLabel(self.tr("Seal for (you always receive a copy):")))
        layout.addWidget(self.recipients, 1)
        layout.addWidget(self.reasons)
        layout.addWidget(QLabel(self.tr("Attachments:")))
        layout.addLayout(attach_row)
        layout.addWidget(self.armor)
        layout.addWidget(QLabel(self.tr("Write to:")))
        layout.addLayout(out_row)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self._fill_recipients()
        self.recipients.itemChanged.connect(lambda *_: self._recheck())
        self._recheck()
        try:
            suggested = session.sealing.suggested_name(cable)
        except Exception:
            suggested = "cable.cable"
        self.output.setText(str(Path.home() / suggested))

    # --- recipients ------------------------------------------------------------------

    def _fill_recipients(self) -> None:
        self.recipients.blockSignals(True)
        contacts = {c.fingerprint: c for c in self._session.contacts.all()}
        self._contacts = contacts
        for group in self._session.contacts.groups():
            item = QTreeWidgetItem([self.tr("Group: {0}").format(group.name), ""])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            item.setData(0, KEY_ROLE, ("group", group.name))
            item.setToolTip(0, group.description)
            self.recipients.addTopLevelItem(item)
        for contact in contacts.values():
            item = QTreeWidgetItem([f"{contact.name} — {contact.card.post}", ""])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            item.setData(0, KEY_ROLE, ("contact", contact.fingerprint))
            item.setToolTip(0, contact.fingerprint)
            self.recipients.addTopLevelItem(item)
        self.recipients.blockSignals(False)

    def _items(self) -> list[QTreeWidgetItem]:
        count = self.recipients.topLevelItemCount()
        items = (self.recipients.topLevelItem(i) for i in range(count))
        return [item for item in items if item is not None]

    def chosen(self) -> list[Contact]:
        """The ticked contacts, groups expanded, without duplicates."""
        names = []
        for item in self._items():
            if item.checkState(0) == Qt.CheckState.Checked:
                _kind, key = item.data(0, KEY_ROLE)
                names.append(key)
        return self._session.contacts.resolve(names) if names else []

    def confirmed(self) -> set[str]:
        return {
            str(item.data(1, KEY_ROLE))
            for item in self._items()
            if item.data(1, KEY_ROLE) and item.checkState(1) == Qt.CheckState.Checked
        }

    def tick(self, name: str, checked: bool = True) -> None:
        """Tick the contact or group whose label starts with ``name`` (for tests)."""
        for item in self._items():
            label = item.text(0).removeprefix(self.tr("Group: "))
            if label.startswith(name):
                item.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
                return
        raise KeyError(name)

    def confirm(self, name: str) -> None:
        for item in self._items():
            if item.text(0).startswith(name) and item.data(1, KEY_ROLE):
                item.setCheckState(1, Qt.CheckState.Checked)
                return
        raise KeyError(name)

    def _recheck(self) -> None:
        try:
            chosen = self.chosen()
            self.check = self._session.sealing.check(self._cable, chosen)
        except Exception as exc:
            self.findings.setText(str(getattr(exc, "message", exc)))
            self.seal_button.setEnabled(False)
            return
        check = self.check
        if check.banner is None:
            self.banner.show_unknown(self.tr("a portion mark cannot be read"))
        else:
            self.banner.show_marking(check.banner)
        lines = [f"✖ {f.field}: {finding_text(f)}" for f in check.errors]
        lines += [f"⚠ {f.field}: {finding_text(f)}" for f in check.warnings]
        self.findings.setText("\n".join(lines) or self.tr("The cable follows the rules."))
        self.findings.setStyleSheet(f"color: {NO_COLOUR};" if check.errors else "")
        decisions = {c.fingerprint: d for c, _, d in check.decisions}
        explanations: list[str] = []
        self.recipients.blockSignals(True)
        for item in self._items():
            kind, key = item.data(0, KEY_ROLE)
            if kind != "contact" or item.checkState(0) != Qt.CheckState.Checked:
                if kind == "contact":
                    item.setText(1, "")
                    item.setData(1, KEY_ROLE, None)
                continue
            decision = decisions.get(key)
            if decision is None:
                continue
            messages = [in_words(reason.phrase) for reason in decision.reasons]
            if not decision.allowed:
                text, colour = self.tr("Refused (see below)"), NO_COLOUR
                explanations += messages
                item.setData(1, KEY_ROLE, None)
            elif decision.needs_confirmation:
                text, colour = self.tr("Unverified: tick to confirm you trust this key"), ASK_COLOUR
                item.setData(1, KEY_ROLE, key)
                if item.data(1, Qt.ItemDataRole.CheckStateRole) is None:
                    item.setCheckState(1, Qt.CheckState.Unchecked)
            else:
                text, colour = self.tr("Allowed"), OK_COLOUR
                item.setData(1, KEY_ROLE, None)
            item.setText(1, text)
            item.setToolTip(1, "\n".join(messages) or text)
            item.setForeground(1, QColor(colour))
        self.recipients.blockSignals(False)
        self.reasons.setText("\n".join(f"✖ {m}" for m in explanations))
        self.reasons.setStyleSheet(f"color: {NO_COLOUR};")
        self.reasons.setVisible(bool(explanations))
        self.seal_button.setEnabled(check.ready(self.confirmed()) and self._job is None)

    # --- files ---------------------------------------------------------------------

    def _ask_output(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Write the sealed cable to"), self.output.text(),
            self.tr("Sealed cables (*.cable)"),
        )  # fmt: skip
        return Path(name) if name else None

    def _ask_attachments(self) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        return [Path(n) for n in names]

    def _browse(self) -> None:
        path = self.choose_output()
        if path is not None:
            self.output.setText(str(path))

    def _add_attachments(self) -> None:
        for path in self.choose_attachments():
            self.attachments.addItem(str(path))

    # --- sealing ------------------------------------------------------------------------

    def seal(self) -> None:
        self._recheck()
        if self.check is None or not self.check.ready(self.confirmed()):
            return
        recipients = self.chosen()
        output = Path(self.output.text()).expanduser()
        if output.suffix != ".cable":
            output = output.with_name(output.name + ".cable")
        attachments = [
            Path(self.attachments.item(i).text()) for i in range(self.attachments.count())
        ]
        armor = self.armor.isChecked()
        confirmed = self.confirmed()
        total = sum(p.stat().st_size for p in attachments if p.exists()) + 64 * 1024
        self.progress.setRange(0, max(1, total // 1024))
        self.progress.setVisible(True)
        self.seal_button.setEnabled(False)
        sealing = self._session.sealing

        def work(ctx: JobContext) -> SealOutcome:
            return sealing.seal(
                self._cable, recipients, output, attachments=attachments, armor=armor,
                confirmed=confirmed, progress=lambda n: ctx.progress(n // 1024),
                cancel=ctx.cancelled,
            )  # fmt: skip

        self._job = self._workers.run(
            "seal", work, write=True, on_done=self._sealed, on_failed=self._failed,
            on_progress=self.progress.setValue,
        )  # fmt: skip

    def _sealed(self, outcome: SealOutcome) -> None:
        self._job = None
        self.outcome = outcome
        QMessageBox.information(
            self,
            self.tr("Sealed"),
            self.tr("Sealed {0} for:\n{1}").format(
                str(outcome.output), "\n".join(outcome.recipients)
            ),
        )
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._job = None
        self.progress.setVisible(False)
        show_error(self, exc)
        self._recheck()

    def _cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
            return
        self.reject()

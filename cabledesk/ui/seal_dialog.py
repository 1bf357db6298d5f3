"""The seal dialog: recipients with their eligibility, attachments, armor, where to write.

Each contact and group can be ticked (the one recipient picker,
:mod:`cabledesk.ui._recipients_model`); every contact the ticks include shows
at once what the release policy says — allowed, needs your confirmation (an
unverified contact: tick "confirm"), or refused with the reason in plain
words. A revoked contact cannot be ticked at all. The cable's errors block
sealing and its warnings are listed. Sealing runs off the GUI thread with a
progress bar and Cancel (big attachments); a cancelled or failed sealing
leaves no file.

The GUI thread never waits for the vault here: the contacts and groups are
read once, off the GUI thread, when the dialog opens; each tick resolves
recipients against that snapshot and runs the policy check on the worker
pool (the newest check wins); sealing resolves them again from the vault, on
the write thread, and checks the policy again before anything is written.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from cabledesk.domain.cable import Cable
from cabledesk.domain.validation import RULES_VERSION
from cabledesk.errors import CableDeskError
from cabledesk.services.contacts import AddressBook, Contact
from cabledesk.services.sealing import (
    PostQuantumContext,
    ReleaseSettings,
    SealCheck,
    SealOutcome,
)
from cabledesk.services.session import Session
from cabledesk.ui._recipients_model import PolicyCell, RecipientsModel, recipient_items
from cabledesk.ui._seal_output import OutputFile
from cabledesk.ui.banner_bar import BannerBar
from cabledesk.ui.colours import text_style
from cabledesk.ui.errors import describe, show_error
from cabledesk.ui.folders import documents_folder
from cabledesk.ui.geometry import fit_to_screen
from cabledesk.ui.phrases import finding_text, in_words
from cabledesk.ui.plain import PlainLabel, inform
from cabledesk.ui.workers import Job, JobContext, Workers, while_alive

__all__ = ["SealDialog"]

SEAL_DIALOG = QSize(1060, 700)

OK_COLOUR, ASK_COLOUR, NO_COLOUR = "#1e7b34", "#8a6d00", "#b00020"


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
        fit_to_screen(self, SEAL_DIALOG)  # the four recipient columns, uncut where it fits
        self._session = session
        self._workers = workers
        self._cable = cable
        self._job: Job | None = None
        self._book: AddressBook | None = None
        self._rules = RULES_VERSION  # the drafting rules the draft was created under
        self._post_quantum: PostQuantumContext | None = None  # read with the contacts
        self._settings: ReleaseSettings | None = None  # the policy's, read with the book
        self._checks = 0  # each check has a number: only the newest one's result is shown
        self._checking = False
        self.outcome: SealOutcome | None = None
        self.check: SealCheck | None = None
        self.banner = BannerBar()
        subject = PlainLabel(f"{cable.subject_marking} {cable.subject}".strip())
        subject.setObjectName("sealSubject")
        subject.setWordWrap(True)
        subject.setTextFormat(Qt.TextFormat.PlainText)
        self.findings = PlainLabel()
        self.findings.setObjectName("sealFindings")
        self.findings.setWordWrap(True)
        self.findings.setTextFormat(Qt.TextFormat.PlainText)
        self.model = RecipientsModel()
        self.recipients = QTreeView()
        self.recipients.setObjectName("recipients")
        self.recipients.setAccessibleName(self.tr("Recipients"))
        self.recipients.setModel(self.model)
        self.recipients.setRootIsDecorated(False)
        self.recipients.setUniformRowHeights(True)
        self.recipients.setAlternatingRowColors(True)
        self.recipients.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.recipients.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(RecipientsModel.RECIPIENT, QHeaderView.ResizeMode.Interactive)
        self.reasons = PlainLabel()
        self.reasons.setObjectName("policyReasons")
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.PlainText)
        self.reasons.setAccessibleName(self.tr("Why recipients are refused"))
        self.reasons.setStyleSheet(text_style(NO_COLOUR))
        self.reasons.setVisible(False)
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
        self.output_file = OutputFile()
        self.output, self.name_taken = self.output_file.output, self.output_file.name_taken
        self.rename_button = self.output_file.rename_button
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.buttons = QDialogButtonBox()
        self.seal_button = self.buttons.addButton(
            self.tr("Seal"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.seal_button.setObjectName("sealButton")
        self.seal_button.setEnabled(False)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.seal_button.clicked.connect(self.seal)
        self.cancel_button.clicked.connect(self._cancel)
        self.output_file.choose = lambda: self.choose_output()
        self.choose_output = self.output_file.ask
        self.choose_attachments = self._ask_attachments

        attach_row = QHBoxLayout()
        attach_row.addWidget(self.attachments, 1)
        column = QVBoxLayout()
        column.addWidget(add)
        column.addWidget(remove)
        column.addStretch(1)
        attach_row.addLayout(column)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(subject)
        layout.addWidget(self.findings)
        layout.addWidget(PlainLabel(self.tr("Seal for (you always receive a copy):")))
        layout.addWidget(self.recipients, 1)
        layout.addWidget(self.reasons)
        layout.addWidget(PlainLabel(self.tr("Attachments:")))
        layout.addLayout(attach_row)
        layout.addWidget(self.armor)
        layout.addWidget(PlainLabel(self.tr("Write to:")))
        layout.addWidget(self.output_file)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.model.dataChanged.connect(self._ticked)
        self.output_file.changed.connect(self._update_button)
        self.output.setText(str(session.sealing.suggested_path(cable, documents_folder())))
        self.findings.setText(self.tr("Reading your contacts…"))
        contacts, drafts, draft_id = session.contacts, session.drafts, cable.id
        sealing = session.sealing
        workers.run(
            "read the recipients",
            lambda ctx: (
                contacts.book(),
                drafts.rules_for(draft_id),
                sealing.post_quantum_context(),
                sealing.release_settings(),
            ),
            on_done=while_alive(self, self._loaded),
            on_failed=while_alive(self, self._load_failed),
        )

    # --- recipients ------------------------------------------------------------------

    def _loaded(self, loaded: tuple[AddressBook, int, PostQuantumContext, ReleaseSettings]) -> None:
        book, self._rules, self._post_quantum, self._settings = loaded
        self._book = book
        self.model.set_items(recipient_items(book))
        RecipientsModel.fit(self.recipients)
        self._recheck()

    def _load_failed(self, exc: BaseException) -> None:
        problem = describe(exc)
        self.findings.setText(" ".join(filter(None, (problem.message, problem.hint))))

    def _ticked(self, first: QModelIndex, last: QModelIndex, roles: object = None) -> None:
        if first.column() == RecipientsModel.RECIPIENT:
            self._recheck()
        else:
            self._update_button()

    def _keys(self) -> list[str]:
        return [item.key for item in self.model.checked()]

    def chosen(self) -> list[Contact]:
        """The contacts the ticks include, groups expanded, without duplicates (as read
        when the dialog opened)."""
        if self._book is None:
            return []
        return self._book.resolve(self._keys())

    def confirmed(self) -> set[str]:
        return self.model.confirmed()

    def _row(self, name: str) -> int:
        """The row of the group whose name, or the contact whose label, starts with ``name``."""
        for row, item in enumerate(self.model.items()):
            if (item.key if item.group else item.label).startswith(name):
                return row
        raise KeyError(name)

    def tick(self, name: str, checked: bool = True) -> None:
        """Tick the contact or group whose label starts with ``name`` (as a click would)."""
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        index = self.model.index(self._row(name), RecipientsModel.RECIPIENT)
        self.model.setData(index, state, Qt.ItemDataRole.CheckStateRole)

    def confirm(self, name: str) -> None:
        """Confirm the key of the unverified contact whose label starts with ``name``."""
        index = self.model.index(self._row(name), RecipientsModel.POLICY)
        if not self.model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole):
            raise KeyError(name)

    def _recheck(self) -> None:
        """Check the ticked recipients against the release policy, on the worker pool."""
        if self._book is None:
            return
        try:
            chosen = self.chosen()
        except CableDeskError as exc:  # a group without members
            self._say_problem(exc)
            return
        self._checks += 1
        number, sealing, cable, rules, pq, settings = (
            self._checks,
            self._session.sealing,
            self._cable,
            self._rules,
            self._post_quantum,
            self._settings,
        )
        self._checking = True
        self._update_button()
        self._workers.run(
            "check the recipients",
            lambda ctx: sealing.check(
                cable, chosen, rules=rules, post_quantum=pq, settings=settings
            ),
            on_done=while_alive(self, lambda check: self._checked(number, check)),
            on_failed=while_alive(self, lambda exc: self._check_failed(number, exc)),
        )

    def _check_failed(self, number: int, exc: BaseException) -> None:
        if number == self._checks:
            self._checking = False
            self._say_problem(exc)

    def _say_problem(self, exc: BaseException) -> None:
        self.check = None
        problem = describe(exc)
        self.findings.setText(" ".join(filter(None, (problem.message, problem.hint))))
        self.findings.setStyleSheet(text_style(NO_COLOUR))
        self._update_button()

    def _checked(self, number: int, check: SealCheck) -> None:
        if number != self._checks:
            return  # a newer tick is being checked
        self._checking = False
        self.check = check
        if check.banner is None:
            self.banner.show_unknown(self.tr("a portion mark cannot be read"))
        else:
            self.banner.show_marking(check.banner)
        lines = [f"✖ {f.field}: {finding_text(f)}" for f in check.errors]
        lines += [f"⚠ {f.field}: {finding_text(f)}" for f in check.warnings]
        lines = lines or [self.tr("The cable follows the rules.")]
        lines.append(self._post_quantum_line(check))
        refused = check.post_quantum is not None and check.post_quantum.refused
        self.findings.setText("\n".join(filter(None, lines)))
        self.findings.setStyleSheet(text_style(NO_COLOUR) if check.errors or refused else "")
        cells: dict[str, PolicyCell] = {}
        explanations: list[str] = []
        through = self._through_groups()
        for contact, profile, decision in check.decisions:
            messages = [in_words(reason.phrase) for reason in decision.reasons]
            basis = [in_words(p) for p in profile.basis()]  # which attributes it used
            if not decision.allowed:
                text, colour = self.tr("Refused (see below)"), NO_COLOUR
                explanations += messages
            elif decision.needs_confirmation:
                text = self.tr("Unverified: tick to confirm you trust this key")
                colour = ASK_COLOUR
            else:
                text, colour = self.tr("Allowed"), OK_COLOUR
            if contact.fingerprint in through:  # not ticked itself: say why it is there
                text = self.tr("{0} (in {1})").format(text, through[contact.fingerprint])
            cells[contact.fingerprint] = PolicyCell(
                text,
                colour,
                "\n".join([*basis, *messages]),
                decision.allowed and decision.needs_confirmation,
            )
        self.model.set_policy(cells)
        self.reasons.setText("\n".join(f"✖ {m}" for m in explanations))
        self.reasons.setVisible(bool(explanations))
        self._update_button()

    def _post_quantum_line(self, check: SealCheck) -> str:
        """How the cable will be encrypted: post-quantum, or why not (refused, or the
        fallback to X25519 with its warning)."""
        plan = check.post_quantum
        if plan is None:
            return ""
        if plan.refused:
            refusal = plan.refusal()
            text = in_words(refusal.phrase) if refusal.phrase else refusal.message
            hint = in_words(refusal.hint_phrase) if refusal.hint_phrase else ""
            return f"✖ {text} {hint}".rstrip()
        if plan.warning is not None:
            return f"⚠ {in_words(plan.warning)}"
        return self.tr("Sealed post-quantum (ML-KEM-768 + X25519) for everyone.")

    def _through_groups(self) -> dict[str, str]:
        """The contacts ticked only through a group: fingerprint → the group's name."""
        ticked = {item.key for item in self.model.checked()}
        found: dict[str, str] = {}
        for group in self._book.groups if self._book is not None else ():
            if group.name in ticked:
                for fp in group.members:
                    if fp not in ticked:
                        found.setdefault(fp, group.name)
        return found

    def _update_button(self) -> None:
        ready = (
            self.check is not None
            and not self._checking
            and self._job is None
            and self.check.ready(self.confirmed())
            and self.output_file.free  # sealing never replaces a file
        )
        self.seal_button.setEnabled(ready)

    # --- files ---------------------------------------------------------------------

    def _ask_attachments(self) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        return [Path(n) for n in names]

    def _add_attachments(self) -> None:
        for path in self.choose_attachments():
            self.attachments.addItem(str(path))

    # --- sealing ------------------------------------------------------------------------

    def seal(self) -> None:
        """Seal for the ticked recipients with what the dialog holds (on the write thread)."""
        check = self.check
        if check is None or self._checking or self._job is not None:
            return
        if not check.ready(self.confirmed()):
            return
        keys = self._keys()
        output = self.output_file.path()
        attachments = [
            Path(self.attachments.item(i).text()) for i in range(self.attachments.count())
        ]
        armor = self.armor.isChecked()
        confirmed = self.confirmed()
        total = sum(p.stat().st_size for p in attachments if p.exists()) + 64 * 1024
        self.progress.setRange(0, max(1, total // 1024))
        self.progress.setVisible(True)
        self.seal_button.setEnabled(False)
        sealing, contacts, cable = self._session.sealing, self._session.contacts, self._cable

        def work(ctx: JobContext) -> SealOutcome:
            recipients = contacts.book().resolve(keys)  # as the vault holds them now
            return sealing.seal(
                cable, recipients, output, attachments=attachments, armor=armor,
                confirmed=confirmed, progress=lambda n: ctx.progress(n // 1024),
                cancel=ctx.cancelled,
            )  # fmt: skip

        job = self._workers.run(
            "seal", work, write=True, on_done=self._sealed, on_failed=self._failed,
            on_progress=self.progress.setValue,
        )  # fmt: skip
        self._job = job if job.running else None  # a synchronous job has already ended

    def _sealed(self, outcome: SealOutcome) -> None:
        self._job = None
        self.outcome = outcome
        how = (
            self.tr("post-quantum (ML-KEM-768 + X25519)")
            if outcome.post_quantum
            else self.tr("X25519, not post-quantum")
        )
        text = self.tr("Sealed {0} ({1}) for:\n{2}").format(
            str(outcome.output), how, "\n".join(outcome.recipients)
        )
        warnings = "\n".join(f"⚠ {in_words(w)}" for w in outcome.warnings)
        inform(self, self.tr("Sealed"), f"{text}\n\n{warnings}" if warnings else text)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._job = None
        self.progress.setVisible(False)
        show_error(self, exc)
        self._update_button()

    def _cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()
            return
        self.reject()

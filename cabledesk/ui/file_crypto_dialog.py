"""Encrypt or decrypt any file in the age format, for transfers that are not cables.

Encrypt: a file, its recipients (the vault's contacts and groups, revoked
ones shown but disabled) or a passphrase typed twice, ASCII armor or not,
and where to write (``NAME.age`` by default). Decrypt: an ``.age`` file
(binary or armored) and where to write it, with the vault's own keys; a
passphrase is asked only when the file turns out to be passphrase-encrypted.

To contacts, the release policy applies as to sealing (checked on a worker at
each change, shown by :mod:`._file_policy`); a file that is not a CableDesk
cable, document or backup needs its marking chosen. "Encrypt for me too" is
ticked by default: without it you could not open your own file again.

The work is :class:`~cabledesk.services.file_crypto.FileCryptoService`'s, as
for the command line: the policy checked again, revoked keys refused, a
passphrase held to the strength rule (the meter shows its words, and Encrypt
waits for "strong"), the output appearing only when the whole file is done,
and the audit entry written only then. On a worker, with progress and Cancel.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from cabledesk.errors import CableDeskError, NoIdentityMatch
from cabledesk.services.file_crypto import PassphraseNeeded, ReleaseCheck
from cabledesk.services.session import Session
from cabledesk.ui import _file_policy as file_policy
from cabledesk.ui._file_policy import marking_box, policy_view, reasons_label
from cabledesk.ui._recipients_model import RecipientItem, RecipientsModel, load_recipients
from cabledesk.ui._wrapped import grow
from cabledesk.ui.errors import describe, show_error
from cabledesk.ui.plain import PlainLabel
from cabledesk.ui.strength_meter import StrengthMeter, secret_field
from cabledesk.ui.workers import Job, JobContext, Workers, while_alive

__all__ = ["FileCryptoDialog"]

AGE_SUFFIX = ".age"
DECRYPTED_SUFFIX = ".decrypted"
INDENT = 24  # px: the choices under a radio button


def _percent(done: int, total: int | None) -> int:
    return min(100, done * 100 // total) if total else 0


class FileCryptoDialog(QDialog):
    """See the module docstring. ``recipients`` (fingerprints or group names) are
    checked when the list is loaded."""

    def __init__(
        self,
        session: Session,
        workers: Workers,
        *,
        encrypt: bool,
        recipients: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.workers = workers
        self.encrypting = encrypt
        self._preset = list(recipients)
        self._job: Job | None = None
        self._suggested = ""
        self._confirmed = ""  # an output the save dialog confirmed replacing
        self._asking = False
        self.release: ReleaseCheck | None = None  # the policy's word on the file, to contacts
        self._checks = 0  # the newest release check asked for
        self._ticked: frozenset[str] = frozenset()
        self.setObjectName("fileCryptoDialog")
        self.setWindowTitle(self.tr("Encrypt a file") if encrypt else self.tr("Decrypt a file"))
        self.setMinimumWidth(620)
        self.source = QLineEdit()
        self.source.setObjectName("sourcePath")
        self.source.setAccessibleName(
            self.tr("File to encrypt") if encrypt else self.tr("Encrypted file")
        )
        self.output = QLineEdit()
        self.output.setObjectName("outputPath")
        self.output.setAccessibleName(self.tr("Save as"))
        self.choose_source = QPushButton(self.tr("Choose…"))
        self.choose_source.setObjectName("chooseSource")
        self.choose_source.setAccessibleName(self.tr("Choose the file"))
        self.choose_output = QPushButton(self.tr("Choose…"))
        self.choose_output.setObjectName("chooseOutput")
        self.choose_output.setAccessibleName(self.tr("Choose where to save"))
        files = QGridLayout()
        for row, (label, field, button) in enumerate((
            (self.source.accessibleName() + ":", self.source, self.choose_source),
            (self.tr("Save as:"), self.output, self.choose_output),
        )):  # fmt: skip
            for column, widget in enumerate((PlainLabel(label), field, button)):
                files.addWidget(widget, row, column)
        self.to_contacts = QRadioButton(self.tr("To contacts and groups"))
        self.to_contacts.setObjectName("toContacts")
        self.to_passphrase = QRadioButton(self.tr("With a passphrase"))
        self.to_passphrase.setObjectName("toPassphrase")
        self.mode = QButtonGroup(self)
        self.mode.addButton(self.to_contacts)
        self.mode.addButton(self.to_passphrase)
        self.to_contacts.setChecked(True)
        self.model = RecipientsModel()
        self.list = QTreeView()
        self.list.setObjectName("recipientsList")
        self.list.setAccessibleName(self.tr("Recipients"))
        self.list.setRootIsDecorated(False)
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.marking, self.reasons = marking_box(), reasons_label()
        self.for_me = QCheckBox(self.tr("Encrypt for me too (so that I can open it later)"))
        self.for_me.setObjectName("encryptForMe")
        self.for_me.setChecked(True)  # as Kleopatra: without it the user cannot open their file
        self.passphrase = secret_field("passphrase", self.tr("Passphrase"), self._update)
        self.again = secret_field("passphraseAgain", self.tr("Passphrase again"), self._update)
        self.strength = StrengthMeter()
        self.pass_form = QFormLayout()
        if encrypt:
            self.pass_form.setContentsMargins(INDENT, 0, 0, 0)
        self.pass_form.addRow(self.tr("Passphrase:"), self.passphrase)
        self.pass_form.addRow(self.tr("Again:"), self.again)
        self.strength.add_to(self.pass_form, self.tr("Strength:"), (self.passphrase, self.again))
        self.armor = QCheckBox(self.tr("ASCII armor (text that survives e-mail and copy-paste)"))
        self.armor.setObjectName("armor")
        self.armor.setAccessibleName(self.tr("ASCII armor"))
        self.about = PlainLabel()
        self.about.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("progress")
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.message = PlainLabel()
        self.message.setObjectName("cryptoMessage")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Result"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.start = self.buttons.addButton(
            self.tr("Encrypt") if encrypt else self.tr("Decrypt"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.start.setObjectName("startButton")
        self.start.setDefault(True)
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("closeButton")
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(files)
        if encrypt:
            layout.addWidget(self.to_contacts)
            indented = QVBoxLayout()
            indented.setContentsMargins(INDENT, 0, 0, 0)
            indented.addWidget(self.list)
            indented.addWidget(self.for_me)
            marking = QFormLayout()
            marking.addRow(self.tr("Marking of the file:"), self.marking)
            indented.addLayout(marking)
            indented.addWidget(self.reasons)
            layout.addLayout(indented, 1)
            layout.addWidget(self.to_passphrase)
            layout.addLayout(self.pass_form)
            layout.addWidget(self.armor)
        else:
            self.about.setText(
                self.tr(
                    "CableDesk opens the file with your vault's keys. If it was encrypted with "
                    "a passphrase instead, you are asked for it."
                )
            )
            layout.addWidget(self.about)
            layout.addLayout(self.pass_form)
            layout.addStretch(1)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self._set_passphrase_visible(encrypt)
        self.source.textChanged.connect(self._source_changed)
        self.output.textChanged.connect(lambda _: self._update())
        self.choose_source.clicked.connect(self._pick_source)
        self.choose_output.clicked.connect(self._pick_output)
        self.to_contacts.toggled.connect(lambda _: self._recheck())
        self.for_me.toggled.connect(lambda _: self._recheck())
        self.marking.currentTextChanged.connect(lambda _: self._recheck())
        self.model.dataChanged.connect(lambda *_: self._ticks_changed())
        self.model.modelReset.connect(self._ticks_changed)
        self._update()
        if encrypt:
            self._load_recipients()

    # --- inputs ------------------------------------------------------------------------

    def _load_recipients(self) -> None:
        session = self.session
        self.workers.run(
            "load recipients",
            lambda ctx: (load_recipients(session), session.files.marking_levels()),
            on_done=while_alive(self, self._loaded),
            on_failed=self._failed,
        )

    def _loaded(self, loaded: tuple[list[RecipientItem], list[str]]) -> None:
        items, levels = loaded
        self.marking.blockSignals(True)
        self.marking.addItems(["", *levels])
        self.marking.setCurrentIndex(0)
        self.marking.blockSignals(False)
        self.model.set_items(items, self._preset)
        RecipientsModel.fit(self.list)

    # --- the release policy ---------------------------------------------------------

    def _ticks_changed(self) -> None:
        before, self._ticked = self._ticked, frozenset(i.key for i in self.chosen())
        (self._recheck if before != self._ticked else self._update)()

    def _recheck(self) -> None:
        """Ask the policy about the file, the ticked contacts and the marking (a worker)."""
        self._checks += 1
        self.release = None
        self.reasons.clear()
        names = [i.key for i in self.chosen()]
        text = self.source.text().strip()
        if not self.encrypting or self.to_passphrase.isChecked() or not names or not text:
            self.model.set_policy({})
            self._update()
            return
        number, files = self._checks, self.session.files
        src, marking, me = Path(text), self.marking.currentText(), self.for_me.isChecked()

        def check(ctx: JobContext) -> file_policy.Checked:
            return file_policy.checked_with_plan(files, src, names, marking, include_me=me)

        self.workers.run(
            "check the release policy",
            check,
            on_done=while_alive(self, lambda result: self._checked(number, result)),
            on_failed=while_alive(self, lambda exc: self._check_failed(number, exc)),
        )
        self._update()

    def _check_failed(self, number: int, exc: BaseException) -> None:
        if number == self._checks:  # a bug shows the error dialog; else the reason, here
            self.model.set_policy({})
            self._failed(exc, self.reasons)

    def _checked(self, number: int, checked: file_policy.Checked) -> None:
        if number != self._checks:
            return  # a newer change is being checked
        self.release, plan = checked
        cells, explanations = policy_view(self.release)
        self.model.set_policy(cells)
        self.reasons.setText(file_policy.reasons_text(explanations, plan))
        self._update()

    def _set_passphrase_visible(self, visible: bool) -> None:
        """Decrypting: show the passphrase field (only once the file asks for one)."""
        self._asking = visible
        for row in range(self.pass_form.rowCount()):
            self.pass_form.setRowVisible(row, visible and (self.encrypting or row == 0))

    def _source_changed(self, text: str) -> None:
        self._recheck()
        if not self.encrypting:
            self._set_passphrase_visible(False)
            self.passphrase.clear()
        current, src = self.output.text(), Path(text.strip())
        if text.strip() and src.name and (not current or current == self._suggested):
            if self.encrypting:
                name = src.name + AGE_SUFFIX
            elif src.suffix.lower() == AGE_SUFFIX:
                name = src.stem
            else:
                name = src.name + DECRYPTED_SUFFIX
            self._suggested = str(src.with_name(name))
            self.output.setText(self._suggested)
        self._update()

    def _pick_source(self) -> None:
        if self.encrypting:
            title, pattern = self.tr("Choose the file to encrypt"), self.tr("All files (*)")
        else:
            title = self.tr("Choose the encrypted file")
            pattern = self.tr("age files (*.age);;All files (*)")
        name, _ = QFileDialog.getOpenFileName(self, title, self.source.text(), pattern)
        if name:
            self.source.setText(name)

    def _pick_output(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"), self.output.text())
        if name:
            self._confirmed = name  # the save dialog asked before replacing a file
            self.output.setText(name)

    def chosen(self) -> list[RecipientItem]:
        return self.model.checked()

    def _update(self) -> None:
        ready = bool(self.source.text().strip() and self.output.text().strip())
        if self.encrypting:
            by_passphrase = self.to_passphrase.isChecked()
            self.list.setEnabled(not by_passphrase)
            self.for_me.setEnabled(not by_passphrase)
            for field in (self.passphrase, self.again):
                field.setEnabled(by_passphrase)
            first, second = self.passphrase.text(), self.again.text()
            differ = second and second != first
            problem = self.tr("The two passphrases differ.") if differ else ""
            if by_passphrase:
                self.strength.show_strength(first, problem)
            else:
                self.strength.show_strength("")
            self.strength.bar.setEnabled(by_passphrase)
            ready = ready and (
                bool(self.strength.acceptable and first == second)
                if by_passphrase
                else bool(self.chosen())
                and self.release is not None
                and self.release.ready(self.model.confirmed())
            )
        elif self._asking:
            ready = ready and bool(self.passphrase.text())
        self.start.setEnabled(ready and self._job is None)

    # --- the work ----------------------------------------------------------------------

    def run(self) -> None:
        """Start the encryption or decryption with what the dialog holds."""
        if self._job is not None or not self.start.isEnabled():
            return
        src = Path(self.source.text().strip())
        dst = Path(self.output.text().strip())
        overwrite = self._confirmed == self.output.text()
        files = self.session.files
        if self.encrypting:
            names = [i.key for i in self.chosen()]
            passphrase = self.passphrase.text() if self.to_passphrase.isChecked() else ""
            armor = self.armor.isChecked()
            marking, confirmed = self.marking.currentText(), self.model.confirmed()
            me = self.for_me.isChecked()

            def work(ctx: JobContext) -> bool:
                if passphrase:
                    target = files.target(passphrase=passphrase)
                else:
                    target = files.target(contacts=names, include_me=me)
                files.encrypt(src, dst, target, armor=armor, overwrite=overwrite,
                              marking=marking, confirmed=confirmed,
                              progress=lambda n, size: ctx.progress(_percent(n, size)),
                              cancel=ctx.cancelled)  # fmt: skip
                return target.passphrase

        else:
            passphrase = self.passphrase.text() if self._asking else ""

            def work(ctx: JobContext) -> bool:
                files.decrypt(src, dst, passphrase=passphrase or None, overwrite=overwrite,
                              progress=lambda n, size: ctx.progress(_percent(n, size)),
                              cancel=ctx.cancelled)  # fmt: skip
                return bool(passphrase)

        self.message.clear()
        self.message.setStyleSheet("")
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.close_button.setText(self.tr("Cancel"))
        job = self.workers.run(
            "encrypt a file" if self.encrypting else "decrypt a file",
            work,
            on_done=lambda by_passphrase: self._done(dst, by_passphrase),
            on_failed=self._failed,
            on_progress=self.progress.setValue,
        )
        self._job = job if job.running else None  # a synchronous job has already ended
        self._update()

    def _finished_job(self) -> None:
        self._job = None
        self.progress.setVisible(False)
        self.close_button.setText(self.tr("Close"))
        self._update()

    def _done(self, dst: Path, by_passphrase: bool) -> None:
        self._finished_job()
        if not self.encrypting:
            self._say(self.tr("Decrypted to {0}.").format(str(dst)))
            return
        who = (
            self.tr("a passphrase") if by_passphrase else ", ".join(i.label for i in self.chosen())
        )
        self._say(self.tr("Encrypted to {0}: {1}.").format(who, str(dst)))

    def _failed(self, exc: BaseException, where: PlainLabel | None = None) -> None:
        if where is not None and isinstance(exc, CableDeskError):
            problem = describe(exc)
            where.setText(" ".join(filter(None, (problem.message, problem.hint))))
            self._update()
            return
        self._finished_job()
        if isinstance(exc, PassphraseNeeded):
            self._set_passphrase_visible(True)
            self.passphrase.setFocus()
            self._say(self.tr("This file is protected by a passphrase. Type it, then Decrypt."))
            self._update()
            return
        if not isinstance(exc, CableDeskError):
            show_error(self, exc)  # a bug: the error dialog says so and offers a report
            return
        problem = describe(exc)
        if problem.cancelled:
            self._say(self.tr("Cancelled. Nothing was written."), error=True)
            return
        if isinstance(exc, NoIdentityMatch) and self._asking and not self.encrypting:
            text = self.tr("This passphrase does not open the file.")
        else:
            text = " ".join(filter(None, (problem.message, problem.hint)))
        self._say(text, error=True)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c62828;" if error else "")
        self.message.setText(text)
        grow(self)

    def reject(self) -> None:
        """Close; while working, Cancel stops the work first (nothing is written)."""
        if self._job is not None:
            self._job.cancel()
            return
        super().reject()

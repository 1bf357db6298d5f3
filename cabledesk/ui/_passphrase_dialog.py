"""Change the vault's passphrase: the current one, the new one twice, a strength hint.

The change is :meth:`PassphraseService.change` (the strength rule, the re-key
of the vault, the keychain kept current), run off the GUI thread; the new
passphrase must pass the strength rule before Change is enabled, with the words
the command line uses. A wrong current passphrase is said under the fields and
the dialog stays open. The dialog closes (accepted) once the new passphrase is
in place.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from cabledesk.errors import CableDeskError, WrongPassphrase
from cabledesk.services.session import Session
from cabledesk.ui.errors import describe, show_error
from cabledesk.ui.plain import PlainLabel
from cabledesk.ui.strength_meter import StrengthMeter, secret_field
from cabledesk.ui.workers import Workers

__all__ = ["ChangePassphraseDialog"]


class ChangePassphraseDialog(QDialog):
    def __init__(self, session: Session, workers: Workers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._workers = workers
        self._busy = False
        self.setObjectName("changePassphraseDialog")
        self.setWindowTitle(self.tr("Change the vault passphrase"))
        self.setMinimumWidth(480)
        intro = PlainLabel(
            self.tr(
                "The new passphrase protects everything in the vault from now on. Several "
                "unrelated words are easy to remember and hard to guess."
            )
        )
        intro.setWordWrap(True)
        self.old = secret_field("oldPassphrase", self.tr("Current passphrase"), self._update)
        self.new = secret_field("newPassphrase", self.tr("New passphrase"), self._update)
        self.again = secret_field(
            "newPassphraseAgain", self.tr("New passphrase again"), self._update
        )
        form = QFormLayout()
        form.addRow(self.tr("Current passphrase:"), self.old)
        form.addRow(self.tr("New passphrase:"), self.new)
        form.addRow(self.tr("Again:"), self.again)
        self.strength = StrengthMeter()
        self.strength.add_to(form, self.tr("Strength:"), (self.old, self.new, self.again))
        self.error = PlainLabel()
        self.error.setObjectName("passphraseError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.busy.setAccessibleName(self.tr("Changing the passphrase"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Change passphrase"))
        self.ok.setObjectName("changePassphraseOk")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        new, again = self.new.text(), self.again.text()
        problem = ""
        if again and again != new:
            problem = self.tr("The two new passphrases differ.")
        elif new and new == self.old.text():
            problem = self.tr("The new passphrase is the same as the current one.")
        self.strength.show_strength(new, problem)
        self.ok.setEnabled(
            not self._busy
            and bool(self.old.text())
            and self.strength.acceptable
            and new == again
            and new != self.old.text()
        )

    def submit(self) -> None:
        if not self.ok.isEnabled():
            return
        old, new = self.old.text(), self.new.text()
        service = self._session.passphrase
        self._set_busy(True)
        self.error.clear()
        self._workers.run(
            "change the passphrase",
            lambda ctx: service.change(old, new),
            write=True,
            on_done=self._done,
            on_failed=self._failed,
        )

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy.setVisible(busy)
        for field in (self.old, self.new, self.again):
            field.setEnabled(not busy)
        self._update()

    def _done(self, _: object) -> None:
        self._set_busy(False)
        for field in (self.old, self.new, self.again):
            field.clear()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, WrongPassphrase):
            self.error.setText(self.tr("The current passphrase is not right."))
            self.old.selectAll()
            self.old.setFocus()
            return
        if not isinstance(exc, CableDeskError):
            show_error(self, exc)  # a bug: the error dialog says so
            return
        problem = describe(exc)
        self.error.setText(" ".join(filter(None, (problem.message, problem.hint))))

    def reject(self) -> None:
        if not self._busy:  # the new key file is being written: let it finish
            super().reject()

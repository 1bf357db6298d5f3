"""The unlock screen: the vault's passphrase, or the keychain if it remembers the vault.

A vault whose database was put back from an older copy refuses to open
(:class:`~cabledesk.errors.VaultRolledBack`): the screen says so, and offers
"Open the older vault anyway…", which asks why and for the confirmation of what
it means (:class:`~cabledesk.ui._rollback_dialog.AcceptRollbackDialog`) before
it opens the vault with the passphrase and the acceptance is audited.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cabledesk.errors import CableDeskError, VaultRolledBack, WrongPassphrase
from cabledesk.services.vault_access import VaultAccess
from cabledesk.ui.errors import describe, show_error
from cabledesk.ui.first_paint import after_first_paint
from cabledesk.ui.phrases import translated
from cabledesk.ui.plain import PlainLabel, plain_tooltip
from cabledesk.ui.workers import JobContext, Workers

if TYPE_CHECKING:
    from cabledesk.services.keychain import KeychainStatus
    from cabledesk.store.vault import Vault

__all__ = ["UnlockWindow"]


class UnlockWindow(QWidget):
    """Asks for the passphrase and unlocks off the GUI thread; emits ``unlocked(vault)``."""

    unlocked = Signal(object)

    def __init__(self, access: VaultAccess, workers: Workers) -> None:
        super().__init__()
        self._access = access
        self._workers = workers
        self.setObjectName("unlockWindow")
        self.setWindowTitle(self.tr("CableDesk — Unlock"))
        self.setMinimumWidth(440)

        title = PlainLabel(self.tr("Unlock your vault"))
        title.setObjectName("unlockTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        where = PlainLabel(self.tr("Vault: {0}").format(str(access.folder)))
        where.setObjectName("vaultFolder")
        where.setWordWrap(True)
        self._where = where
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase.setAccessibleName(self.tr("Vault passphrase"))
        self.passphrase.returnPressed.connect(self.unlock)
        self.remember = QCheckBox(self.tr("Remember on this device"))
        self.remember.setObjectName("remember")
        self.remember.setAccessibleName(self.tr("Remember the vault on this device"))
        self.message = PlainLabel()
        self.message.setObjectName("unlockMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: palette(highlight);")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.busy.setAccessibleName(self.tr("Unlocking"))
        self.button = QPushButton(self.tr("Unlock"))
        self.button.setObjectName("unlockButton")
        self.button.setDefault(True)
        self.button.clicked.connect(self.unlock)
        self.keychain_button = QPushButton(self.tr("Unlock with the keychain"))
        self.keychain_button.setObjectName("keychainButton")
        self.keychain_button.clicked.connect(self.unlock_with_keychain)
        self.accept_button = QPushButton(self.tr("Open the older vault anyway…"))
        self.accept_button.setObjectName("acceptRollbackButton")
        self.accept_button.clicked.connect(self.accept_rollback)
        self._rolled_back = ""  # what the screen said about an older database
        QShortcut(QKeySequence(QKeySequence.StandardKey.Quit), self, self.close)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(10)
        for widget in (title, where, self.passphrase, self.remember, self.message, self.busy):
            layout.addWidget(widget)
        layout.addWidget(self.button)
        layout.addWidget(self.keychain_button)
        layout.addWidget(self.accept_button)
        self.keychain_button.setVisible(False)
        self.accept_button.setVisible(False)
        self.remember.setVisible(False)
        after_first_paint(self, self._after_first_paint)

    def _after_first_paint(self) -> None:
        # Set once the window is on screen: PySide builds Qt's namespace and its enums
        # on first use (some 30 ms), which would delay the window.
        from PySide6.QtCore import Qt

        self._where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._plain_messages()
        self._refresh_keychain()

    def _refresh_keychain(self) -> None:
        """Ask the keychain (off the GUI thread: it may talk to D-Bus) what it knows."""

        def ask(ctx: JobContext) -> tuple[KeychainStatus, bool]:
            status = self._access.keychain_status()
            return status, status.usable and self._access.is_remembered()

        self._workers.run("keychain status", ask, on_done=self._show_keychain, detached=True)

    def _show_keychain(self, answer: tuple[KeychainStatus, bool]) -> None:
        status, remembered = answer
        self.keychain_button.setVisible(remembered)
        self.remember.setVisible(status.usable and not remembered)
        if not status.usable:
            self.remember.setToolTip(plain_tooltip(translated(status.reason)))

    def _plain_messages(self) -> None:
        from PySide6.QtCore import Qt

        self.message.setTextFormat(Qt.TextFormat.PlainText)

    def _set_busy(self, busy: bool) -> None:
        widgets = (self.passphrase, self.button, self.keychain_button, self.remember)
        for widget in (*widgets, self.accept_button):
            widget.setEnabled(not busy)
        self.busy.setVisible(busy)
        if busy:
            self.message.clear()
            self.accept_button.setVisible(False)

    def unlock(self) -> None:
        secret = self.passphrase.text()
        if not secret:
            self.message.setText(self.tr("Type your passphrase."))
            return
        remember = self.remember.isVisible() and self.remember.isChecked()
        self._set_busy(True)

        access = self._access

        def work(ctx: JobContext) -> Vault:
            vault = access.unlock(secret)
            if remember:
                # The vault is open; a keychain that refuses is not worth failing for.
                with contextlib.suppress(CableDeskError):
                    access.remember(vault)
            return vault

        self._workers.run("unlock", work, on_done=self._done, on_failed=self._failed)

    def unlock_with_keychain(self) -> None:
        self._set_busy(True)
        self._workers.run(
            "unlock with the keychain",
            lambda ctx: self._access.unlock_remembered(),
            on_done=self._done_keychain,
            on_failed=self._failed,
        )

    def _done_keychain(self, vault: Vault | None) -> None:
        if vault is None:
            self._set_busy(False)
            self.message.setText(self.tr("The keychain does not remember this vault."))
            self._refresh_keychain()
            return
        self._done(vault)

    def _done(self, vault: Vault) -> None:
        self.passphrase.clear()
        self._set_busy(False)
        self.unlocked.emit(vault)

    def accept_rollback(self) -> None:
        """Ask why and for the confirmation (a dialog), then open the older database."""
        secret = self.passphrase.text()
        if not secret:
            self.message.setText(
                self._rolled_back
                + "\n\n"
                + self.tr("Type your passphrase first: opening the older vault needs it.")
            )
            self.passphrase.setFocus()
            return
        from cabledesk.ui._rollback_dialog import AcceptRollbackDialog

        dialog = AcceptRollbackDialog(self)
        access = self._access

        def confirmed() -> None:
            reason = dialog.text()
            self._set_busy(True)
            self._workers.run(
                "open the older vault",
                lambda ctx: access.accept_rollback(secret, reason),
                on_done=self._done,
                on_failed=self._failed,
            )

        dialog.accepted.connect(confirmed)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, VaultRolledBack):
            self._say_rolled_back(exc)
            return
        if isinstance(exc, CableDeskError):
            problem = describe(exc)
            self.message.setText(" ".join(filter(None, (problem.message, problem.hint))))
            if isinstance(exc, WrongPassphrase):
                self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        show_error(self, exc)

    def _say_rolled_back(self, exc: VaultRolledBack) -> None:
        self._plain_messages()
        self._rolled_back = " ".join(
            (
                describe(exc).message,
                self.tr(
                    "Restore your latest backup of the vault into a new folder; or, if you "
                    "put this older copy back on purpose, open it anyway: the changes made "
                    "since that copy stay lost, and the acceptance is written in the audit log."
                ),
            )
        )
        self.message.setText(self._rolled_back)
        self.accept_button.setVisible(True)
        self.adjustSize()  # the window grows to show the whole explanation

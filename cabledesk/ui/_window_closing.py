"""Closing the main window: the open draft is saved first.

The close waits (the window stays up, the event loop runs) until the editor's
save has gone through the write thread. If the save is refused, the window
says which changes would be lost and which version is kept, and asks: close
anyway, or keep editing. Once nothing is left to save, the window clears every
view of decrypted content and closes (and the application quits, when that is
what was asked).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from cabledesk.ui.plain import message_box

if TYPE_CHECKING:
    from cabledesk.ui.main_window import MainWindow

__all__ = ["WindowClosing"]

POLL_MS = 50  # how often a close waiting for a save looks again
# The main window's strings: lupdate files them under the context window.tr() looks up.
translate = QCoreApplication.translate


class WindowClosing(QObject):
    """The close of one main window; see the module docstring."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._waiting = False  # a close waits for the open draft's save

    def close_event(self, event: QCloseEvent) -> None:
        window, editor = self._window, self._window.editor
        if window.session.locked or not (editor.dirty or editor.saving):
            self._close_now(event)
            return
        event.ignore()
        if self._waiting:
            return
        self._waiting = True
        editor.flush(translate("MainWindow", "CableDesk was closing"), self._refused)
        self._when_saved()

    def _when_saved(self) -> None:
        if not self._waiting:
            return  # refused: the user chose
        if self._window.editor.saving:
            QTimer.singleShot(POLL_MS, self._when_saved)
            return
        self._waiting = False
        QTimer.singleShot(0, self._window.close)  # not from inside the refused close event

    def _refused(self, text: str) -> None:
        self._waiting = False
        window = self._window
        box = message_box(
            window,
            QMessageBox.Icon.Warning,
            translate("MainWindow", "Not saved"),
            text,
            buttons=QMessageBox.StandardButton.NoButton,
        )
        box.setObjectName("closeNotice")
        close = box.addButton(
            translate("MainWindow", "Close anyway"), QMessageBox.ButtonRole.DestructiveRole
        )
        box.addButton(translate("MainWindow", "Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is close:
            window.editor.clear()
            QTimer.singleShot(0, window.close)
        else:
            window.quit_when_closed = False

    def _close_now(self, event: QCloseEvent) -> None:
        window = self._window
        if not window.session.locked:
            window.prepare_lock(translate("MainWindow", "CableDesk was closing"))
        event.accept()
        if window.quit_when_closed:
            QTimer.singleShot(0, QApplication.quit)

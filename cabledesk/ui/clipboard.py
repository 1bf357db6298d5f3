"""Copying cable text: marked sensitive for clipboard managers, cleared after a while.

:func:`sensitive_mime_data` adds the hints that the platforms' clipboard
managers and history tools honour: ``x-kde-passwordManagerHint: secret``
(KDE Klipper and other Linux managers), ``ExcludeClipboardContentFromMonitorProcessing``
and ``CanIncludeInClipboardHistory: 0`` (Windows clipboard history and cloud
sync), ``org.nspasteboard.ConcealedType`` (macOS managers). :class:`ClipboardGuard`
clears the clipboard N seconds after a copy — if it still holds what
CableDesk put there — and at lock and exit.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

__all__ = ["ClipboardGuard", "sensitive_mime_data"]

HINTS = {
    "x-kde-passwordManagerHint": b"secret",
    "ExcludeClipboardContentFromMonitorProcessing": b"1",
    "CanIncludeInClipboardHistory": b"\x00\x00\x00\x00",
    "CanUploadToCloudClipboard": b"\x00\x00\x00\x00",
    "org.nspasteboard.ConcealedType": b"",
}
MARKER = "application/x-cabledesk-sensitive"


def sensitive_mime_data(text: str) -> QMimeData:
    data = QMimeData()
    data.setText(text)
    for name, value in HINTS.items():
        data.setData(name, QByteArray(value))
    data.setData(MARKER, QByteArray(b"1"))
    return data


class ClipboardGuard(QObject):
    """Clears CableDesk's sensitive copies from the clipboard after ``seconds``."""

    def __init__(self, seconds: int = 30, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.seconds = seconds
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)
        QGuiApplication.clipboard().dataChanged.connect(self._changed)

    def _changed(self) -> None:
        data = QGuiApplication.clipboard().mimeData(QClipboard.Mode.Clipboard)
        if data is not None and data.hasFormat(MARKER):
            self._timer.start(self.seconds * 1000)

    def clear(self) -> None:
        """Clear the clipboard if it still holds something CableDesk marked sensitive."""
        clipboard = QGuiApplication.clipboard()
        data = clipboard.mimeData(QClipboard.Mode.Clipboard)
        if data is not None and data.hasFormat(MARKER):
            clipboard.clear(QClipboard.Mode.Clipboard)
        self._timer.stop()

"""Run something once a window is on screen, so that the window appears first.

The keychain probe (``keyring`` loads its backends, then may talk to D-Bus) is
slow to start; the unlock screen and the first-run assistant ask it only once
they have painted, and fill in what it says when it answers.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

__all__ = ["after_first_paint"]


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        # Held weakly: the watcher belongs to the widget, and a strong reference
        # back to the widget's method would keep the pair alive in a cycle.
        self._callback = weakref.WeakMethod(callback) if hasattr(callback, "__self__") else None
        self._function = None if self._callback is not None else callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._fire)
        return False

    def _fire(self) -> None:
        callback = self._function or (self._callback() if self._callback else None)
        if callback is not None:
            callback()
        self.deleteLater()


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` on the event loop's next turn after ``widget`` first paints."""
    _FirstPaint(widget, callback)

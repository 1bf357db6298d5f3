"""Windows that grow when wrapped text in them gets longer.

Qt sizes a window for its content when it is first shown, heights of
word-wrapped labels included; text that changes afterwards (a verdict that
arrives from a worker, an error under a field) can need more lines than the
window has room for, and the labels are then cut. :func:`grow` makes the
window tall enough for its content at its current width, once the layouts
have taken the new text into account (at the next turn of the event loop);
it never shrinks a window the user has sized.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

__all__ = ["grow"]


def grow(widget: QWidget) -> None:
    """Make the window of ``widget`` tall enough for its content, if it is shown."""
    window = widget.window()
    QTimer.singleShot(0, window, lambda: _grow_now(window))


def _grow_now(window: QWidget) -> None:
    layout = window.layout()
    if layout is None or not window.isVisible() or not layout.hasHeightForWidth():
        return
    needed = layout.totalHeightForWidth(window.width())
    if needed > window.height():
        window.resize(window.width(), needed)

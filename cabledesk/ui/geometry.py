"""Window sizes and places that fit the screen: a 1280×800 laptop, a 200 % screen.

The main window's first size comes from the screen's available area (the
panels and the window frame left out), never more than :data:`MAIN_WINDOW`.
Every dialog is fitted the same way when it is shown (a minimum size larger
than the screen is lowered to it) and centred on the window it belongs to;
:class:`DialogPlacer` does that for all of them, application-wide. Windows
with no parent (the unlock screen after a lock) are centred on a screen with
:func:`centre_on_screen`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QDialog, QWidget

__all__ = [
    "MAIN_WINDOW",
    "DialogPlacer",
    "centre_on",
    "centre_on_screen",
    "fit_size",
    "fit_to_screen",
]

MAIN_WINDOW = QSize(1280, 800)  # the size the main window is drawn for
SCREEN_SHARE = 0.92  # of the available area at most: room for the frame and a margin


def fit_size(preferred: QSize, area: QRect, minimum: QSize | None = None) -> QSize:
    """``preferred``, made small enough for ``area`` (at most :data:`SCREEN_SHARE` of
    it), and no smaller than ``minimum`` unless the area itself is smaller."""
    width = min(preferred.width(), int(area.width() * SCREEN_SHARE))
    height = min(preferred.height(), int(area.height() * SCREEN_SHARE))
    if minimum is not None:
        width = min(max(width, minimum.width()), area.width())
        height = min(max(height, minimum.height()), area.height())
    return QSize(width, height)


def _screen_of(widget: QWidget) -> QScreen | None:
    parent = widget.parentWidget()
    screen = (parent.window() if parent is not None else widget).screen()
    return screen or QGuiApplication.primaryScreen()


def fit_to_screen(widget: QWidget, preferred: QSize) -> None:
    """Resize ``widget`` to ``preferred`` or what its screen has room for."""
    screen = _screen_of(widget)
    if screen is None:
        widget.resize(preferred)
        return
    area = screen.availableGeometry()
    size = fit_size(preferred, area)
    widget.setMinimumSize(
        min(widget.minimumWidth(), area.width()), min(widget.minimumHeight(), area.height())
    )
    widget.resize(size)


def centre_on(widget: QWidget, anchor: QRect, area: QRect | None = None) -> None:
    """Move ``widget`` so that its frame is centred on ``anchor``, kept inside ``area``."""
    frame = widget.frameGeometry()
    if frame.width() <= 1:  # not shown yet: the frame is not known
        frame = QRect(widget.pos(), widget.size())
    frame.moveCenter(anchor.center())
    if area is not None:
        frame.moveLeft(max(area.left(), min(frame.left(), area.right() - frame.width() + 1)))
        frame.moveTop(max(area.top(), min(frame.top(), area.bottom() - frame.height() + 1)))
    widget.move(frame.topLeft())


def centre_on_screen(widget: QWidget, screen: QScreen | None = None) -> None:
    """Centre ``widget`` on ``screen`` (default: its own, or the primary one)."""
    area = (screen or widget.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    centre_on(widget, area, area)


class DialogPlacer(QObject):
    """Installed on the application: each dialog that has a parent, when shown, is fitted
    to the screen and centred on its parent window."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QDialog)
            and watched.isWindow()
            and watched.parentWidget() is not None
        ):
            self.place(watched)
        return False

    @staticmethod
    def place(dialog: QDialog) -> None:
        parent = dialog.parentWidget()
        screen = _screen_of(dialog)
        if parent is None or screen is None:
            return
        area = screen.availableGeometry()
        size = fit_size(dialog.size(), area, dialog.minimumSizeHint())
        if size.width() < dialog.minimumWidth() or size.height() < dialog.minimumHeight():
            dialog.setMinimumSize(
                min(dialog.minimumWidth(), size.width()), min(dialog.minimumHeight(), size.height())
            )
        if size != dialog.size():
            dialog.resize(size)
        centre_on(dialog, parent.window().frameGeometry(), area)

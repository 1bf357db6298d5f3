"""The desktop's screen lock, where the platform tells: the freedesktop and GNOME
screen savers announce it on the D-Bus session bus (``ActiveChanged``). Elsewhere
Qt's application state (suspended) is all there is, which the controller watches.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import SLOT, QObject, Slot

__all__ = ["ScreenLockWatcher"]

log = logging.getLogger(__name__)
_SERVICES = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
)


class ScreenLockWatcher(QObject):
    """Calls ``on_lock`` when a screen saver on the session bus becomes active."""

    def __init__(self, on_lock: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_lock = on_lock
        self.watching = False
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:  # a Qt build without D-Bus (Windows, macOS)
            return
        bus = QDBusConnection.sessionBus()
        if not bus.isConnected():
            return
        # The slot goes as text: PySide 6.12 refuses the bytes its type stubs ask for.
        slot = SLOT("_active(bool)")
        for service, path in _SERVICES:
            if bus.connect(service, path, service, "ActiveChanged", self, slot):  # type: ignore[call-overload]
                self.watching = True
        log.debug("screen lock watch: %s", self.watching)

    @Slot(bool)
    def _active(self, active: bool) -> None:
        if active:
            self._on_lock()

"""Which window is on screen: the first-run assistant, the unlock screen or the main
window; and locking (by hand, after idle minutes, when the screen locks).

The controller owns the :class:`~cabledesk.services.session.Session` while the
vault is unlocked. Locking queues the open draft's save, closes the main window
(which clears every decrypted view), waits for the workers, locks the vault
(wiping its key) and shows the unlock screen again. What must be said after
the main window is gone — a save the lock refused — comes to :meth:`notice`
and shows over the window on screen then.

The safeguards (idle minutes, locking with the screen) are read off the GUI
thread at unlock and after the settings change, and applied from memory.
It also installs the one handler of bugs for the GUI thread
(:func:`cabledesk.ui.errors.install_excepthook`) when it starts.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from cabledesk.services.vault_access import VaultAccess
from cabledesk.ui.first_paint import after_first_paint
from cabledesk.ui.plain import message_box
from cabledesk.ui.unlock import UnlockWindow
from cabledesk.ui.workers import Workers

if TYPE_CHECKING:  # the rest loads on first use, so that the first window shows fast
    from PySide6.QtCore import Qt  # the namespace alone costs ~15 ms to set up

    from cabledesk.domain.scheme import SchemeRegistry
    from cabledesk.services.session import Session
    from cabledesk.services.settings import Safeguards
    from cabledesk.store.vault import Vault

__all__ = ["AppController"]

log = logging.getLogger(__name__)
_INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class AppController(QObject):
    """See the module docstring. ``locked`` and ``unlocked`` are emitted for tests
    and for the screens that follow the vault's state."""

    unlocked = Signal(object)
    locked = Signal()

    def __init__(
        self, access: VaultAccess, schemes: SchemeRegistry | None, workers: Workers
    ) -> None:
        super().__init__()
        self.access = access
        self._schemes = schemes
        self.workers = workers
        self.session: Session | None = None
        self.window: QWidget | None = None
        self.pending_files: list[str] = []
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self.lock)
        self._lock_on_screen_lock = True  # until the setting is read
        self.notices: list[str] = []  # what was said through notice(), for tests
        self._view: tuple[str, str | None] | None = None  # shown again after an unlock
        self._geometry: bytes | None = None  # the main window's, likewise
        self.watching_state = False
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
            from cabledesk.ui.geometry import DialogPlacer

            self._placer = DialogPlacer(self)  # every dialog fitted and centred on its window
            app.installEventFilter(self._placer)

    @property
    def schemes(self) -> SchemeRegistry:
        """The classification schemes; without any given, the built-in ones, read on first use."""
        if self._schemes is None:
            from cabledesk.domain.scheme import SchemeRegistry

            self._schemes = SchemeRegistry.load()
        return self._schemes

    def start(self) -> QWidget:
        """Show the first window: the assistant without a vault, else the unlock screen."""
        from cabledesk.ui.errors import install_excepthook

        install_excepthook()
        if not self.access.exists():
            from cabledesk.ui.first_run import FirstRunWizard

            wizard = FirstRunWizard(self.access, self._schemes, self.workers)
            wizard.created.connect(self._open)
            first = self._show(wizard)
        else:
            first = self._show_unlock()
        after_first_paint(first, self.watch_application_state)
        return first

    def watch_application_state(self) -> None:
        """Lock when the platform suspends the application. Connected once the first
        window is on screen: the signal carries an enum of Qt's namespace, which PySide
        sets up on first use (~15 ms) and must have set up before the signal comes."""
        from PySide6.QtCore import Qt  # noqa: F401 (sets the namespace up)

        app = QApplication.instance()
        if app is None or self.watching_state:
            return
        app.applicationStateChanged.connect(self._state_changed)  # type: ignore[attr-defined]
        self.watching_state = True

    def _show(self, widget: QWidget) -> QWidget:
        previous, self.window = self.window, widget
        widget.show()
        if previous is not None:
            previous.close()
            previous.deleteLater()
        return widget

    def _show_unlock(self) -> QWidget:
        unlock = UnlockWindow(self.access, self.workers)
        unlock.unlocked.connect(self._open)
        return self._show(unlock)

    def _open(self, vault: Vault) -> None:
        from cabledesk.services.session import Session  # the heavy part, after unlock
        from cabledesk.ui.main_window import MainWindow

        self.session = Session(vault, self.schemes)
        window = MainWindow(self.session, self.workers, self)
        if self._geometry is not None:
            window.restoreGeometry(self._geometry)
        self._show(window)
        if self._view is not None:  # after a lock: where the user was
            window.restore_view(*self._view)
        self._read_safeguards()
        self.unlocked.emit(self.session)
        if self.pending_files:
            from pathlib import Path

            files, self.pending_files = self.pending_files, []
            window.open_files([Path(f) for f in files])

    def lock(self) -> None:
        """Lock now: flush and close the main window, wipe the key, ask to unlock."""
        if self.session is None:
            return
        window = self.window
        screen = window.screen() if window is not None else None
        if window is not None and hasattr(window, "current_view"):
            self._view = window.current_view()
            self._geometry = bytes(window.saveGeometry().data())
        if window is not None and hasattr(window, "prepare_lock"):
            window.prepare_lock(self.tr("the vault was locking"), self.notice)
        self.workers.cancel_all()
        self.workers.wait(10_000)
        session, self.session = self.session, None
        session.lock()
        self._idle.stop()
        unlock = self._show_unlock()
        from cabledesk.ui.geometry import centre_on_screen

        unlock.adjustSize()
        centre_on_screen(unlock, screen)  # where the main window was, not in a corner
        self.locked.emit()

    def notice(self, text: str) -> None:
        """Say ``text`` over whichever window is on screen once this event is over (a
        lock under way replaces the main window with the unlock screen); not modal."""
        self.notices.append(text)
        QTimer.singleShot(0, lambda: self._show_notice(text))

    def _show_notice(self, text: str) -> None:
        box = message_box(self.window, QMessageBox.Icon.Warning, self.tr("Not saved"), text)
        box.setObjectName("notice")
        box.finished.connect(box.deleteLater)
        box.open()

    def shutdown(self) -> None:
        """The application quits: save, wipe, cancel and wait for the workers."""
        if self.session is not None:
            window = self.window
            if window is not None and hasattr(window, "prepare_lock"):
                window.prepare_lock(self.tr("CableDesk was closing"), _logged)
        # Also at the unlock screen (an unlock may be under way): a worker pool must
        # be idle before Python destroys it, or the two wait for each other.
        self.workers.cancel_all()
        self.workers.wait(-1)
        if self.session is not None:
            self.session.lock()
            self.session = None

    def _read_safeguards(self) -> None:
        session = self.session
        if session is None:
            return
        settings = session.settings
        self.workers.run(
            "read the safeguards",
            lambda ctx: settings.safeguards(),
            on_done=self._apply_safeguards,
            on_failed=lambda exc: log.warning("safeguards not read: %s", type(exc).__name__),
        )

    def _apply_safeguards(self, safeguards: Safeguards) -> None:
        if self.session is None:
            return  # locked meanwhile
        self._lock_on_screen_lock = safeguards.lock_on_screen_lock
        if safeguards.auto_lock_minutes > 0:
            self._idle.start(safeguards.auto_lock_minutes * 60_000)
        else:
            self._idle.stop()
        apply = getattr(self.window, "apply_safeguards", None)
        if callable(apply):
            apply(safeguards)

    def settings_changed(self) -> None:
        """The settings dialog saved: apply the auto-lock delay and the others at once."""
        self._read_safeguards()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in _INPUT_EVENTS and self._idle.isActive():
            self._idle.start()  # same interval: any input postpones the lock
        return False

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        from PySide6.QtCore import Qt

        if state == Qt.ApplicationState.ApplicationSuspended:
            self.screen_locked()

    def screen_locked(self) -> None:
        """The platform says the screen is locked (or the session suspended): lock too,
        if the user asked for it in the settings."""
        if self.session is not None and self._lock_on_screen_lock:
            self.lock()


def _logged(text: str) -> None:
    """At exit nobody is left to read a refused save's notice: the log keeps that one."""
    log.warning("at exit: %s", text)

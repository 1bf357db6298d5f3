"""Entry point of the ``cabledesk`` desktop application.

The vault is found by the same rule as ``cabledesk-cli`` (``--home DIR``,
else ``CABLEDESK_HOME``, else the platform's data folder), so both faces
share one vault. Window preferences that are not secret (the language) live
in ``ui.ini`` beside the vault. Heavy modules (the main window and its
dialogs) load after the first window is on screen.

``CABLEDESK_SMOKE_TEST=1`` is for checking an installation (``make
dist-check`` runs the bundle this way): once the first window (the unlock
screen, or the first-run assistant without a vault) is shown and exposed,
the application prints "unlock window shown" (or "first-run window shown") to
stderr and quits with 0; if none is shown within a minute, it quits with 1.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

__all__ = ["main"]


def _arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="cabledesk", add_help=True)
    parser.add_argument("--home", metavar="DIR", help="the vault folder (or CABLEDESK_HOME)")
    parser.add_argument("files", nargs="*", help="files to open once unlocked")
    known, _ = parser.parse_known_args(list(argv)[1:])
    return known


def _smoke_test(app: QApplication, window: QWidget) -> None:
    """Quit once ``window`` is on screen, saying which it is (see the module docstring)."""
    from PySide6.QtCore import QElapsedTimer, QTimer

    names = {"UnlockWindow": "unlock window", "FirstRunWizard": "first-run window"}
    clock = QElapsedTimer()
    clock.start()
    timer = QTimer(app)

    def check() -> None:
        handle = window.windowHandle()
        if window.isVisible() and handle is not None and handle.isExposed():
            timer.stop()
            kind = type(window).__name__
            print(f"{names.get(kind, kind)} shown", file=sys.stderr)
            app.exit(0)
        elif clock.elapsed() > 60_000:
            timer.stop()
            print("smoke test: no window was shown within 60 s", file=sys.stderr)
            app.exit(1)

    timer.timeout.connect(check)
    timer.start(50)


def main(argv: Sequence[str] | None = None) -> int:
    """Start the application and run its event loop; returns the exit code (2 when
    the system lacks a library Qt's window needs: :mod:`cabledesk.ui.platform_check`)."""
    from cabledesk.ui.platform_check import EXIT_MISSING_LIBRARIES, startup_problem

    problem = startup_problem(os.environ)
    if problem is not None:
        print(problem, file=sys.stderr)
        return EXIT_MISSING_LIBRARIES
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from cabledesk.services.vault_access import VaultAccess
    from cabledesk.ui.controller import AppController
    from cabledesk.ui.i18n import install_translations
    from cabledesk.ui.icons import app_icon
    from cabledesk.ui.instance_lock import claim_vault
    from cabledesk.ui.plain import inform
    from cabledesk.ui.screen_lock import ScreenLockWatcher
    from cabledesk.ui.workers import Workers

    args_list = list(argv) if argv is not None else sys.argv
    args = _arguments(args_list)
    app = QApplication(args_list)
    app.setApplicationName("CableDesk")
    app.setOrganizationName("CableDesk")
    app.setApplicationDisplayName("CableDesk")
    app.setDesktopFileName("cabledesk")
    app.setWindowIcon(app_icon())
    access = VaultAccess.for_home(args.home)
    claim = claim_vault(access.folder)
    if claim is None:
        inform(
            None,
            QCoreApplication.translate("App", "Vault already open"),
            QCoreApplication.translate(
                "App",
                "The vault in {0} is already open in another CableDesk window. Use that "
                "window, or close it first.",
            ).format(str(access.folder)),
        )
        return 1
    preferences = QSettings(str(access.folder / "ui.ini"), QSettings.Format.IniFormat)
    install_translations(app, str(preferences.value("language", "")))
    controller = AppController(access, None, Workers())  # schemes read when needed
    controller.pending_files = list(args.files)
    watcher = ScreenLockWatcher(controller.screen_locked, controller)
    app.aboutToQuit.connect(controller.shutdown)
    first_window = controller.start()
    del watcher  # owned by the controller
    if os.environ.get("CABLEDESK_SMOKE_TEST") == "1":
        _smoke_test(app, first_window)
    try:
        return app.exec()
    finally:
        claim.unlock()

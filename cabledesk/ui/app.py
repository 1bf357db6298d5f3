"""Entry point of the ``cabledesk`` desktop application.

The vault is found by the same rule as ``cabledesk-cli`` (``--home DIR``,
else ``CABLEDESK_HOME``, else the platform's data folder), so both faces
share one vault. Window preferences that are not secret (the language) live
in ``ui.ini`` beside the vault. Heavy modules (the main window and its
dialogs) load after the first window is on screen.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

__all__ = ["main"]


def _arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="cabledesk", add_help=True)
    parser.add_argument("--home", metavar="DIR", help="the vault folder (or CABLEDESK_HOME)")
    parser.add_argument("files", nargs="*", help="files to open once unlocked")
    known, _ = parser.parse_known_args(list(argv)[1:])
    return known


def main(argv: Sequence[str] | None = None) -> int:
    """Start the application and run its event loop; returns the exit code."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from cabledesk.domain.scheme import SchemeRegistry
    from cabledesk.services.vault_access import VaultAccess
    from cabledesk.store.home import resolve_home
    from cabledesk.store.keychain import SystemKeychain
    from cabledesk.ui.controller import AppController
    from cabledesk.ui.i18n import install_translations
    from cabledesk.ui.icons import app_icon
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
    home = resolve_home(args.home)
    preferences = QSettings(str(home.folder / "ui.ini"), QSettings.Format.IniFormat)
    install_translations(app, str(preferences.value("language", "")))
    access = VaultAccess(home, SystemKeychain())
    controller = AppController(access, SchemeRegistry.load(), Workers())
    controller.pending_files = list(args.files)
    watcher = ScreenLockWatcher(controller.screen_locked, controller)
    app.aboutToQuit.connect(controller.shutdown)
    controller.start()
    del watcher  # owned by the controller
    return app.exec()

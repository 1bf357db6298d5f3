"""Entry point of the ``cabledesk`` desktop application."""

from __future__ import annotations

import sys
from collections.abc import Sequence

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Start the application and run its event loop; returns the exit code."""
    from PySide6.QtWidgets import QApplication

    from cabledesk.ui.main_window import MainWindow

    app = QApplication(list(argv) if argv is not None else sys.argv)
    app.setApplicationName("CableDesk")
    app.setOrganizationName("CableDesk")
    window = MainWindow()
    window.show()
    return app.exec()

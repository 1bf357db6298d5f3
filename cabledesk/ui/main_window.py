"""The main window. For now it says what the product is; the editor, the
sidebar and the dialogs arrive with the desktop-application issue."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from cabledesk import __version__

__all__ = ["MainWindow"]


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("CableDesk"))
        self.resize(900, 600)
        title = QLabel(self.tr("CableDesk"))
        title.setObjectName("title")
        font = title.font()
        font.setPointSize(font.pointSize() * 2)
        font.setBold(True)
        title.setFont(font)
        summary = QLabel(
            self.tr(
                "Draft diplomatic cables with classification markings, seal them for "
                "their recipients, and open and verify the cables you receive: "
                "offline, with everything encrypted on this computer."
            )
        )
        summary.setWordWrap(True)
        version = QLabel(self.tr("Version {0}").format(__version__))
        for label in (title, summary, version):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(summary)
        layout.addWidget(version)
        layout.addStretch(2)
        layout.setContentsMargins(48, 24, 48, 24)
        self.setCentralWidget(central)
        self.statusBar().showMessage(self.tr("Offline. No vault open yet."))

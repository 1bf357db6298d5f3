from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from cabledesk import __version__
from cabledesk.ui.main_window import MainWindow


def test_main_window_says_what_the_product_is(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.windowTitle() == "CableDesk"
    texts = [label.text() for label in window.findChildren(QLabel)]
    assert any("seal them" in t for t in texts)
    assert any(__version__ in t for t in texts)
    assert "Offline" in window.statusBar().currentMessage()

"""The classification banner bar: the computed banner, in the level's colours.

It shows what the portions roll up to, never what someone typed; while a
portion mark cannot be read it says so in neutral grey instead of guessing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSizePolicy, QWidget

from cabledesk.domain.marking import Marking
from cabledesk.ui.plain import PlainLabel

__all__ = ["BannerBar"]

UNKNOWN_BACKGROUND = "#5f6368"


class BannerBar(PlainLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.setObjectName("bannerBar")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMargin(6)
        font = self.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.setFont(font)
        self.setAccessibleName(self.tr("Classification banner"))
        self.show_unknown()

    def show_marking(self, marking: Marking) -> None:
        self._paint(marking.banner, marking.level.colour, marking.level.text_colour)

    def show_unknown(self, reason: str = "") -> None:
        text = self.tr("Classification not yet determined")
        self._paint(f"{text} — {reason}" if reason else text, UNKNOWN_BACKGROUND, "#ffffff")

    def show_text(self, text: str, background: str, foreground: str) -> None:
        self._paint(text, background, foreground)

    def _paint(self, text: str, background: str, foreground: str) -> None:
        self.setText(text)
        self.setAccessibleDescription(text)
        self.setStyleSheet(
            f"QLabel#bannerBar {{ background: {background}; color: {foreground}; "
            "border-radius: 3px; }"
        )

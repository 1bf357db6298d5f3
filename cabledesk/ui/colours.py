"""Colours that stay readable: the WCAG 2 contrast ratio, and coloured words (a trust
state, a policy decision) lightened on a dark theme's background until they reach it.

Verdicts and banners paint their own background and text (fixed pairs, the same in
any theme); coloured *words* are drawn on the palette's background, which a dark theme
makes dark, where the light theme's greens and reds would be hard to read.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

__all__ = ["AA", "contrast", "luminance", "readable", "text_style"]

AA = 4.5  # WCAG 2.1 success criterion 1.4.3, level AA, normal-size text


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor | str) -> float:
    """The WCAG 2 relative luminance of an sRGB colour."""
    q = QColor(colour)
    return 0.2126 * _linear(q.red()) + 0.7152 * _linear(q.green()) + 0.0722 * _linear(q.blue())


def contrast(a: QColor | str, b: QColor | str) -> float:
    """(L1 + 0.05) / (L2 + 0.05), L1 the lighter: from 1 (none) to 21 (black on white)."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable(colour: QColor | str, role: QPalette.ColorRole = QPalette.ColorRole.Base) -> QColor:
    """``colour`` for words drawn on the palette's ``role``: as it is where it contrasts
    enough (a light theme), else mixed with white, step by step, until it does."""
    base = QApplication.palette().color(role)
    original = QColor(colour)
    if luminance(base) > luminance(original):  # a light background: the colour as chosen
        return original
    q = original
    for step in range(1, 11):
        if contrast(q, base) >= AA:
            break
        mix = step / 10
        q = QColor(
            round(original.red() + (255 - original.red()) * mix),
            round(original.green() + (255 - original.green()) * mix),
            round(original.blue() + (255 - original.blue()) * mix),
        )
    return q


def text_style(colour: str) -> str:
    """A style sheet for a label's words in ``colour``, readable on the window's background."""
    return f"color: {readable(colour, QPalette.ColorRole.Window).name()};"

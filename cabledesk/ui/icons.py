"""Icons: SVG files in ``resources/icons``, drawn at any scale (HiDPI clean)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from cabledesk.resources import resource_path

__all__ = ["app_icon", "icon"]


def icon(name: str) -> QIcon:
    """The icon ``resources/icons/NAME.svg`` (an empty icon if it is missing)."""
    path = resource_path("icons") / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


def app_icon() -> QIcon:
    return icon("cabledesk")

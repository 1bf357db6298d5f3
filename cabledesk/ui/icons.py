"""Icons: the desktop's icon theme first, else SVG files in ``resources/icons`` (drawn
at any scale, HiDPI clean; their licence is in ``resources/icons/README.md``)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from cabledesk.resources import resource_path

__all__ = ["SECTION_THEME_NAMES", "app_icon", "icon", "section_icon"]

# Each sidebar section's icon in the freedesktop icon naming (first found wins).
SECTION_THEME_NAMES = {
    "drafts": ("document-edit", "accessories-text-editor"),
    "sent": ("mail-send", "mail-outbox"),
    "received": ("mail-receive", "mail-inbox", "mail-read"),
    "contacts": ("x-office-address-book", "contact-new"),
    "audit": ("view-history", "document-properties"),
}


def icon(name: str) -> QIcon:
    """The icon ``resources/icons/NAME.svg`` (an empty icon if it is missing)."""
    path = resource_path("icons") / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()


def app_icon() -> QIcon:
    return icon("cabledesk")


def section_icon(section: str) -> QIcon:
    """The icon of a sidebar section: the theme's, else the bundled ``SECTION.svg``."""
    for name in SECTION_THEME_NAMES.get(section, ()):
        if QIcon.hasThemeIcon(name):
            return QIcon.fromTheme(name)
    return icon(section)

"""Where files are offered to be written: the user's Documents folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

__all__ = ["documents_folder"]


def documents_folder() -> Path:
    """The user's Documents folder (``QStandardPaths.DocumentsLocation``: on Linux the
    XDG ``DOCUMENTS`` folder, ``~/Documents`` by default), or the home folder if the
    platform names none or it does not exist."""
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(location) if location else Path.home()
    return folder if folder.is_dir() else Path.home()

"""Where the desktop suggests saving files, and under which names.

Save dialogs open in the user's Documents folder (the platform's, through
QStandardPaths; the home folder where there is none) rather than wherever the
application was started, with a name that says what the file is.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths

__all__ = ["card_file_name", "documents_folder", "suggested_path"]


def documents_folder() -> Path:
    """The user's Documents folder (their home folder when the platform has none)."""
    where = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(where) if where else Path.home()
    return folder if folder.is_dir() else Path.home()


def card_file_name(person: str) -> str:
    """``jane-doe.contact`` for "Jane Doe": the name's letters and digits, in lower case."""
    words = re.findall(r"\w+", person.lower())
    return "-".join(words)[:80].strip("-_") + ".contact" if words else "contact.contact"


def suggested_path(name: str) -> str:
    """``name`` in the Documents folder, as a save dialog's starting point."""
    return str(documents_folder() / name)

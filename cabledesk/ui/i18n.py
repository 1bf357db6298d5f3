"""Languages of the desktop application: English (the source) and French.

Translations are Qt catalogues: ``resources/translations/cabledesk_fr.ts``
(edited by translators) compiled to ``.qm`` by ``make translations`` (the
Makefile runs it before ``make run`` and ``make test``). Qt's own strings
(the buttons of standard dialogs) come from the catalogues shipped with
PySide6. The language is chosen at start-up — from the ``language`` entry of
the window preferences, else the system's — and a change applies at the next
start.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from cabledesk.resources import resource_path

__all__ = ["LANGUAGES", "install_translations", "system_language"]

LANGUAGES = {"en": "English", "fr": "Français"}


def system_language() -> str:
    name = QLocale.system().name().split("_")[0]
    return name if name in LANGUAGES else "en"


def install_translations(app: QApplication, language: str = "") -> str:
    """Load the catalogues of ``language`` (default: the system's); returns the one used."""
    language = language if language in LANGUAGES else system_language()
    if language == "en":
        return language
    ours = QTranslator(app)
    if ours.load(str(resource_path("translations") / f"cabledesk_{language}.qm")):
        app.installTranslator(ours)
    qt = QTranslator(app)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{language}", qt_folder):
        app.installTranslator(qt)
    QLocale.setDefault(QLocale(language))
    return language

"""Text from outside shown as text, in every widget.

Qt guesses whether the text of a label is rich text (``Qt.TextFormat.AutoText``,
QLabel's default, and that of the labels inside QMessageBox, QProgressDialog and
tool tips): a card name such as ``<b>Alice</b> <a href=…>`` would be rendered as
markup — a warning pushed out of sight, a link drawn. Names, posts, subjects,
captions, file and attachment names, comments and audit details are data, so
every label of the desktop is made here, as plain text: :class:`PlainLabel`,
:func:`message_box` (and :func:`inform`, :func:`ask`), :func:`progress_dialog`
and :func:`plain_tooltip`. ``tests/ui/test_hostile_text.py`` checks that no
module of ``cabledesk/ui`` makes one any other way.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QMessageBox, QProgressDialog, QWidget

__all__ = [
    "PlainLabel",
    "ask",
    "inform",
    "make_labels_plain",
    "message_box",
    "plain_tooltip",
    "progress_dialog",
]

_PLAIN = Qt.TextFormat.PlainText


class PlainLabel(QLabel):
    """A QLabel that shows its text as it is, never as markup."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(_PLAIN)
        self.setText(text)


def make_labels_plain(widget: QWidget) -> None:
    """Make every label inside ``widget`` show plain text (the labels a Qt dialog
    makes for itself)."""
    for label in widget.findChildren(QLabel):
        label.setTextFormat(_PLAIN)


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    *,
    informative: str = "",
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
) -> QMessageBox:
    """A message box whose text and informative text are plain text."""
    box = QMessageBox(icon, title, "", buttons, parent)
    box.setTextFormat(_PLAIN)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    make_labels_plain(box)
    return box


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """Say ``text`` in a modal box (QMessageBox.information, as plain text)."""
    message_box(parent, QMessageBox.Icon.Information, title, text).exec()


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = (
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    ),
) -> QMessageBox.StandardButton:
    """Ask ``text`` in a modal box (QMessageBox.question, as plain text); the button
    chosen."""
    box = message_box(parent, QMessageBox.Icon.Question, title, text, buttons=buttons)
    return QMessageBox.StandardButton(box.exec())


def progress_dialog(
    text: str, cancel: str, minimum: int, maximum: int, parent: QWidget | None
) -> QProgressDialog:
    """A progress dialog whose label shows ``text`` as plain text."""
    dialog = QProgressDialog("", cancel, minimum, maximum, parent)
    dialog.setLabel(PlainLabel(text, dialog))
    return dialog


def plain_tooltip(text: str) -> str:
    """``text`` written so that a tool tip shows it as it is: Qt renders a tool tip
    that looks like rich text, so such a text is escaped into rich text that reads
    as the original (line breaks kept)."""
    if not GuiQt.mightBeRichText(text):
        return text
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"

"""Errors become words here, and only here, for the desktop application.

:func:`describe` turns an exception into a title, a message and a hint for a
person: a :class:`~cabledesk.errors.CableDeskError` keeps its message and hint
(translated when the French catalogue has that exact sentence), anything
else becomes "an unexpected error" whose details (type and traceback, never
cable text or key material: the core never puts those in an exception) can
be copied for a report. :func:`show_error` shows it in a dialog.
"""

from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from cabledesk.errors import (
    CableDeskError,
    Cancelled,
    KeychainUnavailable,
    NoIdentityMatch,
    PolicyRefusal,
    SignatureInvalid,
    VaultLocked,
    WrongPassphrase,
)
from cabledesk.ui.phrases import in_words, translated

__all__ = ["Problem", "describe", "show_error"]

log = logging.getLogger(__name__)


# Literal sentences are written translate("errors", …) so that lupdate finds them; the core's
# messages reach the catalogue through resources/translations/core_messages.py.
translate = QCoreApplication.translate


@dataclass(frozen=True, slots=True)
class Problem:
    title: str
    message: str
    hint: str = ""
    details: str = ""  # for "copy details"; empty for errors the user can act on
    cancelled: bool = False


def _title(exc: CableDeskError) -> str:
    titles: list[tuple[type[CableDeskError], str]] = [
        (WrongPassphrase, translate("errors", "Wrong passphrase")),
        (VaultLocked, translate("errors", "The vault is locked")),
        (KeychainUnavailable, translate("errors", "Keychain not available")),
        (NoIdentityMatch, translate("errors", "Not addressed to you")),
        (SignatureInvalid, translate("errors", "Signature not valid")),
        (PolicyRefusal, translate("errors", "Not allowed by the release policy")),
    ]
    for kind, title in titles:
        if isinstance(exc, kind):
            return title
    return translate("errors", "CableDesk could not do this")


def describe(exc: BaseException) -> Problem:
    """The words for ``exc`` (see the module docstring)."""
    if isinstance(exc, Cancelled):
        return Problem(
            translate("errors", "Cancelled"),
            translate("errors", "The operation was cancelled."),
            cancelled=True,
        )
    if isinstance(exc, CableDeskError):
        message = in_words(exc.phrase) if exc.phrase else translated(exc.message)
        hint = (
            in_words(exc.hint_phrase)
            if exc.hint_phrase
            else (translated(exc.hint) if exc.hint else "")
        )
        return Problem(_title(exc), message, hint)
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    log.error("unexpected error: %s", details)
    return Problem(
        translate("errors", "Unexpected error"),
        translate(
            "errors", "Something went wrong inside CableDesk ({0}). Your vault is not affected."
        ).format(type(exc).__name__),
        translate(
            "errors", "If it happens again, copy the details and send them to your IT department."
        ),
        details,
    )


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """A modal dialog for ``exc``; nothing for a cancellation the user asked for."""
    problem = describe(exc)
    if problem.cancelled:
        return
    box = QMessageBox(parent)
    box.setObjectName("errorDialog")
    box.setIcon(QMessageBox.Icon.Warning if not problem.details else QMessageBox.Icon.Critical)
    box.setWindowTitle(problem.title)
    box.setText(problem.message)
    box.setInformativeText(problem.hint)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    if problem.details:
        box.setDetailedText(problem.details)
        copy = box.addButton(
            translate("errors", "Copy details and close"), QMessageBox.ButtonRole.ActionRole
        )
        copy.clicked.connect(lambda: QApplication.clipboard().setText(problem.details))
    box.exec()

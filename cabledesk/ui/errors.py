"""Errors become words here, and only here, for the desktop application.

:func:`describe` turns an exception into a title, a message and a hint for a
person. A :class:`~cabledesk.errors.CableDeskError` keeps its message and hint
(translated when the French catalogue has that exact sentence): something the
user can act on. Anything else is a bug in CableDesk, and every bug goes to
one handler, :func:`report_bug`: a window that says so and offers a report to
copy (:func:`~cabledesk.ui.bug_report.bug_report`: version, platform, Qt and Python, the exception's
type and where in CableDesk's code it arose — never its message, which may
quote a file, nor any variable's value). Bugs reach it from the worker
relay (:class:`~cabledesk.ui.workers.Workers` hands it every unexpected
failure of a job) and, for the GUI thread, from :func:`install_excepthook`.
:func:`show_error` shows an error in a dialog (a bug already reported is not
shown twice).
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING

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
from cabledesk.ui.plain import message_box

if TYPE_CHECKING:
    from cabledesk.ui.bug_report import BugReportDialog

__all__ = [
    "Problem",
    "describe",
    "install_excepthook",
    "is_bug",
    "report_bug",
    "show_error",
]

log = logging.getLogger(__name__)

_REPORTED = "_cabledesk_reported"

# Literal sentences are written translate("errors", …) so that lupdate finds them; the core's
# messages reach the catalogue through resources/translations/core_messages.py.
translate = QCoreApplication.translate


@dataclass(frozen=True, slots=True)
class Problem:
    title: str
    message: str
    hint: str = ""
    details: str = ""  # the bug report; empty for errors the user can act on
    cancelled: bool = False

    @property
    def bug(self) -> bool:
        return bool(self.details)


def is_bug(exc: BaseException) -> bool:
    """True for an exception no CableDesk code meant a person to see."""
    return isinstance(exc, Exception) and not isinstance(exc, CableDeskError)


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
    return Problem(
        translate("errors", "This is a bug in CableDesk"),
        translate(
            "errors",
            "Something went wrong inside CableDesk ({0}): a bug, not something you did. "
            "Your vault is not affected.",
        ).format(type(exc).__name__),
        translate("errors", "Copy the bug report and send it to your IT department."),
        _report(exc),
    )


def _report(exc: BaseException) -> str:
    from cabledesk.ui.bug_report import bug_report  # only when there is a bug

    return bug_report(exc)


def _already_reported(exc: BaseException) -> bool:
    if getattr(exc, _REPORTED, False):
        return True
    # An exception without attributes of its own may be shown twice.
    with contextlib.suppress(AttributeError, TypeError):
        setattr(exc, _REPORTED, True)
    return False


def _window(parent: QWidget | None) -> QWidget | None:
    if parent is not None:
        return parent.window()
    active = QApplication.activeWindow()
    if active is not None:
        return active
    return next((w for w in QApplication.topLevelWidgets() if w.isVisible()), None)


def report_bug(exc: BaseException, parent: QWidget | None = None) -> BugReportDialog | None:
    """THE handler of bugs (see the module docstring): log the report and show it, once
    per exception. Returns the dialog (None when this exception was reported already)."""
    if _already_reported(exc):
        return None
    from PySide6.QtCore import Qt  # Qt's namespace, and the dialog, only for a bug

    from cabledesk.ui.bug_report import BugReportDialog

    report = _report(exc)
    log.error("bug in CableDesk:\n%s", report)
    window = _window(parent)
    dialog = BugReportDialog(report, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if window is None:
        dialog.exec()  # no window to keep it: it holds the screen until closed
    else:
        dialog.show()  # not modal: the window it came from stays usable
        dialog.raise_()
    return dialog


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """A modal dialog for an error the user can act on; a bug goes to :func:`report_bug`;
    nothing for a cancellation the user asked for."""
    problem = describe(exc)
    if problem.cancelled:
        return
    if problem.bug:
        report_bug(exc, parent)
        return
    box = message_box(
        parent,
        QMessageBox.Icon.Warning,
        problem.title,
        problem.message,
        informative=problem.hint or "",
    )
    box.setObjectName("errorDialog")
    box.exec()


def install_excepthook() -> Callable[[], None]:
    """Send exceptions that escape a slot on the GUI thread to the one handler. A hook
    installed before (a debugger's, a test runner's) still runs after it; Python's own
    does not, since it would print the exception's message — which may quote a cable —
    to a log. Returns a function that puts the previous hook back."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        on_gui = threading.current_thread() is threading.main_thread()
        if on_gui and QApplication.instance() is not None and isinstance(exc, Exception):
            if exc.__traceback__ is None:
                exc = exc.with_traceback(tb)
            show_error(None, exc)
            if previous is not sys.__excepthook__:
                previous(kind, exc, tb)
            return
        previous(kind, exc, tb)

    sys.excepthook = hook

    def uninstall() -> None:
        if sys.excepthook is hook:
            sys.excepthook = previous

    return uninstall

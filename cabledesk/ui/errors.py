"""Errors become words here, and only here, for the desktop application.

:func:`describe` turns an exception into a title, a message and a hint for a
person. A :class:`~cabledesk.errors.CableDeskError` keeps its message and hint
(translated when the French catalogue has that exact sentence): something the
user can act on. Anything else is a bug in CableDesk, and every bug goes to
one handler, :func:`report_bug`: a window that says so and offers a report to
copy (:func:`bug_report`: version, platform, Qt and Python, the exception's
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
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from cabledesk import __version__
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

__all__ = [
    "BugReportDialog",
    "Problem",
    "bug_report",
    "describe",
    "install_excepthook",
    "is_bug",
    "report_bug",
    "show_error",
]

log = logging.getLogger(__name__)

# The folder that holds the package: file names in a report are relative to it.
SOURCE_ROOT = Path(__file__).resolve().parents[2]
MAX_CHAINED = 5  # causes and contexts followed, at most
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
        bug_report(exc),
    )


# --- the bug report -----------------------------------------------------------------


def _where(filename: str) -> str:
    """A source file's name without the folders of this machine."""
    if filename.startswith("<"):
        return filename  # <frozen …>, <string>
    path = Path(filename)
    try:
        return path.resolve().relative_to(SOURCE_ROOT).as_posix()
    except (OSError, ValueError):
        pass
    for entry in sorted((p for p in sys.path if p), key=len, reverse=True):
        try:
            return "…/" + path.resolve().relative_to(Path(entry).resolve()).as_posix()
        except (OSError, ValueError):
            continue
    return "…/" + path.name


def _type_name(exc: BaseException) -> str:
    kind = type(exc)
    module = kind.__module__
    return kind.__qualname__ if module == "builtins" else f"{module}.{kind.__qualname__}"


def _frames(tb: TracebackType | None) -> list[str]:
    lines: list[str] = []
    for frame in traceback.extract_tb(tb):
        lines.append(f'  File "{_where(frame.filename)}", line {frame.lineno}, in {frame.name}')
        if frame.line:
            lines.append(f"    {frame.line.strip()}")
    return lines


def bug_report(exc: BaseException) -> str:
    """What a person can send about a bug: versions, the exception's type and the
    code it went through (file names relative to the package). No message of any
    exception and no variable's value: either may hold cable text, a name or a key."""
    lines = [
        f"CableDesk {__version__}",
        f"Platform: {platform.system()} {platform.release()} ({platform.machine()})",
        f"Python {platform.python_version()} ({platform.python_implementation()}), "
        f"Qt {qVersion()}, PySide6 {pyside_version}",
        f"Thread: {'GUI' if threading.current_thread() is threading.main_thread() else 'worker'}",
        "",
        f"{_type_name(exc)} (message withheld)",
        "Traceback (most recent call last):",
        *_frames(exc.__traceback__),
    ]
    seen = {id(exc)}
    current: BaseException | None = exc
    for _ in range(MAX_CHAINED):
        assert current is not None
        cause = current.__cause__
        if cause is None and not current.__suppress_context__:
            cause = current.__context__
        if cause is None or id(cause) in seen:
            break
        seen.add(id(cause))
        lines += ["", f"While handling {_type_name(cause)} (message withheld):"]
        lines += _frames(cause.__traceback__)
        current = cause
    return "\n".join(lines)


class BugReportDialog(QDialog):
    """Says that a bug happened and shows the report, with a button to copy it."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bugReport")
        self.setWindowTitle(self.tr("This is a bug in CableDesk"))
        self.setMinimumSize(640, 420)
        self.report = report
        headline = QLabel(self.tr("CableDesk met a problem it did not expect."))
        headline.setObjectName("bugHeadline")
        font = headline.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        headline.setFont(font)
        explanation = QLabel(
            self.tr(
                "This is a bug in CableDesk, not something you did. Your vault is not "
                "affected, but what you were doing may not have finished: check it, and try "
                "again.\n\nPlease copy the report below and send it to your IT department. It "
                "holds no cable text, no names and no keys: only the versions, the kind of "
                "problem and where in CableDesk's code it arose."
            )
        )
        explanation.setWordWrap(True)
        self.text = QPlainTextEdit(report)
        self.text.setObjectName("bugReportText")
        self.text.setAccessibleName(self.tr("Bug report"))
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(
            self.tr("Copy report"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.setObjectName("copyBugReport")
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(headline)
        layout.addWidget(explanation)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QApplication.clipboard().setText(self.report)
        self.copy_button.setText(self.tr("Copied"))


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
    report = bug_report(exc)
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
    box = QMessageBox(parent)
    box.setObjectName("errorDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(problem.title)
    box.setText(problem.message)
    box.setInformativeText(problem.hint)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
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

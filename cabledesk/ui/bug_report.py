"""The bug report: what a person can send about a bug, and the window that shows it.

:func:`bug_report` writes the versions, the exception's type and the code it went
through, with file names relative to the package — never an exception's message
or a variable's value, which may hold cable text, a name or a key.
:class:`BugReportDialog` shows it with a button to copy it. Only
:func:`cabledesk.ui.errors.report_bug` uses them, when a bug happens: this module
(and ``platform``, and Qt's namespace) stays off the path to the first window.
"""

from __future__ import annotations

import platform
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from cabledesk import __version__
from cabledesk.ui.plain import PlainLabel

__all__ = ["MAX_CHAINED", "SOURCE_ROOT", "BugReportDialog", "bug_report"]

# The folder that holds the package: file names in a report are relative to it.
SOURCE_ROOT = Path(__file__).resolve().parents[2]
MAX_CHAINED = 5  # causes and contexts followed, at most


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
        headline = PlainLabel(self.tr("CableDesk met a problem it did not expect."))
        headline.setObjectName("bugHeadline")
        font = headline.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        headline.setFont(font)
        explanation = PlainLabel(
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

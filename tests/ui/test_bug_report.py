"""The one handler of bugs: a window that says "this is a bug in CableDesk" with a report
to copy — versions, platform, the exception's type and where in the code — and never
the text of a message, a cable or a passphrase."""

from __future__ import annotations

import platform
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, qVersion
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from cabledesk import __version__
from cabledesk.domain.cable import Cable
from cabledesk.errors import VaultError
from cabledesk.services.drafts import SaveResult
from cabledesk.services.session import Session
from cabledesk.ui.bug_report import BugReportDialog, bug_report
from cabledesk.ui.editor.cable_editor import CableEditor
from cabledesk.ui.errors import describe, install_excepthook, show_error
from cabledesk.ui.workers import JobContext, Workers
from tests.vaultkit import PASSPHRASE

CABLE_TEXT = "(S//NF) The minister said privately that Paris would not block the communique."


def _parse(paragraph: str, secret: str) -> None:
    words = paragraph.split()  # a local variable holding cable text
    raise ValueError(f"cannot read {words[-1]} in {paragraph!r} with {secret}")


def _failing() -> None:
    try:
        _parse(CABLE_TEXT, PASSPHRASE)
    except ValueError as exc:
        raise KeyError(f"paragraph {CABLE_TEXT}") from exc


def _caught() -> BaseException:
    try:
        _failing()
    except KeyError as exc:
        return exc
    raise AssertionError("no exception")


@pytest.fixture(autouse=True)
def close_bug_windows() -> Iterator[None]:
    yield
    for window in _bug_windows():
        window.close()


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _bug_windows() -> list[BugReportDialog]:
    return [
        w for w in QApplication.allWidgets() if isinstance(w, BugReportDialog) and w.isVisible()
    ]


def test_the_report_says_where_never_what(tmp_path: Path) -> None:
    report = bug_report(_caught())
    lines = report.splitlines()
    assert lines[0] == f"CableDesk {__version__}"
    assert f"Python {platform.python_version()}" in report and f"Qt {qVersion()}" in report
    assert platform.system() in lines[1]
    assert "KeyError (message withheld)" in report
    assert "While handling ValueError (message withheld):" in report
    assert 'File "tests/ui/test_bug_report.py"' in report  # relative to the package's folder
    assert "in _parse" in report and "in _failing" in report
    for secret in (CABLE_TEXT, "communique", PASSPHRASE, "horse battery", str(Path.home())):
        assert secret not in report, secret
    assert str(Path(__file__).resolve().parents[2]) not in report  # no folder of this machine


def test_describe_and_show_error_send_bugs_to_the_handler_once(
    qtbot: QtBot, parent: QWidget
) -> None:
    exc = _caught()
    problem = describe(exc)
    assert problem.bug and problem.title == "This is a bug in CableDesk"
    assert "KeyError" in problem.message and CABLE_TEXT not in problem.message + problem.hint
    show_error(parent, exc)
    show_error(parent, exc)  # a caller showing it again: still one window
    [window] = _bug_windows()
    assert window.report == bug_report(exc)
    assert window.text.toPlainText() == window.report and window.text.isReadOnly()
    window.copy_button.click()
    assert QApplication.clipboard().text() == window.report
    assert window.copy_button.text() == "Copied"
    assert not describe(VaultError("The vault is busy.")).bug


def test_the_worker_relay_reports_a_jobs_bug_and_the_job_still_ends(
    qtbot: QtBot, parent: QWidget
) -> None:
    failed: list[BaseException] = []

    def work(ctx: JobContext) -> None:
        _failing()

    parent.activateWindow()
    Workers(synchronous=True).run("buggy", work, on_failed=failed.append)
    Workers(synchronous=True).run("refused", lambda ctx: _refuse(), on_failed=failed.append)
    [window] = _bug_windows()  # the refusal is for its caller to say, not a bug
    assert isinstance(failed[0], KeyError) and isinstance(failed[1], VaultError)
    assert CABLE_TEXT not in window.report


def _refuse() -> None:
    raise VaultError("The vault is busy in another CableDesk window or command.")


@pytest.fixture
def hook() -> Iterator[None]:
    uninstall = install_excepthook()
    yield
    uninstall()


@pytest.mark.qt_no_exception_capture
def test_a_bug_on_the_gui_thread_reaches_the_handler(
    qtbot: QtBot, parent: QWidget, hook: None, capfd: pytest.CaptureFixture[str]
) -> None:
    parent.activateWindow()
    QTimer.singleShot(0, _failing)  # raises in a slot, as a buggy button handler would
    qtbot.waitUntil(lambda: bool(_bug_windows()))
    [window] = _bug_windows()
    assert "KeyError (message withheld)" in window.report
    err = capfd.readouterr().err
    assert CABLE_TEXT not in err and "communique" not in err  # Python's hook did not print it


def test_a_bug_while_saving_is_reported_and_the_editor_says_what_is_kept(
    qtbot: QtBot, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(cable: Cable, *, justification: str = "") -> SaveResult:
        raise RuntimeError(f"could not write {cable.paragraphs[0].text}")

    editor = CableEditor(session, Workers(synchronous=True))
    qtbot.addWidget(editor)
    editor.show()
    saved = session.drafts.current(session.drafts.new().id)
    editor.open_draft(saved.cable, saved.saved)
    monkeypatch.setattr(session.drafts, "save", broken)
    said: list[str] = []
    editor.save_refused.connect(said.append)
    editor.body.insertPlainText(CABLE_TEXT)
    editor.save()
    [window] = _bug_windows()
    assert "RuntimeError (message withheld)" in window.report and CABLE_TEXT not in window.report
    assert len(said) == 1 and "CableDesk met a bug (see the bug report)" in said[0]
    assert "The version of" in said[0] and editor.dirty
    window.close()

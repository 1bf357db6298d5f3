from __future__ import annotations

import threading

import pytest
import shiboken6
from pytestqt.qtbot import QtBot

from cabledesk.errors import Cancelled, WrongPassphrase
from cabledesk.ui.errors import describe
from cabledesk.ui.workers import JobContext, Workers, while_alive


def test_results_progress_and_failures_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    workers = Workers()
    gui = threading.get_ident()
    seen: list[tuple[str, object, int]] = []

    def work(ctx: JobContext) -> str:
        for i in range(3):
            ctx.progress(i)
        return f"ran on {threading.get_ident() != gui}"

    workers.run(
        "work",
        work,
        on_progress=lambda v: seen.append(("progress", v, threading.get_ident())),
        on_done=lambda r: seen.append(("done", r, threading.get_ident())),
    )
    qtbot.waitUntil(lambda: any(s[0] == "done" for s in seen), timeout=5000)
    assert [s[:2] for s in seen] == [("progress", 0), ("progress", 1), ("progress", 2),
                                     ("done", "ran on True")]  # fmt: skip
    assert {s[2] for s in seen} == {gui}

    def fail(ctx: JobContext) -> None:
        raise WrongPassphrase("The passphrase is wrong.")

    errors: list[BaseException] = []
    workers.run("fail", fail, on_failed=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], WrongPassphrase)
    assert workers.wait()


def test_cancel_reaches_the_job(qtbot: QtBot) -> None:
    workers = Workers()
    started = threading.Event()

    def long(ctx: JobContext) -> None:
        started.set()
        while not ctx.cancelled():
            threading.Event().wait(0.01)
        raise Cancelled("The operation was cancelled.")

    errors: list[BaseException] = []
    job = workers.run("long", long, on_failed=errors.append)
    assert started.wait(5)
    job.cancel()
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], Cancelled) and describe(errors[0]).cancelled


def test_synchronous_workers_for_tests() -> None:
    workers = Workers(synchronous=True)
    results: list[object] = []
    workers.run("now", lambda ctx: 42, on_done=results.append)
    assert results == [42] and not workers.busy


def test_describe_keeps_messages_and_hides_tracebacks() -> None:
    problem = describe(WrongPassphrase("The passphrase is wrong.", hint="Check Caps Lock."))
    assert (problem.title, problem.message, problem.hint, problem.details) == (
        "Wrong passphrase", "The passphrase is wrong.", "Check Caps Lock.", "",
    )  # fmt: skip
    secret = "boom"
    try:
        raise KeyError(secret)
    except KeyError as exc:
        problem = describe(exc)
    assert problem.title == "This is a bug in CableDesk" and "KeyError" in problem.message
    assert problem.bug and "Traceback" in problem.details and "boom" not in problem.details


@pytest.fixture(autouse=True)
def _quiet_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("CRITICAL")


def test_a_result_for_a_closed_dialog_is_dropped(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QDialog

    dialog = QDialog()
    seen: list[object] = []
    deliver = while_alive(dialog, seen.append)
    deliver(1)
    shiboken6.delete(dialog)  # closed and deleted before the job ended
    deliver(2)
    assert seen == [1]

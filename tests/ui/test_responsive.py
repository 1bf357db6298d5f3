"""The window stays responsive while the vault is busy: no screen reads or writes the
database on the GUI thread.

Another thread holds the vault's database (its connection lock and SQLite's write
lock, as a long import or a large sealing does for its whole transaction) while the
seal dialog ticks recipients, the lists refresh, the contacts, the audit log and a
draft open and the editor saves, and while the export dialog opens and its choices
change. Every one of those calls returns at once, and a
timer on the GUI thread keeps firing; once the database is free, everything they
asked for arrives.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from cabledesk.services.archive import SearchFilters
from cabledesk.services.session import Session
from cabledesk.ui._recipients_model import RecipientsModel
from cabledesk.ui.export_dialog import ExportDialog
from cabledesk.ui.main_window import MainWindow
from cabledesk.ui.seal_dialog import SealDialog
from cabledesk.ui.workers import Workers
from tests.ui.demo_vault import DRAFT, build_demo_vault

HELD_FOR_S = 1.0  # how long the event loop runs while the database is held
HOLD_AT_MOST_S = 5  # a GUI call that waits for the database returns only then
SLOWEST_CALL_S = 1.0  # what a busy 2-core machine may take to lay out a screen


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Session]:
    session = build_demo_vault(tmp_path, frus=20)
    yield session
    if not session.locked:
        session.lock()


class _Hold:
    """Holds the vault's database from another thread until released."""

    def __init__(self, session: Session) -> None:
        self._held = threading.Event()
        self._release = threading.Event()
        self._thread = threading.Thread(target=self._hold, args=(session,), daemon=True)

    def _hold(self, session: Session) -> None:
        with session.vault.transaction():  # BEGIN IMMEDIATE, on the one shared connection
            self._held.set()
            self._release.wait(HOLD_AT_MOST_S)

    def __enter__(self) -> _Hold:
        self._thread.start()
        assert self._held.wait(10)
        return self

    def __exit__(self, *exc: object) -> None:
        self._release.set()
        self._thread.join(10)


@pytest.mark.slow
def test_the_gui_thread_never_waits_for_the_database(qtbot: QtBot, demo: Session) -> None:
    workers = Workers()
    window = MainWindow(demo, workers, None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=5000)  # the two drafts
    window.list.setCurrentIndex(window.model.index(0))
    window.open_current()
    qtbot.waitUntil(lambda: window.editor.draft_id is not None, timeout=5000)
    edited = window.editor.draft_id
    seal = SealDialog(demo, workers, DRAFT, window)
    qtbot.addWidget(seal)
    qtbot.waitUntil(lambda: seal.model.rowCount() > 0, timeout=5000)
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(10)
    calls: list[float] = []

    def timed(call: Callable[[], object]) -> None:
        start = time.monotonic()
        call()
        calls.append(time.monotonic() - start)

    with _Hold(demo):
        timed(lambda: seal.tick("Klaus"))  # the policy check reads nothing from the vault
        qtbot.waitUntil(lambda: seal.check is not None and bool(seal.check.decisions), timeout=3000)
        timed(lambda: seal.tick("Sam"))
        timed(lambda: window.show_section("sent"))
        timed(lambda: window.search("summit", SearchFilters()))
        timed(lambda: window.sidebar.select("contacts"))
        timed(lambda: window.sidebar.select("audit"))
        timed(lambda: window.sidebar.select("drafts"))
        timed(lambda: window.editor.body.insertPlainText(" Written while the vault is busy."))
        timed(window.editor.save)
        window.list.setCurrentIndex(window.model.index(1))
        timed(window.open_current)
        timed(window.new_draft)
        start = time.monotonic()
        qtbot.wait(int(HELD_FOR_S * 1000))
        waited = time.monotonic() - start
        assert max(calls) < SLOWEST_CALL_S, calls
        assert window.editor.saving  # its save waits on the write thread, not here
    assert waited < HELD_FOR_S + SLOWEST_CALL_S
    during = [t for t in ticks if start <= t <= start + waited]
    assert len(during) >= 10  # the timer kept firing (every 10 ms when the machine is idle)
    gaps = [b - a for a, b in itertools.pairwise(during)]
    assert max(gaps) < SLOWEST_CALL_S
    timer.stop()
    # Once the database is free, what was asked for arrives.
    qtbot.waitUntil(lambda: not window.editor.saving and not workers.busy, timeout=10_000)
    policy = [str(seal.model.index(r, RecipientsModel.POLICY).data() or "") for r in range(7)]
    assert sum(1 for text in policy if text) == 2  # Klaus and Sam
    assert window.model.rowCount() == 3  # the two drafts, and the new one
    assert window.editor.draft_id not in (None, edited)  # the new draft is open
    saved = demo.drafts.load(edited or "")
    assert "Written while the vault is busy." in saved.paragraphs[-1].text
    assert workers.wait()


@pytest.mark.slow
def test_the_export_dialog_checks_its_choices_off_the_gui_thread(
    qtbot: QtBot, demo: Session
) -> None:
    """The export dialog renders the cable and reads the ceiling and the paper size on
    the worker pool: it opens and follows the choices while the vault is held, Export
    waits for the answer, and the answer of an older choice is dropped."""
    demo.settings.set("paper", "letter")
    workers = Workers()
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(10)
    calls: list[float] = []
    made: list[ExportDialog] = []

    def timed(call: Callable[[], object]) -> None:
        start = time.monotonic()
        call()
        calls.append(time.monotonic() - start)

    with _Hold(demo):
        timed(lambda: made.append(ExportDialog(demo, workers, DRAFT)))
        dialog = made[0]
        qtbot.addWidget(dialog)
        timed(dialog.show)
        timed(lambda: dialog.level.setCurrentIndex(dialog.level.findData("CONFIDENTIAL")))
        timed(lambda: dialog.level.setCurrentIndex(dialog.level.findData("UNCLASSIFIED")))
        start = time.monotonic()
        qtbot.wait(int(HELD_FOR_S * 1000))
        waited = time.monotonic() - start
        assert max(calls) < SLOWEST_CALL_S, calls
        assert dialog.checking and not dialog.export_button.isEnabled()  # the vault is busy
    assert waited < HELD_FOR_S + SLOWEST_CALL_S
    during = [t for t in ticks if start <= t <= start + waited]
    assert len(during) >= 10
    assert max(b - a for a, b in itertools.pairwise(during)) < SLOWEST_CALL_S
    timer.stop()
    qtbot.waitUntil(lambda: not dialog.checking and not workers.busy, timeout=10_000)
    assert dialog.verdict.text().startswith(  # the newest choice
        "The document will be a sanitized version, marked UNCLASSIFIED."
    )
    assert dialog.export_button.isEnabled()
    assert dialog.paper.currentData() == "letter"  # the stored paper size, read off the GUI
    assert workers.wait()

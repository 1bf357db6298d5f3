"""Issue 19, point 3: the draft → mark → seal flow without a mouse, and the keys it needs.

Everything here is typed with QTest key clicks into whichever widget has the focus, as
a person at the keyboard would; a modal dialog is answered by keys sent from a timer
while it runs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from cabledesk.services.archive import Direction
from cabledesk.services.session import Session
from cabledesk.ui.editor.header_form import HeaderForm
from cabledesk.ui.main_window import MainWindow
from cabledesk.ui.seal_dialog import SealDialog
from cabledesk.ui.shortcuts_dialog import ShortcutsDialog
from cabledesk.ui.workers import Workers
from tests.ui.conftest import SCHEMES
from tests.ui.demo_vault import DRAFT, build_demo_vault

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Session]:
    session = build_demo_vault(tmp_path, frus=5)
    yield session
    if not session.locked:
        session.lock()


@pytest.fixture
def window(qtbot: QtBot, demo: Session) -> MainWindow:
    w = MainWindow(demo, Workers(synchronous=True), None)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    return w


def focus_back(qtbot: QtBot, window: MainWindow) -> QWidget:
    """The widget of ``window`` that has the focus once the window is active again."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None, timeout=2000)
    widget = focused()
    assert widget.window() is window and widget.isEnabled() and widget.isVisible()
    return widget


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(key: Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), key, modifier)


def type_text(text: str) -> None:
    QTest.keyClicks(focused(), text)


failures: list[BaseException] = []


def when_modal(qtbot: QtBot, answer: Callable[[QWidget], None]) -> None:
    """Once a modal dialog is up (it runs its own loop), ``answer`` it with keys; a
    failure closes the dialog and is raised by :func:`no_failures`."""

    def check() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None:
            QTimer.singleShot(20, check)
            return
        try:
            modal.activateWindow()  # as the window manager does with a new dialog
            qtbot.waitUntil(modal.isActiveWindow, timeout=2000)
            answer(modal)
        except BaseException as exc:  # a failed check must not leave the dialog waiting
            failures.append(exc)
            modal.close()

    QTimer.singleShot(0, check)


@pytest.fixture(autouse=True)
def no_failures() -> Iterator[None]:
    failures.clear()
    yield
    if failures:
        raise failures[0]


def mark_menu(window: MainWindow) -> QMenu:
    menu = window.editor.body.findChild(QMenu, "markMenu")
    assert menu is not None and menu.isVisible()
    return menu


def test_the_header_is_tabbed_down_each_column(qtbot: QtBot) -> None:
    form = HeaderForm(SCHEMES)
    form.load(DRAFT)
    names = [w.accessibleName() for w in form.tab_order()]
    assert names.index("Information addressees") + 1 == names.index("Serial number")
    assert names.index("Classified by") + 1 == names.index("Derived from")
    assert names.index("Derived from") + 1 == names.index("Classification reasons")


def test_tab_follows_the_header_columns(qtbot: QtBot, window: MainWindow) -> None:
    window.actions_by_name["new"].trigger()
    window.editor.header.originator.setFocus()
    visited = []
    for _ in range(12):
        visited.append(focused().accessibleName())
        press(Key.Key_Tab)
    assert visited[:3] == ["From (originating post)", "Action addressees", "Information addressees"]
    assert "TAGS" not in visited[:3]
    reasons_from = window.editor.header.classified_by
    reasons_from.setFocus()
    press(Key.Key_Tab)
    assert focused() is window.editor.header.derived_from
    press(Key.Key_Tab)
    assert focused() is window.editor.header.reasons
    press(Key.Key_Tab)
    assert focused() is window.editor.header.declassify_on


def test_the_portion_mark_command_is_in_the_edit_menu_with_its_key(window: MainWindow) -> None:
    action = window.actions_by_name["mark"]
    assert action.shortcut().toString() == "Ctrl+M"
    edit = next(m for m in window.menuBar().findChildren(QMenu) if "Edit" in m.title())
    assert action in edit.actions()


def test_help_lists_the_keyboard_shortcuts(qtbot: QtBot, window: MainWindow) -> None:
    shown: list[list[tuple[str, str]]] = []

    def answer(modal: QWidget) -> None:
        assert isinstance(modal, ShortcutsDialog)
        shown.append(modal.rows())
        QTest.keyClick(modal, Key.Key_Escape)

    when_modal(qtbot, answer)
    press(Key.Key_F1)
    [rows] = shown
    keys = dict(rows)
    assert keys["Seal"] == "Ctrl+Shift+S" and keys["Portion Mark"] == "Ctrl+M"
    assert any(k == "Menu key, Shift+F10" for _, k in rows)
    focus_back(qtbot, window)


def test_the_first_down_in_the_mark_menu_highlights_the_first_mark_and_chooses_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.actions_by_name["new"].trigger()
    window.editor.body.setFocus()
    type_text("(S) A secret paragraph.")
    assert window.editor.body.current_mark() == "(S)"
    press(Key.Key_M, CTRL)
    menu = mark_menu(window)
    assert menu.activeAction() is None
    QTest.keyClick(menu, Key.Key_Down)
    active = menu.activeAction()
    assert active is not None and active.text() == menu.actions()[0].text() == "(U)"
    assert window.editor.body.current_mark() == "(S)"  # highlighted, not chosen
    QTest.keyClick(menu, Key.Key_Escape)
    assert window.editor.body.current_mark() == "(S)"


@pytest.mark.parametrize(
    ("key", "modifier"),
    [(Key.Key_F10, SHIFT), (Key.Key_Menu, Qt.KeyboardModifier.NoModifier)],
    ids=["shift-f10", "menu-key"],
)
def test_the_context_menu_key_opens_the_mark_menu(
    qtbot: QtBot, window: MainWindow, key: Key, modifier: Qt.KeyboardModifier
) -> None:
    window.actions_by_name["new"].trigger()
    window.editor.body.setFocus()
    type_text("Paragraph.")
    press(key, modifier)
    menu = mark_menu(window)
    QTest.keyClick(menu, Key.Key_Escape)


@pytest.mark.slow
@pytest.mark.modal_boxes
def test_draft_mark_and_seal_with_the_keyboard_only(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    output = tmp_path / "keyboard.cable"
    press(Key.Key_N, CTRL)  # File → New Draft: the focus goes to the subject
    assert focused() is window.editor.header.subject
    type_text("KEYBOARD: A CABLE WITHOUT A MOUSE")
    for _ in range(8):  # back up the right column, then up to TO
        press(Key.Key_Tab, SHIFT)
    assert focused() is window.editor.header.to
    type_text("SECSTATE WASHDC")
    for _ in range(4):  # INFO, then down the right column: Serial, Captions, TAGS
        press(Key.Key_Tab)
    assert focused() is window.editor.header.tags
    type_text("PREL")
    window.editor.header.subject.setFocus()  # where it was (a person would Tab back)
    for _ in range(4):  # subject → classified by → derived from → reasons → declassify on
        press(Key.Key_Tab)
    assert focused() is window.editor.header.declassify_on
    press(Key.Key_Tab, SHIFT)
    type_text("1.4(d)")
    press(Key.Key_Tab)
    type_text("2036-01-01")
    window.editor.header.classified_by.setFocus()  # Shift+Tab x3 would do the same
    press(Key.Key_Tab, SHIFT)
    press(Key.Key_Tab)
    type_text("Jane Doe, Ambassador")
    press(Key.Key_Tab)  # derived from
    press(Key.Key_Tab)  # reasons
    press(Key.Key_Tab)  # declassify on
    press(Key.Key_Tab)  # the text of the cable
    assert focused() is window.editor.body
    type_text("The talks resumed today.")
    press(Key.Key_M, CTRL)
    menu = mark_menu(window)
    for _ in range(2):
        QTest.keyClick(menu, Key.Key_Down)  # (U), (C)
    QTest.keyClick(menu, Key.Key_Return)
    assert window.editor.body.current_mark() == "(C)"
    assert window.editor.banner.text() == "CONFIDENTIAL"

    sealed: list[SealDialog] = []

    def confirm_sealed(box: QWidget) -> None:
        QTest.keyClick(box, Key.Key_Return)  # "Sealed … for: …"

    def seal_with_keys(modal: QWidget) -> None:
        assert isinstance(modal, SealDialog)
        sealed.append(modal)
        qtbot.waitUntil(lambda: modal.check is not None, timeout=3000)
        modal.recipients.setFocus()  # the first stop of Tab in the dialog
        for _ in range(20):
            press(Key.Key_Down)
            if str(modal.recipients.currentIndex().data()).startswith("Klaus"):
                break
        press(Key.Key_Space)  # tick Klaus
        assert [c.name for c in modal.chosen()] == ["Klaus Weber"]
        qtbot.waitUntil(lambda: modal.check is not None, timeout=3000)
        assert modal.seal_button.isEnabled(), modal.findings.text()
        modal.output.setFocus()
        press(Key.Key_A, CTRL)
        type_text(str(output))
        for _ in range(20):
            if focused() is modal.seal_button:
                break
            press(Key.Key_Tab)
        assert focused() is modal.seal_button, focused()
        when_modal(qtbot, confirm_sealed)
        press(Key.Key_Space)

    when_modal(qtbot, seal_with_keys)
    press(Key.Key_S, CTRL | SHIFT)
    [dialog] = sealed
    assert dialog.outcome is not None and output.exists()
    assert window.session.archive.count(Direction.SENT) == 1
    assert focus_back(qtbot, window) is window.list  # not lost after the dialog
    assert window.sidebar.current_section() == "sent"

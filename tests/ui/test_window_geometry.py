"""Issue 19, point 7: windows fit a 1280×800 and a 200 % screen, dialogs are centred on
their window, the unlock screen after a lock is centred, and unlocking returns to the
view the user was on."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from cabledesk.services.vault_access import VaultAccess
from cabledesk.store.vault import Vault
from cabledesk.ui.controller import AppController
from cabledesk.ui.geometry import MAIN_WINDOW, DialogPlacer, fit_size
from cabledesk.ui.main_window import MainWindow
from cabledesk.ui.seal_dialog import SEAL_DIALOG, SealDialog
from cabledesk.ui.unlock import UnlockWindow
from cabledesk.ui.workers import Workers
from tests.ui.conftest import SCHEMES
from tests.ui.demo_vault import DRAFT
from tests.vaultkit import PASSPHRASE


@pytest.mark.parametrize(
    ("area", "fits_in"),
    [
        (QRect(0, 0, 1280, 800 - 32), QSize(1280, 768)),  # a 1280×800 laptop with its panel
        (QRect(0, 0, 640, 400 - 16), QSize(640, 384)),  # the same at 200 %: 640×400 logical
        (QRect(0, 0, 1366, 768 - 28), QSize(1366, 740)),
    ],
    ids=["1280x800", "1280x800-at-200", "1366x768"],
)
def test_the_main_window_size_fits_the_available_area(area: QRect, fits_in: QSize) -> None:
    size = fit_size(MAIN_WINDOW, area)
    assert size.width() < fits_in.width() and size.height() < fits_in.height()
    assert size.width() >= 0.9 * min(1280, area.width())  # uses the room there is


def test_a_large_screen_gets_the_designed_size() -> None:
    assert fit_size(MAIN_WINDOW, QRect(0, 0, 2560, 1400)) == MAIN_WINDOW


def test_the_main_window_fits_its_screen(qtbot: QtBot, session: object) -> None:
    window = MainWindow(session, Workers(synchronous=True), None)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.show()
    area = window.screen().availableGeometry()
    assert window.frameGeometry().width() <= area.width()
    assert window.frameGeometry().height() <= area.height()
    assert window.minimumSizeHint().width() <= 640  # a 200 % 1280×800 screen still fits


def test_the_seal_dialog_opens_wide_enough_for_its_recipient_columns(
    qtbot: QtBot, session: object
) -> None:
    """Issue 19, point 8: the policy column's words ("Unverified: tick if you trust this
    key") were cut at the dialog's old width; it opens at SEAL_DIALOG where the screen
    has room."""
    dialog = SealDialog(session, Workers(synchronous=True), DRAFT)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    fitted = fit_size(SEAL_DIALOG, dialog.screen().availableGeometry())
    assert dialog.size() == fitted.expandedTo(dialog.minimumSize())
    assert fit_size(SEAL_DIALOG, QRect(0, 0, 1920, 1080)) == SEAL_DIALOG


@pytest.fixture
def placer(qapp: QApplication) -> Iterator[DialogPlacer]:
    placer = DialogPlacer()
    qapp.installEventFilter(placer)
    yield placer
    qapp.removeEventFilter(placer)


def test_dialogs_fit_the_screen_and_are_centred_on_their_window(
    qtbot: QtBot, session: object, placer: DialogPlacer, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = MainWindow(session, Workers(synchronous=True), None)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.resize(700, 500)
    window.move(40, 60)
    window.show()
    dialog = SealDialog(session, Workers(synchronous=True), DRAFT, window)  # type: ignore[arg-type]
    dialog.show()  # its minimum (760×620) is more than a small screen has
    area = window.screen().availableGeometry()
    frame = dialog.frameGeometry()
    assert area.contains(frame), (area, frame)
    centre, expected = frame.center(), window.frameGeometry().center()
    inside = area.adjusted(frame.width() // 2, frame.height() // 2, -frame.width() // 2,
                           -frame.height() // 2)  # fmt: skip
    expected.setX(max(inside.left(), min(expected.x(), inside.right())))
    expected.setY(max(inside.top(), min(expected.y(), inside.bottom())))
    assert abs(centre.x() - expected.x()) <= 2 and abs(centre.y() - expected.y()) <= 2
    dialog.close()


@pytest.fixture
def controller(
    qtbot: QtBot, vault: Vault, vault_access: VaultAccess, monkeypatch: pytest.MonkeyPatch
) -> Iterator[AppController]:
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    vault.lock()
    controller = AppController(vault_access, SCHEMES, Workers(synchronous=True))
    yield controller
    controller.shutdown()


def _unlock(qtbot: QtBot, controller: AppController) -> MainWindow:
    unlock = controller.window
    assert isinstance(unlock, UnlockWindow)
    qtbot.addWidget(unlock)
    qtbot.keyClicks(unlock.passphrase, PASSPHRASE)
    qtbot.keyClick(unlock.passphrase, Qt.Key.Key_Return)
    window = controller.window
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    return window


def test_after_a_lock_the_unlock_window_is_centred_and_the_view_comes_back(
    qtbot: QtBot, controller: AppController
) -> None:
    controller.start()
    window = _unlock(qtbot, controller)
    window.new_draft()
    draft_id = window.editor.draft_id
    window.new_draft()  # a second one: the first is chosen below, not by default
    window.list.setCurrentIndex(
        window.model.index(next(i for i, r in enumerate(window.model.rows()) if r.key == draft_id))
    )
    window.open_current()
    window.sidebar.select("received")
    window.sidebar.select("drafts")
    window.list.setCurrentIndex(
        window.model.index(next(i for i, r in enumerate(window.model.rows()) if r.key == draft_id))
    )
    window.open_current()
    window.resize(700, 500)
    controller.lock()
    unlock = controller.window
    assert isinstance(unlock, UnlockWindow)
    qtbot.addWidget(unlock)
    area = unlock.screen().availableGeometry()
    centre = unlock.frameGeometry().center()
    assert abs(centre.x() - area.center().x()) <= 2 and abs(centre.y() - area.center().y()) <= 2
    window = _unlock(qtbot, controller)
    assert window.section == "drafts" and window.editor.draft_id == draft_id
    assert window.size() == QSize(700, 500)  # as the user left it


def test_unlocking_returns_to_the_section_the_user_was_on(
    qtbot: QtBot, controller: AppController
) -> None:
    controller.start()
    window = _unlock(qtbot, controller)
    window.sidebar.select("received")
    controller.lock()
    window = _unlock(qtbot, controller)
    assert window.section == "received" and window.sidebar.current_section() == "received"
    assert isinstance(window.detail.currentWidget(), type(window.reader))
    assert not any(isinstance(w, QDialog) and w.isVisible() for w in window.findChildren(QDialog))

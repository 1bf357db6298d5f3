"""Every control a screen reader lands on says what it is.

An input (text field, list, table, combo box, spin box) needs an accessible
name of its own, or a label that names it as its buddy (QFormLayout rows and
"&Label" buddies do); buttons and check boxes are named by their text. Walks
every screen: first run, unlock, the main window's sections with a draft and a
received cable open, and the dialogs.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from cabledesk.services.session import Session
from cabledesk.services.vault_access import VaultAccess
from cabledesk.store.home import VaultHome
from cabledesk.store.keychain import SystemKeychain
from cabledesk.ui.export_dialog import ExportDialog
from cabledesk.ui.file_crypto_dialog import FileCryptoDialog
from cabledesk.ui.first_run import FirstRunWizard
from cabledesk.ui.main_window import MainWindow
from cabledesk.ui.open_cable import VerificationDialog
from cabledesk.ui.seal_dialog import SealDialog
from cabledesk.ui.settings_dialog import SettingsDialog
from cabledesk.ui.unlock import UnlockWindow
from cabledesk.ui.workers import Workers
from tests.ui.demo_vault import DRAFT, SCHEMES, build_demo_vault
from tests.vaultkit import FAST, MemoryKeyring

INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QAbstractItemView, QAbstractSpinBox)


def _internal(widget: QWidget) -> bool:
    """Parts of a compound control (a combo box's editor, a spin box's field, a table's
    header, a popup)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QComboBox, QAbstractSpinBox, QAbstractItemView)):
            return True
        parent = parent.parentWidget()
    return widget.isWindow() and not isinstance(widget, type(widget.window()))


def unnamed(root: QWidget) -> list[str]:
    """The inputs under ``root`` with no accessible name and no label naming them."""
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy()}
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or _internal(widget):
            continue
        if isinstance(widget, QAbstractButton):
            continue
        if widget.accessibleName().strip() or id(widget) in buddies:
            continue
        missing.append(f"{type(widget).__name__} {widget.objectName() or '(no object name)'}")
    return missing


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Session]:
    session = build_demo_vault(tmp_path, frus=20)
    yield session
    if not session.locked:
        session.lock()


@pytest.fixture
def workers() -> Workers:
    return Workers(synchronous=True)


def test_first_run_and_unlock(qtbot: QtBot, tmp_path: Path, workers: Workers) -> None:
    access = VaultAccess(VaultHome(tmp_path / "new"), SystemKeychain(MemoryKeyring()), kdf=FAST)
    wizard = FirstRunWizard(access, SCHEMES, workers)
    qtbot.addWidget(wizard)
    assert unnamed(wizard) == []
    unlock = UnlockWindow(access, workers)
    qtbot.addWidget(unlock)
    assert unnamed(unlock) == []


@pytest.mark.slow
def test_main_window_sections(qtbot: QtBot, demo: Session, workers: Workers) -> None:
    window = MainWindow(demo, workers, None)
    qtbot.addWidget(window)
    window.show()
    window.list.setCurrentIndex(window.model.index(0))
    window.open_current()  # a draft in the editor
    assert unnamed(window) == []
    window.sidebar.select("received")
    window.list.setCurrentIndex(window.model.index(0))
    window.open_current()
    window.sidebar.filter_button.setChecked(True)
    assert unnamed(window) == []
    for section in ("contacts", "audit"):
        window.sidebar.select(section)
        assert unnamed(window) == [], section


@pytest.mark.slow
def test_dialogs(qtbot: QtBot, demo: Session, workers: Workers, tmp_path: Path) -> None:
    window = MainWindow(demo, workers, None)
    qtbot.addWidget(window)
    result, _ = demo.opening.open(tmp_path / "from-berlin.cable", store=False)
    dialogs: list[QWidget] = [
        SealDialog(demo, workers, DRAFT, window),
        ExportDialog(demo, workers, DRAFT, window),
        SettingsDialog(demo, window, workers=workers),
        VerificationDialog(window, tmp_path / "from-berlin.cable", result),
        FileCryptoDialog(demo, workers, encrypt=True),
        FileCryptoDialog(demo, workers, encrypt=False),
    ]
    for dialog in dialogs:
        assert unnamed(dialog) == [], type(dialog).__name__

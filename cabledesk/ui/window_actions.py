"""The menus and keyboard shortcuts of the main window.

Platform shortcuts where Qt has a standard key (New, Open, Save, Close,
Quit, Undo, Redo, Copy, Find, Preferences); CableDesk's own for the rest:
Seal Ctrl+Shift+S, Export Ctrl+E, Lock Ctrl+L, the sections Ctrl+1…5,
Draft History Ctrl+Shift+H, Send for Clearance Ctrl+Shift+L, portion mark Ctrl+M
(in the text of the cable; Edit menu), Help → Keyboard Shortcuts F1 (the list of
them all). After a command (a dialog, mostly), the keyboard focus returns where it was.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from cabledesk import __version__
from cabledesk.ui.plain import inform

if TYPE_CHECKING:
    from cabledesk.ui.directory_dialog import DirectoryDialog
    from cabledesk.ui.main_window import MainWindow

__all__ = ["build_menus", "open_directory"]

# The strings of this module are the main window's: the context "MainWindow" is the one
# window.tr() looks up, and lupdate can only file a helper's strings under it when it is named.
translate = QCoreApplication.translate
OPEN_FILTER = str(
    QT_TRANSLATE_NOOP(
        "MainWindow", "CableDesk files (*.cable *.docx *.pdf *.zip *.contact);;All files (*)"
    )
)


def _action(
    window: MainWindow,
    text: str,
    slot: Callable[[], object],
    shortcut: QKeySequence.StandardKey | str | None = None,
    name: str = "",
) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _=False: _keeping_focus(window, slot))
    action.setObjectName(name)
    return action


def _keeping_focus(window: MainWindow, slot: Callable[[], object]) -> None:
    """Run ``slot`` (often a dialog); if the keyboard focus is lost after it — nothing
    focused, or a widget that was disabled or hidden meanwhile — put it back where it
    was, else on the list."""
    before = QApplication.focusWidget()
    slot()
    if not shiboken6.isValid(window):
        return
    now = QApplication.focusWidget()
    if now is not None and now.isEnabled() and now.isVisible():
        return
    for widget in (before, window.list, window.sidebar):
        if widget is None or not shiboken6.isValid(widget):
            continue
        if widget.window() is window and widget.isEnabled() and widget.isVisible():
            window.activateWindow()
            widget.setFocus()
            return


def build_menus(window: MainWindow) -> dict[str, QAction]:
    """Create the menu bar of ``window``; returns its actions by name (for tests)."""
    std = QKeySequence.StandardKey
    actions = {
        "new": _action(
            window, translate("MainWindow", "&New Draft"), window.new_draft, std.New, "new"
        ),
        "open": _action(
            window, translate("MainWindow", "&Open…"), lambda: _open(window), std.Open, "open"
        ),
        "save": _action(
            window, translate("MainWindow", "&Save"), lambda: window.editor.save(), std.Save, "save"
        ),
        "seal": _action(
            window, translate("MainWindow", "Se&al…"), lambda: _seal(window), "Ctrl+Shift+S", "seal"
        ),
        "export": _action(
            window, translate("MainWindow", "&Export…"), lambda: _export(window), "Ctrl+E", "export"
        ),
        "encrypt": _action(
            window,
            translate("MainWindow", "Encrypt File…"),
            lambda: _file_crypto(window, True),
            None,
            "encrypt",
        ),
        "decrypt": _action(
            window,
            translate("MainWindow", "Decrypt File…"),
            lambda: _file_crypto(window, False),
            None,
            "decrypt",
        ),
        "lock": _action(window, translate("MainWindow", "&Lock"), window.lock, "Ctrl+L", "lock"),
        "quit": _action(
            window, translate("MainWindow", "&Quit"), lambda: _quit(window), std.Quit, "quit"
        ),
        "undo": _action(
            window,
            translate("MainWindow", "&Undo"),
            lambda: _edit(window, "undo"),
            std.Undo,
            "undo",
        ),
        "redo": _action(
            window,
            translate("MainWindow", "&Redo"),
            lambda: _edit(window, "redo"),
            std.Redo,
            "redo",
        ),
        "copy": _action(
            window,
            translate("MainWindow", "&Copy"),
            lambda: _edit(window, "copy"),
            std.Copy,
            "copy",
        ),
        "find": _action(
            window,
            translate("MainWindow", "&Find in Archive"),
            window.sidebar.focus_search,
            std.Find,
            "find",
        ),
        "delete": _action(
            window, translate("MainWindow", "&Delete Draft…"), window.delete_draft, None, "delete"
        ),
        "history": _action(
            window,
            translate("MainWindow", "Draft &History…"),
            window.show_history,
            "Ctrl+Shift+H",
            "history",
        ),
        "clearance": _action(  # issue 18
            window,
            translate("MainWindow", "Send for &Clearance…"),
            window.show_clearances,
            "Ctrl+Shift+L",
            "clearance",
        ),
        "settings": _action(
            window,
            translate("MainWindow", "&Settings…"),
            lambda: _settings(window),
            std.Preferences,
            "settings",
        ),
        "directory": _action(
            window,
            translate("MainWindow", "&Directory…"),
            lambda: open_directory(window),
            None,
            "directory",
        ),
        "about": _action(
            window,
            translate("MainWindow", "&About CableDesk"),
            lambda: _about(window),
            None,
            "about",
        ),
    }
    for i, (key, label) in enumerate(
        (
            ("drafts", translate("MainWindow", "&Drafts")),
            ("sent", translate("MainWindow", "&Sent")),
            ("received", translate("MainWindow", "&Received")),
            ("contacts", translate("MainWindow", "&Contacts")),
            ("audit", translate("MainWindow", "&Audit Log")),
        ),
        start=1,
    ):
        actions[f"view-{key}"] = _action(
            window, label, partial(window.sidebar.select, key), f"Ctrl+{i}", f"view-{key}"
        )
    bar = window.menuBar()
    file_menu = bar.addMenu(translate("MainWindow", "&File"))
    for name in ("new", "open", "save", None, "seal", "export", None, "encrypt", "decrypt",
                 None, "lock", "quit"):  # fmt: skip
        file_menu.addSeparator() if name is None else file_menu.addAction(actions[name])
    edit_menu = bar.addMenu(translate("MainWindow", "&Edit"))
    actions["mark"] = window.editor.body.mark_action  # Ctrl+M, in the text of the cable
    for name in ("undo", "redo", None, "copy", None, "mark", None, "find", None, "history",
                 "clearance",
                 "delete"):  # fmt: skip
        edit_menu.addSeparator() if name is None else edit_menu.addAction(actions[name])
    view_menu = bar.addMenu(translate("MainWindow", "&View"))
    for key in ("drafts", "sent", "received", "contacts", "audit"):
        view_menu.addAction(actions[f"view-{key}"])
    tools = bar.addMenu(translate("MainWindow", "&Tools"))
    tools.addAction(actions["settings"])
    tools.addAction(actions["directory"])
    from cabledesk.ui.authority_menu import build_authority_menu  # hidden but for an office

    actions |= build_authority_menu(window)
    help_menu = bar.addMenu(translate("MainWindow", "&Help"))
    actions["shortcuts"] = _action(
        window,
        translate("MainWindow", "&Keyboard Shortcuts"),
        lambda: _shortcuts(window),
        std.HelpContents,
        "shortcuts",
    )
    help_menu.addAction(actions["shortcuts"])
    help_menu.addAction(actions["about"])
    return actions


def _edit(window: MainWindow, what: str) -> None:
    widget = QApplication.focusWidget()
    method = getattr(widget, what, None)
    if callable(method):
        method()


def _open(window: MainWindow) -> None:
    names, _ = QFileDialog.getOpenFileNames(
        window, translate("MainWindow", "Open"), "", translate("MainWindow", OPEN_FILTER)
    )
    if names:
        window.open_files([Path(n) for n in names])


def _seal(window: MainWindow) -> None:
    from cabledesk.ui.seal_dialog import SealDialog

    if window.editor.draft_id is None:
        inform(
            window,
            translate("MainWindow", "Seal"),
            translate("MainWindow", "Open the draft to seal first."),
        )
        return
    window.editor.flush()  # queued before the sealing: it seals what was saved
    cable, _ = window.editor.current()
    dialog = SealDialog(window.session, window.workers, cable, window)
    window.editor.hold()  # no save while sealing: a save after it would recreate the draft
    dialog.exec()
    if dialog.outcome is not None:  # sealed: the draft is gone from the vault
        window.show_sealed(dialog.outcome.archive_id)
        return
    window.editor.release()
    window.show_section(window.section)


def _export(window: MainWindow) -> None:
    from cabledesk.ui.export_dialog import ExportDialog

    cable = window.cable_to_export()
    if cable is None:
        inform(
            window,
            translate("MainWindow", "Export"),
            translate("MainWindow", "Open a draft or a cable to export first."),
        )
        return
    ExportDialog(window.session, window.workers, cable, window).exec()


def _file_crypto(window: MainWindow, encrypt: bool) -> None:
    from cabledesk.ui.file_crypto_dialog import FileCryptoDialog

    FileCryptoDialog(window.session, window.workers, encrypt=encrypt, parent=window).exec()


def _settings(window: MainWindow) -> None:
    from cabledesk.ui.settings_dialog import SettingsDialog

    if SettingsDialog(window.session, window).exec():
        changed = getattr(window.controller, "settings_changed", None)
        if callable(changed):
            changed()


def open_directory(window: MainWindow) -> DirectoryDialog:
    """Tools → Directory (also for a ``.cdir`` or ``.anchor`` file opened or dropped)."""
    from cabledesk.ui.directory_dialog import DirectoryDialog

    dialog = DirectoryDialog(window.session, window, workers=window.workers)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def _shortcuts(window: MainWindow) -> None:
    from cabledesk.ui.shortcuts_dialog import ShortcutsDialog

    ShortcutsDialog(window.actions_by_name.values(), window).exec()


def _about(window: QWidget) -> None:
    QMessageBox.about(
        window,
        translate("MainWindow", "About CableDesk"),
        translate(
            "MainWindow",
            "<b>CableDesk {0}</b><p>Offline drafting, sealing and verification of classified "
            "diplomatic cables. Formats: age v1, OpenSSH signatures, OOXML.</p>",
        ).format(__version__),
    )


def _quit(window: MainWindow) -> None:
    window.quit_when_closed = True  # once the open draft is saved (see MainWindow.closeEvent)
    window.close()

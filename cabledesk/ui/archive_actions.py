"""What can be done with an archived cable besides reading it: the context menu of
the Sent and Received lists (and of search results), and the reader's "Import
sender's card".

The menu — on a right click or the context-menu key — offers Open
(the cable in the reader), Export… (the export dialog, as File → Export),
Verify again (the sealed file the archive keeps, decrypted and checked anew,
nothing stored: the verdict dialog) and Show in folder (the folder holding that
sealed file, in the desktop's file manager). An entry whose sealed file the
archive does not keep (an imported record) says so instead of verifying or
showing a folder. Every read runs on the worker pools.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QUrl
from PySide6.QtGui import QContextMenuEvent, QDesktopServices
from PySide6.QtWidgets import QDialog, QMenu

from cabledesk.services.contacts import ImportOutcome
from cabledesk.services.opening import Verification
from cabledesk.ui.cable_list import Row
from cabledesk.ui.errors import show_error
from cabledesk.ui.plain import inform

if TYPE_CHECKING:
    from cabledesk.ui.main_window import MainWindow

__all__ = ["archive_menu", "install"]

translate = QCoreApplication.translate


def install(window: MainWindow) -> None:
    """Give ``window``'s list its context menu and its reader the card import."""
    menus = _ContextMenus(window)
    window.list.installEventFilter(menus)  # the keyboard's requests come to the list
    window.list.viewport().installEventFilter(menus)  # the mouse's, to its viewport
    window.reader.import_card_requested.connect(lambda: import_shown_card(window))


class _ContextMenus(QObject):
    """Shows the archive menu: at the row clicked, or (keyboard) at the current row."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.ContextMenu or not isinstance(event, QContextMenuEvent):
            return False
        view = self._window.list
        index = view.currentIndex()
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            clicked = view.indexAt(event.pos())
            if clicked.isValid():
                view.setCurrentIndex(clicked)
                index = clicked
        row = view.current_row()
        if index.isValid() and row is not None and row.kind == "archive":
            place = view.viewport().mapToGlobal(view.visualRect(index).center())
            if event.reason() == QContextMenuEvent.Reason.Mouse:
                place = event.globalPos()
            show_menu(archive_menu(self._window, row), place)
        return True


def show_menu(menu: QMenu, place: QPoint) -> None:
    """Run ``menu`` at ``place`` (global coordinates); a name of its own, for the tests."""
    menu.exec(place)


def archive_menu(window: MainWindow, row: Row) -> QMenu:
    """The menu of the archived cable of ``row`` (a new menu, parented to the list)."""
    menu = QMenu(window.list)
    menu.setObjectName("archiveMenu")
    archive_id = int(row.key)
    for name, text, slot in (
        ("archiveOpen", translate("MainWindow", "&Open"), window.open_current),
        ("archiveExport", translate("MainWindow", "&Export…"), lambda: export(window, archive_id)),
        ("archiveVerify", translate("MainWindow", "&Verify again"),
         lambda: verify_again(window, archive_id)),
        ("archiveFolder", translate("MainWindow", "Show in &folder"),
         lambda: show_in_folder(window, archive_id)),
    ):  # fmt: skip
        action = menu.addAction(text)
        action.setObjectName(name)
        action.triggered.connect(lambda _=False, run=slot: run())
    return menu


def export(window: MainWindow, archive_id: int) -> None:
    """The export dialog for the archived cable ``archive_id``."""
    from cabledesk.ui.export_dialog import ExportDialog

    archive = window.session.archive
    window.workers.run(
        "read a cable to export",
        lambda ctx: archive.cable(archive_id),
        on_done=lambda cable: _run(ExportDialog(window.session, window.workers, cable, window)),
        on_failed=lambda exc: show_error(window, exc),
    )


def _run(dialog: QDialog) -> None:
    dialog.exec()


def _with_sealed_file(window: MainWindow, archive_id: int, then: Callable[[Path], None]) -> None:
    archive = window.session.archive

    def found(path: Path | None) -> None:
        if path is None:
            inform(
                window,
                translate("MainWindow", "No sealed file"),
                translate(
                    "MainWindow",
                    "The archive keeps no sealed file of this cable (it was imported as a "
                    "record, or its file was removed).",
                ),
            )
        else:
            then(path)

    window.workers.run(
        "find the sealed file",
        lambda ctx: archive.sealed_path(archive_id),
        on_done=found,
        on_failed=lambda exc: show_error(window, exc),
    )


def verify_again(window: MainWindow, archive_id: int) -> None:
    """Decrypt and check the kept sealed file anew (nothing stored); show the verdict."""
    from cabledesk.ui.open_cable import VerificationDialog

    opening = window.session.opening

    def check(path: Path) -> None:
        window.workers.run(
            "verify again",
            lambda ctx: opening.verify(path, progress=ctx.progress, cancel=ctx.cancelled),
            on_done=lambda result: _run(VerificationDialog(window, path, result)),
            on_failed=lambda exc: show_error(window, exc),
        )

    _with_sealed_file(window, archive_id, check)


def show_in_folder(window: MainWindow, archive_id: int) -> None:
    """Open the folder holding the kept sealed file in the desktop's file manager."""

    def show(path: Path) -> None:
        open_folder(QUrl.fromLocalFile(str(path.parent)))

    _with_sealed_file(window, archive_id, show)


def open_folder(url: QUrl) -> bool:
    """QDesktopServices.openUrl (a name of its own, for the tests)."""
    return QDesktopServices.openUrl(url)


def import_shown_card(window: MainWindow) -> None:
    """Import the card of the signer of the cable in the reader: its kept sealed file is
    checked again and the card it carries imported (it starts unverified)."""
    shown = window.shown
    if shown is None:
        return
    archive, opening, archive_id = window.session.archive, window.session.opening, shown.entry.id

    def work(ctx: object) -> ImportOutcome | None:
        path = archive.sealed_path(archive_id)
        if path is None:
            return None
        result: Verification = opening.verify(path)
        return opening.import_sender_card(result)

    def done(outcome: ImportOutcome | None) -> None:
        if outcome is None:
            inform(
                window,
                translate("MainWindow", "No sealed file"),
                translate(
                    "MainWindow",
                    "The archive keeps no sealed file of this cable, so its sender's card "
                    "cannot be read from it.",
                ),
            )
            return
        window.reader.import_card.setVisible(False)
        inform(
            window,
            translate("MainWindow", "Contact imported"),
            translate(
                "MainWindow",
                "{0} is now among your contacts, unverified.\nSafety number:\n{1}\n\nCompare "
                "it with them by phone or in person, then mark the contact verified.",
            ).format(outcome.contact.name, outcome.contact.card.safety_number),
        )

    window.workers.run(
        "import the sender's card",
        work,
        write=True,
        on_done=done,
        on_failed=lambda exc: show_error(window, exc),
    )

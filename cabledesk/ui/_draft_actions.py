"""What the main window does with drafts: new, delete, and their history.

Each runs its reads and writes off the GUI thread (writes on the write
thread, after the editor's queued saves) and shows the result in the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox

from cabledesk.services.draft_history import SavedDraft
from cabledesk.ui.errors import show_error
from cabledesk.ui.plain import ask, inform
from cabledesk.ui.workers import JobContext

if TYPE_CHECKING:
    from cabledesk.ui.main_window import MainWindow

__all__ = ["delete_draft", "new_draft", "show_clearances", "show_history"]

# The main window's strings: lupdate files them under the context window.tr() looks up.
translate = QCoreApplication.translate


def new_draft(window: MainWindow) -> None:
    """A new draft (written on the write thread), opened in the editor."""
    drafts = window.session.drafts

    def work(ctx: JobContext) -> SavedDraft:
        return drafts.current(drafts.new().id)

    def created(saved: SavedDraft) -> None:
        window.sidebar.select("drafts")
        window.open_saved_draft(saved)
        window.editor.header.subject.setFocus()

    window.workers.run(
        "new draft", work, write=True, on_done=created, on_failed=lambda e: show_error(window, e)
    )


def delete_draft(window: MainWindow) -> None:
    """Delete the draft in the editor and its history, once the user confirmed."""
    draft_id = window.editor.draft_id
    if draft_id is None:
        return
    answer = ask(
        window,
        translate("MainWindow", "Delete the draft"),
        translate("MainWindow", "Delete this draft and its history?"),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    window.editor.clear()
    drafts = window.session.drafts
    window.workers.run(
        "delete a draft",
        lambda ctx: drafts.delete(draft_id),
        write=True,
        on_done=lambda _: window.show_section("drafts"),
        on_failed=lambda e: show_error(window, e),
    )


def show_history(window: MainWindow) -> QDialog | None:
    """The history dialog of the draft in the editor; None (and a word) without one."""
    from cabledesk.ui.editor.history_dialog import HistoryDialog

    if window.editor.draft_id is None:
        inform(
            window,
            translate("MainWindow", "Draft history"),
            translate("MainWindow", "Open a draft to see its history."),
        )
        return None
    window.editor.flush()  # the history then ends with the text as it is now
    cable, _ = window.editor.current()
    dialog = HistoryDialog(window.session, window.workers, cable, window)

    def restored(saved: SavedDraft) -> None:
        window.open_saved_draft(saved, restored=True)
        window.statusBar().showMessage(
            translate("MainWindow", "Restored: the draft is now at version {0}.").format(
                saved.version
            ),
            6000,
        )

    dialog.restored.connect(restored)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


# --- issue 18: the Clearances panel ----------------------------------------------------


def show_clearances(window: MainWindow) -> QDialog | None:
    """The Clearances panel of the draft in the editor; None (and a word) without one."""
    from cabledesk.ui.clearance_dialog import ClearanceDialog

    if window.editor.draft_id is None:
        inform(
            window,
            translate("MainWindow", "Clearances"),
            translate("MainWindow", "Open a draft to send it for clearance."),
        )
        return None
    window.editor.flush()  # the request carries the text as it is now
    cable, _ = window.editor.current()
    dialog = ClearanceDialog(window.session, window.workers, cable, window)
    dialog.draft_changed.connect(lambda saved: window.open_saved_draft(saved, restored=True))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog

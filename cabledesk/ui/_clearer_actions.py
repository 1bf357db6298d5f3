"""The clearer's view of a clearance request (issue 18): Clear, Return with changes,
Decline, Approve — each a signed answer sealed back to the drafter.

Added to the verification dialog of a request that verifies and was not drafted by
the user. Each asks for a comment and where to save the answer; "Return with
changes…" first asks for the edited cable (a CABLE.json file, e.g. the request's
cable exported and edited). The answer is sealed off the GUI thread
(``clearance respond`` / ``approve``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QPushButton,
)

from cabledesk.services.clearance import Answer
from cabledesk.services.opening import Verification
from cabledesk.ui.errors import show_error
from cabledesk.ui.plain import inform
from cabledesk.ui.workers import JobContext

if TYPE_CHECKING:
    from cabledesk.seal import StatementRole
    from cabledesk.ui.main_window import MainWindow

__all__ = ["add_clearer_buttons", "is_request_to_answer"]

translate = QCoreApplication.translate


def is_request_to_answer(window: MainWindow, result: Verification) -> bool:
    """A clearance request that verifies, drafted by someone else than the user."""
    if not result.ok or result.signer is None or str(result.kind) != "clearance-request":
        return False
    return result.signer.fingerprint != window.session.identity.card().fingerprint


def add_clearer_buttons(
    dialog: QDialog, buttons: QDialogButtonBox, window: MainWindow, path: Path
) -> None:
    """Clear…, Return with changes…, Decline…, Approve… in ``buttons``."""
    for name, label, role in (
        ("clearRequest", translate("Clearance", "Clear…"), Answer.CLEAR),
        ("returnRequest", translate("Clearance", "Return with changes…"), Answer.EDIT),
        ("declineRequest", translate("Clearance", "Decline…"), Answer.DECLINE),
        ("approveRequest", translate("Clearance", "Approve…"), Answer.APPROVE),
    ):
        button = QPushButton(label)
        button.setObjectName(name)
        button.clicked.connect(lambda _=False, role=role: answer(dialog, window, path, role))
        buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)


def answer(dialog: QDialog, window: MainWindow, path: Path, role: StatementRole) -> None:
    """Ask what is needed, then sign and seal the answer ``role`` to ``path``'s drafter."""
    from cabledesk.services.drafting import DraftingService

    edited_file = ""
    if role is Answer.EDIT:
        edited_file, _ = QFileDialog.getOpenFileName(
            dialog, translate("Clearance", "Your edited cable"), "",
            translate("Clearance", "Cables (*.json)"),
        )  # fmt: skip
        if not edited_file:
            return
    comment, ok = QInputDialog.getText(
        dialog, translate("Clearance", "Comment"),
        translate("Clearance", "A comment for the drafter (why, for a decline):"),
    )  # fmt: skip
    if not ok:
        return
    output, _ = QFileDialog.getSaveFileName(
        dialog, translate("Clearance", "Save the answer as"), f"{path.stem}-{role}.cable"
    )
    if not output:
        return
    clearance = window.session.clearance

    def work(ctx: JobContext) -> Path:
        edited = DraftingService.read_cable(Path(edited_file)) if edited_file else None
        return clearance.respond(path, role, Path(output), edited=edited, comment=comment,
                                 overwrite=True)  # fmt: skip

    def done(saved: Path) -> None:
        inform(
            dialog,
            translate("Clearance", "Answer sealed"),
            translate("Clearance", "Your answer is sealed for the drafter: {0}").format(saved.name),
        )

    window.workers.run(
        "answer a clearance request", work, write=True, on_done=done,
        on_failed=lambda e: show_error(dialog, e),
    )  # fmt: skip

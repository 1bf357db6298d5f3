"""The clearer's view of a clearance request (issue 18): Clear, Return with changes,
Decline, Approve — each a signed answer sealed back to the drafter.

Added to the verification dialog of a request that verifies and was not drafted by
the user, with what changed since the version of the cable they last received
(:func:`changes_view`: the diff against the copy the archive held before this
request replaced it, or that this is the first version they see). Clear,
Decline and Approve ask for a comment and where to save the answer; "Return
with changes…" opens the request's text in an editor, the clearer's working copy
(:class:`~cabledesk.ui._return_edit_dialog.ReturnEditDialog`), from which the
edited version is returned. Answers are sealed off the GUI thread
(``clearance respond`` / ``approve``).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cabledesk.domain.cable import Cable
from cabledesk.services.clearance import Answer
from cabledesk.services.draft_history import Change, DiffLine, cable_lines, diff_lines
from cabledesk.services.opening import ArchivedBefore, Verification
from cabledesk.ui._return_edit_dialog import ReturnEditDialog
from cabledesk.ui.errors import show_error
from cabledesk.ui.plain import PlainLabel, inform
from cabledesk.ui.workers import JobContext

if TYPE_CHECKING:
    from cabledesk.seal import StatementRole
    from cabledesk.ui.main_window import MainWindow

__all__ = ["add_clearer_buttons", "changes_view", "is_request_to_answer"]

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
        ("clearRequest", translate("Clearance", "C&lear…"), Answer.CLEAR),
        ("returnRequest", translate("Clearance", "&Return with changes…"), Answer.EDIT),
        ("declineRequest", translate("Clearance", "&Decline…"), Answer.DECLINE),
        ("approveRequest", translate("Clearance", "A&pprove…"), Answer.APPROVE),
    ):
        button = QPushButton(label)
        button.setObjectName(name)
        button.clicked.connect(lambda _=False, role=role: answer(dialog, window, path, role))
        buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)


def answer(dialog: QDialog, window: MainWindow, path: Path, role: StatementRole) -> None:
    """Ask what is needed, then sign and seal the answer ``role`` to ``path``'s drafter.
    Returning with changes opens the request's text to edit (the working copy)."""
    if role is Answer.EDIT:
        cable = getattr(dialog, "verification", None)
        if isinstance(cable, Verification) and cable.cable is not None:
            ReturnEditDialog(window, path, cable.cable, dialog).exec()
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
        return clearance.respond(path, role, Path(output), comment=comment, overwrite=True)

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


def changed_lines(window: MainWindow, before: Cable, now: Cable) -> list[DiffLine]:
    """The diff of the cable's text from ``before`` to ``now`` (its date-time group and
    serial left out: they are set at release)."""

    def lines(cable: Cable) -> list[str]:
        plain = replace(cable, dtg=None, serial=None)
        banner = window.session.drafts.banner(plain)
        return cable_lines(plain, banner.banner if banner is not None else "")

    return diff_lines(lines(before), lines(now))


def changes_view(window: MainWindow, cable: Cable, previous: ArchivedBefore | None) -> QWidget:
    """What changed in ``cable`` since the version of it the clearer last received."""
    box = QWidget()
    box.setObjectName("changesSinceSeen")
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    title = PlainLabel()
    title.setObjectName("changesTitle")
    title.setWordWrap(True)
    layout.addWidget(title)
    if previous is None:
        title.setText(
            translate(
                "Clearance",
                "This is the first version of this cable you receive: there is no earlier "
                "version to compare it with.",
            )
        )
        return box
    when = f"{previous.stored:%Y-%m-%d %H:%M} UTC"
    diff = changed_lines(window, previous.cable, cable)
    if not any(line.change is not Change.SAME for line in diff):
        title.setText(
            translate(
                "Clearance", "The text is the same as the version you received on {0}."
            ).format(when)
        )
        return box
    title.setText(
        translate(
            "Clearance",
            "What changed since the version you last received, on {0} (- removed, + added):",
        ).format(when)
    )
    text = QPlainTextEdit("\n".join(_around_changes(diff)))
    text.setObjectName("changesDiff")
    text.setReadOnly(True)
    text.setTabChangesFocus(True)
    text.setAccessibleName(translate("Clearance", "What changed since you last saw it"))
    lines = text.blockCount() + 1
    text.setMaximumHeight(min(180, text.fontMetrics().lineSpacing() * lines + 12))
    layout.addWidget(text)
    return box


def _around_changes(diff: list[DiffLine], context: int = 1) -> list[str]:
    """The changed lines with ``context`` unchanged lines around each; "…" for the rest."""
    changed = [i for i, line in enumerate(diff) if line.change is not Change.SAME]
    keep = {j for i in changed for j in range(i - context, i + context + 1)}
    shown: list[str] = []
    for i, line in enumerate(diff):
        if i in keep and (line.text.strip() or line.change is not Change.SAME):
            shown.append(str(line))
        elif shown and shown[-1] != "  …":
            shown.append("  …")
    return shown

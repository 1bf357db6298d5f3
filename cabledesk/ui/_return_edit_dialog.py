"""The clearer's working copy of a clearance request (issue 18): edit the text in
CableDesk, then "Return with changes".

The subject and the paragraphs of the request's cable are shown in the
editor's own widgets (the body editor with its portion-mark gutter, Ctrl+M
for a mark); the header, the authority block and the rest are the drafter's
and stay as they are. "Return with changes…" asks where to save the answer
and seals it to the drafter (``clearance respond`` with the edited cable),
off the GUI thread; an edit that changes nothing is refused here, in words.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cabledesk.domain.cable import Cable
from cabledesk.domain.clearance import clearance_sha256
from cabledesk.services.clearance import Answer
from cabledesk.ui.editor.body_editor import BodyEditor
from cabledesk.ui.errors import show_error
from cabledesk.ui.plain import PlainLabel, inform, make_labels_plain
from cabledesk.ui.workers import JobContext

if TYPE_CHECKING:
    from cabledesk.ui.main_window import MainWindow

__all__ = ["ReturnEditDialog"]


class ReturnEditDialog(QDialog):
    """See the module docstring. ``choose_output`` can be replaced in tests."""

    def __init__(
        self, window: MainWindow, request: Path, cable: Cable, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("returnEditDialog")
        self.setWindowTitle(self.tr("Your changes — {0}").format(cable.subject))
        self.setMinimumSize(720, 520)
        self._window = window
        self._request = request
        self._cable = cable
        self.saved: Path | None = None
        intro = PlainLabel(
            self.tr(
                "Edit the subject and the paragraphs, then return your version to the "
                "drafter. Your answer is signed over your version; the drafter decides "
                "whether it becomes the cable's text."
            )
        )
        intro.setWordWrap(True)
        self.subject = QLineEdit(cable.subject)
        self.subject.setObjectName("returnSubject")
        self.body = BodyEditor()
        self.body.setObjectName("returnBody")
        self.body.set_scheme(window.session.schemes[cable.scheme])
        self.body.set_paragraphs(cable.paragraphs)
        self.comment = QLineEdit()
        self.comment.setObjectName("returnComment")
        self.comment.setPlaceholderText(self.tr("What you changed and why (optional)"))
        self.problem = PlainLabel()
        self.problem.setObjectName("returnProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setVisible(False)
        form = QFormLayout()
        form.addRow(self.tr("&Subject:"), self.subject)
        form.addRow(self.tr("&Text:"), self.body)
        form.addRow(self.tr("Co&mment:"), self.comment)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.return_button = self.buttons.addButton(
            self.tr("&Return with changes…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.return_button.setObjectName("returnWithChanges")
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.choose_output = self._ask_output
        make_labels_plain(self)  # the form's own labels: the subject is the drafter's text
        self.body.setFocus()

    def edited(self) -> Cable:
        """The request's cable with the subject and paragraphs as edited here."""
        subject = " ".join(self.subject.text().split())
        return replace(self._cable, subject=subject, paragraphs=self.body.paragraphs())

    def _ask_output(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the answer as"), f"{self._request.stem}-returned.cable"
        )
        return Path(name) if name else None

    def send(self) -> None:
        """Seal the edited version back to the drafter (on the write thread)."""
        edited = self.edited()
        if clearance_sha256(edited) == clearance_sha256(self._cable):
            self._say(self.tr("You changed nothing: to accept the text as it is, clear it."))
            return
        if not edited.paragraphs:
            self._say(self.tr("The cable needs at least one paragraph."))
            return
        output = self.choose_output()
        if output is None:
            return
        self.problem.setVisible(False)
        clearance, request = self._window.session.clearance, self._request
        comment = self.comment.text()

        def work(ctx: JobContext) -> Path:
            return clearance.respond(request, Answer.EDIT, output, edited=edited,
                                     comment=comment, overwrite=True)  # fmt: skip

        def done(saved: Path) -> None:
            self.saved = saved
            inform(
                self,
                self.tr("Answer sealed"),
                self.tr("Your version is sealed for the drafter: {0}").format(saved.name),
            )
            self.accept()

        self._window.workers.run(
            "return a clearance request with changes", work, write=True, on_done=done,
            on_failed=lambda e: show_error(self, e),
        )  # fmt: skip

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(True)

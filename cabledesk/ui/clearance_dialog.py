"""The Clearances panel of a draft: where it stands, send it for clearance, record answers.

The top lists each person the draft was sent to (clearer or approver), their
answer on the current text — or that it was given to an earlier version —
and their comment, and whether it is approved (and what release still lacks).
"Send for clearance…" seals the draft for the clearers and approvers chosen
among the contacts and groups — a group stands for its members; each contact
shows its trust and the start of its key (``clearance request``); "Record an answer…" verifies an
answer file and records it (``clearance receive``): a returned edit is shown as
a diff, and becomes the draft's text only with "Accept the changes"
(:attr:`ClearanceDialog.draft_changed` then carries the new draft).

Reads and writes run off the GUI thread; text from files (names, comments,
the diff) is shown as plain text.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cabledesk.domain.cable import Cable
from cabledesk.domain.trust import TrustState
from cabledesk.errors import CableDeskError
from cabledesk.services.contacts import AddressBook
from cabledesk.services.draft_history import SavedDraft
from cabledesk.ui._party_picker import PartyPicker
from cabledesk.ui.errors import show_error
from cabledesk.ui.plain import PlainLabel
from cabledesk.ui.workers import JobContext, Workers

if TYPE_CHECKING:
    from cabledesk.services.clearance import ClearanceStatus, ReceiveOutcome
    from cabledesk.services.session import Session

__all__ = ["ClearanceDialog"]


class ClearanceDialog(QDialog):
    """See the module docstring."""

    draft_changed = Signal(object)  # SavedDraft: an accepted edit

    def __init__(
        self, session: Session, workers: Workers, cable: Cable, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.workers = workers
        self.cable = cable
        self._answer: Path | None = None
        self._book: AddressBook | None = None
        self.setObjectName("clearanceDialog")
        self.setWindowTitle(self.tr("Clearances"))
        self.setMinimumSize(940, 640)  # the pickers' four columns, uncut
        self.state = PlainLabel()
        self.state.setObjectName("clearanceState")
        self.state.setWordWrap(True)
        self.parties = QTableWidget(0, 4)
        self.parties.setObjectName("clearanceParties")
        self.parties.setHorizontalHeaderLabels(
            [self.tr("Part"), self.tr("Name"), self.tr("Answer"), self.tr("Comment")]
        )
        self.parties.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.parties.horizontalHeader().setStretchLastSection(True)
        self.parties.setMaximumHeight(160)
        self.parties.verticalHeader().setVisible(False)
        self.parties.setVisible(False)  # until the draft is sent to someone

        self.clearers = PartyPicker("clearers", self.tr("Clearers"))
        self.approvers = PartyPicker("approvers", self.tr("Approvers"))
        self.comment = QLineEdit()
        self.comment.setObjectName("clearanceComment")
        self.comment.setPlaceholderText(self.tr("A word for the clearers (optional)"))
        self.send = QPushButton(self.tr("&Send for clearance…"))
        self.send.setObjectName("sendForClearance")
        send_box = QGroupBox(self.tr("Send for clearance"))
        lists = QVBoxLayout()  # one above the other: each needs its trust column's width
        for title, picker in ((self.tr("C&learers (contacts and groups):"), self.clearers),
                              (self.tr("A&pprovers:"), self.approvers)):  # fmt: skip
            label = PlainLabel(title)
            label.setBuddy(picker)
            picker.setMinimumHeight(110)
            lists.addWidget(label)
            lists.addWidget(picker, 1)
        comment_row = QHBoxLayout()
        comment_label = PlainLabel(self.tr("Co&mment:"))
        comment_label.setBuddy(self.comment)
        comment_row.addWidget(comment_label)
        comment_row.addWidget(self.comment, 1)
        send_layout = QVBoxLayout(send_box)
        send_layout.addLayout(lists, 1)
        send_layout.addLayout(comment_row)
        send_layout.addWidget(self.send, 0, Qt.AlignmentFlag.AlignRight)

        self.receive = QPushButton(self.tr("&Record an answer…"))
        self.receive.setObjectName("receiveAnswer")
        self.answer_result = PlainLabel()
        self.answer_result.setObjectName("answerResult")
        self.answer_result.setWordWrap(True)
        self.diff = QPlainTextEdit()
        self.diff.setObjectName("answerDiff")
        self.diff.setReadOnly(True)
        self.diff.setVisible(False)
        self.accept_edit = QPushButton(self.tr("&Accept the changes"))
        self.accept_edit.setObjectName("acceptEdit")
        self.accept_edit.setVisible(False)
        self.reject_edit = QPushButton(self.tr("&Keep my text"))
        self.reject_edit.setObjectName("rejectEdit")
        self.reject_edit.setVisible(False)
        answers = QGroupBox(self.tr("Answers"))
        answers_layout = QVBoxLayout(answers)
        edit_buttons = QHBoxLayout()
        edit_buttons.addWidget(self.accept_edit)
        edit_buttons.addWidget(self.reject_edit)
        edit_buttons.addStretch(1)
        for part in (self.receive, self.answer_result, self.diff):
            answers_layout.addWidget(part)
        answers_layout.addLayout(edit_buttons)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for block in (self.state, self.parties, send_box, answers, buttons):
            layout.addWidget(block, 1 if block is send_box else 0)
        self.send.clicked.connect(self._send)
        self.receive.clicked.connect(self._receive)
        self.accept_edit.clicked.connect(self._accept)
        self.reject_edit.clicked.connect(self._keep_text)
        self._load()

    # --- reading -------------------------------------------------------------------------

    def _load(self) -> None:
        session, draft_id = self.session, self.cable.id

        def work(ctx: JobContext) -> tuple[ClearanceStatus, AddressBook]:
            return session.clearance.status(draft_id), session.contacts.book()

        self.workers.run("read the clearances", work, on_done=self._show, on_failed=self._failed)

    def _show(self, loaded: tuple[ClearanceStatus, AddressBook]) -> None:
        status, book = loaded
        if self._book is None:
            self._book = book
            for picker in (self.clearers, self.approvers):
                picker.set_book(book)
        state = (
            self.tr("In clearance.") if status.in_clearance else self.tr("Not sent for clearance.")
        )
        approved = self.tr("Approved.") if status.approved and status.approvals else ""
        approved = approved or self.tr("Not approved.")
        missing = self._missing(len(status.approvals), status.approvals_needed)
        self.state.setText(" ".join(filter(None, (state, approved, missing))))
        self.parties.setRowCount(len(status.parties))
        for row, party in enumerate(status.parties):
            part = self.tr("Clearer") if party.part == "clearer" else self.tr("Approver")
            cells = (part, party.name,
                     self._answered(str(party.answered)), party.comment)  # fmt: skip
            for column, text in enumerate(cells):
                self.parties.setItem(row, column, QTableWidgetItem(text))
        self.parties.resizeColumnsToContents()
        self.parties.setVisible(bool(status.parties))

    def _missing(self, have: int, need: int) -> str:
        """What sealing still lacks, in the user's language (the settings ask for
        ``need`` approvals of the current text; it has ``have``)."""
        if have >= need:
            return ""
        if need == 1:
            lacks = self.tr("an approval of the current text by an approver you designated")
        else:
            lacks = self.tr(
                "{0} more approval(s) of the current text, by two different approvers "
                "other than the drafter"
            ).format(need - have)
        return self.tr("Missing to seal: {0}.").format(lacks)

    def _answered(self, answered: str) -> str:
        words = {
            "no-answer": self.tr("No answer yet"),
            "cleared": self.tr("Cleared"),
            "returned": self.tr("Returned changes (now the text)"),
            "declined": self.tr("Declined"),
            "approved": self.tr("Approved"),
            "cleared-earlier-version": self.tr("Cleared an earlier version"),
            "approved-earlier-version": self.tr("Approved an earlier version"),
            "declined-earlier-version": self.tr("Declined an earlier version"),
            "returned-earlier-version": self.tr("Returned changes (not the current text)"),
        }
        return words.get(answered, answered)

    # --- sending -------------------------------------------------------------------------

    def _send(self) -> None:
        try:
            approvers = self.approvers.chosen()
            taken = {c.fingerprint for c in approvers}  # an approver is not also a clearer
            clearers = [c for c in self.clearers.chosen() if c.fingerprint not in taken]
        except CableDeskError as exc:  # a group without members
            show_error(self, exc)
            return
        if not clearers and not approvers:
            self.answer_result.setText(self.tr("Choose at least one clearer or an approver."))
            return
        unverified = [
            c.name
            for c in (*clearers, *approvers)
            if c.keys_changed or c.trust.state is not TrustState.VERIFIED
        ]
        if unverified:  # the release policy would refuse them: say it before the file dialog
            self.answer_result.setText(
                self.tr(
                    "Not sent: the keys of {0} are not verified. Compare their safety number "
                    "with them (Contacts), mark them verified, then send again."
                ).format(", ".join(unverified))
            )
            return
        files = self._attachment_files()
        if files is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the clearance request as"), f"{self.cable.id[:8]}-request.cable"
        )
        if not name:
            return
        session, cable, comment = self.session, self.cable, self.comment.text()

        def work(ctx: JobContext) -> Path:
            # as the vault holds them now (a key may have been revoked meanwhile)
            book = session.contacts.book()
            now = book.resolve([c.fingerprint for c in clearers])
            return session.clearance.request(
                cable,
                now,
                Path(name),
                approvers=book.resolve([c.fingerprint for c in approvers]),
                comment=comment,
                overwrite=True,  # the file dialog asked
                attachments=files,
            )

        def sent(path: Path) -> None:
            self.answer_result.setText(self.tr("Sent for clearance: {0}").format(path.name))
            self._load()

        self.workers.run(
            "send for clearance", work, write=True, on_done=sent, on_failed=self._failed
        )

    def _attachment_files(self) -> list[Path] | None:
        """The files of the attachments the draft lists (a request carries them, so that
        the clearers read what they clear): [] when it lists none, None when the user
        cancelled or chose files that are not those listed (said in the panel)."""
        listed = sorted(a.name for a in self.cable.attachments)
        if not listed:
            return []
        chosen, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Choose the files of the attachments: {0}").format(", ".join(listed))
        )
        if not chosen:
            return None
        files = [Path(c) for c in chosen]
        missing = sorted(set(listed) - {f.name for f in files})
        if missing:
            self.answer_result.setText(
                self.tr(
                    "Not sent: the draft lists {0}, and no file of that name was chosen."
                ).format(", ".join(missing))
            )
            return None
        return files

    # --- answers -------------------------------------------------------------------------

    def _receive(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Record an answer"), "", self.tr("Sealed cables (*.cable)")
        )
        if name:
            self._record(Path(name), accept=False)

    def _accept(self) -> None:
        if self._answer is not None:
            self._record(self._answer, accept=True)

    def _keep_text(self) -> None:
        """The returned edit is not taken: it stays recorded as that person's answer (over
        their version), and the draft keeps its text."""
        self._answer = None
        self.diff.setVisible(False)
        self.accept_edit.setVisible(False)
        self.reject_edit.setVisible(False)
        self.answer_result.setText(
            self.tr("Your text is kept. Their version stays recorded as their answer.")
        )

    def _record(self, path: Path, *, accept: bool) -> None:
        session = self.session

        def work(ctx: JobContext) -> tuple[ReceiveOutcome, SavedDraft | None]:
            outcome = session.clearance.receive(path, accept_edit=accept)
            saved = session.drafts.current(outcome.draft_id) if outcome.accepted else None
            return outcome, saved

        def done(result: tuple[ReceiveOutcome, SavedDraft | None]) -> None:
            outcome, saved = result
            self._answer = path if outcome.diff and not outcome.accepted else None
            version = (
                self.tr("the current text") if outcome.current else self.tr("an earlier version")
            )
            self.answer_result.setText(
                self.tr("Recorded: {0} — {1} ({2}).").format(
                    outcome.signer, self._answered(outcome.role), version
                )
            )
            self.diff.setPlainText("\n".join(str(line) for line in outcome.diff))
            self.diff.setVisible(bool(outcome.diff))
            self.accept_edit.setVisible(self._answer is not None)
            self.reject_edit.setVisible(self._answer is not None)
            if saved is not None:
                self.cable = saved.cable
                self.answer_result.setText(
                    self.tr("Accepted: the draft's text is now their version.")
                )
                self.draft_changed.emit(saved)
            self._load()

        self.workers.run("record an answer", work, write=True, on_done=done, on_failed=self._failed)

    def _failed(self, exc: BaseException) -> None:
        show_error(self, exc)

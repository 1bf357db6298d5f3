"""Opening a sealed cable in the desktop application: File → Open, or a ``.cable``
dropped on the window.

The cable is decrypted and verified off the GUI thread (a progress bar for big
attachments); the verdict comes first, in colour and words — who signed, how
far you trust them, whether it was meant for you, intact or which file
changed —, then the clearance statements it carries and what each is worth,
then the cable itself, read-only with its banner; and the actions: import the
sender's card (it starts unverified), save the attachments (into a folder you
choose; decrypted again, written only if the cable verifies; of a cable not
sealed for the user, only after they confirm it). Text from the
file is shown as plain text, never as markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from cabledesk.domain.trust import TrustState
from cabledesk.domain.visible_text import visible
from cabledesk.services.contacts import ImportOutcome
from cabledesk.services.opening import ArchivedBefore, Severity, Verdict, Verification
from cabledesk.ui._contacts_model import trust_text
from cabledesk.ui.cable_view import CableView
from cabledesk.ui.errors import show_error
from cabledesk.ui.phrases import in_words
from cabledesk.ui.plain import PlainLabel, ask, inform, progress_dialog
from cabledesk.ui.verdict_words import (
    VERDICT_COLOURS,
    chain_words,
    claimed_name,
    keys_changed,
    statement_words,
    verdict_words,
)
from cabledesk.ui.workers import JobContext

if TYPE_CHECKING:
    from cabledesk.ui.main_window import MainWindow

__all__ = ["VerificationDialog", "open_cable", "verdict_style"]

_COLOURS = {severity: VERDICT_COLOURS[severity.value] for severity in Severity}


def verdict_style(severity: Severity) -> str:
    background, foreground = _COLOURS[severity]
    return f"background: {background}; color: {foreground}; padding: 10px; border-radius: 4px;"


class VerificationDialog(QDialog):
    """The verdict, then the cable; with the actions that make sense for it."""

    def __init__(
        self,
        window: MainWindow,
        path: Path,
        result: Verification,
        previous: ArchivedBefore | None = None,
    ) -> None:
        super().__init__(window)
        self.setObjectName("verificationDialog")
        self.setWindowTitle(self.tr("Sealed cable — {0}").format(path.name))
        self.setMinimumSize(760, 640)
        self._window = window
        self._path = path
        self.verification = result
        message, hint = verdict_words(result.to_dict())
        verdict = PlainLabel(message + (f"\n{hint}" if hint else ""))
        verdict.setObjectName("verdict")
        verdict.setWordWrap(True)
        verdict.setTextFormat(Qt.TextFormat.PlainText)  # names from the file are data
        verdict.setStyleSheet(verdict_style(result.severity))
        verdict.setAccessibleName(self.tr("Verdict"))
        details = PlainLabel(self._details(result))
        details.setObjectName("verdictDetails")
        details.setWordWrap(True)
        details.setTextFormat(Qt.TextFormat.PlainText)
        self.view = CableView()
        layout = QVBoxLayout(self)
        layout.addWidget(verdict)
        layout.addWidget(details)
        if result.statements:
            layout.addWidget(self._statements(result))
        # issue 18: the clearer's answers to a clearance request
        from cabledesk.ui._clearer_actions import (
            add_clearer_buttons,
            changes_view,
            is_request_to_answer,
        )

        answering = is_request_to_answer(window, result)
        if answering and result.cable is not None:
            layout.addWidget(changes_view(window, result.cable, previous))
        if result.cable is not None:
            layout.addWidget(self.view, 1)
            self.view.show_cable(result.cable, window.session.drafts.banner(result.cable))
        else:
            layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        stranger = result.trust is None or result.trust.state is TrustState.UNKNOWN
        if result.ok and result.sender_card is not None and stranger:
            card = QPushButton(self.tr("Import sender's card"))
            card.setObjectName("importCard")
            card.clicked.connect(self.import_card)
            buttons.addButton(card, QDialogButtonBox.ButtonRole.ActionRole)
        has_attachments = any(f.path.startswith("attachments/") for f in result.files)
        if result.ok and has_attachments:
            save = QPushButton(self.tr("Save attachments…"))
            save.setObjectName("saveAttachments")
            save.clicked.connect(self.save_attachments)
            buttons.addButton(save, QDialogButtonBox.ButtonRole.ActionRole)
        elif result.verdict is Verdict.NOT_ADDRESSED_TO_YOU and has_attachments:
            # the desktop's --accept-forwarded: a deliberate, confirmed choice
            forwarded = QPushButton(self.tr("Save attachments anyway…"))
            forwarded.setObjectName("saveForwarded")
            forwarded.clicked.connect(self.save_forwarded_attachments)
            buttons.addButton(forwarded, QDialogButtonBox.ButtonRole.ActionRole)
        if answering:
            add_clearer_buttons(self, buttons, window, path)
        layout.addWidget(buttons)
        self.choose_folder = self._ask_folder
        self.confirm_forwarded = ask

    def _details(self, result: Verification) -> str:
        lines = []
        if result.signer is not None:
            record = result.to_dict()
            trust = trust_text(result.trust) if result.trust else self.tr("unknown")
            claimed = claimed_name(record)
            if keys_changed(record):
                trust = self.tr("KEYS CHANGED since you verified them")
            known = result.known_as
            who = (
                known.label
                if known is not None
                else self.tr("not among your contacts, signs as '{0}'").format(claimed)
            )
            lines.append(
                self.tr("Signed by {0} — {1}\nKey {2}").format(
                    who, trust, result.signer.fingerprint
                )
            )
            if known is not None and known.label != claimed:
                lines.append(
                    self.tr(
                        "Signs as '{0}': the sender's own claim, not your contact record."
                    ).format(claimed)
                )
        if result.addressed_to_you is not None:
            lines.append(
                self.tr("Addressed to you: yes")
                if result.addressed_to_you
                else self.tr("NOT in the list of recipients the signer named")
            )
        if result.post_quantum is not None:
            lines.append(
                self.tr("Sealed post-quantum: yes (ML-KEM-768 + X25519)")
                if result.post_quantum
                else self.tr("Sealed post-quantum: no (X25519)")
            )
        if result.changed_file:
            lines.append(self.tr("Changed after signing: {0}").format(result.changed_file))
        if result.recipient_kinds:
            lines.append(
                self.tr("Made for keys of kind: {0}").format(", ".join(result.recipient_kinds))
            )
        # escaped: a bidi override in a name would make "cod.exe" read "exe.doc"
        names = [visible(f.name) for f in result.files if f.path.startswith("attachments/")]
        if names:
            lines.append(self.tr("Attachments: {0}").format(", ".join(names)))
        phrases = result.warning_phrases  # translated; a verification made without them: English
        lines += (
            [in_words(p) for p in phrases]
            if len(phrases) == len(result.warnings)
            else [*result.warnings]
        )
        return "\n".join(lines)

    def _statements(self, result: Verification) -> QLabel:
        """The clearance statements the cable carries, each with what it is worth."""
        words = [statement_words(s.to_dict()) for s in result.statements]
        chain = chain_words(result.chain())  # issue 18: who drafted, cleared, approved
        label = PlainLabel(
            "\n".join(chain)
            + ("\n\n" if chain else "")
            + self.tr("Clearance statements ({0}):").format(len(words))
            + "\n"
            + "\n\n".join(words)
        )
        label.setObjectName("statements")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)  # names and comments from the file are data
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setAccessibleName(self.tr("Clearance statements"))
        return label

    def import_card(self) -> None:
        """Import the sender's card (off the GUI thread); say what was imported."""
        opening, verification = self._window.session.opening, self.verification
        self._window.workers.run(
            "import the sender's card",
            lambda ctx: opening.import_sender_card(verification),
            write=True,
            on_done=self._card_imported,
            on_failed=lambda exc: show_error(self, exc),
        )

    def _card_imported(self, outcome: ImportOutcome) -> None:
        inform(
            self,
            self.tr("Contact imported"),
            self.tr(
                "{0} is now among your contacts, unverified.\nSafety number:\n{1}\n\nCompare it "
                "with them by phone or in person, then mark the contact verified."
            ).format(outcome.contact.name, outcome.contact.card.safety_number),
        )

    def _ask_folder(self) -> Path | None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Save the attachments into"))
        return Path(name) if name else None

    def save_forwarded_attachments(self) -> None:
        """Save the attachments of a cable not sealed for the user, once they confirm."""
        answer = self.confirm_forwarded(
            self,
            self.tr("Not sealed for you"),
            self.tr(
                "The signer did not seal this cable for you: someone re-encrypted it to you. "
                "Its signature is intact, but the signer never chose you as a reader.\n\n"
                "Save its attachments anyway?"
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.save_attachments(accept_forwarded=True)

    def save_attachments(self, *, accept_forwarded: bool = False) -> None:
        folder = self.choose_folder()
        if folder is None:
            return
        opening = self._window.session.opening
        path = self._path

        def work(ctx: JobContext) -> Verification:
            result, _ = opening.open(
                path,
                extract_to=folder,
                store=False,
                progress=ctx.progress,
                cancel=ctx.cancelled,
                accept_forwarded=accept_forwarded,
            )
            return result

        def done(result: Verification) -> None:
            names = "\n".join(str(p) for p in result.extracted)
            inform(self, self.tr("Saved"), names or result.message)

        self._window.workers.run(
            "extract", work, on_done=done, on_failed=lambda e: show_error(self, e)
        )


def open_cable(window: MainWindow, path: Path) -> None:
    """Open ``path`` with the vault's identities; show the verdict and the cable."""
    progress = progress_dialog(
        QCoreApplication.translate("MainWindow", "Opening {0}…").format(path.name),
        QCoreApplication.translate("MainWindow", "Cancel"),
        0,
        0,
        window,
    )
    progress.setObjectName("openProgress")
    progress.setMinimumDuration(400)
    opening = window.session.opening

    def work(ctx: JobContext) -> tuple[Verification, ArchivedBefore | None]:
        result, _, previous = opening.open_noting_previous(
            path, progress=ctx.progress, cancel=ctx.cancelled
        )
        return result, previous

    def done(opened: tuple[Verification, ArchivedBefore | None]) -> None:
        progress.close()
        window.show_section(window.section)
        VerificationDialog(window, path, *opened).exec()

    def failed(exc: BaseException) -> None:
        progress.close()
        show_error(window, exc)

    job = window.workers.run("open", work, write=True, on_done=done, on_failed=failed)
    progress.canceled.connect(job.cancel)

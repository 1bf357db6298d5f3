"""What importing a contact card did: new, updated or unchanged, and the safety number.

The verdict panel says it in colour and words; the facts are the name, post,
fingerprint and safety number (to read aloud with the person), whether the
card is self-certified, and the trust. "Mark verified…" asks how the safety
number was compared (required) and records it, off the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from cabledesk.domain.trust import TrustState
from cabledesk.services.contacts import Contact, ImportOutcome, ImportStatus
from cabledesk.services.session import Session
from cabledesk.ui._contact_details import safety_lines
from cabledesk.ui._contacts_model import contact_trust_text
from cabledesk.ui._reason_dialog import VerifyDialog
from cabledesk.ui.document_verdict import Tone, VerdictPanel
from cabledesk.ui.workers import Workers

__all__ = ["CardImport", "CardImportDialog", "import_card"]


@dataclass(frozen=True, slots=True)
class CardImport:
    outcome: ImportOutcome
    safety_number: str


def import_card(session: Session, data: bytes | Path) -> CardImport:
    """Import a card (its bytes or its file) and compute its safety number; off the GUI thread."""
    if isinstance(data, Path):
        outcome = session.contacts.import_card_file(data)
    else:
        outcome = session.contacts.import_card(data)
    return CardImport(outcome, outcome.contact.card.safety_number)


class CardImportDialog(QDialog):
    def __init__(self, session: Session, workers: Workers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._workers = workers
        self._contact: Contact | None = None
        self._outcome: ImportOutcome | None = None
        self._safety = ""
        self._status = ImportStatus.NEW
        self.setObjectName("cardImportDialog")
        self.setWindowTitle(self.tr("Contact card"))
        self.setMinimumWidth(620)
        self.panel = VerdictPanel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName("closeCard")
        self.verify_button = self.buttons.addButton(
            self.tr("Mark verified…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.verify_button.setObjectName("markVerified")
        self.verify_button.setAccessibleName(self.tr("Mark the contact verified"))
        self.verify_button.setVisible(False)
        self.verify_button.clicked.connect(self.mark_verified)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.panel.show_verdict(Tone.CAUTION, self.tr("Importing the contact card…"))

    def show_outcome(self, result: CardImport) -> None:
        self._status = result.outcome.status
        self._safety = result.safety_number
        self._outcome = result.outcome
        self._show(result.outcome.contact)

    def show_problem(self, exc: BaseException) -> None:
        self.verify_button.setVisible(False)
        self.panel.show_problem(exc, self.tr("This contact card was not imported"))

    def _show(self, contact: Contact) -> None:
        self._contact = contact
        name, state = contact.name, contact.trust.state
        headline = {
            ImportStatus.NEW: self.tr("{0} was added to your contacts"),
            ImportStatus.UPDATED: self.tr("{0}'s card was updated"),
            ImportStatus.UNCHANGED: self.tr("{0} is already in your contacts, unchanged"),
        }[self._status].format(name)
        if state is TrustState.VERIFIED:
            tone, advice = Tone.GOOD, self.tr("You verified this contact before.")
        elif state is TrustState.REVOKED:
            tone = Tone.BAD
            advice = self.tr("These keys are revoked: nothing is encrypted to them any more.")
        else:
            tone = Tone.CAUTION
            advice = self.tr(
                "Not verified yet. Read the safety number below with {0} over another channel "
                "— in person, or aloud on the phone — then mark the contact verified."
            ).format(name)
        if contact.keys_changed:
            tone = Tone.BAD
            advice = self.tr(
                "Keys changed since you verified {0}: whoever holds these keys may not be the "
                "person you verified. Compare the safety number below with them over another "
                "channel before you trust it."
            ).format(name)
        rotated_from = self._outcome.rotated_from if self._outcome is not None else None
        if rotated_from is not None:
            headline = self.tr("{0} has a new key: the contact continues").format(name)
            if state is TrustState.VERIFIED:
                advice = self.tr(
                    "{0} replaced their key, and their previous key signed the new card: "
                    "the contact you verified continues, still verified."
                ).format(name)
            elif state is not TrustState.REVOKED:
                advice = self.tr(
                    "{0} replaced their key, and their previous key signed the new card: "
                    "the contact continues, still unverified. Read the safety number below "
                    "with {0} over another channel, then mark the contact verified."
                ).format(name)
        changes = self._outcome.changes if self._outcome is not None else ()
        if changes and state is TrustState.VERIFIED:
            tone = Tone.CAUTION
            advice = self.tr(
                "The card changes what it says about {0}: until you verify again, the release "
                "policy keeps using what you verified."
            ).format(name)
        card = contact.card
        certified = (
            self.tr("yes: signed by its own key")
            if card.self_certified
            else self.tr("no: made from public keys")
        )
        self.panel.show_verdict(
            tone,
            headline,
            advice,
            [
                ("post", self.tr("Post:"), card.post or "—"),
                ("fingerprint", self.tr("Fingerprint:"), contact.fingerprint),
                ("safety", self.tr("Safety number:"), safety_lines(self._safety)),
                ("certified", self.tr("Self-certified:"), certified),
                ("trust", self.tr("Trust:"), contact_trust_text(contact)),
                *(
                    (("previous", self.tr("Previous key:"), rotated_from),)
                    if rotated_from is not None
                    else ()
                ),
                *(
                    (
                        f"changed_{c.claim}",
                        self.tr("Changed {0}:").format(c.claim),
                        self.tr("{0} → {1}").format(c.before, c.after),
                    )
                    for c in changes
                ),
            ],
        )
        # a verified contact whose card changed its claims is verified again to accept them
        self.verify_button.setVisible(
            state is TrustState.UNVERIFIED or bool(contact.claims_changed)
        )
        self.verify_button.setEnabled(True)

    def mark_verified(self) -> None:
        contact = self._contact
        if contact is None:
            return
        dialog = VerifyDialog(self, contact.name, self._safety)
        contacts, fingerprint = self._session.contacts, contact.fingerprint

        def go() -> None:
            how = dialog.text()
            self.verify_button.setEnabled(False)
            self._workers.run(
                "mark verified",
                lambda ctx: contacts.verify(fingerprint, how),
                write=True,
                on_done=self._show,
                on_failed=self.show_problem,
            )

        dialog.accepted.connect(go)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

"""The window that shows the check of a received document: the verdict panel first.

When a bundle brought the signer's contact card and the signer is not yet
one of the contacts, "Import the signer's card…" imports it (off the GUI
thread) and shows the card as :class:`CardImportDialog` does.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from cabledesk.services.document_signers import DocumentVerification, SignerSource
from cabledesk.services.session import Session
from cabledesk.ui.document_verdict import Tone, VerdictPanel
from cabledesk.ui.workers import Workers

__all__ = ["DocumentVerdictDialog"]


class DocumentVerdictDialog(QDialog):
    def __init__(
        self, session: Session, workers: Workers, path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._workers = workers
        self._card: bytes | None = None
        self.setObjectName("documentVerdictDialog")
        self.setWindowTitle(self.tr("Signature check — {0}").format(path.name))
        self.setMinimumWidth(640)
        self.panel = VerdictPanel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setObjectName("closeVerdict")
        self.import_button = self.buttons.addButton(
            self.tr("Import the signer's card…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button.setObjectName("importSignerCard")
        self.import_button.setAccessibleName(self.tr("Import the signer's contact card"))
        self.import_button.setVisible(False)
        self.import_button.clicked.connect(self._import_card)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.panel.show_verdict(Tone.CAUTION, self.tr("Checking the signature…"))

    def show_result(self, result: DocumentVerification) -> None:
        self.panel.show_document(result)
        offer = result.card is not None and result.signer.source is SignerSource.BUNDLE_CARD
        self._card = result.card.to_bytes() if offer and result.card is not None else None
        self.import_button.setVisible(self._card is not None)

    def show_problem(self, exc: BaseException) -> None:
        self.panel.show_problem(exc, self.tr("The document could not be checked"))

    def _import_card(self) -> None:
        from cabledesk.ui._card_import_dialog import CardImportDialog, import_card

        if self._card is None:
            return
        data, session = self._card, self._session
        dialog = CardImportDialog(self._session, self._workers, self.parentWidget() or self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.import_button.setEnabled(False)
        self._workers.run(
            "import the signer's card",
            lambda ctx: import_card(session, data),
            write=True,
            on_done=dialog.show_outcome,
            on_failed=dialog.show_problem,
        )

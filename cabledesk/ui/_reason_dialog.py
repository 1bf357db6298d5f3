"""A dialog that asks for a required reason: how a contact was verified, why revoked.

The action button (``Mark verified``, ``Revoke``) stays disabled until some
text is typed or a suggestion is picked; the dialog itself is the
confirmation of the action. Open it with ``open()`` and read :meth:`text`
when ``accepted`` is emitted.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QVBoxLayout,
    QWidget,
)

from cabledesk.ui._contacts_model import REVOKE_REASONS, VERIFY_METHODS, how_in_english, how_words
from cabledesk.ui.plain import PlainLabel

__all__ = ["ReasonDialog", "RevokeDialog", "VerifyDialog"]


class ReasonDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        *,
        title: str,
        message: str,
        question: str,
        suggestions: Sequence[str],
        action: str,
        detail: str = "",
        name: str = "reasonDialog",
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(480)
        explanation = PlainLabel(message)
        explanation.setObjectName("reasonMessage")
        explanation.setWordWrap(True)
        explanation.setAccessibleName(self.tr("Explanation"))
        self.detail = PlainLabel(detail)
        self.detail.setObjectName("reasonDetail")
        self.detail.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAccessibleName(self.tr("Safety number"))
        self.detail.setVisible(bool(detail))
        label = PlainLabel(question)
        label.setWordWrap(True)
        self.reason = QComboBox()
        self.reason.setObjectName("reason")
        self.reason.setEditable(True)
        self.reason.addItems(list(suggestions))
        self.reason.setCurrentIndex(-1)
        self.reason.setAccessibleName(question)
        self.reason.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason.setCompleter(None)  # type: ignore[arg-type]  # no silent completion
        label.setBuddy(self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(action)
        self.ok.setObjectName("reasonOk")
        self.ok.setAccessibleName(action)
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.editTextChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.detail)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.reason.setFocus()

    english: Sequence[str] = ()  # the suggestions as the vault keeps them

    def text(self) -> str:
        """The reason typed or picked, with its spaces tidied; a suggestion picked in the
        user's language is given in English, as the vault keeps it."""
        return how_in_english(" ".join(self.reason.currentText().split()), self.english)

    def accept(self) -> None:
        if self.text():
            super().accept()


class VerifyDialog(ReasonDialog):
    """Asks how ``name``'s safety number was compared before marking them verified."""

    english = VERIFY_METHODS

    def __init__(self, parent: QWidget | None, name: str, safety_number: str) -> None:
        groups = safety_number.split()
        super().__init__(
            parent,
            title=self.tr("Mark {0} verified").format(name),
            message=self.tr(
                "Read this safety number with {0} over another channel — in person, or aloud "
                "on the phone — and check that it is the same on both sides:"
            ).format(name),
            question=self.tr("How did you verify it?"),
            suggestions=[how_words(method) for method in VERIFY_METHODS],
            action=self.tr("Mark verified"),
            detail=" ".join(groups[:6]) + "\n" + " ".join(groups[6:]),
            name="verifyDialog",
        )


class RevokeDialog(ReasonDialog):
    """Asks why ``name``'s keys are revoked; the dialog is the confirmation."""

    english = REVOKE_REASONS

    def __init__(self, parent: QWidget | None, name: str) -> None:
        super().__init__(
            parent,
            title=self.tr("Revoke {0}'s keys").format(name),
            message=self.tr(
                "Nothing more will be encrypted or sealed to {0}, and what these keys sign "
                "will no longer be trusted. To use {0} again you will need their new card."
            ).format(name),
            question=self.tr("Why are the keys revoked?"),
            suggestions=[how_words(reason) for reason in REVOKE_REASONS],
            action=self.tr("Revoke"),
            name="revokeDialog",
        )

"""The verdict first: a coloured panel that says in words what a check established.

:class:`VerdictPanel` shows a tone (good, caution, bad — green, amber, red,
with the matching standard icon), a headline, a sentence of advice and the
facts behind it (who signed, their trust, intact or modified, what the
signature was made for). :meth:`VerdictPanel.show_document` renders a
:class:`~cabledesk.export.verification.DocumentVerification`;
:meth:`VerdictPanel.show_verdict` takes any tone, words and facts, for a
sealed cable's check or a contact card; :meth:`VerdictPanel.show_problem`
says why a check could not be made. Colours are fixed (light background,
dark text) so the panel reads the same in light and dark palettes.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QStyle, QVBoxLayout

from cabledesk.errors import SignatureMissing
from cabledesk.services.document_signers import (
    CONTACT_NAMESPACE,
    DOCUMENT_NAMESPACE,
    SEAL_NAMESPACE,
    DocumentVerification,
    SignerSource,
    Verdict,
)
from cabledesk.ui._contacts_model import trust_text
from cabledesk.ui._wrapped import grow
from cabledesk.ui.errors import describe
from cabledesk.ui.plain import PlainLabel

__all__ = ["Tone", "VerdictPanel"]

ICON_SIZE = 40


class Tone(StrEnum):
    GOOD = "good"
    CAUTION = "caution"
    BAD = "bad"


# background, accent (border and headline), text
_COLOURS = {
    Tone.GOOD: ("#e8f5e9", "#1e7d32", "#1b1b1b"),
    Tone.CAUTION: ("#fff4e5", "#9a5b00", "#1b1b1b"),
    Tone.BAD: ("#fdecea", "#b71c1c", "#1b1b1b"),
}
_ICONS = {
    Tone.GOOD: QStyle.StandardPixmap.SP_DialogApplyButton,
    Tone.CAUTION: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Tone.BAD: QStyle.StandardPixmap.SP_MessageBoxCritical,
}
_TONES = {
    Verdict.VALID: Tone.GOOD,
    Verdict.VALID_UNVERIFIED: Tone.CAUTION,
    Verdict.UNKNOWN_SIGNER: Tone.CAUTION,
}
_MONO_FACTS = ("fingerprint", "sha256")


class VerdictPanel(QFrame):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("verdictPanel")
        self.setAccessibleName(self.tr("Verdict"))
        self.tone: Tone | None = None
        self.icon = PlainLabel()
        self.icon.setObjectName("verdictIcon")
        self.icon.setFixedSize(ICON_SIZE, ICON_SIZE)
        self.headline = PlainLabel()
        self.headline.setObjectName("verdictHeadline")
        self.headline.setWordWrap(True)
        self.headline.setAccessibleName(self.tr("Verdict"))
        font = self.headline.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.headline.setFont(font)
        self.explanation = PlainLabel()
        self.explanation.setObjectName("verdictExplanation")
        self.explanation.setWordWrap(True)
        self.explanation.setAccessibleName(self.tr("What it means"))
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts = QFormLayout()
        self.facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        words = QVBoxLayout()
        words.addWidget(self.headline)
        words.addWidget(self.explanation)
        words.addLayout(self.facts)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(words, 1)

    # --- generic ---------------------------------------------------------------------

    def show_verdict(
        self,
        tone: Tone,
        headline: str,
        explanation: str = "",
        facts: Sequence[tuple[str, str, str]] = (),
    ) -> None:
        """Show ``tone`` and the words; ``facts`` are (key, label, value) rows."""
        self.tone = tone
        background, accent, text = _COLOURS[tone]
        self.setStyleSheet(
            f"QFrame#verdictPanel {{ background: {background}; border: 1px solid {accent}; "
            f"border-left: 6px solid {accent}; border-radius: 4px; }} "
            f"QFrame#verdictPanel QLabel {{ color: {text}; background: transparent; }} "
            f"QFrame#verdictPanel QLabel#verdictHeadline {{ color: {accent}; }}"
        )
        pixmap = self.style().standardIcon(_ICONS[tone]).pixmap(ICON_SIZE, ICON_SIZE)
        self.icon.setPixmap(pixmap)
        self.icon.setAccessibleName(
            {
                Tone.GOOD: self.tr("Good"),
                Tone.CAUTION: self.tr("Caution"),
                Tone.BAD: self.tr("Warning"),
            }[tone]
        )
        self.headline.setText(headline)
        self.explanation.setText(explanation)
        self.explanation.setVisible(bool(explanation))
        while self.facts.rowCount():
            self.facts.removeRow(0)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        for key, label, value in facts:
            field = PlainLabel(value)
            field.setObjectName(f"fact_{key}")
            field.setWordWrap(key not in _MONO_FACTS)
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setAccessibleName(label.rstrip(":"))
            if key in _MONO_FACTS or key == "safety":
                field.setFont(mono)
            self.facts.addRow(label, field)

        grow(self)

    def fact(self, key: str) -> str:
        """The text of the fact ``key`` ("" if not shown)."""
        field = self.findChild(QLabel, f"fact_{key}")
        return field.text() if field is not None else ""

    def show_problem(self, exc: BaseException, headline: str = "") -> None:
        """Say why the check could not be made (a missing signature is a caution)."""
        problem = describe(exc)
        tone = Tone.CAUTION if isinstance(exc, SignatureMissing) else Tone.BAD
        if isinstance(exc, SignatureMissing):
            headline = self.tr("No signature to check")
        self.show_verdict(
            tone,
            headline or problem.title,
            " ".join(filter(None, (problem.message, problem.hint))),
        )

    # --- documents -------------------------------------------------------------------

    def show_document(self, result: DocumentVerification) -> None:
        headline, advice = self._words(result)
        self.show_verdict(
            _TONES.get(result.verdict, Tone.BAD), headline, advice, self._facts(result)
        )

    def _words(self, result: DocumentVerification) -> tuple[str, str]:
        match result.verdict:
            case Verdict.VALID if (result.signer.name or "").endswith("(you)"):
                return self.tr("Valid signature"), self.tr(
                    "The document is intact and was signed with your own key."
                )
            case Verdict.VALID:
                return self.tr("Valid signature"), self.tr(
                    "The document is intact and was signed by a verified contact."
                )
            case Verdict.VALID_UNVERIFIED:
                return self.tr("Valid signature — signer not verified"), self.tr(
                    "The document is intact, but you have not verified the signer yet. Compare "
                    "their safety number with them before relying on it."
                )
            case Verdict.UNKNOWN_SIGNER:
                return self.tr("Signed by an unknown key"), self.tr(
                    "The document is intact, but the key that signed it is not one of your "
                    "contacts. Do not rely on it until you have checked the fingerprint with "
                    "the sender."
                )
            case Verdict.REVOKED_SIGNER:
                return self.tr("Signed with a revoked key"), self.tr(
                    "The signer's keys are revoked. Do not trust this document."
                )
            case Verdict.WRONG_SIGNER:
                return self.tr("Signed by someone else"), self.tr(
                    "The document was not signed by the person you expected."
                )
            case Verdict.WRONG_PURPOSE:
                return self.tr("Signature made for something else"), self.tr(
                    "This signature was not made for a document. Do not accept it as the "
                    "signature of this document."
                )
            case Verdict.OTHER_FILE:
                return self.tr("Signature for another file"), self.tr(
                    "This signature belongs to another file and does not match this one."
                )
            case _:
                return self.tr("Modified — do not trust it"), self.tr(
                    "The document does not match its signature: it was changed after it was "
                    "signed, or the signature is forged. Ask the sender for a fresh copy."
                )

    def _facts(self, result: DocumentVerification) -> list[tuple[str, str, str]]:
        signer = result.signer
        if signer.name is None:
            who = self.tr("an unknown key")
        elif signer.source is SignerSource.BUNDLE_CARD:
            who = self.tr("{0}, according only to the card that came with it").format(signer.name)
        else:
            who = signer.name
        if signer.source is SignerSource.CONTACT and (signer.name or "").endswith("(you)"):
            trust = self.tr("your own key")  # VaultDocuments.lookup names the user so
        elif signer.source is SignerSource.CONTACT:
            trust = trust_text(signer.trust)
        elif signer.source is SignerSource.GIVEN:
            trust = self.tr("the key you named for this check")
        else:
            trust = self.tr("not one of your contacts")
        intact = (
            self.tr("intact: it matches the signature")
            if result.intact
            else self.tr("modified: it does not match the signature")
        )
        purpose = {
            DOCUMENT_NAMESPACE: self.tr("a document"),
            SEAL_NAMESPACE: self.tr("a sealed cable"),
            CONTACT_NAMESPACE: self.tr("a contact card"),
        }.get(result.namespace, self.tr("something else ({0})").format(result.namespace))
        facts = [
            ("signer", self.tr("Signed by:"), who),
            ("fingerprint", self.tr("Fingerprint:"), signer.fingerprint),
            ("trust", self.tr("Trust:"), trust),
            ("intact", self.tr("Document:"), intact),
            ("purpose", self.tr("Signature made for:"), purpose),
        ]
        if result.expected is not None:
            expected = result.expected.name or result.expected.fingerprint
            facts.append(("expected", self.tr("Expected signer:"), expected))
        if result.signature_for:
            facts.append(("signature_for", self.tr("Signature names:"), result.signature_for))
        facts += [
            ("document", self.tr("File:"), result.document),
            ("signature", self.tr("Signature:"), result.signature),
            ("sha256", self.tr("SHA-256:"), result.sha256),
        ]
        facts += [("note", self.tr("Note:"), note) for note in result.notes]
        return facts

"""The security office's dialogs: attest a card, revoke a key.

:class:`AttestDialog` shows the card as the office checked it (name, post,
fingerprint and the safety number to compare with its owner; all text from the
card shown as plain text) and asks what the office attests: scheme, clearance
(a level of that scheme), nationality, special accesses, roles and an optional
expiry. :class:`RevokeDialog` asks for a fingerprint, one of the directory
format's reasons and an optional explanation. Each records through
:class:`~cabledesk.services.authority.AuthorityService` on the writing worker;
a refusal is said inside the dialog, which stays open to correct it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cabledesk.services.authority import (
    REASONS,
    ROLES,
    Attested,
    AttestRequest,
    CardToAttest,
    Revoked,
)
from cabledesk.services.session import Session
from cabledesk.ui.errors import describe
from cabledesk.ui.plain import PlainLabel
from cabledesk.ui.workers import Workers, while_alive

__all__ = ["AttestDialog", "RevokeDialog"]


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


class _RecordDialog(QDialog):
    """What both dialogs share: a message line for refusals, the action button, and
    running the service call on the writing worker."""

    def __init__(self, session: Session, workers: Workers, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.session = session
        self.workers = workers
        self.message = PlainLabel()
        self.message.setObjectName("authorityMessage")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Result"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)

    def _action_button(self, text: str) -> None:
        self.action = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.action.setObjectName("actionButton")
        self.action.setDefault(True)
        self.buttons.accepted.connect(self._run)

    def _run(self) -> None:
        raise NotImplementedError

    def _failed(self, exc: BaseException) -> None:
        self.action.setEnabled(True)
        problem = describe(exc)
        if problem.bug:
            self.message.setText(problem.message)  # the bug itself went to the one handler
            return
        self.message.setText(" ".join(filter(None, (problem.message, problem.hint))))


class AttestDialog(_RecordDialog):
    """Attest the card in ``path`` (already checked: ``card``); ``attested`` once done."""

    def __init__(
        self,
        session: Session,
        workers: Workers,
        path: Path,
        card: CardToAttest,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(session, workers, parent)
        self.path = path
        self.card = card
        self.attested: Attested | None = None
        self.setObjectName("attestDialog")
        self.setWindowTitle(self.tr("Attest a card"))
        self.setMinimumWidth(560)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        who = PlainLabel(f"{card.name} — {card.post}" if card.post else card.name)
        who.setObjectName("cardName")
        who.setWordWrap(True)
        fingerprint = PlainLabel(card.fingerprint)
        fingerprint.setObjectName("cardFingerprint")
        safety = PlainLabel(card.safety_number)
        safety.setObjectName("cardSafetyNumber")
        safety.setAccessibleName(self.tr("Safety number"))
        for label in (fingerprint, safety):
            label.setFont(mono)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        compare = PlainLabel(
            self.tr(
                "The card's self-signature is valid. Compare its safety number with the person "
                "before you attest it: the attestation is for these exact keys."
            )
        )
        compare.setWordWrap(True)
        self.scheme = QComboBox()
        self.scheme.setObjectName("scheme")
        self.scheme.setAccessibleName(self.tr("Scheme"))
        for scheme_id in sorted(session.schemes):
            self.scheme.addItem(session.schemes[scheme_id].name, scheme_id)
        self.clearance = QComboBox()
        self.clearance.setObjectName("clearance")
        self.clearance.setAccessibleName(self.tr("Clearance"))
        self.scheme.currentIndexChanged.connect(lambda _: self._fill_levels())
        index = self.scheme.findData(card.scheme)
        self.scheme.setCurrentIndex(max(index, 0))
        self._fill_levels(card.clearance)
        self.nationality = QLineEdit(card.nationality)
        self.nationality.setObjectName("nationality")
        self.nationality.setAccessibleName(self.tr("Nationality"))
        self.nationality.setPlaceholderText(self.tr("ISO 3166 code, e.g. FRA"))
        self.accesses = QLineEdit(", ".join(card.accesses))
        self.accesses.setObjectName("accesses")
        self.accesses.setAccessibleName(self.tr("Special accesses"))
        self.accesses.setPlaceholderText(self.tr("e.g. ATOMAL, CRYPTO"))
        self.roles: dict[str, QCheckBox] = {}
        role_names = {
            "release-authority": self.tr("Release authority"),
            "clearer": self.tr("Clearer"),
            "registry": self.tr("Registry"),
        }
        roles = QHBoxLayout()
        for role in ROLES:
            box = QCheckBox(role_names.get(role, role))
            box.setObjectName(f"role-{role}")
            self.roles[role] = box
            roles.addWidget(box)
        roles.addStretch(1)
        self.expires_on = QCheckBox(self.tr("Expires on"))
        self.expires_on.setObjectName("expiresOn")
        self.expires = QDateEdit(QDate.currentDate().addYears(1))
        self.expires.setObjectName("expires")
        self.expires.setAccessibleName(self.tr("Expiry date"))
        self.expires.setCalendarPopup(True)
        self.expires.setDisplayFormat("yyyy-MM-dd")
        self.expires.setEnabled(False)
        self.expires_on.toggled.connect(self.expires.setEnabled)
        expiry = QHBoxLayout()
        expiry.addWidget(self.expires_on)
        expiry.addWidget(self.expires)
        expiry.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Card of:"), who)
        form.addRow(self.tr("Fingerprint:"), fingerprint)
        form.addRow(self.tr("Safety number:"), safety)
        form.addRow(compare)
        form.addRow(self.tr("Scheme:"), self.scheme)
        form.addRow(self.tr("Clearance:"), self.clearance)
        form.addRow(self.tr("Nationality:"), self.nationality)
        form.addRow(self.tr("Special accesses:"), self.accesses)
        form.addRow(self.tr("Roles:"), roles)
        form.addRow(self.tr("Attestation:"), expiry)
        self._action_button(self.tr("Attest"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _fill_levels(self, wanted: str = "") -> None:
        current = wanted or self.clearance.currentText()
        self.clearance.clear()
        scheme_id = self.scheme.currentData()
        if scheme_id is None:
            return
        for level in self.session.schemes[scheme_id].levels:
            self.clearance.addItem(level.name)
        index = self.clearance.findText(current)
        if index >= 0:
            self.clearance.setCurrentIndex(index)

    def request(self) -> AttestRequest:
        """What the office attests, as filled in."""
        expires = None
        if self.expires_on.isChecked():
            day = self.expires.date()
            expires = datetime(day.year(), day.month(), day.day(), tzinfo=UTC)
        return AttestRequest(
            clearance=self.clearance.currentText(),
            nationality=self.nationality.text(),
            scheme=self.scheme.currentData(),
            accesses=_split(self.accesses.text()),
            roles=tuple(role for role, box in self.roles.items() if box.isChecked()),
            expires=expires,
        )

    def _run(self) -> None:
        request, path, authority = self.request(), self.path, self.session.authority
        self.action.setEnabled(False)
        self.message.setText(self.tr("Recording the attestation…"))
        self.workers.run(
            "attest a card",
            lambda ctx: authority.attest_file(path, request),
            write=True,
            on_done=while_alive(self, self._done),
            on_failed=while_alive(self, self._failed),
        )

    def _done(self, attested: Attested) -> None:
        self.attested = attested
        self.accept()


class RevokeDialog(_RecordDialog):
    """Revoke a key for one of the format's reasons; ``revoked`` once done."""

    def __init__(self, session: Session, workers: Workers, parent: QWidget | None = None) -> None:
        super().__init__(session, workers, parent)
        self.revoked: Revoked | None = None
        self.setObjectName("revokeDialog")
        self.setWindowTitle(self.tr("Revoke a key"))
        self.setMinimumWidth(560)
        explanation = PlainLabel(
            self.tr(
                "The key is listed as revoked in the next directory you publish, and its "
                "attestation is withdrawn. Users' CableDesk then refuses it everywhere."
            )
        )
        explanation.setWordWrap(True)
        self.fingerprint = QLineEdit()
        self.fingerprint.setObjectName("fingerprint")
        self.fingerprint.setAccessibleName(self.tr("Fingerprint"))
        self.fingerprint.setPlaceholderText("SHA256:…")
        self.fingerprint.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.reason = QComboBox()
        self.reason.setObjectName("reason")
        self.reason.setAccessibleName(self.tr("Reason"))
        names = {
            "key-compromise": self.tr("Key compromise"),
            "left-service": self.tr("Left the service"),
            "clearance-withdrawn": self.tr("Clearance withdrawn"),
            "superseded": self.tr("Superseded by a new key"),
        }
        for reason in REASONS:
            self.reason.addItem(names.get(reason, reason), reason)
        self.text = QLineEdit()
        self.text.setObjectName("revocationText")
        self.text.setAccessibleName(self.tr("Explanation"))
        self.text.setPlaceholderText(self.tr("Optional, published with the revocation"))
        form = QFormLayout()
        form.addRow(explanation)
        form.addRow(self.tr("Fingerprint:"), self.fingerprint)
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(self.tr("Explanation:"), self.text)
        self._action_button(self.tr("Revoke"))
        self.action.setEnabled(False)
        self.fingerprint.textChanged.connect(
            lambda text: self.action.setEnabled(bool(text.strip()))
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _run(self) -> None:
        fingerprint, reason, text = (
            self.fingerprint.text(), self.reason.currentData(), self.text.text(),
        )  # fmt: skip
        authority = self.session.authority
        self.action.setEnabled(False)
        self.workers.run(
            "revoke a key",
            lambda ctx: authority.revoke(fingerprint, reason, text),
            write=True,
            on_done=while_alive(self, self._done),
            on_failed=while_alive(self, self._failed),
        )

    def _done(self, revoked: Revoked) -> None:
        self.revoked = revoked
        self.accept()

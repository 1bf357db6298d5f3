"""The detail pane of the contacts view: everything about one contact's card.

Fingerprint and safety number are in a fixed-width font and selectable, the
safety number in groups of five digits (two lines of six groups), ready to be
read aloud. Only public keys are shown; a contact has no other.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from cabledesk.domain.attestation import Attestation
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.domain.trust import TrustState
from cabledesk.ui._contacts_model import (
    ContactEntry,
    contact_trust_colour,
    contact_trust_text,
    short_date,
)
from cabledesk.ui.plain import PlainLabel

__all__ = ["ContactDetails", "safety_lines"]

_KEYS = ("fingerprint", "encryption")


def safety_lines(number: str) -> str:
    """The safety number as two lines of six groups of five digits."""
    groups = number.split()
    return " ".join(groups[:6]) + "\n" + " ".join(groups[6:])


class ContactDetails(QWidget):
    def __init__(self, schemes: SchemeRegistry) -> None:
        super().__init__()
        self.setObjectName("contactDetails")
        self.setAccessibleName(self.tr("Contact details"))
        self._schemes = schemes
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.empty = PlainLabel(
            self.tr("Select a contact to see its fingerprint and safety number.")
        )
        self.empty.setObjectName("noContact")
        self.empty.setWordWrap(True)
        self.title = PlainLabel()
        self.title.setObjectName("contactTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.fields: dict[str, QLabel | QLineEdit] = {}
        # One form for all (no nested layouts): wrapped labels then get their full height.
        form = self.form = QFormLayout(self)
        form.addRow(self.empty)
        form.addRow(self.title)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        rows = (
            ("trust", self.tr("Trust:")),
            ("fingerprint", self.tr("Fingerprint:")),
            ("safety", self.tr("Safety number:")),
            ("post", self.tr("Post:")),
            ("role", self.tr("Role:")),
            ("nationality", self.tr("Nationality:")),
            ("clearance", self.tr("Clearance:")),
            ("scheme", self.tr("Scheme:")),
            ("expires", self.tr("Card expires:")),
            ("certified", self.tr("Self-certified:")),
            ("encryption", self.tr("Encryption key:")),
            ("groups", self.tr("Groups:")),
        )
        for key, label in rows:
            value: QLabel | QLineEdit
            if key in _KEYS:  # one long word: a read-only field scrolls and copies whole
                value = QLineEdit()
                value.setReadOnly(True)
                value.setFrame(False)
                value.setStyleSheet("QLineEdit { background: transparent; }")
            else:
                value = PlainLabel()
                value.setWordWrap(key != "safety")
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setObjectName(f"contact_{key}")
            value.setAccessibleName(label.rstrip(":"))
            if key in (*_KEYS, "safety"):
                value.setFont(mono)
            self.fields[key] = value
            form.addRow(label, value)
        self.note = PlainLabel()
        self.note.setObjectName("contactNote")
        self.note.setWordWrap(True)
        form.addRow(self.note)
        self.show_entry(None)

    def show_entry(self, entry: ContactEntry | None) -> None:
        self.form.setRowVisible(0, entry is None)
        for row in range(1, self.form.rowCount()):
            self.form.setRowVisible(row, entry is not None)
        if entry is None:
            self.title.clear()
            for label in self.fields.values():
                label.clear()
            self.note.clear()
            return
        contact, card = entry.contact, entry.contact.card
        self.title.setText(contact.name)
        f = self.fields
        f["trust"].setText(contact_trust_text(contact))
        f["trust"].setStyleSheet(f"color: {contact_trust_colour(contact).name()};")
        f["fingerprint"].setText(contact.fingerprint)
        f["safety"].setText(safety_lines(entry.safety_number))
        f["post"].setText(card.post or "—")
        f["role"].setText(card.role or "—")
        attestation = contact.attestation  # a trusted security office's word, if any
        if attestation is not None and attestation.nationality:
            f["nationality"].setText(self._attested(attestation.nationality, attestation))
        else:
            f["nationality"].setText(self._declared(card.nationality or "—"))
        if attestation is not None and attestation.clearance:
            f["clearance"].setText(self._attested(attestation.clearance, attestation))
        else:
            f["clearance"].setText(self._declared(card.clearance or self.tr("none stated")))
        scheme = self._schemes.get(card.scheme)
        f["scheme"].setText(scheme.name if scheme is not None else card.scheme)
        if card.expires is None:
            f["expires"].setText(self.tr("never"))
        elif entry.expired:
            f["expires"].setText(self.tr("{0} — expired").format(short_date(card.expires)))
        else:
            f["expires"].setText(short_date(card.expires))
        f["certified"].setText(
            self.tr("Yes: the card is signed by its own key")
            if card.self_certified
            else self.tr("No: made from public keys; compare the fingerprint with its owner")
        )
        f["encryption"].setText(str(card.keys.encryption))
        for key in _KEYS:
            field = f[key]
            if isinstance(field, QLineEdit):
                field.setCursorPosition(0)
        fingerprint = f["fingerprint"]
        # The fingerprint is read and compared whole: below its label when too narrow.
        width = fingerprint.fontMetrics().horizontalAdvance(contact.fingerprint + "  ")
        fingerprint.setMinimumWidth(width)
        f["groups"].setText(", ".join(entry.groups) or "—")
        self.note.setText(self._advice(entry))

    def _attested(self, value: str, attestation: Attestation) -> str:
        return self.tr("{0} — attested by {1} on {2}").format(
            value, attestation.anchor_name, attestation.attested.date().isoformat()
        )

    def _declared(self, value: str) -> str:
        return self.tr("{0} — self-declared").format(value)

    def _advice(self, entry: ContactEntry) -> str:
        state = entry.contact.trust.state
        if state is TrustState.UNVERIFIED:
            return self.tr(
                "Not verified yet: read the safety number with {0} over another channel (in "
                "person or on the phone), then mark the contact verified."
            ).format(entry.contact.name)
        if state is TrustState.REVOKED:
            return self.tr(
                "Revoked: nothing is encrypted to these keys any more, and what they sign is "
                "not trusted."
            )
        return ""

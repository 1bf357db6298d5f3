"""The contacts table: one row per contact, with its trust state in words and colour.

:class:`ContactEntry` is what a load off the GUI thread produces (the
service's :class:`~cabledesk.services.contacts.ContactRecord`: the contact,
its safety number already computed, whether its card has expired, the groups
it belongs to); :class:`ContactsModel` shows a list of them.
:func:`trust_text` and :func:`trust_colour` are shared with the detail pane
and the recipient lists.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFontDatabase
from PySide6.QtWidgets import QApplication, QStyle

from cabledesk.domain.trust import Trust, TrustState
from cabledesk.errors import CableDeskError
from cabledesk.services.contacts import Contact, ContactRecord, Group, ImportOutcome
from cabledesk.services.session import Session
from cabledesk.ui._table_model import ListTableModel
from cabledesk.ui.colours import readable
from cabledesk.ui.plain import plain_tooltip

__all__ = [
    "ENTRY_ROLE",
    "REVOKE_REASONS",
    "VERIFY_METHODS",
    "ContactEntry",
    "ContactsModel",
    "contact_trust_brief",
    "contact_trust_colour",
    "contact_trust_text",
    "how_in_english",
    "how_words",
    "import_card_files",
    "load_contacts",
    "same_names",
    "short_date",
    "short_fingerprint",
    "trust_colour",
    "trust_text",
]

ENTRY_ROLE = int(Qt.ItemDataRole.UserRole) + 1
_COLOURS = {
    TrustState.VERIFIED: "#1e7d32",
    TrustState.UNVERIFIED: "#9a5b00",  # 5.3:1 on white (#b26a00 was 4.2:1)
    TrustState.REVOKED: "#c62828",
    TrustState.UNKNOWN: "#5f6368",
}
ContactEntry = ContactRecord

# How a contact was verified, or why revoked: the vault keeps these in English (the words
# the command line and the audit log show); the desktop shows them in the user's language.
VERIFY_METHODS = (
    str(QT_TRANSLATE_NOOP("trust-how", "safety number read aloud on the phone")),
    str(QT_TRANSLATE_NOOP("trust-how", "safety number compared in person")),
    str(QT_TRANSLATE_NOOP("trust-how", "fingerprint compared in person")),
)
REVOKE_REASONS = (
    str(QT_TRANSLATE_NOOP("trust-how", "laptop lost or stolen")),
    str(QT_TRANSLATE_NOOP("trust-how", "left the service")),
    str(QT_TRANSLATE_NOOP("trust-how", "keys may be compromised")),
)
_CORE_HOWS = (  # the core's own words (services/contacts.py, opening.py, seal, store)
    str(QT_TRANSLATE_NOOP("trust-how", "fingerprint compared")),
    str(QT_TRANSLATE_NOOP("trust-how", "your own key")),
    str(QT_TRANSLATE_NOOP("trust-how", "your own identity")),
    str(QT_TRANSLATE_NOOP("trust-how", "keys changed since you verified them")),
)


def how_words(how: str) -> str:
    """How a contact was verified (or why revoked) in the user's language: one of the
    known English phrases translated; anything the user typed, as typed."""
    return QCoreApplication.translate("trust-how", how) if how else how


def how_in_english(text: str, known: Sequence[str]) -> str:
    """The English phrase of ``known`` whose translation is ``text`` (what the user chose
    in the language shown), else ``text`` as typed: the vault keeps the English."""
    for english in known:
        if how_words(english) == text:
            return english
    return text


def load_contacts(session: Session) -> tuple[list[ContactEntry], list[Group]]:
    """Every contact with its safety number, and the groups (call off the GUI thread)."""
    return session.contacts.records()


def import_card_files(
    session: Session, paths: Sequence[Path]
) -> list[tuple[Path, ImportOutcome | CableDeskError]]:
    """Import each ``.contact`` file; a refusal is kept beside its path (off the GUI thread)."""
    results: list[tuple[Path, ImportOutcome | CableDeskError]] = []
    for path in paths:
        try:
            results.append((path, session.contacts.import_card_file(path)))
        except CableDeskError as exc:  # each card on its own: say why, go on
            results.append((path, exc))
    return results


def short_fingerprint(fingerprint: str) -> str:
    """The fingerprint's first twelve characters after ``SHA256:``, to tell contacts
    apart at a glance (the whole one goes in a tool tip)."""
    return fingerprint if len(fingerprint) <= 20 else fingerprint[:19] + "…"


def same_names(contacts: Iterable[Contact]) -> set[str]:
    """The fingerprints of the contacts whose name (ignoring case and surrounding
    spaces) another contact also bears: two cards under one name, one may be an impostor."""
    by_name: dict[str, list[str]] = {}
    for contact in contacts:
        by_name.setdefault(contact.name.strip().casefold(), []).append(contact.fingerprint)
    return {fp for fps in by_name.values() if len(fps) > 1 for fp in fps}


def short_date(moment: datetime | None) -> str:
    return "" if moment is None else f"{moment:%Y-%m-%d}"


def trust_text(trust: Trust) -> str:
    """The trust state in words: when it was set and how (or why)."""
    translate = QCoreApplication.translate
    when = short_date(trust.since)
    match trust.state:
        case TrustState.VERIFIED:
            text = translate("trust", "Verified on {0}").format(when) if when else ""
            text = text or translate("trust", "Verified")
        case TrustState.REVOKED:
            text = translate("trust", "Revoked on {0}").format(when) if when else ""
            text = text or translate("trust", "Revoked")
        case TrustState.UNVERIFIED:
            return translate("trust", "Unverified")
        case _:
            return translate("trust", "Unknown: not one of your contacts")
    how = how_words(trust.how)
    return translate("trust", "{0} ({1})").format(text, how) if how else text


def contact_trust_text(contact: Contact) -> str:
    """The trust of a contact in words, saying loudly when its keys changed since the
    user verified them, and when claims wait to be verified again."""
    translate = QCoreApplication.translate
    if contact.keys_changed:
        return translate("trust", "Keys changed since you verified them: not verified")
    text = trust_text(contact.trust)
    if contact.claims_changed:
        return translate("trust", "{0}; changed details to verify: {1}").format(
            text, ", ".join(contact.claims_changed)
        )
    return text


def contact_trust_brief(contact: Contact) -> str:
    """The trust state in a few words, for a column: the state and its date (how it was
    verified, or why revoked, is in :func:`contact_trust_text`)."""
    if contact.keys_changed or contact.claims_changed:  # loud, in full
        return contact_trust_text(contact)
    return trust_text(Trust(contact.trust.state, contact.trust.since))


def contact_trust_colour(contact: Contact) -> QColor:
    """The trust state's colour; keys changed since verified shows as a revocation does."""
    if contact.keys_changed:
        return trust_colour(TrustState.REVOKED)
    return trust_colour(contact.trust.state)


def trust_colour(state: TrustState) -> QColor:
    return QColor(_COLOURS[state])


class ContactsModel(ListTableModel[ContactEntry]):
    """Columns: name, post, trust, fingerprint. ``ENTRY_ROLE`` gives the entry."""

    NAME, POST, TRUST, FINGERPRINT = range(4)

    def __init__(self) -> None:
        super().__init__()
        self._headers = (
            self.tr("Name"),
            self.tr("Post"),
            self.tr("Trust"),
            self.tr("Fingerprint"),
        )
        self._mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self._same: set[str] = set()

    def set_entries(self, entries: Sequence[ContactEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._same = same_names(e.contact for e in self._entries)
        self.endResetModel()

    def entries(self) -> list[ContactEntry]:
        return list(self._entries)

    def entry(self, row: int) -> ContactEntry:
        return self._entries[row]

    def row_of(self, fingerprint: str) -> int | None:
        for i, entry in enumerate(self._entries):
            if entry.fingerprint == fingerprint:
                return i
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid() or index.row() >= len(self._entries):
            return None
        entry = self._entries[index.row()]
        contact, column = entry.contact, index.column()
        if role == ENTRY_ROLE:
            return entry
        same = column == self.NAME and entry.fingerprint in self._same
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._same_name(entry) if same else self._text(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TRUST:
            return plain_tooltip(contact_trust_text(contact))
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._same_name(entry) if same else self._text(entry, column))
        if role == Qt.ItemDataRole.DecorationRole and same:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.DecorationRole and column == self.TRUST:
            return contact_trust_colour(contact)
        alarming = contact.trust.state is TrustState.REVOKED or contact.keys_changed
        if role == Qt.ItemDataRole.ForegroundRole and column == self.TRUST and alarming:
            return readable(trust_colour(TrustState.REVOKED))
        if role == Qt.ItemDataRole.FontRole and column == self.FINGERPRINT:
            return self._mono
        return None

    def _same_name(self, entry: ContactEntry) -> str:
        return self.tr(
            "{0} — another contact bears the same name: compare the fingerprints"
        ).format(entry.contact.name)

    def same_name(self, fingerprint: str) -> bool:
        """Whether another contact bears the name of the contact ``fingerprint``."""
        return fingerprint in self._same

    def _text(self, entry: ContactEntry, column: int) -> str:
        contact = entry.contact
        if column == self.NAME:
            return contact.name
        if column == self.POST:
            return contact.card.post
        if column == self.TRUST:  # in a few words; in full in the tool tip and the details
            text = contact_trust_brief(contact)
            return self.tr("{0} — card expired").format(text) if entry.expired else text
        return contact.fingerprint

"""The audit log as a table: number, time (UTC), event and details in words.

Rows are appended page by page (newest first) as the view loads more. The
details of an entry are a small mapping; they are shown as short phrases
("Klaus Weber (AMEMBASSY BERLIN) · SHA256:…", "how: phone") rather than JSON.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontDatabase

from cabledesk.services.audit import AuditEntry, Event
from cabledesk.ui._table_model import ListTableModel
from cabledesk.ui.plain import plain_tooltip

__all__ = ["AuditModel"]

_NAMED = ("name", "post", "fingerprint")


class AuditModel(ListTableModel[AuditEntry]):
    SEQ, TIME, EVENT, DETAILS = range(4)

    def __init__(self) -> None:
        super().__init__()
        self._headers = (
            self.tr("No."),
            self.tr("Time (UTC)"),
            self.tr("Event"),
            self.tr("Details"),
        )
        self._mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self._events = {
            Event.VAULT_CREATED: self.tr("Vault created"),
            Event.VAULT_RESTORED: self.tr("Vault restored"),
            Event.IDENTITY_CREATED: self.tr("Identity created"),
            Event.IDENTITY_UPGRADED: self.tr("Post-quantum key added to the identity"),
            Event.CONTACT_IMPORTED: self.tr("Contact imported"),
            Event.CONTACT_ADDED: self.tr("Contact added"),
            Event.CONTACT_VERIFIED: self.tr("Contact verified"),
            Event.CONTACT_REVOKED: self.tr("Contact revoked"),
            Event.GROUP_CHANGED: self.tr("Group changed"),
            Event.DRAFT_CREATED: self.tr("Draft created"),
            Event.DRAFT_DELETED: self.tr("Draft deleted"),
            Event.DRAFT_RESTORED: self.tr("Draft version restored"),
            Event.CLASSIFICATION_LOWERED: self.tr("Classification lowered"),
            Event.CABLE_SEALED: self.tr("Cable sealed"),
            Event.CABLE_OPENED: self.tr("Cable opened"),
            Event.CABLE_IMPORTED: self.tr("Cables imported"),
            Event.DOCUMENT_EXPORTED: self.tr("Document exported"),
            Event.DOCUMENT_VERIFIED: self.tr("Document checked"),
            Event.FILE_ENCRYPTED: self.tr("File encrypted"),
            Event.PASSPHRASE_CHANGED: self.tr("Passphrase changed"),
            Event.PASSPHRASE_CHANGE_UNDONE: self.tr("Passphrase change cancelled"),
            Event.ROLLBACK_ACCEPTED: self.tr("Older database accepted"),
            Event.KEY_FILE_UPGRADED: self.tr("Vault key file upgraded"),
            Event.KEYCHAIN_ENABLED: self.tr("Remembered on this device"),
            Event.KEYCHAIN_DISABLED: self.tr("Forgotten on this device"),
            Event.BACKUP_CREATED: self.tr("Backup created"),
            Event.SETTING_CHANGED: self.tr("Setting changed"),
            Event.SECRET_KEY_EXPORTED: self.tr("Secret key exported"),
            Event.BANNERS_RECOMPUTED: self.tr("Banners recomputed under newer marking rules"),
            Event.UNLOCKS_FAILED: self.tr("Failed unlock attempts"),
            Event.OPEN_FAILED: self.tr("Cable could not be opened"),
            Event.CARD_REJECTED: self.tr("Contact card rejected"),
            # a security office's key (issue 16, authority side)
            Event.AUTHORITY_CREATED: self.tr("Authority key created"),
            Event.ANCHOR_EXPORTED: self.tr("Anchor exported"),
            Event.KEY_ATTESTED: self.tr("Key attested"),
            Event.ATTESTED_KEY_REVOKED: self.tr("Key revoked by the authority"),
            Event.DIRECTORY_PUBLISHED: self.tr("Directory published"),
            Event.ANCHOR_TRUSTED: self.tr("Security office anchor trusted"),
            Event.ANCHOR_UNTRUSTED: self.tr("Security office anchor removed"),
            Event.DIRECTORY_IMPORTED: self.tr("Directory imported"),
            Event.ATTESTATION_CHANGED: self.tr("Attested attribute changed"),
            # issue 18: clearance
            Event.CLEARANCE_REQUESTED: self.tr("Sent for clearance"),
            Event.CLEARANCE_GIVEN: self.tr("Clearance answer given"),
            Event.CLEARANCE_RECEIVED: self.tr("Clearance answer recorded"),
            Event.CLEARANCE_EDIT_ACCEPTED: self.tr("Returned changes accepted"),
            Event.CLEARANCE_REFUSED: self.tr("Clearance answer refused"),
            # key rotation and the user's own key revoked (issue 16, rotation)
            Event.IDENTITY_ROTATED: self.tr("Identity key replaced (key rotation)"),
            Event.OWN_KEY_REVOKED: self.tr("Your own key revoked by a directory"),
            # clearance: release authority and attachments (branch clearcore)
            Event.CLEARANCE_REQUEST_REFUSED: self.tr("Clearance request refused"),
            Event.RELEASE_REFUSED: self.tr("Release refused"),
        }
        self._keys = {
            "how": self.tr("how"),
            "why": self.tr("why"),
            "updated": self.tr("updated"),
            "file": self.tr("file"),
            "files": self.tr("files"),
            "bytes": self.tr("bytes"),
            "verdict": self.tr("verdict"),
            "signer": self.tr("signer"),
            "signed": self.tr("signed"),
            "to": self.tr("to"),
            "from": self.tr("from"),
            "draft": self.tr("draft"),
            "cable": self.tr("cable"),
            "banner": self.tr("banner"),
            "format": self.tr("format"),
            "justification": self.tr("justification"),
            "passphrase": self.tr("passphrase"),
            "count": self.tr("count"),
            "vault": self.tr("vault"),
            "attachments": self.tr("attachments"),
            "sanitized": self.tr("sanitized"),
            "sha256": self.tr("sha256"),
            "extracted": self.tr("extracted"),
            "first": self.tr("first"),
            "last": self.tr("last"),
            "version": self.tr("version"),
            "saved_as": self.tr("saved as version"),
            "rollup": self.tr("roll-up rules"),
            "drafts": self.tr("drafts changed"),
            "archive": self.tr("archived cables changed"),
            "drafts_checked": self.tr("drafts checked"),
            "archive_checked": self.tr("archived cables checked"),
            "unreadable": self.tr("kept, could not be recomputed"),
            "unreadable_count": self.tr("could not be recomputed"),
            "reason": self.tr("reason"),
            # a security office's key (issue 16, authority side)
            "nationalities": self.tr("nationalities"),
            "schemes": self.tr("schemes"),
            "clearance": self.tr("clearance"),
            "scheme": self.tr("scheme"),
            "nationality": self.tr("nationality"),
            "accesses": self.tr("special accesses"),
            "roles": self.tr("roles"),
            "replaced": self.tr("replaced an earlier attestation"),
            "was_attested": self.tr("attestation withdrawn"),
            "serial": self.tr("serial"),
            "entries": self.tr("attested"),
            "revocations": self.tr("revoked"),
            "text": self.tr("text (clearance hash)"),  # issue 18
            "clearers": self.tr("clearers"),  # issue 18
            "approvers": self.tr("approvers"),  # issue 18
            "role": self.tr("role"),  # issue 18
        }

    # --- content ---

    def set_entries(self, entries: Sequence[AuditEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self.endResetModel()

    def append(self, entries: Sequence[AuditEntry]) -> None:
        known = {e.seq for e in self._entries}
        fresh = [e for e in entries if e.seq not in known]
        if not fresh:
            return
        first = len(self._entries)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._entries.extend(fresh)
        self.endInsertRows()

    def oldest_seq(self) -> int | None:
        return self._entries[-1].seq if self._entries else None

    # --- Qt ---

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid() or index.row() >= len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return self.text(entry, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self.text(entry, index.column()))
        if role == Qt.ItemDataRole.FontRole and index.column() == self.TIME:
            return self._mono
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.SEQ:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def text(self, entry: AuditEntry, column: int) -> str:
        if column == self.SEQ:
            return str(entry.seq)
        if column == self.TIME:
            return f"{entry.at.astimezone(UTC):%Y-%m-%d %H:%M:%S}"
        if column == self.EVENT:
            try:
                return self._events[Event(entry.event)]
            except (ValueError, KeyError):  # an event of a newer CableDesk
                return entry.event
        return self.details(entry.details)

    def details(self, details: dict[str, object]) -> str:
        """The details of an entry as short phrases joined by " · "."""
        parts: list[str] = []
        if details.get("group"):  # "EU posts: added SHA256:…"
            change = {
                "created": self.tr("created"),
                "added": self.tr("added"),
                "removed": self.tr("removed"),
            }.get(str(details.get("change", "")), str(details.get("change", "")))
            member = str(details.get("fingerprint", ""))
            return self.tr("{0}: {1} {2}").format(details["group"], change, member).strip()
        who = [str(details[k]) for k in ("name", "post") if details.get(k)]
        if who:
            parts.append(who[0] + (f" ({who[1]})" if len(who) > 1 else ""))
        if details.get("fingerprint"):
            parts.append(str(details["fingerprint"]))
        for key, value in details.items():
            if key in _NAMED or value is None or value == "":
                continue
            label = self._keys.get(key, key)
            if isinstance(value, bool):
                parts.append(label if value else self.tr("not {0}").format(label))
            elif isinstance(value, list):
                parts.append(self.tr("{0}: {1}").format(label, ", ".join(str(v) for v in value)))
            else:
                parts.append(self.tr("{0}: {1}").format(label, value))
        return " · ".join(parts)

"""The recipient picker: a checkable table of the vault's groups and contacts.

One model for every place that chooses recipients — the seal dialog and file
encryption. Groups come first, then contacts. A revoked contact — or a group
with one — is shown disabled with the reason, so it cannot be chosen; its keys
are not used any more. :func:`load_recipients` (or :func:`recipient_items` over
an :class:`~cabledesk.services.contacts.AddressBook` read off the GUI thread)
makes the rows.

Column 0 is the recipient, ticked or not; a contact whose name another contact
also bears is flagged there (a warning icon and words), so that two cards under
one name cannot pass for one person. Column 1 is the contact's trust state in
words (with its colour), column 2 a short fingerprint (the whole one in the tool
tip), to tell such contacts apart. Column 3 is the release policy's
word on each contact the ticks include (directly or through a group), set by
the seal dialog with :meth:`RecipientsModel.set_policy`: allowed, refused, or
allowed once confirmed — a contact not verified yet gets a tick box of its own
there, to confirm that the user trusts its key. File encryption shows
both columns too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QStyle, QTreeView

from cabledesk.domain.trust import TrustState
from cabledesk.services.contacts import AddressBook
from cabledesk.services.session import Session
from cabledesk.ui._contacts_model import (
    contact_trust_brief,
    contact_trust_colour,
    contact_trust_text,
    same_names,
    short_fingerprint,
    trust_colour,
    trust_text,
)
from cabledesk.ui.colours import readable

__all__ = [
    "PolicyCell",
    "RecipientItem",
    "RecipientsModel",
    "load_recipients",
    "recipient_items",
]

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class RecipientItem:
    """A group (``key`` is its name) or a contact (``key`` is its fingerprint)."""

    key: str
    label: str
    group: bool
    refused: str = ""  # why it cannot be chosen; empty when it can
    trust: str = ""  # a contact's trust state in a few words
    trust_details: str = ""  # and in full (how verified, why revoked)
    trust_colour: str = ""  # its colour, "#rrggbb"
    same_name: bool = False  # another contact bears the same name

    @property
    def usable(self) -> bool:
        return not self.refused


@dataclass(frozen=True, slots=True)
class PolicyCell:
    """What the release-policy column shows for a contact the ticks include."""

    text: str
    colour: str
    tooltip: str = ""
    needs_confirmation: bool = False


def recipient_items(book: AddressBook) -> list[RecipientItem]:
    """The groups, then the contacts, of ``book``, each with why it cannot be chosen."""
    translate = QCoreApplication.translate
    contacts = {c.fingerprint: c for c in book.contacts}
    doubles = same_names(contacts.values())
    items: list[RecipientItem] = []
    for group in book.groups:
        revoked = [
            contacts[fp].name
            for fp in group.members
            if fp in contacts and contacts[fp].trust.state is TrustState.REVOKED
        ]
        refused = ""
        if not group.members:
            refused = translate("recipients", "the group has no members")
        elif revoked:
            refused = translate("recipients", "the keys of {0} are revoked").format(
                ", ".join(revoked)
            )
        label = translate("recipients", "Group {0} ({1} members)").format(
            group.name, len(group.members)
        )
        items.append(RecipientItem(group.name, label, True, refused))
    for contact in contacts.values():
        post = contact.card.post
        label = f"{contact.name} — {post}" if post else contact.name
        refused = ""
        if contact.trust.state is TrustState.REVOKED:
            refused = trust_text(contact.trust)
        elif contact.keys_changed:
            label = translate("recipients", "{0} (keys changed since verified)").format(label)
        elif contact.trust.state is TrustState.UNVERIFIED:
            label = translate("recipients", "{0} (unverified)").format(label)
        same = contact.fingerprint in doubles
        if same:
            label = translate("recipients", "{0} — same name as another contact").format(label)
        colour = contact_trust_colour(contact).name()
        brief, trust = contact_trust_brief(contact), contact_trust_text(contact)
        items.append(
            RecipientItem(contact.fingerprint, label, False, refused, brief, trust, colour, same)
        )
    return items


def load_recipients(session: Session) -> list[RecipientItem]:
    """The groups, then the contacts, of the vault (call off the GUI thread)."""
    return recipient_items(session.contacts.book())


class RecipientsModel(QAbstractItemModel):
    """See the module docstring. ``checked()`` gives the ticked rows, ``confirmed()``
    the fingerprints confirmed in the release-policy column."""

    RECIPIENT, TRUST, FINGERPRINT, POLICY = range(4)

    def __init__(self) -> None:
        super().__init__()
        self._items: list[RecipientItem] = []
        self._checked: set[str] = set()
        self._policy: dict[str, PolicyCell] = {}
        self._confirmed: set[str] = set()
        self._mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)

    # --- content ---

    def set_items(self, items: Sequence[RecipientItem], checked: Iterable[str] = ()) -> None:
        """Show ``items``; tick those of ``checked`` (keys, any case) that can be chosen."""
        self.beginResetModel()
        self._items = list(items)
        usable = {i.key.casefold(): i.key for i in self._items if i.usable}
        self._checked = {usable[k.casefold()] for k in checked if k.casefold() in usable}
        self._policy.clear()
        self._confirmed.clear()
        self.endResetModel()

    def items(self) -> list[RecipientItem]:
        return list(self._items)

    def checked(self) -> list[RecipientItem]:
        return [i for i in self._items if i.key in self._checked]

    def set_checked(self, key: str, on: bool = True) -> None:
        """Tick or untick the row of ``key`` as a click would."""
        row = next(i for i, item in enumerate(self._items) if item.key == key)
        state = Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        self.setData(self.index(row, self.RECIPIENT), state, Qt.ItemDataRole.CheckStateRole)

    def set_policy(self, cells: Mapping[str, PolicyCell]) -> None:
        """The release-policy column for the contacts (by fingerprint) the ticks include;
        the others empty. A confirmation stays as long as its contact still needs one."""
        self._policy = dict(cells)
        self._confirmed = {
            fp for fp in self._confirmed if fp in cells and cells[fp].needs_confirmation
        }
        if self._items:
            last = len(self._items) - 1
            self.dataChanged.emit(self.index(0, self.POLICY), self.index(last, self.POLICY))

    def confirmed(self) -> set[str]:
        return set(self._confirmed)

    def row_of(self, key: str) -> int | None:
        return next((i for i, item in enumerate(self._items) if item.key == key), None)

    @classmethod
    def fit(cls, view: QTreeView) -> None:
        """Widen every column but the last (which stretches) of a recipient picker to
        its contents, so that no name, trust state or fingerprint is cut off."""
        view.header().setStretchLastSection(True)
        for column in range(cls.POLICY):
            view.resizeColumnToContents(column)

    # --- Qt ---

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not (0 <= row < len(self._items)) or not (0 <= column < 4):
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, child: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        return QModelIndex()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 4

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = 0
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Recipient"),
            self.tr("Trust"),
            self.tr("Fingerprint"),
            self.tr("Release policy"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        item = self._items[index.row()]
        if not item.usable:
            return Qt.ItemFlag.NoItemFlags
        enabled = Qt.ItemFlag.ItemIsEnabled
        if index.column() == self.RECIPIENT:
            return enabled | Qt.ItemFlag.ItemIsUserCheckable
        if index.column() != self.POLICY:
            return enabled
        cell = self._policy.get(item.key)
        if cell is not None and cell.needs_confirmation:
            return enabled | Qt.ItemFlag.ItemIsUserCheckable
        return enabled

    def data(self, index: _Index, role: int = 0) -> object:
        if not index.isValid() or index.row() >= len(self._items):
            return None
        item = self._items[index.row()]
        if index.column() == self.POLICY:
            return self._policy_data(item, role)
        if index.column() == self.TRUST:
            return self._trust_data(item, role)
        if index.column() == self.FINGERPRINT:
            return self._fingerprint_data(item, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if item.refused:
                return self.tr("{0} — cannot be chosen: {1}").format(item.label, item.refused)
            return item.label
        if role == Qt.ItemDataRole.ToolTipRole:
            return item.refused or (item.label if item.group else item.key)
        if role == Qt.ItemDataRole.CheckStateRole:
            on = item.key in self._checked
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and item.refused:
            return readable(trust_colour(TrustState.REVOKED))
        if role == Qt.ItemDataRole.DecorationRole and item.same_name:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return None

    def _trust_data(self, item: RecipientItem, role: int) -> object:
        if item.group:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return item.trust
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return item.trust_details
        if role == Qt.ItemDataRole.ForegroundRole and item.trust_colour:
            return readable(item.trust_colour)
        return None

    def _fingerprint_data(self, item: RecipientItem, role: int) -> object:
        if item.group:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return short_fingerprint(item.key)
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return item.key
        if role == Qt.ItemDataRole.FontRole:
            return self._mono
        return None

    def _policy_data(self, item: RecipientItem, role: int) -> object:
        cell = self._policy.get(item.key)
        if cell is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return cell.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return cell.tooltip or cell.text
        if role == Qt.ItemDataRole.ForegroundRole:
            return readable(cell.colour)
        if role == Qt.ItemDataRole.CheckStateRole and cell.needs_confirmation:
            on = item.key in self._confirmed
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        return None

    def setData(  # noqa: N802
        self, index: _Index, value: object, role: int = 0
    ) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        item = self._items[index.row()]
        if not self.flags(index) & Qt.ItemFlag.ItemIsUserCheckable:
            return False
        state = value.value if isinstance(value, Qt.CheckState) else value
        chosen = self._checked if index.column() == self.RECIPIENT else self._confirmed
        if state == Qt.CheckState.Checked.value:
            chosen.add(item.key)
        else:
            chosen.discard(item.key)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True

"""Contacts (correspondents' cards with a trust state) and recipient groups.

A contact is identified by its fingerprint. Its card is kept byte for byte
as it was imported, so that it can be exported again and its self-signature
checked again; the columns beside it exist for listing and filtering. A card
read back is parsed without checking its self-signature again
(:meth:`ContactCard.parse_covered
<cabledesk.crypto.contact.ContactCard.parse_covered>`): it was checked when it
entered the vault (or, for a directory's card, the directory's signature
was), and the database is authenticated; so reading thousands of contacts
costs no signature verification.
Groups are distribution lists ("EU posts") of contacts.

Trust belongs to keys: marking a contact verified records the exact key set
of its card at that moment (:meth:`ContactCard.key_set
<cabledesk.crypto.contact.ContactCard.key_set>`), and
:attr:`Contact.keys_verified` says whether the card's keys are still those.
Replacing a card keeps the replaced one, with the trust it had, in the
contact's history (:meth:`ContactStore.history`). A contact stored verified
whose card no longer carries the verified keys is read back *unverified*,
"keys changed since you verified them" (:attr:`Contact.keys_changed`).

Verifying also records the card whose claims (name, post, clearance,
nationality, scheme, expiry, special accesses) the user verified
(:attr:`Contact.verified_card`): the release policy keeps using those
(:attr:`Contact.policy_card`) until the changed claims of a newer card are
verified in turn. A contact whose card came under the name of a verified
contact, with other keys, records that contact's fingerprint
(:attr:`Contact.keys_changed_from`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from cabledesk.crypto.card_facts import CardFacts
from cabledesk.crypto.contact import ContactCard
from cabledesk.domain.attestation import Attestation, KeyRevocation
from cabledesk.domain.trust import Trust, TrustState
from cabledesk.errors import VaultError
from cabledesk.store.database import Database, Row, like_escape
from cabledesk.store.directory import DIRECTORY_COLUMNS, DIRECTORY_JOINS, DirectorySays

__all__ = [
    "CLAIMS",
    "KEYS_CHANGED",
    "CardChange",
    "Contact",
    "ContactStore",
    "Group",
    "changed_claims",
]


@dataclass(frozen=True, slots=True)
class Contact:
    """A correspondent: their card, how far the user trusts it, and when it was added.

    ``verified_keys`` is the key set the user verified (None if not verified);
    ``verified_card`` the card whose claims they verified; ``keys_changed_from``
    the fingerprint of the verified contact of the same name this one's keys
    differ from (see the module docstring).
    """

    id: int
    card: ContactCard
    trust: Trust
    added: datetime
    verified_keys: str | None = None
    verified_card: ContactCard | None = None
    keys_changed_from: str | None = None
    # what a trusted anchor's directory says of this key (cabledesk.store.directory):
    # its attestation (only one that covers the card's exact keys and has not expired)
    # and its revocation, which wins over the user's own verification
    attestation: Attestation | None = None
    revocation: KeyRevocation | None = None
    # verified because a trusted anchor attests its keys (not verified by the user)
    verified_by_anchor: bool = False

    @property
    def fingerprint(self) -> str:
        return self.card.fingerprint

    @property
    def name(self) -> str:
        return self.card.name

    @property
    def keys_verified(self) -> bool:
        """Whether the card's current keys are exactly the ones the user verified."""
        return self.verified_keys is not None and self.verified_keys == self.card.key_set()

    @property
    def keys_changed(self) -> bool:
        """Whether this contact is unverified because its keys are not the ones the
        user verified: "keys changed since you verified them"."""
        if self.trust.state is not TrustState.UNVERIFIED:
            return False
        return (self.verified_keys is not None and not self.keys_verified) or (
            self.keys_changed_from is not None
        )

    @property
    def policy_card(self) -> ContactCard:
        """The card whose claims the release policy uses: the verified one for a
        verified contact (its claims may be older than the card's), else the card."""
        if self.trust.state is TrustState.VERIFIED and self.verified_card is not None:
            return self.verified_card
        return self.card

    @property
    def claims_changed(self) -> tuple[str, ...]:
        """The claims of the card that differ from the verified ones (none when the
        contact is not verified): they need verifying before the policy uses them."""
        if self.trust.state is not TrustState.VERIFIED or self.verified_card is None:
            return ()
        return changed_claims(self.verified_card, self.card)


# The claims of a card the release policy relies on: a change needs verifying.
CLAIMS = ("name", "post", "clearance", "nationality", "scheme", "expires", "accesses")
KEYS_CHANGED = "keys changed since you verified them"


def changed_claims(before: ContactCard, after: ContactCard) -> tuple[str, ...]:
    """The names of the :data:`CLAIMS` that differ between two cards."""
    return tuple(c for c in CLAIMS if getattr(before, c) != getattr(after, c))


@dataclass(frozen=True, slots=True)
class CardChange:
    """A card a contact had before: when it was replaced, the trust it had then, and why."""

    replaced: datetime
    card: ContactCard
    trust: Trust
    verified_keys: str | None
    reason: str


@dataclass(frozen=True, slots=True)
class Group:
    id: int
    name: str
    description: str
    members: tuple[str, ...]  # fingerprints


def _t(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _verified_keys(card: ContactCard, trust: Trust) -> str | None:
    return card.key_set() if trust.state is TrustState.VERIFIED else None


def _trust(state: str, since: str | None, how: str) -> Trust:
    return Trust(TrustState(state), datetime.fromisoformat(since) if since else None, how)


def _contact(row: Row, now: datetime | None = None) -> Contact:
    cid, card_bytes, trust_state, since, how, added, verified_keys, verified, changed_from = row[:9]
    card = ContactCard.parse_covered(bytes(card_bytes))
    trust = _trust(trust_state, since, how)
    if trust.state is TrustState.VERIFIED and verified_keys != card.key_set():
        trust = Trust(TrustState.UNVERIFIED, trust.since, KEYS_CHANGED)
    said = DirectorySays.of(row[9:], card, trust, now)
    return Contact(
        id=int(cid),
        card=card,
        trust=said.trust,
        added=datetime.fromisoformat(added),
        verified_keys=verified_keys,
        verified_card=None if verified is None else ContactCard.parse_covered(bytes(verified)),
        keys_changed_from=changed_from,
        attestation=said.attestation,
        revocation=said.revocation,
        verified_by_anchor=said.by_anchor,
    )


_SELECT = (
    "SELECT c.id, c.card, c.trust, c.trust_since, c.trust_how, c.added, c.verified_keys, "
    f"c.verified_card, c.keys_changed_from, {DIRECTORY_COLUMNS} FROM contacts c {DIRECTORY_JOINS}"
)


# The columns that come from a contact's card (beside its fingerprint), for listing
# and filtering; the card itself is kept byte for byte in ``card``.
_CARD_COLUMNS = (
    "card", "name", "post", "nationality", "scheme", "clearance", "expires", "self_certified",
    "card_sequence",
)  # fmt: skip


def _card_values(card: ContactCard | CardFacts) -> tuple[object, ...]:
    """The values of :data:`_CARD_COLUMNS` for ``card``, in that order."""
    return (
        card.to_bytes(), card.name, card.post, card.nationality, card.scheme, card.clearance,
        _t(card.expires), int(card.self_certified), card.sequence,
    )  # fmt: skip


class ContactStore:
    def __init__(self, db: Database, now: Callable[[], datetime] | None = None) -> None:
        self._db = db
        self._now = now  # for the expiry of attestations (none checked without it)

    # --- contacts ---

    def add(
        self, card: ContactCard, trust: Trust, added: datetime, *, replaces: Contact | None = None
    ) -> Contact:
        """Store a new contact; raises VaultError if its fingerprint is already known.

        A contact added verified has the keys and claims of ``card`` as its verified
        ones. ``replaces``: the verified contact of the same name whose keys this card
        does not carry; its card goes to the new contact's history ("keys changed").
        """
        if self.get(card.fingerprint) is not None:
            raise VaultError(f"{card.name} ({card.fingerprint}) is already in your contacts.")
        verified_keys = _verified_keys(card, trust)
        verified_card = card.to_bytes() if verified_keys is not None else None
        changed_from = None if replaces is None else replaces.fingerprint
        with self._db.transaction():
            cid = self._db.execute(
                f"INSERT INTO contacts(fingerprint, {', '.join(_CARD_COLUMNS)}, trust, "
                "trust_since, trust_how, added, verified_keys, verified_card, keys_changed_from) "
                f"VALUES (?, {', '.join('?' * len(_CARD_COLUMNS))}, ?, ?, ?, ?, ?, ?, ?)",
                (
                    card.fingerprint,
                    *_card_values(card),
                    trust.state.value,
                    _t(trust.since),
                    trust.how,
                    _t(added),
                    verified_keys,
                    verified_card,
                    changed_from,
                ),
            )
            if replaces is not None:
                self._db.execute(
                    "INSERT INTO contact_history(contact_id, replaced, card, trust, trust_since, "
                    "trust_how, verified_keys, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        cid,
                        _t(added),
                        replaces.card.to_bytes(),
                        replaces.trust.state.value,
                        _t(replaces.trust.since),
                        replaces.trust.how,
                        replaces.verified_keys,
                        f"{KEYS_CHANGED}: the keys of {replaces.fingerprint}",
                    ),
                )
        verified = None if verified_card is None else card
        return Contact(cid, card, trust, added, verified_keys, verified, changed_from)

    def add_many(self, cards: Sequence[CardFacts], added: datetime) -> None:
        """Store new unverified contacts at once (a directory's new people, their
        cards read in full); raises VaultError (from the database) if one is known."""
        state, when = TrustState.UNVERIFIED.value, _t(added)
        self._db.executemany(
            f"INSERT INTO contacts(fingerprint, {', '.join(_CARD_COLUMNS)}, trust, "
            f"trust_since, trust_how, added) VALUES (?, {', '.join('?' * len(_CARD_COLUMNS))}, "
            "?, NULL, '', ?)",
            [(card.fingerprint, *_card_values(card), state, when) for card in cards],
        )

    def card_states(self) -> dict[str, tuple[int, bool]]:
        """Every contact's fingerprint with its card's sequence and whether it is
        self-certified (a record made from raw keys is not), without reading cards."""
        rows = self._db.query("SELECT fingerprint, card_sequence, self_certified FROM contacts")
        return {str(fp): (int(seq), bool(certified)) for fp, seq, certified in rows}

    def replace_card(
        self, card: ContactCard, *, when: datetime, reason: str, bind_keys: bool = False
    ) -> None:
        """Store another card for a known fingerprint, keeping the trust state, the
        verified claims and the verified keys (so :attr:`Contact.keys_verified` turns
        False if the keys changed) — unless ``bind_keys``: the card is signed by the
        verified identity key, which binds its keys, and a verified contact's verified
        keys become the card's. The card replaced goes to the history, with its trust
        and ``reason``.

        Raises VaultError if no contact has that fingerprint.
        """
        with self._db.transaction():
            row = self._db.query_one(
                "SELECT id, card, trust, trust_since, trust_how, verified_keys FROM contacts "
                "WHERE fingerprint = ?",
                (card.fingerprint,),
            )
            if row is None:
                raise VaultError(f"{card.name} ({card.fingerprint}) is not one of your contacts.")
            self._db.execute(
                "INSERT INTO contact_history(contact_id, replaced, card, trust, trust_since, "
                "trust_how, verified_keys, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (row[0], _t(when), *row[1:], reason),
            )
            self._db.execute(
                f"UPDATE contacts SET {', '.join(f'{c} = ?' for c in _CARD_COLUMNS)} "
                "WHERE fingerprint = ?",
                (*_card_values(card), card.fingerprint),
            )
            if bind_keys and row[2] == TrustState.VERIFIED.value:
                self._db.execute(
                    "UPDATE contacts SET verified_keys = ? WHERE fingerprint = ?",
                    (card.key_set(), card.fingerprint),
                )

    def set_trust(self, fingerprint: str, trust: Trust) -> None:
        """Set a contact's trust. Verified records the key set of its current card
        as the verified keys, the card as the one whose claims were verified, and
        ends a "keys changed" state; any other state clears the verified keys and
        claims."""
        if trust.state is TrustState.UNKNOWN:
            raise ValueError("a stored contact is never of unknown trust")
        contact = self.get(fingerprint)
        if contact is None:
            raise VaultError(f"{fingerprint} is not one of your contacts.")
        verified_keys = _verified_keys(contact.card, trust)
        verified = verified_keys is not None
        self._db.execute(
            "UPDATE contacts SET trust = ?, trust_since = ?, trust_how = ?, verified_keys = ?, "
            "verified_card = ?, keys_changed_from = ? WHERE fingerprint = ?",
            (
                trust.state.value,
                _t(trust.since),
                trust.how,
                verified_keys,
                contact.card.to_bytes() if verified else None,
                None if verified else contact.keys_changed_from,
                fingerprint,
            ),
        )

    def history(self, fingerprint: str) -> list[CardChange]:
        """The cards a contact had before its current one, oldest first."""
        rows = self._db.query(
            "SELECT h.replaced, h.card, h.trust, h.trust_since, h.trust_how, h.verified_keys, "
            "h.reason FROM contact_history h JOIN contacts c ON c.id = h.contact_id "
            "WHERE c.fingerprint = ? ORDER BY h.id",
            (fingerprint,),
        )
        return [
            CardChange(
                replaced=datetime.fromisoformat(replaced),
                card=ContactCard.parse_covered(bytes(card)),
                trust=_trust(trust, since, how),
                verified_keys=verified_keys,
                reason=reason,
            )
            for replaced, card, trust, since, how, verified_keys, reason in rows
        ]

    def get(self, fingerprint: str) -> Contact | None:
        row = self._db.query_one(f"{_SELECT} WHERE c.fingerprint = ?", (fingerprint,))
        return None if row is None else self._contact(row)

    def all(self) -> list[Contact]:
        rows = self._db.query(f"{_SELECT} ORDER BY c.name COLLATE NOCASE")
        return [self._contact(r) for r in rows]

    def _contact(self, row: Row) -> Contact:
        return _contact(row, None if self._now is None else self._now())

    def find(self, text: str) -> list[Contact]:
        """Contacts designated by ``text``: a fingerprint or its prefix (with or without
        ``SHA256:``), or a name (any case); when no name is equal, names containing it."""
        text = text.strip()
        if not text:
            return []
        prefix = text if text.startswith("SHA256:") else "SHA256:" + text
        rows = self._db.query(
            f"{_SELECT} WHERE substr(c.fingerprint, 1, ?) = ? OR c.name = ? COLLATE NOCASE "
            "ORDER BY c.name COLLATE NOCASE",
            (len(prefix), prefix, text),
        )
        if not rows:
            rows = self._db.query(
                f"{_SELECT} WHERE c.name LIKE ? ESCAPE '\\' ORDER BY c.name COLLATE NOCASE",
                (f"%{like_escape(text)}%",),
            )
        return [self._contact(r) for r in rows]

    # --- groups ---

    def create_group(self, name: str, description: str = "") -> Group:
        name = name.strip()
        if not name:
            raise VaultError("A group needs a name.")
        if self.group(name) is not None:
            raise VaultError(f"There is already a group named {name!r}.")
        gid = self._db.execute(
            "INSERT INTO groups(name, description) VALUES (?, ?)", (name, description)
        )
        return Group(gid, name, description, ())

    def add_to_group(self, group: str, fingerprint: str) -> None:
        target = self._group_or_raise(group)
        contact = self.get(fingerprint)
        if contact is None:
            raise VaultError(f"{fingerprint} is not one of your contacts.")
        self._db.execute(
            "INSERT OR IGNORE INTO group_members(group_id, contact_id) VALUES (?, ?)",
            (target.id, contact.id),
        )

    def remove_from_group(self, group: str, fingerprint: str) -> None:
        target = self._group_or_raise(group)
        self._db.execute(
            "DELETE FROM group_members WHERE group_id = ? AND contact_id = "
            "(SELECT id FROM contacts WHERE fingerprint = ?)",
            (target.id, fingerprint),
        )

    def delete_group(self, group: str) -> None:
        self._db.execute("DELETE FROM groups WHERE id = ?", (self._group_or_raise(group).id,))

    def group(self, name: str) -> Group | None:
        row = self._db.query_one(
            "SELECT id, name, description FROM groups WHERE name = ? COLLATE NOCASE",
            (name.strip(),),
        )
        return None if row is None else self._with_members(row)

    def groups(self) -> list[Group]:
        rows = self._db.query("SELECT id, name, description FROM groups ORDER BY name")
        return [self._with_members(r) for r in rows]

    def _with_members(self, row: Row) -> Group:
        gid, name, description = row
        members = self._db.query(
            "SELECT c.fingerprint FROM group_members m JOIN contacts c ON c.id = m.contact_id "
            "WHERE m.group_id = ? ORDER BY c.name COLLATE NOCASE",
            (gid,),
        )
        return Group(int(gid), name, description, tuple(m[0] for m in members))

    def _group_or_raise(self, name: str) -> Group:
        group = self.group(name)
        if group is None:
            raise VaultError(f"There is no group named {name!r}.")
        return group

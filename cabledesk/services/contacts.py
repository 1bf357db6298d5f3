"""Contacts and groups: import cards, add standard-tool users, verify, revoke, resolve names.

Every change is recorded in the audit log in the same transaction.

The faces read contacts in two shapes, both made off the GUI thread:
:meth:`ContactsService.records` (each contact with its safety number, whether
its card expired and its groups: the contacts screen) and
:meth:`ContactsService.book` (an :class:`AddressBook`: every contact and group
as read at one moment, which resolves recipients without the database — the
recipient pickers tick and untick against it).
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cabledesk.atomic import write_atomic
from cabledesk.crypto.contact import ContactCard
from cabledesk.domain.trust import KnownAs, Trust, TrustState
from cabledesk.errors import CableDeskError, ContactError, InputError, VaultError
from cabledesk.services._address_book import AddressBook
from cabledesk.services._card_rules import (
    ClaimChange,
    ImportOutcome,
    ImportStatus,
    check_compared,
    claim_changes,
    is_newer,
    refuse_rollback,
    refuse_unsigned,
)
from cabledesk.services._failure_audit import audits_refusals
from cabledesk.services._rotation import (
    continue_contact,
    refuse_superseded,
    superseded_known_as,
    superseded_trust,
)
from cabledesk.store.audit import Details, Event
from cabledesk.store.contacts import Contact, Group
from cabledesk.store.directory import DirectoryStore
from cabledesk.store.vault import Vault

__all__ = [
    "MAX_CARD_FILE_BYTES",
    "AddressBook",
    "ClaimChange",
    "Contact",
    "ContactRecord",
    "ContactsService",
    "Group",
    "ImportOutcome",
    "ImportStatus",
]

# A card is at most 64 KiB; a file a little larger is read whole and refused by the parser.
MAX_CARD_FILE_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class ContactRecord:
    """A contact as the contacts screen lists it."""

    contact: Contact
    safety_number: str
    expired: bool = False
    groups: tuple[str, ...] = ()

    @property
    def fingerprint(self) -> str:
        return self.contact.fingerprint


class ContactsService:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    # --- adding ---

    @audits_refusals(Event.CARD_REJECTED, CableDeskError, lambda args, exc: _rejected(args, exc))
    def import_card(self, data: bytes, rotation: bytes | None = None) -> ImportOutcome:
        """Import a ``.contact`` file, under the rules of :mod:`._card_rules`.

        A new contact starts unverified; one under the name of a verified contact,
        with other keys, is flagged "keys changed since you verified them". A newer
        card of a known contact replaces its card and keeps its trust (its keys are
        bound by the same identity key; its changed claims wait for verification).
        Every change is audited with its before and after.

        Raises ContactError for a malformed, forged, unsigned or expired card, for an
        older or equal card of a known contact (a rollback), and for one of the
        user's own identities; each refusal is in the audit log ("contact card
        rejected", with the reason and the file's SHA-256). ``rotation``: a
        key-rotation statement signed by a contact's current key, which continues
        that contact under this card (:mod:`._rotation`; RotationRefused). A card of
        a contact's previous key is refused (RotationRefused).
        """
        card = ContactCard.parse(data, now=self._vault.now())
        if not card.self_certified:
            raise refuse_unsigned()
        own = {i.fingerprint for i in self._vault.identities.all()}
        if card.fingerprint in own:
            raise ContactError("This is your own contact card.", hint="Send it to others instead.")
        with self._vault.transaction():
            if rotation is not None:
                continued = continue_contact(self._vault, card, rotation)
                if continued is not None:
                    return continued
            refuse_superseded(self._vault, card)
            existing = self._vault.contacts.get(card.fingerprint)
            if existing is not None:
                return self._update(existing, card)
            replaces = self._verified_namesake(card)
            contact = self._vault.contacts.add(
                card, Trust(TrustState.UNVERIFIED), self._now(), replaces=replaces
            )
            extra: dict[str, str | bool] = {}
            if replaces is not None:
                extra = {
                    "keys_changed_from": replaces.fingerprint,
                    "keys_before": replaces.card.key_set().replace("\n", "; "),
                    "keys_after": card.key_set().replace("\n", "; "),
                }
            self._audit(Event.CONTACT_IMPORTED, card, **extra)
        return ImportOutcome(contact, ImportStatus.NEW, replaced=replaces)

    def _verified_namesake(self, card: ContactCard) -> Contact | None:
        """The verified contact named as ``card`` names its owner (compared in NFKC,
        any case, spaces collapsed), whose keys differ."""

        def same(text: str) -> str:
            return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()

        name = same(card.name)
        return next(
            (
                c
                for c in self._vault.contacts.all()
                if c.trust.state is TrustState.VERIFIED
                and same(c.name) == name
                and c.fingerprint != card.fingerprint
            ),
            None,
        )

    def _update(self, existing: Contact, card: ContactCard) -> ImportOutcome:
        """A self-signed card of a known identity key: a strictly newer one replaces the
        stored card (see :mod:`._card_rules`); the same card changes nothing."""
        if existing.card.to_bytes() == card.to_bytes():
            return ImportOutcome(existing, ImportStatus.UNCHANGED)
        if not is_newer(card, existing.card):
            raise refuse_rollback(card, existing)
        keys_changed = existing.card.key_set() != card.key_set()
        changes = claim_changes(existing.card, card)
        self._vault.contacts.replace_card(
            card, when=self._now(), reason="newer card imported", bind_keys=True
        )
        details: dict[str, str | bool] = {"updated": True}
        if keys_changed:
            details |= {
                "keys_before": existing.card.key_set().replace("\n", "; "),
                "keys_after": card.key_set().replace("\n", "; "),
            }
        for change in changes:
            details |= {f"{change.claim}_before": change.before,
                        f"{change.claim}_after": change.after}  # fmt: skip
        self._audit(Event.CONTACT_IMPORTED, card, **details)
        contact = self._reload(existing)
        before = existing.card.key_set() if keys_changed else None
        return ImportOutcome(contact, ImportStatus.UPDATED, changes, before)

    def import_card_file(self, path: Path, rotation: Path | None = None) -> ImportOutcome:
        """Import the ``.contact`` file at ``path`` with the key-rotation statement at
        ``rotation`` — by default, a ``.rotation`` file of the same name beside it, if
        there is one; InputError if a file cannot be read, else as :meth:`import_card`."""
        path = Path(path)
        if rotation is None and (beside := statement_beside(path)).is_file():
            rotation = beside
        statement = None if rotation is None else _read(rotation)
        return self.import_card(_read(path), statement)

    def add_from_keys(
        self,
        *,
        name: str,
        age_recipient: str,
        ssh_key: str,
        post: str = "",
        scheme: str = "us",
        clearance: str = "",
        nationality: str = "",
    ) -> Contact:
        """A contact for someone who uses the standard tools (``age1…`` and
        ``ssh-ed25519 …``); marked not self-certified. Raises KeyFormatError."""
        if not name.strip():
            raise ContactError("A contact needs a name.")
        card = ContactCard.from_public_keys(
            name=" ".join(name.split()),
            age_recipient=age_recipient.strip(),
            ssh_key=ssh_key.strip(),
            post=" ".join(post.split()),
            scheme=scheme,
            clearance=clearance.strip().upper(),
            nationality=nationality.strip().upper(),
        )
        with self._vault.transaction():
            contact = self._vault.contacts.add(card, Trust(TrustState.UNVERIFIED), self._now())
            self._audit(Event.CONTACT_ADDED, card)
        return contact

    # --- finding ---

    def all(self) -> list[Contact]:
        return self._vault.contacts.all()

    def get(self, fingerprint: str) -> Contact | None:
        return self._vault.contacts.get(fingerprint)

    def book(self) -> AddressBook:
        """Every contact and group, as they are now."""
        return AddressBook(tuple(self.all()), tuple(self.groups()))

    def records(self) -> tuple[list[ContactRecord], list[Group]]:
        """Every contact with its safety number, expiry and groups; and the groups."""
        now = self._now()
        book = self.book()
        member_of: dict[str, list[str]] = {}
        for group in book.groups:
            for fp in group.members:
                member_of.setdefault(fp, []).append(group.name)
        records = [
            ContactRecord(
                contact=c,
                safety_number=c.card.safety_number,
                expired=c.card.expires is not None and c.card.expires <= now,
                groups=tuple(member_of.get(c.fingerprint, ())),
            )
            for c in book.contacts
        ]
        return records, list(book.groups)

    def export_card(self, text: str, path: Path, *, overwrite: bool = False) -> Contact:
        """Write the card of the contact ``text`` designates to ``path`` (readable by
        others: it holds public keys only), atomically. A contact made from raw public
        keys has no card: its public keys are written instead, the ``age1…`` recipient
        and the ``ssh-ed25519`` line, one a line. Raises VaultError (no such contact, or
        several) and InputError (``path`` exists, or cannot be written)."""
        contact = self.find_one(text)
        card = contact.card
        data = card.to_bytes()
        if not card.self_certified:
            data = f"{card.keys.encryption}\n{card.keys.ssh_line()}\n".encode("ascii")
        write_atomic(Path(path), data, overwrite=overwrite, mode=0o644)
        return contact

    def find_one(self, text: str) -> Contact:
        """The contact a fingerprint (or a unique prefix of it) or a name designates.

        Raises VaultError if none or several match.
        """
        found = self._vault.contacts.find(text)
        if not found:
            raise VaultError(
                f"No contact matches {text!r}.", hint="See 'cabledesk-cli contact list'."
            )
        if len(found) > 1:
            names = "; ".join(f"{c.name} ({c.fingerprint})" for c in found[:5])
            raise VaultError(
                f"{len(found)} contacts match {text!r}: {names}.",
                hint="Give more of the fingerprint.",
            )
        return found[0]

    def resolve(self, names: Sequence[str]) -> list[Contact]:
        """The contacts named by each entry: a group name, a contact name or a
        fingerprint; without duplicates, in the order given. Raises VaultError."""
        result: dict[str, Contact] = {}
        for name in names:
            group = self._vault.contacts.group(name)
            if group is not None:
                if not group.members:
                    raise VaultError(f"The group {group.name!r} has no members.")
                for fp in group.members:
                    contact = self._vault.contacts.get(fp)
                    if contact is not None:
                        result.setdefault(fp, contact)
                continue
            contact = self.find_one(name)
            result.setdefault(contact.fingerprint, contact)
        return list(result.values())

    # --- trust ---

    def verify(
        self,
        text: str,
        how: str,
        *,
        age_recipient: str | None = None,
        safety_number: str | None = None,
    ) -> Contact:
        """Mark a contact verified (the user compared the safety number or fingerprint):
        its current keys and claims become the verified ones.

        ``how`` says how ("safety number read aloud on the phone"). A contact made from
        raw public keys has nothing binding its two keys, so the user's comparison must
        cover both: ``age_recipient`` (the one they compared) or ``safety_number`` (the
        number shown to them, which covers both keys) must be the contact's. Raises
        VaultError (revoked) and ContactError (a key or number that is not the contact's).
        """
        contact = self.find_one(text)
        if contact.trust.state is TrustState.REVOKED:
            raise VaultError(
                f"{contact.name}'s keys were revoked; they cannot be marked verified.",
                hint="Import their new contact card.",
            )
        check_compared(contact, age_recipient, safety_number)
        how = " ".join(how.split()) or "fingerprint compared"
        with self._vault.transaction():
            self._vault.contacts.set_trust(
                contact.fingerprint, Trust(TrustState.VERIFIED, self._now(), how)
            )
            details: dict[str, str | bool] = {
                "how": how,
                "keys": contact.card.key_set().replace("\n", "; "),
            }
            before = contact.verified_card
            for change in () if before is None else claim_changes(before, contact.card):
                details |= {f"{change.claim}_before": change.before,
                            f"{change.claim}_after": change.after}  # fmt: skip
            self._audit(Event.CONTACT_VERIFIED, contact.card, **details)
        return self._reload(contact)

    def revoke(self, text: str, why: str) -> Contact:
        """Mark a contact's keys revoked: nothing more is sealed to them, and what
        they sign is no longer trusted."""
        contact = self.find_one(text)
        why = " ".join(why.split())
        with self._vault.transaction():
            self._vault.contacts.set_trust(
                contact.fingerprint, Trust(TrustState.REVOKED, self._now(), why)
            )
            self._audit(Event.CONTACT_REVOKED, contact.card, why=why)
        return self._reload(contact)

    def trust_of(self, fingerprint: str) -> Trust | None:
        """The trust of a signer's key: None for a key that is not among the contacts
        (unless a trusted anchor's directory revokes it: revoked); unverified, "keys
        changed since you verified them", for a contact whose keys are not the ones
        the user verified."""
        contact = self._vault.contacts.get(fingerprint)
        if contact is None:  # a stranger's key may still be revoked by a trusted anchor
            revoked = DirectoryStore(self._vault.db).revoked_trust(fingerprint)
            return revoked or superseded_trust(self._vault, fingerprint)
        return contact.trust

    def known_as(self, fingerprint: str) -> KnownAs | None:
        """How the user's own contact record names the owner of a key (None: a
        stranger); whether its keys changed since the user verified that name."""
        contact = self._vault.contacts.get(fingerprint)
        if contact is None:  # a contact's previous key is still theirs (for verdicts)
            return superseded_known_as(self._vault, fingerprint)
        return KnownAs(contact.name, contact.card.post, contact.keys_changed)

    # --- groups ---

    def create_group(self, name: str, description: str = "") -> Group:
        with self._vault.transaction():
            group = self._vault.contacts.create_group(name, description)
            details = {"group": group.name, "change": "created"}
            self._vault.audit.append(Event.GROUP_CHANGED, details)
        return group

    def add_to_group(self, group: str, members: Sequence[str]) -> Group:
        with self._vault.transaction():
            for text in members:
                contact = self.find_one(text)
                self._vault.contacts.add_to_group(group, contact.fingerprint)
                self._vault.audit.append(
                    Event.GROUP_CHANGED,
                    {"group": group, "change": "added", "fingerprint": contact.fingerprint},
                )
        return self._group(group)

    def remove_from_group(self, group: str, members: Sequence[str]) -> Group:
        with self._vault.transaction():
            for text in members:
                contact = self.find_one(text)
                self._vault.contacts.remove_from_group(group, contact.fingerprint)
                self._vault.audit.append(
                    Event.GROUP_CHANGED,
                    {"group": group, "change": "removed", "fingerprint": contact.fingerprint},
                )
        return self._group(group)

    def groups(self) -> list[Group]:
        return self._vault.contacts.groups()

    def _group(self, name: str) -> Group:
        group = self._vault.contacts.group(name)
        if group is None:
            raise VaultError(f"There is no group named {name!r}.")
        return group

    # --- helpers ---

    def _now(self) -> datetime:
        return self._vault.now()

    def _reload(self, contact: Contact) -> Contact:
        again = self._vault.contacts.get(contact.fingerprint)
        assert again is not None
        return again

    def _audit(self, event: Event, card: ContactCard, **extra: str | bool | None) -> None:
        self._vault.audit.append(
            event,
            {"name": card.name, "post": card.post, "fingerprint": card.fingerprint, **extra},
        )


def statement_beside(card: Path) -> Path:
    """Where a card's key-rotation statement is looked for: ``NAME.rotation`` beside
    ``NAME.contact`` (as ``identity rotate`` writes them)."""
    return card.with_suffix(".rotation")


def _read(path: Path) -> bytes:
    try:
        with Path(path).open("rb") as f:
            return f.read(MAX_CARD_FILE_BYTES + 1)
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror}.") from exc


def _rejected(args: tuple[object, ...], error: CableDeskError) -> Details:
    """What the audit log says of a rejected card: why, and which file (its SHA-256)."""
    data = args[0] if args and isinstance(args[0], bytes) else b""
    return {"reason": error.message, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}

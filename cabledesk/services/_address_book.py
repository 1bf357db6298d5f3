"""An address book: every contact and group as read at one moment (for
:meth:`cabledesk.services.contacts.ContactsService.book`), which resolves recipients
without the database — the recipient pickers tick and untick against it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cabledesk.errors import VaultError
from cabledesk.store.contacts import Contact, Group

__all__ = ["AddressBook"]


@dataclass(frozen=True, slots=True)
class AddressBook:
    """Every contact and group as read at one moment (see the module docstring)."""

    contacts: tuple[Contact, ...]
    groups: tuple[Group, ...]

    def contact(self, fingerprint: str) -> Contact | None:
        return next((c for c in self.contacts if c.fingerprint == fingerprint), None)

    def group(self, name: str) -> Group | None:
        return next((g for g in self.groups if g.name == name), None)

    def resolve(self, keys: Sequence[str]) -> list[Contact]:
        """The contacts named by each key — a group's name or a contact's fingerprint,
        exactly — without duplicates, in the order given. Raises VaultError for a key
        this book does not hold and for a group without members."""
        result: dict[str, Contact] = {}
        for key in keys:
            group = self.group(key)
            if group is not None:
                if not group.members:
                    raise VaultError(f"The group {group.name!r} has no members.")
                for fp in group.members:
                    member = self.contact(fp)
                    if member is not None:
                        result.setdefault(fp, member)
                continue
            contact = self.contact(key)
            if contact is None:
                raise VaultError(f"No contact or group is called {key!r}.")
            result.setdefault(contact.fingerprint, contact)
        return list(result.values())

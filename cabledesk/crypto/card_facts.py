"""What a directory's import keeps of each card it reads: :class:`CardFacts`.

An import of 20,000 people reads every card in full (every rule of
:meth:`~cabledesk.crypto.contact.ContactCard.parse_covered`) before it changes
anything, then stores each new person. It needs of a card only the values the
vault stores: its bytes, fingerprint, details, sequence and key set. Those are
plain values, cheap to send from another process: the cards can be read on
several cores (:mod:`cabledesk.services._card_workers`), each process making
the facts of its share with :func:`read_facts`.

:func:`to_wire` and :func:`from_wire` turn facts into tuples of ``bytes``,
``str``, ``int``, ``bool`` and ``None`` (what :mod:`marshal` carries) and back,
without the card's bytes where the receiver has them (its text).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import NamedTuple

from cabledesk.crypto.contact import ContactCard, read_covered_quickly

__all__ = ["CardFacts", "from_wire", "read_facts", "to_wire"]

Wire = tuple[str, bytes | None, str, str, str, str, str, str | None, int, bool, str]
# the types a Wire's items may have (bytes or None; an expiry or None)
_WIRE_TYPES = frozenset(
    (str, data, str, str, str, str, str, expires, int, bool, str)
    for data in (bytes, type(None))
    for expires in (str, type(None))
)


class CardFacts(NamedTuple):
    """A card read in full, as the vault stores it (:meth:`of` makes it)."""

    fingerprint: str
    data: bytes  # the .contact file, exactly (ContactCard.to_bytes)
    name: str
    post: str
    nationality: str
    scheme: str
    clearance: str
    expires: datetime | None
    sequence: int
    self_certified: bool
    key_set: str  # ContactCard.key_set: the keys an attestation binds

    def to_bytes(self) -> bytes:
        """The ``.contact`` file (as :meth:`ContactCard.to_bytes`)."""
        return self.data

    @classmethod
    def of(cls, card: ContactCard) -> CardFacts:
        return cls(
            card.fingerprint, card.to_bytes(), card.name, card.post, card.nationality,
            card.scheme, card.clearance, card.expires, card.sequence, card.self_certified,
            card.key_set(),
        )  # fmt: skip


def read_facts(texts: Iterable[str]) -> list[CardFacts | None]:
    """The facts of each card ``text`` as :func:`~cabledesk.crypto.contact.read_covered_quickly`
    reads it, or None where that quick path leaves the card to the full reader
    (which then accepts it or names its problem)."""
    facts: list[CardFacts | None] = []
    for text in texts:
        card = read_covered_quickly(text)
        facts.append(None if card is None else CardFacts.of(card))
    return facts


def to_wire(facts: Sequence[CardFacts | None], texts: Sequence[str]) -> list[Wire | None]:
    """``facts`` (of the cards ``texts``) as plain tuples: the expiry in ISO 8601, and
    the card's bytes left out (None) where they are its text in UTF-8, as for every
    card the quick read accepts (the receiver has the texts)."""
    wire: list[Wire | None] = []
    for f, text in zip(facts, texts, strict=True):
        if f is None:
            wire.append(None)
            continue
        data = None if f.data == text.encode("utf-8") else f.data
        expires = None if f.expires is None else f.expires.isoformat()
        wire.append((f[0], data, *f[2:7], expires, *f[8:]))
    return wire


def from_wire(items: object, texts: Sequence[str]) -> list[CardFacts | None]:
    """The facts :func:`to_wire` gave for the cards ``texts``; ValueError for anything
    else."""
    if type(items) is not list or len(items) != len(texts):
        raise ValueError("not the facts of the cards sent")
    facts: list[CardFacts | None] = []
    for item, text in zip(items, texts, strict=True):
        if item is None:
            facts.append(None)
            continue
        if type(item) is not tuple or tuple(map(type, item)) not in _WIRE_TYPES:
            raise ValueError("not the facts of a card")
        data = text.encode("utf-8") if item[1] is None else item[1]
        expires = None if item[7] is None else datetime.fromisoformat(item[7])
        facts.append(CardFacts._make((item[0], data, *item[2:7], expires, *item[8:])))
    return facts

"""Directories (``.cdir``): a security office's signed list of attested people and revocations.

Format ``cabledesk.directory/1`` (docs/FORMAT.md, Part III), a signed JSON
text (:mod:`cabledesk.crypto.signedtext`) signed by the office's anchor key
in the namespace ``cabledesk-directory-v1``. Line 1 holds ``format``,
``anchor`` (the ``SHA256:`` fingerprint of the anchor key), ``serial`` (≥ 1,
strictly increasing from one directory of an anchor to the next),
``issued``, ``next_update`` (later than ``issued``), ``entries`` and
``revocations``, both sorted by fingerprint, no fingerprint twice in either
or in both. An entry attests a person's card: ``fingerprint`` (of the card's
key), ``card`` (the ``.contact`` file's text, ``/1`` or ``/2``), ``clearance``,
``scheme``, ``nationality``, ``accesses``, ``roles``, ``attested``,
``expires``. A revocation withdraws a key: ``fingerprint``, ``reason``,
``text``, ``revoked``. At most 256 MiB and 200,000 entries (and as many
revocations).

:meth:`Directory.parse` checks the form of everything, and of each card its
format and that its key has the entry's fingerprint (the rest of a card is
read by :meth:`DirectoryEntry.contact_card`, or all of them by
:meth:`Directory.contact_cards`). An importer reads every card in full before it
commits anything, perhaps in other processes: it gets the card texts from
:meth:`Directory.parse` as soon as the file is decoded, and
:meth:`Directory.card_facts` checks what it read of them, entry by entry.
:meth:`Directory.verify` checks it against a pinned
:class:`~cabledesk.crypto.anchor.Anchor`: the anchor's fingerprint, its
signature, and every entry inside its scope. Any problem refuses the whole
directory with a :class:`~cabledesk.errors.DirectoryError` naming it.
:meth:`Directory.read` is what an importer uses: it checks the anchor's
signature over the raw bytes before decoding anything, then all of the above.
:meth:`Directory.publish` makes one with the anchor's private key.

Speed: a directory of 20,000 people is tens of megabytes; its lists are read
on fast paths (:mod:`cabledesk.crypto._directory_lists`), and the whole of it
parses and verifies in under a second (``tests/bench/bench_directory.py``
measures it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from cabledesk.crypto._attributes import MAX_SEQUENCE
from cabledesk.crypto._directory_lists import (
    FINGERPRINT,
    FINGERPRINT_WHAT,
    MAX_ENTRIES,
    REASONS,
    ROLES,
    DirectoryEntry,
    Revocation,
    bind_cards,
    read_lists,
)
from cabledesk.crypto.anchor import Anchor
from cabledesk.crypto.card_facts import CardFacts
from cabledesk.crypto.contact import ContactCard, read_covered_quickly
from cabledesk.crypto.fingerprint import fingerprint
from cabledesk.crypto.signedtext import (
    SignedTextFormat,
    check_signature,
    field_error,
    format_time,
    identifier,
    read_signature,
    read_time,
    split,
)
from cabledesk.crypto.sshsig import DIRECTORY_NAMESPACE, Signature, VerifiedSignature
from cabledesk.errors import DirectoryError
from cabledesk.jsonread import Reader

__all__ = [
    "DIRECTORY_FORMAT",
    "MAX_ENTRIES",
    "REASONS",
    "ROLES",
    "Directory",
    "DirectoryEntry",
    "Revocation",
]

DIRECTORY_FORMAT = SignedTextFormat(
    family="cabledesk.directory",
    version=1,
    what="directory",
    error=DirectoryError,
    namespace=DIRECTORY_NAMESPACE,
    max_bytes=256 * 1024 * 1024,
)
_FIELDS = ("format", "anchor", "serial", "issued", "next_update", "entries", "revocations")
_ASK = "The whole directory is refused; ask the security office for a correct one."


@dataclass(frozen=True, slots=True)
class Directory:
    """A directory read by :meth:`parse` (not yet checked against an anchor) or published."""

    anchor: str  # the anchor key's SHA256: fingerprint
    serial: int
    issued: datetime
    next_update: datetime
    entries: tuple[DirectoryEntry, ...]
    revocations: tuple[Revocation, ...]
    _body: bytes = field(default=b"", repr=False, compare=False)
    _signature: Signature | None = field(default=None, repr=False, compare=False)

    def entry(self, fingerprint: str) -> DirectoryEntry | None:
        """The entry of a key, by binary search (entries are sorted by fingerprint)."""
        lo, hi = 0, len(self.entries)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.entries[mid].fingerprint < fingerprint:
                lo = mid + 1
            else:
                hi = mid
        found = self.entries[lo] if lo < len(self.entries) else None
        return found if found is not None and found.fingerprint == fingerprint else None

    def contact_cards(self) -> tuple[ContactCard, ...]:
        """Every entry's card (see :meth:`DirectoryEntry.contact_card`); raises DirectoryError.

        Speed: each card is first read by :func:`~cabledesk.crypto.contact.read_covered_quickly`
        (every rule, fewer steps); one it does not accept, or whose key is not the
        entry's, is read again by :meth:`DirectoryEntry.contact_card`, which names the problem.
        """
        return tuple(_full_card(entry, read_covered_quickly(entry.card)) for entry in self.entries)

    def card_facts(self, start: int, read: Sequence[CardFacts | None]) -> list[CardFacts]:
        """The facts of the cards of the entries from ``start``, one for each of
        ``read`` (the facts of those cards read elsewhere with
        :func:`~cabledesk.crypto.card_facts.read_facts`; None where that left the
        card to the full reader). Each card is checked to be of its entry's key;
        raises DirectoryError naming the entry."""
        entries = self.entries[start : start + len(read)]
        if len(entries) != len(read):
            raise ValueError("more cards than entries")
        bind_cards(entries, read, start)
        return [
            CardFacts.of(entry.contact_card()) if facts is None else facts
            for entry, facts in zip(entries, read, strict=True)
        ]

    def to_bytes(self) -> bytes:
        """The ``.cdir`` file, exactly as read or published."""
        if self._signature is None:
            raise ValueError("only a directory read or published has bytes")
        return self._body + b"\n" + self._signature.armored().encode("ascii")

    # --- checking against an anchor ------------------------------------------

    def verify(self, anchor: Anchor) -> VerifiedSignature:
        """Check this directory against the pinned ``anchor``: published under its
        fingerprint, signed by its key in the directory namespace, and every entry
        inside its scope. Raises DirectoryError, naming the first problem."""
        if self._signature is None:
            raise ValueError("only a directory read or published can be verified")
        if self.anchor != anchor.fingerprint:
            raise DirectoryError(
                f"This directory was published under the anchor {self.anchor}, not under "
                f"{anchor.name} ({anchor.fingerprint}).",
                hint="Check it with the anchor of the office that published it.",
            )
        verified = check_signature(
            self._body, self._signature, anchor.key, namespace=DIRECTORY_NAMESPACE,
            what="directory", error=DirectoryError,
        )  # fmt: skip
        for entry in self.entries:
            if not anchor.covers(entry.nationality, entry.scheme):
                raise DirectoryError(
                    f"This directory attests {entry.fingerprint} (nationality "
                    f"{entry.nationality}, scheme {entry.scheme}), outside the scope of its "
                    f"anchor {anchor.name}.",
                    hint=_ASK,
                )
        return verified

    # --- writing and reading --------------------------------------------------

    @classmethod
    def publish(
        cls,
        key: Ed25519PrivateKey,
        *,
        serial: int,
        issued: datetime,
        next_update: datetime,
        entries: Iterable[DirectoryEntry],
        revocations: Iterable[Revocation] = (),
    ) -> Directory:
        """A directory signed by the anchor's ``key``; entries and revocations are
        sorted here. Raises DirectoryError if they break a rule of the format (a
        fingerprint twice, a text with a control character, …)."""
        doc = {
            "format": DIRECTORY_FORMAT.format_id,
            "anchor": fingerprint(key.public_key()),
            "serial": serial,
            "issued": format_time(issued),
            "next_update": format_time(next_update),
            "entries": [e.to_json() for e in sorted(entries, key=lambda e: e.fingerprint)],
            "revocations": [r.to_json() for r in sorted(revocations, key=lambda r: r.fingerprint)],
        }
        return cls.parse(DIRECTORY_FORMAT.sign(doc, key))

    @classmethod
    def read(cls, data: bytes, anchor: Anchor) -> Directory:
        """Read a ``.cdir`` file published by the pinned ``anchor``: its signature is
        checked over the raw bytes of line 1 first, so that nothing of a file the
        anchor did not sign (up to 256 MiB of JSON) is decoded; then everything
        :meth:`parse` and :meth:`verify` check. Raises DirectoryError. What an
        importer uses."""
        what, error = DIRECTORY_FORMAT.what, DirectoryError
        body, rest = split(data, what=what, error=error, max_bytes=DIRECTORY_FORMAT.max_bytes)
        signature = read_signature(rest, what=what, error=error)
        check_signature(
            body, signature, anchor.key, namespace=DIRECTORY_NAMESPACE, what=what, error=error
        )
        directory = cls.parse(data)
        directory.verify(anchor)
        return directory

    @classmethod
    def parse(cls, data: bytes, *, cards: Callable[[list[str]], None] | None = None) -> Directory:
        """Read a ``.cdir`` file; raises DirectoryError. Its signature is checked
        by :meth:`verify`, against the anchor the user pinned.

        ``cards``: for an importer, which reads every card in full with
        :meth:`card_facts` before it changes anything (perhaps in other processes,
        while this one checks the rest): called with the text of each entry's card
        as soon as the file is decoded, before it is checked ("" where an entry has
        no card text). Each card is then checked to be of its entry's key by
        :meth:`card_facts`, not here."""
        text = DIRECTORY_FORMAT.read(data, None if cards is None else _begin(cards))
        root = text.root
        root.only_fields(*_FIELDS)
        anchor = identifier(root.field("anchor"), FINGERPRINT, FINGERPRINT_WHAT)
        if text.signature.fingerprint != anchor:
            raise DirectoryError(
                f"This directory names the anchor {anchor} but is signed by another key "
                f"({text.signature.fingerprint}).",
                hint=_ASK,
            )
        serial = root.field("serial").count()
        if not 1 <= serial <= MAX_SEQUENCE:
            raise field_error(root.field("serial"), "must be a whole number from 1 to 2^53 - 1")
        issued = read_time(root.field("issued"))
        next_update = read_time(root.field("next_update"))
        if next_update <= issued:
            raise field_error(root.field("next_update"), "must be later than the field issued")
        entries, revocations = read_lists(root, bind=cards is None)
        return cls(
            anchor, serial, issued, next_update, entries, revocations, text.body, text.signature
        )  # fmt: skip


def _begin(cards: Callable[[list[str]], None]) -> Callable[[Reader], None]:
    """What gives ``cards`` the card texts of a decoded directory (see Directory.parse)."""

    def begin(root: Reader) -> None:
        entries = root.value.get("entries")
        if type(entries) is list and len(entries) <= MAX_ENTRIES:  # more: refused soon
            cards(
                [
                    card if type(e) is dict and type(card := e.get("card")) is str else ""
                    for e in entries
                ]
            )

    return begin


def _full_card(entry: DirectoryEntry, quick: ContactCard | None) -> ContactCard:
    """``quick`` if it is the entry's card, else the card read by the full reader."""
    if quick is None or quick.fingerprint != entry.fingerprint:
        return entry.contact_card()
    return quick

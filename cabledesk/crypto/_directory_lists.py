"""The entries and revocations of a directory (for :mod:`cabledesk.crypto.directory`).

:class:`DirectoryEntry` and :class:`Revocation`, and :func:`read_lists`, which reads
and checks both lists of a directory's line 1 (sorted, no fingerprint twice, each
field by its rule, each card's format and key) and raises DirectoryError naming
the item and field.

Speed: a directory of 20,000 people is tens of megabytes. Each value is checked
on a fast path that falls back to the shared field rule on a Reader (which then
raises, naming the field) only when the value is not one this directory already
showed valid (``tests/bench/bench_directory.py`` measures it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any, NamedTuple

from cabledesk.crypto._attributes import (
    ACCESS,
    ACCESS_WHAT,
    NATIONALITY,
    NATIONALITY_WHAT,
    SCHEME,
    SCHEME_WHAT,
)
from cabledesk.crypto.card_facts import CardFacts
from cabledesk.crypto.contact import ContactCard, card_fingerprint
from cabledesk.crypto.signedtext import (
    LONG_TEXT_CHARS,
    PLAIN_TEXT_CHARS,
    field_error,
    format_time,
    identifier,
    plain_text,
    read_time,
    sorted_identifiers,
)
from cabledesk.errors import ContactError, DirectoryError
from cabledesk.jsonread import Reader

__all__ = [
    "FINGERPRINT",
    "FINGERPRINT_WHAT",
    "MAX_ENTRIES",
    "REASONS",
    "ROLES",
    "DirectoryEntry",
    "Revocation",
    "bind_cards",
    "read_lists",
]

MAX_ENTRIES = 200_000  # and as many revocations
ROLES = ("clearer", "registry", "release-authority")
REASONS = ("key-compromise", "left-service", "clearance-withdrawn", "superseded")
_ENTRY_FIELDS = (
    "fingerprint", "card", "clearance", "scheme", "nationality", "accesses", "roles",
    "attested", "expires",
)  # fmt: skip
_REVOCATION_FIELDS = ("fingerprint", "reason", "text", "revoked")
_ENTRY_KEYS = frozenset(_ENTRY_FIELDS)
_REVOCATION_KEYS = frozenset(_REVOCATION_FIELDS)
FINGERPRINT = re.compile(r"SHA256:[A-Za-z0-9+/]{43}")
FINGERPRINT_WHAT = "a key fingerprint (SHA256: and 43 base64 characters)"
_ROLE = re.compile("|".join(re.escape(role) for role in ROLES))
_ROLE_WHAT = "a role: " + ", ".join(ROLES)
_REASON = re.compile("|".join(re.escape(reason) for reason in REASONS))
_REASON_WHAT = "a reason: " + ", ".join(REASONS)
_ASK = "The whole directory is refused; ask the security office for a correct one."


# Entries and revocations are named tuples, not frozen dataclasses: as immutable, and
# a directory makes 20,000 of them, three times faster.


class DirectoryEntry(NamedTuple):
    """One attested person: their card (its text, as in the file) and the attributes."""

    fingerprint: str
    card: str  # the person's .contact file text
    clearance: str  # a level name of ``scheme``, or ""
    scheme: str
    nationality: str
    accesses: tuple[str, ...]
    roles: tuple[str, ...]
    attested: datetime
    expires: datetime | None = None

    @classmethod
    def attest(
        cls,
        card: ContactCard,
        *,
        clearance: str,
        scheme: str,
        nationality: str,
        attested: datetime,
        accesses: tuple[str, ...] = (),
        roles: tuple[str, ...] = (),
        expires: datetime | None = None,
    ) -> DirectoryEntry:
        """An entry for ``card`` (its exact bytes); checked when the directory is published."""
        return cls(
            card.fingerprint, card.to_bytes().decode("utf-8"), clearance, scheme, nationality,
            tuple(accesses), tuple(roles), attested, expires,
        )  # fmt: skip

    def contact_card(self) -> ContactCard:
        """The entry's card, read with every rule but its self-signature (the
        directory's signature covers it). Raises DirectoryError naming the entry."""
        try:
            card = ContactCard.parse_covered(self.card.encode("utf-8"))
        except ContactError as exc:
            raise DirectoryError(
                f"In this directory, the card of {self.fingerprint} cannot be read. {exc.message}",
                hint=exc.hint or _ASK,
            ) from None
        if card.fingerprint != self.fingerprint:  # parse checks it; kept for direct construction
            raise DirectoryError(f"In this directory, the card of {self.fingerprint} is another's.")
        return card

    def to_json(self) -> dict[str, Any]:
        return {
            "fingerprint": self.fingerprint,
            "card": self.card,
            "clearance": self.clearance,
            "scheme": self.scheme,
            "nationality": self.nationality,
            "accesses": list(self.accesses),
            "roles": list(self.roles),
            "attested": format_time(self.attested),
            "expires": None if self.expires is None else format_time(self.expires),
        }


class Revocation(NamedTuple):
    """A withdrawn key: why (one of REASONS), in words (may be empty), and when."""

    fingerprint: str
    reason: str
    text: str
    revoked: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "fingerprint": self.fingerprint,
            "reason": self.reason,
            "text": self.text,
            "revoked": format_time(self.revoked),
        }


def read_lists(
    root: Reader, *, bind: bool = True
) -> tuple[tuple[DirectoryEntry, ...], tuple[Revocation, ...]]:
    """The entries and revocations of a directory's line 1 (``root``), checked.

    ``bind``: check that each entry's card is of the entry's key (its fingerprint
    read off the card). False leaves that to :func:`bind_cards`, given the cards
    read in full elsewhere (a directory's import reads them on several cores).
    """
    lists = _Lists(bind)
    entries = lists.read(root.field("entries"), _read_entry)
    revocations = lists.read(root.field("revocations"), _read_revocation)
    attested = {e.fingerprint for e in entries}
    for revocation in revocations:
        if revocation.fingerprint in attested:
            raise DirectoryError(
                f"This directory both attests and revokes {revocation.fingerprint}.",
                hint=_ASK,
            )
    return entries, revocations


# --- the lists, with fast paths ---------------------------------------------------
#
# A directory repeats a few values thousands of times (schemes, nationalities,
# levels, times): each is checked by the shared rule once, then recognised. A
# value not seen yet goes to the rule on a Reader, which raises naming the field.


class _Lists:
    """Reads the entries and revocations of one directory.

    The values of the item being read are plain dict lookups; a Reader (for an
    error message that names the field) is made only when a value needs the
    shared rule: :meth:`here` is the item's, :meth:`at` one of its fields'.
    """

    def __init__(self, bind: bool = True) -> None:
        self.bind = bind  # check each card's key here (see read_lists)
        self.valid: set[tuple[str, str]] = set()  # (field name, text) already accepted
        self.times: dict[str, datetime] = {}  # time texts already read
        self._list = Reader([], "", "", DirectoryError)
        self._index = 0

    def read(self, r: Reader, read_one: Any) -> tuple[Any, ...]:
        if not isinstance(r.value, list):
            raise field_error(r, "must be a list")
        if len(r.value) > MAX_ENTRIES:
            raise field_error(r, f"has more than {MAX_ENTRIES:,} items")
        self._list = r
        items = []
        previous = ""
        for i, value in enumerate(r.value):
            self._index = i
            item = read_one(self, value)
            if item.fingerprint <= previous:
                if item.fingerprint == previous:
                    raise field_error(r, f"holds {item.fingerprint} twice")
                raise field_error(r, "must be sorted by fingerprint")
            previous = item.fingerprint
            items.append(item)
        return tuple(items)

    def here(self) -> Reader:
        r, i = self._list, self._index
        return Reader(r.value[i], f"{r.path}[{i}]", r.what, r.error)

    def at(self, name: str) -> Reader:
        r = self.here()
        return Reader(r.value[name], f"{r.path}.{name}", r.what, r.error)

    def fields(self, value: Any, keys: frozenset[str], names: tuple[str, ...]) -> dict[str, Any]:
        if type(value) is not dict or len(value) != len(keys) or not keys.issuperset(value):
            self.here().only_fields(*names)  # raises, naming the field
        result: dict[str, Any] = value
        return result

    def text(self, value: Any, name: str, max_chars: int = PLAIN_TEXT_CHARS) -> str:
        if type(value) is str and (name, value) in self.valid:
            return value
        text = plain_text(self.at(name), allow_empty=True, max_chars=max_chars)
        self.valid.add((name, text))
        return text

    def match(self, value: Any, name: str, pattern: re.Pattern[str], what: str) -> str:
        if type(value) is str and (name, value) in self.valid:
            return value
        text = identifier(self.at(name), pattern, what)
        self.valid.add((name, text))
        return text

    def names(self, name: str, pattern: re.Pattern[str], what: str) -> tuple[str, ...]:
        return sorted_identifiers(self.at(name), pattern, what)

    def time(self, value: Any, name: str) -> datetime:
        if type(value) is str:
            known = self.times.get(value)
            if known is not None:
                return known
        moment = read_time(self.at(name))
        self.times[value] = moment
        return moment


def _read_entry(lists: _Lists, value: Any) -> DirectoryEntry:
    v = lists.fields(value, _ENTRY_KEYS, _ENTRY_FIELDS)
    fp, card = v["fingerprint"], v["card"]
    if type(card) is not str:
        raise field_error(lists.at("card"), "must be text")
    if type(fp) is not str or not FINGERPRINT.fullmatch(fp):
        fp = identifier(lists.at("fingerprint"), FINGERPRINT, FINGERPRINT_WHAT)
    if lists.bind:
        _bind(lists.here().path, fp, card, None)
    # the common case inline: values this directory already showed valid
    valid = lists.valid
    clearance, scheme, nationality = v["clearance"], v["scheme"], v["nationality"]
    if type(clearance) is not str or ("clearance", clearance) not in valid:
        clearance = lists.text(clearance, "clearance")
    if type(scheme) is not str or ("scheme", scheme) not in valid:
        scheme = lists.match(scheme, "scheme", SCHEME, SCHEME_WHAT)
    if type(nationality) is not str or ("nationality", nationality) not in valid:
        nationality = lists.match(nationality, "nationality", NATIONALITY, NATIONALITY_WHAT)
    attested, expires = lists.time(v["attested"], "attested"), v["expires"]
    if expires is not None:
        expires = lists.time(expires, "expires")
        if expires <= attested:
            raise field_error(lists.at("expires"), "must be later than the field attested")
    accesses, roles = v["accesses"], v["roles"]
    return DirectoryEntry(
        fp,
        card,
        clearance,
        scheme,
        nationality,
        () if accesses == [] else lists.names("accesses", ACCESS, ACCESS_WHAT),
        () if roles == [] else lists.names("roles", _ROLE, _ROLE_WHAT),
        attested,
        expires,
    )


def bind_cards(
    entries: Sequence[DirectoryEntry], facts: Sequence[CardFacts | None], start: int = 0
) -> None:
    """Check that each entry's card (the entries from index ``start``) is of the
    entry's key, given the facts of each card read in full (None: a card the quick
    read left to the full reader, whose key is then read off the card). Raises
    DirectoryError naming the entry."""
    for i, (entry, read) in enumerate(zip(entries, facts, strict=True), start):
        if read is None or read.fingerprint != entry.fingerprint:
            _bind(f"entries[{i}]", entry.fingerprint, entry.card, read and read.fingerprint)


def _bind(where: str, fp: str, card: str, key: str | None) -> None:
    """Raise DirectoryError unless ``card`` is of the key ``fp`` (``key``: its key's
    fingerprint, if known; else read off the card)."""
    try:
        key = card_fingerprint(card) if key is None else key
    except ContactError as exc:
        raise DirectoryError(
            f"In this directory, the card of {where} ({fp}) cannot be read. {exc.message}",
            hint=exc.hint or _ASK,
        ) from None
    if fp != key:
        raise DirectoryError(
            f"In this directory, {where} is for {fp} but its card is of another key ({key}).",
            hint=_ASK,
        )


def _read_revocation(lists: _Lists, value: Any) -> Revocation:
    v = lists.fields(value, _REVOCATION_KEYS, _REVOCATION_FIELDS)
    fp = v["fingerprint"]
    if type(fp) is not str or not FINGERPRINT.fullmatch(fp):
        fp = identifier(lists.at("fingerprint"), FINGERPRINT, FINGERPRINT_WHAT)
    return Revocation(
        fp,
        lists.match(v["reason"], "reason", _REASON, _REASON_WHAT),
        lists.text(v["text"], "text", LONG_TEXT_CHARS),
        lists.time(v["revoked"], "revoked"),
    )

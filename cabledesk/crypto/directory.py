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
:meth:`Directory.contact_cards`: an importer reads them all before it changes
anything). :meth:`Directory.verify` checks it against a pinned
:class:`~cabledesk.crypto.anchor.Anchor`: the anchor's fingerprint, its
signature, and every entry inside its scope. Any problem refuses the whole
directory with a :class:`~cabledesk.errors.DirectoryError` naming it.
:meth:`Directory.publish` makes one with the anchor's private key.

Speed: a directory of 20,000 people is tens of megabytes; its entries are
checked with fast paths that fall back to the shared field rules (which then
raise, naming the field) only when a value is not plainly valid
(``tests/bench/bench_directory.py`` measures it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from cabledesk.crypto._attributes import (
    ACCESS,
    ACCESS_WHAT,
    MAX_SEQUENCE,
    NATIONALITY,
    NATIONALITY_WHAT,
    SCHEME,
    SCHEME_WHAT,
)
from cabledesk.crypto.anchor import Anchor
from cabledesk.crypto.contact import ContactCard, card_fingerprint
from cabledesk.crypto.fingerprint import fingerprint
from cabledesk.crypto.signedtext import (
    LONG_TEXT_CHARS,
    PLAIN_TEXT_CHARS,
    SignedTextFormat,
    check_signature,
    field_error,
    format_time,
    identifier,
    plain_text,
    read_time,
    sorted_identifiers,
)
from cabledesk.crypto.sshsig import DIRECTORY_NAMESPACE, Signature, VerifiedSignature
from cabledesk.errors import ContactError, DirectoryError
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
MAX_ENTRIES = 200_000  # and as many revocations
ROLES = ("clearer", "registry", "release-authority")
REASONS = ("key-compromise", "left-service", "clearance-withdrawn", "superseded")
_FIELDS = ("format", "anchor", "serial", "issued", "next_update", "entries", "revocations")
_ENTRY_FIELDS = (
    "fingerprint", "card", "clearance", "scheme", "nationality", "accesses", "roles",
    "attested", "expires",
)  # fmt: skip
_REVOCATION_FIELDS = ("fingerprint", "reason", "text", "revoked")
_ENTRY_KEYS = frozenset(_ENTRY_FIELDS)
_REVOCATION_KEYS = frozenset(_REVOCATION_FIELDS)
_FINGERPRINT = re.compile(r"SHA256:[A-Za-z0-9+/]{43}")
_FINGERPRINT_WHAT = "a key fingerprint (SHA256: and 43 base64 characters)"
_ROLE = re.compile("|".join(re.escape(role) for role in ROLES))
_ROLE_WHAT = "a role: " + ", ".join(ROLES)
_REASON = re.compile("|".join(re.escape(reason) for reason in REASONS))
_REASON_WHAT = "a reason: " + ", ".join(REASONS)
_ASK = "The whole directory is refused; ask the security office for a correct one."


@dataclass(frozen=True, slots=True)
class DirectoryEntry:
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


@dataclass(frozen=True, slots=True)
class Revocation:
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
        """Every entry's card (see :meth:`DirectoryEntry.contact_card`); raises DirectoryError."""
        return tuple(entry.contact_card() for entry in self.entries)

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
    def parse(cls, data: bytes) -> Directory:
        """Read a ``.cdir`` file; raises DirectoryError. Its signature is checked
        by :meth:`verify`, against the anchor the user pinned."""
        text = DIRECTORY_FORMAT.read(data)
        root = text.root
        root.only_fields(*_FIELDS)
        anchor = identifier(root.field("anchor"), _FINGERPRINT, _FINGERPRINT_WHAT)
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
        lists = _Lists()
        entries = lists.read(root.field("entries"), _read_entry)
        revocations = lists.read(root.field("revocations"), _read_revocation)
        attested = {e.fingerprint for e in entries}
        for revocation in revocations:
            if revocation.fingerprint in attested:
                raise DirectoryError(
                    f"This directory both attests and revokes {revocation.fingerprint}.",
                    hint=_ASK,
                )
        return cls(
            anchor, serial, issued, next_update, entries, revocations, text.body, text.signature
        )


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

    def __init__(self) -> None:
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
    try:
        key = card_fingerprint(card)
    except ContactError as exc:
        where = lists.here().path
        shown = fp if isinstance(fp, str) and len(fp) < 60 else "?"
        raise DirectoryError(
            f"In this directory, the card of {where} ({shown}) cannot be read. {exc.message}",
            hint=exc.hint or _ASK,
        ) from None
    if fp != key:  # if equal, a well-formed fingerprint, since the card's key gave it
        fp = identifier(lists.at("fingerprint"), _FINGERPRINT, _FINGERPRINT_WHAT)
        raise DirectoryError(
            f"In this directory, {lists.here().path} is for {fp} but its card is of another "
            f"key ({key}).",
            hint=_ASK,
        )
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


def _read_revocation(lists: _Lists, value: Any) -> Revocation:
    v = lists.fields(value, _REVOCATION_KEYS, _REVOCATION_FIELDS)
    fp = v["fingerprint"]
    if type(fp) is not str or not _FINGERPRINT.fullmatch(fp):
        fp = identifier(lists.at("fingerprint"), _FINGERPRINT, _FINGERPRINT_WHAT)
    return Revocation(
        fp,
        lists.match(v["reason"], "reason", _REASON, _REASON_WHAT),
        lists.text(v["text"], "text", LONG_TEXT_CHARS),
        lists.time(v["revoked"], "revoked"),
    )

"""How contact cards are read, field by field (for :mod:`cabledesk.crypto.contact`).

The format constants; the fields of a ``cabledesk.contact/2`` line 1 under the
strict rules and of a ``/1`` line 1 as CableDesk 0.1 read them, each returned as
:class:`~cabledesk.crypto.contact.ContactCard`'s keyword arguments; and
:func:`card_fingerprint`, the fast read of a card's key that a directory of
thousands of cards needs. Every problem raises ContactError naming the field.
"""

from __future__ import annotations

import binascii
import hashlib
import re
from collections.abc import Callable
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, TypeVar

from cabledesk.crypto._attributes import (
    ACCESS,
    ACCESS_WHAT,
    MAX_SEQUENCE,
    NATIONALITY,
    NATIONALITY_WHAT,
    SCHEME,
    SCHEME_WHAT,
)
from cabledesk.crypto.age import X25519Recipient, check_pq_recipient
from cabledesk.crypto.fingerprint import fingerprint
from cabledesk.crypto.keys import PublicKeys, parse_ssh_ed25519_line, read_exact_ssh_ed25519
from cabledesk.crypto.signedtext import (
    PLAIN_TEXT_CHARS,
    decode,
    field_error,
    hidden_character_problem,
    identifier,
    key_field,
    plain_text,
    read_time,
    read_version,
    sorted_identifiers,
)
from cabledesk.errors import CableDeskError, ContactError, KeyFormatError
from cabledesk.jsonread import Reader

__all__ = [
    "FORMAT_FAMILY",
    "FORMAT_ID",
    "FORMAT_V1",
    "MAX_CARD_BYTES",
    "NEWEST_VERSION",
    "WHAT",
    "card_fingerprint",
    "read_v1_fields",
    "read_v2_fields",
]

FORMAT_FAMILY = "cabledesk.contact"
FORMAT_V1 = "cabledesk.contact/1"
FORMAT_ID = "cabledesk.contact/2"  # what CableDesk writes
NEWEST_VERSION = 2
MAX_CARD_BYTES = 64 * 1024
WHAT = "contact card"
K = TypeVar("K")
_V1_TIME = "%Y-%m-%dT%H:%M:%SZ"
_V1_FIELDS = (
    "format", "name", "post", "role", "email", "scheme", "clearance", "nationality",
    "created", "expires", "age_recipient", "ssh_key",
)  # fmt: skip
_V2_FIELDS = (
    *_V1_FIELDS, "sequence", "accesses", "pq_recipient",
)  # fmt: skip
_V2_KEYS = frozenset(_V2_FIELDS)
_V2_FORMAT = f'"format":"{FORMAT_ID}",'
# the end of a canonical /2 line 1: the ssh_key field, an Ed25519 key's canonical base64
_V2_KEY_TAIL = re.compile(
    r',"ssh_key":"ssh-ed25519 (AAAAC3NzaC1lZDI1NTE5AAAAI[A-P][A-Za-z0-9+/]{42})"\}'
)
_V2_KEY_TAIL_SIZE = len(',"ssh_key":"ssh-ed25519 "}') + 68


def card_fingerprint(text: str) -> str:
    """The fingerprint of the key of the card ``text``, reading no more of it than
    that needs: its size, line 1 as JSON, its format (``/1`` or ``/2``) and its
    ``ssh_key``. Fast, for the thousands of cards of a directory; the rest of the
    card is checked when it is read (:meth:`ContactCard.parse_covered`).

    Raises ContactError (a newer format: "made by a newer version of CableDesk").
    """
    if len(text) * 4 > MAX_CARD_BYTES and len(text.encode("utf-8")) > MAX_CARD_BYTES:
        raise ContactError(f"This {WHAT} is too large to be one.")
    line = text.partition("\n")[0]
    # A /2 card's line 1 is canonical JSON, so its ssh_key is its last field: read
    # it there. Any card that then fails to parse is refused when it is read; any
    # card that parses has that very key.
    tail = _V2_KEY_TAIL.fullmatch(line, max(0, len(line) - _V2_KEY_TAIL_SIZE))
    if tail is not None and _V2_FORMAT in line:
        digest = hashlib.sha256(binascii.a2b_base64(tail.group(1))).digest()
        return "SHA256:" + binascii.b2a_base64(digest, newline=False).decode()[:-1]
    body = line.encode("utf-8")
    root = decode(body, what=WHAT, error=ContactError)
    version = read_version(root, FORMAT_FAMILY, NEWEST_VERSION)
    ssh_key = root.field("ssh_key")
    if version == 1:
        return fingerprint(key_field(ssh_key, parse_ssh_ed25519_line))
    return fingerprint(key_field(ssh_key, read_exact_ssh_ed25519))


# --- cabledesk.contact/2 ---------------------------------------------------------


def read_v2_fields(root: Reader) -> dict[str, Any]:
    """The fields of a ``/2`` card's line 1 (canonical, checked by the caller), as
    ContactCard's keyword arguments; raises ContactError naming the field.

    Speed (a directory's import reads 20,000 cards): each value is checked on a
    fast path that accepts exactly what its rule accepts; a value it does not
    accept goes to the rule itself, on a Reader, which raises naming the field
    (or accepts the rare valid value the fast path leaves to it).
    """
    value = root.value
    if len(value) != len(_V2_FIELDS) or not _V2_KEYS.issuperset(value):
        root.only_fields(*_V2_FIELDS)  # raises, naming the field

    def f(name: str) -> Reader:  # a top-level field (Reader.field, without its checks)
        return Reader(value[name], name, WHAT, ContactError)

    sequence = value["sequence"]
    if type(sequence) is not int or not 1 <= sequence <= MAX_SEQUENCE:
        sequence = f("sequence").count()
        if not 1 <= sequence <= MAX_SEQUENCE:
            raise field_error(f("sequence"), "must be a whole number from 1 to 2^53 - 1")
    created = _time(value["created"], "created")
    expires = None if value["expires"] is None else _time(value["expires"], "expires")
    if expires is not None and expires <= created:
        raise field_error(f("expires"), "must be later than the field created")
    scheme, nationality, email = value["scheme"], value["nationality"], value["email"]
    return {
        "name": _text(value["name"], "name", allow_empty=False),
        "post": _text(value["post"], "post"),
        "keys": PublicKeys(
            signing=_key(value["ssh_key"], "ssh_key", read_exact_ssh_ed25519),
            encryption=_key(value["age_recipient"], "age_recipient", _exact_age_recipient),
        ),
        "role": _text(value["role"], "role"),
        "email": None if email is None else _text(email, "email", allow_empty=False),
        "scheme": scheme
        if type(scheme) is str and SCHEME.fullmatch(scheme)
        else identifier(f("scheme"), SCHEME, SCHEME_WHAT),
        "clearance": _text(value["clearance"], "clearance"),
        "nationality": nationality
        if type(nationality) is str and (nationality == "" or NATIONALITY.fullmatch(nationality))
        else _nationality(f("nationality")),
        "created": created,
        "expires": expires,
        "sequence": sequence,
        "accesses": () if value["accesses"] == [] else _accesses(f("accesses")),
        "pq_recipient": None
        if value["pq_recipient"] is None
        else key_field(f("pq_recipient"), check_pq_recipient),
    }


def _text(value: Any, name: str, *, allow_empty: bool = True) -> str:
    """A text field under the plain-text rule: printable (so no hidden character and
    no lone surrogate), trimmed, not too long, not empty unless ``allow_empty`` — or
    the rule itself decides, naming the field."""
    if (
        type(value) is str
        and (value or allow_empty)
        and len(value) <= PLAIN_TEXT_CHARS
        and value.isprintable()
        and value.strip() == value
    ):
        return value
    return plain_text(Reader(value, name, WHAT, ContactError), allow_empty=allow_empty)


def _key(value: Any, name: str, read: Callable[[str], K]) -> K:
    """A key written as text (the rule of :func:`key_field`)."""
    if type(value) is str:
        try:
            return read(value)
        except KeyFormatError:
            pass
    return key_field(Reader(value, name, WHAT, ContactError), read)  # raises, naming the field


def _time(value: Any, name: str) -> datetime:
    """A UTC time field (the rule of :func:`read_time`), each text read once."""
    if type(value) is str:
        known = _known_time(value)
        if known is not None:
            return known
    return read_time(Reader(value, name, WHAT, ContactError))  # raises, naming the field


@lru_cache(maxsize=4096)
def _known_time(text: str) -> datetime | None:
    """The time ``text`` holds under :func:`read_time`'s rule, or None."""
    try:
        return read_time(Reader(text, "", WHAT, ContactError))
    except ContactError:
        return None


def _accesses(r: Reader) -> tuple[str, ...]:
    return sorted_identifiers(r, ACCESS, ACCESS_WHAT)


def _nationality(r: Reader) -> str:
    return "" if r.value == "" else identifier(r, NATIONALITY, NATIONALITY_WHAT)


def _exact_age_recipient(text: str) -> X25519Recipient:
    # Lower case and nothing around it: then the Bech32 text of a 32-byte key
    # is unique, and equal to what str() of the recipient writes.
    if text != text.lower() or text != text.strip():
        raise KeyFormatError("This age recipient is not written in lower case, without spaces.")
    return X25519Recipient.parse(text)


# --- cabledesk.contact/1 ---------------------------------------------------------


def read_v1_fields(body: bytes) -> dict[str, Any]:
    """The fields of a ``/1`` card's line 1, as ContactCard's keyword arguments;
    raises ContactError."""
    try:
        return _read_v1_body(body)
    except (KeyFormatError, ValueError) as exc:
        message = exc.message if isinstance(exc, CableDeskError) else str(exc)
        raise ContactError(f"This contact card is malformed: {message}") from None


def _read_v1_time(r: Reader) -> datetime | None:
    text = r.optional_text()
    if text is None:
        return None
    try:
        return datetime.strptime(text, _V1_TIME).replace(tzinfo=UTC)
    except ValueError:
        raise ValueError(f"the field {r.path} is not a UTC time") from None


def _v1_shown_text(r: Reader, *, allow_empty: bool = False) -> str:
    """A name or post of a ``/1`` card: as CableDesk 0.1 read it, except that a
    control or invisible character is refused (shown, it could hide or forge
    what is around it), as under ``/2``."""
    text = r.text(allow_empty=allow_empty)
    problem = hidden_character_problem(text)
    if problem is not None:
        raise ValueError(f"the field {r.path} {problem}")
    return text


def _read_v1_body(body: bytes) -> dict[str, Any]:
    # decoded again with the reader that refuses a field named twice: a /1 card
    # need not be canonical JSON
    root = Reader.from_json(body, what=WHAT, error=ContactError)
    root.only_fields(*_V1_FIELDS)
    keys = PublicKeys(
        signing=parse_ssh_ed25519_line(root.field("ssh_key").text()).public_bytes_raw(),
        encryption=X25519Recipient.parse(root.field("age_recipient").text()),
    )
    return {
        "name": _v1_shown_text(root.field("name")),
        "post": _v1_shown_text(root.field("post"), allow_empty=True),
        "keys": keys,
        "role": root.field("role").text(allow_empty=True),
        "email": root.field("email").optional_text(),
        "scheme": root.field("scheme").text(),
        "clearance": root.field("clearance").text(allow_empty=True),
        "nationality": root.field("nationality").text(allow_empty=True),
        "created": _read_v1_time(root.field("created")),
        "expires": _read_v1_time(root.field("expires")),
    }

"""Contact cards (``.contact``): the public half of an identity, self-signed.

Two formats, described field by field in docs/FORMAT.md, Part II:

- ``cabledesk.contact/2``, what CableDesk writes: a signed JSON text (see
  :mod:`cabledesk.crypto.signedtext`) whose line 1 holds ``format``,
  ``sequence`` (≥ 1; a newer card of the same key has a higher one),
  ``created``, ``expires``, ``name``, ``post``, ``role``, ``email``,
  ``scheme``, ``clearance``, ``nationality``, ``accesses`` (special-access
  categories, sorted), ``age_recipient`` (``age1…``), ``pq_recipient``
  (``age1pq1…`` or null) and ``ssh_key`` (``ssh-ed25519 AAAA…``), signed by
  that key in the namespace ``cabledesk-contact-v1``. The signature is
  required; line 1 must be canonical JSON; text fields follow the plain-text
  rule. At most 64 KiB.
- ``cabledesk.contact/1``, still read: line 1 the JSON of the same fields
  without ``sequence``, ``accesses`` and ``pq_recipient`` (and ``created``
  may be null), the signature optional. It counts as sequence 0.

A card of ``cabledesk.contact/3`` or later is refused as made by a newer
version of CableDesk. A card keeps the exact bytes it was read from, so that
:meth:`ContactCard.to_bytes` gives them back and its signature still verifies.

Anyone can check a card with standard tools::

    head -n 1 NAME.contact | tr -d '\\n' > card.json
    tail -n +2 NAME.contact > card.sig
    echo "card $(jq -r .ssh_key card.json)" > signers
    ssh-keygen -Y verify -f signers -I card -n cabledesk-contact-v1 -s card.sig < card.json

Use :meth:`ContactCard.parse` to read and check a card,
:meth:`ContactCard.parse_covered` for a card whose bytes another signature
covers (a directory's entry), :meth:`ContactCard.for_identity` for one's own
card (``/2``). A card made from raw public keys
(:meth:`ContactCard.from_public_keys`) is a ``/1`` record without signature,
marked not self-certified. Every problem raises
:class:`~cabledesk.errors.ContactError`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from cabledesk.canonical_json import canonical_text
from cabledesk.crypto._cardfields import (
    FORMAT_FAMILY,
    FORMAT_ID,
    FORMAT_V1,
    MAX_CARD_BYTES,
    NEWEST_VERSION,
    WHAT,
    card_fingerprint,
    read_v1_fields,
    read_v2_fields,
)
from cabledesk.crypto.age import X25519Recipient
from cabledesk.crypto.fingerprint import fingerprint, keys_safety_number, safety_number
from cabledesk.crypto.keys import Identity, PublicKeys, parse_ssh_ed25519_line
from cabledesk.crypto.signedtext import (
    canonical_json,
    decode,
    format_time,
    read_signature,
    read_version,
    require_canonical,
    split,
)
from cabledesk.crypto.sshsig import CONTACT_NAMESPACE, sign, verify
from cabledesk.errors import ContactError, SignatureFormatError, SignatureInvalid
from cabledesk.jsonread import Reader

__all__ = [
    "FORMAT_FAMILY",
    "FORMAT_ID",
    "FORMAT_V1",
    "MAX_CARD_BYTES",
    "ContactCard",
    "card_fingerprint",
    "read_covered_quickly",
]

_BEGIN = b"-----BEGIN SSH SIGNATURE-----\n"
_END = b"-----END SSH SIGNATURE-----\n"
_BEGIN_TEXT, _END_TEXT = _BEGIN.decode("ascii"), _END.decode("ascii")
_ASK_AGAIN = "Do not import it; ask the person for their card again."


@dataclass(frozen=True, slots=True)
class ContactCard:
    """A correspondent's public keys and details; ``signature`` None if not self-certified.

    ``format_version`` is 1 or 2; ``sequence`` is 0 for a ``/1`` card.
    """

    name: str
    post: str
    keys: PublicKeys
    role: str = ""
    email: str | None = None
    scheme: str = "us"
    clearance: str = ""
    nationality: str = ""
    created: datetime | None = None
    expires: datetime | None = None
    signature: str | None = None  # the armored SSHSIG text
    sequence: int = 0
    accesses: tuple[str, ...] = ()
    pq_recipient: str | None = None  # age1pq1…, checked for syntax
    format_version: int = 1
    # line 1 exactly as read or written (a /1 card's JSON need not be canonical)
    _body: bytes | None = field(default=None, init=False, repr=False, compare=False)
    # the fingerprint, computed once (a directory's import asks 20,000 cards for it)
    _fingerprint: str | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def self_certified(self) -> bool:
        return self.signature is not None

    @property
    def fingerprint(self) -> str:
        known = self._fingerprint
        if known is None:
            known = fingerprint(self.keys.signing)
            object.__setattr__(self, "_fingerprint", known)
        return known

    @property
    def safety_number(self) -> str:
        """The number to compare with the owner: of the signing key, which binds the
        rest by its signature; for a record of raw public keys (not self-certified),
        of both keys (:func:`~cabledesk.crypto.fingerprint.keys_safety_number`)."""
        if not self.self_certified:
            return keys_safety_number(self.keys.signing, str(self.keys.encryption))
        return safety_number(self.keys.signing)

    @property
    def format_id(self) -> str:
        return f"{FORMAT_FAMILY}/{self.format_version}"

    def key_set(self) -> str:
        """The card's keys as one canonical text: the ``ssh-ed25519`` line (no
        comment), the ``age1…`` recipient and, if any, the ``age1pq1…`` one, one
        per line. Two cards carry the same keys exactly when these are equal."""
        lines = [self.keys.ssh_line(), str(self.keys.encryption)]
        if self.pq_recipient is not None:
            lines.append(self.pq_recipient)
        return "\n".join(lines)

    # --- making cards ---------------------------------------------------------

    @classmethod
    def for_identity(cls, identity: Identity) -> ContactCard:
        """The self-signed ``cabledesk.contact/2`` card of one's own identity.

        Raises ContactError if a detail of the identity cannot be written in a
        card (a name with a control character, an expiry before its creation, …).
        """
        unsigned = cls(
            name=identity.name,
            post=identity.post,
            keys=identity.public(),
            role=identity.role,
            email=identity.email or None,
            scheme=identity.scheme,
            clearance=identity.clearance,
            nationality=identity.nationality,
            created=identity.created,
            expires=identity.expires,
            sequence=identity.card_sequence,
            accesses=identity.accesses,
            pq_recipient=identity.pq_recipient,
            format_version=2,
        )
        body = unsigned.body()
        signature = sign(identity.signing_key, CONTACT_NAMESPACE, body)
        try:  # every rule of the format, checked the one way
            return cls.parse_covered(body + b"\n" + signature.encode("ascii"))
        except ContactError as exc:
            raise ContactError(
                f"Your identity cannot be written as a contact card. {exc.message}",
                hint="Correct that detail of your identity.",
            ) from None

    @classmethod
    def from_public_keys(
        cls, *, name: str, age_recipient: str, ssh_key: str, post: str = "", **details: object
    ) -> ContactCard:
        """A record for someone who uses the standard tools; not self-certified (``/1``)."""
        keys = PublicKeys(
            signing=parse_ssh_ed25519_line(ssh_key).public_bytes_raw(),
            encryption=X25519Recipient.parse(age_recipient),
        )
        return cls(name=name, post=post, keys=keys, **details)  # type: ignore[arg-type]

    # --- bytes ------------------------------------------------------------------

    def body(self) -> bytes:
        """Line 1: what the signature covers. For a card that was read, the bytes
        read; else the card's fields in the JSON of its format version."""
        if self._body is not None:
            return self._body
        doc: dict[str, Any] = {
            "format": self.format_id,
            "name": self.name,
            "post": self.post,
            "role": self.role,
            "email": self.email,
            "scheme": self.scheme,
            "clearance": self.clearance,
            "nationality": self.nationality,
            "created": None if self.created is None else format_time(self.created),
            "expires": None if self.expires is None else format_time(self.expires),
            "age_recipient": str(self.keys.encryption),
            "ssh_key": self.keys.ssh_line(),
        }
        if self.format_version == 2:
            doc |= {
                "sequence": self.sequence,
                "accesses": list(self.accesses),
                "pq_recipient": self.pq_recipient,
            }
        elif self.format_version != 1:
            raise ValueError(f"cannot write {self.format_id}")
        return canonical_json(doc)

    def to_bytes(self) -> bytes:
        """The ``.contact`` file (for a card that was read: exactly its bytes)."""
        return self.body() + b"\n" + (self.signature or "").encode("ascii")

    # --- reading ------------------------------------------------------------------

    @classmethod
    def parse(cls, data: bytes, *, now: datetime | None) -> ContactCard:
        """Parse and check a ``.contact`` file at time ``now``.

        Raises ContactError when it is malformed, its self-signature fails, it
        was made by a newer CableDesk, or it has expired at ``now`` (``None``: a
        card read back from the vault, whose expiry the caller checks and shows).
        """
        card = cls._read(data, check_signature=True)
        if now is not None and card.expires is not None and card.expires <= now:
            raise ContactError(
                f"This contact card expired on {card.expires:%Y-%m-%d}.",
                hint="Ask the person for their current card.",
            )
        return card

    @classmethod
    def parse_covered(cls, data: bytes) -> ContactCard:
        """Parse a card whose bytes are vouched for otherwise: an entry of a verified
        directory (covered by its signature), a card read back from the vault (checked
        when it entered). Every rule of :meth:`parse` except the self-signature, which
        a ``/2`` card must carry but which is neither parsed nor checked, and the expiry."""
        return cls._read(data, check_signature=False)

    @classmethod
    def _read(cls, data: bytes, *, check_signature: bool) -> ContactCard:
        if len(data) > MAX_CARD_BYTES:
            raise ContactError("This contact card is far too large to be one.")
        body, rest = split(data, what=WHAT, error=ContactError, max_bytes=MAX_CARD_BYTES)
        root = decode(body, what=WHAT, error=ContactError)
        if read_version(root, FORMAT_FAMILY, NEWEST_VERSION) == 1:
            card = ContactCard(**read_v1_fields(body), signature=_v1_signature(rest))
        else:
            require_canonical(body, root)
            if check_signature:
                signer = read_signature(rest, what=WHAT, error=ContactError).public_key
            elif not (rest.startswith(_BEGIN) and rest.endswith(_END) and rest.isascii()):
                raise ContactError(f"This {WHAT} has no signature.", hint=_ASK_AGAIN)
            card = ContactCard(
                **read_v2_fields(root), signature=rest.decode("ascii"), format_version=2
            )
            if check_signature and signer != card.keys.signing:
                raise ContactError(
                    "This contact card is signed by another key than its own.", hint=_ASK_AGAIN
                )
        object.__setattr__(card, "_body", body)
        if check_signature and card.signature is not None:
            try:
                verify(card.signature.strip() + "\n", body, card.keys.ed25519(), CONTACT_NAMESPACE)
            except (SignatureFormatError, SignatureInvalid) as exc:
                raise ContactError(
                    f"This contact card's self-signature is not valid: {exc.message}",
                    hint=_ASK_AGAIN,
                ) from None
        return card


def read_covered_quickly(text: str) -> ContactCard | None:
    """The ``/2`` card ``text`` exactly as :meth:`ContactCard.parse_covered` reads it,
    or None when it is not a well-formed ``/2`` card: the caller then reads it with
    :meth:`~ContactCard.parse_covered`, which accepts it (a ``/1`` card) or names
    its problem. Every rule of ``parse_covered`` is checked, the same way, without
    the steps a card that came as text in a directory does not need (bytes to text
    and back, the format's regular expression for the one id a ``/2`` card has);
    a directory's import reads 20,000 cards with it."""
    if len(text) > MAX_CARD_BYTES // 4:  # past any card's size in UTF-8: the slow path
        return None
    line, _, rest = text.partition("\n")
    if not (rest.startswith(_BEGIN_TEXT) and rest.endswith(_END_TEXT) and rest.isascii()):
        return None
    try:
        value = json.loads(line)
        if type(value) is not dict or value.get("format") != FORMAT_ID:
            return None
        if canonical_text(value) != line:
            return None
        fields = read_v2_fields(Reader(value, "", WHAT, ContactError))
        body = line.encode("utf-8")  # (a lone surrogate: refused by the slow path)
    except (ValueError, RecursionError, ContactError):  # UnicodeError is a ValueError
        return None
    card = ContactCard(**fields, signature=rest, format_version=2)
    object.__setattr__(card, "_body", body)
    return card


def _v1_signature(rest: bytes) -> str | None:
    """What follows line 1 of a ``/1`` card, kept byte for byte: nothing (a card of raw
    keys), or text shaped as an SSHSIG armor (whether it verifies is checked apart).
    Anything else — which a card covered by a directory's signature would otherwise
    carry as a "signature" it could never write back — is refused."""
    if not rest.strip():
        return None
    text = rest.strip()
    if not (rest.isascii() and text.startswith(_BEGIN.strip()) and text.endswith(_END.strip())):
        raise ContactError(
            f"This {WHAT} is followed by something that is not a signature.", hint=_ASK_AGAIN
        )
    return rest.decode("ascii")

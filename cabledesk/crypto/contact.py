"""Contact cards (``.contact``): the public half of an identity, self-signed.

File format ``cabledesk.contact/1`` (UTF-8 text):

- line 1: the card, as canonical JSON (keys sorted, no whitespace, UTF-8):
  ``format``, ``name``, ``post``, ``role``, ``email``, ``scheme``,
  ``clearance``, ``nationality``, ``created``, ``expires``
  (``YYYY-MM-DDTHH:MM:SSZ`` or null), ``age_recipient`` (``age1…``) and
  ``ssh_key`` (``ssh-ed25519 AAAA…``);
- then, for a self-certified card, the armored SSHSIG signature by the card's
  own Ed25519 key over the exact bytes of line 1 (without its newline),
  namespace ``cabledesk-contact-v1``.

Anyone can check a card with standard tools::

    head -n 1 NAME.contact | tr -d '\\n' > card.json
    tail -n +2 NAME.contact > card.sig
    echo "card $(jq -r .ssh_key card.json)" > signers
    ssh-keygen -Y verify -f signers -I card -n cabledesk-contact-v1 -s card.sig < card.json

A card made from raw public keys (:meth:`ContactCard.from_public_keys`) has no
signature and is marked not self-certified.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from cabledesk.crypto.age import X25519Recipient
from cabledesk.crypto.fingerprint import fingerprint, safety_number
from cabledesk.crypto.keys import Identity, PublicKeys, parse_ssh_ed25519_line
from cabledesk.crypto.sshsig import CONTACT_NAMESPACE, sign, verify
from cabledesk.errors import (
    CableDeskError,
    ContactError,
    KeyFormatError,
    SignatureFormatError,
    SignatureInvalid,
)
from cabledesk.jsonread import Reader

__all__ = ["FORMAT_ID", "ContactCard"]

FORMAT_ID = "cabledesk.contact/1"
MAX_CARD_BYTES = 64 * 1024
_TIME = "%Y-%m-%dT%H:%M:%SZ"
_FIELDS = (
    "format", "name", "post", "role", "email", "scheme", "clearance", "nationality",
    "created", "expires", "age_recipient", "ssh_key",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ContactCard:
    """A correspondent's public keys and details; ``signature`` None if not self-certified."""

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
    signature: str | None = None

    @property
    def self_certified(self) -> bool:
        return self.signature is not None

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.keys.signing)

    @property
    def safety_number(self) -> str:
        return safety_number(self.keys.signing)

    @classmethod
    def for_identity(cls, identity: Identity) -> ContactCard:
        """The self-signed card of one's own identity."""
        unsigned = cls(
            name=identity.name,
            post=identity.post,
            keys=identity.public(),
            role=identity.role,
            email=identity.email,
            scheme=identity.scheme,
            clearance=identity.clearance,
            nationality=identity.nationality,
            created=identity.created,
            expires=identity.expires,
        )
        signature = sign(identity.signing_key, CONTACT_NAMESPACE, unsigned.body())
        return replace(unsigned, signature=signature)

    @classmethod
    def from_public_keys(
        cls, *, name: str, age_recipient: str, ssh_key: str, post: str = "", **details: object
    ) -> ContactCard:
        """A card for someone who uses the standard tools; not self-certified."""
        keys = PublicKeys(
            signing=parse_ssh_ed25519_line(ssh_key).public_bytes_raw(),
            encryption=X25519Recipient.parse(age_recipient),
        )
        return cls(name=name, post=post, keys=keys, **details)  # type: ignore[arg-type]

    def body(self) -> bytes:
        """The canonical JSON of the card (what the signature covers)."""
        doc = {
            "format": FORMAT_ID,
            "name": self.name,
            "post": self.post,
            "role": self.role,
            "email": self.email,
            "scheme": self.scheme,
            "clearance": self.clearance,
            "nationality": self.nationality,
            "created": _time(self.created),
            "expires": _time(self.expires),
            "age_recipient": str(self.keys.encryption),
            "ssh_key": self.keys.ssh_line(),
        }
        return json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()

    def to_bytes(self) -> bytes:
        """The ``.contact`` file."""
        return self.body() + b"\n" + (self.signature or "").encode("ascii")

    @classmethod
    def parse(cls, data: bytes, *, now: datetime | None) -> ContactCard:
        """Parse and check a ``.contact`` file at time ``now``.

        Raises ContactError when it is malformed, its self-signature fails, or
        it has expired at ``now`` (``None``: a card read back from the vault,
        whose expiry the caller checks and shows).
        """
        if len(data) > MAX_CARD_BYTES:
            raise ContactError("This contact card is far too large to be one.")
        body, _, signature = data.partition(b"\n")
        try:
            card = _read_body(body)
        except (KeyFormatError, ValueError) as exc:
            message = exc.message if isinstance(exc, CableDeskError) else str(exc)
            raise ContactError(f"This contact card is malformed: {message}") from None
        sig_text = signature.decode("ascii", "replace").strip()
        if sig_text:
            try:
                verify(sig_text, body, card.keys.ed25519(), CONTACT_NAMESPACE)
            except (SignatureFormatError, SignatureInvalid) as exc:
                raise ContactError(
                    f"This contact card's self-signature is not valid: {exc.message}",
                    hint="Do not import it; ask the person for their card again.",
                ) from None
            card = replace(card, signature=sig_text + "\n")
        if now is not None and card.expires is not None and card.expires <= now:
            raise ContactError(
                f"This contact card expired on {card.expires:%Y-%m-%d}.",
                hint="Ask the person for their current card.",
            )
        return card


def _time(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).strftime(_TIME)


def _read_time(r: Reader) -> datetime | None:
    text = r.optional_text()
    if text is None:
        return None
    try:
        return datetime.strptime(text, _TIME).replace(tzinfo=UTC)
    except ValueError:
        raise ValueError(f"the field {r.path} is not a UTC time") from None


def _read_body(body: bytes) -> ContactCard:
    root = Reader.from_json(body, what="contact card", error=ContactError)
    root.only_fields(*_FIELDS)
    if root.field("format").text() != FORMAT_ID:
        raise ValueError(f"it is not in the format {FORMAT_ID}")
    keys = PublicKeys(
        signing=parse_ssh_ed25519_line(root.field("ssh_key").text()).public_bytes_raw(),
        encryption=X25519Recipient.parse(root.field("age_recipient").text()),
    )
    return ContactCard(
        name=root.field("name").text(),
        post=root.field("post").text(allow_empty=True),
        keys=keys,
        role=root.field("role").text(allow_empty=True),
        email=root.field("email").optional_text(),
        scheme=root.field("scheme").text(),
        clearance=root.field("clearance").text(allow_empty=True),
        nationality=root.field("nationality").text(allow_empty=True),
        created=_read_time(root.field("created")),
        expires=_read_time(root.field("expires")),
    )

"""What a contact card may change in the vault (the trust model, docs/SECURITY.md).

Trust rests on the identity (signing) key the user verified. A card is read
only when self-signed (a card without a valid self-signature is refused,
always), so a card of a known fingerprint is signed by that very identity
key. It replaces the stored card only when strictly newer (:func:`is_newer`:
a higher ``sequence``; between two ``cabledesk.contact/1`` cards, a later
``created``; a record made from raw public keys is superseded by any card its
own key signs); an older or equal card is a rollback, refused. Its encryption
keys are bound by that signature, so a verified contact stays verified across
a key change; its changed claims (:data:`~cabledesk.store.contacts.CLAIMS`)
wait for the user's verification before the release policy uses them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from cabledesk.crypto.contact import ContactCard
from cabledesk.domain.trust import TrustState
from cabledesk.errors import ContactError
from cabledesk.phrase import Phrase
from cabledesk.store.contacts import CLAIMS, Contact

__all__ = [
    "ClaimChange",
    "ImportOutcome",
    "ImportStatus",
    "check_compared",
    "claim_changes",
    "is_newer",
    "refuse_rollback",
    "refuse_unsigned",
]


class ImportStatus(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True, slots=True)
class ImportOutcome:
    """What importing a card did. An update lists the claims it changed (``changes``)
    and, when its keys differ, the keys before (``keys_before``; the contact's card
    has the keys after). ``replaced``: the verified contact of the same name whose
    keys the new contact does not carry ("keys changed since you verified them").
    ``rotated_from``: the previous key of a contact continued by a key rotation its
    previous key signed (:mod:`._rotation`)."""

    contact: Contact
    status: ImportStatus
    changes: tuple[ClaimChange, ...] = ()
    keys_before: str | None = None
    replaced: Contact | None = None
    # a key rotation signed by the previous key: the contact's previous fingerprint
    rotated_from: str | None = None

    @property
    def needs_verification(self) -> bool:
        """Whether the user must verify before relying on what the card says."""
        return (
            self.contact.keys_changed
            or bool(self.contact.claims_changed)
            or (self.contact.trust.state is TrustState.UNVERIFIED)
        )


@dataclass(frozen=True, slots=True)
class ClaimChange:
    """One claim of a card that an update changes, as text (``"none"`` when empty)."""

    claim: str
    before: str
    after: str


def _text(card: ContactCard, claim: str) -> str:
    value = getattr(card, claim)
    if claim == "expires":
        return "none" if value is None else f"{value:%Y-%m-%d}"
    if claim == "accesses":
        return ", ".join(value) or "none"
    return str(value) or "none"


def claim_changes(before: ContactCard, after: ContactCard) -> tuple[ClaimChange, ...]:
    """The claims ``after`` changes from ``before``, in the order of CLAIMS."""
    return tuple(
        ClaimChange(c, _text(before, c), _text(after, c))
        for c in CLAIMS
        if getattr(before, c) != getattr(after, c)
    )


def is_newer(card: ContactCard, held: ContactCard) -> bool:
    """Whether ``card`` (self-signed, of the same identity key) is strictly newer than
    the card ``held``: see the module docstring."""
    if not held.self_certified:
        return True
    if card.format_version >= 2 or held.format_version >= 2:
        return card.sequence > held.sequence  # a /1 card counts as sequence 0
    return card.created is not None and (held.created is None or card.created > held.created)


def _order(card: ContactCard) -> str:
    if card.format_version >= 2:
        return f"sequence {card.sequence}"
    return "made " + ("at an unknown date" if card.created is None else f"{card.created:%Y-%m-%d}")


def refuse_unsigned() -> ContactError:
    return ContactError(
        Phrase.of(
            "This contact card is not signed by its owner's key: nothing binds its keys to "
            "that person, so it is refused."
        ),
        hint=Phrase.of(
            "Ask the person for a card made by CableDesk. For someone who uses age and "
            "ssh-keygen, add their public keys by hand and verify both keys with them."
        ),
    )


def refuse_rollback(card: ContactCard, held: Contact) -> ContactError:
    return ContactError(
        Phrase.of(
            "This card of {name} is not newer than the one you have ({offered}; yours: "
            "{held}): an older or equal card cannot replace it.",
            name=held.name,
            offered=_order(card),
            held=_order(held.card),
        ),
        hint=Phrase.of(
            "Someone may be replaying an old card. Ask {name} for their current card.",
            name=held.name,
        ),
    )


def check_compared(contact: Contact, age_recipient: str | None, safety_number: str | None) -> None:
    """Whether the user's comparison covers the contact's current keys: ``safety_number``
    (the number shown to them) must be the card's, ``age_recipient`` (the one they
    compared) its recipient; a record of raw public keys needs one of the two.
    Raises ContactError."""
    card = contact.card
    if safety_number is not None and " ".join(safety_number.split()) != card.safety_number:
        raise ContactError(
            Phrase.of(
                "The safety number you compared is not {name}'s: their keys changed "
                "meanwhile. Nothing was marked verified.",
                name=contact.name,
            ),
            hint=Phrase.of("Compare the safety number shown now."),
        )
    if age_recipient is not None and age_recipient.strip() != str(card.keys.encryption):
        raise ContactError(
            Phrase.of(
                "The age recipient you compared is not the one stored for {name}: do not "
                "mark the contact verified.",
                name=contact.name,
            ),
            hint=Phrase.of(
                "Compare both keys with them again; if theirs differ, add their new keys."
            ),
        )
    if not card.self_certified and age_recipient is None and safety_number is None:
        raise ContactError(
            Phrase.of(
                "{name} was added from raw public keys, which no signature binds together: "
                "the age recipient must be compared too.",
                name=contact.name,
            ),
            hint=Phrase.of(
                "Give the age recipient you compared with them (--age-recipient age1...)."
            ),
        )

"""The values an authority records, checked (for :mod:`cabledesk.services.authority`).

A card to attest (:func:`read_card_file`, :func:`self_signed_card`), a nationality,
special accesses, roles and a revocation's reason, each read as people type it and
refused with a typed error naming what is accepted.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from cabledesk.crypto._attributes import ACCESS
from cabledesk.crypto.contact import MAX_CARD_BYTES, ContactCard
from cabledesk.crypto.directory import REASONS, ROLES
from cabledesk.domain.countries import is_country_code
from cabledesk.errors import ContactError, FieldError, InputError, SignatureInvalid
from cabledesk.phrase import Phrase

__all__ = ["accesses", "nationality", "read_card_file", "reason", "roles", "self_signed_card"]

# The words people use for the format's reasons (the "key compromise", …).
_REASON_WORDS = {
    "key compromise": "key-compromise",
    "compromise": "key-compromise",
    "compromised": "key-compromise",
    "left the service": "left-service",
    "left service": "left-service",
    "clearance withdrawn": "clearance-withdrawn",
}


def nationality(value: str) -> str:
    code = value.strip().upper()
    if not is_country_code(code):
        raise FieldError(
            Phrase.of("{value} is not an ISO 3166 three-letter country code.", value=value),
            hint=Phrase.of("For example USA, FRA, DEU, GBR."),
        )
    return code


def read_card_file(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            data = f.read(MAX_CARD_BYTES + 1)
    except OSError as exc:
        raise InputError(
            Phrase.of(
                "Cannot read the card {file}: {reason}.",
                file=str(path),
                reason=exc.strerror or type(exc).__name__,
            )
        ) from exc
    if len(data) > MAX_CARD_BYTES:
        raise InputError(
            Phrase.of("The file {file} is far too large to be a card.", file=str(path))
        )
    return data


def self_signed_card(data: bytes, now: datetime) -> ContactCard:
    """The card in ``data``, its self-signature checked. A card that cannot be read
    raises ContactError; one without a valid self-signature, SignatureInvalid."""
    card = ContactCard.parse_covered(data)  # the form of everything: ContactError
    if not card.self_certified:
        raise SignatureInvalid(
            Phrase.of(
                "This card carries no self-signature: nothing binds its details to its keys."
            ),
            hint=Phrase.of("Attest only a card made by CableDesk, received from its owner."),
        )
    try:
        card = ContactCard.parse(data, now=None)
    except ContactError as exc:
        raise SignatureInvalid(
            Phrase.of("This card is forged or altered: {problem}", problem=exc.message),
            hint=Phrase.of("Do not attest it; ask the person for their card again."),
        ) from None
    if card.expires is not None and card.expires <= now:
        raise ContactError(
            Phrase.of("This contact card expired on {date}.", date=f"{card.expires:%Y-%m-%d}"),
            hint=Phrase.of("Ask the person for their current card."),
        )
    return card


def accesses(values: tuple[str, ...]) -> tuple[str, ...]:
    accesses = {v.strip().upper() for v in values if v.strip()}
    for access in sorted(accesses):
        if not ACCESS.fullmatch(access):
            raise FieldError(
                Phrase.of(
                    "{value} is not a special-access category (capitals, digits and hyphens, "
                    "such as ATOMAL).",
                    value=access,
                )
            )
    return tuple(sorted(accesses))


def roles(values: tuple[str, ...]) -> tuple[str, ...]:
    roles = {v.strip().lower() for v in values if v.strip()}
    for role in sorted(roles):
        if role not in ROLES:
            raise FieldError(
                Phrase.of(
                    "{value} is not a role; the roles are {roles}.", value=role, roles=list(ROLES)
                )
            )
    return tuple(sorted(roles))


def reason(value: str) -> str:
    words = " ".join(value.lower().split())
    code = _REASON_WORDS.get(words, words.replace(" ", "-"))
    if code not in REASONS:
        raise FieldError(
            Phrase.of(
                "{value} is not a reason for a revocation; the reasons are {reasons}.",
                value=value,
                reasons=list(REASONS),
            ),
        )
    return code

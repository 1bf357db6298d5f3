"""Target: contact cards (``contact.ContactCard.parse``), with and without an expiry check.

A card that parses must serialise back to bytes that parse to the same card.
"""

from __future__ import annotations

from cabledesk.crypto.contact import ContactCard
from tests.fuzz._harness import BOB, JANE, NOW, attempt


def run(data: bytes) -> None:
    card = attempt(lambda: ContactCard.parse(data, now=NOW))
    if card is not None:
        assert ContactCard.parse(card.to_bytes(), now=NOW) == card
    ContactCard.parse(data, now=None)


def seeds() -> dict[str, bytes]:
    unsigned = ContactCard.from_public_keys(
        name="Carol Poe",
        age_recipient=str(BOB.encryption_key.recipient()),
        ssh_key=BOB.public().ssh_line(),
        post="AMEMBASSY LONDON",
    )
    return {
        "jane": ContactCard.for_identity(JANE).to_bytes(),
        "bob": ContactCard.for_identity(BOB).to_bytes(),
        "unsigned": unsigned.to_bytes(),
    }

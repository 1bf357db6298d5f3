"""The release policy's view of a contact: attested attributes where a trusted security
office attests them, else the card's (issue 16).

A contact's attestation (:attr:`Contact.attestation`, present only when it covers the
card's exact keys and has not expired) gives its clearance with its scheme, its
nationality and its special accesses; the profile records which attributes are
attested, by whom and when, so that the policy can refuse self-declared ones (the
``attested-from`` setting) and the faces can say which value each decision used.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from cabledesk.domain.policy import RecipientProfile
from cabledesk.store.contacts import Contact

__all__ = ["profile_of", "profiles_of"]


def profile_of(contact: Contact, now: datetime, *, card_claims: bool = False) -> RecipientProfile:
    """The policy's view of ``contact``; ``card_claims``: use the card's claims as they
    are (plain encryption reads the card), not the claims the user verified."""
    card = contact.card if card_claims else contact.policy_card
    profile = RecipientProfile.of(card, contact.trust)
    attestation = contact.attestation
    if attestation is None or not attestation.valid_at(now):
        return profile
    attested: list[str] = ["accesses"]
    changes: dict[str, object] = {"accesses": attestation.accesses}
    if attestation.clearance:
        changes |= {"clearance": attestation.clearance, "scheme": attestation.scheme}
        attested += ["clearance", "scheme"]
    if attestation.nationality:
        changes["nationality"] = attestation.nationality
        attested.append("nationality")
    return replace(
        profile,
        **changes,  # type: ignore[arg-type]
        attested=tuple(sorted(attested)),
        attested_by=attestation.anchor_name,
        attested_on=attestation.attested.date().isoformat(),
    )


def profiles_of(
    contacts: Sequence[Contact], now: datetime, *, card_claims: bool = False
) -> list[RecipientProfile]:
    return [profile_of(c, now, card_claims=card_claims) for c in contacts]

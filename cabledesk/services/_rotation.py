"""Identity-key rotation signed by the previous key, for :mod:`cabledesk.services.contacts`.

A person who replaces their identity key hands out their new card with a
key-rotation statement (:mod:`cabledesk.crypto.rotation`) signed by their previous
key. :func:`continue_contact` checks it against the user's contacts and, when it
holds, the contact continues under the new card: same contact, its trust kept (a
contact the user verified stays verified: the key they verified vouches for the new
one), its previous key recorded as superseded (:mod:`cabledesk.store.rotations`). It
is refused (RotationRefused) when the statement's key is no contact's current key,
when it is about other card bytes, when it was used already (a replay), when the
contact is revoked or its key expired, or when the new key is already someone else's.

:func:`refuse_superseded` refuses a card of a previous key, imported alone (a
replay of the old card); :func:`superseded_trust` and :func:`superseded_known_as`
say who a previous key was, for verdicts of what it signed; :func:`superseded_signer`
for a signed document (no signing time: at best unverified).
"""

from __future__ import annotations

import hashlib

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.rotation import RotationStatement
from cabledesk.domain.trust import KnownAs, Trust, TrustState
from cabledesk.errors import RotationRefused
from cabledesk.export.verification import KnownSigner
from cabledesk.phrase import Phrase
from cabledesk.services._card_rules import ImportOutcome, ImportStatus, claim_changes
from cabledesk.store.audit import Event
from cabledesk.store.rotations import RotationStore
from cabledesk.store.vault import Vault

__all__ = [
    "continue_contact",
    "refuse_superseded",
    "superseded_known_as",
    "superseded_signer",
    "superseded_trust",
]


def continue_contact(vault: Vault, card: ContactCard, data: bytes) -> ImportOutcome | None:
    """Continue a contact under ``card`` (read and self-signed) if the statement ``data``
    says so, inside the caller's transaction; audited. Returns None when that rotation
    was applied already (the card is then imported as any card of a known key).

    Raises ContactError (a malformed statement) and RotationRefused (see the module
    docstring).
    """
    statement = RotationStatement.parse(data)
    if not statement.covers(card):
        raise RotationRefused(
            Phrase.of(
                "This key-rotation statement is about another card than this one: it was "
                "signed for other card bytes or another key. Nothing was changed."
            ),
            hint=Phrase.of("Ask the person for their new card and its statement together."),
        )
    rotations = RotationStore(vault.db)
    done = rotations.superseded(statement.old_fingerprint)
    if done is not None:
        if done.fingerprint == card.fingerprint:
            return None  # this very rotation, imported again
        raise _replayed(done.rotated.date().isoformat())
    if rotations.superseded(card.fingerprint) is not None:
        raise _replayed(None)
    contact = vault.contacts.get(statement.old_fingerprint)
    if contact is None:
        raise RotationRefused(
            Phrase.of(
                "This key-rotation statement is signed by {fingerprint}, which is not the "
                "key of any of your contacts: it cannot continue a contact. Nothing was "
                "changed.",
                fingerprint=statement.old_fingerprint,
            ),
            hint=Phrase.of(
                "Import the card without the statement: it starts a new, unverified "
                "contact, whose safety number you compare with its owner."
            ),
        )
    if contact.revocation is not None or contact.trust.state is TrustState.REVOKED:
        why = contact.revocation.how if contact.revocation is not None else contact.trust.how
        raise RotationRefused(
            Phrase.of(
                "{name}'s key, which signed this key-rotation statement, is revoked ({why}): "
                "a revoked key cannot vouch for a new one. Nothing was changed.",
                name=contact.name,
                why=why or "no reason given",
            ),
            hint=Phrase.of(
                "Import the card without the statement and compare its safety number with "
                "{name} through another channel.",
                name=contact.name,
            ),
        )
    expired = contact.card.expires
    if expired is not None and expired <= vault.now():
        raise RotationRefused(
            Phrase.of(
                "{name}'s key, which signed this key-rotation statement, expired on {date}: an "
                "expired key may be in other hands, and cannot vouch for a new one. Nothing "
                "was changed.",
                name=contact.name,
                date=expired.date().isoformat(),
            ),
            hint=Phrase.of(
                "Import the card without the statement and compare its safety number with "
                "{name} through another channel.",
                name=contact.name,
            ),
        )
    other = vault.contacts.get(card.fingerprint)
    duplicate = (  # the same card imported alone before: an unverified "keys changed" copy
        other is not None
        and other.keys_changed_from == contact.fingerprint
        and other.verified_keys is None
        and other.trust.state is TrustState.UNVERIFIED
    )
    if other is not None and not duplicate:
        raise RotationRefused(
            Phrase.of(
                "The new key of this key-rotation statement is already the key of your "
                "contact {name}: it cannot continue another contact. Nothing was changed.",
                name=other.name,
            ),
            hint=Phrase.of("Ask the person about it through another channel."),
        )
    now = vault.now()
    if other is not None:  # that copy gives way to the contact it continues
        rotations.remove_duplicate(other.id)
    rotations.continue_contact(contact, card, statement, now)
    changes = claim_changes(contact.card, card)
    details: dict[str, str | bool] = {
        "name": card.name,
        "post": card.post,
        "fingerprint": card.fingerprint,
        "continues": contact.fingerprint,
        "rotation": "signed by the previous key",
        "rotated": statement.created.isoformat(),
        "statement_sha256": hashlib.sha256(data).hexdigest(),
        "keys_before": contact.card.key_set().replace("\n", "; "),
        "keys_after": card.key_set().replace("\n", "; "),
        "trust": contact.trust.state.value,
    }
    if other is not None:
        details["replaces_unverified_copy"] = True
    for change in changes:
        details |= {f"{change.claim}_before": change.before,
                    f"{change.claim}_after": change.after}  # fmt: skip
    vault.audit.append(Event.CONTACT_IMPORTED, details)
    after = vault.contacts.get(card.fingerprint)
    assert after is not None
    return ImportOutcome(
        after,
        ImportStatus.UPDATED,
        changes,
        keys_before=contact.card.key_set(),
        rotated_from=contact.fingerprint,
    )


def _replayed(date: str | None) -> RotationRefused:
    if date is None:
        message = Phrase.of(
            "The new key of this key-rotation statement was replaced already by a later "
            "rotation: an old statement cannot bring it back. Nothing was changed."
        )
    else:
        message = Phrase.of(
            "The key this statement replaces was replaced already, on {date}: an old "
            "key-rotation statement cannot be used again. Nothing was changed.",
            date=date,
        )
    return RotationRefused(
        message,
        hint=Phrase.of(
            "Someone may be replaying old files. Ask the person for their current card."
        ),
    )


def refuse_superseded(vault: Vault, card: ContactCard) -> None:
    """Raise RotationRefused if ``card``'s key is a contact's previous key."""
    superseded = RotationStore(vault.db).superseded(card.fingerprint)
    if superseded is None:
        return
    current = vault.contacts.get(superseded.fingerprint)
    raise RotationRefused(
        Phrase.of(
            "This card's key is a previous key of {name}, replaced on {date} by a key "
            "rotation: an old card cannot come back. Nothing was changed.",
            name=card.name if current is None else current.name,
            date=superseded.rotated.date().isoformat(),
        ),
        hint=Phrase.of(
            "Someone may be replaying an old card. Ask {name} for their current card.",
            name=card.name if current is None else current.name,
        ),
    )


def superseded_trust(vault: Vault, fingerprint: str) -> Trust | None:
    """The trust of a contact's previous key: the contact's, with when the key was
    replaced (what it signs after is not trusted); None for any other key."""
    superseded = RotationStore(vault.db).superseded(fingerprint)
    if superseded is None:
        return None
    contact = vault.contacts.get(superseded.fingerprint)
    if contact is None:
        return None
    t = contact.trust
    if contact.revocation is not None or t.state is TrustState.REVOKED:
        return Trust(TrustState.REVOKED, t.since, t.how, t.by_anchor)
    return Trust(t.state, t.since, t.how, t.by_anchor, superseded=superseded.rotated)


def superseded_known_as(vault: Vault, fingerprint: str) -> KnownAs | None:
    """How the user's record names the owner of a previous key (None: not one)."""
    superseded = RotationStore(vault.db).superseded(fingerprint)
    contact = None if superseded is None else vault.contacts.get(superseded.fingerprint)
    if contact is None:
        return None
    return KnownAs(contact.name, contact.card.post, contact.keys_changed, previous_key=True)


def superseded_signer(vault: Vault, fingerprint: str) -> KnownSigner | None:
    """What the contacts say of a previous key that signed a document: its owner, named
    with the key's replacement, never more than unverified — a document signature
    carries no time, so it may have been made after the rotation (None: not one)."""
    superseded = RotationStore(vault.db).superseded(fingerprint)
    contact = None if superseded is None else vault.contacts.get(superseded.fingerprint)
    if superseded is None or contact is None:
        return None
    name = f"{contact.name}, a previous key replaced on {superseded.rotated.date().isoformat()}"
    t = contact.trust
    if contact.revocation is not None or t.state is TrustState.REVOKED:
        return KnownSigner(name, Trust(TrustState.REVOKED, t.since, t.how, t.by_anchor))
    return KnownSigner(name, Trust(TrustState.UNVERIFIED, superseded.rotated, "a previous key"))

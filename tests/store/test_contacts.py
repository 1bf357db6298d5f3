from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.domain.trust import Trust, TrustState
from cabledesk.errors import VaultError
from cabledesk.store.vault import Vault
from tests.vaultkit import Clock


def _card(name: str, nationality: str = "FRA") -> ContactCard:
    return ContactCard.for_identity(
        Identity.generate(name, "AMEMBASSY PARIS", nationality=nationality, clearance="SECRET")
    )


def test_add_get_find_and_trust(vault: Vault, clock: Clock) -> None:
    store = vault.contacts
    card = _card("Jean Martin")
    added = store.add(card, Trust(TrustState.UNVERIFIED), clock())
    assert store.get(card.fingerprint) == added
    assert store.find(card.fingerprint[7:15]) == [added]  # a prefix without SHA256:
    assert store.find("jean martin") == [added]
    assert store.find("") == []
    with pytest.raises(VaultError, match="already"):
        store.add(card, Trust(TrustState.UNVERIFIED), clock())
    verified = Trust(TrustState.VERIFIED, clock(), "safety number read on the phone")
    store.set_trust(card.fingerprint, verified)
    got = store.get(card.fingerprint)
    assert got is not None and got.trust == verified
    assert got.card.to_bytes() == card.to_bytes()


def test_groups(vault: Vault, clock: Clock) -> None:
    store = vault.contacts
    a, b = _card("Anna"), _card("Bruno")
    for card in (a, b):
        store.add(card, Trust(TrustState.UNVERIFIED), clock())
    store.create_group("EU posts", "every EU embassy")
    with pytest.raises(VaultError, match="already a group"):
        store.create_group("eu POSTS")
    store.add_to_group("EU posts", b.fingerprint)
    store.add_to_group("eu posts", a.fingerprint)
    store.add_to_group("EU posts", a.fingerprint)  # twice: once
    group = store.group("EU POSTS")
    assert group is not None and group.members == (a.fingerprint, b.fingerprint)
    store.remove_from_group("EU posts", a.fingerprint)
    assert store.groups()[0].members == (b.fingerprint,)
    with pytest.raises(VaultError, match="no group"):
        store.add_to_group("nope", a.fingerprint)
    with pytest.raises(VaultError, match="not one of your contacts"):
        store.add_to_group("EU posts", "SHA256:unknown")
    store.delete_group("EU posts")
    assert store.groups() == []


def test_identities(vault: Vault) -> None:
    with pytest.raises(VaultError, match="no identity"):
        vault.identities.active()
    first = Identity.generate("Jane Doe", "AMEMBASSY PARIS", nationality="USA")
    second = Identity.generate("Jane Doe", "USMISSION GENEVA", nationality="USA")
    vault.identities.add(first)
    vault.identities.add(second, active=False)
    active = vault.identities.active()
    assert active.fingerprint == first.fingerprint
    assert active.signing_key.private_bytes_raw() == first.signing_key.private_bytes_raw()
    assert str(active.encryption_key) == str(first.encryption_key)
    assert [i.fingerprint for i in vault.identities.all()] == [
        first.fingerprint,
        second.fingerprint,
    ]
    with pytest.raises(VaultError, match="already"):
        vault.identities.add(first)


def test_identities_keep_their_card_sequence_and_accesses(vault: Vault) -> None:
    me = Identity.generate("Jane Doe", "AMEMBASSY PARIS", accesses=("ATOMAL", "CRYPTO"))
    vault.identities.add(me)
    stored = vault.identities.active()
    assert (stored.card_sequence, stored.accesses) == (1, ("ATOMAL", "CRYPTO"))
    assert ContactCard.for_identity(stored).sequence == 1
    advanced = vault.identities.advance_card(me.fingerprint)
    assert advanced.card_sequence == 2 == vault.identities.active().card_sequence
    assert ContactCard.for_identity(advanced).sequence == 2
    with pytest.raises(VaultError, match="no identity"):
        vault.identities.advance_card("SHA256:nobody")


def test_verification_belongs_to_the_keys(vault: Vault, clock: Clock) -> None:
    store = vault.contacts
    person = Identity.generate("Jean Martin", "AMEMBASSY PARIS", nationality="FRA")
    card = ContactCard.for_identity(person)
    contact = store.add(card, Trust(TrustState.UNVERIFIED), clock())
    assert contact.verified_keys is None and not contact.keys_verified
    store.set_trust(card.fingerprint, Trust(TrustState.VERIFIED, clock(), "in person"))
    verified = store.get(card.fingerprint)
    assert verified is not None and verified.keys_verified
    assert verified.verified_keys == card.key_set()
    assert verified.verified_keys == f"{person.public().ssh_line()}\n{person.public().encryption}"
    # a newer card with the same keys: still the verified keys
    newer = ContactCard.for_identity(replace(person, post="USMISSION GENEVA", card_sequence=2))
    clock.advance(days=1)
    store.replace_card(newer, when=clock(), reason="card imported")
    again = store.get(card.fingerprint)
    assert again is not None and again.keys_verified and again.card.post == "USMISSION GENEVA"
    # a card with another encryption key, not bound: read back unverified, keys changed
    other = Identity.generate("x", "y").encryption_key
    changed = ContactCard.for_identity(replace(person, encryption_key=other, card_sequence=3))
    clock.advance(days=1)
    store.replace_card(changed, when=clock(), reason="keys changed")
    now = store.get(card.fingerprint)
    assert now is not None and now.trust.state is TrustState.UNVERIFIED and not now.keys_verified
    assert now.keys_changed and now.trust.how == "keys changed since you verified them"
    history = store.history(card.fingerprint)
    assert [h.card.to_bytes() for h in history] == [card.to_bytes(), newer.to_bytes()]
    assert [h.reason for h in history] == ["card imported", "keys changed"]
    assert [h.replaced for h in history] == [clock() - timedelta(days=1), clock()]
    assert all(h.trust.state is TrustState.VERIFIED for h in history)
    assert history[1].verified_keys == card.key_set()
    assert vault.db.query("SELECT card_sequence FROM contacts") == [(3,)]
    # verifying again covers the new keys; revoking clears them
    store.set_trust(card.fingerprint, Trust(TrustState.VERIFIED, clock(), "by phone"))
    reverified = store.get(card.fingerprint)
    assert reverified is not None and reverified.keys_verified
    store.set_trust(card.fingerprint, Trust(TrustState.REVOKED, clock(), "laptop lost"))
    revoked = store.get(card.fingerprint)
    assert revoked is not None and revoked.verified_keys is None and not revoked.keys_verified


def test_a_contact_added_verified_records_its_keys(vault: Vault, clock: Clock) -> None:
    card = _card("Anna")
    contact = vault.contacts.add(card, Trust(TrustState.VERIFIED, clock(), "in person"), clock())
    assert contact.keys_verified and contact == vault.contacts.get(card.fingerprint)


def test_history_and_trust_need_a_known_contact(vault: Vault, clock: Clock) -> None:
    card = _card("Nobody")
    with pytest.raises(VaultError, match="not one of your contacts"):
        vault.contacts.replace_card(card, when=clock(), reason="card imported")
    with pytest.raises(VaultError, match="not one of your contacts"):
        vault.contacts.set_trust(card.fingerprint, Trust(TrustState.VERIFIED, clock(), "x"))
    assert vault.contacts.history(card.fingerprint) == []


def test_a_card_read_from_the_vault_is_the_card_stored(vault: Vault, clock: Clock) -> None:
    card = _card("Bruno")
    vault.contacts.add(card, Trust(TrustState.UNVERIFIED), clock())
    got = vault.contacts.get(card.fingerprint)
    assert got is not None and got.card.to_bytes() == card.to_bytes()
    assert ContactCard.parse(got.card.to_bytes(), now=clock()) == card  # still verifies

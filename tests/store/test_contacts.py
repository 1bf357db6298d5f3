from __future__ import annotations

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

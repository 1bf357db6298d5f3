"""A vault written by CableDesk 0.1.0 (tests/data/legacy/vault-0.1, schema 4) opens with
its passphrase, migrates to the latest schema, and keeps every contact's trust."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cabledesk.crypto.contact import ContactCard
from cabledesk.domain.trust import TrustState
from cabledesk.store._schema import LATEST_VERSION
from cabledesk.store.home import VaultHome
from cabledesk.store.vault import Vault
from tests.vaultkit import PASSPHRASE, Clock

LEGACY = Path(__file__).parents[1] / "data" / "legacy"
# name: (trust state, whether its keys are the verified ones)
TRUST = {
    "Jane Doe": (TrustState.VERIFIED, True),
    "Ada Lovelace": (TrustState.VERIFIED, True),
    "Mallory Mole": (TrustState.UNVERIFIED, False),
    "Rex Revoked": (TrustState.REVOKED, False),
}


@pytest.fixture
def legacy(tmp_path: Path) -> VaultHome:
    folder = tmp_path / "vault-0.1"
    shutil.copytree(LEGACY / "vault-0.1", folder)
    return VaultHome(folder)


def _stored_cards(vault: Vault) -> dict[str, bytes]:
    return {name: bytes(card) for name, card in vault.db.query("SELECT name, card FROM contacts")}


def test_the_legacy_vault_migrates_and_keeps_every_trust(legacy: VaultHome) -> None:
    with Vault.unlock(legacy, PASSPHRASE, now=Clock()) as vault:
        assert vault.db.user_version() == LATEST_VERSION
        contacts = {c.name: c for c in vault.contacts.all()}
        assert set(contacts) == set(TRUST)
        for name, (state, verified) in TRUST.items():
            contact = contacts[name]
            assert contact.trust.state is state, name
            assert contact.keys_verified is verified, name
            assert contact.verified_keys == (contact.card.key_set() if verified else None)
            assert contact.card.format_version == 1 and contact.card.sequence == 0
        assert contacts["Jane Doe"].trust.how and contacts["Rex Revoked"].trust.how == "laptop lost"
        assert contacts["Ada Lovelace"].card.self_certified is False
        assert contacts["Jane Doe"].card.to_bytes() == (LEGACY / "jane-v1.contact").read_bytes()
        group = vault.contacts.group("EU posts")
        assert group is not None and set(group.members) == {
            contacts["Jane Doe"].fingerprint,
            contacts["Ada Lovelace"].fingerprint,
        }
        assert vault.audit.check_chain().ok
        stored = _stored_cards(vault)
    with Vault.unlock(legacy, PASSPHRASE, now=Clock()) as again:  # nothing changes twice
        assert _stored_cards(again) == stored
        assert {c.name: c.keys_verified for c in again.contacts.all()} == {
            name: verified for name, (_, verified) in TRUST.items()
        }


def test_the_legacy_identity_writes_a_v2_card_next(legacy: VaultHome) -> None:
    with Vault.unlock(legacy, PASSPHRASE, now=Clock()) as vault:
        identity = vault.identities.active()
        assert identity.name == "Klaus Weber"
        assert (identity.card_sequence, identity.accesses) == (1, ())
        card = ContactCard.for_identity(identity)
        assert (card.format_version, card.sequence) == (2, 1)
        back = ContactCard.parse(card.to_bytes(), now=None)
        assert back == card and back.fingerprint == identity.fingerprint
        old = ContactCard.parse((LEGACY / "klaus-v1.contact").read_bytes(), now=None)
        assert old.fingerprint == card.fingerprint and old.key_set() == card.key_set()

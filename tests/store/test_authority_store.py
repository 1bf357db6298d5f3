"""The authority store: one office key per vault, kept only inside the encrypted database;
attestations one per key, revocations withdrawing them, a serial that only goes up."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from cabledesk.crypto.anchor import Anchor, AnchorScope
from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.directory import DirectoryEntry, Revocation
from cabledesk.errors import VaultError
from cabledesk.store.authority import AuthorityStore
from cabledesk.store.home import VaultHome
from cabledesk.store.vault import Vault
from tests.crypto.dirkit import person

T0 = datetime(2026, 12, 1, 9, tzinfo=UTC)
SCOPE = AnchorScope(("FRA", "USA"), ("us",))


def _create(vault: Vault) -> Ed25519PrivateKey:
    key = Ed25519PrivateKey.generate()
    anchor = Anchor.issue(key, name="MFA SECURITY OFFICE", created=T0, scope=SCOPE)
    AuthorityStore(vault.db).create("MFA SECURITY OFFICE", key, SCOPE, T0, anchor.to_bytes())
    return key


def _entry(name: str, clearance: str = "SECRET") -> DirectoryEntry:
    card = ContactCard.for_identity(person(name))
    return DirectoryEntry.attest(
        card, clearance=clearance, scheme="us", nationality="USA", attested=T0,
        accesses=("ATOMAL",), roles=("clearer",), expires=T0 + timedelta(days=365),
    )  # fmt: skip


def test_a_vault_without_authority_key_says_so(vault: Vault) -> None:
    assert not AuthorityStore(vault.db).exists()
    with pytest.raises(VaultError, match="holds no authority key"):
        AuthorityStore(vault.db).get()
    with pytest.raises(VaultError, match="holds no authority key"):
        AuthorityStore(vault.db).next_serial(T0)


def test_the_key_round_trips_and_only_one_per_vault(vault: Vault) -> None:
    key = _create(vault)
    stored = AuthorityStore(vault.db).get()
    assert stored.signing_key.private_bytes_raw() == key.private_bytes_raw()
    assert (stored.name, stored.scope, stored.created, stored.serial) == (
        "MFA SECURITY OFFICE", SCOPE, T0, 0,
    )  # fmt: skip
    assert Anchor.parse(stored.anchor).key == key.public_key().public_bytes_raw()
    assert "signing_key" not in repr(stored) and key.private_bytes_raw().hex() not in repr(stored)
    with pytest.raises(VaultError, match="already holds an authority key"):
        _create(vault)


def test_the_serial_only_goes_up(vault: Vault) -> None:
    _create(vault)
    assert [AuthorityStore(vault.db).next_serial(T0 + timedelta(hours=i)) for i in range(3)] == [
        1,
        2,
        3,
    ]
    assert AuthorityStore(vault.db).get().serial == 3
    assert AuthorityStore(vault.db).get().published == T0 + timedelta(hours=2)


def test_re_attesting_a_key_replaces_its_attestation(vault: Vault) -> None:
    _create(vault)
    assert AuthorityStore(vault.db).attest(_entry("Jane Doe")) is False
    assert AuthorityStore(vault.db).attest(_entry("Jane Doe", "TOP SECRET")) is True
    assert AuthorityStore(vault.db).attest(_entry("Klaus Weber")) is False
    entries = AuthorityStore(vault.db).attestations()
    assert [e.clearance for e in entries if "Jane Doe" in e.card] == ["TOP SECRET"]
    assert entries == sorted(entries, key=lambda e: e.fingerprint)
    assert entries[0].accesses == ("ATOMAL",) and entries[0].roles == ("clearer",)
    assert AuthorityStore(vault.db).counts() == (2, 0)


def test_revoking_a_key_withdraws_its_attestation(vault: Vault) -> None:
    _create(vault)
    jane = _entry("Jane Doe")
    AuthorityStore(vault.db).attest(jane)
    assert (
        AuthorityStore(vault.db).revoke(Revocation(jane.fingerprint, "left-service", "", T0))
        is True
    )
    assert AuthorityStore(vault.db).attestation(jane.fingerprint) is None
    assert (
        AuthorityStore(vault.db).revoke(Revocation("SHA256:" + "A" * 43, "superseded", "x", T0))
        is False
    )
    assert AuthorityStore(vault.db).counts() == (0, 2)
    assert AuthorityStore(vault.db).revocation(jane.fingerprint) == Revocation(
        jane.fingerprint, "left-service", "", T0
    )


def test_the_authority_key_is_never_on_disk_in_the_clear(home: VaultHome, vault: Vault) -> None:
    key = _create(vault)
    vault.lock()
    raw = key.private_bytes_raw()
    needles = [raw, raw.hex().encode(), base64.b64encode(raw)]
    for path in home.folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert not any(n in data for n in needles), path

"""Post-quantum keys of one's own identity: made with every new identity, added to an
older one by ``upgrade`` (with a newer card), kept by the vault, carried by backups to
self and by the exported secret keys."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from cabledesk.crypto.age import (
    HybridIdentity,
    ScryptIdentity,
    X25519Identity,
    decrypt,
    parse_identity_file,
)
from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.errors import NoIdentityMatch, VaultError
from cabledesk.services.backup import BackupService
from cabledesk.services.identity import IdentityService
from cabledesk.services.vault_access import VaultAccess
from cabledesk.store.home import VaultHome
from cabledesk.store.vault import Vault
from tests.services.conftest import SCHEMES
from tests.vaultkit import PASSPHRASE


@pytest.fixture(autouse=True)
def fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    from cabledesk.crypto.age import ScryptRecipient

    monkeypatch.setattr(ScryptRecipient.__init__, "__defaults__", (10,))


@pytest.fixture
def old_vault(vault_access: VaultAccess) -> Vault:
    """A vault whose identity was made before post-quantum keys (no hybrid key)."""
    v = vault_access.create(PASSPHRASE)
    v.identities.add(Identity.generate("Hans Alt", "AMEMBASSY BERN", created=v.now()))
    return v


def _header_types(path: Path) -> list[str]:
    head = path.read_bytes()[:20_000]
    return [line.split()[1].decode() for line in head.split(b"\n") if line.startswith(b"-> ")]


def test_a_new_identity_has_a_post_quantum_key_on_its_card(vault: Vault) -> None:
    service = IdentityService(vault, SCHEMES)
    identity = service.active()
    assert isinstance(identity.pq_key, HybridIdentity)
    card = service.card()
    assert card.pq_recipient == identity.pq_recipient and card.sequence == 1
    assert service.info().pq_recipient == identity.pq_recipient
    assert service.info().to_json()["pq_recipient"] == identity.pq_recipient
    vault.lock()


def test_the_vault_keeps_the_post_quantum_key(vault_access: VaultAccess, vault: Vault) -> None:
    before = vault.identities.active()
    vault.lock()
    again = vault_access.unlock(PASSPHRASE)
    after = again.identities.active()
    assert after.pq_key is not None and before.pq_key is not None
    assert str(after.pq_key) == str(before.pq_key)
    again.lock()


def test_upgrade_adds_a_key_and_issues_a_newer_self_signed_card(old_vault: Vault) -> None:
    service = IdentityService(old_vault, SCHEMES)
    old_card = service.card()
    assert old_card.pq_recipient is None and old_card.sequence == 1
    upgraded = service.upgrade()
    assert upgraded.pq_key is not None and upgraded.fingerprint == old_card.fingerprint
    new_card = ContactCard.parse(service.card().to_bytes(), now=old_vault.now())
    assert new_card.self_certified and new_card.keys.signing == old_card.keys.signing
    assert new_card.sequence == 2 > old_card.sequence
    assert new_card.pq_recipient == upgraded.pq_recipient
    assert new_card.keys.encryption == old_card.keys.encryption  # the classic key stays
    entry = old_vault.audit.entries(limit=1)[0]
    assert entry.event == "identity upgraded"
    assert entry.details == {
        "fingerprint": old_card.fingerprint, "card_sequence": 2, "post_quantum": True,
    }  # fmt: skip
    old_vault.lock()


def test_upgrade_twice_is_refused(vault: Vault) -> None:
    with pytest.raises(VaultError, match="post-quantum key already"):
        IdentityService(vault, SCHEMES).upgrade()
    assert vault.identities.active().card_sequence == 1
    vault.lock()


def test_backup_to_self_is_post_quantum_and_restores_with_the_exported_keys(
    vault: Vault, tmp_path: Path
) -> None:
    backup = tmp_path / "self.age"
    BackupService(vault).create(backup, to_self=True)
    assert _header_types(backup) == ["mlkem768x25519"]
    exported = tmp_path / "keys.age"
    IdentityService(vault, SCHEMES).export_secret(exported, "blue walrus orbit")
    plain = io.BytesIO()
    decrypt(io.BytesIO(exported.read_bytes()), plain, [ScryptIdentity("blue walrus orbit")])
    keys = parse_identity_file(plain.getvalue().decode())
    assert [type(k) for k in keys] == [HybridIdentity, X25519Identity]
    with pytest.raises(NoIdentityMatch):  # the classic key alone cannot open it
        BackupService.restore(backup, VaultHome(tmp_path / "x"), identities=[keys[1]])
    BackupService.restore(backup, VaultHome(tmp_path / "restored"), identities=keys)
    vault.lock()


def test_backup_to_self_of_an_identity_without_post_quantum_key_stays_classic(
    old_vault: Vault, tmp_path: Path
) -> None:
    backup = tmp_path / "self.age"
    BackupService(old_vault).create(backup, to_self=True)
    assert _header_types(backup) == ["X25519"]
    old_vault.lock()


def test_backup_refuses_to_mix_post_quantum_and_classic_recipients(
    vault: Vault, tmp_path: Path
) -> None:
    from cabledesk.errors import InputError

    pq = str(HybridIdentity.generate().recipient())
    classic = str(X25519Identity.generate().recipient())
    with pytest.raises(InputError, match="cannot be mixed"):
        BackupService(vault).create(tmp_path / "b.age", recipients=[pq, classic])
    assert not (tmp_path / "b.age").exists()
    BackupService(vault).create(tmp_path / "b.age", recipients=[pq])
    assert _header_types(tmp_path / "b.age") == ["mlkem768x25519"]
    vault.lock()

"""BackupService: the recipients of a backup built in one place, for both faces."""

from __future__ import annotations

from pathlib import Path

import pytest

from cabledesk.crypto.age import X25519Identity
from cabledesk.errors import InputError, KeyFormatError, WeakPassphrase
from cabledesk.services.backup import BackupService
from cabledesk.store.home import VaultHome
from cabledesk.store.vault import Vault
from tests.vaultkit import PASSPHRASE, Clock


@pytest.fixture(autouse=True)
def fast_scrypt(monkeypatch: pytest.MonkeyPatch) -> None:
    """Passphrase encryption at a low work factor (the code paths are the same)."""
    from cabledesk.crypto.age import ScryptRecipient

    monkeypatch.setattr(ScryptRecipient.__init__, "__defaults__", (10,))


def test_a_passphrase_backup_follows_the_strength_rule(vault: Vault, tmp_path: Path) -> None:
    out = tmp_path / "backup.age"
    with pytest.raises(WeakPassphrase):
        BackupService(vault).create(out, passphrase="summer2024")
    assert not out.exists()
    assert vault.audit.entries(limit=1)[0].event != "backup created"
    BackupService(vault).create(out, passphrase="blue walrus orbit")
    assert vault.audit.entries(limit=1)[0].event == "backup created"


def test_exactly_one_kind_of_recipient(vault: Vault, tmp_path: Path) -> None:
    service = BackupService(vault)
    for kinds in ({}, {"to_self": True, "passphrase": "blue walrus orbit"}):
        with pytest.raises(InputError, match="exactly one"):
            service.create(tmp_path / "b.age", **kinds)  # type: ignore[arg-type]
    with pytest.raises(KeyFormatError):
        service.create(tmp_path / "b.age", recipients=["age1notakey"])


def test_to_recipients_and_restore_with_their_key(
    vault: Vault, tmp_path: Path, clock: Clock
) -> None:
    them = X25519Identity.generate()
    out = tmp_path / "b.age"
    BackupService(vault).create(out, recipients=[str(them.recipient())])
    target = VaultHome(tmp_path / "restored")
    assert BackupService.restore(out, target, identities=[them]) == vault.vault_id
    with Vault.unlock(target, PASSPHRASE, now=clock) as restored:
        BackupService(restored).record_restored(out)
        assert restored.audit.entries(limit=1)[0].details == {"from": "b.age"}


def test_to_self_and_restore_with_the_backups_passphrase(
    vault: Vault, tmp_path: Path, clock: Clock
) -> None:
    out = tmp_path / "p.age"
    BackupService(vault).create(out, passphrase="blue walrus orbit")
    target = VaultHome(tmp_path / "restored")
    assert BackupService.restore(out, target, passphrase="blue walrus orbit") == vault.vault_id
    BackupService(vault).create(tmp_path / "s.age", to_self=True)
    assert (tmp_path / "s.age").exists()

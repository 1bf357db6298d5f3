from __future__ import annotations

import json
import tarfile
from pathlib import Path
from typing import Any

import pytest

from cabledesk.crypto.age import ScryptIdentity, ScryptRecipient, X25519Identity
from cabledesk.errors import NoIdentityMatch, VaultError
from cabledesk.services.backup import create_backup, restore_backup
from cabledesk.services.contacts import ContactsService
from cabledesk.store.home import VaultHome
from cabledesk.store.vault import Vault
from tests.vaultkit import PASSPHRASE, Clock, make_format_1_vault


def _fill(vault: Vault) -> None:
    from cabledesk.crypto.contact import ContactCard
    from cabledesk.crypto.keys import Identity

    card = ContactCard.for_identity(Identity.generate("Klaus", "AMEMBASSY BERLIN"))
    ContactsService(vault).import_card(card.to_bytes())
    (vault.home.archive / "0001.cable").write_bytes(b"age-encryption.org/v1\n(sealed)")
    vault.db.execute(
        "INSERT INTO archive(cable_id, direction, sealed_file, scheme, level, level_tier, "
        "banner, precedence, originator, subject, tags, stored) VALUES ('c1', 'sent', "
        "'0001.cable', 'us', 'SECRET', 3, 'SECRET', 'ROUTINE', 'PARIS', 'S', '', 't')"
    )


def test_backup_and_restore_with_a_passphrase(vault: Vault, tmp_path: Path, clock: Clock) -> None:
    _fill(vault)
    out = tmp_path / "backup.age"
    summary = create_backup(vault, out, [ScryptRecipient("backup words here", work_factor=10)])
    assert summary.files == 3 and out.read_bytes().startswith(b"age-encryption.org/v1")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.age", "home"]  # no leftovers
    target = VaultHome(tmp_path / "restored")
    vault_id = restore_backup(out, target, [ScryptIdentity("backup words here")])
    assert vault_id == vault.vault_id
    with Vault.unlock(target, PASSPHRASE, now=clock) as restored:
        assert [c.name for c in restored.contacts.all()] == ["Klaus"]
        assert restored.audit.check_chain().ok
        assert restored.archive.sealed_files() == ["0001.cable"]
    assert (target.archive / "0001.cable").read_bytes().endswith(b"(sealed)")
    assert vault.audit.entries()[0].event == "backup created"


def test_a_format_1_vault_backs_up_and_restores(tmp_path: Path, clock: Clock) -> None:
    home = VaultHome(tmp_path / "old")
    make_format_1_vault(home)
    out = tmp_path / "backup.age"
    with Vault.unlock(home, PASSPHRASE, now=clock) as old:
        _fill(old)
        create_backup(old, out, [ScryptRecipient("backup words here", work_factor=10)])
    target = VaultHome(tmp_path / "restored")
    restore_backup(out, target, [ScryptIdentity("backup words here")])
    with Vault.unlock(target, PASSPHRASE, now=clock) as restored:
        assert restored.db.hmac == "HMAC_SHA512"
        assert [c.name for c in restored.contacts.all()] == ["Klaus"]


def test_backup_to_ones_own_key(vault: Vault, tmp_path: Path) -> None:
    identity = vault.identities.active().encryption_key
    out = tmp_path / "self.age"
    create_backup(vault, out, [identity.recipient()])
    with pytest.raises(NoIdentityMatch):
        restore_backup(out, VaultHome(tmp_path / "x"), [X25519Identity.generate()])
    assert not (tmp_path / "x").exists() or not any((tmp_path / "x").iterdir())
    restore_backup(out, VaultHome(tmp_path / "y"), [identity])


def test_restore_only_into_an_empty_folder(vault: Vault, tmp_path: Path) -> None:
    out = tmp_path / "b.age"
    create_backup(vault, out, [vault.identities.active().encryption_key.recipient()])
    with pytest.raises(VaultError, match="not empty"):
        restore_backup(out, vault.home, [vault.identities.active().encryption_key])


def test_a_foreign_age_file_is_not_a_backup(vault: Vault, tmp_path: Path) -> None:
    import io

    from cabledesk.crypto.age import encrypt

    identity = X25519Identity.generate()
    out = tmp_path / "other.age"
    with out.open("wb") as f:
        encrypt(io.BytesIO(b"just some text"), f, [identity.recipient()])
    target = VaultHome(tmp_path / "t")
    with pytest.raises(VaultError, match="not a CableDesk backup"):
        restore_backup(out, target, [identity])
    assert not target.folder.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_the_backup_key_file_records_the_snapshot_and_a_restore_opens(
    vault: Vault, tmp_path: Path, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cabledesk.store.audit import Event
    from cabledesk.store.keyfile import KeyFile

    # Another window records a later entry between the snapshot and the key file's
    # copy: the backup must still hold a key file that agrees with its database.
    snapshot_to = type(vault.db).snapshot_to
    before = vault.audit.head()
    assert before is not None

    def snapshot_then_another_window_writes(*args: Any, **kwargs: Any) -> None:
        snapshot_to(*args, **kwargs)
        with Vault.unlock(vault.home, PASSPHRASE, now=clock) as other:
            other.audit.append(Event.CONTACT_VERIFIED, {"fingerprint": "SHA256:late"})

    monkeypatch.setattr(type(vault.db), "snapshot_to", snapshot_then_another_window_writes)
    out = tmp_path / "backup.age"
    create_backup(vault, out, [ScryptRecipient("backup words here", work_factor=10)])
    monkeypatch.undo()
    recorded = KeyFile.load(vault.home.key_file).audit
    assert recorded is not None and recorded.seq == before[0] + 2  # late entry, backup
    target = VaultHome(tmp_path / "restored")
    restore_backup(out, target, [ScryptIdentity("backup words here")])
    restored_record = KeyFile.load(target.key_file).audit
    assert restored_record is not None and restored_record.seq == before[0]
    with Vault.unlock(target, PASSPHRASE, now=clock) as restored:
        restored.audit.append(Event.VAULT_RESTORED, {"from": "backup.age"})
        head = restored.audit.head()
        restored_record = KeyFile.load(target.key_file).audit
        assert head is not None and restored_record is not None
        assert (restored_record.seq, restored_record.hash) == head  # a fresh head


def test_a_backup_of_a_format_2_vault_restores(tmp_path: Path, clock: Clock) -> None:
    import shutil

    from cabledesk.store.keyfile import FORMAT_2, KeyFile

    legacy = Path(__file__).parents[1] / "data" / "legacy" / "vault-0.1"
    home = VaultHome(tmp_path / "old")
    shutil.copytree(legacy, home.folder)
    key = KeyFile.load(home.key_file).unwrap(PASSPHRASE)
    out = tmp_path / "backup.age"
    with Vault.unlock_with_key(home, key, now=clock) as old:  # no upgrade: still /2
        create_backup(old, out, [ScryptRecipient("backup words here", work_factor=10)])
    target = VaultHome(tmp_path / "restored")
    restore_backup(out, target, [ScryptIdentity("backup words here")])
    assert KeyFile.load(target.key_file).format_id == FORMAT_2
    with Vault.unlock(target, PASSPHRASE, now=clock) as restored:
        assert len(restored.archive.sealed_files()) == 2 and restored.audit.check_chain().ok
    assert KeyFile.load(target.key_file).format_id == "cabledesk.vault-key/3"


# --- issue 15, point 11: disk exhaustion ---------------------------------------------


def _backup_with(tmp_path: Path, *members: tuple[tarfile.TarInfo, bytes]) -> Path:
    """A passphrase backup whose tar holds ``members`` (each with its data), in order."""
    import io

    from cabledesk.crypto.age import encrypt

    tar_bytes = io.BytesIO()
    with tarfile.open(fileobj=tar_bytes, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for member, data in members:
            tar.addfile(member, io.BytesIO(data))
    out = tmp_path / "hostile.age"
    with out.open("wb") as dst:
        encrypt(io.BytesIO(tar_bytes.getvalue()), dst, [ScryptRecipient("pw", work_factor=10)])
    return out


def test_backup_with_sparse_vault_db_declaring_50_gb_writes_nothing(tmp_path: Path) -> None:
    # A PAX 1.0 sparse member: one empty data block, a declared size of 50 GB.
    member = tarfile.TarInfo("GNUSparseFile.0/vault.db")
    member.pax_headers = {"GNU.sparse.major": "1", "GNU.sparse.minor": "0",
                          "GNU.sparse.name": "vault.db",
                          "GNU.sparse.realsize": str(50 * 2**30)}  # fmt: skip
    data = b"1\n0\n0\n".ljust(512, b"\0")
    member.size = len(data)
    source = _backup_with(tmp_path, (member, data))
    assert source.stat().st_size < 16_000  # tar blocks: about 10 KB
    with pytest.raises(VaultError, match=r"unexpected member 'vault\.db'"):
        restore_backup(source, VaultHome(tmp_path / "restored"), [ScryptIdentity("pw")])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hostile.age"]


def _manifest_member(files: dict[str, int]) -> tuple[tarfile.TarInfo, bytes]:
    doc = {"format": "cabledesk.backup/1", "vault": "x",
           "files": [{"path": p, "size": n, "sha256": "0" * 64} for p, n in files.items()]}  # fmt: skip
    data = json.dumps(doc).encode()
    member = tarfile.TarInfo("cabledesk-backup.json")
    member.size = len(data)
    return member, data


def test_backup_larger_than_free_space_is_refused_before_writing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil
    from collections import namedtuple

    member = tarfile.TarInfo("vault.db")
    member.size = 4096
    source = _backup_with(tmp_path, (member, b"\0" * 4096), _manifest_member({"vault.db": 4096}))
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda _: usage(1 << 40, 1 << 40, 1000))
    with pytest.raises(VaultError, match="needs 4,096 bytes, and the disk has 1,000 free"):
        restore_backup(source, VaultHome(tmp_path / "restored"), [ScryptIdentity("pw")])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hostile.age"]


def test_backup_member_larger_than_its_manifest_declares_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The tar header says 1 MB where the manifest (last in the tar) says 10 bytes.
    member = tarfile.TarInfo("vault.db")
    member.size = 1 << 20
    source = _backup_with(tmp_path, (member, b"\0" * (1 << 20)), _manifest_member({"vault.db": 10}))
    written: list[Path] = []
    monkeypatch.setattr("cabledesk.services.backup._copy", lambda _r, t: written.append(t))
    with pytest.raises(VaultError, match=r"vault\.db is missing or has the wrong size"):
        restore_backup(source, VaultHome(tmp_path / "restored"), [ScryptIdentity("pw")])
    assert written == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hostile.age"]

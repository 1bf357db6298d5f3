"""After a full workflow, nothing readable is left on disk: not under the vault's
folder, not in the temporary folder. Marker strings go into drafts and cables;
afterwards every byte of every file is searched for them, for the private keys
(raw, hex, Bech32) and for the passphrase."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

import pytest

from cabledesk.crypto.age import ScryptRecipient
from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.domain.cable import Addressee, Cable, Paragraph
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.services.archive import ArchiveService
from cabledesk.services.backup import create_backup
from cabledesk.services.contacts import ContactsService
from cabledesk.services.identity import IdentityRequest, IdentityService
from cabledesk.services.vault_access import VaultAccess
from cabledesk.store.home import VaultHome
from cabledesk.store.keychain import SystemKeychain
from cabledesk.store.keyfile import KeyFile
from cabledesk.store.search import search
from tests.vaultkit import FAST, PASSPHRASE, MemoryKeyring

MARKERS = ["ZEBRAMARKERDRAFT", "ZEBRAMARKERCABLE", "ZEBRAMARKERSUBJECT", "ZEBRAMARKERHISTORY"]
SCHEMES = SchemeRegistry.load()


def _cable(n: int, text: str, subject: str = "FRANCE: ROUTINE") -> Cable:
    return Cable(
        id=f"00000000-0000-4000-8000-{n:012d}",
        scheme="us",
        precedence="ROUTINE",
        originator="AMEMBASSY PARIS",
        action=(Addressee("SECSTATE WASHDC"),),
        subject=subject,
        subject_marking="(S)",
        paragraphs=(Paragraph("(S//NF)", text),),
    )


def _needles(identity: Identity, db_key: bytes) -> dict[str, bytes]:
    age_secret = identity.age_identity()
    needles = {
        "passphrase": PASSPHRASE.encode(),
        "age secret key": age_secret.encode(),
        "age secret key (lower case)": age_secret.lower().encode(),
        "X25519 key": identity.encryption_key.private_bytes(),
        "Ed25519 key": identity.signing_key.private_bytes_raw(),
        "Ed25519 key (hex)": identity.signing_key.private_bytes_raw().hex().encode(),
        "database key": db_key,
        "database key (hex)": db_key.hex().encode(),
    }
    for marker in MARKERS:
        needles[marker] = marker.encode()
        needles[marker + " (lower case)"] = marker.lower().encode()
        needles[marker + " (UTF-16)"] = marker.encode("utf-16-le")
    return needles


def _files(*folders: Path) -> list[Path]:
    return [p for folder in folders for p in folder.rglob("*") if p.is_file()]


@pytest.mark.slow
def test_nothing_readable_is_left_on_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setenv("SQLITE_TMPDIR", str(temp))
    home = VaultHome(tmp_path / "home")
    access = VaultAccess(home, SystemKeychain(MemoryKeyring()), kdf=FAST)

    with access.create(PASSPHRASE, remember=True) as vault:
        identity = IdentityService(vault, SCHEMES).create(
            IdentityRequest("Jane Doe", "AMEMBASSY PARIS", clearance="SECRET", nationality="USA")
        )
        klaus = ContactCard.for_identity(Identity.generate("Klaus", "AMEMBASSY BERLIN"))
        ContactsService(vault).import_card(klaus.to_bytes())
        draft = _cable(1, f"The minister said {MARKERS[3]} first.", f"FRANCE: {MARKERS[2]}")
        vault.drafts.save(draft, "SECRET//NOFORN", vault.now())
        for i in range(30):  # a history of versions, then the final text
            vault.drafts.save(replace(draft, signature=str(i)), "SECRET//NOFORN", vault.now())
        vault.drafts.save(_cable(1, f"Final {MARKERS[0]}."), "SECRET//NOFORN", vault.now())
        ArchiveService(vault, SCHEMES).import_cables(
            [_cable(n, f"Archived {MARKERS[1]} number {n}.") for n in range(2, 200)]
        )
        assert search(vault.db, MARKERS[1].lower())
        create_backup(vault, home.folder / "backup.age", [ScryptRecipient("backup words here")])
        vault.change_passphrase(PASSPHRASE, PASSPHRASE + " too", params=FAST)
        db_key = bytes(KeyFile.load(home.key_file).unwrap(PASSPHRASE + " too"))

    files = _files(home.folder, temp)
    assert {p.name for p in files} >= {"vault.db", "vault.key", "backup.age"}
    needles = _needles(identity, db_key)

    def leaks(paths: list[Path]) -> set[str]:
        return {
            f"{what} in {path.relative_to(tmp_path)}"
            for path in paths
            for what, needle in needles.items()
            if needle in path.read_bytes()
        }

    assert leaks(files) == set()
    control = tmp_path / "control.txt"  # the search itself finds what it looks for
    control.write_bytes(identity.age_identity().encode() + MARKERS[0].encode("utf-16-le"))
    assert leaks([control]) == {
        "age secret key in control.txt",
        f"{MARKERS[0]} (UTF-16) in control.txt",
    }

"""Target: restoring a backup (``services.backup.restore_backup``) from hostile tars
inside valid age files (encrypted to Bob with a fixed file key), into a fresh folder.

Seeds: the tar of a real backup of a small vault, and tars with one part each.
"""

from __future__ import annotations

import io
import shutil
import tarfile
from functools import cache

from cabledesk.crypto.age import decrypt
from cabledesk.services.backup import create_backup, restore_backup
from cabledesk.store.home import VaultHome
from tests.fuzz._harness import BOB, age_wrap, scratch
from tests.fuzz._vault import session


def run(data: bytes) -> None:
    folder = scratch("restore")
    try:
        source = folder / "backup.age"
        source.write_bytes(age_wrap(data, to=(BOB,)))
        vault_id = restore_backup(source, VaultHome(folder / "home"), [BOB.encryption_key])
        assert (folder / "home" / "vault.key").is_file(), vault_id
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@cache
def _real_backup() -> bytes:
    folder = scratch("backup")
    vault = session(telegrams=5).vault
    create_backup(vault, folder / "b.age", [BOB.encryption_key.recipient()])
    out = io.BytesIO()
    with (folder / "b.age").open("rb") as f:
        decrypt(f, out, [BOB.encryption_key])
    return out.getvalue()


def _tar(members: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return out.getvalue()


def seeds() -> dict[str, bytes]:
    real = _real_backup()
    with tarfile.open(fileobj=io.BytesIO(real)) as tar:
        manifest_file, key_file = (
            tar.extractfile("cabledesk-backup.json"),
            tar.extractfile("vault.key"),
        )
        assert manifest_file is not None and key_file is not None
        manifest, key = manifest_file.read(), key_file.read()
    return {
        "real": real,
        "key-and-manifest": _tar([("vault.key", key), ("cabledesk-backup.json", manifest)]),
        "archive-file": _tar([("archive/0001.cable", b"age"), ("cabledesk-backup.json", b"{}")]),
        "gnu": real.replace(b"ustar\x0000", b"ustar  \x00"),
    }

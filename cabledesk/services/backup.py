"""Backup of a whole vault as one age file, and its restore into an empty home.

The backup is an age v1 file (to the user's own key, to other age
recipients, or to a passphrase) holding a tar archive of:

- ``vault.key`` — the wrapped database key, as on disk but recording the
  audit head of the snapshot below (so that the two files agree);
- ``vault.db`` — a consistent snapshot of the database (SQLite's backup API),
  still encrypted by SQLCipher with the same key and settings;
- ``archive/…`` — the sealed cables of the archive (age files);
- ``cabledesk-backup.json`` — last: format ``cabledesk.backup/1``, the vault
  id, the time, and the size and SHA-256 of every file above.

Every file inside is already encrypted, so the tar is assembled in a
temporary file beside the output before the outer encryption, and no
plaintext of a draft or a key is written anywhere. Restoring needs the
backup's key or passphrase, and then the vault's own passphrase to unlock:
a backup keeps the vault passphrase it was made with.

The faces call :class:`BackupService`: :meth:`BackupService.create` builds the
recipients (a passphrase, which follows the strength rule; the user's own key,
its post-quantum one when it has one; or ``age1…`` recipients, or post-quantum
``age1pq1…`` ones, never both) and writes the backup; :meth:`BackupService.restore`
opens a backup with age identities or its passphrase, and
:meth:`BackupService.record_restored` records, once the restored vault is
unlocked, where it came from in its audit log.

:func:`restore_backup` accepts only the members listed above (regular files,
no links, no other paths), checks every hash against the manifest, and puts
the folder in place only when all of it is good.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tarfile
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from cabledesk.atomic import atomic_output
from cabledesk.crypto.age import (
    Identity,
    Recipient,
    ScryptIdentity,
    ScryptRecipient,
    decrypt,
    encrypt,
    mixes_post_quantum,
    parse_recipient,
)
from cabledesk.errors import InputError, VaultError
from cabledesk.services.passwords import require_strong
from cabledesk.store.audit import Event
from cabledesk.store.home import VaultHome
from cabledesk.store.keyfile import KeyFile
from cabledesk.store.vault import Vault

__all__ = ["FORMAT_ID", "BackupService", "BackupSummary", "create_backup", "restore_backup"]

FORMAT_ID = "cabledesk.backup/1"
MANIFEST = "cabledesk-backup.json"
READ_SIZE = 1024 * 1024
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
FREE_MARGIN = 64 * 1024 * 1024  # bytes left free on the disk after a member is written
_ARCHIVE_NAME = re.compile(r"^archive/[A-Za-z0-9._-]{1,200}$")
_BAD_BACKUP = "This is not a CableDesk backup, or it is damaged"


@dataclass(frozen=True, slots=True)
class BackupSummary:
    vault_id: str
    files: int
    bytes: int


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(READ_SIZE):
            h.update(chunk)
    return h.hexdigest()


class BackupService:
    """Backups of the vault and their restore, for both faces; see the module docstring."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def create(
        self,
        output: Path,
        *,
        passphrase: str | None = None,
        to_self: bool = False,
        recipients: Sequence[str] = (),
        progress: Callable[[int], None] | None = None,
        overwrite: bool = False,
    ) -> BackupSummary:
        """Back the vault up to ``output``, for exactly one of: a ``passphrase``, the
        user's own key (``to_self``), or ``age1…`` ``recipients``. Audited.

        Raises InputError (no or several kinds of recipient, unwritable output),
        WeakPassphrase (nothing written), KeyFormatError (a malformed recipient).
        """
        kinds = (passphrase is not None) + to_self + bool(recipients)
        if kinds != 1:
            raise InputError(
                "A backup is encrypted to a passphrase, to your own key, or to recipients: "
                "exactly one of them.",
                hint="Give a passphrase, --to-self, or -r age1... recipients.",
            )
        encrypt_to: list[Recipient]
        if passphrase is not None:
            require_strong(passphrase)
            encrypt_to = [ScryptRecipient(passphrase)]
        elif to_self:  # post-quantum when the identity has such a key
            me = self._vault.identities.active()
            own = me.encryption_key.recipient() if me.pq_key is None else me.pq_key.recipient()
            encrypt_to = [own]
        else:
            encrypt_to = [parse_recipient(r.strip()) for r in recipients]
            if mixes_post_quantum(encrypt_to):
                raise InputError(
                    "Post-quantum recipients (age1pq1...) cannot be mixed with classic age1... "
                    "recipients in one backup: the classic ones would leave it open to a "
                    "future quantum computer.",
                    hint="Back up to the post-quantum recipients only, or to the others only.",
                )
        return create_backup(
            self._vault, output, encrypt_to, progress=progress, overwrite=overwrite
        )

    @staticmethod
    def restore(
        source: Path,
        home: VaultHome,
        *,
        identities: Sequence[Identity] = (),
        passphrase: str | None = None,
    ) -> str:
        """Restore ``source`` into the empty ``home`` with age ``identities`` or the
        backup's ``passphrase``; returns the vault id. Raises as :func:`restore_backup`."""
        keys = list(identities)
        if passphrase is not None:
            keys.append(ScryptIdentity(passphrase))
        return restore_backup(source, home, keys)

    def record_restored(self, source: Path) -> None:
        """Record in the restored (and now unlocked) vault's audit log where it came from."""
        self._vault.audit.append(Event.VAULT_RESTORED, {"from": source.name})


def create_backup(
    vault: Vault,
    output: Path,
    recipients: Sequence[Recipient],
    *,
    progress: Callable[[int], None] | None = None,
    overwrite: bool = False,
) -> BackupSummary:
    """Write the backup of ``vault`` to ``output`` (atomically) for ``recipients``."""
    folder = output.parent if str(output.parent) else Path()
    with tempfile.TemporaryDirectory(dir=folder, prefix=".cabledesk-backup-") as tmp:
        tar_path = Path(tmp) / "backup.tar"
        with vault.snapshot(Path(tmp)) as snapshot:
            members: list[tuple[str, Path]] = [
                ("vault.key", snapshot.key_file),  # it records the snapshot's audit head
                ("vault.db", snapshot.database),
            ]
            for name in sorted(vault.archive.sealed_files()):
                path = vault.home.archive / name
                if path.exists():
                    members.append((f"archive/{name}", path))
            entries: list[tuple[str, int, str]] = []
            with tarfile.open(tar_path, "w", format=tarfile.PAX_FORMAT) as tar:
                for arcname, path in members:
                    entries.append((arcname, path.stat().st_size, _sha256_file(path)))
                    tar.add(path, arcname=arcname, recursive=False, filter=_plain_member)
                manifest = json.dumps(
                    {
                        "format": FORMAT_ID,
                        "vault": vault.vault_id,
                        "created": vault.now().isoformat(),
                        "files": [{"path": p, "size": n, "sha256": h} for p, n, h in entries],
                    },
                    sort_keys=True,
                    indent=1,
                ).encode()
                info = _plain_member(tarfile.TarInfo(MANIFEST))
                info.size = len(manifest)
                tar.addfile(info, _BytesReader(manifest))
        with tar_path.open("rb") as src, atomic_output(output, overwrite=overwrite) as dst:
            encrypt(src, dst, recipients, progress=progress)
    total = sum(size for _, size, _ in entries)
    vault.audit.append(Event.BACKUP_CREATED, {"files": len(entries), "bytes": total})
    return BackupSummary(vault.vault_id, len(entries), total)


def _plain_member(info: tarfile.TarInfo) -> tarfile.TarInfo:
    # No owner names, ids or times of this machine in the backup.
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.mtime = 0
    info.mode = 0o600
    return info


class _BytesReader:
    def __init__(self, data: bytes) -> None:
        self._data = memoryview(data)
        self._pos = 0

    def read(self, n: int = -1) -> bytes:
        end = len(self._data) if n < 0 else self._pos + n
        out = bytes(self._data[self._pos : end])
        self._pos += len(out)
        return out


def restore_backup(source: Path, home: VaultHome, identities: Sequence[Identity]) -> str:
    """Restore the backup ``source`` into ``home``, which must be empty or absent.

    ``identities`` open the backup (the user's age identity, or a
    ScryptIdentity for a passphrase). Returns the vault id. Raises the age
    errors (NoIdentityMatch, PayloadError…) and VaultError for a damaged or
    foreign backup; nothing is left in ``home`` on failure.
    """
    if not home.is_empty():
        raise VaultError(
            f"{home.folder} is not empty: a backup is restored only into an empty folder.",
            hint="Choose another folder with --home, or move the existing vault away.",
        )
    parent = home.folder.parent
    parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=parent, prefix=".cabledesk-restore-") as tmp:
        tar_path = Path(tmp) / "backup.tar"
        try:
            with source.open("rb") as src, tar_path.open("wb") as dst:
                decrypt(src, dst, identities)
        except OSError as exc:
            raise InputError(f"Cannot read {source}: {exc.strerror}.") from exc
        staging = Path(tmp) / "home"
        staging.mkdir(mode=0o700)
        (staging / "archive").mkdir(mode=0o700)
        manifest = _extract(tar_path, staging)
        vault_id = _check(manifest, staging)
        if home.folder.exists():
            home.folder.rmdir()  # empty, checked above
        staging.replace(home.folder)
    return vault_id


def _extract(tar_path: Path, staging: Path) -> dict[str, object]:
    """Check every member against the manifest, then write them into ``staging``.

    The manifest is the tar's last member, so the members' headers are read
    first (the decrypted tar lies on the local disk; reading headers writes
    nothing): each declared size must be the manifest's, and all of them must
    fit in the free space, before the first byte is written.
    """
    try:
        with tarfile.open(tar_path, "r:") as tar:
            members = _members(tar)
            doc = _manifest(tar, members)
            _check_declared(members, doc, staging)
            for name, member in members.items():
                if name != MANIFEST:
                    reader = tar.extractfile(member)
                    assert reader is not None
                    _copy(reader, staging / name)
    except tarfile.TarError:
        raise VaultError(f"{_BAD_BACKUP}.") from None
    return doc


def _members(tar: tarfile.TarFile) -> dict[str, tarfile.TarInfo]:
    members: dict[str, tarfile.TarInfo] = {}
    for member in tar:
        name = member.name
        # A sparse member declares a size it does not hold (a few bytes may
        # expand to 50 GB of zeros): CableDesk never writes one.
        if name in members or not member.isfile() or member.issparse():
            raise VaultError(f"{_BAD_BACKUP}: unexpected member {name[:80]!r}.")
        if name not in (MANIFEST, "vault.key", "vault.db") and not _ARCHIVE_NAME.match(name):
            raise VaultError(f"{_BAD_BACKUP}: unexpected member {name[:80]!r}.")
        members[name] = member
    return members


def _manifest(tar: tarfile.TarFile, members: dict[str, tarfile.TarInfo]) -> dict[str, object]:
    member = members.get(MANIFEST)
    if member is None:
        raise VaultError(f"{_BAD_BACKUP}: it has no manifest.")
    if member.size > MAX_MANIFEST_BYTES:
        raise VaultError(f"{_BAD_BACKUP}: its manifest is too large.")
    reader = tar.extractfile(member)
    assert reader is not None
    try:
        doc = json.loads(reader.read())
    except (ValueError, RecursionError):  # not JSON, or nested deeper than the parser goes
        raise VaultError(f"{_BAD_BACKUP}: its manifest is not JSON.") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT_ID:
        raise VaultError(f"{_BAD_BACKUP}: unknown format.", hint="A newer CableDesk may read it.")
    return doc


def _check_declared(
    members: dict[str, tarfile.TarInfo], doc: dict[str, object], staging: Path
) -> None:
    """Refuse, before writing, sizes the manifest does not declare or the disk cannot hold."""
    files = doc.get("files")
    declared = {
        entry.get("path"): entry.get("size")
        for entry in (files if isinstance(files, list) else [])
        if isinstance(entry, dict)
    }
    total = 0
    for name, member in members.items():
        if name == MANIFEST:
            continue
        size = declared.get(name)
        if type(size) is not int or member.size != size:
            raise VaultError(f"{_BAD_BACKUP}: {name[:80]} is missing or has the wrong size.")
        total += member.size
    free = shutil.disk_usage(staging).free
    if total > max(0, free - FREE_MARGIN):
        raise VaultError(
            f"Cannot restore this backup here: it needs {total:,} bytes, "
            f"and the disk has {free:,} free.",
            hint="Free some space, or restore to another disk with --home.",
        )


def _copy(reader: IO[bytes], target: Path) -> None:
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        shutil.copyfileobj(reader, out, READ_SIZE)
        out.flush()
        os.fsync(out.fileno())


def _check(doc: dict[str, object], staging: Path) -> str:
    files = doc.get("files")
    if not isinstance(files, list):
        raise VaultError(f"{_BAD_BACKUP}: its manifest lists no files.")
    listed = set()
    for entry in files:
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            raise VaultError(f"{_BAD_BACKUP}: its manifest is malformed.")
        path = staging / entry["path"]
        listed.add(entry["path"])
        if not path.is_file() or path.stat().st_size != entry.get("size"):
            raise VaultError(f"{_BAD_BACKUP}: {entry['path']} is missing or has the wrong size.")
        if _sha256_file(path) != entry.get("sha256"):
            raise VaultError(f"{_BAD_BACKUP}: {entry['path']} was altered.")
    present = {p.relative_to(staging).as_posix() for p in staging.rglob("*") if p.is_file()}
    if present != listed or not {"vault.key", "vault.db"} <= listed:
        raise VaultError(f"{_BAD_BACKUP}: its files do not match its manifest.")
    key_file = KeyFile.load(staging / "vault.key")
    if key_file.vault_id != doc.get("vault"):
        raise VaultError(f"{_BAD_BACKUP}: its key file belongs to another vault.")
    return key_file.vault_id

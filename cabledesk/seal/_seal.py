"""Sealing a cable: sign the manifest, then encrypt the package to every recipient.

:func:`seal` streams the package's ZIP (:mod:`._source`) into age encryption in
one pass: each attachment is read once, in constant memory, its CRC-32 and
SHA-256 computed on the way; the manifest, which lists those hashes and the
recipients, comes after the files and is signed (SSHSIG, namespace
``cabledesk-seal-v1``) with the sender's key. The sender is always among the
recipients, so that the sent copy can be reopened.
"""

from __future__ import annotations

import stat
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO, cast

from cabledesk.atomic import atomic_output
from cabledesk.crypto.age import Recipient, encrypt
from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity, PublicKeys
from cabledesk.crypto.sshsig import SEAL_NAMESPACE, sign
from cabledesk.domain.canonical import decode_cable, encode_cable
from cabledesk.errors import CableDeskError, InputError, PackageError, PolicyRefusal
from cabledesk.seal._hashing import HashWorker
from cabledesk.seal._limits import DEFAULT_LIMITS, Limits
from cabledesk.seal._manifest import (
    Manifest,
    ManifestFile,
    ManifestRecipient,
    ManifestSender,
)
from cabledesk.seal._names import safe_name, visible_name
from cabledesk.seal._source import AttachmentPlan, PackageSource

__all__ = ["SealRecipient", "SealedCable", "seal"]


@dataclass(frozen=True, slots=True)
class SealRecipient:
    """Someone to seal a cable for: a name to show and their public keys."""

    name: str
    keys: PublicKeys

    @property
    def fingerprint(self) -> str:
        return self.keys.fingerprint

    @classmethod
    def from_card(cls, card: ContactCard) -> SealRecipient:
        return cls(name=card.name, keys=card.keys)

    def entry(self) -> ManifestRecipient:
        return ManifestRecipient(self.name, self.fingerprint, str(self.keys.encryption))


@dataclass(frozen=True, slots=True)
class SealedCable:
    """What was sealed: the manifest (recipients, files and hashes), its bytes and signature."""

    manifest: Manifest
    manifest_bytes: bytes
    signature: str
    size: int  # bytes of the package (the ZIP) before encryption


def seal(
    cable_json: bytes,
    *,
    cable_id: str,
    banner: str,
    sender: Identity,
    recipients: Sequence[SealRecipient],
    output: BinaryIO | Path,
    docx: bytes | None = None,
    attachments: Sequence[Path] = (),
    armor: bool = False,
    overwrite: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    now: datetime | None = None,
    progress: Callable[[int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> SealedCable:
    """Seal ``cable_json`` (canonical, of the cable ``cable_id``) for ``recipients``.

    ``output`` is a binary stream or a path; a path is written atomically (no
    file is left if anything fails or ``cancel()`` turns true; an existing file
    is replaced only with ``overwrite``). ``docx`` is the rendered document, if
    any; ``attachments`` are files, stored under their safe names. ``progress``
    receives the count of package bytes encrypted so far (about the size of the
    cable plus its attachments).

    Raises InputError (an attachment or the output cannot be used), PackageError
    (two attachments with the same name, too many or too large), PolicyRefusal
    (the sender's key has expired), Cancelled; ValueError for bytes that are not
    the canonical cable ``cable_id`` or an empty banner.
    """
    moment = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    _check_cable(cable_json, cable_id, banner)
    if sender.expires is not None and sender.expires <= moment:
        raise PolicyRefusal(
            f"Your key expired on {sender.expires:%Y-%m-%d}; CableDesk does not seal with it.",
            hint="Create a new identity and send your new contact card to your correspondents.",
        )
    everyone = _recipients(sender, recipients)
    plans = _plan_attachments(attachments, limits)
    card = ContactCard.for_identity(sender).to_bytes().decode("utf-8")
    public = sender.public()
    signed: list[tuple[Manifest, bytes, str]] = []

    def finish(files: list[ManifestFile]) -> tuple[bytes, bytes]:
        manifest = Manifest(
            cable_id=cable_id,
            created=moment,
            banner=banner,
            docx_included=docx is not None,
            sender=ManifestSender(
                sender.name,
                sender.post,
                public.fingerprint,
                str(public.encryption),
                public.ssh_line(),
                card,
            ),
            recipients=tuple(r.entry() for r in everyone),
            files=tuple(files),
        )
        data = manifest.encode()
        signature = sign(sender.signing_key, SEAL_NAMESPACE, data)
        signed.append((manifest, data, signature))
        return data, signature.encode("ascii")

    keys: dict[str, Recipient] = {str(r.keys.encryption): r.keys.encryption for r in everyone}
    hasher = HashWorker()
    source = PackageSource(
        cable_json=cable_json, docx=docx, attachments=plans, hasher=hasher, finish=finish
    )
    try:
        with ExitStack() as stack:
            out = output
            if isinstance(output, Path):
                out = stack.enter_context(atomic_output(output, overwrite=overwrite, mode=0o644))
            size = encrypt(
                cast(BinaryIO, source), cast(BinaryIO, out), list(keys.values()),
                armor=armor, progress=progress, cancel=cancel,
            )  # fmt: skip
    except OSError as exc:
        raise InputError(f"Cannot write the sealed cable: {exc.strerror or exc}.") from exc
    finally:
        source.close()
        hasher.close()
    manifest, data, signature = signed[0]
    return SealedCable(manifest, data, signature, size)


def _check_cable(cable_json: bytes, cable_id: str, banner: str) -> None:
    try:
        cable = decode_cable(cable_json)
    except CableDeskError as exc:
        raise ValueError(f"seal() needs a canonical cable: {exc.message}") from None
    if encode_cable(cable) != cable_json:
        raise ValueError("seal() needs the canonical bytes of the cable (encode_cable)")
    if cable.id != cable_id:
        raise ValueError(f"the cable's id is {cable.id!r}, not {cable_id!r}")
    if not banner.strip():
        raise ValueError("a sealed cable needs its banner marking")


def _recipients(sender: Identity, recipients: Sequence[SealRecipient]) -> list[SealRecipient]:
    own = SealRecipient(sender.name, sender.public())
    unique: dict[str, SealRecipient] = {}
    for r in [*recipients, own]:
        if not isinstance(r, SealRecipient):
            raise TypeError(f"recipients must be SealRecipient, not {type(r).__name__}")
        unique.setdefault(r.fingerprint, r)
    return list(unique.values())


def _plan_attachments(paths: Sequence[Path], limits: Limits) -> list[AttachmentPlan]:
    if len(paths) > limits.max_attachments:
        raise PackageError(
            f"A sealed cable holds at most {limits.max_attachments:,} attachments.",
            hint="Put the files in an archive of their own and attach that.",
        )
    plans: list[AttachmentPlan] = []
    seen: dict[str, Path] = {}
    total = 0
    for path in paths:
        try:
            info = path.stat()
        except OSError as exc:
            raise InputError(f"Cannot read the attachment {path}: {exc.strerror}.") from exc
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"The attachment {path} is not a file.", hint="Attach files only.")
        safe = safe_name(path.name)
        key = safe.casefold()
        if key in seen:
            raise PackageError(
                f"Two attachments would have the same name {safe!r}: {seen[key]} and {path}.",
                hint="Rename one of them before sealing.",
            )
        seen[key] = path
        total += info.st_size
        if total > limits.max_total_size:
            raise PackageError(
                f"The attachments add up to more than {limits.max_total_size:,} bytes.",
                hint="Send the largest files separately.",
            )
        plans.append(AttachmentPlan(path, visible_name(path.name), safe, info.st_size))
    return plans

"""Sealing a cable: sign the manifest, then encrypt the package to every recipient.

:func:`seal` writes format ``cabledesk.seal/2``. It streams the package's ZIP
(:mod:`._source`) into age encryption in one pass: each attachment is read
once, in constant memory, its CRC-32 and SHA-256 computed on the way; the
clearance statements it is given follow the attachments; the manifest, which
lists those hashes and the recipients, comes after the files and is signed
(SSHSIG, namespace ``cabledesk-seal-v1``) with the sender's key. The sender is
always among the recipients, so that the sent copy can be reopened. The file
is encrypted to X25519 keys (one stanza per distinct key), or with
``post_quantum`` to everyone's hybrid ``mlkem768x25519`` keys only; recipients
are never a mix of classic and post-quantum keys.

An attachment the cable lists with a SHA-256 (the caller hashed it before
sealing: the cable carries the hashes) must stream by with that size and hash;
a file changed in between is refused before the manifest is signed.
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
from cabledesk.crypto.age import HybridRecipient, Recipient, X25519Recipient, encrypt
from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity, PublicKeys
from cabledesk.crypto.sshsig import SEAL_NAMESPACE, sign
from cabledesk.domain.cable import Cable
from cabledesk.domain.canonical import decode_cable, encode_cable
from cabledesk.domain.rollup import ROLLUP_VERSION
from cabledesk.errors import (
    CableDeskError,
    InputError,
    KeyFormatError,
    PackageError,
    PolicyRefusal,
)
from cabledesk.seal._consistency import X25519, recipient_kind
from cabledesk.seal._hashing import HashWorker
from cabledesk.seal._limits import DEFAULT_LIMITS, Limits
from cabledesk.seal._manifest import (
    ATTACHMENTS,
    Manifest,
    ManifestFile,
    ManifestRecipient,
    ManifestSender,
    PackageKind,
)
from cabledesk.seal._names import safe_name, visible_name
from cabledesk.seal._source import AttachmentPlan, PackageSource
from cabledesk.seal._statement import Statement

__all__ = ["SealRecipient", "SealedCable", "seal"]


@dataclass(frozen=True, slots=True)
class SealRecipient:
    """Someone to seal a cable for: a name to show, their public keys and their
    post-quantum recipient (``age1pq1…``), if they have one."""

    name: str
    keys: PublicKeys
    pq_recipient: str | None = None

    @property
    def fingerprint(self) -> str:
        return self.keys.fingerprint

    @classmethod
    def from_card(cls, card: ContactCard) -> SealRecipient:
        return cls(name=card.name, keys=card.keys, pq_recipient=card.pq_recipient)

    def entry(self, *, post_quantum: bool = False) -> ManifestRecipient:
        key = self.pq_recipient if post_quantum else str(self.keys.encryption)
        if key is None:
            raise ValueError(f"{self.name} has no post-quantum key")
        return ManifestRecipient(self.name, self.fingerprint, key)


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
    docx_renderer: int | None = None,
    attachments: Sequence[Path] = (),
    statements: Sequence[bytes] = (),
    kind: PackageKind | str = PackageKind.CABLE,
    armor: bool = False,
    overwrite: bool = False,
    post_quantum: bool = False,
    limits: Limits = DEFAULT_LIMITS,
    now: datetime | None = None,
    progress: Callable[[int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> SealedCable:
    """Seal ``cable_json`` (canonical, of the cable ``cable_id``) for ``recipients``.

    ``banner`` is the cable's banner as the current roll-up rules compute it
    (:func:`cabledesk.domain.cable.cable_banner`); the manifest records their
    version, and a reader that recomputes another banner refuses the package.
    ``output`` is a binary stream or a path; a path is written atomically (no
    file is left if anything fails or ``cancel()`` turns true; an existing file
    is replaced only with ``overwrite``). ``docx`` is the rendered document, if
    any, and ``docx_renderer`` the version of the renderer that made it (if it
    is the cable rendered by :func:`cabledesk.export.docx.render_docx` with the
    default settings: a reader with that version renders it again and compares);
    ``attachments`` are files, stored under their safe names (an
    attachment the cable lists with a SHA-256 must be sealed with that size and
    SHA-256);
    ``statements`` are signed clearance statements (``cabledesk.statement/1``
    files) to carry, in order; ``kind`` says what the package is for.
    ``progress`` receives the count of package bytes encrypted so far (about
    the size of the cable plus its attachments). With ``post_quantum`` the file
    is encrypted to everyone's hybrid key only (the manifest lists those keys):
    each recipient and the sender must have one.

    Raises InputError (an attachment or the output cannot be used, or its
    bytes as sealed are not those the cable lists: it changed), PackageError
    (two attachments with the same name, too many or too large), ClearanceError
    (a statement that is malformed or whose signature is not valid),
    PolicyRefusal (the sender's key has expired), Cancelled; ValueError for
    bytes that are not the canonical cable ``cable_id``, an empty banner, an
    unknown kind, recipients whose keys mix classic and post-quantum kinds (or,
    with ``post_quantum``, someone without a post-quantum key), or a cable that
    lists with a SHA-256 an attachment not among ``attachments`` (except a
    clearance response that carries no attachment at all: it lists those of the
    text it answers, which its drafter holds).
    """
    moment = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    cable = _check_cable(cable_json, cable_id, banner)
    package_kind = PackageKind(kind)
    if sender.expires is not None and sender.expires <= moment:
        raise PolicyRefusal(
            f"Your key expired on {sender.expires:%Y-%m-%d}; CableDesk does not seal with it.",
            hint="Create a new identity and send your new contact card to your correspondents.",
        )
    everyone = _recipients(sender, recipients, post_quantum=post_quantum)
    carried = _check_statements(statements, limits)
    plans = _plan_attachments(attachments, limits, room=limits.max_attachments - len(carried))
    # A clearance response answers about a text whose attachments its drafter holds: it
    # lists them (their hashes are part of the text cleared) without carrying them.
    listed_only = package_kind is PackageKind.CLEARANCE_RESPONSE and not plans
    hashed = {} if listed_only else _hashed_attachments(cable, plans)
    own_card = ContactCard.for_identity(sender)
    card = own_card.to_bytes().decode("utf-8")
    public = sender.public()
    signed: list[tuple[Manifest, bytes, str]] = []

    def finish(files: list[ManifestFile]) -> tuple[bytes, bytes]:
        _check_as_hashed(hashed, files)
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
                own_card.pq_recipient,
            ),
            recipients=tuple(r.entry(post_quantum=post_quantum) for r in everyone),
            files=tuple(files),
            kind=package_kind,
            rollup=ROLLUP_VERSION,
            docx_renderer=docx_renderer if docx is not None else None,
        )
        data = manifest.encode()
        signature = sign(sender.signing_key, SEAL_NAMESPACE, data)
        signed.append((manifest, data, signature))
        return data, signature.encode("ascii")

    keys: dict[str, Recipient] = {str(r.keys.encryption): r.keys.encryption for r in everyone}
    if post_quantum:
        keys = _hybrid_keys(everyone)
    hasher = HashWorker()
    source = PackageSource(
        cable_json=cable_json, docx=docx, attachments=plans, statements=carried,
        hasher=hasher, finish=finish,
    )  # fmt: skip
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


def _check_cable(cable_json: bytes, cable_id: str, banner: str) -> Cable:
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
    return cable


def _hashed_attachments(
    cable: Cable, plans: Sequence[AttachmentPlan]
) -> dict[str, tuple[Path, int | None, str]]:
    """The attachments the cable lists with a SHA-256: by name, the file, size and hash."""
    paths = {p.name: p.path for p in plans}
    hashed: dict[str, tuple[Path, int | None, str]] = {}
    for a in cable.attachments:
        if a.sha256 is None:
            continue
        if a.name not in paths:
            raise ValueError(f"the cable lists the attachment {a.name!r}, which is not sealed")
        hashed[a.name] = (paths[a.name], a.size, a.sha256)
    return hashed


def _check_as_hashed(
    hashed: dict[str, tuple[Path, int | None, str]], files: list[ManifestFile]
) -> None:
    """Raise InputError for an attachment sealed with other bytes than the cable lists."""
    for f in files:
        if not f.path.startswith(ATTACHMENTS) or f.name not in hashed:
            continue
        path, size, sha256 = hashed[f.name]
        if f.sha256 != sha256 or (size is not None and f.size != size):
            raise InputError(
                f"{path} changed while it was being sealed.",
                hint="Close any program that is writing it, then seal again.",
            )


def _recipients(
    sender: Identity, recipients: Sequence[SealRecipient], *, post_quantum: bool
) -> list[SealRecipient]:
    own = SealRecipient(sender.name, sender.public(), sender.pq_recipient)
    unique: dict[str, SealRecipient] = {}
    for r in [*recipients, own]:
        if not isinstance(r, SealRecipient):
            raise TypeError(f"recipients must be SealRecipient, not {type(r).__name__}")
        unique.setdefault(r.fingerprint, r)
    if post_quantum:
        lacking = [r.name for r in unique.values() if r.pq_recipient is None]
        if lacking:
            raise ValueError(f"without a post-quantum key: {', '.join(lacking)}")
        return list(unique.values())  # their keys are parsed to encrypt: see _hybrid_keys
    kinds = {_kind(r.keys.encryption) for r in unique.values()}
    if len(kinds) != 1 or None in kinds:
        raise ValueError("a sealed cable is encrypted to valid age keys of one kind, never a mix")
    return list(unique.values())


def _hybrid_keys(everyone: Sequence[SealRecipient]) -> dict[str, Recipient]:
    """Everyone's post-quantum key, parsed; ValueError for one that is not valid."""
    keys: dict[str, Recipient] = {}
    for r in everyone:
        if r.pq_recipient is None or r.pq_recipient != r.pq_recipient.lower():
            raise ValueError(f"{r.name} has no valid post-quantum key")
        try:
            keys[r.pq_recipient] = HybridRecipient.parse(r.pq_recipient)
        except KeyFormatError:
            raise ValueError(f"the post-quantum key of {r.name} is not valid") from None
    return keys


def _kind(key: object) -> str | None:
    # The type says it without a Bech32 round trip (which costs more than the seal's rest).
    return X25519 if isinstance(key, X25519Recipient) else recipient_kind(str(key))


def _check_statements(statements: Sequence[bytes], limits: Limits) -> list[bytes]:
    """The statements to carry, each parsed and its signature checked."""
    if len(statements) > limits.max_statements:
        raise PackageError(f"A sealed cable carries at most {limits.max_statements} statements.")
    carried: list[bytes] = []
    for data in statements:
        if not isinstance(data, bytes):
            raise TypeError(f"statements must be bytes, not {type(data).__name__}")
        if len(data) > limits.max_statement_bytes:
            raise PackageError("A clearance statement is larger than a sealed cable may carry.")
        Statement.parse(data).verify()
        carried.append(data)
    return carried


def _plan_attachments(paths: Sequence[Path], limits: Limits, room: int) -> list[AttachmentPlan]:
    if len(paths) > room:
        raise PackageError(
            f"A sealed cable holds at most {room:,} attachments.",
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

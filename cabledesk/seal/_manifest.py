"""The manifest of a sealed cable (``manifest.json``), format ``cabledesk.seal/1``.

The manifest is what the sender signs: the format, the cable's id, when it was
sealed, its banner, who sealed it (with their self-signed contact card), whom
it was sealed for, and the path, size and SHA-256 of every other file in the
package. Its bytes are canonical JSON (UTF-8, keys sorted by code point, no
whitespace, no trailing newline), so that one manifest has exactly one
encoding; docs/FORMAT.md lists every field.

:meth:`Manifest.decode` checks the structure (fields, types, forms) and raises
:class:`~cabledesk.errors.PackageError` naming the field, or
:class:`NewerFormat` for a manifest of a later ``cabledesk.seal/N``.
:func:`consistency_problem` checks what the signer vouches for (canonical form,
the card matches the sender, the file list follows the layout).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cabledesk.crypto.age import X25519Recipient
from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.fingerprint import fingerprint
from cabledesk.crypto.keys import parse_ssh_ed25519_line
from cabledesk.errors import CableDeskError, PackageError
from cabledesk.jsonread import Reader
from cabledesk.seal._names import safe_name

__all__ = [
    "ATTACHMENTS",
    "CABLE",
    "DOCX",
    "FORMAT_ENTRY",
    "FORMAT_ID",
    "MANIFEST",
    "SIGNATURE",
    "Manifest",
    "ManifestFile",
    "ManifestRecipient",
    "ManifestSender",
    "NewerFormat",
    "consistency_problem",
    "format_version",
]

FORMAT_ID = "cabledesk.seal/1"
FORMAT_VERSION = 1
FORMAT_ENTRY = "format"
CABLE = "cable.json"
DOCX = "cable.docx"
ATTACHMENTS = "attachments/"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
_FORMAT_ID = re.compile(r"cabledesk\.seal/([1-9][0-9]{0,8})")
_SHA256_HEX = re.compile(r"[0-9a-f]{64}")
_FINGERPRINT = re.compile(r"SHA256:[A-Za-z0-9+/]{43}")


class NewerFormat(PackageError):
    """The package was made by a newer CableDesk, in a format this one does not read."""

    def __init__(self, format_id: str) -> None:
        super().__init__(
            f"This sealed cable was made by a newer version of CableDesk (format "
            f"{format_id}); this version reads {FORMAT_ID}.",
            hint="Open it with an up-to-date CableDesk.",
        )
        self.format_id = format_id


def format_version(text: str) -> int | None:
    """N for a format id ``cabledesk.seal/N``, None for anything else."""
    match = _FORMAT_ID.fullmatch(text)
    return int(match.group(1)) if match else None


@dataclass(frozen=True, slots=True)
class ManifestSender:
    """Who sealed the cable, as the signed manifest says."""

    name: str
    post: str
    fingerprint: str  # OpenSSH SHA256:… of the Ed25519 key
    age_recipient: str  # age1…
    ssh_key: str  # ssh-ed25519 AAAA…
    card: str  # the sender's self-signed .contact file


@dataclass(frozen=True, slots=True)
class ManifestRecipient:
    """Someone the sender sealed the cable for."""

    name: str
    fingerprint: str
    age_recipient: str


@dataclass(frozen=True, slots=True)
class ManifestFile:
    """A file of the package: its path in the ZIP, the name shown, size and SHA-256 (hex)."""

    path: str
    name: str
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class Manifest:
    """A decoded manifest; :meth:`encode` gives its canonical bytes."""

    cable_id: str
    created: datetime
    banner: str
    docx_included: bool
    sender: ManifestSender
    recipients: tuple[ManifestRecipient, ...]
    files: tuple[ManifestFile, ...]
    format: str = FORMAT_ID

    def to_json(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "cable_id": self.cable_id,
            "created": self.created.astimezone(UTC).strftime(TIME_FORMAT),
            "banner": self.banner,
            "docx_included": self.docx_included,
            "sender": {
                "name": self.sender.name,
                "post": self.sender.post,
                "fingerprint": self.sender.fingerprint,
                "age_recipient": self.sender.age_recipient,
                "ssh_key": self.sender.ssh_key,
                "card": self.sender.card,
            },
            "recipients": [
                {"name": r.name, "fingerprint": r.fingerprint, "age_recipient": r.age_recipient}
                for r in self.recipients
            ],
            "files": [
                {"path": f.path, "name": f.name, "size": f.size, "sha256": f.sha256}
                for f in self.files
            ],
        }

    def encode(self) -> bytes:
        """The canonical bytes (what ``manifest.sig`` signs)."""
        return canonical_json(self.to_json())

    @classmethod
    def decode(cls, data: bytes) -> Manifest:
        """Decode ``manifest.json``; raises PackageError or NewerFormat."""
        root = Reader.from_json(data, what="manifest", error=PackageError)
        if not root.has("format"):
            raise PackageError("This package's manifest has no format field.")
        format_id = root.field("format").text()
        if format_id != FORMAT_ID:
            version = format_version(format_id)
            if version is not None and version > FORMAT_VERSION:
                raise NewerFormat(format_id)
            raise PackageError(f"This package's manifest is in an unknown format {format_id!r}.")
        root.only_fields(
            "format", "cable_id", "created", "banner", "docx_included", "sender",
            "recipients", "files",
        )  # fmt: skip
        recipients = tuple(_recipient(r) for r in root.field("recipients").items())
        if not recipients:
            raise PackageError("In this manifest, the field recipients is empty.")
        return cls(
            cable_id=root.field("cable_id").text(),
            created=_time(root.field("created")),
            banner=root.field("banner").text(),
            docx_included=root.field("docx_included").boolean(),
            sender=_sender(root.field("sender")),
            recipients=recipients,
            files=tuple(_file(f) for f in root.field("files").items()),
        )


def canonical_json(doc: dict[str, Any]) -> bytes:
    """UTF-8 JSON with sorted keys and no whitespace, as every CableDesk signature covers."""
    text = json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8")


def _time(r: Reader) -> datetime:
    text = r.text()
    try:
        return datetime.strptime(text, TIME_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        raise PackageError(
            f"In this manifest, the field {r.path} must be a UTC time like 2026-11-23T14:05:09Z."
        ) from None


def _fingerprint(r: Reader) -> str:
    text = r.text()
    if not _FINGERPRINT.fullmatch(text):
        raise PackageError(f"In this manifest, the field {r.path} is not a SHA256: fingerprint.")
    return text


def _sender(r: Reader) -> ManifestSender:
    r.only_fields("name", "post", "fingerprint", "age_recipient", "ssh_key", "card")
    return ManifestSender(
        name=r.field("name").text(),
        post=r.field("post").text(allow_empty=True),
        fingerprint=_fingerprint(r.field("fingerprint")),
        age_recipient=r.field("age_recipient").text(),
        ssh_key=r.field("ssh_key").text(),
        card=r.field("card").text(),
    )


def _recipient(r: Reader) -> ManifestRecipient:
    r.only_fields("name", "fingerprint", "age_recipient")
    return ManifestRecipient(
        name=r.field("name").text(),
        fingerprint=_fingerprint(r.field("fingerprint")),
        age_recipient=r.field("age_recipient").text(),
    )


def _file(r: Reader) -> ManifestFile:
    r.only_fields("path", "name", "size", "sha256")
    digest = r.field("sha256").text()
    if not _SHA256_HEX.fullmatch(digest):
        raise PackageError(
            f"In this manifest, the field {r.path}.sha256 is not a SHA-256 in lower-case hex."
        )
    return ManifestFile(
        path=r.field("path").text(),
        name=r.field("name").text(),
        size=r.field("size").count(),
        sha256=digest,
    )


def consistency_problem(manifest: Manifest, data: bytes) -> str | None:
    """What is wrong with a signed manifest's content (None if nothing), in plain words.

    ``data`` are the bytes as received (they must be the canonical encoding);
    the sender's card must be valid at the sealing time and match the sender;
    recipients are listed once each with a valid age key; the files follow the
    layout (cable, document if included, then attachments with safe names).
    """
    try:
        if manifest.encode() != data:
            return "its manifest is not in the canonical form the format requires"
    except UnicodeEncodeError:
        return "its manifest holds text that is not valid Unicode"
    sender = manifest.sender
    try:
        key = parse_ssh_ed25519_line(sender.ssh_key).public_bytes_raw()
        card = ContactCard.parse(sender.card.encode("utf-8"), now=manifest.created)
    except CableDeskError as exc:
        return f"the sender's keys or contact card are not valid ({exc.message})"
    if fingerprint(key) != sender.fingerprint:
        return "the sender's fingerprint does not belong to the sender's key"
    if not card.self_certified or card.keys.signing != key:
        return "the sender's contact card is not self-signed by the sender's key"
    if (card.name, card.post, str(card.keys.encryption)) != (
        sender.name,
        sender.post,
        sender.age_recipient,
    ):
        return "the sender's contact card does not match the sender's name, post or keys"
    return _recipients_problem(manifest) or _layout_problem(manifest)


def _recipients_problem(manifest: Manifest) -> str | None:
    seen: set[str] = set()
    for r in manifest.recipients:
        try:
            X25519Recipient.parse(r.age_recipient)
        except CableDeskError:
            return f"the age key of the recipient {r.name!r} is not valid"
        if r.fingerprint in seen:
            return f"its manifest lists the recipient {r.fingerprint} twice"
        seen.add(r.fingerprint)
    return None


def _layout_problem(manifest: Manifest) -> str | None:
    paths = [f.path for f in manifest.files]
    expected_head = [CABLE, DOCX] if manifest.docx_included else [CABLE]
    if paths[: len(expected_head)] != expected_head:
        return "its manifest does not list the cable (and document) first, as the format requires"
    seen: set[str] = set()
    for f in manifest.files[len(expected_head) :]:
        name = f.path.removeprefix(ATTACHMENTS)
        if not f.path.startswith(ATTACHMENTS) or "/" in name or safe_name(name) != name:
            return f"its manifest lists a file {f.path!r} that the format does not allow"
        if name.casefold() in seen:
            return f"its manifest lists the file {f.path!r} twice"
        seen.add(name.casefold())
    return None

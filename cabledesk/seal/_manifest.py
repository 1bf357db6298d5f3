"""The manifest of a sealed cable (``manifest.json``), formats ``cabledesk.seal/1`` and ``/2``.

The manifest is what the sender signs: the format, (from /2) the package's
kind and the roll-up rules version of its banner, the cable's id, when it was
sealed, its banner, who sealed it (with their self-signed contact card), whom
it was sealed for, and the path, size and SHA-256 of every other file in the
package. Its bytes are canonical JSON (UTF-8, keys sorted by code point, no
whitespace, no trailing newline), so that one manifest has exactly one
encoding; docs/FORMAT.md lists every field of both versions.

:meth:`Manifest.decode` checks the structure (fields, types, forms) of the
version the manifest names and raises :class:`~cabledesk.errors.PackageError`
naming the field, or :class:`NewerFormat` for a manifest of a later
``cabledesk.seal/N``. What the signer vouches for beyond the structure is
checked by :func:`cabledesk.seal._consistency.consistency_problem`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from cabledesk.crypto.signedtext import canonical_json, format_time, read_time
from cabledesk.errors import PackageError
from cabledesk.jsonread import Reader

__all__ = [
    "ATTACHMENTS",
    "CABLE",
    "DOCX",
    "FORMAT_ENTRY",
    "FORMAT_ID",
    "FORMAT_IDS",
    "FORMAT_VERSION",
    "MANIFEST",
    "SIGNATURE",
    "STATEMENTS",
    "Manifest",
    "ManifestFile",
    "ManifestRecipient",
    "ManifestSender",
    "NewerFormat",
    "PackageKind",
    "format_version",
    "statement_path",
]

FORMAT_VERSION = 2  # the latest format this CableDesk reads, and the one it writes
FORMAT_IDS = {1: "cabledesk.seal/1", 2: "cabledesk.seal/2"}
FORMAT_ID = FORMAT_IDS[FORMAT_VERSION]
FORMAT_ENTRY = "format"
CABLE = "cable.json"
DOCX = "cable.docx"
ATTACHMENTS = "attachments/"
STATEMENTS = "statements/"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
_FORMAT_ID = re.compile(r"cabledesk\.seal/([1-9][0-9]{0,8})")
_SHA256_HEX = re.compile(r"[0-9a-f]{64}")
_FINGERPRINT = re.compile(r"SHA256:[A-Za-z0-9+/]{43}")
_V1_FIELDS = (
    "format", "cable_id", "created", "banner", "docx_included", "sender", "recipients", "files",
)  # fmt: skip
_V1_SENDER = ("name", "post", "fingerprint", "age_recipient", "ssh_key", "card")


class PackageKind(StrEnum):
    """What a sealed package is for (``kind``, from ``cabledesk.seal/2``)."""

    CABLE = "cable"
    CLEARANCE_REQUEST = "clearance-request"
    CLEARANCE_RESPONSE = "clearance-response"


class NewerFormat(PackageError):
    """The package was made by a newer CableDesk, in a format this one does not read."""

    def __init__(self, format_id: str, *, what: str | None = None) -> None:
        read = " and ".join(FORMAT_IDS.values())
        super().__init__(
            "This sealed cable was made by a newer version of CableDesk ("
            + (what or f"format {format_id}; this version reads {read}")
            + ").",
            hint="Open it with an up-to-date CableDesk.",
        )
        self.format_id = format_id


def format_version(text: str) -> int | None:
    """N for a format id ``cabledesk.seal/N``, None for anything else."""
    match = _FORMAT_ID.fullmatch(text)
    return int(match.group(1)) if match else None


def statement_path(number: int) -> str:
    """The entry name of the ``number``-th statement (from 1): ``statements/N.statement``."""
    if number < 1:
        raise ValueError("statements are numbered from 1")
    return f"{STATEMENTS}{number}.statement"


@dataclass(frozen=True, slots=True)
class ManifestSender:
    """Who sealed the cable, as the signed manifest says."""

    name: str
    post: str
    fingerprint: str  # OpenSSH SHA256:… of the Ed25519 key
    age_recipient: str  # age1…
    ssh_key: str  # ssh-ed25519 AAAA…
    card: str  # the sender's self-signed .contact file
    pq_recipient: str | None = None  # age1pq1… (from /2), as on the card


@dataclass(frozen=True, slots=True)
class ManifestRecipient:
    """Someone the sender sealed the cable for, and the age key it is encrypted to."""

    name: str
    fingerprint: str
    age_recipient: str  # age1… or (from /2) age1pq1…


@dataclass(frozen=True, slots=True)
class ManifestFile:
    """A file of the package: its path in the ZIP, the name shown, size and SHA-256 (hex)."""

    path: str
    name: str
    size: int
    sha256: str


@dataclass(frozen=True, slots=True)
class Manifest:
    """A decoded manifest; :meth:`encode` gives its canonical bytes.

    A ``cabledesk.seal/1`` manifest has no ``kind``, ``rollup`` or
    ``sender.pq_recipient``: it reads as a cable, roll-up rules version 1, no
    post-quantum key, and only such a manifest can be encoded as /1.
    """

    cable_id: str
    created: datetime
    banner: str
    docx_included: bool
    sender: ManifestSender
    recipients: tuple[ManifestRecipient, ...]
    files: tuple[ManifestFile, ...]
    format: str = FORMAT_ID
    kind: PackageKind = PackageKind.CABLE
    rollup: int = 1
    # From /2, optional: the version of the renderer that made cable.docx
    # (cabledesk.export.docx.RENDERER_VERSION), so that a reader with the same
    # renderer can render the cable again and compare.
    docx_renderer: int | None = None

    @property
    def version(self) -> int:
        """N of the manifest's ``cabledesk.seal/N``."""
        version = format_version(self.format)
        if version not in FORMAT_IDS:
            raise ValueError(f"{self.format!r} is not a format this CableDesk writes")
        return version

    def to_json(self) -> dict[str, Any]:
        sender: dict[str, Any] = {
            "name": self.sender.name,
            "post": self.sender.post,
            "fingerprint": self.sender.fingerprint,
            "age_recipient": self.sender.age_recipient,
            "ssh_key": self.sender.ssh_key,
            "card": self.sender.card,
        }
        doc: dict[str, Any] = {
            "format": self.format,
            "cable_id": self.cable_id,
            "created": format_time(self.created),
            "banner": self.banner,
            "docx_included": self.docx_included,
            "sender": sender,
            "recipients": [
                {"name": r.name, "fingerprint": r.fingerprint, "age_recipient": r.age_recipient}
                for r in self.recipients
            ],
            "files": [
                {"path": f.path, "name": f.name, "size": f.size, "sha256": f.sha256}
                for f in self.files
            ],
        }
        if self.version == 1:
            if (self.kind, self.rollup, self.sender.pq_recipient, self.docx_renderer) != (
                PackageKind.CABLE, 1, None, None,
            ):  # fmt: skip
                raise ValueError(
                    "a cabledesk.seal/1 manifest has no kind, rollup, pq_recipient or docx_renderer"
                )
        else:
            doc |= {"kind": str(self.kind), "rollup": self.rollup}
            if self.docx_renderer is not None:
                doc["docx_renderer"] = self.docx_renderer
            sender["pq_recipient"] = self.sender.pq_recipient
        return doc

    def encode(self) -> bytes:
        """The canonical bytes (what ``manifest.sig`` signs)."""
        return canonical_json(self.to_json())

    @classmethod
    def decode(cls, data: bytes) -> Manifest:
        """Decode ``manifest.json`` by the rules of the version it names.

        Raises NewerFormat (a later format), PackageError (anything else wrong
        with its structure, an unknown ``kind`` included).
        """
        root = Reader.from_json(data, what="manifest", error=PackageError)
        if not root.has("format"):
            raise PackageError("This package's manifest has no format field.")
        format_id = root.field("format").text()
        version = format_version(format_id)
        if version is not None and version > FORMAT_VERSION:
            raise NewerFormat(format_id)
        if version is None or format_id != FORMAT_IDS.get(version):
            raise PackageError(
                f"This package's manifest is in an unknown format {format_id[:64]!r}."
            )
        v2 = version >= 2
        renderer = v2 and root.has("docx_renderer")
        root.only_fields(
            *_V1_FIELDS,
            *(("kind", "rollup") if v2 else ()),
            *(("docx_renderer",) if renderer else ()),
        )
        recipients = tuple(_recipient(r) for r in root.field("recipients").items())
        if not recipients:
            raise PackageError("In this manifest, the field recipients is empty.")
        return cls(
            cable_id=root.field("cable_id").text(),
            created=read_time(root.field("created")),
            banner=root.field("banner").text(),
            docx_included=root.field("docx_included").boolean(),
            sender=_sender(root.field("sender"), v2=v2),
            recipients=recipients,
            files=tuple(_file(f) for f in root.field("files").items()),
            format=format_id,
            kind=_kind(root.field("kind")) if v2 else PackageKind.CABLE,
            rollup=_rollup(root.field("rollup")) if v2 else 1,
            docx_renderer=_rollup(root.field("docx_renderer")) if renderer else None,
        )


def _fingerprint(r: Reader) -> str:
    text = r.text()
    if not _FINGERPRINT.fullmatch(text):
        raise PackageError(f"In this manifest, the field {r.path} is not a SHA256: fingerprint.")
    return text


def _kind(r: Reader) -> PackageKind:
    text = r.text()
    try:
        return PackageKind(text)
    except ValueError:
        raise PackageError(
            f"In this manifest, the kind {text[:40]!r} is not one of "
            + ", ".join(k.value for k in PackageKind)
            + ".",
            hint="It may come from a newer version of CableDesk.",
        ) from None


def _rollup(r: Reader) -> int:
    version = r.count()
    if version < 1:
        raise PackageError(f"In this manifest, the field {r.path} must be at least 1.")
    return version


def _sender(r: Reader, *, v2: bool) -> ManifestSender:
    r.only_fields(*_V1_SENDER, *(("pq_recipient",) if v2 else ()))
    pq = r.field("pq_recipient").optional_text() if v2 else None
    if pq is not None and not pq.strip():
        raise PackageError(f"In this manifest, the field {r.path}.pq_recipient is empty.")
    return ManifestSender(
        name=r.field("name").text(),
        post=r.field("post").text(allow_empty=True),
        fingerprint=_fingerprint(r.field("fingerprint")),
        age_recipient=r.field("age_recipient").text(),
        ssh_key=r.field("ssh_key").text(),
        card=r.field("card").text(),
        pq_recipient=pq,
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

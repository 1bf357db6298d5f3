"""What a file says about its own classification, before it is encrypted to contacts.

:func:`read_label` looks at a file and returns a :class:`FileLabel`:

- a **cable** (canonical JSON, ``cabledesk.cable/…``): the cable itself, whose
  banner the release policy computes from its portions and marked attachments;
- a CableDesk **document**: a .docx carrying the custom properties
  ``Classification`` and ``ClassificationScheme`` (``ClassificationLevel`` when
  the label is a historical one that is not a marking), or a PDF carrying them
  in its information dictionary (``/Classification``) or its XMP packet
  (``cdlabel:Classification``), as :mod:`cabledesk.export._pdf_labels` writes
  them. A document whose label cannot be read has no marking;
- an **encrypted** age file, looked into with the vault's own keys (the first
  chunk only): a CableDesk **backup** (a tar whose first member is
  ``vault.key``) holds the whole vault, so it is labelled with the highest level
  of the user's scheme; a **sealed cable** (a ZIP whose first entry is
  ``format``) keeps its banner inside the encryption (its manifest comes last),
  so it has no marking of its own here; any other age file neither;
- **any other file**: no marking; ``found`` lists the classified markings of a
  known scheme written on a line, or as a leading portion mark, in its first
  KiB (the file then "looks classified").

A file without a marking needs one stated by the user (see
:mod:`cabledesk.services.file_crypto`).
"""

from __future__ import annotations

import contextlib
import io
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from xml.etree import ElementTree

from cabledesk.crypto.age import Identity, decrypt
from cabledesk.domain.cable import Cable
from cabledesk.domain.canonical import MAX_CABLE_BYTES, decode_cable
from cabledesk.domain.marking import Marking, parse_marking
from cabledesk.domain.scheme import ClassificationScheme
from cabledesk.errors import CableDeskError, InputError

__all__ = ["FileKind", "FileLabel", "read_label"]

HEAD_BYTES = 1024  # where a banner or portion mark of a plain file is looked for
PEEK_BYTES = 1024  # of an encrypted file's plaintext, to tell a backup from a sealed cable
MAX_DOCUMENT_BYTES = 256 * 1024 * 1024  # a bigger .docx or PDF is not read for its label
MAX_PROPERTY_BYTES = 64 * 1024
_AGE_STARTS = (b"age-encryption.org/v1\n", b"-----BEGIN AGE ENCRYPTED FILE-----")
_CABLE_SCHEMA = re.compile(rb'"schema"\s*:\s*"cabledesk\.cable/')
_PORTION = re.compile(r"^\(([^()]{1,60})\)")
_PDF_INFO = re.compile(
    rb"/(Classification|ClassificationScheme|ClassificationLevel)\s*<([0-9A-Fa-f]+)>"
)
_XMP = re.compile(
    rb"<cdlabel:(Classification|ClassificationScheme|ClassificationLevel)>([^<]{0,400})</cdlabel:"
)


class FileKind(Enum):
    CABLE = "cable"
    DOCUMENT = "CableDesk document"
    SEALED = "sealed cable"
    BACKUP = "backup"
    OTHER = "file"


@dataclass(frozen=True, slots=True)
class FileLabel:
    """``marking`` is what the file says of itself (None: nothing CableDesk can read);
    ``cable`` the cable of a cable file; ``found`` the classified markings seen in a
    plain file's first KiB; ``originator`` the post a document names as its originator."""

    kind: FileKind
    marking: Marking | None = None
    cable: Cable | None = None
    found: tuple[Marking, ...] = ()
    originator: str = ""

    @property
    def looks_classified(self) -> bool:
        return self.kind is not FileKind.OTHER or bool(self.found)


def read_label(
    path: Path,
    schemes: Mapping[str, ClassificationScheme],
    own: ClassificationScheme,
    identities: Sequence[Identity] = (),
) -> FileLabel:
    """The label of the file at ``path``; ``own`` is the user's scheme (a backup's),
    ``identities`` the vault's keys (to look into an encrypted file).

    Raises InputError when the file cannot be read; CableFormatError for a file that
    says it is a cable but cannot be decoded; MarkingError for a cable whose portion
    marks cannot be read.
    """
    try:
        with path.open("rb") as f:
            head = f.read(HEAD_BYTES)
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror}.") from exc
    if head.startswith(_AGE_STARTS):
        return _encrypted(path, own, identities)
    if head.lstrip().startswith(b"{") and _CABLE_SCHEMA.search(head) and size <= MAX_CABLE_BYTES:
        return FileLabel(FileKind.CABLE, cable=decode_cable(_read(path)))
    if head.startswith(b"PK\x03\x04") and size <= MAX_DOCUMENT_BYTES:
        label = _docx(_read(path), schemes)
        if label is not None:
            return label
    if head.startswith(b"%PDF-") and size <= MAX_DOCUMENT_BYTES:
        label = _pdf(_read(path), schemes)
        if label is not None:
            return label
    return FileLabel(FileKind.OTHER, found=_found(head, schemes))


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror}.") from exc


def _marking(
    properties: Mapping[str, str], schemes: Mapping[str, ClassificationScheme]
) -> Marking | None:
    """The marking of a document's label, or None (the document is then unlabelled)."""
    scheme = schemes.get(properties.get("ClassificationScheme", "").strip().lower())
    if scheme is None:
        return None
    for name in ("Classification", "ClassificationLevel"):  # a historical label is no marking
        with contextlib.suppress(CableDeskError):
            return parse_marking(properties.get(name, ""), scheme)
    return None


def _docx(data: bytes, schemes: Mapping[str, ClassificationScheme]) -> FileLabel | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            info = zf.getinfo("docProps/custom.xml")
            if info.file_size > MAX_PROPERTY_BYTES:
                return None
            root = ElementTree.fromstring(zf.read(info))  # noqa: S314 (capped, no entities)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError, ValueError):
        return None
    properties = {p.get("name", ""): "".join(p.itertext()) for p in root}
    if "Classification" not in properties:
        return None
    return FileLabel(
        FileKind.DOCUMENT,
        marking=_marking(properties, schemes),
        originator=properties.get("Originator", ""),
    )


def _pdf(data: bytes, schemes: Mapping[str, ClassificationScheme]) -> FileLabel | None:
    properties: dict[str, str] = {}
    for match in _XMP.finditer(data):
        with contextlib.suppress(UnicodeDecodeError):
            text = match.group(2).decode("utf-8")
            properties[match.group(1).decode()] = (
                text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
            )
    for match in _PDF_INFO.finditer(data):  # the last update wins
        raw = bytes.fromhex(match.group(2).decode()) if len(match.group(2)) % 2 == 0 else b""
        if raw.startswith(b"\xfe\xff"):
            with contextlib.suppress(UnicodeDecodeError):
                properties[match.group(1).decode()] = raw[2:].decode("utf-16-be")
    if "Classification" not in properties:
        return None
    return FileLabel(FileKind.DOCUMENT, marking=_marking(properties, schemes))


class _Peek(io.RawIOBase):
    """Keeps the first bytes written to it; asks the decryption to stop after them."""

    def __init__(self) -> None:
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, b: object) -> int:
        chunk = bytes(b)  # type: ignore[call-overload]
        if len(self.data) < PEEK_BYTES:
            self.data += chunk[: PEEK_BYTES - len(self.data)]
        return len(chunk)

    def full(self) -> bool:
        return len(self.data) >= PEEK_BYTES


def _encrypted(path: Path, own: ClassificationScheme, identities: Sequence[Identity]) -> FileLabel:
    peek = _Peek()
    if identities:
        with contextlib.suppress(CableDeskError), path.open("rb") as f:
            decrypt(f, peek, identities, cancel=peek.full)  # type: ignore[arg-type]
    data = bytes(peek.data)
    if data.startswith(b"vault.key\x00") and data[257:262] == b"ustar":
        top = max(own.levels, key=lambda level: level.rank)
        return FileLabel(FileKind.BACKUP, marking=Marking(own, top))
    return FileLabel(FileKind.SEALED if _first_zip_entry(data) == "format" else FileKind.OTHER)


def _first_zip_entry(data: bytes) -> str:
    if not data.startswith(b"PK\x03\x04") or len(data) < 30:
        return ""
    length = int.from_bytes(data[26:28], "little")
    return data[30 : 30 + length].decode("utf-8", "replace")


def _found(head: bytes, schemes: Mapping[str, ClassificationScheme]) -> tuple[Marking, ...]:
    """The classified markings of any known scheme on a line of ``head`` (a banner line)
    or at the start of one (a portion mark)."""
    found: list[Marking] = []
    for line in head.decode("utf-8", "replace").splitlines():
        text = line.strip()
        portion = _PORTION.match(text)
        candidates = [portion.group(0)] if portion else []
        if 0 < len(text) <= 80 and text == text.upper():
            candidates.append(text)
        for candidate in candidates:
            for scheme in schemes.values():
                with contextlib.suppress(CableDeskError):
                    marking = parse_marking(candidate, scheme)
                    if marking.level.classified and marking not in found:
                        found.append(marking)
    return tuple(found)

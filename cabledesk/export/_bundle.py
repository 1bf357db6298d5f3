"""The document bundle: a ZIP with a signed document, its signature and the signer's card.

Format ``cabledesk.document-bundle/1``, entries in this order (fixed
timestamps, see ``_zip``):

- ``cabledesk-bundle.json`` — ``{"format", "document", "signature", "signer"}``:
  the names of the other entries (``signer`` may be null);
- ``NAME.docx`` (or ``.pdf``) — the document, byte for byte as signed;
- ``NAME.docx.sig`` — its SSHSIG signature, namespace ``cabledesk-document-v1``;
- ``signer.contact`` — the signer's self-signed contact card;
- ``VERIFY.txt`` — how to check the signature with OpenSSH alone.

The manifest is not signed and needs not be: the signature covers the
document, and who signed is decided by the key in the signature against the
user's contacts, never by the card that travels with it.

Reading is strict (a bundle comes from outside): a ZIP of at most
:data:`MAX_ENTRIES` entries, the manifest first and small, plain names (no
folders, no ``..``), each named entry present once, nothing else, no
encryption. Anything else raises InputError saying the file is not a
CableDesk document bundle, or that it is damaged.
"""

from __future__ import annotations

import contextlib
import json
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.sshsig import DOCUMENT_NAMESPACE
from cabledesk.errors import CableDeskError, InputError
from cabledesk.export._zip import ZipEntry, zip_bytes
from cabledesk.jsonread import Reader

__all__ = ["MANIFEST", "OpenedBundle", "is_bundle", "make_bundle", "open_bundle"]

FORMAT_ID = "cabledesk.document-bundle/1"
FORMAT_FAMILY = "cabledesk.document-bundle/"
MANIFEST = "cabledesk-bundle.json"
CARD_NAME = "signer.contact"
README_NAME = "VERIFY.txt"
MAX_ENTRIES = 8
MAX_SMALL_ENTRY = 64 * 1024  # manifest, signature, card
MAX_NAME_CHARS = 200
_SAFE_NAME = re.compile(r"^[^/\\:\x00-\x1f\x7f]+$")
# What zipfile raises for a damaged or exotic archive (NotImplementedError: a feature or
# version it does not read; RuntimeError: encryption).
_ZIP_ERRORS = (
    zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError,
    RuntimeError,
)  # fmt: skip
_NOT_OURS_HINT = "A CableDesk bundle is the .zip written by 'export --bundle'."
_DAMAGED_HINT = "Ask the sender for the bundle again."


def safe_name(name: str) -> bool:
    """Whether ``name`` may be an entry of a bundle: a plain file name."""
    return (
        0 < len(name) <= MAX_NAME_CHARS
        and bool(_SAFE_NAME.match(name))
        and not name.startswith(".")
        and name.strip() == name
    )


def _readme(document: str, signature: str, card: ContactCard) -> str:
    return (
        "This bundle holds a document signed with CableDesk.\n\n"
        f"  {document}\n      the document\n"
        f"  {signature}\n      its signature (OpenSSH SSHSIG, namespace {DOCUMENT_NAMESPACE})\n"
        f"  {CARD_NAME}\n      the signer's contact card\n\n"
        f"The card says the signer is: {card.name}" + (f", {card.post}" if card.post else "")
        + f"\nKey fingerprint: {card.fingerprint}\n\n"
        "The card in a bundle proves nothing about who signed: anyone can make one.\n"
        "Compare the fingerprint above with one you got from the signer another way\n"
        "(in person, by phone) before you rely on the document.\n\n"
        "To check with CableDesk:  cabledesk-cli verify THIS-BUNDLE.zip\n"
        "To check with OpenSSH alone, after unzipping:\n\n"
        f"  echo 'signer {card.keys.ssh_line()}' > allowed_signers\n"
        f"  ssh-keygen -Y verify -f allowed_signers -I signer -n {DOCUMENT_NAMESPACE} \\\n"
        f"      -s '{signature}' < '{document}'\n"
    )  # fmt: skip


def make_bundle(document_name: str, document: bytes, signature: str, card: ContactCard) -> bytes:
    """The bundle's bytes; ValueError for a name that cannot be an entry."""
    if not safe_name(document_name):
        raise ValueError(f"{document_name!r} cannot name a bundle entry")
    signature_name = document_name + ".sig"
    manifest = {
        "format": FORMAT_ID,
        "document": document_name,
        "signature": signature_name,
        "signer": CARD_NAME,
    }
    text = json.dumps(manifest, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return zip_bytes(
        [
            ZipEntry(MANIFEST, text.encode("utf-8") + b"\n"),
            # A .docx is compressed already; deflating it again gains nothing.
            ZipEntry(document_name, document, deflate=not document_name.endswith(".docx")),
            ZipEntry(signature_name, signature.encode("ascii")),
            ZipEntry(CARD_NAME, card.to_bytes()),
            ZipEntry(README_NAME, _readme(document_name, signature_name, card).encode("utf-8")),
        ]
    )


@dataclass(frozen=True, slots=True)
class OpenedBundle:
    """The parts of a bundle; read the document itself with :meth:`document_stream`."""

    archive: zipfile.ZipFile
    path: Path
    document: str
    signature: str
    signature_text: bytes
    card_bytes: bytes | None

    @contextlib.contextmanager
    def document_stream(self) -> Iterator[BinaryIO]:
        """The document's bytes as a stream (decompressed as read, constant memory)."""
        try:
            with self.archive.open(self.document) as stream:
                yield stream  # type: ignore[misc]
        except _ZIP_ERRORS as exc:
            raise _damaged(self.path, f"the document in it cannot be read ({exc})") from None


def _not_ours(path: Path, why: str) -> InputError:
    return InputError(
        f"{path.name} is not a CableDesk document bundle: {why}.", hint=_NOT_OURS_HINT
    )


def _damaged(path: Path, why: str) -> InputError:
    return InputError(f"The bundle {path.name} is damaged: {why}.", hint=_DAMAGED_HINT)


def is_bundle(path: Path) -> bool:
    """Whether ``path`` is a ZIP whose first entry is a bundle manifest (cheap check)."""
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
    except _ZIP_ERRORS:
        return False
    return bool(names) and names[0] == MANIFEST


@contextlib.contextmanager
def open_bundle(path: Path) -> Iterator[OpenedBundle]:
    """Open and check a bundle; raises InputError (not ours, damaged, unreadable)."""
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise InputError(f"Cannot read {path}: there is no such file.") from None
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror}.") from exc
    except _ZIP_ERRORS:
        raise _not_ours(path, "it is not a ZIP archive CableDesk can read") from None
    with archive:
        yield _check(archive, path)


def _read_small(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> bytes:
    if info.file_size > MAX_SMALL_ENTRY:
        raise _damaged(path, f"{info.filename} is far too large")
    try:
        with archive.open(info) as f:
            data = f.read(MAX_SMALL_ENTRY + 1)
    except _ZIP_ERRORS as exc:
        raise _damaged(path, f"{info.filename} cannot be read ({exc})") from None
    if len(data) > MAX_SMALL_ENTRY:
        raise _damaged(path, f"{info.filename} is far too large")
    return data


def _check(archive: zipfile.ZipFile, path: Path) -> OpenedBundle:
    infos = archive.infolist()
    if not infos or infos[0].filename != MANIFEST:
        raise _not_ours(path, f"it does not start with {MANIFEST}")
    if len(infos) > MAX_ENTRIES:
        raise _not_ours(path, f"it holds {len(infos)} files")
    by_name: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        if info.filename in by_name:
            raise _damaged(path, f"{info.filename!r} appears twice")
        if info.flag_bits & 0x1:
            raise _not_ours(path, "its files are encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _not_ours(path, "it uses an unsupported compression")
        by_name[info.filename] = info
    try:
        root = Reader.from_json(
            _read_small(archive, infos[0], path), what="bundle manifest", error=InputError
        )
        root.only_fields("format", "document", "signature", "signer")
        fmt = root.field("format").text()
        document = root.field("document").text()
        signature = root.field("signature").text()
        signer = root.field("signer").optional_text()
    except InputError as exc:
        raise _not_ours(path, f"its manifest is not valid ({exc.message})") from None
    except (CableDeskError, ValueError) as exc:
        raise _not_ours(path, f"its manifest is not valid ({exc})") from None
    if fmt != FORMAT_ID:
        if fmt.startswith(FORMAT_FAMILY):
            raise InputError(
                f"The bundle {path.name} is in a newer format ({fmt}).",
                hint="Update CableDesk to check it.",
            )
        raise _not_ours(path, f"its manifest names the format {fmt!r}")
    listed = [document, signature, *([signer] if signer is not None else [])]
    for name in listed:
        if not safe_name(name):
            raise _not_ours(path, f"its manifest names an unsafe file {name!r}")
        if name not in by_name:
            raise _damaged(path, f"{name} is missing")
    extra = set(by_name) - {MANIFEST, README_NAME, *listed}
    if extra:
        raise _not_ours(path, f"it holds files CableDesk did not put there ({sorted(extra)[0]})")
    return OpenedBundle(
        archive=archive,
        path=path,
        document=document,
        signature=signature,
        signature_text=_read_small(archive, by_name[signature], path),
        card_bytes=None if signer is None else _read_small(archive, by_name[signer], path),
    )

"""The read side of a package: the entries of a sealed cable's ZIP, as they stream by.

:class:`PackageSink` receives the entries from the ZIP reader and enforces the
layout of the format its first entry names — ``format``, ``cable.json``,
optionally ``cable.docx``, ``attachments/<safe name>``…, from
``cabledesk.seal/2`` the clearance statements ``statements/1.statement``,
``statements/2.statement``…, then ``manifest.json`` and ``manifest.sig``, in
that order and nothing else — keeping the small parts in memory (each under
its cap) and hashing the others, which it also writes to temporary files when
extracting. Nothing is judged here but the layout: the
signature and hashes are checked once the whole package has been read.

Raises :class:`UnsafeArchive` for entries a sealed cable never holds or too
large, :class:`NewerFormat` for a package of a later format, ``PackageError``
for a package that is not a sealed cable or whose entries are out of order,
``InputError`` when an extracted file cannot be written.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cabledesk.errors import InputError, PackageError
from cabledesk.seal._hashing import Digest, HashWorker
from cabledesk.seal._manifest import (
    ATTACHMENTS,
    CABLE,
    DOCX,
    FORMAT_ENTRY,
    FORMAT_IDS,
    FORMAT_VERSION,
    MANIFEST,
    SIGNATURE,
    STATEMENTS,
    NewerFormat,
    format_version,
    statement_path,
)
from cabledesk.seal._names import safe_name
from cabledesk.seal._zipread import Entry, not_a_package, unsafe

if TYPE_CHECKING:
    from cabledesk.seal._limits import Limits
    from cabledesk.seal._staging import StagedFile, Staging

__all__ = ["Observed", "PackageSink"]

MAX_FORMAT_BYTES = 64
# The layout as a sequence of states: which entry names may come next.
_START, _CABLE, _AFTER_CABLE, _FILES, _STATEMENTS, _SIGNATURE, _END = range(7)
_STATEMENT_NAME = re.compile(r"statements/[1-9][0-9]{0,8}\.statement")


@dataclass(frozen=True, slots=True)
class Observed:
    """A file of the package as read: path, size and SHA-256 (hex)."""

    path: str
    size: int
    sha256: str


class PackageSink:
    """Collects a package's parts from the ZIP reader (an ``EntrySink``)."""

    def __init__(self, limits: Limits, hasher: HashWorker, staging: Staging | None) -> None:
        self._limits = limits
        self._hasher = hasher
        self._staging = staging
        self._state = _START
        self.version: int | None = None  # N of the format entry's cabledesk.seal/N
        self.files: list[Observed] = []
        self.statements: list[tuple[str, bytes]] = []  # (path, bytes), in order
        self.cable_json: bytes | None = None
        self.manifest: bytes | None = None
        self.signature: bytes | None = None
        self._path = ""
        self._size = 0
        self._memory: bytearray | None = None
        self._digest: Digest | None = None
        self._out: StagedFile | None = None

    # --- EntrySink ------------------------------------------------------------

    def begin(self, entry: Entry) -> None:
        name = entry.name
        limits = self._limits
        self._path, self._size = name, entry.size
        self._memory = self._digest = self._out = None
        if self._state == _START:
            if name != FORMAT_ENTRY or entry.size > MAX_FORMAT_BYTES:
                raise not_a_package()
            self._memory = bytearray()
            return
        if name == CABLE:
            self._advance({_CABLE}, _AFTER_CABLE)
            self._keep(entry, limits.max_cable_bytes, "cable")
        elif name == DOCX:
            self._advance({_AFTER_CABLE}, _FILES)
            self._stream(entry, DOCX, gives_way=True)
        elif name.startswith(ATTACHMENTS):
            self._advance({_AFTER_CABLE, _FILES}, _FILES)
            base = name.removeprefix(ATTACHMENTS)
            if "/" in base or safe_name(base) != base:
                raise unsafe(f"the attachment name {base!r} is not a safe file name")
            self._stream(entry, base)
        elif name.startswith(STATEMENTS) and (self.version or 1) >= 2:
            self._statement(entry)
        elif name == MANIFEST:
            self._advance({_AFTER_CABLE, _FILES, _STATEMENTS}, _SIGNATURE)
            self._keep(entry, limits.max_manifest_bytes, "manifest")
        elif name == SIGNATURE:
            self._advance({_SIGNATURE}, _END)
            self._keep(entry, limits.max_signature_bytes, "signature")
        else:
            raise unsafe(f"it holds a file {name!r} that is not part of a sealed cable")

    def data(self, chunk: memoryview) -> None:
        if self._memory is not None:
            self._memory += chunk
            return
        if self._digest is not None:
            self._digest.update(chunk)
        if self._out is not None:
            try:
                self._out.write(chunk)
            except OSError as exc:
                raise InputError(f"Cannot write the extracted file: {exc.strerror}.") from exc

    def end(self) -> None:
        path = self._path
        if self._state == _START:
            self._check_format(bytes(self._memory or b""))
            self._state = _CABLE
            return
        if self._memory is not None:
            data = bytes(self._memory)
            self._memory = None
            if path == CABLE:
                self.cable_json = data
                self.files.append(Observed(path, len(data), hashlib.sha256(data).hexdigest()))
            elif path.startswith(STATEMENTS):
                self.statements.append((path, data))
                self.files.append(Observed(path, len(data), hashlib.sha256(data).hexdigest()))
            elif path == MANIFEST:
                self.manifest = data
            else:
                self.signature = data
            return
        assert self._digest is not None
        if self._staging is not None:
            self._staging.close_current()
        self.files.append(Observed(path, self._size, self._digest.hexdigest()))

    # --- layout ---------------------------------------------------------------

    @property
    def unsigned(self) -> bool:
        """True when the package ended after its cable without a manifest and signature."""
        return self._state not in (_START, _CABLE, _END)

    def finish(self) -> None:
        """Raise unless the package held every part of the layout."""
        if self._state != _END:
            raise PackageError(
                "This sealed cable is incomplete: it lacks its "
                + ("format entry" if self._state == _START else "manifest or signature")
                + ".",
                hint="Ask the sender for a fresh copy.",
            )

    def _advance(self, allowed: set[int], then: int) -> None:
        if self._state not in allowed:
            raise self._out_of_place()
        self._state = then

    def _out_of_place(self) -> PackageError:
        return PackageError(
            f"This sealed cable's files are not in the order the format requires "
            f"({self._path!r} comes out of place).",
            hint="It was not made by CableDesk or as docs/FORMAT.md describes.",
        )

    def _statement(self, entry: Entry) -> None:
        number = len(self.statements) + 1
        if number > self._limits.max_statements:
            raise unsafe(f"it holds more than {self._limits.max_statements:,} statements")
        if entry.name != statement_path(number):
            if not _STATEMENT_NAME.fullmatch(entry.name):
                raise unsafe(f"it holds a file {entry.name!r} that is not part of a sealed cable")
            raise self._out_of_place()  # numbered from 1, one after the other
        self._advance({_AFTER_CABLE, _FILES, _STATEMENTS}, _STATEMENTS)
        self._keep(entry, self._limits.max_statement_bytes, "statement")

    def _keep(self, entry: Entry, cap: int, what: str) -> None:
        if entry.size > cap:
            raise unsafe(f"its {what} is larger than the {cap:,} bytes a {what} may have")
        self._memory = bytearray()

    def _stream(self, entry: Entry, name: str, *, gives_way: bool = False) -> None:
        self._digest = self._hasher.digest(entry.size)
        if self._staging is not None:
            self._out = self._staging.create(name, gives_way=gives_way)

    def _check_format(self, content: bytes) -> None:
        for version, format_id in FORMAT_IDS.items():
            if content == (format_id + "\n").encode("ascii"):
                self.version = version
                return
        text = content.decode("ascii", "replace").removesuffix("\n")
        later = format_version(text)
        if later is not None and later > FORMAT_VERSION and content.endswith(b"\n"):
            raise NewerFormat(text)
        raise not_a_package()

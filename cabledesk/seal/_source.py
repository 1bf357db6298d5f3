"""The write side of a package: its ZIP bytes, produced while the age encryptor reads them.

:class:`PackageSource` is a readable binary stream (``readinto``) whose bytes
are the package's ZIP (``cabledesk.seal/2``), generated on the fly: the small
parts (format, cable, document, clearance statements) from memory, each
attachment read straight from its file into the encryptor's buffer, its CRC-32
computed there and its SHA-256 on the hash worker's thread — one read of every
attachment, whatever its size, in constant memory. Once the last attachment has
streamed by, the manifest (which lists every file's hash) is built and signed by
the ``finish`` callback, and the ZIP ends with the central directory.

A file that cannot be read, or that changes size while it is read, raises
:class:`~cabledesk.errors.InputError`.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import zlib
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass
from pathlib import Path

from cabledesk.errors import InputError
from cabledesk.seal._hashing import Digest, HashWorker
from cabledesk.seal._manifest import (
    ATTACHMENTS,
    CABLE,
    DOCX,
    FORMAT_ENTRY,
    FORMAT_ID,
    MANIFEST,
    SIGNATURE,
    ManifestFile,
    statement_path,
)
from cabledesk.seal._zipformat import (
    Written,
    central_record,
    data_descriptor,
    end_records,
    local_header,
)

__all__ = ["AttachmentPlan", "PackageSource"]

FORMAT_BYTES = (FORMAT_ID + "\n").encode("ascii")

Finish = Callable[[list[ManifestFile]], tuple[bytes, bytes]]


@dataclass(frozen=True, slots=True)
class AttachmentPlan:
    """An attachment to seal: its file, the name the user sees, its safe name, its size."""

    path: Path
    name: str
    safe: str
    size: int


def _changed(path: Path) -> InputError:
    return InputError(
        f"{path} changed while it was being sealed.",
        hint="Close any program that is writing it, then seal again.",
    )


class _FileStream:
    """One attachment's bytes, checked against the size announced in its header."""

    def __init__(self, path: Path, f: io.FileIO, size: int, digest: Digest) -> None:
        self.path = path
        self.crc = 0
        self._f = f
        self._left = size
        self._digest = digest

    def readinto(self, view: memoryview) -> int:
        if self._left == 0:
            return 0
        target = view[: min(len(view), self._left)]
        try:
            n = self._f.readinto(target) or 0
        except OSError as exc:
            raise InputError(f"Cannot read {self.path}: {exc.strerror}.") from exc
        if not n:
            raise _changed(self.path)
        data = target[:n]
        self.crc = zlib.crc32(data, self.crc)
        self._digest.update(data)
        self._left -= n
        return n


class PackageSource:
    """The package's ZIP as a readable stream; :meth:`close` it when done or on error."""

    def __init__(
        self,
        *,
        cable_json: bytes,
        docx: bytes | None,
        attachments: Sequence[AttachmentPlan],
        statements: Sequence[bytes] = (),
        hasher: HashWorker,
        finish: Finish,
    ) -> None:
        self._cable_json = cable_json
        self._docx = docx
        self._attachments = attachments
        self._statements = statements
        self._hasher = hasher
        self._finish = finish
        self._pos = 0
        self._written: list[Written] = []
        self._files: list[tuple[str, str, int, Digest | str]] = []
        self._parts = self._generate()
        self._current: memoryview | _FileStream | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:
        view = memoryview(buffer).cast("B")
        total = 0
        while total < len(view):
            part = self._current
            if part is None:
                nxt = next(self._parts, None)
                if nxt is None:
                    break
                part = self._current = memoryview(nxt) if isinstance(nxt, bytes) else nxt
            if isinstance(part, memoryview):
                n = min(len(part), len(view) - total)
                view[total : total + n] = part[:n]
                self._current = part[n:] if n < len(part) else None
            else:
                n = part.readinto(view[total:])
                if n == 0:
                    self._current = None
            total += n
            self._pos += n
        return total

    def close(self) -> None:
        # ValueError: still running on a reader thread the encryptor gave up on (after
        # a cancellation); that thread finishes its read and lets go of the file.
        with contextlib.suppress(ValueError):
            self._parts.close()  # closes the attachment being read

    # --- the parts, in order ---------------------------------------------------

    def _generate(self) -> Generator[bytes | _FileStream, None, None]:
        yield from self._memory_entry(FORMAT_ENTRY, FORMAT_BYTES)
        yield from self._memory_entry(CABLE, self._cable_json, listed=CABLE)
        if self._docx is not None:
            yield from self._memory_entry(DOCX, self._docx, listed=DOCX)
        for plan in self._attachments:
            yield from self._streamed_entry(plan)
        for number, statement in enumerate(self._statements, 1):
            path = statement_path(number)
            yield from self._memory_entry(path, statement, listed=path)
        files = [
            ManifestFile(path, name, size, d if isinstance(d, str) else d.hexdigest())
            for path, name, size, d in self._files
        ]
        manifest, signature = self._finish(files)
        yield from self._memory_entry(MANIFEST, manifest)
        yield from self._memory_entry(SIGNATURE, signature)
        directory = b"".join(central_record(w) for w in self._written)
        yield directory + end_records(len(self._written), self._pos, len(directory))

    def _memory_entry(
        self, name: str, data: bytes, listed: str | None = None
    ) -> Generator[bytes, None, None]:
        """A stored entry from memory; ``listed`` is its name in the manifest, if it is listed."""
        offset = self._pos
        crc = zlib.crc32(data)
        yield local_header(name, len(data), crc)
        if data:
            yield data
        self._written.append(Written(name, offset, len(data), crc, streamed=False))
        if listed is not None:
            self._files.append((name, listed, len(data), hashlib.sha256(data).hexdigest()))

    def _streamed_entry(self, plan: AttachmentPlan) -> Generator[bytes | _FileStream, None, None]:
        offset = self._pos
        path = ATTACHMENTS + plan.safe
        try:
            f = io.FileIO(plan.path, "rb")
        except OSError as exc:
            raise InputError(f"Cannot read {plan.path}: {exc.strerror}.") from exc
        with f:
            if os.fstat(f.fileno()).st_size != plan.size:
                raise _changed(plan.path)
            digest = self._hasher.digest(plan.size)
            yield local_header(path, plan.size, None)
            stream = _FileStream(plan.path, f, plan.size, digest)
            yield stream
            try:
                extra = f.read(1)
            except OSError as exc:
                raise InputError(f"Cannot read {plan.path}: {exc.strerror}.") from exc
            if extra:
                raise _changed(plan.path)
        yield data_descriptor(stream.crc, plan.size)
        self._written.append(Written(path, offset, plan.size, stream.crc, streamed=True))
        self._files.append((path, plan.name, plan.size, digest))

"""Reading a ZIP archive front to back as it is decrypted, without seeking.

:class:`ZipReader` is a push parser: the age decryptor writes plaintext into it
(:meth:`ZipReader.write`) in blocks of any size, and it hands each entry's name,
then its data, then its end to an :class:`EntrySink`. It accepts what CableDesk
and Info-ZIP ``zip`` write — stored or deflated entries whose sizes are in the
local header (a 32-bit field or the ZIP64 extra field), with the CRC-32 either
there or in a signed data descriptor after the data (bit 3) — and checks every
CRC-32 and size, and that the central directory and end records repeat exactly
the entries read, so that CableDesk and ``unzip`` see the same archive.

Errors: :class:`UnsafeArchive` (a :class:`~cabledesk.errors.PackageError`) for
what is dangerous to unpack (absolute or ``..`` paths, duplicate names, links,
too many entries, a size or expansion over the caps); ``PackageError`` for
anything that is not a well-formed archive of that kind.
"""

from __future__ import annotations

import stat
import struct
import unicodedata
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from cabledesk.seal._limits import Limits
from cabledesk.seal._zipcheck import (
    UnsafeArchive,
    check_name,
    damaged,
    extras,
    not_a_package,
    unsafe,
    unsupported,
    zip64_values,
)
from cabledesk.seal._zipformat import (
    CENTRAL,
    CENTRAL_SIG,
    DESCRIPTOR_SIG,
    EOCD,
    EOCD_SIG,
    FLAG_DESCRIPTOR,
    FLAG_UTF8,
    LOCAL,
    LOCAL_SIG,
    MAX16,
    MAX32,
    ZIP64_EOCD,
    ZIP64_EOCD_SIG,
    ZIP64_EXTRA_ID,
    ZIP64_LOCATOR,
    ZIP64_LOCATOR_SIG,
)

__all__ = ["Entry", "EntrySink", "UnsafeArchive", "ZipReader", "not_a_package", "unsafe"]

DEFLATED = 8
MAX_VERSION_NEEDED = 63  # 6.3: UTF-8 names; later versions mean features we lack
DEFLATE_FLAGS = 0x0006  # bits 1-2: compression level hint, meaningful for deflate only
MSDOS_DIRECTORY = 0x10
INFLATE_STEP = 1024 * 1024  # bytes of output per call, so inflating stays in constant memory
_SIG = struct.Struct("<I")
_DESCRIPTOR32 = struct.Struct("<IIII")
_DESCRIPTOR64 = struct.Struct("<IIQQ")


@dataclass(frozen=True, slots=True)
class Entry:
    """What a local header announces: the name, the uncompressed size, how it is stored."""

    name: str
    size: int
    compressed_size: int
    method: int


class EntrySink(Protocol):
    """Receives the entries in order; may raise to stop reading."""

    def begin(self, entry: Entry) -> None: ...

    def data(self, chunk: memoryview) -> None: ...

    def end(self) -> None: ...


@dataclass(slots=True)
class _Local:
    raw_name: bytes
    offset: int
    flags: int
    method: int
    crc: int
    compressed_size: int
    size: int
    zip64: bool


class ZipReader:
    """Parse a ZIP archive pushed through :meth:`write`; :meth:`close` at the end."""

    def __init__(self, sink: EntrySink, limits: Limits) -> None:
        self._sink = sink
        self._limits = limits
        self._pos = 0
        self._buf = bytearray()
        self._need = 0
        self._then: Callable[[bytes], None] = self._signature
        self._fixed: tuple[int, ...] = ()
        self._data_left = -1
        self._entries: list[_Local] = []
        self._folded: set[str] = set()
        self._total = 0
        self._crc = 0
        self._produced = 0
        self._inflater: zlib._Decompress | None = None
        self._cd_start: int | None = None
        self._cd_seen = 0
        self._end_start: int | None = None
        self._zip64_end: int | None = None
        self._located = False
        self._done = False
        self._expect(4, self._signature)

    # --- pushing bytes -----------------------------------------------------

    def write(self, data: bytes | bytearray | memoryview) -> int:
        view = memoryview(data).cast("B")
        size = len(view)
        while view:
            if self._done:
                raise damaged("has data after its end")
            if self._data_left > 0:
                take = min(len(view), self._data_left)
                self._entry_bytes(view[:take])
                self._pos += take
                self._data_left -= take
                view = view[take:]
                if self._data_left == 0:
                    self._end_data()
                continue
            take = min(len(view), self._need - len(self._buf))
            self._buf += view[:take]
            self._pos += take
            view = view[take:]
            if len(self._buf) == self._need:
                record = bytes(self._buf)
                self._buf.clear()
                self._then(record)
        return size

    def close(self) -> None:
        """Raise unless the whole archive, up to its end record, was read."""
        if not self._done:
            if self._pos == 0:
                raise not_a_package()
            raise damaged("ends before its end record (it was cut short)")

    def _expect(self, size: int, then: Callable[[bytes], None]) -> None:
        self._need = size
        self._then = then
        if size == 0:
            then(b"")

    # --- entries ------------------------------------------------------------

    def _signature(self, record: bytes) -> None:
        (sig,) = _SIG.unpack(record)
        start = self._pos - 4
        in_entries = self._cd_start is None and self._end_start is None
        if sig == LOCAL_SIG and in_entries:
            self._expect(LOCAL.size, self._local_fixed)
        elif sig == CENTRAL_SIG and self._end_start is None:
            if self._cd_start is None:
                self._cd_start = start
            self._expect(CENTRAL.size, self._central_fixed)
        elif sig == ZIP64_EOCD_SIG and self._end_start is None:
            self._end_start = self._zip64_end = start
            self._expect(ZIP64_EOCD.size, self._zip64_record)
        elif sig == ZIP64_LOCATOR_SIG and self._zip64_end is not None and not self._located:
            self._expect(ZIP64_LOCATOR.size, self._locator)
        elif sig == EOCD_SIG and (self._zip64_end is None or self._located):
            if self._end_start is None:
                self._end_start = start
            self._expect(EOCD.size, self._end)
        elif start == 0:
            raise not_a_package()
        else:
            raise damaged(f"has an unexpected record at byte {start:,}")

    def _local_fixed(self, record: bytes) -> None:
        self._fixed = LOCAL.unpack(record)
        self._expect(self._fixed[8] + self._fixed[9], self._local_variable)

    def _local_variable(self, record: bytes) -> None:
        version, flags, method, _, _, crc, csize, size, name_len, _ = self._fixed
        offset = self._pos - len(record) - LOCAL.size - 4
        if len(self._entries) >= self._limits.max_entries:
            raise unsafe(f"it holds more than {self._limits.max_entries:,} entries")
        if flags & 0x0001:
            raise unsupported("encrypted entries")
        allowed = FLAG_DESCRIPTOR | FLAG_UTF8 | (DEFLATE_FLAGS if method == DEFLATED else 0)
        if flags & ~allowed:
            raise unsupported(f"general purpose flags 0x{flags:04x}")
        if method not in (0, DEFLATED):
            raise unsupported(f"compression method {method}")
        if version > MAX_VERSION_NEEDED:
            raise unsupported(f"version {version / 10:.1f} of the ZIP format")
        raw_name = record[:name_len]
        name = self._name(raw_name, flags)
        fields = extras(record[name_len:])
        zip64 = MAX32 in (csize, size)
        if zip64:
            if (csize, size) != (MAX32, MAX32):
                raise damaged("marks only one size of an entry as ZIP64")
            size, csize = zip64_values(fields, 2)
        elif ZIP64_EXTRA_ID in fields:
            raise damaged("has ZIP64 sizes it does not announce")
        if method == 0 and csize != size:
            raise damaged(f"gives two sizes for the stored entry {name!r}")
        limits = self._limits
        if method == DEFLATED and size > limits.ratio_grace and size > limits.max_ratio * csize:
            raise unsafe(
                f"the entry {name!r} would expand {size // max(csize, 1):,} times (a ZIP bomb)"
            )
        self._total += size
        if self._total > limits.max_total_size:
            raise unsafe(f"its files add up to more than {limits.max_total_size:,} bytes")
        entry = _Local(raw_name, offset, flags, method, crc, csize, size, zip64)
        self._entries.append(entry)
        self._sink.begin(Entry(name, size, csize, method))
        self._crc = self._produced = 0
        self._inflater = zlib.decompressobj(-15) if method == DEFLATED else None
        self._data_left = csize
        if csize == 0:
            self._end_data()

    def _name(self, raw: bytes, flags: int) -> str:
        try:
            name = raw.decode("utf-8" if flags & FLAG_UTF8 else "ascii")
        except UnicodeDecodeError:
            raise unsafe("an entry name is not valid text") from None
        check_name(name)
        folded = unicodedata.normalize("NFC", name).casefold()
        if folded in self._folded:
            raise unsafe(f"two entries are named {name!r} (ignoring case)")
        self._folded.add(folded)
        return name

    def _entry_bytes(self, chunk: memoryview) -> None:
        inflater = self._inflater
        if inflater is None:
            self._produce(chunk)
            return
        try:
            self._produce(memoryview(inflater.decompress(chunk, INFLATE_STEP)))
            while inflater.unconsumed_tail:
                more = inflater.decompress(inflater.unconsumed_tail, INFLATE_STEP)
                self._produce(memoryview(more))
        except zlib.error:
            raise damaged("holds compressed data that cannot be expanded") from None

    def _produce(self, chunk: memoryview) -> None:
        if not chunk:
            return
        entry = self._entries[-1]
        self._produced += len(chunk)
        if self._produced > entry.size:
            raise unsafe("a compressed entry expands beyond its announced size (a ZIP bomb)")
        self._crc = zlib.crc32(chunk, self._crc)
        self._sink.data(chunk)

    def _end_data(self) -> None:
        self._data_left = -1
        entry = self._entries[-1]
        inflater = self._inflater
        if inflater is not None and (not inflater.eof or inflater.unused_data):
            raise damaged("holds a compressed entry that does not end where announced")
        if self._produced != entry.size:
            raise damaged("holds an entry shorter than its announced size")
        if entry.flags & FLAG_DESCRIPTOR:
            size = _DESCRIPTOR64.size if entry.zip64 else _DESCRIPTOR32.size
            self._expect(size, self._descriptor)
            return
        if self._crc != entry.crc:
            raise damaged("holds an entry whose checksum (CRC-32) does not match")
        self._finish_entry()

    def _descriptor(self, record: bytes) -> None:
        entry = self._entries[-1]
        layout = _DESCRIPTOR64 if entry.zip64 else _DESCRIPTOR32
        sig, crc, csize, size = layout.unpack(record)
        if sig != DESCRIPTOR_SIG:
            raise damaged("lacks the data descriptor of a streamed entry")
        if crc != self._crc:
            raise damaged("holds an entry whose checksum (CRC-32) does not match")
        if (csize, size) != (entry.compressed_size, entry.size):
            raise damaged("gives two different sizes for one entry")
        entry.crc = crc
        self._finish_entry()

    def _finish_entry(self) -> None:
        self._sink.end()
        self._expect(4, self._signature)

    # --- central directory and end records -----------------------------------

    def _central_fixed(self, record: bytes) -> None:
        self._fixed = CENTRAL.unpack(record)
        name_len, extra_len, comment_len = self._fixed[9:12]
        self._expect(name_len + extra_len + comment_len, self._central_variable)

    def _central_variable(self, record: bytes) -> None:
        _, _, flags, method, _, _, crc, csize, size, name_len, extra_len = self._fixed[:11]
        comment_len, disk, _, attributes, offset = self._fixed[11:]
        if self._cd_seen >= len(self._entries):
            raise damaged("lists an entry its content does not hold")
        entry = self._entries[self._cd_seen]
        fields = extras(record[name_len : name_len + extra_len])
        wanted = [v == MAX32 for v in (size, csize, offset)]
        values = iter(zip64_values(fields, sum(wanted)))
        size, csize, offset = (
            next(values) if w else v for w, v in zip(wanted, (size, csize, offset), strict=True)
        )
        if (record[:name_len], flags, method, crc, csize, size, offset) != (
            entry.raw_name, entry.flags, entry.method, entry.crc, entry.compressed_size,
            entry.size, entry.offset,
        ):  # fmt: skip
            raise damaged("has a directory that does not match its entries")
        if comment_len or disk:
            raise unsupported("comments or several disks")
        # The upper half is read as a Unix mode whatever the "made by" host says: unzip
        # and other tools honour a link there from hosts other than Unix (3) too. A mode
        # without a file type (Python's writestr, most DOS tools) is a plain file.
        mode = attributes >> 16
        if attributes & MSDOS_DIRECTORY or stat.S_IFMT(mode) not in (0, stat.S_IFREG):
            raise unsafe("an entry is marked as a folder, a link or a device, not a file")
        self._cd_seen += 1
        self._expect(4, self._signature)

    def _directory_bounds(self) -> tuple[int, int, int]:
        """Entries, size and offset of the central directory as read."""
        end = self._end_start if self._end_start is not None else self._pos
        start = self._cd_start if self._cd_start is not None else end
        if self._cd_seen != len(self._entries):
            raise damaged("has a directory that does not list every entry")
        return len(self._entries), end - start, start

    def _zip64_record(self, record: bytes) -> None:
        size, _, _, disk, cd_disk, on_disk, count, cd_size, cd_offset = ZIP64_EOCD.unpack(record)
        if size != ZIP64_EOCD.size - 8 or disk or cd_disk:
            raise unsupported("an extended ZIP64 end record or several disks")
        real_count, real_size, real_offset = self._directory_bounds()
        if (on_disk, count, cd_size, cd_offset) != (real_count, real_count, real_size, real_offset):
            raise damaged("has a ZIP64 end record that does not match its directory")
        self._expect(4, self._signature)

    def _locator(self, record: bytes) -> None:
        disk, offset, disks = ZIP64_LOCATOR.unpack(record)
        if disk or disks != 1 or offset != self._zip64_end:
            raise damaged("has a ZIP64 locator that points elsewhere")
        self._located = True
        self._expect(4, self._signature)

    def _end(self, record: bytes) -> None:
        disk, cd_disk, on_disk, count, cd_size, cd_offset, comment_len = EOCD.unpack(record)
        real_count, real_size, real_offset = self._directory_bounds()
        zip64 = self._located

        def same(value: int, real: int, marker: int) -> bool:
            return value == real or (zip64 and value == marker)

        if disk or cd_disk or comment_len:
            raise unsupported("comments or several disks")
        if not (
            same(on_disk, real_count, MAX16)
            and same(count, real_count, MAX16)
            and same(cd_size, real_size, MAX32)
            and same(cd_offset, real_offset, MAX32)
        ):
            raise damaged("has an end record that does not match its directory")
        if not zip64 and (real_count >= MAX16 or max(real_size, real_offset) >= MAX32):
            raise damaged("lacks the ZIP64 end record its size needs")
        self._done = True

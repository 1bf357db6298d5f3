"""The ZIP records a sealed cable is made of, as CableDesk writes them.

Every entry is stored (method 0) with a fixed date (1980-01-01 00:00), owner-only
Unix permissions and a UTF-8 name. An entry whose bytes are in memory carries its
CRC-32 and sizes in the local header. An entry streamed from a file (an attachment)
carries its sizes in the local header (known from the file before it is read) but
not its CRC-32, which follows the data in a data descriptor (general purpose bit 3):
exactly what Info-ZIP ``zip -0`` writes to a pipe. A size or offset that does not
fit in 32 bits switches that field to ZIP64, as APPNOTE 6.3 §4.5.3 says; the
end of the central directory gets a ZIP64 record and locator when its own fields
overflow. See docs/FORMAT.md for the byte-level description.

``ZIP64_FROM`` is the threshold at which fields switch to ZIP64 (``0xFFFFFFFF``);
tests lower it to exercise the ZIP64 records with small files.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

__all__ = [
    "CENTRAL",
    "CENTRAL_SIG",
    "DESCRIPTOR_SIG",
    "EOCD",
    "EOCD_SIG",
    "FLAG_DESCRIPTOR",
    "FLAG_UTF8",
    "LOCAL",
    "LOCAL_SIG",
    "MAX16",
    "MAX32",
    "ZIP64_EOCD",
    "ZIP64_EOCD_SIG",
    "ZIP64_EXTRA_ID",
    "ZIP64_LOCATOR",
    "ZIP64_LOCATOR_SIG",
    "Written",
    "central_record",
    "data_descriptor",
    "end_records",
    "local_header",
]

LOCAL_SIG = 0x04034B50
CENTRAL_SIG = 0x02014B50
DESCRIPTOR_SIG = 0x08074B50
ZIP64_EOCD_SIG = 0x06064B50
ZIP64_LOCATOR_SIG = 0x07064B50
EOCD_SIG = 0x06054B50
ZIP64_EXTRA_ID = 0x0001
FLAG_DESCRIPTOR = 0x0008  # bit 3: CRC-32 (and sizes) in a data descriptor after the data
FLAG_UTF8 = 0x0800  # bit 11: the name is UTF-8
STORED = 0
DOS_TIME = 0x0000  # 00:00:00
DOS_DATE = 0x0021  # 1980-01-01, the earliest date a ZIP can hold
VERSION_STORED = 10  # 1.0: stored files
VERSION_ZIP64 = 45  # 4.5: ZIP64 extensions
VERSION_MADE_BY = (3 << 8) | VERSION_ZIP64  # host 3 = Unix, so the permissions below apply
EXTERNAL_ATTRS = 0o100600 << 16  # a regular file, readable by its owner only
MAX16 = 0xFFFF
MAX32 = 0xFFFF_FFFF
ZIP64_FROM = MAX32

# Fixed parts of the records, after their 4-byte signature (little-endian).
LOCAL = struct.Struct("<HHHHHIIIHH")  # 26 bytes
CENTRAL = struct.Struct("<HHHHHHIIIHHHHHII")  # 42 bytes
EOCD = struct.Struct("<HHHHIIH")  # 18 bytes
ZIP64_EOCD = struct.Struct("<QHHIIQQQQ")  # 52 bytes
ZIP64_LOCATOR = struct.Struct("<IQI")  # 16 bytes
_SIG = struct.Struct("<I")
_EXTRA_HEAD = struct.Struct("<HH")
_U64 = struct.Struct("<Q")
ZIP64_EOCD_SIZE = 44  # "size of the zip64 end of central directory record" with no extensible data


@dataclass(frozen=True, slots=True)
class Written:
    """An entry as written: what its central directory record repeats."""

    name: str
    offset: int
    size: int
    crc: int
    streamed: bool  # CRC-32 in a data descriptor (bit 3)


def _zip64_extra(values: list[int]) -> bytes:
    if not values:
        return b""
    return _EXTRA_HEAD.pack(ZIP64_EXTRA_ID, 8 * len(values)) + b"".join(
        _U64.pack(v) for v in values
    )


def _flags(streamed: bool) -> int:
    return FLAG_UTF8 | (FLAG_DESCRIPTOR if streamed else 0)


def local_header(name: str, size: int, crc: int | None) -> bytes:
    """The local file header of a stored entry of ``size`` bytes.

    ``crc`` None means the entry is streamed: its CRC-32 comes in the data
    descriptor written after the data (:func:`data_descriptor`).
    """
    raw = name.encode("utf-8")
    zip64 = size >= ZIP64_FROM
    field = MAX32 if zip64 else size
    extra = _zip64_extra([size, size]) if zip64 else b""
    fixed = LOCAL.pack(
        VERSION_ZIP64 if zip64 else VERSION_STORED,
        _flags(crc is None),
        STORED,
        DOS_TIME,
        DOS_DATE,
        0 if crc is None else crc,
        field,
        field,
        len(raw),
        len(extra),
    )
    return _SIG.pack(LOCAL_SIG) + fixed + raw + extra


def data_descriptor(crc: int, size: int) -> bytes:
    """The data descriptor after a streamed entry: signature, CRC-32, both sizes
    (8 bytes each when the local header had a ZIP64 extra field, else 4)."""
    if size >= ZIP64_FROM:
        return struct.pack("<IIQQ", DESCRIPTOR_SIG, crc, size, size)
    return struct.pack("<IIII", DESCRIPTOR_SIG, crc, size, size)


def central_record(entry: Written) -> bytes:
    """The central directory record of ``entry``."""
    raw = entry.name.encode("utf-8")
    big_size = entry.size >= ZIP64_FROM
    big_offset = entry.offset >= ZIP64_FROM
    values = ([entry.size, entry.size] if big_size else []) + ([entry.offset] if big_offset else [])
    extra = _zip64_extra(values)
    fixed = CENTRAL.pack(
        VERSION_MADE_BY,
        VERSION_ZIP64 if values else VERSION_STORED,
        _flags(entry.streamed),
        STORED,
        DOS_TIME,
        DOS_DATE,
        entry.crc,
        MAX32 if big_size else entry.size,
        MAX32 if big_size else entry.size,
        len(raw),
        len(extra),
        0,  # comment length
        0,  # disk number start
        0,  # internal attributes
        EXTERNAL_ATTRS,
        MAX32 if big_offset else entry.offset,
    )
    return _SIG.pack(CENTRAL_SIG) + fixed + raw + extra


def end_records(count: int, cd_offset: int, cd_size: int) -> bytes:
    """The end of the central directory, preceded by the ZIP64 record and locator
    when a count, size or offset does not fit its 16- or 32-bit field."""
    big_count = count >= MAX16
    big_size = cd_size >= ZIP64_FROM
    big_offset = cd_offset >= ZIP64_FROM
    out = b""
    if big_count or big_size or big_offset:
        zip64_offset = cd_offset + cd_size
        out += _SIG.pack(ZIP64_EOCD_SIG) + ZIP64_EOCD.pack(
            ZIP64_EOCD_SIZE, VERSION_MADE_BY, VERSION_ZIP64, 0, 0, count, count, cd_size, cd_offset
        )
        out += _SIG.pack(ZIP64_LOCATOR_SIG) + ZIP64_LOCATOR.pack(0, zip64_offset, 1)
    short_count = MAX16 if big_count else count
    out += _SIG.pack(EOCD_SIG) + EOCD.pack(
        0,
        0,
        short_count,
        short_count,
        MAX32 if big_size else cd_size,
        MAX32 if big_offset else cd_offset,
        0,
    )
    return out

"""The streaming ZIP reader: what it accepts (ours, Info-ZIP's, Python's, ZIP64),
checks (CRC-32, sizes, directory, end records) and refuses (unsafe names, bombs)."""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cabledesk.errors import CableDeskError, PackageError
from cabledesk.seal import Limits, _zipformat
from cabledesk.seal._zipread import Entry, UnsafeArchive, ZipReader
from tests.seal.kit import build_zip, raw_local

ENTRIES = [
    ("format", b"cabledesk.seal/1\n"),
    ("cable.json", b'{"id":"x"}' * 50),
    ("attachments/empty.txt", b""),
    ("attachments/r\u00e9sum\u00e9.pdf", os.urandom(70_000)),
    ("manifest.json", b"{}"),
]


class Recorder:
    """An EntrySink that keeps everything."""

    def __init__(self) -> None:
        self.entries: list[tuple[str, bytes]] = []
        self._data = bytearray()
        self._name = ""

    def begin(self, entry: Entry) -> None:
        self._name = entry.name
        self._data = bytearray()

    def data(self, chunk: memoryview) -> None:
        self._data += chunk

    def end(self) -> None:
        self.entries.append((self._name, bytes(self._data)))


def read(
    data: bytes, *, chunk: int | None = None, limits: Limits | None = None
) -> list[tuple[str, bytes]]:
    sink = Recorder()
    reader = ZipReader(sink, limits or Limits())
    if chunk is None:
        reader.write(data)
    else:
        for i in range(0, len(data), chunk):
            reader.write(data[i : i + chunk])
    reader.close()
    return sink.entries


@pytest.mark.parametrize("streamed", [False, True])
@pytest.mark.parametrize("chunk", [None, 1, 7, 4096])
def test_reads_our_archives_in_any_chunking(streamed: bool, chunk: int | None) -> None:
    data = build_zip(ENTRIES, streamed=streamed)
    assert read(data, chunk=chunk) == ENTRIES
    with zipfile.ZipFile(io.BytesIO(data)) as z:  # and so does Python's reader
        assert z.testzip() is None
        assert [(i.filename, z.read(i)) for i in z.infolist()] == ENTRIES


def test_zip64_records_everywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_zipformat, "ZIP64_FROM", 0)
    for streamed in (False, True):
        data = build_zip(ENTRIES, streamed=streamed)
        assert b"PK\x06\x06" in data and b"PK\x06\x07" in data
        assert read(data, chunk=3) == ENTRIES
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            assert [(i.filename, z.read(i)) for i in z.infolist()] == ENTRIES


@pytest.mark.parametrize("method", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
def test_reads_what_python_writes(method: int) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=method) as z:
        for name, data in ENTRIES:
            z.writestr(name, data)
    assert read(out.getvalue(), chunk=1000) == ENTRIES


def test_deterministic_bytes() -> None:
    assert build_zip(ENTRIES) == build_zip(ENTRIES)
    data = build_zip(ENTRIES[:1])
    # local header: version 10, UTF-8 flag, stored, 00:00 1980-01-01, CRC, sizes, lengths
    assert data[:30] == struct.pack(
        "<IHHHHHIIIHH", 0x04034B50, 10, 0x0800, 0, 0, 0x21, zlib.crc32(ENTRIES[0][1]), 17, 17, 6, 0
    )
    central = data[30 + 6 + 17 :]
    assert central[:4] == b"PK\x01\x02" and central[4:6] == b"\x2d\x03"  # Unix, 4.5
    assert central[38:42] == struct.pack("<I", 0o100600 << 16)


def _replace(data: bytes, old: bytes, new: bytes) -> bytes:
    assert data.count(old) >= 1
    return data.replace(old, new)


@pytest.mark.parametrize(
    "name",
    [b"/etc/passwd", b"../escape", b"attachments/../../x", b"C:/x", b"a\\b", b"attachments/",
     b"a//b", b"./a", b"bad\x01name", b"x" * 1025],
)  # fmt: skip
def test_unsafe_names_are_refused(name: bytes) -> None:
    data = raw_local(name, b"x") + b"PK\x05\x06" + bytes(18)
    with pytest.raises(UnsafeArchive, match="unsafe"):
        read(data)


@pytest.mark.parametrize("second", ["cable.json", "CABLE.JSON", "Cable.json"])
def test_duplicate_names_are_refused(second: str) -> None:
    with pytest.raises(UnsafeArchive, match="two entries"):
        read(build_zip([("cable.json", b"1"), (second, b"2")]))


def test_invalid_utf8_names_are_refused() -> None:
    with pytest.raises(UnsafeArchive, match="not valid text"):
        read(raw_local(b"caf\xe9", b"x"))


def test_a_second_unicode_name_is_refused() -> None:
    extra = struct.pack("<HH", 0x7075, 5) + b"\x01abcd"
    with pytest.raises(UnsafeArchive, match="second name"):
        read(raw_local(b"cable.json", b"x", extra=extra))


def test_links_in_the_directory_are_refused() -> None:
    data = build_zip(ENTRIES[:1])
    link = struct.pack("<I", 0o120777 << 16)
    with pytest.raises(UnsafeArchive, match="link"):
        read(_replace(data, struct.pack("<I", 0o100600 << 16), link))


def test_too_many_entries() -> None:
    entries = [(f"attachments/{i}", b"") for i in range(6)]
    with pytest.raises(UnsafeArchive, match="more than 5 entries"):
        read(build_zip(entries), limits=Limits(max_entries=5))


def test_total_size_cap() -> None:
    with pytest.raises(UnsafeArchive, match="add up to more than 100 bytes"):
        read(build_zip([("a", b"x" * 60), ("b", b"x" * 60)]), limits=Limits(max_total_size=100))


@pytest.mark.slow
def test_zip_bomb_by_declared_ratio() -> None:
    plain = bytes(50 * 1024 * 1024)
    packed = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = packed.compress(plain) + packed.flush()
    data = raw_local(b"cable.json", body, method=8, size=len(plain), crc=zlib.crc32(plain))
    with pytest.raises(UnsafeArchive, match="ZIP bomb"):
        read(data)


def test_zip_bomb_that_lies_about_its_size() -> None:
    plain = bytes(2_000_000)
    packed = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = packed.compress(plain) + packed.flush()
    data = raw_local(b"cable.json", body, method=8, size=1000, crc=zlib.crc32(plain))
    with pytest.raises(UnsafeArchive, match="beyond its announced size"):
        read(data)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d[:-1], "cut short"),
        (lambda d: d + b"\x00", "after its end"),
        (lambda d: d[:14] + b"\x00\x00\x00\x00" + d[18:], "checksum"),  # CRC of entry 1
        (lambda d: _replace(d, b"PK\x05\x06\x00\x00\x00\x00\x05\x00", b"PK\x05\x06\x00\x00\x00\x00\x04\x00"), "end record"),
        (lambda d: d[:-2] + b"\x01\x00" + b"!", "comments"),
        (lambda d: _replace(d, b"PK\x01\x02", b"PK\x01\x03"), "unexpected record"),
    ],
)  # fmt: skip
def test_damaged_archives(mutate: Callable[[bytes], bytes], message: str) -> None:
    data = build_zip(ENTRIES)
    with pytest.raises(PackageError, match=message):
        read(mutate(data))


def test_streamed_entry_needs_its_descriptor() -> None:
    data = build_zip(ENTRIES[:2], streamed=True)
    with pytest.raises(PackageError, match="data descriptor"):
        read(_replace(data, b"PK\x07\x08", b"PK\x07\x09"))


def test_directory_must_match_the_entries() -> None:
    data = build_zip(ENTRIES[:2])
    directory = data.index(b"PK\x01\x02")
    tampered = data[:directory] + data[directory:].replace(b"cable.json", b"cable.jsoX")
    with pytest.raises(PackageError, match="directory that does not match"):
        read(tampered)


def test_encrypted_and_exotic_entries_are_refused() -> None:
    with pytest.raises(PackageError, match="encrypted"):
        read(raw_local(b"a", b"x", flags=0x0801))
    with pytest.raises(PackageError, match="compression method 12"):
        read(raw_local(b"a", b"x", method=12))


def test_nothing_at_all_is_not_a_package() -> None:
    with pytest.raises(PackageError, match="does not hold a sealed cable"):
        read(b"")
    with pytest.raises(PackageError, match="does not hold a sealed cable"):
        read(b"%PDF-1.7\n")


@given(st.binary(max_size=2000))
def test_garbage_raises_only_package_errors(data: bytes) -> None:
    try:
        read(data)
    except PackageError:
        pass


@pytest.mark.slow
@given(st.data())
def test_mutated_archives_raise_only_package_errors(data: st.DataObject) -> None:
    good = bytearray(build_zip(ENTRIES[:3], streamed=data.draw(st.booleans())))
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(good) - 1))
        good[at] = data.draw(st.integers(0, 255))
    chunk = data.draw(st.sampled_from([None, 1, 13, 1000]))
    try:
        read(bytes(good), chunk=chunk)
    except CableDeskError as exc:
        assert isinstance(exc, PackageError)

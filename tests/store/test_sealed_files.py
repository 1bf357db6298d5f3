"""The archive's copies of sealed files: made while the bytes stream, kept or left
behind as a whole, owner-only and synced."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import pytest

from cabledesk.errors import InputError
from cabledesk.store import sealed_files
from cabledesk.store.sealed_files import (
    CopyingReader,
    CopyingWriter,
    archive_copy,
    remove_copy,
)


def _names(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def test_a_kept_copy_holds_what_was_written_owner_only(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    out = io.BytesIO()
    with archive_copy(folder) as copy:
        writer = CopyingWriter(out, copy)
        writer.write(b"age-encryption.org/v1\n")
        writer.write(memoryview(b"the rest"))
        assert _names(folder) != [] and not (folder / copy.name).exists()  # not yet published
        copy.keep()
    assert _names(folder) == [copy.name] and copy.name.endswith(".cable")
    assert (folder / copy.name).read_bytes() == out.getvalue() == b"age-encryption.org/v1\nthe rest"
    assert stat.S_IMODE((folder / copy.name).stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    remove_copy(folder, copy.name)
    assert _names(folder) == []


def test_a_reader_copies_exactly_what_it_gives(tmp_path: Path) -> None:
    source = tmp_path / "in.cable"
    source.write_bytes(os.urandom(100_000))
    with archive_copy(tmp_path) as copy, source.open("rb") as f:
        reader = CopyingReader(f, copy)
        buffer = bytearray(30_000)
        assert reader.readinto(buffer) == 30_000
        assert len(reader.read(10)) == 10
        while reader.readinto(buffer):
            pass
        copy.keep()
    assert (tmp_path / copy.name).read_bytes() == source.read_bytes()


def test_a_copy_not_kept_or_interrupted_leaves_nothing(tmp_path: Path) -> None:
    with archive_copy(tmp_path) as copy:
        copy.write(b"verified, then failed")
    assert _names(tmp_path) == []
    with pytest.raises(OSError, match="the source broke"), archive_copy(tmp_path) as copy:
        copy.write(b"half")
        copy.keep()
        raise OSError("the source broke")  # the caller's error, passed through as it is
    with pytest.raises(KeyboardInterrupt), archive_copy(tmp_path) as copy:
        copy.write(b"half")
        raise KeyboardInterrupt
    assert _names(tmp_path) == []


def test_large_copies_are_handed_to_the_disk_as_they_go(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sealed_files, "WRITEBACK_STEP", 1000)
    data = os.urandom(25_000)
    with archive_copy(tmp_path) as copy:
        for start in range(0, len(data), 777):
            copy.write(data[start : start + 777])
        copy.keep()
    assert (tmp_path / copy.name).read_bytes() == data and copy.size == len(data)


def test_an_archive_folder_that_cannot_be_written(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "archive"
    not_a_folder.write_text("a file where the folder should be")
    with pytest.raises(InputError, match="archive folder"), archive_copy(not_a_folder):
        pass

"""Extraction staging: temporary files in the target folder, published together or not at all."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from cabledesk.errors import InputError
from cabledesk.seal._staging import PRIVATE_PREFIX, Staging


def test_commit_publishes_every_file(tmp_path: Path) -> None:
    staging = Staging(tmp_path)
    for name in ("a.txt", "b.txt"):
        staging.create(name).write(name.encode())
        staging.close_current()
    (private,) = os.listdir(tmp_path)  # one private folder holds the unverified files
    assert private.startswith(PRIVATE_PREFIX) and len(os.listdir(tmp_path / private)) == 2
    published = staging.commit()
    assert [p.name for p in published] == ["a.txt", "b.txt"]
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "b.txt"]
    assert (tmp_path / "a.txt").read_bytes() == b"a.txt"
    assert stat.S_IMODE((tmp_path / "b.txt").stat().st_mode) == 0o600
    staging.discard()
    assert sorted(os.listdir(tmp_path)) == ["a.txt", "b.txt"]


def test_discard_removes_everything(tmp_path: Path) -> None:
    staging = Staging(tmp_path)
    staging.create("a.txt").write(b"secret")
    staging.discard()
    assert os.listdir(tmp_path) == []


def test_a_conflict_at_commit_rolls_back(tmp_path: Path) -> None:
    staging = Staging(tmp_path)
    for name in ("a.txt", "b.txt"):
        staging.create(name).write(b"new")
        staging.close_current()
    (tmp_path / "b.txt").write_bytes(b"theirs")  # appears meanwhile
    with pytest.raises(InputError, match="already exists"):
        staging.commit()
    assert os.listdir(tmp_path) == ["b.txt"] and (tmp_path / "b.txt").read_bytes() == b"theirs"


def test_existing_names_and_missing_folders(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"mine")
    staging = Staging(tmp_path)
    with pytest.raises(InputError, match="already exists"):
        staging.create("a.txt")
    with pytest.raises(InputError, match="does not exist"):
        Staging(tmp_path / "nope")
    staging.create("b.txt")
    with pytest.raises(RuntimeError, match="close the previous"):
        staging.create("c.txt")
    staging.discard()


def test_large_files_are_handed_to_the_disk_as_they_are_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cabledesk.seal import _staging

    monkeypatch.setattr(_staging, "WRITEBACK_STEP", 1000)
    data = os.urandom(10_000)
    staging = Staging(tmp_path)
    out = staging.create("big.bin")
    for i in range(0, len(data), 777):
        out.write(memoryview(data)[i : i + 777])
    staging.close_current()
    (published,) = staging.commit()
    assert published.read_bytes() == data


# --- issue 15, point 11: a crashed extraction leaves nothing behind for long ----------


def test_part_files_are_0600_in_a_private_folder(tmp_path: Path) -> None:
    staging = Staging(tmp_path)
    staging.create("a.txt").write(b"unverified")
    staging.close_current()
    (private,) = tmp_path.iterdir()
    assert stat.S_IMODE(private.stat().st_mode) == 0o700
    (part,) = private.iterdir()
    assert part.suffix == ".part" and stat.S_IMODE(part.stat().st_mode) == 0o600
    staging.discard()
    assert os.listdir(tmp_path) == []


def test_stale_part_files_of_a_crashed_open_extract_are_removed(tmp_path: Path) -> None:
    # A run killed mid-extraction: its private folder stays, and nothing holds its lock.
    crashed = tmp_path / f"{PRIVATE_PREFIX}crashed"
    crashed.mkdir(mode=0o700)
    (crashed / "x.part").write_bytes(b"unverified plaintext")
    running = Staging(tmp_path)  # another extraction, still going on
    running.create("b.txt").write(b"b")
    (live,) = [p for p in tmp_path.iterdir() if p != crashed]
    Staging(tmp_path).create("c.txt")  # the next run sweeps
    assert not crashed.exists() and live.exists()  # the live run's files are kept
    running.discard()


def test_attachment_named_cable_docx_keeps_its_name(tmp_path: Path) -> None:
    staging = Staging(tmp_path)
    staging.create("cable.docx", gives_way=True).write(b"document")
    staging.close_current()
    staging.create("cable.docx").write(b"attachment")
    published = staging.commit()
    assert sorted(p.name for p in published) == ["cable (document).docx", "cable.docx"]
    assert (tmp_path / "cable.docx").read_bytes() == b"attachment"

"""Extraction staging: temporary files in the target folder, published together or not at all."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from cabledesk.errors import InputError
from cabledesk.seal._staging import Staging


def test_commit_publishes_every_file(tmp_path: Path) -> None:
    staging = Staging(tmp_path)
    for name in ("a.txt", "b.txt"):
        staging.create(name).write(name.encode())
        staging.close_current()
    assert len(os.listdir(tmp_path)) == 2 and all(n.startswith(".") for n in os.listdir(tmp_path))
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

from __future__ import annotations

from pathlib import Path

import pytest

from cabledesk.atomic import atomic_output, write_atomic
from cabledesk.errors import InputError


def test_writes_whole_file_owner_only(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    write_atomic(target, b"hello")
    assert target.read_bytes() == b"hello"
    assert target.stat().st_mode & 0o777 == 0o600
    assert list(tmp_path.iterdir()) == [target]


def test_failure_leaves_old_content_and_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_output(target) as f:
        f.write(b"partial")
        raise RuntimeError("boom")
    assert target.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [target]


def test_no_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    target.write_bytes(b"old")
    with pytest.raises(InputError, match="already exists"):
        write_atomic(target, b"new", overwrite=False)
    assert target.read_bytes() == b"old"
    write_atomic(tmp_path / "b.json", b"new", overwrite=False)
    assert (tmp_path / "b.json").read_bytes() == b"new"


def test_no_overwrite_without_hard_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(*_: object) -> None:
        raise PermissionError("operation not permitted")

    monkeypatch.setattr("os.link", no_links)
    write_atomic(tmp_path / "c.json", b"x", overwrite=False)
    assert (tmp_path / "c.json").read_bytes() == b"x"
    with pytest.raises(InputError):
        write_atomic(tmp_path / "c.json", b"y", overwrite=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.json"]


def test_unwritable_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="Cannot write"):
        write_atomic(tmp_path / "missing" / "a.json", b"x")


def test_a_device_is_written_in_place_never_replaced() -> None:
    """``-o /dev/null`` must not turn the device into a regular file (it once did)."""
    null = Path("/dev/null")
    if not null.is_char_device():
        pytest.skip("no /dev/null on this platform")
    before = {p.name for p in null.parent.iterdir()}
    write_atomic(null, b"discarded")
    with atomic_output(null) as f:
        f.write(b"discarded too")
    assert null.is_char_device()
    assert {p.name for p in null.parent.iterdir()} == before  # no temporary file in /dev

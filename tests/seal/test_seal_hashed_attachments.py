"""The writer checks the attachments the cable lists with a SHA-256 (hashed by the caller
before sealing) against the bytes it seals."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import pytest

from cabledesk.domain.cable import Attachment
from cabledesk.domain.canonical import encode_cable
from cabledesk.errors import InputError
from cabledesk.seal import Verdict, seal
from tests.seal.kit import BANNER, BOB, CABLE, JANE, NOW, open_bytes, recipient, seal_bytes


def _annex(tmp_path: Path, data: bytes = b"the annex\n") -> tuple[Path, Attachment]:
    path = tmp_path / "annex.txt"
    path.write_bytes(data)
    return path, Attachment("annex.txt", size=len(data), sha256=hashlib.sha256(data).hexdigest())


def test_bytes_as_hashed_are_sealed(tmp_path: Path) -> None:
    path, listed = _annex(tmp_path)
    cable = replace(CABLE, attachments=(listed,))
    v = open_bytes(seal_bytes(cable=cable, attachments=[path]), BOB)
    assert v.verdict is Verdict.VALID and v.cable == cable and not v.warnings


def test_a_file_changed_since_it_was_hashed_is_refused_and_nothing_written(
    tmp_path: Path,
) -> None:
    path, listed = _annex(tmp_path)
    path.write_bytes(b"THE ANNEX\n")  # same size, other bytes
    cable = replace(CABLE, attachments=(listed,))
    out = tmp_path / "out.cable"
    with pytest.raises(InputError, match=r"annex\.txt changed while it was being sealed"):
        seal(encode_cable(cable), cable_id=cable.id, banner=BANNER, sender=JANE,
             recipients=[recipient(BOB)], output=out, attachments=[path], now=NOW)  # fmt: skip
    assert list(tmp_path.iterdir()) == [path]


def test_a_listed_size_that_differs_is_refused(tmp_path: Path) -> None:
    path, listed = _annex(tmp_path)
    cable = replace(CABLE, attachments=(replace(listed, size=(listed.size or 0) + 1),))
    with pytest.raises(InputError, match="changed while it was being sealed"):
        seal_bytes(cable=cable, attachments=[path])


def test_a_hashed_attachment_that_is_not_sealed_is_a_bug(tmp_path: Path) -> None:
    _, listed = _annex(tmp_path)
    with pytest.raises(ValueError, match="not sealed"):
        seal_bytes(cable=replace(CABLE, attachments=(listed,)))


def test_attachments_listed_without_a_hash_are_not_checked(tmp_path: Path) -> None:
    path, listed = _annex(tmp_path)
    cable = replace(CABLE, attachments=(replace(listed, size=1, sha256=None),))
    assert open_bytes(seal_bytes(cable=cable, attachments=[path]), BOB).ok

"""Hostile and broken input: each gets a typed error or a failure verdict with a clear
message, and nothing is ever left in the extraction folder."""

from __future__ import annotations

import io
import os
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cabledesk.crypto.age import ScryptRecipient, encrypt
from cabledesk.errors import CableDeskError, HeaderError, PackageError, PayloadError
from cabledesk.seal import Limits, Verdict
from tests.seal.kit import (
    BOB,
    JANE,
    Package,
    build_zip,
    encrypt_bytes,
    open_bytes,
    raw_local,
    seal_bytes,
)

GOOD = Package.of(seal_bytes())


def _zip_with(name: str, data: bytes = b"x", *, first: bool = False) -> bytes:
    entries = list(GOOD.entries)
    entries.insert(0 if first else 2, (name, data))
    return build_zip(entries)


def _central(entries: list[tuple[bytes, bytes]]) -> bytes:
    """Local entries from raw_local, without a directory (reading stops before it)."""
    return b"".join(raw_local(name, data) for name, data in entries)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    return out


def _refused(plain: bytes, folder: Path, verdict: Verdict, text: str) -> None:
    v = open_bytes(encrypt_bytes(plain, [BOB, JANE]), extract_to=folder)
    assert v.verdict is verdict, v.message
    assert not v.ok and text in v.message and v.hint
    assert os.listdir(folder) == []


def test_zip_bomb(folder: Path) -> None:
    plain = bytes(20 * 1024 * 1024)
    packed = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = packed.compress(plain) + packed.flush()
    bomb = raw_local(b"format", b"cabledesk.seal/1\n") + raw_local(
        b"cable.json", body, method=8, size=len(plain), crc=zlib.crc32(plain)
    )
    _refused(bomb, folder, Verdict.UNSAFE_ARCHIVE, "ZIP bomb")


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("../../.bashrc", "climbs out of its folder"),
        ("attachments/../../x", "climbs out of its folder"),
        ("/etc/cron.d/job", "absolute path"),
        ("C:/Windows/evil.exe", "absolute path"),
        ("attachments\\..\\evil", "Windows path separator"),
        ("evil.sh", "not part of a sealed cable"),
        ("attachments/.hidden", "not a safe file name"),
        ("attachments/sub/file", "not a safe file name"),
        ("attachments/CON", "not a safe file name"),
        ("attachments/", "is a folder"),
    ],
)
def test_unsafe_entry_names(name: str, text: str, folder: Path) -> None:
    _refused(_zip_with(name), folder, Verdict.UNSAFE_ARCHIVE, text)


def test_duplicate_names(folder: Path) -> None:
    _refused(_zip_with("CABLE.JSON"), folder, Verdict.UNSAFE_ARCHIVE, "two entries")


def test_oversized_small_parts(folder: Path) -> None:
    v = open_bytes(GOOD.seal(), extract_to=folder, limits=Limits(max_manifest_bytes=100))
    assert v.verdict is Verdict.UNSAFE_ARCHIVE and "manifest is larger" in v.message


@pytest.mark.parametrize(
    ("plain", "text"),
    [
        (b"", "does not hold a sealed cable"),
        (b"Dear Bob, here is the plain text you asked for.", "does not hold a sealed cable"),
        (build_zip([("readme.txt", b"hi")]), "does not hold a sealed cable"),
        (build_zip([("format", b"cabledesk.seal/one\n")]), "does not hold a sealed cable"),
        (build_zip([("format", b"cabledesk.seal/1\n")]), "incomplete"),
        (build_zip([GOOD.entries[0], GOOD.entries[2], GOOD.entries[1], GOOD.entries[3]]),
         "not in the order"),
        (build_zip(GOOD.entries)[:-30], "cut short"),
        (build_zip(GOOD.entries) + b"\x00", "after its end"),
    ],
)  # fmt: skip
def test_not_a_sealed_cable_inside(plain: bytes, text: str, folder: Path) -> None:
    with pytest.raises(PackageError, match=text) as caught:
        open_bytes(encrypt_bytes(plain, [BOB]), extract_to=folder)
    assert caught.value.hint
    assert os.listdir(folder) == []


@pytest.mark.parametrize(
    ("mutate", "error", "text"),
    [
        (lambda d: d[: len(d) // 2], PayloadError, "altered or damaged"),
        (lambda d: d[:40], HeaderError, "header"),
        (lambda d: b"", HeaderError, "age"),
        (lambda d: b"%PDF-1.7\n" + d, HeaderError, "not a valid age-encrypted file"),
        (lambda d: d + b"more", PayloadError, "altered or damaged"),
    ],
)
def test_truncated_or_wrong_file_type(
    mutate: Callable[[bytes], bytes], error: type[Exception], text: str, folder: Path
) -> None:
    data = seal_bytes(attachments=[], docx=os.urandom(300_000))
    with pytest.raises(error, match=text):
        open_bytes(mutate(data), extract_to=folder)
    assert os.listdir(folder) == []


def test_passphrase_file_is_not_decryptable() -> None:
    out = io.BytesIO()
    encrypt(io.BytesIO(GOOD.zip()), out, [ScryptRecipient("correct horse", work_factor=10)])
    v = open_bytes(out.getvalue())
    assert v.verdict is Verdict.NOT_DECRYPTABLE and v.recipient_kinds == ("scrypt",)
    assert "1 passphrase" in v.message


def test_late_failure_removes_files_already_staged(folder: Path, tmp_path: Path) -> None:
    annex = tmp_path / "annex.pdf"
    annex.write_bytes(os.urandom(2_000_000))
    package = Package.of(seal_bytes(attachments=[annex]))
    package["manifest.sig"] = package["manifest.sig"].replace(b"A", b"B", 1)
    v = open_bytes(package.seal(), extract_to=folder)
    assert not v.ok and os.listdir(folder) == []
    with pytest.raises(PayloadError):
        open_bytes(seal_bytes(attachments=[annex])[:-100], extract_to=folder)
    assert os.listdir(folder) == []


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=3000))
def test_garbage_files(data: bytes) -> None:
    try:
        v = open_bytes(data)
    except CableDeskError:
        return
    assert not v.ok


@settings(max_examples=60)
@given(st.binary(max_size=3000))
def test_garbage_inside_the_encryption(data: bytes) -> None:
    try:
        v = open_bytes(encrypt_bytes(data, [BOB]))
    except CableDeskError as exc:
        assert isinstance(exc, PackageError)
        return
    assert not v.ok


@pytest.mark.slow
@settings(max_examples=150)
@given(st.data())
def test_mutated_packages(data: st.DataObject) -> None:
    plain = bytearray(GOOD.zip())
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(plain) - 1))
        plain[at] = data.draw(st.integers(0, 255))
    try:
        v = open_bytes(encrypt_bytes(bytes(plain), [BOB, JANE]))
    except CableDeskError as exc:
        assert isinstance(exc, PackageError)
        return
    # Only the fields nobody signs or checks (times, attributes, version made by) may change
    # and still give a valid cable; then it is the very same cable.
    if v.ok:
        assert v.cable_json == GOOD["cable.json"]

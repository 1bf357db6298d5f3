"""The STREAM payload across batch boundaries, where the reader and writer threads run.

Sizes sit on and around the 64 KiB chunk and the batch (``BATCH`` chunks)
boundaries, so that both the one-batch path and the pipeline are exercised,
including a final chunk that is full and the last of a full batch.
"""

from __future__ import annotations

import io
import os
import threading
from collections.abc import Callable

import pytest

from cabledesk.crypto.age._stream import (
    BATCH,
    CHUNK_SIZE,
    ENCRYPTED_CHUNK_SIZE,
    PLAIN_BLOCK,
    SEALED_BLOCK,
    TAG_SIZE,
    ShouldCancel,
    decrypt_stream,
    encrypt_stream,
)
from cabledesk.errors import Cancelled, PayloadError

KEY = bytes(range(32))
SIZES = [
    0,
    1,
    PLAIN_BLOCK - 1,
    PLAIN_BLOCK,
    PLAIN_BLOCK + 1,
    PLAIN_BLOCK + CHUNK_SIZE,
    2 * PLAIN_BLOCK - CHUNK_SIZE,
    2 * PLAIN_BLOCK,
    2 * PLAIN_BLOCK + 7,
    3 * PLAIN_BLOCK + CHUNK_SIZE + 1,
]


def _seal(data: bytes) -> bytes:
    out = io.BytesIO()
    assert encrypt_stream(KEY, io.BytesIO(data), out) == len(data)
    return out.getvalue()


def _open(sealed: bytes) -> bytes:
    out = io.BytesIO()
    assert decrypt_stream(KEY, io.BytesIO(sealed), out) == len(out.getvalue())
    return out.getvalue()


def _threads() -> set[str]:
    return {t.name for t in threading.enumerate() if t.name.startswith("cabledesk-")}


@pytest.mark.parametrize("size", SIZES)
def test_round_trip_across_batches(size: int) -> None:
    data = os.urandom(size)
    sealed = _seal(data)
    chunks = max(1, -(-size // CHUNK_SIZE))
    assert len(sealed) == size + chunks * TAG_SIZE
    assert _open(sealed) == data
    assert not _threads()  # every reader and writer thread has ended


def test_the_same_key_and_data_give_the_same_bytes_whatever_the_path() -> None:
    # one chunk at a time, independently of batches: the nonce layout is the spec's
    from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

    data = os.urandom(2 * PLAIN_BLOCK + 5)
    aead = ChaCha20Poly1305(KEY)
    count = -(-len(data) // CHUNK_SIZE)
    expected = b"".join(
        aead.encrypt(
            i.to_bytes(11, "big") + (b"\x01" if i == count - 1 else b"\x00"),
            data[i * CHUNK_SIZE : (i + 1) * CHUNK_SIZE],
            None,
        )
        for i in range(count)
    )
    assert _seal(data) == expected


@pytest.mark.parametrize(
    "cut",
    [SEALED_BLOCK, SEALED_BLOCK - ENCRYPTED_CHUNK_SIZE, SEALED_BLOCK + 1, 2 * SEALED_BLOCK - 3],
)
def test_truncation_at_and_near_batch_boundaries(cut: int) -> None:
    sealed = _seal(os.urandom(2 * PLAIN_BLOCK + 100))
    with pytest.raises(PayloadError):
        _open(sealed[:cut])
    assert not _threads()


def test_a_full_batch_stream_followed_by_more_data() -> None:
    sealed = _seal(os.urandom(PLAIN_BLOCK))  # the final chunk is the last of a full batch
    with pytest.raises(PayloadError, match="after its end"):
        _open(sealed + b"\x00")
    with pytest.raises(PayloadError, match="after its end"):
        _open(sealed + os.urandom(SEALED_BLOCK))


def test_a_damaged_later_batch_releases_only_authenticated_chunks() -> None:
    data = os.urandom(3 * PLAIN_BLOCK)
    sealed = bytearray(_seal(data))
    damaged_chunk = BATCH + 3
    sealed[damaged_chunk * ENCRYPTED_CHUNK_SIZE + 10] ^= 1
    out = io.BytesIO()
    with pytest.raises(PayloadError, match="integrity"):
        decrypt_stream(KEY, io.BytesIO(bytes(sealed)), out)
    released = out.getvalue()
    assert data.startswith(released)
    assert len(released) <= damaged_chunk * CHUNK_SIZE


def test_progress_is_reported_per_batch_and_cancel_stops_the_pipeline() -> None:
    data = os.urandom(4 * PLAIN_BLOCK)
    seen: list[int] = []
    sealed = io.BytesIO()
    encrypt_stream(KEY, io.BytesIO(data), sealed, progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == len(data) and len(seen) >= 3
    seen.clear()
    decrypt_stream(KEY, io.BytesIO(sealed.getvalue()), io.BytesIO(), progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == len(data)
    runs: list[Callable[[ShouldCancel], object]] = [
        lambda c: encrypt_stream(KEY, io.BytesIO(data), io.BytesIO(), cancel=c),
        lambda c: decrypt_stream(KEY, io.BytesIO(sealed.getvalue()), io.BytesIO(), cancel=c),
    ]
    for run in runs:
        answers = iter([False, False, True])
        with pytest.raises(Cancelled):
            run(answers.__next__)
    assert not _threads()


class _FailingReader(io.RawIOBase):
    def __init__(self, data: bytes, fail_at: int) -> None:
        self._data = io.BytesIO(data)
        self._fail_at = fail_at

    def readable(self) -> bool:
        return True

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._data.tell() >= self._fail_at:
            raise OSError(5, "Input/output error")
        return self._data.readinto(b[: self._fail_at - self._data.tell()])


class _FullDisk(io.RawIOBase):
    def __init__(self, room: int) -> None:
        self.room = room
        self.written = 0

    def writable(self) -> bool:
        return True

    def write(self, b: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        if self.written + len(b) > self.room:
            raise OSError(28, "No space left on device")
        self.written += len(b)
        return len(b)


def test_read_errors_of_the_reader_thread_reach_the_caller() -> None:
    data = os.urandom(3 * PLAIN_BLOCK)
    with pytest.raises(OSError, match="Input/output"):
        encrypt_stream(KEY, _FailingReader(data, 2 * PLAIN_BLOCK + 5), io.BytesIO())  # type: ignore[arg-type]
    sealed = _seal(data)
    with pytest.raises(OSError, match="Input/output"):
        decrypt_stream(KEY, _FailingReader(sealed, SEALED_BLOCK + 5), io.BytesIO())  # type: ignore[arg-type]
    assert not _threads()


def test_write_errors_of_the_writer_thread_reach_the_caller() -> None:
    data = os.urandom(4 * PLAIN_BLOCK)
    disk = _FullDisk(SEALED_BLOCK + 1)
    with pytest.raises(OSError, match="No space"):
        encrypt_stream(KEY, io.BytesIO(data), disk)  # type: ignore[arg-type]
    with pytest.raises(OSError, match="No space"):
        decrypt_stream(KEY, io.BytesIO(_seal(data)), _FullDisk(PLAIN_BLOCK + 1))  # type: ignore[arg-type]
    assert not _threads()


def test_wrong_key_fails_on_the_first_chunk() -> None:
    sealed = _seal(os.urandom(2 * PLAIN_BLOCK))
    out = io.BytesIO()
    with pytest.raises(PayloadError):
        decrypt_stream(bytes(32), io.BytesIO(sealed), out)
    assert out.getvalue() == b""

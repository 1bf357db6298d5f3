"""The age payload: STREAM over ChaCha20-Poly1305 in 64 KiB chunks.

Memory stays constant whatever the size: two preallocated chunk buffers and
``encrypt_into``/``decrypt_into``. Decryption follows the reference reader: a
full-size chunk that fails as a middle chunk is tried as the last one, an empty
last chunk is refused unless the payload is empty, and data after the last
chunk is an error. Plaintext of each chunk is written as soon as it is
authenticated; callers that must not release partial plaintext write to a
temporary file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import BinaryIO, TypeVar

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from cabledesk.errors import Cancelled, PayloadError

__all__ = ["CHUNK_SIZE", "TAG_SIZE", "Progress", "ShouldCancel", "decrypt_stream", "encrypt_stream"]

CHUNK_SIZE = 64 * 1024
TAG_SIZE = 16
ENCRYPTED_CHUNK_SIZE = CHUNK_SIZE + TAG_SIZE
# Chunks read, processed and written per system call: fewer, larger I/O calls.
BATCH = 32
# Threads that encrypt or decrypt the chunks of a batch in parallel.
MAX_WORKERS = 4
T = TypeVar("T")
COUNTER_BYTES = 11
_LAST = b"\x01"
_MIDDLE = b"\x00"

Progress = Callable[[int], None]
ShouldCancel = Callable[[], bool]


def _nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(COUNTER_BYTES, "big") + (_LAST if last else _MIDDLE)


def _read_full(src: BinaryIO, view: memoryview) -> int:
    """Fill ``view`` from ``src`` unless EOF comes first; returns the count read."""
    total = 0
    size = len(view)
    while total < size:
        n = src.readinto(view[total:])  # type: ignore[attr-defined]
        if not n:
            break
        total += n
    return total


def _check_cancel(cancel: ShouldCancel | None) -> None:
    if cancel is not None and cancel():
        raise Cancelled("The operation was cancelled.")


def _ranges(count: int, parts: int) -> list[range]:
    step = -(-count // parts) if count else 1
    return [range(i, min(i + step, count)) for i in range(0, count, step)]


class _Workers:
    """Runs a function over ranges of chunks on the cores (ChaCha20-Poly1305 in
    ``cryptography`` releases the GIL), or inline on a one-core machine."""

    def __init__(self, reserved: int = 0) -> None:
        self.count = max(1, min(MAX_WORKERS, (os.cpu_count() or 1) - reserved))
        self._pool = ThreadPoolExecutor(self.count) if self.count > 1 else None

    def map(self, fn: Callable[[range], T], count: int) -> list[T]:
        parts = _ranges(count, self.count)
        if self._pool is None or len(parts) < 2:
            return [fn(r) for r in parts]
        return list(self._pool.map(fn, parts))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()


def encrypt_stream(
    key: bytes,
    src: BinaryIO,
    dst: BinaryIO,
    *,
    progress: Progress | None = None,
    cancel: ShouldCancel | None = None,
) -> int:
    """Encrypt all of ``src`` into ``dst``; returns the plaintext size.

    Reads and writes ``BATCH`` chunks at a time; the last chunk of a full batch
    is held back until the next read tells whether it is the final one.
    """
    aead = ChaCha20Poly1305(key)
    views = [memoryview(bytearray(BATCH * CHUNK_SIZE)) for _ in range(2)]
    out = memoryview(bytearray(BATCH * ENCRYPTED_CHUNK_SIZE))
    workers = _Workers(reserved=1)  # one core is busy reading
    reader = ThreadPoolExecutor(1)  # reads the next batch while this one is sealed
    view = views[0]
    filled = _read_full(src, view)
    counter = 0
    total = 0
    try:
        while True:
            _check_cancel(cancel)
            final_batch = filled < len(view)
            count = max(1, -(-filled // CHUNK_SIZE)) if final_batch else BATCH - 1
            if not final_batch:
                following = views[1] if view is views[0] else views[0]
                following[:CHUNK_SIZE] = view[(BATCH - 1) * CHUNK_SIZE :]
                next_read = reader.submit(_read_full, src, following[CHUNK_SIZE:])
            last_index = count - 1 if final_batch else -1

            def seal(
                indexes: range,
                first: int = counter,
                view: memoryview = view,
                filled: int = filled,
                last_index: int = last_index,
            ) -> None:
                for i in indexes:
                    start = i * CHUNK_SIZE
                    end = min(start + CHUNK_SIZE, filled)
                    o = i * ENCRYPTED_CHUNK_SIZE
                    nonce = _nonce(first + i, i == last_index)
                    aead.encrypt_into(nonce, view[start:end], None, out[o : o + end - start + 16])

            workers.map(seal, count)
            size = min(count * CHUNK_SIZE, filled)
            dst.write(out[: size + count * TAG_SIZE])
            counter += count
            total += size
            if progress is not None:
                progress(total)
            if final_batch:
                return total
            filled = CHUNK_SIZE + next_read.result()
            view = following
    finally:
        reader.shutdown()
        workers.close()


def _payload_error(problem: str) -> PayloadError:
    return PayloadError(
        f"The encrypted content {problem}: it was altered or damaged.",
        hint="Ask the sender for a fresh copy; do not trust any part of this file.",
    )


def decrypt_stream(
    key: bytes,
    src: BinaryIO,
    dst: BinaryIO,
    *,
    progress: Progress | None = None,
    cancel: ShouldCancel | None = None,
) -> int:
    """Decrypt the payload from ``src`` into ``dst``; returns the plaintext size.

    Raises PayloadError if any chunk fails, the stream is cut short or extended;
    the chunks authenticated before the failure have been written. The full
    chunks of a batch are first opened as middle chunks in parallel; from the
    first one that fails, the reference reader's sequential rules apply.
    """
    aead = ChaCha20Poly1305(key)
    view = memoryview(bytearray(BATCH * ENCRYPTED_CHUNK_SIZE))
    out = memoryview(bytearray(BATCH * CHUNK_SIZE))
    workers = _Workers()
    counter = 0
    total = 0
    try:
        while True:
            _check_cancel(cancel)
            filled = _read_full(src, view)
            if filled == 0:
                raise _payload_error("is cut short" if counter else "is missing")
            full, rest = divmod(filled, ENCRYPTED_CHUNK_SIZE)
            first = counter

            def open_middle(indexes: range, first: int = first) -> int | None:
                for i in indexes:
                    e = i * ENCRYPTED_CHUNK_SIZE
                    try:
                        aead.decrypt_into(
                            _nonce(first + i, False),
                            view[e : e + ENCRYPTED_CHUNK_SIZE],
                            None,
                            out[i * CHUNK_SIZE : (i + 1) * CHUNK_SIZE],
                        )
                    except InvalidTag:
                        return i
                return None

            failures = [i for i in workers.map(open_middle, full) if i is not None]
            good = min(failures) if failures else full
            o = good * CHUNK_SIZE
            counter += good
            try:
                if failures:
                    e = good * ENCRYPTED_CHUNK_SIZE
                    chunk = view[e : e + ENCRYPTED_CHUNK_SIZE]
                    _open(aead, counter, True, chunk, out[o : o + CHUNK_SIZE])
                    o += CHUNK_SIZE
                    if e + ENCRYPTED_CHUNK_SIZE < filled or src.read(1):
                        raise _payload_error("has data after its end")
                    return total + o
                if rest:
                    if rest < TAG_SIZE:
                        raise _payload_error("ends with a truncated chunk")
                    if rest == TAG_SIZE and counter > 0:
                        raise _payload_error("ends with an empty chunk")
                    e = full * ENCRYPTED_CHUNK_SIZE
                    _open(aead, counter, True, view[e:filled], out[o : o + rest - TAG_SIZE])
                    o += rest - TAG_SIZE
                    return total + o
            finally:
                dst.write(out[:o])
                if progress is not None:
                    progress(total + o)
            total += o
    finally:
        workers.close()


def _open(
    aead: ChaCha20Poly1305, counter: int, last: bool, chunk: memoryview, out: memoryview
) -> None:
    try:
        aead.decrypt_into(_nonce(counter, last), chunk, None, out)
    except InvalidTag:
        raise _payload_error("fails its integrity check") from None

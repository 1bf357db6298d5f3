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

from collections.abc import Callable
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from cabledesk.errors import Cancelled, PayloadError

__all__ = ["CHUNK_SIZE", "TAG_SIZE", "Progress", "ShouldCancel", "decrypt_stream", "encrypt_stream"]

CHUNK_SIZE = 64 * 1024
TAG_SIZE = 16
ENCRYPTED_CHUNK_SIZE = CHUNK_SIZE + TAG_SIZE
# Chunks read, processed and written per system call: fewer, larger I/O calls.
BATCH = 16
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
    buf = bytearray(BATCH * CHUNK_SIZE)
    view = memoryview(buf)
    out = memoryview(bytearray(BATCH * ENCRYPTED_CHUNK_SIZE))
    filled = _read_full(src, view)
    counter = 0
    total = 0
    while True:
        _check_cancel(cancel)
        final_batch = filled < len(buf)
        count = max(1, -(-filled // CHUNK_SIZE)) if final_batch else BATCH - 1
        o = 0
        for i in range(count):
            start = i * CHUNK_SIZE
            end = min(start + CHUNK_SIZE, filled)
            size = end - start + TAG_SIZE
            last = final_batch and i == count - 1
            aead.encrypt_into(_nonce(counter, last), view[start:end], None, out[o : o + size])
            o += size
            counter += 1
            total += end - start
        dst.write(out[:o])
        if progress is not None:
            progress(total)
        if final_batch:
            return total
        buf[:CHUNK_SIZE] = view[(BATCH - 1) * CHUNK_SIZE :]
        filled = CHUNK_SIZE + _read_full(src, view[CHUNK_SIZE:])


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
    the chunks authenticated before the failure have been written.
    """
    aead = ChaCha20Poly1305(key)
    view = memoryview(bytearray(BATCH * ENCRYPTED_CHUNK_SIZE))
    out = memoryview(bytearray(BATCH * CHUNK_SIZE))
    counter = 0
    total = 0
    while True:
        _check_cancel(cancel)
        filled = _read_full(src, view)
        if filled == 0:
            raise _payload_error("is cut short" if counter else "is missing")
        o = 0
        pos = 0
        try:
            while pos < filled:
                n = min(ENCRYPTED_CHUNK_SIZE, filled - pos)
                chunk = view[pos : pos + n]
                pos += n
                if n < ENCRYPTED_CHUNK_SIZE:
                    if n < TAG_SIZE:
                        raise _payload_error("ends with a truncated chunk")
                    if n == TAG_SIZE and counter > 0:
                        raise _payload_error("ends with an empty chunk")
                    _open(aead, counter, True, chunk, out[o : o + n - TAG_SIZE])
                    o += n - TAG_SIZE
                    return total + o
                try:
                    aead.decrypt_into(_nonce(counter, False), chunk, None, out[o : o + CHUNK_SIZE])
                except InvalidTag:
                    _open(aead, counter, True, chunk, out[o : o + CHUNK_SIZE])
                    o += CHUNK_SIZE
                    if pos < filled or src.read(1):
                        raise _payload_error("has data after its end") from None
                    return total + o
                o += CHUNK_SIZE
                counter += 1
        finally:
            dst.write(out[:o])
            if progress is not None:
                progress(total + o)
        total += o


def _open(
    aead: ChaCha20Poly1305, counter: int, last: bool, chunk: memoryview, out: memoryview
) -> None:
    try:
        aead.decrypt_into(_nonce(counter, last), chunk, None, out)
    except InvalidTag:
        raise _payload_error("fails its integrity check") from None

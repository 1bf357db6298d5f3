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
    """Encrypt all of ``src`` into ``dst``; returns the plaintext size."""
    aead = ChaCha20Poly1305(key)
    current = bytearray(CHUNK_SIZE)
    following = bytearray(CHUNK_SIZE)
    out = bytearray(ENCRYPTED_CHUNK_SIZE)
    out_view = memoryview(out)
    n = _read_full(src, memoryview(current))
    m = 0
    counter = 0
    total = 0
    while True:
        _check_cancel(cancel)
        last = n < CHUNK_SIZE
        if not last:
            m = _read_full(src, memoryview(following))
            last = m == 0
        data = memoryview(current)[:n]
        if n == CHUNK_SIZE:
            aead.encrypt_into(_nonce(counter, last), data, None, out)
            dst.write(out_view)
        else:
            dst.write(aead.encrypt(_nonce(counter, last), bytes(data), None))
        total += n
        if progress is not None:
            progress(total)
        if last:
            return total
        current, following = following, current
        n = m
        counter += 1


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

    Raises PayloadError if any chunk fails, the stream is cut short or extended.
    """
    aead = ChaCha20Poly1305(key)
    buf = bytearray(ENCRYPTED_CHUNK_SIZE)
    view = memoryview(buf)
    plain = bytearray(CHUNK_SIZE)
    plain_view = memoryview(plain)
    counter = 0
    total = 0
    while True:
        _check_cancel(cancel)
        n = _read_full(src, view)
        if n == 0:
            raise _payload_error("is cut short" if counter else "is missing")
        if n < TAG_SIZE:
            raise _payload_error("ends with a truncated chunk")
        if n < ENCRYPTED_CHUNK_SIZE:
            if n == TAG_SIZE and counter > 0:
                raise _payload_error("ends with an empty chunk")
            try:
                data = aead.decrypt(_nonce(counter, True), bytes(view[:n]), None)
            except InvalidTag:
                raise _payload_error("fails its integrity check") from None
            dst.write(data)
            total += len(data)
            if progress is not None:
                progress(total)
            return total
        last = False
        try:
            aead.decrypt_into(_nonce(counter, False), view, None, plain)
        except InvalidTag:
            try:
                aead.decrypt_into(_nonce(counter, True), view, None, plain)
            except InvalidTag:
                raise _payload_error("fails its integrity check") from None
            last = True
        dst.write(plain_view)
        total += CHUNK_SIZE
        if progress is not None:
            progress(total)
        if last:
            if src.read(1):
                raise _payload_error("has data after its end")
            return total
        counter += 1

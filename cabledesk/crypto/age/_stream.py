"""The age payload: STREAM over ChaCha20-Poly1305 in 64 KiB chunks.

Chunks are processed ``BATCH`` at a time. A payload that fits in one batch is
handled on the calling thread; a longer one goes through a pipeline (see
``_pipeline``): a reader thread reads ahead, the calling thread seals or opens
each batch (on several cores where there are more than two), and a writer
thread writes the previous batch. Memory stays constant whatever the size:
a fixed set of preallocated buffers, ``encrypt_into`` / ``decrypt_into``.

Decryption follows the reference reader: a full-size chunk that fails as a
middle chunk is tried as the last one, an empty last chunk is refused unless
the payload is empty, and data after the last chunk is an error. Only
authenticated chunks are written, but a failure can come after some were:
callers that must not release partial plaintext write to a temporary file.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305

from cabledesk.crypto.age._pipeline import Reader, Writer, read_full
from cabledesk.errors import Cancelled, PayloadError

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

__all__ = ["CHUNK_SIZE", "TAG_SIZE", "Progress", "ShouldCancel", "decrypt_stream", "encrypt_stream"]

CHUNK_SIZE = 64 * 1024
TAG_SIZE = 16
ENCRYPTED_CHUNK_SIZE = CHUNK_SIZE + TAG_SIZE
# Chunks per read, write and unit of work (4 MiB): few system calls and thread
# hand-overs; measured faster than 1 or 2 MiB (tests/bench/bench_age.py).
BATCH = 64
PLAIN_BLOCK = BATCH * CHUNK_SIZE
SEALED_BLOCK = BATCH * ENCRYPTED_CHUNK_SIZE
# The first read, before knowing whether the payload is small.
PROBE_SIZE = 2 * ENCRYPTED_CHUNK_SIZE
# Blocks in flight on each side of the pipeline (reader ahead, writer behind).
READ_DEPTH = 2
WRITE_DEPTH = 2
# Threads that seal or open the chunks of a batch: the cores left by the
# reader and the writer, at most this many.
MAX_WORKERS = 4
COUNTER_BYTES = 11
_LAST = b"\x01"
_MIDDLE = b"\x00"

Progress = Callable[[int], None]
ShouldCancel = Callable[[], bool]


def _nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(COUNTER_BYTES, "big") + (_LAST if last else _MIDDLE)


def _check_cancel(cancel: ShouldCancel | None) -> None:
    if cancel is not None and cancel():
        raise Cancelled("The operation was cancelled.")


def _chunks(size: int, chunk: int) -> int:
    return -(-size // chunk)


class _Workers:
    """Runs a function over the chunks of a batch split in ranges, one per core
    (ChaCha20-Poly1305 in ``cryptography`` releases the GIL); inline on a
    machine whose cores are taken by the reader and the writer."""

    def __init__(self) -> None:
        self.count = max(1, min(MAX_WORKERS, (os.cpu_count() or 1) - 1))
        self._pool: ThreadPoolExecutor | None = None
        if self.count > 1:
            from concurrent.futures import ThreadPoolExecutor  # only where it is used

            self._pool = ThreadPoolExecutor(self.count, thread_name_prefix="cabledesk-aead")

    def map(self, fn: Callable[[range], int | None], count: int) -> list[int | None]:
        if self._pool is None or count < 2 * self.count:
            return [fn(range(count))]
        step = _chunks(count, self.count)
        parts = [range(i, min(i + step, count)) for i in range(0, count, step)]
        return list(self._pool.map(fn, parts))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()


def _first_block(src: BinaryIO, size: int) -> tuple[memoryview, int]:
    """The first block of the stream: read into a small buffer first, so that a
    small payload (most cables) does not pay for zeroing a whole block."""
    probe = memoryview(bytearray(PROBE_SIZE))
    filled = read_full(src, probe)
    if filled < PROBE_SIZE:
        return probe, filled
    block = memoryview(bytearray(size))
    block[:PROBE_SIZE] = probe
    return block, PROBE_SIZE + read_full(src, block[PROBE_SIZE:])


def _map(
    workers: _Workers | None, fn: Callable[[range], int | None], count: int
) -> list[int | None]:
    return [fn(range(count))] if workers is None else workers.map(fn, count)


# --- encryption ------------------------------------------------------------


def encrypt_stream(
    key: bytes,
    src: BinaryIO,
    dst: BinaryIO,
    *,
    progress: Progress | None = None,
    cancel: ShouldCancel | None = None,
) -> int:
    """Encrypt all of ``src`` into ``dst``; returns the plaintext size.

    Raises Cancelled when ``cancel()`` turns true (checked once a batch), and
    the ``OSError`` of a failed read or write.
    """
    aead = ChaCha20Poly1305(key)
    first, filled = _first_block(src, PLAIN_BLOCK)
    if filled < PLAIN_BLOCK:  # one batch: no threads
        _check_cancel(cancel)
        out = memoryview(bytearray(filled + max(1, _chunks(filled, CHUNK_SIZE)) * TAG_SIZE))
        size = _seal(aead, first, filled, 0, True, out, None)
        dst.write(out[:size])
        if progress is not None:
            progress(filled)
        return filled
    return _encrypt_pipeline(aead, first, src, dst, progress, cancel)


def _encrypt_pipeline(
    aead: ChaCha20Poly1305,
    first: memoryview,
    src: BinaryIO,
    dst: BinaryIO,
    progress: Progress | None,
    cancel: ShouldCancel | None,
) -> int:
    # The last chunk of a full block is carried over: whether it is the final
    # chunk is known only from the next read. It is sealed at the head of the
    # next output block, so the reader gets each block back at once.
    reader = Reader(src, first, PLAIN_BLOCK, READ_DEPTH)
    writer = Writer(dst, SEALED_BLOCK + ENCRYPTED_CHUNK_SIZE, WRITE_DEPTH)
    workers = _Workers()
    carry = memoryview(bytearray(CHUNK_SIZE))
    counter = total = 0
    try:
        while True:
            _check_cancel(cancel)
            block, filled = reader.next()
            out = writer.block()
            o = 0
            if counter:  # a chunk is carried over from the previous block
                final = filled == 0
                o = _seal(aead, carry, CHUNK_SIZE, counter - 1, final, out, None)
            if filled == PLAIN_BLOCK:
                o += _seal(aead, block, filled - CHUNK_SIZE, counter, False, out[o:], workers)
                carry[:] = block[filled - CHUNK_SIZE :]
                counter += BATCH
            elif filled:
                o += _seal(aead, block, filled, counter, True, out[o:], workers)
            reader.release(block)
            writer.write(out, o)
            total += filled
            if progress is not None:
                progress(total)
            if filled < PLAIN_BLOCK:
                writer.finish()
                return total
    except BaseException:
        writer.abort()
        raise
    finally:
        reader.close()
        workers.close()


def _seal(
    aead: ChaCha20Poly1305,
    block: memoryview,
    filled: int,
    counter: int,
    final: bool,
    out: memoryview,
    workers: _Workers | None,
) -> int:
    """Seal the chunks of ``block[:filled]`` into ``out``; the last one is the
    stream's final chunk if ``final``. Returns the sealed size."""
    count = max(1, _chunks(filled, CHUNK_SIZE))
    last = count - 1 if final else -1

    def seal(indexes: range) -> int | None:
        for i in indexes:
            start = i * CHUNK_SIZE
            end = min(start + CHUNK_SIZE, filled)
            o = i * ENCRYPTED_CHUNK_SIZE
            nonce = _nonce(counter + i, i == last)
            aead.encrypt_into(nonce, block[start:end], None, out[o : o + end - start + TAG_SIZE])
        return None

    _map(workers, seal, count)
    return filled + count * TAG_SIZE


# --- decryption ------------------------------------------------------------


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

    Raises PayloadError if any chunk fails, or the stream is cut short or
    extended; Cancelled when ``cancel()`` turns true (checked once a batch).
    """
    aead = ChaCha20Poly1305(key)
    first, filled = _first_block(src, SEALED_BLOCK)
    if filled < SEALED_BLOCK:  # one batch: no threads
        _check_cancel(cancel)
        if filled == 0:
            raise _payload_error("is missing")
        out = memoryview(bytearray(max(CHUNK_SIZE, filled)))
        size, end, error = _open_batch(aead, first, filled, 0, out, None)
        dst.write(out[:size])
        if error is not None:
            raise error
        if not end:
            raise _payload_error("is cut short")
        if progress is not None:
            progress(size)
        return size
    return _decrypt_pipeline(aead, first, src, dst, progress, cancel)


def _decrypt_pipeline(
    aead: ChaCha20Poly1305,
    first: memoryview,
    src: BinaryIO,
    dst: BinaryIO,
    progress: Progress | None,
    cancel: ShouldCancel | None,
) -> int:
    reader = Reader(src, first, SEALED_BLOCK, READ_DEPTH)
    writer = Writer(dst, PLAIN_BLOCK, WRITE_DEPTH)
    workers = _Workers()
    counter = total = 0
    block, filled = reader.next()
    try:
        while True:
            _check_cancel(cancel)
            out = writer.block()
            size, end, error = _open_batch(aead, block, filled, counter, out, workers)
            writer.write(out, size)
            total += size
            if error is None:
                if end:
                    if filled == SEALED_BLOCK and reader.next()[1] != 0:
                        error = _payload_error("has data after its end")
                elif filled < SEALED_BLOCK:
                    error = _payload_error("is cut short")
                else:
                    reader.release(block)
                    block, filled = reader.next()
                    if filled == 0:
                        error = _payload_error("is cut short")
            if error is not None:
                writer.finish()  # release what was authenticated, as the reference does
                raise error
            if progress is not None:
                progress(total)
            if end:
                writer.finish()
                return total
            counter += BATCH
    except BaseException:
        writer.abort()
        raise
    finally:
        reader.close()
        workers.close()


def _open_batch(
    aead: ChaCha20Poly1305,
    block: memoryview,
    filled: int,
    counter: int,
    out: memoryview,
    workers: _Workers | None,
) -> tuple[int, bool, PayloadError | None]:
    """Open the chunks of ``block[:filled]``, the first with number ``counter``.

    Returns the size of the authenticated plaintext in ``out`` (to be released
    even on failure, as the reference reader does), whether the stream's final
    chunk was reached, and the error to raise once that plaintext is written.
    """
    full, rest = divmod(filled, ENCRYPTED_CHUNK_SIZE)

    def open_middle(indexes: range) -> int | None:
        for i in indexes:
            e = i * ENCRYPTED_CHUNK_SIZE
            try:
                aead.decrypt_into(
                    _nonce(counter + i, False),
                    block[e : e + ENCRYPTED_CHUNK_SIZE],
                    None,
                    out[i * CHUNK_SIZE : (i + 1) * CHUNK_SIZE],
                )
            except InvalidTag:
                return i
        return None

    failed = [i for i in _map(workers, open_middle, full) if i is not None]
    if failed:
        # The first chunk that is not a middle chunk must be the final one, and the end.
        good = min(failed)
        e = good * ENCRYPTED_CHUNK_SIZE
        o = good * CHUNK_SIZE
        chunk = block[e : e + ENCRYPTED_CHUNK_SIZE]
        if not _open_last(aead, counter + good, chunk, out[o : o + CHUNK_SIZE]):
            return o, False, _payload_error("fails its integrity check")
        after = e + ENCRYPTED_CHUNK_SIZE < filled
        return o + CHUNK_SIZE, True, _payload_error("has data after its end") if after else None
    o = full * CHUNK_SIZE
    if not rest:
        return o, False, None
    if rest < TAG_SIZE:
        return o, False, _payload_error("ends with a truncated chunk")
    if rest == TAG_SIZE and counter + full > 0:
        return o, False, _payload_error("ends with an empty chunk")
    e = full * ENCRYPTED_CHUNK_SIZE
    if not _open_last(aead, counter + full, block[e:filled], out[o : o + rest - TAG_SIZE]):
        return o, False, _payload_error("fails its integrity check")
    return o + rest - TAG_SIZE, True, None


def _open_last(aead: ChaCha20Poly1305, counter: int, chunk: memoryview, out: memoryview) -> bool:
    try:
        aead.decrypt_into(_nonce(counter, True), chunk, None, out)
    except InvalidTag:
        return False
    return True

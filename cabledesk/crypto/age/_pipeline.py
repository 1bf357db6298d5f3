"""Overlapping I/O with computation: a reader and a writer thread over recycled buffers.

The STREAM code seals or opens one batch of chunks while the :class:`Reader`
fills the next batch and the :class:`Writer` writes the previous one. Reads,
writes and ChaCha20-Poly1305 all release the GIL, so the three run on separate
cores. Memory stays constant: each side owns a fixed set of buffers that go
round between the threads.

Errors of a thread (an ``OSError`` of the disk, a closed pipe) are raised again
on the thread that uses it, at its next call. The user ends a writer with
:meth:`Writer.finish` (wait for every write) or :meth:`Writer.abort` (write
nothing more), and a reader with :meth:`Reader.close`.
"""

from __future__ import annotations

import queue
import threading
from typing import BinaryIO

__all__ = ["Reader", "Writer", "read_full"]

# How long close() waits for a reader blocked on a slow source (a pipe or a
# terminal) after an error; the thread is a daemon and ends with the process.
READER_JOIN_SECONDS = 1.0


def read_full(src: BinaryIO, view: memoryview) -> int:
    """Fill ``view`` from ``src`` unless the end comes first; returns the count read."""
    total = 0
    size = len(view)
    readinto = getattr(src, "readinto", None)
    while total < size:
        if readinto is not None:
            n = readinto(view[total:])
        else:
            data = src.read(size - total)
            n = len(data)
            view[total : total + n] = data
        if not n:
            break
        total += n
    return total


class Reader:
    """Reads ``src`` into blocks of ``len(first)`` bytes on a thread, ahead of the user.

    ``first`` is a block the caller has already filled (with ``filled`` bytes);
    :meth:`next` returns it first, then each block the thread reads, as
    ``(block, filled)``. A block filled short is the last (the end of ``src``
    was reached), and :meth:`next` must not be called after it. Give every
    block back with :meth:`release` once done with it; ``depth`` blocks (the
    first included) go round.
    """

    def __init__(self, src: BinaryIO, first: memoryview, filled: int, depth: int) -> None:
        self._src = src
        self._free: queue.SimpleQueue[memoryview | None] = queue.SimpleQueue()
        self._full: queue.SimpleQueue[tuple[memoryview, int] | BaseException] = queue.SimpleQueue()
        self._full.put((first, filled))
        for _ in range(depth - 1):
            self._free.put(memoryview(bytearray(len(first))))
        self._thread = threading.Thread(target=self._run, name="cabledesk-read", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            while (block := self._free.get()) is not None:
                filled = read_full(self._src, block)
                self._full.put((block, filled))
                if filled < len(block):
                    return
        except BaseException as exc:  # handed to the consuming thread
            self._full.put(exc)

    def next(self) -> tuple[memoryview, int]:
        item = self._full.get()
        if isinstance(item, BaseException):
            raise item
        return item

    def release(self, block: memoryview) -> None:
        self._free.put(block)

    def close(self) -> None:
        self._free.put(None)
        self._thread.join(READER_JOIN_SECONDS)


class Writer:
    """Writes blocks to ``dst`` on a thread, in the order they are handed over.

    :meth:`block` gives a free block to fill; :meth:`write` hands the first
    ``size`` bytes of it over. :meth:`finish` waits for every write and raises
    the first write error; :meth:`abort` drops what is not written yet.
    """

    def __init__(self, dst: BinaryIO, block_size: int, depth: int) -> None:
        self._dst = dst
        self._free: queue.SimpleQueue[memoryview] = queue.SimpleQueue()
        self._full: queue.SimpleQueue[tuple[memoryview, int] | None] = queue.SimpleQueue()
        self._error: BaseException | None = None
        self._aborted = False
        for _ in range(depth):
            self._free.put(memoryview(bytearray(block_size)))
        self._thread = threading.Thread(target=self._run, name="cabledesk-write", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (item := self._full.get()) is not None:
            block, size = item
            if self._error is None and not self._aborted:
                try:
                    self._dst.write(block[:size])
                except BaseException as exc:  # raised again on the producing thread
                    self._error = exc
            self._free.put(block)

    def block(self) -> memoryview:
        if self._error is not None:
            raise self._error
        return self._free.get()

    def write(self, block: memoryview, size: int) -> None:
        self._full.put((block, size))

    def finish(self) -> None:
        self._full.put(None)
        self._thread.join()
        if self._error is not None:
            raise self._error

    def abort(self) -> None:
        self._aborted = True
        self._full.put(None)
        self._thread.join()

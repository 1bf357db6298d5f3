"""SHA-256 of large files on a thread of its own, beside the age pipeline.

Sealing and opening hash every byte of every file once, in the same pass as
encryption. On the thread that moves the bytes (the age pipeline's reader when
sealing, its writer when opening) SHA-256 would be the slowest step; here it runs
on a separate thread instead, over *copies* of the data (the pipeline recycles
its buffers as soon as a call returns). ``hashlib`` releases the GIL for large
updates, so the hash really runs in parallel with ChaCha20-Poly1305 and I/O.
Memory stays constant: ``DEPTH`` buffers of ``PIECE`` bytes go round; when all
are in use, :meth:`Digest.update` waits (back-pressure).

Small files are hashed inline: a thread hand-over costs more than it saves.
"""

from __future__ import annotations

import hashlib
import queue
import threading

__all__ = ["BACKGROUND_FROM", "Digest", "HashWorker"]

PIECE = 4 * 1024 * 1024  # one age block (4 MiB): one copy per block
DEPTH = 2
BACKGROUND_FROM = 1024 * 1024  # files at least this large are hashed on the worker thread
WAIT_SECONDS = 0.1

_Item = tuple["hashlib._Hash", memoryview, int] | threading.Event | None


class HashWorker:
    """One background thread that hashes the large files of one package, in order.

    Start it lazily (no thread for a package of small files); :meth:`close` it
    when done, also after an error.
    """

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue[_Item] = queue.SimpleQueue()
        self._free: queue.SimpleQueue[memoryview] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._closed = False

    def digest(self, size: int) -> Digest:
        """A new SHA-256 for a file of ``size`` bytes (background if large)."""
        if self._closed:
            raise RuntimeError("this hash worker is closed")
        if size < BACKGROUND_FROM:
            return Digest(hashlib.sha256(), None)
        if self._thread is None:
            for _ in range(DEPTH):
                self._free.put(memoryview(bytearray(PIECE)))
            self._thread = threading.Thread(target=self._run, name="cabledesk-sha256", daemon=True)
            self._thread.start()
        return Digest(hashlib.sha256(), self)

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            if isinstance(item, threading.Event):
                item.set()
                continue
            h, buf, n = item
            h.update(buf[:n])
            self._free.put(buf)

    def _submit(self, h: hashlib._Hash, data: memoryview) -> None:
        for start in range(0, len(data), PIECE):
            piece = data[start : start + PIECE]
            buf = self._free_buffer()
            buf[: len(piece)] = piece
            self._queue.put((h, buf, len(piece)))

    def _free_buffer(self) -> memoryview:
        # A producer abandoned by a cancelled pipeline must not wait forever once closed.
        while True:
            if self._closed:
                raise RuntimeError("this hash worker is closed")
            try:
                return self._free.get(timeout=WAIT_SECONDS)
            except queue.Empty:
                continue

    def _wait(self) -> None:
        if self._closed:
            raise RuntimeError("this hash worker is closed")
        done = threading.Event()
        self._queue.put(done)
        done.wait()

    def close(self) -> None:
        """Stop the thread once the queued work is done; idempotent."""
        if self._closed:
            return
        self._closed = True
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join()


class Digest:
    """A running SHA-256, updated inline or on a :class:`HashWorker`."""

    __slots__ = ("_hash", "_worker")

    def __init__(self, h: hashlib._Hash, worker: HashWorker | None) -> None:
        self._hash = h
        self._worker = worker

    def update(self, data: bytes | bytearray | memoryview) -> None:
        view = memoryview(data).cast("B")
        if self._worker is None:
            self._hash.update(view)
        else:
            self._worker._submit(self._hash, view)

    def hexdigest(self) -> str:
        """The digest in lower-case hex, once every update has been hashed."""
        if self._worker is not None:
            self._worker._wait()
        return self._hash.hexdigest()

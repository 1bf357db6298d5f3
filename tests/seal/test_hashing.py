"""SHA-256 on a worker thread gives the same digests as inline, in any order of files."""

from __future__ import annotations

import hashlib
import os
import threading

import pytest

from cabledesk.seal._hashing import BACKGROUND_FROM, PIECE, HashWorker


def test_background_and_inline_digests() -> None:
    worker = HashWorker()
    files = [os.urandom(n) for n in (0, 10, BACKGROUND_FROM, 3 * PIECE + 5, 100)]
    digests = []
    for data in files:
        d = worker.digest(len(data))
        for i in range(0, len(data), 777_777):
            d.update(memoryview(data)[i : i + 777_777])
        digests.append(d)
    assert [d.hexdigest() for d in digests] == [hashlib.sha256(f).hexdigest() for f in files]
    assert any(t.name == "cabledesk-sha256" for t in threading.enumerate())
    worker.close()
    worker.close()
    assert not any(t.name == "cabledesk-sha256" for t in threading.enumerate())
    with pytest.raises(RuntimeError, match="closed"):
        worker.digest(1)


def test_no_thread_for_small_files() -> None:
    worker = HashWorker()
    worker.digest(10).update(b"x")
    assert worker._thread is None
    worker.close()

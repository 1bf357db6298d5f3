"""Target: the STREAM payload reader (``_stream.decrypt_stream``) with a fixed key."""

from __future__ import annotations

import hashlib
import io

from cabledesk.crypto.age._stream import CHUNK_SIZE, decrypt_stream, encrypt_stream

KEY = hashlib.sha256(b"cabledesk fuzz payload key").digest()


def run(data: bytes) -> None:
    out = io.BytesIO()
    size = decrypt_stream(KEY, io.BytesIO(data), out)
    assert size == len(out.getvalue())


def seeds() -> dict[str, bytes]:
    found = {}
    for size in (0, 1, 100, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 2 * CHUNK_SIZE + 5):
        out = io.BytesIO()
        encrypt_stream(KEY, io.BytesIO(bytes(i % 251 for i in range(size))), out)
        found[f"stream-{size}"] = out.getvalue()
    return found

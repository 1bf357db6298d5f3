"""Target: long STREAM payloads (up to 9 MiB, past the 4 MiB batches of the threaded
pipeline), valid ones edited by the input.

An input is a recipe, so that a few bytes describe a large ciphertext: 4 bytes
give the plaintext size (modulo 9 MiB + 1), then each 6 bytes one edit of the
ciphertext — an operation, a 4-byte offset (modulo the current length) and a
value: flip bits, cut the file there, insert a byte, delete up to 256 bytes,
or append garbage. Without edits the payload must decrypt to its full size.
"""

from __future__ import annotations

import io
from functools import lru_cache

from cabledesk.crypto.age._stream import CHUNK_SIZE, TAG_SIZE, decrypt_stream, encrypt_stream
from tests.fuzz.age_stream import KEY

MAX_PLAINTEXT = 9 * 1024 * 1024
SIZE_BYTES = 4
EDIT_SIZE = 6
_PATTERN = bytes(range(256)) * 64


class _Counter(io.RawIOBase):
    """Discards what is written, counting it (no 9 MiB buffer per input)."""

    def __init__(self) -> None:
        super().__init__()
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        n = len(memoryview(data))
        self.size += n
        return n


@lru_cache(maxsize=4)
def ciphertext(size: int) -> bytes:
    plain = (_PATTERN * (size // len(_PATTERN) + 1))[:size]
    out = io.BytesIO()
    encrypt_stream(KEY, io.BytesIO(plain), out)
    return out.getvalue()


def edited(data: bytes) -> tuple[int, bytes, bool]:
    """The plaintext size, the edited ciphertext, and whether any edit applied."""
    size = int.from_bytes(data[:SIZE_BYTES].ljust(SIZE_BYTES, b"\0"), "big") % (MAX_PLAINTEXT + 1)
    text = bytearray(ciphertext(size))
    changed = False
    for at in range(SIZE_BYTES, len(data) - EDIT_SIZE + 1, EDIT_SIZE):
        op, offset, value = data[at] % 5, int.from_bytes(data[at + 1 : at + 5], "big"), data[at + 5]
        offset %= max(len(text), 1)
        if op == 0 and text:
            text[offset] ^= value or 1
        elif op == 1:
            del text[offset:]
        elif op == 2:
            text.insert(offset, value)
        elif op == 3:
            del text[offset : offset + value + 1]
        elif op == 4:
            text += bytes([value]) * (value + 1)
        changed = True
    return size, bytes(text), changed


def run(data: bytes) -> None:
    size, text, changed = edited(data)
    out = _Counter()
    got = decrypt_stream(KEY, io.BytesIO(text), out)  # type: ignore[arg-type]
    assert got == out.size
    if not changed:
        assert got == size


def _size(n: int) -> bytes:
    return n.to_bytes(SIZE_BYTES, "big")


def seeds() -> dict[str, bytes]:
    block = 64 * CHUNK_SIZE
    sealed_chunk = CHUNK_SIZE + TAG_SIZE
    return {
        "empty": _size(0),
        "one-batch": _size(block - 1),
        "batch-exact": _size(block),
        "batch-and-a-bit": _size(block + 1000),
        "two-batches-exact": _size(2 * block),
        "flip-in-second-batch": _size(block + 1000)
        + bytes([0])
        + (64 * sealed_chunk + 100).to_bytes(4, "big")
        + b"\x01",
        "cut-at-batch": _size(2 * block)
        + bytes([1])
        + (64 * sealed_chunk).to_bytes(4, "big")
        + b"\0",
        "append": _size(3 * CHUNK_SIZE) + bytes([4, 0, 0, 0, 0, 7]),
    }

"""Tamper evidence of the encryption layer: flipped bits anywhere are rejected, and
none of them releases plaintext.

A small sealed cable (one 64 KiB chunk, so its first chunk is also its last) gets
every single bit of the file flipped in turn: header, nonce and chunk. Those
runs shrink the age pipeline's batch to one chunk: the batch only sizes the
buffers (4 MiB by default, which a fresh decryption zeroes: 1.4 ms per trial,
too slow for 23,000 trials); the code paths a one-chunk file takes are the same.
A larger cable, opened with the real batch, gets every bit of its header flipped,
a sample of its first and last chunks (every bit of their first and last 32
bytes, and a stride of bits across the middle), and a random sample elsewhere.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from cabledesk.crypto.age import _stream
from cabledesk.domain.cable import Addressee, Cable, Paragraph
from cabledesk.errors import CableDeskError
from tests.seal.kit import JANE, open_bytes, seal_bytes

pytestmark = pytest.mark.slow  # some 30,000 openings of a tampered cable

CHUNK = _stream.ENCRYPTED_CHUNK_SIZE  # 64 KiB of plaintext + 16-byte tag
SMALL = Cable(
    id="c6f3a1de-0000-4000-8000-000000000001", scheme="us", precedence="ROUTINE",
    originator="AMEMBASSY PARIS", action=(Addressee("SECSTATE WASHDC"),), subject="TEST",
    subject_marking="(U)", paragraphs=(Paragraph("(U)", "Nothing to report."),),
)  # fmt: skip


def _payload_start(data: bytes) -> int:
    """Offset of the first payload chunk: after the MAC line and the 16-byte nonce."""
    return data.index(b"\n", data.index(b"\n---")) + 1 + 16


def _rejected(data: bytes, folder: Path | None = None) -> bool:
    try:
        v = open_bytes(data, JANE, extract_to=folder)
    except CableDeskError:
        return True
    return not v.ok and v.cable is None


def test_every_bit_of_a_small_sealed_cable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_stream, "BATCH", 1)
    monkeypatch.setattr(_stream, "PLAIN_BLOCK", _stream.CHUNK_SIZE)
    monkeypatch.setattr(_stream, "SEALED_BLOCK", CHUNK)
    data = seal_bytes(cable=SMALL, to=[])  # for the sender alone: one stanza
    assert len(data) - _payload_start(data) < CHUNK  # one chunk: the first and the last
    assert not _rejected(data)
    buf = bytearray(data)
    accepted = []
    for i in range(len(buf) * 8):
        buf[i >> 3] ^= 1 << (i & 7)
        if not _rejected(bytes(buf)):
            accepted.append(i)
        buf[i >> 3] ^= 1 << (i & 7)
    assert accepted == []


def _sample(start: int, end: int, *, edge: int = 32, stride: int = 1009) -> list[int]:
    """Bit positions in bytes [start, end): every bit of both ends, a stride between."""
    bits = set(range(start * 8, min(end, start + edge) * 8))
    bits |= set(range(max(start, end - edge) * 8, end * 8))
    bits |= set(range(start * 8, end * 8, stride))
    return sorted(bits)


def test_header_first_and_last_chunks_and_a_sample_elsewhere(tmp_path: Path) -> None:
    annex = tmp_path / "annex.bin"
    annex.write_bytes(os.urandom(5 * CHUNK))
    data = seal_bytes(attachments=[annex])
    assert not _rejected(data)
    body = _payload_start(data)
    last = body + (len(data) - body - 1) // CHUNK * CHUNK
    assert last - body >= 4 * CHUNK
    rng = random.Random(5)
    positions = (
        list(range(body * 8))  # header and nonce, every bit
        + _sample(body, body + CHUNK)  # the first chunk
        + _sample(last, len(data))  # the last chunk
        + rng.sample(range((body + CHUNK) * 8, last * 8), 200)  # elsewhere
    )
    folder = tmp_path / "out"
    folder.mkdir()
    buf = bytearray(data)
    accepted = []
    for i in positions:
        buf[i >> 3] ^= 1 << (i & 7)
        if not _rejected(bytes(buf), folder):
            accepted.append(i)
        buf[i >> 3] ^= 1 << (i & 7)
        assert os.listdir(folder) == []  # nothing extracted, no temporary file left
    assert accepted == []

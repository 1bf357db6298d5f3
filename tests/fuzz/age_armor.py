"""Target: ASCII armor (``armor.ArmorReader``), read to its end."""

from __future__ import annotations

import io

from cabledesk.crypto.age.armor import ArmorReader, ArmorWriter, looks_armored
from tests.fuzz._harness import age_vectors


def run(data: bytes) -> None:
    looks_armored(data[:74])
    reader = ArmorReader(io.BytesIO(data))
    reader.read()


def _armored(data: bytes) -> bytes:
    out = io.BytesIO()
    writer = ArmorWriter(out)
    writer.write(data)
    writer.close()
    return out.getvalue()


def seeds() -> dict[str, bytes]:
    found = {name: body for name, (fields, body) in age_vectors().items()
             if fields.get("armored") == ["yes"]}  # fmt: skip
    for size in (0, 1, 47, 48, 49, 200):
        found[f"armored-{size}"] = _armored(bytes(range(256))[:size] * (1 + size // 256))
    found["armored-crlf"] = _armored(b"x" * 100).replace(b"\n", b"\r\n")
    return found

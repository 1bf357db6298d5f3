"""Target: the FRUS importer (``domain.frus.read_frus_jsonl``, ``cable_from_frus``), then
the canonical encoding of what it imported (what ``draft import-frus`` writes)."""

from __future__ import annotations

from cabledesk.domain.canonical import decode_cable, encode_cable
from cabledesk.domain.frus import read_frus_jsonl
from tests.fuzz._cables import SCHEMES, frus_lines

US = SCHEMES["us"]


def run(data: bytes) -> None:
    for cable in read_frus_jsonl(data.splitlines(keepends=True), scheme=US):
        assert decode_cable(encode_cable(cable)) == cable


def seeds() -> dict[str, bytes]:
    lines = frus_lines(40)
    found = {f"line-{i:02d}": line for i, line in enumerate(lines)}
    found["lines-0-4"] = b"".join(lines[:5])
    return found
